#pragma once
// The application's one state. Panels read it and change it; nothing else is global.
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/camera.hpp"
#include "core/diagnostics.hpp"
#include "core/hit_test.hpp"
#include "core/layer.hpp"
#include "core/town_search.hpp"
#include "geo/projection.hpp"
#include "geo/vector_loader.hpp"

namespace idlib {

struct LayerEntry {
  Layer layer;
  bool visible = true;
  float opacity = 1.0f;
};

struct AppState {
  std::string dataDir;  // where geodata/ and assets/ are
  std::vector<LayerEntry> layers;  // bottom to top
  std::vector<Notice> notices;
  Camera camera;
  Projection projection = Projection::lonLatToMap();  // for the GL thread only
  View homeView;
  std::optional<FeatureRef> hovered, selected;
  std::unique_ptr<TownSearch> townSearch;
  std::vector<std::size_t> townSearchLayer;  // layer index of each search entry
  std::string searchQuery;
  int userLayerCount = 0;
  bool showAbout = false;
  bool showNotices = false;

  // Adds a loaded layer at its place in the drawing order (towns on top, user layers above
  // the boundaries) and refreshes the town search.
  std::size_t addLayer(Layer layer);
  std::vector<PickableLayer> visibleLayers() const;
  const Feature* feature(const FeatureRef& ref) const;
  std::string attribution() const;
};

// The bundled layers, read through GDAL like any other source.
std::vector<LoadRequest> bundledLayers(const std::string& dataDir);
// A user's --layer PATH.
LoadRequest userLayer(const std::string& path);
// The view of Idlib governorate a presenter returns to with the Home key.
View idlibHomeView(const Viewport& viewport);
// Where the bundled data lives: $IDLIB_ATLAS_DATA, else the source tree the binary was built from.
std::string defaultDataDir();

}  // namespace idlib
