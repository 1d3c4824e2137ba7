#include "core/labels.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <unordered_map>

namespace idlib {
namespace {

// Placed boxes are bucketed in a coarse grid so each test looks only at nearby labels.
class BoxGrid {
 public:
  explicit BoxGrid(double cell) : cell_(cell) {}
  bool overlaps(const Box& b) const {
    bool hit = false;
    forCells(b, [&](std::int64_t key) {
      if (auto it = cells_.find(key); it != cells_.end())
        for (const auto& other : it->second)
          if (other.intersects(b)) hit = true;
    });
    return hit;
  }
  void insert(const Box& b) {
    forCells(b, [&](std::int64_t key) { cells_[key].push_back(b); });
  }

 private:
  template <class F>
  void forCells(const Box& b, F&& f) const {
    const auto x0 = static_cast<std::int64_t>(std::floor(b.min.x / cell_));
    const auto x1 = static_cast<std::int64_t>(std::floor(b.max.x / cell_));
    const auto y0 = static_cast<std::int64_t>(std::floor(b.min.y / cell_));
    const auto y1 = static_cast<std::int64_t>(std::floor(b.max.y / cell_));
    for (auto y = y0; y <= y1; ++y)
      for (auto x = x0; x <= x1; ++x)
        f((y << 32) ^ (x & 0xffffffff));
  }
  double cell_;
  std::unordered_map<std::int64_t, std::vector<Box>> cells_;
};

}  // namespace

std::vector<PlacedLabel> placeLabels(std::vector<LabelCandidate> candidates, const Box& screen,
                                     double padding, const std::vector<Box>& occupied) {
  std::stable_sort(candidates.begin(), candidates.end(),
                   [](const auto& a, const auto& b) { return a.priority > b.priority; });
  BoxGrid grid(64);
  for (const Box& b : occupied)
    grid.insert(b);
  // Every marker is an obstacle too, so no label covers another town's dot.
  for (const auto& c : candidates) {
    const double r = c.markerRadius;
    grid.insert({{c.anchor.x - r, c.anchor.y - r}, {c.anchor.x + r, c.anchor.y + r}});
  }
  std::vector<PlacedLabel> placed;
  for (const auto& c : candidates) {
    const double gap = c.markerRadius + 3;
    // Right, left, above, below: the order cartographers prefer for point labels.
    const std::array<Vec2, 4> offsets = {
        Vec2{gap, -c.height / 2}, Vec2{-gap - c.width, -c.height / 2},
        Vec2{-c.width / 2, -gap - c.height}, Vec2{-c.width / 2, gap}};
    for (const Vec2 offset : offsets) {
      const Vec2 topLeft = c.anchor + offset;
      const Box box{{topLeft.x - padding, topLeft.y - padding},
                    {topLeft.x + c.width + padding, topLeft.y + c.height + padding}};
      if (box.min.x < screen.min.x || box.min.y < screen.min.y || box.max.x > screen.max.x ||
          box.max.y > screen.max.y)
        continue;
      if (grid.overlaps(box)) continue;
      grid.insert(box);
      placed.push_back({c.id, topLeft});
      break;
    }
  }
  return placed;
}

}  // namespace idlib
