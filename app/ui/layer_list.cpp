#include "ui/layer_list.hpp"

#include <algorithm>

#include "core/format.hpp"

namespace idlib {
namespace {

// Where the layer at `index` is after `from` moved to `to`.
std::size_t afterMove(std::size_t index, std::size_t from, std::size_t to) {
  if (index == from) return to;
  if (from < to && index > from && index <= to) return index - 1;
  if (to < from && index >= to && index < from) return index + 1;
  return index;
}

void followMove(std::optional<FeatureRef>& ref, std::size_t from, std::size_t to) {
  if (ref) ref->layer = afterMove(ref->layer, from, to);
}

void followRemoval(std::optional<FeatureRef>& ref, std::size_t removed) {
  if (!ref) return;
  if (ref->layer == removed)
    ref.reset();
  else if (ref->layer > removed)
    --ref->layer;
}

std::string trimmed(const std::string& s) {
  const auto first = s.find_first_not_of(" \t\r\n");
  if (first == std::string::npos) return {};
  return s.substr(first, s.find_last_not_of(" \t\r\n") - first + 1);
}

}  // namespace

bool moveLayer(AppState& state, std::size_t from, std::size_t to) {
  if (from >= state.layers.size() || to >= state.layers.size()) return false;
  if (from == to) return true;
  LayerEntry moving = std::move(state.layers[from]);
  state.layers.erase(state.layers.begin() + static_cast<std::ptrdiff_t>(from));
  state.layers.insert(state.layers.begin() + static_cast<std::ptrdiff_t>(to), std::move(moving));
  followMove(state.hovered, from, to);
  followMove(state.selected, from, to);
  for (std::size_t& layer : state.townSearchLayer)
    layer = afterMove(layer, from, to);
  return true;
}

bool canRemoveLayer(const AppState& state, std::size_t index) {
  return index < state.layers.size() && state.layers[index].layer.role == LayerRole::Generic;
}

bool removeLayer(AppState& state, std::size_t index) {
  if (!canRemoveLayer(state, index)) return false;
  state.layers.erase(state.layers.begin() + static_cast<std::ptrdiff_t>(index));
  followRemoval(state.hovered, index);
  followRemoval(state.selected, index);
  forgetTownSearch(state);
  return true;
}

void releaseRemovedLayers(const AppState& state, MapRenderer& renderer) {
  if (renderer.layerCount() <= state.layers.size()) return;
  std::vector<std::string> ids;
  for (const LayerEntry& e : state.layers)
    ids.push_back(e.layer.id);
  renderer.keepOnly(ids);
}

bool renameLayer(AppState& state, std::size_t index, const std::string& title) {
  const std::string name = trimmed(title);
  if (index >= state.layers.size() || name.empty()) return false;
  state.layers[index].layer.title = name;
  return true;
}

bool zoomToLayer(AppState& state, std::size_t index) {
  if (index >= state.layers.size()) return false;
  const Box& bounds = state.layers[index].layer.bounds;
  if (bounds.empty()) return false;
  View target = fitting(bounds, state.camera.viewport(), 60);
  // One point (or a stack of them): as close as a town's view, not the closest zoom.
  if (bounds.width() <= 0 && bounds.height() <= 0) target.metresPerPoint = metresPerPointAtZoom(11);
  state.camera.flyTo(target);
  return true;
}

void forgetTownSearch(AppState& state) {
  state.townSearch.reset();
  state.townSearchLayer.clear();
}

const TownSearch& townSearchOf(AppState& state) {
  if (state.townSearch) return *state.townSearch;
  std::vector<SearchEntry> entries;
  state.townSearchLayer.clear();
  for (std::size_t l = 0; l < state.layers.size(); ++l) {
    const Layer& layer = state.layers[l].layer;
    for (const std::uint32_t f : layer.pointFeatures) {
      const Feature& feature = layer.features[f];
      SearchEntry e{feature.name, {feature.name}, feature.rank, f};
      for (const char* field : {"alt_names", "geonames_name", "name_ar"})
        if (const std::string* more = feature.attribute(field))
          for (auto& s : splitList(*more, ';'))
            e.spellings.push_back(s);
      entries.push_back(std::move(e));
      state.townSearchLayer.push_back(l);
    }
  }
  state.townSearch = std::make_unique<TownSearch>(std::move(entries));
  return *state.townSearch;
}

}  // namespace idlib
