#include "core/control_areas.hpp"

#include "core/hit_test.hpp"

namespace idlib {

std::optional<Controller> ControlAreas::controllerAt(std::size_t s, Vec2 p) const {
  if (s >= snapshots.size()) return std::nullopt;
  const ControlSnapshot& snap = snapshots[s];
  for (std::size_t t = 0; t < snap.triangleController.size(); ++t)
    if (triangleContains(snap.triangles[3 * t], snap.triangles[3 * t + 1],
                         snap.triangles[3 * t + 2], p))
      return snap.triangleController[t];
  return std::nullopt;
}

}  // namespace idlib
