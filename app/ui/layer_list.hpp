#pragma once
// The Layers panel's list operations on the state: move, remove, rename, zoom to a layer. The
// layers are drawn in the order of the list (bottom to top), so moving one changes the map.
#include <cstddef>
#include <string>

#include "render/map_renderer.hpp"
#include "ui/app_state.hpp"

namespace idlib {

// Moves the layer at `from` to index `to` (both bottom-to-top); the hovered and selected
// features and the town search follow their layers. False if either index is out of range.
bool moveLayer(AppState& state, std::size_t from, std::size_t to);
// Only the user's layers can be removed; the bundled ones can be hidden. False otherwise.
bool canRemoveLayer(const AppState& state, std::size_t index);
bool removeLayer(AppState& state, std::size_t index);
// Frees the GPU buffers of layers no longer in the list (call once a frame: cheap when none was
// removed).
void releaseRemovedLayers(const AppState& state, MapRenderer& renderer);
// The name shown in the panel and the legend; the file is never touched. White space trimmed;
// an empty name leaves the title as it was (and returns false).
bool renameLayer(AppState& state, std::size_t index, const std::string& title);
// Flies the camera to fit the layer's features. False for an empty or unknown layer.
bool zoomToLayer(AppState& state, std::size_t index);
// The search over the point layers (towns, a user's points): forgotten when the list changes,
// built again when next searched (transliterating thousands of names at each layer added would
// cost every start and export).
void forgetTownSearch(AppState& state);
const TownSearch& townSearchOf(AppState& state);

}  // namespace idlib
