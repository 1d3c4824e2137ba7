#pragma once
// Fast polygon triangulation by ear clipping: a port of Mapbox's earcut (ISC licence,
// github.com/mapbox/earcut), the algorithm MapLibre and Mapbox draw every map tile with. Rings
// are hashed along a z-order curve so finding an ear stays near O(n log n); holes are bridged
// into the shell first. It does not repair a polygon: a self-intersecting ring still gives
// triangles covering about its area, which is what drawing needs. Debian packages no C++ earcut.
#include <cstdint>
#include <span>
#include <vector>

#include "core/geometry.hpp"

namespace idlib {

struct EarcutResult {
  // Three indices per triangle into the rings' points taken in order (ring 0's first, then
  // ring 1's...), a closing point repeating the first one counted too.
  std::vector<std::uint32_t> indices;
  bool complete = true;  // false: a degenerate ring stopped it before it covered the polygon
};

// rings[0] is the shell, the rest are holes; either winding, closed or not.
EarcutResult earcut(std::span<const std::vector<Vec2>> rings);

}  // namespace idlib
