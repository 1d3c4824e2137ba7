#include "geo/vector_loader.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <gdal/cpl_conv.h>
#include <gdal/cpl_error.h>
#include <gdal/cpl_json.h>
#include <gdal/ogrsf_frmts.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <condition_variable>
#include <deque>
#include <filesystem>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>

#include "core/input_files.hpp"
#include "core/layer_style.hpp"
#include "core/output_paths.hpp"
#include "core/text_safety.hpp"
#include "geo/gdal_drivers.hpp"
#include "geo/projection.hpp"
#include "geo/ring_ops.hpp"
#include "geo/triangulate.hpp"

namespace idlib {
namespace {

constexpr std::size_t kMaxNoticesPerLayer = 20;

enum class Kind { Polygon, Line, Point };

// A feature as read from GDAL, geometry still in the source CRS.
struct RawFeature {
  std::int64_t fid = -1;
  std::string name;
  std::vector<std::pair<std::string, std::string>> attributes;
  Kind kind = Kind::Point;
  std::vector<PolygonRings> polygons{};
  std::vector<std::vector<Vec2>> lines{};
  Vec2 point{};
  // Clipped to the plane's area by cutToBox: the cut's own seams are not the source's problem.
  bool cutAtPlaneEdge = false;
};

struct ProcessedFeature {
  PreparedPolygon polygon;  // for polygons
  bool projected = true;
};

// Keeps GDAL's own messages for the scope instead of printing them, so they reach the user as
// notices (e.g. "PROJ: crs not found" when GDAL falls back to WGS 84). GeoJSON objects over
// 200 MB (a world's borders at 10 m) are refused by default: the user asked for the file, so
// lift that limit (on this thread, for the scope) rather than fail.
class GdalMessages {
 public:
  GdalMessages() {
    CPLPushErrorHandlerEx(&GdalMessages::keep, this);
    if (!CPLGetConfigOption("OGR_GEOJSON_MAX_OBJ_SIZE", nullptr))
      CPLSetThreadLocalConfigOption("OGR_GEOJSON_MAX_OBJ_SIZE", "0");
  }
  ~GdalMessages() {
    CPLPopErrorHandler();
    CPLSetThreadLocalConfigOption("OGR_GEOJSON_MAX_OBJ_SIZE", nullptr);
  }
  // The messages so far, as warnings of `path`; at most a few, each once.
  void reportTo(std::vector<Notice>& notices, const std::string& path) {
    for (const auto& m : messages_)
      notices.push_back({Severity::Warning, fmt::format("{}: GDAL says: {}", path, m)});
    messages_.clear();
  }

 private:
  static void CPL_STDCALL keep(CPLErr severity, CPLErrorNum, const char* message) {
    auto* self = static_cast<GdalMessages*>(CPLGetErrorHandlerUserData());
    const std::string text = oneLine(message ? message : "");
    if (severity >= CE_Warning && self->messages_.size() < 5 && !text.empty() &&
        std::find(self->messages_.begin(), self->messages_.end(), text) == self->messages_.end())
      self->messages_.push_back(text);
  }
  std::vector<std::string> messages_;
};

bool looksLikeConnectionString(const std::string& path) {
  // "PG:dbname=x", "/vsizip/...", "https://...": not plain files, let GDAL judge them.
  return path.starts_with("/vsi") || (path.find(':') != std::string::npos &&
                                      !std::filesystem::exists(path) && path.find(':') > 1);
}

std::vector<Vec2> readRing(const OGRSimpleCurve& curve) {
  std::vector<Vec2> ring(static_cast<std::size_t>(curve.getNumPoints()));
  for (int i = 0; i < curve.getNumPoints(); ++i)
    ring[i] = {curve.getX(i), curve.getY(i)};
  return ring;
}

void readGeometry(const OGRGeometry& g, RawFeature& f, int& unsupported) {
  switch (wkbFlatten(g.getGeometryType())) {
    case wkbPolygon: {
      const auto& polygon = *g.toPolygon();
      PolygonRings rings;
      for (const auto* ring : polygon)
        rings.rings.push_back(readRing(*ring));
      f.kind = Kind::Polygon;
      f.polygons.push_back(std::move(rings));
      break;
    }
    case wkbLineString:
    case wkbLinearRing:
      if (f.kind != Kind::Polygon) f.kind = Kind::Line;
      f.lines.push_back(readRing(*g.toLineString()));
      break;
    case wkbPoint:
      f.point = {g.toPoint()->getX(), g.toPoint()->getY()};
      break;
    case wkbMultiPolygon:
    case wkbMultiLineString:
    case wkbMultiPoint:
    case wkbGeometryCollection:
      for (const auto* part : *g.toGeometryCollection())
        readGeometry(*part, f, unsupported);
      break;
    case wkbCurvePolygon:
    case wkbMultiSurface:
    case wkbCompoundCurve:
    case wkbCircularString:
    case wkbMultiCurve: {
      std::unique_ptr<OGRGeometry> linear(g.getLinearGeometry());
      if (linear) readGeometry(*linear, f, unsupported);
      break;
    }
    default:
      ++unsupported;
  }
}

std::string nameOf(const OGRFeature& feature, const OGRFeatureDefn& defn) {
  for (const char* field : {"name", "NAME", "Name", "name_en", "location", "title", "label"}) {
    const int i = defn.GetFieldIndex(field);
    if (i >= 0 && feature.IsFieldSetAndNotNull(i)) return feature.GetFieldAsString(i);
  }
  return fmt::format("feature {}", feature.GetFID());
}

// A field's value as text; dates as ISO 8601 ("2019-06-01"), not GDAL's "2019/06/01".
std::string fieldText(OGRFeature& feature, int i) {
  const OGRFieldType type = feature.GetFieldDefnRef(i)->GetType();
  if (type != OFTDate && type != OFTDateTime) return feature.GetFieldAsString(i);
  int y = 0, m = 0, d = 0, hour = 0, minute = 0, tz = 0;
  float second = 0;
  feature.GetFieldAsDateTime(i, &y, &m, &d, &hour, &minute, &second, &tz);
  if (type == OFTDate) return fmt::format("{:04}-{:02}-{:02}", y, m, d);
  return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}", y, m, d, hour, minute,
                     static_cast<int>(second));
}

