#include "geo/triangulate.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <iterator>

#include "geo/earcut.hpp"
#include "geo/ring_ops.hpp"
#include "geo/tile_cut.hpp"

namespace idlib {
namespace {

static_assert(sizeof(Vec2) == 2 * sizeof(double), "Vec2 must be two packed doubles for GEOS");

geos::Geometry makeRing(const geos::Context& c, std::vector<Vec2> ring) {
  if (ring.size() >= 3 && !(ring.front() == ring.back())) ring.push_back(ring.front());
  if (ring.size() < 4) return geos::own(c, nullptr);
  GEOSCoordSequence* seq =
      GEOSCoordSeq_copyFromBuffer_r(c.get(), reinterpret_cast<const double*>(ring.data()),
                                    static_cast<unsigned>(ring.size()), 0, 0);
  return geos::own(c, GEOSGeom_createLinearRing_r(c.get(), seq));
}

geos::Geometry makeMultiPolygon(const geos::Context& c, const std::vector<PolygonRings>& parts) {
  std::vector<GEOSGeometry*> polygons;
  for (const auto& part : parts) {
    if (part.rings.empty()) continue;
    geos::Geometry shell = makeRing(c, part.rings[0]);
    if (!shell) continue;
    std::vector<GEOSGeometry*> holes;
    for (std::size_t i = 1; i < part.rings.size(); ++i)
      if (geos::Geometry hole = makeRing(c, part.rings[i])) holes.push_back(hole.release());
    polygons.push_back(GEOSGeom_createPolygon_r(c.get(), shell.release(), holes.data(),
                                                static_cast<unsigned>(holes.size())));
  }
  return geos::own(c, GEOSGeom_createCollection_r(c.get(), GEOS_MULTIPOLYGON, polygons.data(),
                                                  static_cast<unsigned>(polygons.size())));
}

std::vector<Vec2> coordinates(const geos::Context& c, const GEOSGeometry* line) {
  const GEOSCoordSequence* seq = GEOSGeom_getCoordSeq_r(c.get(), line);
  unsigned size = 0;
  GEOSCoordSeq_getSize_r(c.get(), seq, &size);
  std::vector<Vec2> out(size);
  GEOSCoordSeq_copyToBuffer_r(c.get(), seq, reinterpret_cast<double*>(out.data()), 0, 0);
  return out;
}

// Calls `f` for each polygon inside `g` (a polygon, multipolygon or mixed collection).
template <class F>
void forEachPolygon(const geos::Context& c, const GEOSGeometry* g, F&& f) {
  const int type = GEOSGeomTypeId_r(c.get(), g);
  if (type == GEOS_POLYGON) {
    f(g);
  } else if (type == GEOS_MULTIPOLYGON || type == GEOS_GEOMETRYCOLLECTION) {
    const int n = GEOSGetNumGeometries_r(c.get(), g);
    for (int i = 0; i < n; ++i)
      forEachPolygon(c, GEOSGetGeometryN_r(c.get(), g, i), f);
  }
}

}  // namespace

PreparedPolygon preparePolygon(const geos::Context& c, const std::vector<PolygonRings>& parts) {
  PreparedPolygon out;
  geos::Geometry geometry = makeMultiPolygon(c, parts);
  if (!geometry || GEOSisEmpty_r(c.get(), geometry.get())) {
    out.problem = "no ring with at least 3 distinct points";
    return out;
  }
  if (GEOSisValid_r(c.get(), geometry.get()) != 1) {
    char* reason = GEOSisValidReason_r(c.get(), geometry.get());
    out.problem = reason ? reason : "invalid polygon";
    GEOSFree_r(c.get(), reason);
    geometry = geos::own(c, GEOSMakeValid_r(c.get(), geometry.get()));
    out.repaired = true;
    if (!geometry) return out;
  }
  out.area = 0;
  GEOSArea_r(c.get(), geometry.get(), &out.area);
  if (geos::Geometry point = geos::own(c, GEOSPointOnSurface_r(c.get(), geometry.get()))) {
    GEOSGeomGetX_r(c.get(), point.get(), &out.interiorPoint.x);
    GEOSGeomGetY_r(c.get(), point.get(), &out.interiorPoint.y);
  }
  forEachPolygon(c, geometry.get(), [&](const GEOSGeometry* polygon) {
    out.outlines.push_back(coordinates(c, GEOSGetExteriorRing_r(c.get(), polygon)));
    const int holes = GEOSGetNumInteriorRings_r(c.get(), polygon);
    for (int i = 0; i < holes; ++i)
      out.outlines.push_back(coordinates(c, GEOSGetInteriorRingN_r(c.get(), polygon, i)));
  });
  geos::Geometry triangles =
      geos::own(c, GEOSConstrainedDelaunayTriangulation_r(c.get(), geometry.get()));
  if (!triangles) {
    out.problem += (out.problem.empty() ? "" : "; ") + std::string("GEOS could not triangulate it");
    return out;
  }
  const int n = GEOSGetNumGeometries_r(c.get(), triangles.get());
  out.triangles.reserve(static_cast<std::size_t>(n) * 3);
  for (int i = 0; i < n; ++i) {
    const GEOSGeometry* tri = GEOSGetGeometryN_r(c.get(), triangles.get(), i);
    const std::vector<Vec2> ring = coordinates(c, GEOSGetExteriorRing_r(c.get(), tri));
    if (ring.size() < 3) continue;
    out.triangles.insert(out.triangles.end(), ring.begin(), ring.begin() + 3);
  }
  return out;
}

namespace {

constexpr double kFinestDetail = 0.1;  // metres

// `ring` without its detail finer than kFinestDetail. Douglas–Peucker costs more than the ear
// clipping after it, and a ring with no side that short (most drawn at a map's scale) has
// nothing it would drop but points nearly in line, which ear clipping takes as they are.
std::vector<Vec2> withoutUnseenDetail(const std::vector<Vec2>& ring) {
  constexpr double kShortSquared = 16 * kFinestDetail * kFinestDetail;
  const bool dense = std::adjacent_find(ring.begin(), ring.end(), [](Vec2 a, Vec2 b) {
                       const Vec2 d = b - a;
                       return d.x * d.x + d.y * d.y < kShortSquared;
                     }) != ring.end();
  return dense || ring.size() < 4 ? simplifyRing(ring, kFinestDetail) : ring;
}

double triangleArea(Vec2 a, Vec2 b, Vec2 c) {
  return std::abs((b.x - a.x) * (c.y - a.y) - (c.x - a.x) * (b.y - a.y)) / 2;
}

}  // namespace

bool earClip(const std::vector<std::vector<Vec2>>& rings, std::vector<Vec2>& triangles,
             bool keepIfInexact) {
  if (rings.empty()) return true;
  const EarcutResult r = earcut(rings);
  std::vector<const Vec2*> points;
  double expected = 0;
  for (std::size_t k = 0; k < rings.size(); ++k) {
    for (const Vec2& p : rings[k])
      points.push_back(&p);
    expected += (k == 0 ? 1 : -1) * std::abs(signedArea(rings[k]));
  }
  double covered = 0;
  const std::size_t first = triangles.size();
  for (std::size_t i = 0; i + 2 < r.indices.size(); i += 3) {
    const Vec2 a = *points[r.indices[i]], b = *points[r.indices[i + 1]],
               c = *points[r.indices[i + 2]];
    covered += triangleArea(a, b, c);
    triangles.insert(triangles.end(), {a, b, c});
  }
  // Valid rings are covered exactly, up to rounding; anything else needs GEOS.
  const bool ok = r.complete && std::abs(covered - expected) <= 1e-6 * std::abs(expected) + 1e-9;
  if (!ok && !keepIfInexact) triangles.resize(first);
  return ok;
}

namespace {

// The centre of the biggest triangle: inside the polygon, for its label and tooltip.
Vec2 insideTriangles(const std::vector<Vec2>& triangles) {
  Vec2 centre;
  double biggest = -1;
  for (std::size_t i = 0; i + 2 < triangles.size(); i += 3) {
    const Vec2 a = triangles[i], b = triangles[i + 1], c = triangles[i + 2];
    if (const double area = triangleArea(a, b, c); area > biggest) {
      biggest = area;
      centre = (a + b + c) * (1.0 / 3);
    }
  }
  return centre;
}

}  // namespace

PreparedPolygon previewPolygon(const std::vector<PolygonRings>& parts, const Box& clip,
                               double tolerance) {
  PreparedPolygon out;
  for (const PolygonRings& part : parts) {
    std::vector<std::vector<Vec2>> clipped;
    for (std::size_t k = 0; k < part.rings.size(); ++k) {
      std::vector<Vec2> simple = simplifyRing(part.rings[k], tolerance);
      if (simple.empty() && k == 0) break;  // a shell under the pixel: the part is not seen
      if (simple.empty()) continue;
      out.area += (k == 0 ? 1 : -1) * std::abs(signedArea(part.rings[k]));
      std::vector<Vec2> inside = clipRing(simple, clip);
      out.outlines.push_back(std::move(simple));
      if (!inside.empty())
        clipped.push_back(std::move(inside));
      else if (k == 0)
        break;  // the shell is outside the view, and so are its holes
    }
    if (!clipped.empty()) earClip(clipped, out.triangles, true);  // a first look, as it comes
  }
  out.interiorPoint = insideTriangles(out.triangles);
  return out;
}

PreparedPolygon prepareLargePolygon(const geos::Context& c, const std::vector<PolygonRings>& parts,
                                    std::stop_token stop, unsigned threads, const Box& first) {
  PreparedPolygon out;
  const TileOptions tiles;
  std::size_t repairedCells = 0;
  std::string problem;  // GEOS's reason, for the first cell it repaired
  bool exact = true;
  for (const PolygonRings& part : parts) {
    if (part.rings.empty()) continue;
    if (stop.stop_requested()) return out;
    // Detail finer than a fifth of a point at the closest zoom (0.5 m) is never seen; dropping
    // it halves the work on densely sampled rings.
    std::vector<std::vector<Vec2>> rings;
    std::size_t partVertices = 0;
    Box box;
    for (const auto& ring : part.rings) {
      std::vector<Vec2> simple = withoutUnseenDetail(ring);
      if (simple.empty() && rings.empty()) break;  // the shell is a speck
      if (simple.empty()) continue;
      if (!(simple.front() == simple.back())) simple.push_back(simple.front());
      partVertices += simple.size();
      if (rings.empty())
        for (const Vec2& p : simple)
          box.extend(p);
      rings.push_back(std::move(simple));
    }
    if (rings.empty()) continue;
    // A big part, or one with many holes, is cut into cells, each ear-clipped (and if need be
    // repaired) on its own (geo/tile_cut.hpp); a small one is one cell, its rings lent to it.
    const bool oneCell = partVertices <= tiles.maxCellVertices;
    std::vector<TileCell> cells;
    if (oneCell)
      cells.push_back({box, std::move(rings)});
    else
      cells = cutIntoCells(rings, tiles);
    TiledTriangles tiled = triangulateCells(cells, stop, threads, first);
    if (oneCell) rings = std::move(cells[0].rings);
    if (tiled.stopped) return out;
    exact = exact && tiled.exact;
    repairedCells += tiled.repairedCells;
    if (problem.empty()) problem = std::move(tiled.problem);
    if (out.triangles.empty())
      out.triangles = std::move(tiled.triangles);
    else
      out.triangles.insert(out.triangles.end(), tiled.triangles.begin(), tiled.triangles.end());
    for (std::size_t k = 0; k < rings.size(); ++k)
      out.area += (k == 0 ? 1 : -1) * std::abs(signedArea(rings[k]));
    std::move(rings.begin(), rings.end(), std::back_inserter(out.outlines));
  }
  if (out.triangles.empty()) return preparePolygon(c, parts);  // says why
  if (!exact)
    out.problem =
        "its rings cross each other where GEOS could not repair them; drawn as ear "
        "clipping leaves them";
  else if (repairedCells > 0)
    out.problem =
        fmt::format("{}{}in {} of its cells", problem, problem.empty() ? "" : " ", repairedCells);
  out.repaired = exact && repairedCells > 0;
  out.interiorPoint = insideTriangles(out.triangles);
  return out;
}

}  // namespace idlib
