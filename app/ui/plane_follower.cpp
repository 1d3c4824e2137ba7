#include "ui/plane_follower.hpp"

#include <algorithm>
#include <filesystem>
#include <unordered_map>

#include "core/output_paths.hpp"
#include "render/map_renderer.hpp"
#include "ui/layer_list.hpp"

namespace idlib {

std::optional<LoadRequest> reloadRequest(const Layer& layer, MapPlane plane) {
  std::error_code error;
  if (layer.sourcePath.empty() || isDatabaseConnection(layer.sourcePath) ||
      !std::filesystem::exists(layer.sourcePath, error))
    return std::nullopt;
  LoadRequest request = userLayer(layer.sourcePath);
  request.role = layer.role;
  request.onlyLayer = layer.sourceLayerName;
  request.plane = plane;
  return request;
}

void adoptGeometry(Layer& layer, Layer&& fresh) {
  // Colours and label ranks were resolved per feature when the layer was added: carried over
  // by feature id, as the same source gives the same ids.
  std::unordered_map<std::int64_t, const Feature*> before;
  for (const Feature& f : layer.features)
    before.emplace(f.fid, &f);
  for (Feature& f : fresh.features) {
    const auto it = before.find(f.fid);
    if (it == before.end()) continue;
    const Feature& old = *it->second;
    f.fill = old.fill;
    f.outline = old.outline;
    f.marker = old.marker;
    f.outlineWidthPx = old.outlineWidthPx;
    f.markerSizePx = old.markerSizePx;
    f.rank = old.rank;
  }
  layer.features = std::move(fresh.features);
  layer.fills = std::move(fresh.fills);
  layer.outlines = std::move(fresh.outlines);
  layer.pointFeatures = std::move(fresh.pointFeatures);
  layer.bounds = fresh.bounds;
  if (layer.time.mode != TimeMode::Off) applyTemporalSetting(layer, layer.time);
}

void movePointwise(Layer& layer, const Projection& from, const Projection& to) {
  const auto move = [&](Vec2& v) { v = to.forward(from.inverseLonLat(v)); };
  for (Vec2& v : layer.fills.vertices)
    move(v);
  for (Vec2& v : layer.outlines.endpoints)
    move(v);
  layer.bounds = {};
  for (Feature& f : layer.features) {
    f.anchor = to.forward(f.anchorLonLat);
    f.bounds = {};
    f.bounds.extend(f.anchor);
  }
  for (std::size_t s = 0; s < layer.outlines.featureOfSegment.size(); ++s)
    for (int end = 0; end < 2; ++end)
      layer.features[layer.outlines.featureOfSegment[s]].bounds.extend(
          layer.outlines.endpoints[2 * s + end]);
  for (const Feature& f : layer.features)
    layer.bounds.extend(f.bounds);
}

bool PlaneFollower::update(AppState& state, MapRenderer& renderer, bool othersLoading) {
  if (!loader_) {
    const MapPlane wanted = planeForView(state, state.camera.view(), state.camera.viewport());
    // Layers that came in on another plane (read before a switch) are read again as well.
    const bool stale = std::any_of(state.layers.begin(), state.layers.end(),
                                   [&](const LayerEntry& e) { return e.layer.plane != wanted; });
    if (wanted == state.plane && !stale) return false;
    if (othersLoading && wanted != state.plane) return false;  // switch once they are in
    std::vector<LoadRequest> requests;
    for (const LayerEntry& e : state.layers)
      if (e.layer.plane != wanted)
        if (auto request = reloadRequest(e.layer, wanted)) requests.push_back(std::move(*request));
    target_ = wanted;
    read_.clear();
    loader_ = std::make_unique<BackgroundLoader>(std::move(requests), std::nullopt);
  }
  LoadResult finished = loader_->takeFinished();  // its notices were given on the first read
  for (Layer& layer : finished.layers)
    read_.push_back(std::move(layer));
  if (!loader_->done()) return false;
  finish(state, renderer);
  return true;
}

void PlaneFollower::finish(AppState& state, MapRenderer& renderer) {
  const MapPlane plane = *target_;
  const Projection to = Projection::lonLatTo(plane);
  std::unordered_map<std::string, Layer*> fresh;
  for (Layer& layer : read_)
    fresh.emplace(layer.id, &layer);
  for (LayerEntry& e : state.layers) {
    if (e.layer.plane == plane) continue;
    const auto it = fresh.find(e.layer.id);
    if (it != fresh.end())
      adoptGeometry(e.layer, std::move(*it->second));
    else
      movePointwise(e.layer, Projection::lonLatTo(e.layer.plane), to);
    e.layer.plane = plane;
    renderer.upload(e.layer);
  }
  if (plane != state.plane) {
    switchPlane(state, plane);
    renderer.timeLayers().upload(state.timeline, state.controlAreas, state.displacement);
  }
  forgetTownSearch(state);  // its entries point at features, which may have been re-read
  loader_.reset();
  target_.reset();
  read_.clear();
}

}  // namespace idlib