template <class Span>
void projectPoints(const Projection& p, Span& points, bool& ok) {
  if (points.empty()) return;
  ok &= p.forwardInPlace(&points[0].x, &points[0].y, points.size(), sizeof(Vec2));
}

// A worker's own copy of the loader's lon/lat-to-plane transform (a PROJ transform is used by
// one thread at a time); made anew only if PROJ cannot copy it.
std::optional<Projection> workerCopy(const Projection& toPlane, MapPlane plane) {
  if (std::optional<Projection> copy = toPlane.clone()) return copy;
  auto created = Projection::create(kLonLatCrs, crsOf(plane));
  if (auto* made = std::get_if<Projection>(&created)) return std::move(*made);
  return std::nullopt;
}

// Projects one feature from lon/lat to the plane; false when a point could not be (`projection`
// null: none could).
bool projectFeature(const Projection* projection, RawFeature& f) {
  if (!projection) return false;
  bool ok = true;
  for (auto& polygon : f.polygons)
    for (auto& ring : polygon.rings)
      projectPoints(*projection, ring, ok);
  for (auto& line : f.lines)
    projectPoints(*projection, line, ok);
  if (f.kind == Kind::Point) f.point = projection->forward(f.point);
  if (f.kind == Kind::Point && !std::isfinite(f.point.x)) ok = false;
  return ok;
}

std::size_t polygonVertices(const RawFeature& f) {
  std::size_t n = 0;
  for (const auto& polygon : f.polygons)
    for (const auto& ring : polygon.rings)
      n += ring.size();
  return n;
}

std::size_t polygonVertices(const std::vector<RawFeature>& raw) {
  std::size_t n = 0;
  for (const RawFeature& f : raw)
    n += polygonVertices(f);
  return n;
}

// Triangulates every projected polygon on `workers` threads, each with its own GEOS context. A
// large layer is ear-clipped (cut into cells where a part is big), and only its invalid features
// repaired: its few giant features first, one at a time with every worker on its cells (those
// in the view first), then the rest, biggest first, each worker taking the next.
void triangulateAll(std::vector<RawFeature>& raw, std::vector<ProcessedFeature>& out,
                    LoadProgress* progress, bool large, unsigned workers) {
  const std::stop_token stop = progress ? progress->stopSource.get_token() : std::stop_token{};
  const Box first = progress ? progress->view().box : Box{};
  const auto stopped = [&] { return progress && (progress->cancelled || stop.stop_requested()); };
  std::vector<std::size_t> order;
  std::vector<std::size_t> vertices(raw.size(), 0);
  std::size_t total = 0;
  for (std::size_t i = 0; i < raw.size(); ++i)
    if (out[i].projected && raw[i].kind == Kind::Polygon) {
      order.push_back(i);
      total += vertices[i] = polygonVertices(raw[i]);
    }
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return vertices[a] > vertices[b]; });
  // Features not triangulated (lines, points, unprojectable) count as done at once.
  if (progress) progress->featuresDone.fetch_add(raw.size() - order.size());
  const auto prepare = [&](std::size_t i, const geos::Context& context, unsigned threads) {
    out[i].polygon = large ? prepareLargePolygon(context, raw[i].polygons, stop, threads, first)
                           : preparePolygon(context, raw[i].polygons);
    std::vector<PolygonRings>().swap(raw[i].polygons);  // the outlines hold what is drawn
    if (progress) progress->featuresDone.fetch_add(1, std::memory_order_relaxed);
  };
  std::size_t k = 0;
  if (large && workers > 1) {
    geos::Context context;
    for (; k < order.size() && vertices[order[k]] * 2 * workers > total; ++k) {
      if (stopped()) return;
      prepare(order[k], context, workers);
    }
  }
  std::atomic<std::size_t> next{k};
  const auto work = [&] {
    geos::Context context;
    for (;;) {
      if (stopped()) return;
      const std::size_t j = next.fetch_add(1, std::memory_order_relaxed);
      if (j >= order.size()) return;
      prepare(order[j], context, 1);
    }
  };
  std::vector<std::jthread> pool;
  for (unsigned w = 1; w < std::min<std::size_t>(workers, order.size() - k); ++w)
    pool.emplace_back(work);
  work();
}

Box polygonBounds(const RawFeature& f) {
  Box box;
  for (const auto& polygon : f.polygons)
    for (const auto& ring : polygon.rings)
      for (const Vec2& p : ring)
        box.extend(p);
  return box;
}

// The view as a big layer's first look cuts it: a few pixels more, so the cut never shows at
// the view's edge.
Box previewClip(const LoadView& view) {
  const double pixel = std::max(view.metresPerPixel, 1e-9);
  Box clip = view.box;
  clip.extend(view.box.min - Vec2{4 * pixel, 4 * pixel});
  clip.extend(view.box.max + Vec2{4 * pixel, 4 * pixel});
  return clip;
}

// A big layer's first look: the projected polygons in the view (the whole layer when the view
// shows none of it), simplified to its pixel and clipped to it. Features out of view stay empty.
std::vector<ProcessedFeature> previewOf(const std::vector<RawFeature>& raw,
                                        const std::vector<ProcessedFeature>& projected,
                                        LoadView view) {
  std::vector<ProcessedFeature> out(raw.size());
  std::vector<Box> bounds(raw.size());
  Box all;
  for (std::size_t i = 0; i < raw.size(); ++i) {
    out[i].projected = projected[i].projected;
    if (projected[i].projected && raw[i].kind == Kind::Polygon)
      all.extend(bounds[i] = polygonBounds(raw[i]));
  }
  if (!view.box.intersects(all)) view = {all, std::max(all.width(), all.height()) / 2000};
  const Box clip = previewClip(view);
  for (std::size_t i = 0; i < raw.size(); ++i)
    if (!bounds[i].empty() && bounds[i].intersects(clip))
      out[i].polygon = previewPolygon(raw[i].polygons, clip, view.metresPerPixel / 2);
  return out;
}

