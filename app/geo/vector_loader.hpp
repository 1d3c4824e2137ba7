#pragma once
// Reads any GDAL vector source (GeoPackage, GeoJSON, Shapefile, KML, CSV, PostGIS...) into
// projected, validated, triangulated layers. Problems become notices; the rest still loads.
#include <atomic>
#include <functional>
#include <mutex>
#include <optional>
#include <stop_token>
#include <string>
#include <vector>

#include "core/diagnostics.hpp"
#include "core/layer.hpp"
#include "core/map_plane.hpp"

namespace idlib {

// What the map shows: a big layer's first look is cut for it.
struct LoadView {
  Box box;  // map plane, the layer's
  double metresPerPixel = 0;
};

struct LoadRequest {
  std::string path{};
  LayerRole role = LayerRole::Generic;
  std::string title{};                     // empty: the file and layer name
  std::string attribution{};               // source and licence, for the About panel
  std::vector<std::string> openOptions{};  // GDAL open options, e.g. X_POSSIBLE_NAMES=longitude
  std::string assumedCrs{};  // used without a warning when the source has no CRS (X/Y CSVs)
  std::string onlyLayer{};   // load just this layer of a multi-layer source; empty: all of them
  std::optional<Symbology> symbology{};  // a user layer's style (--style); none: the default
  // The plane to project to. Geometry is clipped to its valid area first (in lon/lat), so a
  // world layer loses only what this plane cannot draw, and nothing is "out of range".
  MapPlane plane = MapPlane::Local;
  // The one view a single image draws: a big layer (over kPreviewVertices) then keeps only the
  // features in it, simplified to its pixel, as QGIS draws. None: the full detail, for a map
  // that moves.
  std::optional<LoadView> drawnAt{};
};

// Updated by the loader while it works, read by the window to draw a progress bar.
struct LoadProgress {
  std::atomic<std::size_t> featuresRead{0};  // by OGR
  std::atomic<std::size_t> featuresDone{0};  // triangulated, or needing none
  std::atomic<std::size_t> featuresTotal{0};
  // Set from another thread to stop reading a big file mid-way: the layer is then not added.
  // cancel() also stops a big polygon's ear clipping between two of its cells (stopSource).
  std::atomic<bool> cancelled{false};
  std::stop_source stopSource{};
  void cancel() {
    cancelled = true;
    stopSource.request_stop();
  }
  // Progressive loading: a big layer (kPreviewVertices) is first handed here as the view's
  // features, simplified to its pixel and clipped to it (Layer::preview), again as more of them
  // are read (on a worker of the loader), then loaded whole. Unset, or no view set: no preview.
  std::function<void(Layer)> onPreview{};

  void setView(const LoadView& view) {
    std::lock_guard lock(viewMutex_);
    view_ = view;
  }
  LoadView view() const {
    std::lock_guard lock(viewMutex_);
    return view_;
  }

 private:
  mutable std::mutex viewMutex_;
  LoadView view_;
};

// Layers with more polygon vertices than this get a preview (the view's features first).
constexpr std::size_t kPreviewVertices = 200'000;
// Layers with more than this skip GEOS's up-front validation and constrained Delaunay
// triangulation, costly per feature: ear clipping, repairs only in the cells that need it
// (prepareLargePolygon). Smaller ones load exactly as they always did.
constexpr std::size_t kEarClipVertices = 20'000;

struct LoadResult {
  std::vector<Layer> layers;
  std::vector<Notice> notices;
  // Previews handed out whose full layer did not follow (cancelled, failed): take them away.
  std::vector<std::string> withdrawnPreviews{};
};

LoadResult loadVectorSource(const LoadRequest& request, LoadProgress* progress = nullptr);

}  // namespace idlib
