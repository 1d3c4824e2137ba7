#pragma once
// Draws the map: polygon fills, screen-width outlines, point markers, labels placed without
// overlap, and the overlay (scale bar, attribution). The same code draws the window and exports.
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/camera.hpp"
#include "core/color.hpp"
#include "core/compare.hpp"
#include "core/layer.hpp"
#include "render/event_cells.hpp"
#include "render/font_atlas.hpp"
#include "render/gl_objects.hpp"
#include "render/shader_program.hpp"
#include "render/static_layer_cache.hpp"
#include "render/time_layers.hpp"

namespace idlib {

struct LayerFrame {
  const Layer* layer = nullptr;
  float opacity = 1;
  int highlightFeature = -1;  // hovered or selected: drawn with a halo (analyst's view only)
};

struct MapLabel {
  std::string text;
  Vec2 world;
  double priority = 0;
  float sizePx = 13;       // logical points
  float markerRadius = 3;  // keep clear of the marker
};

// A user layer's key: its title, and its rows (one for a single colour).
struct LayerLegend {
  std::string title;
  std::string symbol;  // "" for a polygon's swatch, "━" for lines, "●" for points
  std::vector<LegendEntry> entries;
};

// An earlier date A beside the frame's own date B (issue 14), drawn as `mode` says: Swipe, the
// map at A left of a divider; SideBySide, A and B as two half-width maps of the same view;
// Change, the map at B with the cells that changed hands since A hatched in the gainer's colour.
struct ComparisonFrame {
  CompareMode mode = CompareMode::Swipe;
  TimeFrame before;                  // the dated layers at date A
  std::string beforeText;            // A's date as its label says it ("1 February 2020")
  float swipe = 0.5f;                // the divider, a share of the map's width from its left edge
  std::vector<ChangedCell> changed;  // Change only
};

struct FrameDescription {
  View view;
  Viewport viewport;               // logical points
  float pixelRatio = 1;            // framebuffer pixels per point (HiDPI)
  std::vector<LayerFrame> layers;  // bottom to top; only visible ones
  std::vector<MapLabel> labels;
  std::vector<LayerLegend> layerLegends;  // the user's layers, bottom to top
  std::string attribution;
  bool showScaleBar = true;
  double planeScale = 1;  // plane metres per ground metre at the view's centre (the scale bar's)
  std::optional<TimeFrame> time;  // the dated layers, when a timeline is loaded
  std::string dateText;           // shown large at the top of the map (date B when comparing)
  std::optional<ComparisonFrame> comparison;  // a second date beside this one (needs `time`)
  std::string subtitle;                       // under the date: e.g. people displaced so far
  bool showLegend = true;
  float bottomInset = 0;  // points covered by UI at the bottom (the timeline): overlays sit above
  float topInset = 0;     // points covered at the top (the menu bar): the date sits below it
  std::string caption;    // presenter mode and story exports: the cue's caption, at the bottom
  float uiScale = 1;      // overlay text and symbols, for a projector (1 = desk)
  bool highContrast = false;  // projector theme: opaque panels, black ink, heavier halos
  bool black = false;         // presenter's black screen
  std::vector<Box> occupied;  // logical points the window's panels cover: no map label there
  // The slider's date and time window, for the layers that move with the timeline.
  double date = 0, windowDays = 30;
  // The window: keep the base map's fills in a texture while the view stays (exports draw all).
  bool cacheStaticLayers = false;
};

struct FrameStats {
  std::size_t labelsPlaced = 0, drawCalls = 0;
};

class MapRenderer {
 public:
  MapRenderer();  // needs a current GL 3.3 context; throws if shaders or the font fail
  ~MapRenderer();