// The layer's CRS as its coordinates are read: the layer's own (keeping its axis order), else
// `sourceCrs` with x the easting or longitude.
OGRSpatialReference sourceReference(const std::string& sourceCrs,
                                    const OGRSpatialReference* layerSrs) {
  OGRSpatialReference source;
  if (layerSrs) {
    source = *layerSrs;
  } else {
    source.SetFromUserInput(sourceCrs.c_str());
    source.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
  }
  return source;
}

OGRSpatialReference lonLatReference() {
  OGRSpatialReference lonLat;
  lonLat.SetWellKnownGeogCS("WGS84");
  lonLat.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
  return lonLat;
}

// True when coordinates in `source` are WGS 84 longitude/latitude already, x first.
bool isLonLat(const OGRSpatialReference& source) {
  const OGRSpatialReference lonLat = lonLatReference();
  const char* sameOptions[] = {"CRITERION=EQUIVALENT_EXCEPT_AXIS_ORDER_GEOGCRS",
                               "IGNORE_DATA_AXIS_TO_SRS_AXIS_MAPPING=YES", nullptr};
  const auto& mapping = source.GetDataAxisToSRSAxisMapping();
  const bool xIsLongitude =
      !mapping.empty() && (mapping[0] == 2) == static_cast<bool>(source.EPSGTreatsAsLatLong());
  return source.IsGeographic() && xIsLongitude && source.IsSame(&lonLat, sameOptions);
}

// Brings each geometry to WGS 84 longitude/latitude and clips it to the area the map's plane can
// draw: a world layer on the local plane keeps what lies near Idlib, on Web Mercator what lies
// within ±85.05°, and nothing reaches PROJ outside the range of the plane.
class ToPlaneArea {
 public:
  // `sourceIsLonLat`: isLonLat(source), which the loader already knows.
  ToPlaneArea(const OGRSpatialReference& source, bool sourceIsLonLat, MapPlane plane)
      : valid_(validArea(plane)), lonLat_(lonLatReference()) {
    if (!sourceIsLonLat) toLonLat_.reset(OGRCreateCoordinateTransformation(&source, &lonLat_));
    OGRLinearRing ring;
    ring.addPoint(valid_.west, valid_.south);
    ring.addPoint(valid_.east, valid_.south);
    ring.addPoint(valid_.east, valid_.north);
    ring.addPoint(valid_.west, valid_.north);
    ring.addPoint(valid_.west, valid_.south);
    area_.addRing(&ring);
  }

  // CutRings: a polygon across the area's edge, to cut ring by ring once read (cutToBox).
  Box validBox() const {
    Box box;
    box.extend(Vec2{valid_.west, valid_.south});
    box.extend(Vec2{valid_.east, valid_.north});
    return box;
  }

  enum class Outcome { Kept, Outside, Unprojectable, CutRings };
  // `g` in lon/lat within the valid area: `g` itself, or a transformed or clipped copy in `own`.
  Outcome apply(const OGRGeometry*& g, std::unique_ptr<OGRGeometry>& own) const {
    if (toLonLat_) {
      const char* options[] = {"WRAPDATELINE=YES", nullptr};
      own.reset(OGRGeometryFactory::transformWithOptions(g, toLonLat_.get(),
                                                         const_cast<char**>(options)));
      if (!own) return Outcome::Unprojectable;
      g = own.get();
    }
    OGREnvelope e;
    g->getEnvelope(&e);
    if (!std::isfinite(e.MinX) || !std::isfinite(e.MaxX) || !std::isfinite(e.MinY) ||
        !std::isfinite(e.MaxY))
      return Outcome::Unprojectable;
    const LonLatBox box{e.MinX, e.MinY, e.MaxX, e.MaxY};
    constexpr double kSlack = 1e-9;  // no longitude or latitude is beyond ±180 / ±90
    if (box.west < -180 - kSlack || box.east > 180 + kSlack || box.south < -90 - kSlack ||
        box.north > 90 + kSlack)
      return Outcome::Unprojectable;
    if (valid_.contains(box)) return Outcome::Kept;
    if (!valid_.intersects(box)) return Outcome::Outside;
    // GEOS's exact intersection wants valid input, and repairing a continent's 10 m outline
    // first takes minutes: a polygon is clipped ring by ring instead, as tiles are.
    const OGRwkbGeometryType type = wkbFlatten(g->getGeometryType());
    if (type == wkbPolygon || type == wkbMultiPolygon) return Outcome::CutRings;
    std::unique_ptr<OGRGeometry> clipped(g->Intersection(&area_));
    if (!clipped) {  // GEOS refused an invalid input: repair, then clip
      std::unique_ptr<OGRGeometry> repaired(g->MakeValid());
      if (repaired) clipped.reset(repaired->Intersection(&area_));
    }
    if (!clipped || clipped->IsEmpty()) return clipped ? Outcome::Outside : Outcome::Unprojectable;
    own = std::move(clipped);
    g = own.get();
    return Outcome::Kept;
  }

 private:
  LonLatBox valid_;
  OGRSpatialReference lonLat_;
  std::unique_ptr<OGRCoordinateTransformation> toLonLat_;  // none: already lon/lat
  OGRPolygon area_;
};

// Clips each ring of the feature's polygons to `box` (Sutherland–Hodgman); a part whose shell
// falls outside goes. False when nothing is left.
bool cutToBox(RawFeature& f, const Box& box) {
  std::erase_if(f.polygons, [&](PolygonRings& part) {
    for (auto& ring : part.rings)
      ring = clipRing(ring, box);
    if (part.rings.empty() || part.rings[0].empty()) return true;
    std::erase_if(part.rings, [](const std::vector<Vec2>& ring) { return ring.empty(); });
    shareEdgePointsOnBox(part.rings, box);  // else GEOS repairs where the edges cross
    return false;
  });
  return !f.polygons.empty();
}

