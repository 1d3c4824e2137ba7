#pragma once
// Cheap per-ring operations for drawing big layers at a view's detail, the way geojson-vt cuts
// vector tiles: simplify a ring to the pixel (Douglas–Peucker) and clip it to a tile's box
// (Sutherland–Hodgman). Neither repairs a ring; both keep a valid one drawable.
#include <vector>

#include "core/geometry.hpp"

namespace idlib {

// The ring without the points that move it by less than `tolerance` (map units); its first
// point is kept and it stays closed if it was. Empty when the ring shrinks below 3 points.
std::vector<Vec2> simplifyRing(const std::vector<Vec2>& ring, double tolerance);

// The part of the ring inside `box`, as one ring (edges along the box where it was cut).
// Empty when nothing of it is inside.
std::vector<Vec2> clipRing(const std::vector<Vec2>& ring, const Box& box);

// Rings clipped to `box` (clipRing) where a part crossed a side more than once are joined by
// edges along that side which overlap. Each such edge is given the rings' points that lie on its
// side between its ends, so that overlapping edges share their points: projected to a plane where
// the side is a curve, they still coincide instead of crossing (which would need a repair). False
// where that would more than double their points: the side it stopped at is left as it was.
bool shareEdgePointsOnBox(std::vector<std::vector<Vec2>>& rings, const Box& box);

// Signed area by the shoelace formula: positive counter-clockwise (x east, y north).
double signedArea(const std::vector<Vec2>& ring);

// Even-odd point in polygon over all the rings (shell and holes).
bool insideRings(const std::vector<std::vector<Vec2>>& rings, Vec2 p);

}  // namespace idlib
