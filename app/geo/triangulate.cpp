#include "geo/triangulate.hpp"

#include <fmt/format.h>

#include <cmath>

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

}  // namespace idlib