std::string defaultTitle(const std::string& path, const std::string& layerName, int layerCount) {
  if (isDatabaseConnection(path)) return layerName;  // a table's name, never the connection
  const std::string stem = std::filesystem::path(path).stem().string();
  return layerCount > 1 ? fmt::format("{} — {}", stem, layerName) : stem;
}

// The licence or attribution a source states about itself, as far as GDAL exposes it: a
// GeoJSON's "attribution" and "license" members (its NATIVE_DATA, read with NATIVE_DATA=YES),
// else the layer's description (a GeoPackage's gpkg_contents.description, a GeoJSON's
// "description"). GDAL does not read a shapefile's .shp.xml. Empty: the source says nothing.
std::string licenceOf(OGRLayer& source) {
  std::vector<std::string> said;
  if (const char* native = source.GetMetadataItem("NATIVE_DATA", "NATIVE_DATA")) {
    CPLJSONDocument document;
    if (document.LoadMemory(std::string(native)))
      for (const char* member : {"attribution", "license", "licence", "copyright"})
        if (std::string v = document.GetRoot().GetString(member); !oneLine(v).empty())
          said.push_back(oneLine(v));
  }
  if (said.empty())
    if (const char* description = source.GetMetadataItem("DESCRIPTION"))
      return oneLine(description);
  return fmt::format("{}", fmt::join(said, ", "));
}

class NoticeList {
 public:
  NoticeList(std::vector<Notice>& out, std::string where) : out_(out), where_(std::move(where)) {}
  ~NoticeList() {
    if (dropped_ > 0)
      out_.push_back(
          {Severity::Warning, fmt::format("{}: {} more problems not listed", where_, dropped_)});
  }
  void add(Severity s, const std::string& what) {
    if (count_++ < kMaxNoticesPerLayer)
      out_.push_back({s, fmt::format("{}: {}", where_, what)});
    else
      ++dropped_;
  }

 private:
  std::vector<Notice>& out_;
  std::string where_;
  std::size_t count_ = 0, dropped_ = 0;
};

// A layer whose fields look like dates moves with the timeline (core/temporal.hpp); a value that
// is not a date leaves its feature undated, and says so.
void detectTime(Layer& layer, NoticeList& notices) {
  for (const DateProblem& p : applyTemporalSetting(layer, detectDateFields(layer.fields)))
    notices.add(Severity::Warning, describe(layer, p));
}

// The layer a source's features go into, before any feature: its id, title, attribution, style
// and fields, read from OGR here so that a preview can be assembled on another thread.
Layer blankLayer(const LoadRequest& request, OGRLayer& source, int layerCount) {
  const std::string layerName = source.GetName();
  Layer layer;
  // Shown in panels and saved in workspaces: a connection's password is neither.
  const std::string shownPath = redactSecrets(request.path);
  layer.sourcePath = shownPath;
  layer.sourceLayerName = layerName;
  layer.id = layerCount > 1 ? fmt::format("{}:{}", shownPath, layerName) : shownPath;
  layer.title =
      request.title.empty() ? defaultTitle(request.path, layerName, layerCount) : request.title;
  layer.attribution = request.attribution;
  if (request.attribution.empty() && request.role == LayerRole::Generic) {
    layer.licence = licenceOf(source);
    const bool file = !looksLikeConnectionString(request.path);
    layer.attribution = userLayerAttribution(
        file ? std::filesystem::path(request.path).filename().string() : layerName, layer.licence);
  }
  if (request.symbology) layer.symbology = *request.symbology;
  layer.role = request.role;
  layer.plane = request.plane;
  const OGRFeatureDefn& defn = *source.GetLayerDefn();
  for (int i = 0; i < defn.GetFieldCount(); ++i)
    layer.fields.emplace_back(defn.GetFieldDefn(i)->GetNameRef());
  return layer;
}

std::size_t segmentsOf(const std::vector<std::vector<Vec2>>& lines) {
  std::size_t n = 0;
  for (const auto& line : lines)
    n += line.empty() ? 0 : line.size() - 1;
  return n;
}

// Where a drawn feature's triangle vertices and outline segments go in the layer's arrays.
struct FeaturePlace {
  std::size_t raw;  // index into the features read
  std::size_t firstVertex, firstSegment;
};

// Fills in the layer's feature `index`, its triangles and outline, at `place`; the arrays are
// sized already, so that threads fill disjoint parts. Returns its bounds.
Box fillFeature(Layer& layer, std::uint32_t index, const FeaturePlace& place, RawFeature& r,
                ProcessedFeature& p, bool preview, const Projection& toPlane) {
  Feature& f = layer.features[index];
  f.fid = r.fid;
  f.name = preview ? r.name : std::move(r.name);
  f.attributes = preview ? r.attributes : std::move(r.attributes);
  std::size_t segment = place.firstSegment;
  const auto addOutline = [&](const std::vector<Vec2>& line) {
    for (std::size_t k = 0; k + 1 < line.size(); ++k, ++segment) {
      layer.outlines.endpoints[2 * segment] = line[k];
      layer.outlines.endpoints[2 * segment + 1] = line[k + 1];
      layer.outlines.featureOfSegment[segment] = index;
      f.bounds.extend(line[k]);
    }
    if (!line.empty()) f.bounds.extend(line.back());
  };
  if (r.kind == Kind::Polygon) {
    PreparedPolygon& poly = p.polygon;
    f.firstTriangleVertex = static_cast<std::uint32_t>(place.firstVertex);
    f.triangleVertexCount = static_cast<std::uint32_t>(poly.triangles.size());
    std::copy(poly.triangles.begin(), poly.triangles.end(),
              layer.fills.vertices.begin() + static_cast<std::ptrdiff_t>(place.firstVertex));
    std::fill_n(
        layer.fills.featureOfVertex.begin() + static_cast<std::ptrdiff_t>(place.firstVertex),
        poly.triangles.size(), index);
    for (const auto& ring : poly.outlines)
      addOutline(ring);
    f.area = poly.area;
    f.anchor = poly.interiorPoint;
    if (!preview) p.polygon = {};  // in the layer now: freed as it goes, for the peak
  } else if (r.kind == Kind::Line) {
    for (const auto& line : r.lines)
      addOutline(line);
    const auto& longest = *std::max_element(r.lines.begin(), r.lines.end(),
                                            [](auto& a, auto& b) { return a.size() < b.size(); });
    f.anchor = longest[longest.size() / 2];
  } else {
    f.anchor = r.point;
    f.bounds.extend(r.point);
  }
  f.anchorLonLat = toPlane.inverseLonLat(f.anchor);
  return f.bounds;
}

