#pragma once
// Polygons to triangles through GEOS: validate, repair if needed, then constrained Delaunay
// triangulation, which honours holes and multipolygons.
#include <string>
#include <vector>

#include "core/geometry.hpp"
#include "geo/geos_context.hpp"

namespace idlib {

// One polygon in map coordinates: rings[0] is the shell, the rest are holes.
struct PolygonRings {
  std::vector<std::vector<Vec2>> rings;
};

struct PreparedPolygon {
  std::vector<Vec2> triangles;              // three vertices per triangle
  std::vector<std::vector<Vec2>> outlines;  // closed rings of the (repaired) polygon
  double area = 0;                          // m²
  Vec2 interiorPoint;                       // inside the polygon, for labels and tooltips
  std::string problem;                      // why the input was invalid, when GEOS had to repair it
};

// `parts` together form one (multi)polygon feature.
PreparedPolygon preparePolygon(const geos::Context& context,
                               const std::vector<PolygonRings>& parts);

}  // namespace idlib
