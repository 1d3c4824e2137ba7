#include "geo/ring_ops.hpp"

#include <algorithm>
#include <cstddef>
#include <utility>

namespace idlib {
namespace {

double squaredDistanceToSegment(Vec2 p, Vec2 a, Vec2 b) {
  const Vec2 ab = b - a, ap = p - a;
  const double lengthSquared = ab.x * ab.x + ab.y * ab.y;
  double t = lengthSquared > 0 ? (ap.x * ab.x + ap.y * ab.y) / lengthSquared : 0;
  t = std::clamp(t, 0.0, 1.0);
  const Vec2 d = p - (a + ab * t);
  return d.x * d.x + d.y * d.y;
}

// Marks the points of [first, last] that Douglas–Peucker keeps; an explicit stack, so a ring of
// millions of points needs no deep recursion.
void markKept(const std::vector<Vec2>& points, std::size_t first, std::size_t last,
              double toleranceSquared, std::vector<char>& keep) {
  std::vector<std::pair<std::size_t, std::size_t>> stack{{first, last}};
  while (!stack.empty()) {
    const auto [a, b] = stack.back();
    stack.pop_back();
    double farthest = 0;
    std::size_t index = a;
    for (std::size_t i = a + 1; i < b; ++i) {
      const double d = squaredDistanceToSegment(points[i], points[a], points[b]);
      if (d > farthest) {
        farthest = d;
        index = i;
      }
    }
    if (farthest <= toleranceSquared) continue;
    keep[index] = 1;
    stack.push_back({a, index});
    stack.push_back({index, b});
  }
}

}  // namespace

std::vector<Vec2> simplifyRing(const std::vector<Vec2>& ring, double tolerance) {
  if (ring.size() < 3) return {};
  const bool closed = ring.front() == ring.back();
  const std::size_t n = closed ? ring.size() - 1 : ring.size();
  if (n < 3) return {};
  // A closed ring has no natural end: split it at the point farthest from its first one.
  std::size_t opposite = 1;
  double farthest = -1;
  for (std::size_t i = 1; i < n; ++i) {
    const Vec2 d = ring[i] - ring[0];
    if (const double s = d.x * d.x + d.y * d.y; s > farthest) {
      farthest = s;
      opposite = i;
    }
  }
  // The ring closed: itself when it is (the usual case), else a closed copy.
  std::vector<Vec2> copy;
  if (!closed) {
    copy.assign(ring.begin(), ring.end());
    copy.push_back(ring[0]);
  }
  const std::vector<Vec2>& points = closed ? ring : copy;
  std::vector<char> keep(points.size(), 0);
  keep[0] = keep[opposite] = keep[n] = 1;
  const double toleranceSquared = tolerance * tolerance;
  markKept(points, 0, opposite, toleranceSquared, keep);
  markKept(points, opposite, n, toleranceSquared, keep);
  std::vector<Vec2> out;
  out.reserve(n + 1);
  for (std::size_t i = 0; i < n; ++i)
    if (keep[i]) out.push_back(points[i]);
  if (out.size() < 3) return {};
  if (closed) out.push_back(out.front());
  return out;
}

std::vector<Vec2> clipRing(const std::vector<Vec2>& ring, const Box& box) {
  std::vector<Vec2> current = ring;
  if (current.size() >= 2 && current.front() == current.back()) current.pop_back();
  if (current.size() < 3) return {};
  // One pass per box side: keep what is inside, add where an edge crosses the side.
  const auto clipSide = [&](auto inside, auto crossing) {
    std::vector<Vec2> out;
    out.reserve(current.size() + 4);
    for (std::size_t i = 0; i < current.size(); ++i) {
      const Vec2 a = current[(i + current.size() - 1) % current.size()], b = current[i];
      const bool aIn = inside(a), bIn = inside(b);
      if (bIn != aIn) out.push_back(crossing(a, b));
      if (bIn) out.push_back(b);
    }
    current = std::move(out);
  };
  const auto atX = [](Vec2 a, Vec2 b, double x) {
    return Vec2{x, a.y + (b.y - a.y) * (x - a.x) / (b.x - a.x)};
  };
  const auto atY = [](Vec2 a, Vec2 b, double y) {
    return Vec2{a.x + (b.x - a.x) * (y - a.y) / (b.y - a.y), y};
  };
  clipSide([&](Vec2 p) { return p.x >= box.min.x; },
           [&](Vec2 a, Vec2 b) { return atX(a, b, box.min.x); });
  clipSide([&](Vec2 p) { return p.x <= box.max.x; },
           [&](Vec2 a, Vec2 b) { return atX(a, b, box.max.x); });
  clipSide([&](Vec2 p) { return p.y >= box.min.y; },
           [&](Vec2 a, Vec2 b) { return atY(a, b, box.min.y); });
  clipSide([&](Vec2 p) { return p.y <= box.max.y; },
           [&](Vec2 a, Vec2 b) { return atY(a, b, box.max.y); });
  if (current.size() < 3) return {};
  current.push_back(current.front());
  return current;
}

namespace {

// One side of a box: the points whose coordinate `axis` (0: x, 1: y) equals `at`.
struct BoxSide {
  int axis;
  double at;
  bool on(Vec2 p) const { return (axis == 0 ? p.x : p.y) == at; }
  double along(Vec2 p) const { return axis == 0 ? p.y : p.x; }
};

// The positions along `side` of the points strictly between those of `a` and `b`, in that
// direction; `onSide`: every point of the rings on the side, sorted, without repeats.
std::pair<std::size_t, std::size_t> between(const std::vector<double>& onSide, double a, double b) {
  const double low = std::min(a, b), high = std::max(a, b);
  const auto first = std::upper_bound(onSide.begin(), onSide.end(), low);
  const auto last = std::lower_bound(first, onSide.end(), high);
  return {static_cast<std::size_t>(first - onSide.begin()),
          static_cast<std::size_t>(last - onSide.begin())};
}

}  // namespace

bool shareEdgePointsOnBox(std::vector<std::vector<Vec2>>& rings, const Box& box) {
  std::size_t budget = 0;  // points it may add: as many as the rings have
  for (const auto& ring : rings)
    budget += ring.size();
  for (const BoxSide side : {BoxSide{0, box.min.x}, BoxSide{0, box.max.x}, BoxSide{1, box.min.y},
                             BoxSide{1, box.max.y}}) {
    std::vector<double> onSide;
    for (const auto& ring : rings)
      for (const Vec2 p : ring)
        if (side.on(p)) onSide.push_back(side.along(p));
    if (onSide.size() < 3) continue;  // no edge along it has a point of another between its ends
    std::ranges::sort(onSide);
    onSide.erase(std::unique(onSide.begin(), onSide.end()), onSide.end());
    // Counted first: a ring that zigzags across the side could otherwise grow quadratically.
    std::size_t added = 0;
    for (const auto& ring : rings)
      for (std::size_t i = 0; i + 1 < ring.size(); ++i)
        if (side.on(ring[i]) && side.on(ring[i + 1])) {
          const auto [first, last] = between(onSide, side.along(ring[i]), side.along(ring[i + 1]));
          added += last - first;
        }
    if (added == 0) continue;
    if (added > budget) return false;
    budget -= added;
    for (auto& ring : rings) {
      std::vector<Vec2> shared;
      shared.reserve(ring.size());
      for (std::size_t i = 0; i < ring.size(); ++i) {
        shared.push_back(ring[i]);
        if (i + 1 == ring.size() || !side.on(ring[i]) || !side.on(ring[i + 1])) continue;
        const double from = side.along(ring[i]), to = side.along(ring[i + 1]);
        const auto [first, last] = between(onSide, from, to);
        const auto point = [&](std::size_t k) {
          return side.axis == 0 ? Vec2{side.at, onSide[k]} : Vec2{onSide[k], side.at};
        };
        if (from < to)
          for (std::size_t k = first; k < last; ++k)
            shared.push_back(point(k));
        else
          for (std::size_t k = last; k-- > first;)
            shared.push_back(point(k));
      }
      ring = std::move(shared);
    }
  }
  return true;
}

double signedArea(const std::vector<Vec2>& ring) {
  double sum = 0;
  for (std::size_t i = 0, j = ring.size() - 1; i < ring.size(); j = i++)
    sum += (ring[j].x - ring[i].x) * (ring[j].y + ring[i].y);
  return sum / 2;
}

bool insideRings(const std::vector<std::vector<Vec2>>& rings, Vec2 p) {
  bool inside = false;
  for (const auto& ring : rings)
    for (std::size_t i = 0, j = ring.size() - 1; i < ring.size(); j = i++)
      if ((ring[i].y > p.y) != (ring[j].y > p.y) &&
          p.x < (ring[j].x - ring[i].x) * (p.y - ring[i].y) / (ring[j].y - ring[i].y) + ring[i].x)
        inside = !inside;
  return inside;
}

}  // namespace idlib