// Assembles `blank` with the features in reading order from `processed`. A preview copies what
// the full layer then moves. `toPlane`: the plane's projection, for the anchors' lon/lat.
std::optional<Layer> assembleLayer(const Layer& blank, std::vector<RawFeature>& raw,
                                   std::vector<ProcessedFeature>& processed, bool preview,
                                   const Projection& toPlane, bool someOutsidePlane,
                                   NoticeList& notices) {
  Layer layer = blank;
  // Which features are drawn, and where each one goes; problems are said in feature order.
  std::vector<FeaturePlace> places;
  std::size_t vertices = 0, segments = 0;
  for (std::size_t i = 0; i < raw.size(); ++i) {
    const RawFeature& r = raw[i];
    const ProcessedFeature& p = processed[i];
    // Formatted only for a notice: most features have none.
    const auto label = [&] { return fmt::format("feature {} '{}'", r.fid, r.name); };
    if (!p.projected) {
      notices.add(Severity::Warning,
                  label() + ": coordinates outside the range of its CRS; skipped");
      continue;
    }
    const PreparedPolygon& poly = p.polygon;
    if (r.kind == Kind::Polygon) {
      if (!poly.problem.empty() && !(r.cutAtPlaneEdge && !poly.triangles.empty()))
        notices.add(poly.triangles.empty() ? Severity::Error : Severity::Warning,
                    fmt::format("{}: invalid polygon ({}){}", label(), poly.problem,
                                poly.triangles.empty() ? "; skipped"
                                : poly.repaired        ? "; repaired with GEOS MakeValid"
                                                       : ""));
      if (poly.triangles.empty()) continue;
    }
    if (r.kind == Kind::Point)
      layer.pointFeatures.push_back(static_cast<std::uint32_t>(places.size()));
    places.push_back({i, vertices, segments});
    vertices += r.kind == Kind::Polygon ? poly.triangles.size() : 0;
    segments += segmentsOf(r.kind == Kind::Polygon ? poly.outlines : r.lines);
  }
  const auto sizeFills = [&] {
    layer.fills.vertices.resize(vertices);
    layer.fills.featureOfVertex.resize(vertices);
    layer.features.resize(places.size());
  };
  const auto sizeOutlines = [&] {
    layer.outlines.endpoints.resize(2 * segments);
    layer.outlines.featureOfSegment.resize(segments);
  };
  // A big layer is sized and copied in on two threads: touching its arrays' fresh pages costs
  // the kernel as much as the copy.
  constexpr std::size_t kSharedFrom = 200'000;
  std::optional<Projection> second;
  if (vertices + segments > kSharedFrom && std::thread::hardware_concurrency() > 1) {
    std::jthread helper([&] {
      sizeOutlines();
      second = toPlane.clone();
    });
    sizeFills();
  } else {
    sizeFills();
    sizeOutlines();
  }
  const auto fill = [&](std::size_t from, std::size_t to, const Projection& projection) {
    Box bounds;
    for (std::size_t k = from; k < to; ++k) {
      const FeaturePlace& place = places[k];
      bounds.extend(fillFeature(layer, static_cast<std::uint32_t>(k), place, raw[place.raw],
                                processed[place.raw], preview, projection));
    }
    return bounds;
  };
  if (second) {  // each thread its half of the vertices and segments
    const auto middle = std::partition_point(places.begin(), places.end(), [&](const auto& p) {
      return p.firstVertex + p.firstSegment < (vertices + segments) / 2;
    });
    const auto half = static_cast<std::size_t>(middle - places.begin());
    Box secondBounds;
    {
      std::jthread helper([&] { secondBounds = fill(half, places.size(), *second); });
      layer.bounds = fill(0, half, toPlane);
    }
    layer.bounds.extend(secondBounds);
  } else {
    layer.bounds = fill(0, places.size(), toPlane);
  }
  if (layer.features.empty() && !someOutsidePlane) {
    notices.add(Severity::Warning, "no feature could be drawn");
    return std::nullopt;
  }
  detectTime(layer, notices);
  layer.preview = preview;
  return layer;
}

// A big layer shows while it is still being read (LoadProgress::onPreview). The file is not
// ordered by place, so each time the reading brings polygons the view shows, those read so far
// are handed out again, simplified to its pixel, at most every kEvery. On the projecting worker:
// the reader never waits for it.
class PreviewWhileReading {
 public:
  PreviewWhileReading(const Layer& blank, LoadProgress& progress)
      : blank_(blank), progress_(progress) {}

  // Features the worker has just projected; they stay where they are until the reading ends.
  void projected(const std::vector<RawFeature>& features, const std::vector<char>& ok,
                 const Projection& toPlane) {
    for (std::size_t k = 0; k < features.size(); ++k)
      if (ok[k] && features[k].kind == Kind::Polygon) {
        seen_.push_back({&features[k]});
        vertices_ += polygonVertices(features[k]);
      }
    const auto now = std::chrono::steady_clock::now();
    if (vertices_ <= kPreviewVertices || progress_.cancelled || (handedOut_ && now < next_)) return;
    if (std::optional<Layer> layer = cutForView(toPlane); layer && !layer->features.empty()) {
      progress_.onPreview(std::move(*layer));
      handedOut_ = true;
      next_ = now + kEvery;
    }
  }
  // Read once the worker is joined: a preview is on the map, to replace or withdraw.
  bool handedOut() const { return handedOut_; }

