#pragma once
// Plain geometry in the map's projected plane (metres, x east, y north).
#include <algorithm>
#include <cmath>
#include <limits>

namespace idlib {

struct Vec2 {
  double x = 0, y = 0;
  friend Vec2 operator+(Vec2 a, Vec2 b) { return {a.x + b.x, a.y + b.y}; }
  friend Vec2 operator-(Vec2 a, Vec2 b) { return {a.x - b.x, a.y - b.y}; }
  friend Vec2 operator*(Vec2 a, double s) { return {a.x * s, a.y * s}; }
  friend bool operator==(Vec2, Vec2) = default;
};

inline double length(Vec2 v) {
  return std::hypot(v.x, v.y);
}

// A geographic position in degrees, WGS 84.
struct LonLat {
  double lon = 0, lat = 0;
};

struct Box {
  Vec2 min{std::numeric_limits<double>::max(), std::numeric_limits<double>::max()};
  Vec2 max{std::numeric_limits<double>::lowest(), std::numeric_limits<double>::lowest()};

  bool empty() const { return min.x > max.x || min.y > max.y; }
  void extend(Vec2 p) {
    min = {std::min(min.x, p.x), std::min(min.y, p.y)};
    max = {std::max(max.x, p.x), std::max(max.y, p.y)};
  }
  void extend(const Box& b) {
    if (b.empty()) return;
    extend(b.min);
    extend(b.max);
  }
  bool contains(Vec2 p) const {
    return p.x >= min.x && p.x <= max.x && p.y >= min.y && p.y <= max.y;
  }
  bool intersects(const Box& b) const {
    return !(b.min.x > max.x || b.max.x < min.x || b.min.y > max.y || b.max.y < min.y);
  }
  Vec2 centre() const { return {(min.x + max.x) / 2, (min.y + max.y) / 2}; }
  double width() const { return max.x - min.x; }
  double height() const { return max.y - min.y; }
};

}  // namespace idlib
