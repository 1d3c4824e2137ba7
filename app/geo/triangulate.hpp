#pragma once
// Polygons to triangles. Small layers: through GEOS: validate, repair if needed, then
// constrained Delaunay triangulation, which honours holes and multipolygons. Big ones: by ear
// clipping, repairing only the features that need it.
#include <stop_token>
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
  bool repaired = false;                    // by GEOS MakeValid
};

// `parts` together form one (multi)polygon feature.
PreparedPolygon preparePolygon(const geos::Context& context,
                               const std::vector<PolygonRings>& parts);

// The same for big layers, without validating up front: each part is cut into cells of at most
// about a thousand vertices (geo/tile_cut.hpp; a small part is one cell), ear-clipped
// (geo/earcut.hpp) on `threads` threads, the cells meeting `first` first; only a cell whose
// triangles miss its area (rings that cross, a hole outside its shell) goes through GEOS's
// repair, alone, and one GEOS cannot repair is drawn as ear clipping leaves it, with a problem
// said. The outlines are the rings as read. The anchor is the centre of the biggest triangle,
// which is inside the polygon. After `stop`, what is returned is partial (the caller drops it).
PreparedPolygon prepareLargePolygon(const geos::Context& context,
                                    const std::vector<PolygonRings>& parts,
                                    std::stop_token stop = {}, unsigned threads = 1,
                                    const Box& first = {});

// The polygon as a view shows it, cheaply: rings simplified to `tolerance` (the view's pixel),
// fills clipped to `clip` (outlines are not, so no cut edge is drawn). Not repaired: a part
// whose rings cross is drawn as ear clipping leaves it until the full detail comes.
PreparedPolygon previewPolygon(const std::vector<PolygonRings>& parts, const Box& clip,
                               double tolerance);

// Ear-clipped triangles of the rings (three points per triangle) appended to `triangles`;
// false when they do not cover the rings' area (the rings need repair), and then nothing is
// appended unless `keepIfInexact`.
bool earClip(const std::vector<std::vector<Vec2>>& rings, std::vector<Vec2>& triangles,
             bool keepIfInexact = false);

}  // namespace idlib