 private:
  static constexpr std::chrono::milliseconds kEvery{500};
  struct Seen {
    const RawFeature* feature;
    Box bounds{};  // found at the first preview: a small layer never needs it
    std::optional<PreparedPolygon> look{};  // cut for cutFor_, when in view
  };

  // The polygons in the view so far, when one of them is new to it.
  std::optional<Layer> cutForView(const Projection& toPlane) {
    const LoadView view = progress_.view();
    if (view.box.empty()) return std::nullopt;
    if (view.box.min != cutFor_.box.min || view.box.max != cutFor_.box.max ||
        view.metresPerPixel != cutFor_.metresPerPixel)
      for (Seen& s : seen_)
        s.look.reset();
    cutFor_ = view;
    const Box clip = previewClip(view);
    bool fresh = false;
    std::vector<RawFeature> raw;
    std::vector<ProcessedFeature> processed;
    for (Seen& s : seen_) {
      if (s.bounds.empty()) s.bounds = polygonBounds(*s.feature);
      if (!s.bounds.intersects(clip)) continue;
      if (!s.look) {
        s.look = previewPolygon(s.feature->polygons, clip, view.metresPerPixel / 2);
        fresh = true;
      }
      const RawFeature& f = *s.feature;
      raw.push_back({.fid = f.fid, .name = f.name, .attributes = f.attributes, .kind = f.kind});
      processed.push_back({*s.look});
    }
    if (!fresh) return std::nullopt;
    std::vector<Notice> unsaid;  // the full layer says them
    NoticeList notices(unsaid, {});
    return assembleLayer(blank_, raw, processed, true, toPlane, true, notices);
  }

  const Layer& blank_;
  LoadProgress& progress_;
  std::vector<Seen> seen_;  // the polygons projected so far, in reading order
  std::size_t vertices_ = 0;
  LoadView cutFor_{};
  bool handedOut_ = false;
  std::chrono::steady_clock::time_point next_{};
};

// Projects features while the reader reads the next ones. OGR reads on one thread only, and
// PROJ's exact transverse Mercator costs more than GDAL's read, so the features go to a worker
// in batches as they are read; when the reading ends, the reader projects what is still queued
// beside it. Each thread projects with its own copy of the transform.
class ProjectWhileReading {
 public:
  // `preview`: shows the view's polygons as the worker projects them; none: no preview.
  ProjectWhileReading(const Projection& toPlane, MapPlane plane, LoadProgress* progress,
                      PreviewWhileReading* preview)
      : toPlane_(toPlane), plane_(plane), progress_(progress) {
    if (std::thread::hardware_concurrency() > 1)
      worker_ = std::jthread([this, preview] {
        const std::optional<Projection> copy = workerCopy(toPlane_, plane_);
        projectQueued(copy ? &*copy : nullptr, copy ? preview : nullptr);
      });
  }
  ~ProjectWhileReading() { close(); }  // the worker stops; worker_, last, joins it first
  ProjectWhileReading(const ProjectWhileReading&) = delete;
  ProjectWhileReading& operator=(const ProjectWhileReading&) = delete;

  // A feature read, in reading order.
  void add(RawFeature f) {
    readingVertices_ += polygonVertices(f);
    reading_.push_back(std::move(f));
    if (reading_.size() >= kBatchFeatures || readingVertices_ >= kBatchVertices) handOver();
  }

  // Every feature in reading order, projected, with whether it could be.
  void finish(std::vector<RawFeature>& raw, std::vector<ProcessedFeature>& processed) {
    handOver();
    close();
    projectQueued(&toPlane_, nullptr);
    if (worker_.joinable()) worker_.join();
    std::size_t total = 0;
    for (const auto& batch : batches_)
      total += batch->features.size();
    raw.reserve(total);
    processed.resize(total);
    for (const auto& batch : batches_)
      for (std::size_t k = 0; k < batch->features.size(); ++k) {
        processed[raw.size()].projected = batch->projected[k];
        raw.push_back(std::move(batch->features[k]));
      }
    batches_.clear();
  }

 private:
  // Small enough that the worker starts soon and the two threads end together, big enough
  // that handing over costs nothing next to projecting.
  static constexpr std::size_t kBatchFeatures = 64, kBatchVertices = 16'384;
  struct Batch {
    std::vector<RawFeature> features;
    std::vector<char> projected;
  };

  void handOver() {
    if (reading_.empty()) return;
    auto batch = std::make_unique<Batch>();
    batch->features = std::move(reading_);
    batch->projected.assign(batch->features.size(), 1);
    reading_.clear();
    readingVertices_ = 0;
    {
      std::lock_guard lock(mutex_);
      queued_.push_back(batch.get());
      batches_.push_back(std::move(batch));
    }
    ready_.notify_one();
  }

  void close() {
    {
      std::lock_guard lock(mutex_);
      closed_ = true;
    }
    ready_.notify_all();
  }

  // Takes batches off the queue until it is closed and empty.
  void projectQueued(const Projection* projection, PreviewWhileReading* preview) {
    for (;;) {
      Batch* batch = nullptr;
      {
        std::unique_lock lock(mutex_);
        ready_.wait(lock, [&] { return closed_ || !queued_.empty(); });
        if (queued_.empty()) return;
        batch = queued_.front();
        queued_.pop_front();
      }
      for (std::size_t k = 0; k < batch->features.size(); ++k) {
        if (progress_ && progress_->cancelled) break;
        batch->projected[k] = projectFeature(projection, batch->features[k]);
      }
      if (preview) preview->projected(batch->features, batch->projected, *projection);
    }
  }