  void upload(const Layer& layer);  // replaces any upload with the same id
  // Frees the GPU buffers of every layer not named in `ids` (the layers removed from the map).
  void keepOnly(const std::vector<std::string>& ids);
  std::size_t layerCount() const { return layers_.size(); }
  // Rewrites the colours and widths of an uploaded layer whose symbology changed since (draw
  // does it for the layers it draws); nothing is re-triangulated or re-allocated.
  void restyle(const Layer& layer);
  FrameStats draw(const FrameDescription& frame);
  FontAtlas& font() { return font_; }
  TimeLayerRenderer& timeLayers() { return time_; }
  EventCellRenderer& eventCells() { return cells_; }  // a PostGIS table's counts, zoomed out
  const StaticLayerCache& baseCache() const { return baseCache_; }
  // Everything under the flows and marks (base map, areas, lines, front), a control snapshot an
  // image: drawn again at control change dates, not every frame of a play.
  const StaticLayerCache& underMarksCache() const { return underMarksCache_; }

 private:
  struct GpuLayer;
  struct TextInstance {
    float rect[4];
    float uv[4];
    Rgba color, halo;
  };
  void addText(std::string_view text, float px, float left, float top, Rgba color, Rgba halo);
  void addBox(float x0, float y0, float x1, float y1, Rgba color);
  // A box the overlay draws over the map (pixels): no label is placed under it.
  void addPanel(float x0, float y0, float x1, float y1, Rgba color);
  void flushText(float haloWidth);
  void drawHalos(const FrameDescription& frame, const ViewTransform& view);
  // What every kept image depends on: the view, the pixels, the uploads.
  StaticLayersKey keyOfView(const FrameDescription& frame) const;
  StaticLayersKey baseKey(const FrameDescription& frame) const;
  // Draws what `draw` draws under the flows and marks from the kept images (false: the target is
  // multisampled, nothing was drawn).
  bool drawUnderMarksCached(const FrameDescription& frame, Rgba ground,
                            const std::function<void(const TimeFrame*)>& draw);
  StaticLayersKey underMarksKey(const FrameDescription& frame, const TimeFrame* time) const;
  // The map itself, without labels or overlay, in `frame`'s viewport, with the dated layers of
  // `time` and, over its areas, `hatched` cells; `caches`: kept images may serve it.
  void drawMap(const FrameDescription& frame, const TimeFrame* time, bool caches,
               const std::vector<ChangedCell>* hatched);
  void drawSwipeBefore(const FrameDescription& frame, const ComparisonFrame& c);  // left of it
  void drawSideBySide(const FrameDescription& frame, const ComparisonFrame& c);
  // The divider (and the swipe's handle) and each compared map's date, in overlay points.
  void drawComparedDates(const FrameDescription& frame, const ComparisonFrame& c, float w, float r,
                         Rgba paper);
  struct ComparedDate {
    const std::string* text;
    float left, width;  // overlay points
  };
  // The compared dates' top (overlay points): below the menu bar and clear of the panels, their
  // bottom above `lowest`.
  float comparedDatesTop(const FrameDescription& frame, std::span<const ComparedDate> dates,
                         float divider, float lineHeight, float lowest) const;
  void drawLabels(const FrameDescription& frame);
  void drawOverlay(const FrameDescription& frame);
  void drawLegend(const FrameDescription& frame, bool compact);
  void drawCaption(const FrameDescription& frame, float w, float h, float r, Rgba ink, Rgba paper);

  ShaderProgram fill_, line_, point_, text_;
  FontAtlas font_;
  TimeLayerRenderer time_;
  EventCellRenderer cells_;
  std::unordered_map<std::string, std::unique_ptr<GpuLayer>> layers_;
  std::uint64_t uploads_ = 0;  // uploads, restyles and removals: the cache's key changes
  StaticLayerCache baseCache_, underMarksCache_;
  gl::VertexArray textVao_;
  gl::Buffer textBuffer_;
  std::vector<TextInstance> text_instances_;
  std::vector<GlyphQuad> quads_;
  Vec2 viewportPx_;
  float pixelRatio_ = 1;
  std::vector<Box> occupied_;  // this frame's overlay boxes and the window's panels, points
  FrameStats stats_;
};

}  // namespace idlib
