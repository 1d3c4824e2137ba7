#include "geo/control_areas.hpp"

#include <fmt/format.h>
#include <gdal/cpl_error.h>
#include <gdal/ogrsf_frmts.h>

#include <algorithm>
#include <array>
#include <cmath>

#include "geo/geos_context.hpp"
#include "geo/projection.hpp"
#include "geo/triangulate.hpp"

namespace idlib {
namespace {

constexpr double kReachMetres = kControlReachMetres, kFadeMetres = kControlFadeMetres;

// Areas are measured here: a Lambert azimuthal equal-area projection about Idlib, so a km² on
// the map is a km² on the ground (the map's own transverse Mercator is conformal, not equal-area).
constexpr std::string_view kEqualAreaCrs =
    "+proj=laea +lat_0=35.9 +lon_0=36.7 +datum=WGS84 +units=m +no_defs +type=crs";

// The union of `parts` (taken).
geos::Geometry unionOf(const geos::Context& c, std::vector<GEOSGeometry*>& parts) {
  const geos::Geometry all =
      geos::own(c, GEOSGeom_createCollection_r(c.get(), GEOS_GEOMETRYCOLLECTION, parts.data(),
                                               static_cast<unsigned>(parts.size())));
  return geos::own(c, GEOSUnaryUnion_r(c.get(), all.get()));
}

// Syria's land in `path` (features whose `admin` is Syria, or all when there is no such field),
// projected and merged into one geometry: areas of control stop at the border. Idlib
// governorate's part of it (the feature named "Idlib"), where the land held is counted.
struct Land {
  geos::Geometry syria, idlib;
};

Land readLand(const geos::Context& c, const std::string& path, std::vector<Notice>& notices) {
  CPLPushErrorHandler(CPLQuietErrorHandler);
  GDALDatasetUniquePtr ds(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
  CPLPopErrorHandler();
  if (!ds) {
    notices.push_back({Severity::Error,
                       fmt::format("{}: cannot read the land to clip areas of control to", path)});
    return {geos::own(c, nullptr), geos::own(c, nullptr)};
  }
  OGRSpatialReference map;
  map.SetFromUserInput(std::string(kMapCrs).c_str());
  std::vector<GEOSGeometry*> parts, idlibParts;
  for (auto* layer : ds->GetLayers()) {
    const OGRSpatialReference* source = layer->GetSpatialRef();
    OGRSpatialReference wgs84;
    wgs84.SetWellKnownGeogCS("WGS84");
    wgs84.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    std::unique_ptr<OGRCoordinateTransformation> toMap(
        OGRCreateCoordinateTransformation(source ? source : &wgs84, &map));
    const int admin = layer->GetLayerDefn()->GetFieldIndex("admin");
    const int name = layer->GetLayerDefn()->GetFieldIndex("name");
    for (auto& f : *layer) {
      if (admin >= 0 && std::string_view(f->GetFieldAsString(admin)) != "Syria") continue;
      OGRGeometry* g = f->GetGeometryRef();
      if (!g || !toMap || g->transform(toMap.get()) != OGRERR_NONE) continue;
      GEOSGeometry* gg = g->exportToGEOS(c.get());
      if (!gg) continue;
      parts.push_back(gg);
      if (name >= 0 && std::string_view(f->GetFieldAsString(name)) == "Idlib")
        idlibParts.push_back(GEOSGeom_clone_r(c.get(), gg));
    }
  }
  return {unionOf(c, parts), unionOf(c, idlibParts)};
}

struct Town {
  Vec2 position;
  double people = 0;
};

// The towns of `path` with their `population` (none counts as 0), on the map plane.
std::vector<Town> readTowns(const std::string& path, std::vector<Notice>& notices) {
  std::vector<Town> out;
  CPLPushErrorHandler(CPLQuietErrorHandler);
  GDALDatasetUniquePtr ds(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
  CPLPopErrorHandler();
  if (!ds) {
    notices.push_back({Severity::Warning,
                       fmt::format("{}: cannot read the towns' populations: the areas of control "
                                   "are counted without people",
                                   path)});
    return out;
  }
  const Projection toMap = Projection::lonLatToMap();
  for (auto* layer : ds->GetLayers()) {
    const int population = layer->GetLayerDefn()->GetFieldIndex("population");
    for (auto& f : *layer) {
      const auto* point = dynamic_cast<const OGRPoint*>(f->GetGeometryRef());
      if (!point) continue;
      const double people = population >= 0 ? f->GetFieldAsDouble(population) : 0;
      out.push_back({toMap.forward(Vec2{point->getX(), point->getY()}),
                     std::isfinite(people) && people > 0 ? people : 0});
    }
  }
  return out;
}

// `g`'s area in km², measured in kEqualAreaCrs.
double equalAreaKm2(const geos::Context& c, const Projection& planeToEqualArea,
                    const GEOSGeometry* g) {
  if (!g) return 0;
  geos::Geometry projected = geos::own(
      c, GEOSGeom_transformXY_r(
             c.get(), g,
             [](double* x, double* y, void* projection) {
               const Vec2 p = static_cast<const Projection*>(projection)->forward(Vec2{*x, *y});
               *x = p.x;
               *y = p.y;
               return std::isfinite(p.x) && std::isfinite(p.y) ? 1 : 0;
             },
             const_cast<Projection*>(&planeToEqualArea)));
  double m2 = 0;
  return projected && GEOSArea_r(c.get(), projected.get(), &m2) ? m2 / 1e6 : 0;
}

// Appends the line segments of `g` (lines, or the edges of anything else) to `out`.
void collectSegments(const geos::Context& c, const GEOSGeometry* g, std::uint32_t a,
                     std::uint32_t b, std::vector<FrontSegment>& out) {
  const int type = GEOSGeomTypeId_r(c.get(), g);
  if (type == GEOS_LINESTRING || type == GEOS_LINEARRING) {
    const GEOSCoordSequence* seq = GEOSGeom_getCoordSeq_r(c.get(), g);
    unsigned n = 0;
    GEOSCoordSeq_getSize_r(c.get(), seq, &n);
    std::vector<Vec2> pts(n);
    GEOSCoordSeq_copyToBuffer_r(c.get(), seq, reinterpret_cast<double*>(pts.data()), 0, 0);
    for (unsigned i = 0; i + 1 < n; ++i)
      out.push_back({pts[i], pts[i + 1], a, b});
  } else if (type == GEOS_MULTILINESTRING || type == GEOS_GEOMETRYCOLLECTION) {
    const int n = GEOSGetNumGeometries_r(c.get(), g);
    for (int i = 0; i < n; ++i)
      collectSegments(c, GEOSGetGeometryN_r(c.get(), g, i), a, b, out);
  }
}

std::vector<Vec2> triangulate(const geos::Context& c, const GEOSGeometry* g) {
  geos::Geometry triangles = geos::own(c, GEOSConstrainedDelaunayTriangulation_r(c.get(), g));
  std::vector<Vec2> out;
  if (!triangles) return out;
  const int n = GEOSGetNumGeometries_r(c.get(), triangles.get());
  for (int i = 0; i < n; ++i) {
    const GEOSGeometry* ring =
        GEOSGetExteriorRing_r(c.get(), GEOSGetGeometryN_r(c.get(), triangles.get(), i));
    const GEOSCoordSequence* seq = GEOSGeom_getCoordSeq_r(c.get(), ring);
    std::array<Vec2, 4> pts;
    GEOSCoordSeq_copyToBuffer_r(c.get(), seq, reinterpret_cast<double*>(pts.data()), 0, 0);
    out.insert(out.end(), pts.begin(), pts.begin() + 3);
  }
  return out;
}

// `g`'s polygons without their holes: ground the data surrounds on every side is covered too,
// so the areas have no blank patches between distant localities, only an outer edge.
geos::Geometry withoutHoles(const geos::Context& c, const GEOSGeometry* g) {
  std::vector<GEOSGeometry*> shells;
  const int n = GEOSGetNumGeometries_r(c.get(), g);
  for (int i = 0; i < n; ++i) {
    const GEOSGeometry* polygon = GEOSGetGeometryN_r(c.get(), g, i);
    if (GEOSGeomTypeId_r(c.get(), polygon) != GEOS_POLYGON) continue;
    GEOSGeometry* ring = GEOSGeom_clone_r(c.get(), GEOSGetExteriorRing_r(c.get(), polygon));
    shells.push_back(GEOSGeom_createPolygon_r(c.get(), ring, nullptr, 0));
  }
  return geos::own(c, GEOSGeom_createCollection_r(c.get(), GEOS_MULTIPOLYGON, shells.data(),
                                                  static_cast<unsigned>(shells.size())));
}

// How fully the data covers a point: 1 deeper than the fade inside the covered ground, falling
// to 0 at its outer edge.
class Coverage {
 public:
  Coverage(const geos::Context& c, const GEOSGeometry* covered)
      : c_(c),
        edge_(geos::own(c, GEOSBoundary_r(c.get(), covered))),
        prepared_(GEOSPrepare_r(c.get(), edge_.get())) {}
  ~Coverage() { GEOSPreparedGeom_destroy_r(c_.get(), prepared_); }
  Coverage(const Coverage&) = delete;
  Coverage& operator=(const Coverage&) = delete;

  float at(Vec2 p) const {
    geos::Geometry point = geos::own(c_, GEOSGeom_createPointFromXY_r(c_.get(), p.x, p.y));
    double metres = 0;
    if (!GEOSPreparedDistance_r(c_.get(), prepared_, point.get(), &metres)) return 1.0f;
    return static_cast<float>(std::clamp(metres / kFadeMetres, 0.0, 1.0));
  }

 private:
  const geos::Context& c_;
  geos::Geometry edge_;
  const GEOSPreparedGeometry* prepared_;
};

// `segments` as drawn: where one runs into the fading rim it is cut into pieces of at most
// kFrontPieceMetres, each end as strong as the areas' coverage there, so the line fades with
// the areas it separates instead of running on alone into blank ground.
std::vector<FrontSegment> fadingWithTheAreas(const std::vector<FrontSegment>& segments,
                                             const Coverage& coverage) {
  constexpr double kFrontPieceMetres = 1000;
  std::vector<FrontSegment> out;
  for (const FrontSegment& s : segments) {
    if (coverage.at(s.a) >= 1 && coverage.at(s.b) >= 1 && coverage.at((s.a + s.b) * 0.5) >= 1) {
      out.push_back(s);
      continue;
    }
    const int pieces =
        std::max(1, static_cast<int>(std::ceil(length(s.b - s.a) / kFrontPieceMetres)));
    const auto point = [&](int i) { return s.a + (s.b - s.a) * (static_cast<double>(i) / pieces); };
    float previous = coverage.at(s.a);
    for (int i = 0; i < pieces; ++i) {
      FrontSegment piece = s;
      piece.a = point(i);
      piece.b = point(i + 1);
      piece.coverageA = previous;
      piece.coverageB = previous = coverage.at(piece.b);
      if (piece.coverageA > 0 || piece.coverageB > 0) out.push_back(piece);
    }
  }
  return out;
}

// Each cell's area and people, in all and inside Idlib governorate, and its triangles.
void measureCells(const geos::Context& c, const std::vector<const GEOSGeometry*>& wholeCells,
                  const GEOSGeometry* reach, const GEOSGeometry* idlib,
                  const std::vector<Town>& towns, ControlAreas& out) {
  const Projection planeToEqualArea =
      std::get<Projection>(Projection::create(kMapCrs, kEqualAreaCrs));
  const auto own = [&](GEOSGeometry* g) { return geos::own(c, g); };
  out.landKm2 = equalAreaKm2(c, planeToEqualArea, reach);
  const geos::Geometry idlibReach =
      idlib ? own(GEOSIntersection_r(c.get(), reach, idlib)) : geos::own(c, nullptr);
  out.idlibKm2 = equalAreaKm2(c, planeToEqualArea, idlibReach.get());
  const GEOSPreparedGeometry* idlibPrepared = idlib ? GEOSPrepare_r(c.get(), idlib) : nullptr;
  for (std::size_t k = 0; k < wholeCells.size(); ++k) {
    ControlCell& cell = out.cells[k];
    const GEOSGeometry* whole = wholeCells[k];
    cell.km2 = equalAreaKm2(c, planeToEqualArea, whole);
    if (idlib) {
      geos::Geometry inside = own(GEOSIntersection_r(c.get(), whole, idlib));
      cell.km2InIdlib = equalAreaKm2(c, planeToEqualArea, inside.get());
    }
    cell.triangles = triangulate(c, whole);
    const GEOSPreparedGeometry* prepared = GEOSPrepare_r(c.get(), whole);
    for (const Town& t : towns) {
      geos::Geometry point = own(GEOSGeom_createPointFromXY_r(c.get(), t.position.x, t.position.y));
      if (!GEOSPreparedContains_r(c.get(), prepared, point.get())) continue;
      cell.people += t.people;
      if (idlibPrepared && GEOSPreparedContains_r(c.get(), idlibPrepared, point.get()))
        cell.peopleInIdlib += t.people;
    }
    GEOSPreparedGeom_destroy_r(c.get(), prepared);
  }
  if (idlibPrepared) GEOSPreparedGeom_destroy_r(c.get(), idlibPrepared);
}

// The union of a disc of the reach around each point. Each disc is buffered alone, then all are
// merged by a cascaded union: the same area as buffering the multipoint at once, which nodes
// every circle against every other (0.3 s instead of 13 ms for the bundled 251 localities).
geos::Geometry discsAround(const geos::Context& c, const std::vector<GEOSGeometry*>& points) {
  std::vector<GEOSGeometry*> discs;
  for (const GEOSGeometry* point : points)
    // 8 segments per quarter circle: at 20 km, straight for 4 km at most.
    discs.push_back(GEOSBuffer_r(c.get(), point, kReachMetres, 8));
  return unionOf(c, discs);
}

}  // namespace

ControlAreas computeControlAreas(const Timeline& timeline, const std::string& landPath,
                                 std::vector<Notice>& notices, const std::string& townsPath) {
  ControlAreas out;
  const auto& localities = timeline.localities;
  if (localities.size() < 2) return out;
  geos::Context c;
  const auto own = [&](GEOSGeometry* g) { return geos::own(c, g); };

  // The ground the data covers: discs around the localities and what they enclose, on land; its
  // outermost stretch is kept apart so that it can fade out.
  std::vector<GEOSGeometry*> points;
  for (const auto& l : localities)
    points.push_back(GEOSGeom_createPointFromXY_r(c.get(), l.position.x, l.position.y));
  geos::Geometry sites = own(GEOSGeom_createCollection_r(c.get(), GEOS_MULTIPOINT, points.data(),
                                                         static_cast<unsigned>(points.size())));
  const Land land = readLand(c, landPath, notices);
  const auto onLand = [&](const geos::Geometry& g) {
    return land.syria ? own(GEOSIntersection_r(c.get(), g.get(), land.syria.get()))
                      : own(GEOSGeom_clone_r(c.get(), g.get()));
  };
  const geos::Geometry discs = discsAround(c, points);
  const geos::Geometry covered = withoutHoles(c, discs.get());
  const Coverage coverage(c, covered.get());
  const geos::Geometry reach = onLand(covered);
  const geos::Geometry core = onLand(own(GEOSBuffer_r(c.get(), covered.get(), -kFadeMetres, 8)));
  const geos::Geometry fading = own(GEOSDifference_r(c.get(), reach.get(), core.get()));
  const geos::Geometry frame = own(GEOSEnvelope_r(c.get(), reach.get()));
  const geos::Geometry voronoi = own(GEOSVoronoiDiagram_r(c.get(), sites.get(), frame.get(), 0, 0));

  // Match cells to localities (GEOS does not keep the input order) and clip them to the reach.
  struct Cell {
    geos::Geometry whole, core, fading;
  };
  std::vector<Cell> cells;
  out.cellOfLocality.assign(localities.size(), -1);
  const int cellCount = GEOSGetNumGeometries_r(c.get(), voronoi.get());
  for (int k = 0; k < cellCount; ++k) {
    const GEOSGeometry* cell = GEOSGetGeometryN_r(c.get(), voronoi.get(), k);
    const GEOSPreparedGeometry* prepared = GEOSPrepare_r(c.get(), cell);
    for (std::size_t i = 0; i < localities.size(); ++i) {
      if (out.cellOfLocality[i] >= 0 || !GEOSPreparedContains_r(c.get(), prepared, points[i]))
        continue;
      out.cellOfLocality[i] = static_cast<std::int32_t>(cells.size());
      out.cells.emplace_back().locality = i;
      cells.push_back({own(GEOSIntersection_r(c.get(), cell, reach.get())),
                       own(GEOSIntersection_r(c.get(), cell, core.get())),
                       own(GEOSIntersection_r(c.get(), cell, fading.get()))});
      break;
    }
    GEOSPreparedGeom_destroy_r(c.get(), prepared);
  }
  std::vector<std::size_t> localityOfCell(cells.size());
  for (std::size_t i = 0; i < localities.size(); ++i) {
    if (out.cellOfLocality[i] >= 0)
      localityOfCell[static_cast<std::size_t>(out.cellOfLocality[i])] = i;
    else
      notices.push_back(
          {Severity::Warning,
           fmt::format("{}: locality '{}' shares its position with another; "
                       "its control history does not shape the map",
                       localities[i].history.front().provenance.file, localities[i].name)});
  }

  {
    std::vector<const GEOSGeometry*> wholeCells;
    for (const Cell& cell : cells)
      wholeCells.push_back(cell.whole.get());
    measureCells(c, wholeCells, reach.get(), land.idlib.get(),
                 townsPath.empty() ? std::vector<Town>{} : readTowns(townsPath, notices), out);
  }

  // Shared edges between neighbouring cells, computed once.
  struct Edge {
    std::size_t cellA, cellB;
    std::vector<FrontSegment> segments;
  };
  std::vector<Edge> edges;
  for (std::size_t a = 0; a < cells.size(); ++a)
    for (std::size_t b = a + 1; b < cells.size(); ++b) {
      const GEOSGeometry *ga = cells[a].whole.get(), *gb = cells[b].whole.get();
      if (!GEOSIntersects_r(c.get(), ga, gb)) continue;
      geos::Geometry shared = own(GEOSIntersection_r(c.get(), ga, gb));
      Edge e{a, b, {}};
      collectSegments(c, shared.get(), static_cast<std::uint32_t>(localityOfCell[a]),
                      static_cast<std::uint32_t>(localityOfCell[b]), e.segments);
      e.segments = fadingWithTheAreas(e.segments, coverage);
      if (!e.segments.empty()) edges.push_back(std::move(e));
    }

  // Each cell's core and fading rim triangulated once, apart (no triangle spans both, so the
  // coverage, set per vertex, falls off evenly across the rim). A side's area is its cells'
  // triangles: Voronoi cells share their edges exactly, so they tile the ground without the
  // merging each side's cells again at every date would cost (GEOS union, most of the time).
  struct Fill {
    std::vector<Vec2> triangles;
    std::vector<float> coverage;
  };
  std::vector<std::array<Fill, 2>> fills(cells.size());
  for (std::size_t k = 0; k < cells.size(); ++k)
    for (const int part : {0, 1}) {
      Fill& fill = fills[k][static_cast<std::size_t>(part)];
      fill.triangles = triangulate(c, (part ? cells[k].fading : cells[k].core).get());
      for (const Vec2 p : fill.triangles)
        fill.coverage.push_back(part ? coverage.at(p) : 1.0f);
    }

  // One snapshot per change date: each side's cells, side after side.
  for (const Day date : timeline.controlChangeDates()) {
    ControlSnapshot snap;
    snap.date = date;
    std::vector<std::optional<Controller>> controllerOfCell(cells.size());
    for (std::size_t k = 0; k < cells.size(); ++k)
      controllerOfCell[k] = localities[localityOfCell[k]].controllerAt(date);
    for (int ctrl = 0; ctrl < kControllerCount; ++ctrl)
      for (const int part : {0, 1})
        for (std::size_t k = 0; k < cells.size(); ++k) {
          if (controllerOfCell[k] != static_cast<Controller>(ctrl)) continue;
          const Fill& fill = fills[k][static_cast<std::size_t>(part)];
          snap.triangles.insert(snap.triangles.end(), fill.triangles.begin(), fill.triangles.end());
          snap.coverage.insert(snap.coverage.end(), fill.coverage.begin(), fill.coverage.end());
          snap.triangleController.insert(snap.triangleController.end(), fill.triangles.size() / 3,
                                         static_cast<Controller>(ctrl));
        }
    for (const Edge& e : edges) {
      const auto ca = controllerOfCell[e.cellA], cb = controllerOfCell[e.cellB];
      if (ca && cb && opposing(*ca, *cb))
        snap.front.insert(snap.front.end(), e.segments.begin(), e.segments.end());
    }
    out.snapshots.push_back(std::move(snap));
  }
  return out;
}

}  // namespace idlib