  const Projection& toPlane_;
  const MapPlane plane_;
  LoadProgress* const progress_;
  std::vector<RawFeature> reading_;  // the reader's batch being filled
  std::size_t readingVertices_ = 0;
  std::mutex mutex_;
  std::condition_variable ready_;
  std::vector<std::unique_ptr<Batch>> batches_;  // in reading order
  std::deque<Batch*> queued_;                    // not yet taken by a thread
  bool closed_ = false;
  std::jthread worker_;  // declared last: joined before the queue it reads goes
};

void loadLayer(const LoadRequest& request, OGRLayer& source, int layerCount, LoadResult& result,
               LoadProgress* progress) {
  const std::string layerName = source.GetName();
  NoticeList notices(result.notices, layerCount > 1 || request.path.ends_with(".gpkg")
                                         ? fmt::format("{} (layer '{}')", request.path, layerName)
                                         : request.path);

  // Which CRS the coordinates are in.
  std::string sourceCrs;
  const OGRSpatialReference* srs = source.GetSpatialRef();
  // GeoPackage marks a missing CRS with its "Undefined geographic/Cartesian SRS" entries.
  if (srs && srs->GetName() && std::string_view(srs->GetName()).starts_with("Undefined"))
    srs = nullptr;
  if (srs) {
    const char* options[] = {"FORMAT=WKT2_2019", nullptr};
    char* wkt = nullptr;
    srs->exportToWkt(&wkt, options);
    sourceCrs = wkt ? wkt : "";
    CPLFree(wkt);
  }
  if (sourceCrs.empty()) {
    OGREnvelope extent;
    const bool lonLatExtent = source.GetExtent(&extent, TRUE) == OGRERR_NONE &&
                              extent.MinX >= -180 && extent.MaxX <= 180 && extent.MinY >= -90 &&
                              extent.MaxY <= 90;
    if (!request.assumedCrs.empty()) {
      sourceCrs = request.assumedCrs;
    } else if (lonLatExtent) {
      sourceCrs = std::string(kLonLatCrs);
      notices.add(Severity::Warning,
                  "no coordinate reference system; its coordinates look like degrees, so it is "
                  "drawn as WGS 84 longitude/latitude");
    } else {
      notices.add(Severity::Error,
                  "no coordinate reference system and coordinates that are not degrees; cannot "
                  "place it on the map (give the file a CRS, e.g. with ogr2ogr -a_srs)");
      return;
    }
  }
  // WGS 84 lon/lat needs no check of its own: the transform to the plane below is that check.
  const OGRSpatialReference sourceSrs = sourceReference(sourceCrs, srs);
  const bool sourceIsLonLat = isLonLat(sourceSrs);
  if (!sourceIsLonLat)
    if (auto check = Projection::create(sourceCrs); std::holds_alternative<std::string>(check)) {
      notices.add(Severity::Error, std::get<std::string>(check));
      return;
    }
  // Lon/lat to the plane: PROJ chooses the operation once (a search of its database, several
  // milliseconds); each worker projects with a copy.
  auto madeToPlane = Projection::create(kLonLatCrs, crsOf(request.plane));
  if (const auto* why = std::get_if<std::string>(&madeToPlane)) {
    notices.add(Severity::Error, *why);
    return;
  }
  const Projection& toPlane = std::get<Projection>(madeToPlane);

  // Read features; OGR is not thread-safe, so this part is sequential (projecting is not).
  const ToPlaneArea toPlaneArea(sourceSrs, sourceIsLonLat, request.plane);
  const Layer blank = blankLayer(request, source, layerCount);
  // Only for a loader that knows the map's view (the window's, not a re-read for a new plane).
  std::optional<PreviewWhileReading> preview;
  if (progress && progress->onPreview && !request.drawnAt) preview.emplace(blank, *progress);
  ProjectWhileReading projector(toPlane, request.plane, progress, preview ? &*preview : nullptr);
  std::vector<RawFeature> raw;
  const OGRFeatureDefn& defn = *source.GetLayerDefn();
  const GIntBig count = source.GetFeatureCount(FALSE);
  if (progress && count > 0) progress->featuresTotal += static_cast<std::size_t>(count);
  int unsupported = 0, withoutGeometry = 0, outsidePlane = 0;
  source.ResetReading();
  for (auto& feature : source) {
    if (progress && progress->cancelled) break;
    if (progress) progress->featuresRead.fetch_add(1, std::memory_order_relaxed);
    const OGRGeometry* geometry = feature->GetGeometryRef();
    if (!geometry || geometry->IsEmpty()) {
      ++withoutGeometry;
      continue;
    }
    RawFeature f;
    f.fid = feature->GetFID();
    f.name = nameOf(*feature, defn);
    std::unique_ptr<OGRGeometry> inLonLat;
    bool cut = false;
    switch (toPlaneArea.apply(geometry, inLonLat)) {
      case ToPlaneArea::Outcome::Kept:
        break;
      case ToPlaneArea::Outcome::CutRings:
        cut = true;
        break;
      case ToPlaneArea::Outcome::Outside:
        ++outsidePlane;
        continue;
      case ToPlaneArea::Outcome::Unprojectable:
        notices.add(Severity::Warning,
                    fmt::format("feature {} '{}': coordinates outside the range of its CRS; "
                                "skipped",
                                f.fid, f.name));
        continue;
    }
    f.attributes.reserve(static_cast<std::size_t>(defn.GetFieldCount()));
    for (int i = 0; i < defn.GetFieldCount(); ++i)
      if (feature->IsFieldSetAndNotNull(i))
        f.attributes.emplace_back(defn.GetFieldDefn(i)->GetNameRef(), fieldText(*feature, i));
    if (wkbFlatten(geometry->getGeometryType()) == wkbMultiPoint) {
      for (const auto* point : *geometry->toMultiPoint()) {
        RawFeature part = f;
        part.point = {point->getX(), point->getY()};
        projector.add(std::move(part));
      }
      continue;
    }
    readGeometry(*geometry, f, unsupported);
    if (cut && !cutToBox(f, toPlaneArea.validBox())) {
      ++outsidePlane;
      continue;
    }
    f.cutAtPlaneEdge = cut;
    projector.add(std::move(f));
  }
  std::vector<ProcessedFeature> processed;
  projector.finish(raw, processed);
  // Until the full layer is added below.
  if (preview && preview->handedOut()) result.withdrawnPreviews.push_back(blank.id);
  const auto cancelled = [&] {
    if (!progress || !progress->cancelled) return false;
    notices.add(Severity::Info, "not loaded (loading was cancelled)");
    return true;
  };
  if (cancelled()) return;  // what was read is cut short: nothing of it is said or added
  if (withoutGeometry > 0)
    notices.add(Severity::Warning,
                fmt::format("{} features without geometry were skipped", withoutGeometry));
  if (unsupported > 0)
    notices.add(Severity::Warning,
                fmt::format("{} geometries of unsupported types were skipped", unsupported));
  if (outsidePlane > 0)
    notices.add(Severity::Info,
                fmt::format("{} features lie outside the area the {} projection draws; a wider "
                            "view shows them in a world projection",
                            outsidePlane, planeLabel(request.plane)));
  // All of it off this plane: kept, empty, so a switch to a world projection reads it again.
  if (raw.empty() && outsidePlane == 0) {
    notices.add(Severity::Warning, "the layer has no features to draw");
    return;
  }

  // Projected while read (above); triangulated on all cores, each worker with its own GEOS
  // context.
  const std::size_t vertices = polygonVertices(raw);
  const bool large = vertices > kEarClipVertices;
  const unsigned cores = std::max(1u, std::thread::hardware_concurrency());
  // A single image needs no more than it shows: its full triangulation would be drawn once, at
  // a pixel coarser than most of its detail.
  if (vertices > kPreviewVertices && request.drawnAt) {
    std::vector<ProcessedFeature> seen = previewOf(raw, processed, *request.drawnAt);
    if (std::optional<Layer> layer =
            assembleLayer(blank, raw, seen, false, toPlane, outsidePlane > 0, notices))
      result.layers.push_back(std::move(*layer));
    return;
  }
  // Only for a loader that knows the map's view (the window's, not a re-read for a new plane).
  if (vertices > kPreviewVertices && progress && progress->onPreview &&
      !progress->view().box.empty() && !progress->cancelled) {
    std::vector<ProcessedFeature> look = previewOf(raw, processed, progress->view());
    std::vector<Notice> unsaid;  // the full layer says them
    NoticeList previewNotices(unsaid, {});
    if (std::optional<Layer> first =
            assembleLayer(blank, raw, look, true, toPlane, outsidePlane > 0, previewNotices)) {
      if (std::ranges::find(result.withdrawnPreviews, first->id) == result.withdrawnPreviews.end())
        result.withdrawnPreviews.push_back(first->id);
      progress->onPreview(std::move(*first));
    }
  }
  triangulateAll(
      raw, processed, progress, large,
      large ? cores : std::min<unsigned>(cores, std::max<std::size_t>(1, raw.size() / 64)));

  if (cancelled()) return;

  if (std::optional<Layer> layer =
          assembleLayer(blank, raw, processed, false, toPlane, outsidePlane > 0, notices)) {
    std::erase(result.withdrawnPreviews, layer->id);
    result.layers.push_back(std::move(*layer));
  }
}

}  // namespace

LoadResult loadVectorSource(const LoadRequest& request, LoadProgress* progress) {
  LoadResult result;
  if (!looksLikeConnectionString(request.path) && !std::filesystem::exists(request.path)) {
    result.notices.push_back({Severity::Error, fmt::format("{}: file not found", request.path)});
    return result;
  }
  if (std::optional<std::string> refused = refuseInput(request.path)) {
    result.notices.push_back({Severity::Error, fmt::format("{}: {}", request.path, *refused)});
    return result;
  }
  if (std::error_code ec; std::filesystem::is_regular_file(request.path, ec) &&
                          std::filesystem::file_size(request.path, ec) == 0) {
    result.notices.push_back({Severity::Error, fmt::format("{}: is empty", request.path)});
    return result;
  }
  GdalMessages gdalMessages;
  registerGdalDrivers();
  std::vector<const char*> options;
  for (const auto& o : request.openOptions)
    options.push_back(o.c_str());
  // A GeoJSON's top-level members (its licence) reach the layer's metadata only this way.
  const std::string extension = std::filesystem::path(request.path).extension().string();
  if (extension == ".geojson" || extension == ".json") options.push_back("NATIVE_DATA=YES");
  options.push_back(nullptr);
  CPLErrorReset();
  GDALDatasetUniquePtr dataset(GDALDataset::Open(
      request.path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, options.data(), nullptr));
  if (!dataset) {
    const std::string why = oneLine(CPLGetLastErrorMsg());
    result.notices.push_back(
        {Severity::Error,
         fmt::format("{}: GDAL cannot open it as a vector data source{}", request.path,
                     why.empty() ? std::string() : " (" + why + ")")});
    return result;
  }
  const int layerCount = dataset->GetLayerCount();
  if (layerCount == 0) {
    result.notices.push_back(
        {Severity::Error, fmt::format("{}: contains no vector layer", request.path)});
    return result;
  }
  if (!request.onlyLayer.empty()) {
    OGRLayer* layer = dataset->GetLayerByName(request.onlyLayer.c_str());
    if (!layer)
      result.notices.push_back({Severity::Error, fmt::format("{}: has no layer named '{}'",
                                                             request.path, request.onlyLayer)});
    else
      loadLayer(request, *layer, layerCount, result, progress);
    gdalMessages.reportTo(result.notices, request.path);
    return result;
  }
  for (auto* layer : dataset->GetLayers())
    loadLayer(request, *layer, layerCount, result, progress);
  gdalMessages.reportTo(result.notices, request.path);
  return result;
}

}  // namespace idlib
