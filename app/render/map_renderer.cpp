#include "render/map_renderer.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>
#include <stdexcept>

#include "core/event_source_key.hpp"
#include "core/format.hpp"
#include "core/labels.hpp"
#include "core/scale_bar.hpp"
#include "core/style.hpp"
#include "render/feature_periods.hpp"
#include "render/vertex_formats.hpp"

namespace idlib {
namespace {

// Overlay text sizes, overlay points: the UI scale and an export's scale enlarge them; nothing
// is drawn smaller.
constexpr float kLegendText = 12.5f;
// The overlay points a legend needs: all of it, or the compact one (areas and front line).
constexpr Vec2 kFullLegendMin{700, 500}, kCompactLegendMin{480, 300};

std::string defaultFontFile() {
  std::string file = FontAtlas::findFontFile("DejaVu Sans");
  if (file.empty())
    throw std::runtime_error(
        "fontconfig finds no font for 'DejaVu Sans' (install fonts-dejavu-core)");
  return file;
}

}  // namespace

// A layer's GPU buffers, built once from its vectors; per frame only uniforms change.
struct MapRenderer::GpuLayer {
  gl::VertexArray fillVao, lineVao, pointVao;
  gl::Buffer fillBuffer, lineBuffer, pointBuffer;
  GLsizei fillVertices = 0, segments = 0, points = 0;
  FeaturePeriods periods;  // while the layer moves with the timeline
  Symbology styledFor;     // the style its colours were written for
};

MapRenderer::MapRenderer()
    : fill_("fill"),
      line_("line"),
      point_("point"),
      text_("text"),
      font_(defaultFontFile()),
      underMarksCache_(StaticLayerCache::Keep::WhenAskedTwice, StaticLayerCache::Onto::Window) {
  textVao_ = gl::makeVertexArray();
  textBuffer_ = gl::makeBuffer();
  glBindVertexArray(textVao_.id());
  glBindBuffer(GL_ARRAY_BUFFER, textBuffer_.id());
  constexpr auto stride = static_cast<GLsizei>(sizeof(TextInstance));
  const auto attribute = [](GLuint index, GLint size, GLenum type, std::size_t offset) {
    glEnableVertexAttribArray(index);
    glVertexAttribPointer(index, size, type, type == GL_UNSIGNED_BYTE, stride,
                          reinterpret_cast<const void*>(offset));
    glVertexAttribDivisor(index, 1);
  };
  attribute(0, 4, GL_FLOAT, offsetof(TextInstance, rect));
  attribute(1, 4, GL_FLOAT, offsetof(TextInstance, uv));
  attribute(2, 4, GL_UNSIGNED_BYTE, offsetof(TextInstance, color));
  attribute(3, 4, GL_UNSIGNED_BYTE, offsetof(TextInstance, halo));
  glBindVertexArray(0);
}

MapRenderer::~MapRenderer() = default;

namespace {

std::vector<FillVertex> fillVertices(const Layer& layer) {
  std::vector<FillVertex> fills;
  fills.reserve(layer.fills.vertices.size());
  for (std::size_t i = 0; i < layer.fills.vertices.size(); ++i) {
    const std::uint32_t f = layer.fills.featureOfVertex[i];
    const Vec2 p = layer.fills.vertices[i];
    fills.push_back({static_cast<float>(p.x), static_cast<float>(p.y), layer.features[f].fill,
                     static_cast<float>(f), 1});
  }
  return fills;
}

std::vector<LineInstance> lineInstances(const Layer& layer) {
  std::vector<LineInstance> lines;
  lines.reserve(layer.outlines.featureOfSegment.size());
  for (std::size_t i = 0; i < layer.outlines.featureOfSegment.size(); ++i) {
    const std::uint32_t f = layer.outlines.featureOfSegment[i];
    const Vec2 a = layer.outlines.endpoints[2 * i], b = layer.outlines.endpoints[2 * i + 1];
    const Feature& feature = layer.features[f];
    lines.push_back({static_cast<float>(a.x), static_cast<float>(a.y), static_cast<float>(b.x),
                     static_cast<float>(b.y), feature.outline, feature.outlineWidthPx,
                     static_cast<float>(f)});
  }
  // Wider lines last, so an emphasised boundary (Idlib's) is not covered by its neighbours'.
  std::stable_sort(lines.begin(), lines.end(),
                   [](const LineInstance& a, const LineInstance& b) { return a.width < b.width; });
  return lines;
}

std::vector<PointInstance> pointInstances(const Layer& layer) {
  std::vector<PointInstance> points;
  for (const std::uint32_t f : layer.pointFeatures) {
    const Feature& feature = layer.features[f];
    points.push_back({static_cast<float>(feature.anchor.x), static_cast<float>(feature.anchor.y),
                      feature.marker, feature.markerSizePx, static_cast<float>(f)});
  }
  // Big towns on top of small ones where markers touch.
  std::stable_sort(points.begin(), points.end(),
                   [](const PointInstance& a, const PointInstance& b) { return a.size < b.size; });
  return points;
}

// New contents of the same size for a buffer made by makeVertexArray: its layout stays.
template <class T>
void rewrite(const gl::Buffer& buffer, const std::vector<T>& items) {
  if (items.empty()) return;
  glBindBuffer(GL_ARRAY_BUFFER, buffer.id());
  glBufferSubData(GL_ARRAY_BUFFER, 0, static_cast<GLsizeiptr>(items.size() * sizeof(T)),
                  items.data());
  glBindBuffer(GL_ARRAY_BUFFER, 0);
}

}  // namespace

void MapRenderer::keepOnly(const std::vector<std::string>& ids) {
  ++uploads_;
  std::erase_if(layers_, [&](const auto& entry) {
    return std::find(ids.begin(), ids.end(), entry.first) == ids.end();
  });
}

void MapRenderer::upload(const Layer& layer) {
  auto gpu = std::make_unique<GpuLayer>();
  gpu->styledFor = layer.symbology;
  const std::vector<FillVertex> fills = fillVertices(layer);
  if (!fills.empty()) {
    gpu->fillVao = makeVertexArray(fills.data(), fills.size(), gpu->fillBuffer);
    gpu->fillVertices = static_cast<GLsizei>(fills.size());
  }
  const std::vector<LineInstance> lines = lineInstances(layer);
  if (!lines.empty()) {
    gpu->lineVao = makeVertexArray(lines.data(), lines.size(), gpu->lineBuffer);
    gpu->segments = static_cast<GLsizei>(lines.size());
  }
  const std::vector<PointInstance> points = pointInstances(layer);
  if (!points.empty()) {
    gpu->pointVao = makeVertexArray(points.data(), points.size(), gpu->pointBuffer);
    gpu->points = static_cast<GLsizei>(points.size());
  }
  layers_[layer.id] = std::move(gpu);
  ++uploads_;
}

void MapRenderer::restyle(const Layer& layer) {
  const auto it = layers_.find(layer.id);
  if (it == layers_.end() || it->second->styledFor == layer.symbology) return;
  // Same geometry, same counts: only the colours and widths in the layer's own buffers change.
  GpuLayer& gpu = *it->second;
  rewrite(gpu.fillBuffer, fillVertices(layer));
  rewrite(gpu.lineBuffer, lineInstances(layer));
  rewrite(gpu.pointBuffer, pointInstances(layer));
  gpu.styledFor = layer.symbology;
  ++uploads_;
}

FrameStats MapRenderer::draw(const FrameDescription& frame) {
  stats_ = {};
  for (const LayerFrame& lf : frame.layers)
    restyle(*lf.layer);
  pixelRatio_ = frame.pixelRatio;
  viewportPx_ = {frame.viewport.width * frame.pixelRatio, frame.viewport.height * frame.pixelRatio};
  glViewport(0, 0, static_cast<GLsizei>(viewportPx_.x), static_cast<GLsizei>(viewportPx_.y));
  const Rgba sea = palette::kSea;
  glClearColor(sea.r / 255.f, sea.g / 255.f, sea.b / 255.f, 1);
  if (frame.black) {
    glClearColor(0, 0, 0, 1);
    glClear(GL_COLOR_BUFFER_BIT);
    return stats_;
  }
  glClear(GL_COLOR_BUFFER_BIT);
  glDisable(GL_DEPTH_TEST);
  glEnable(GL_BLEND);
  glBlendFunc(GL_ONE, GL_ONE_MINUS_SRC_ALPHA);

  const TimeFrame* now = frame.time ? &*frame.time : nullptr;
  const ComparisonFrame* comparing = now && frame.comparison ? &*frame.comparison : nullptr;
  if (comparing && comparing->mode == CompareMode::SideBySide) {
    drawSideBySide(frame, *comparing);
  } else {
    const bool change = comparing && comparing->mode == CompareMode::Change;
    drawMap(frame, now, frame.cacheStaticLayers, change ? &comparing->changed : nullptr);
    if (comparing && comparing->mode == CompareMode::Swipe) drawSwipeBefore(frame, *comparing);
    // The overlay first: its boxes, and the window's panels, are where no label may go.
    occupied_ = frame.occupied;
    drawOverlay(frame);
    drawLabels(frame);
  }
  glBindVertexArray(0);
  return stats_;
}

void MapRenderer::drawMap(const FrameDescription& frame, const TimeFrame* time, bool caches,
                          const std::vector<ChangedCell>* hatched) {
  time_.resetDrawCalls();
  const Rgba sea = palette::kSea;
  const ViewTransform view{
      frame.view.centre,
      static_cast<float>(2.0 / (frame.view.metresPerPoint * frame.viewport.width)),
      static_cast<float>(2.0 / (frame.view.metresPerPoint * frame.viewport.height)),
      static_cast<float>(viewportPx_.x),
      static_cast<float>(viewportPx_.y),
      frame.pixelRatio};
  auto common = [&](ShaderProgram& p, const LayerFrame& lf) {
    setViewUniforms(p, view);
    glUniform1f(p.uniform("u_opacity"), lf.opacity);
    glUniform1f(p.uniform("u_highlight"), static_cast<float>(lf.highlightFeature));
    layers_.at(lf.layer->id)->periods.bind(p, *lf.layer, frame.date, frame.windowDays);
  };
  auto each = [&](auto&& draw) {
    for (const LayerFrame& lf : frame.layers)
      if (auto it = layers_.find(lf.layer->id); it != layers_.end()) draw(lf, *it->second);
  };

  // Base fills, then the (opaque) areas of control over them, then the user's own layers, then
  // every line, then the marks: a boundary or a front line is never hidden under a later fill.
  auto fills = [&](bool userLayers) {
    each([&](const LayerFrame& lf, const GpuLayer& g) {
      if (!g.fillVertices || (lf.layer->role == LayerRole::Generic) != userLayers) return;
      common(fill_, lf);
      glBindVertexArray(g.fillVao.id());
      glDrawArrays(GL_TRIANGLES, 0, g.fillVertices);
      ++stats_.drawCalls;
    });
  };
  const Palette scheme = frame.highContrast ? Palette::Projector : Palette::Desk;
  // Everything under the flows and the marks, with the dated layers of `time` (none: no timeline).
  const auto underMarks = [&](const TimeFrame* dated) {
    // The window keeps the base fills, under everything else, in a texture while the view stays.
    const auto baseFills = [&] { fills(false); };
    if (!caches || !baseCache_.drawCached(baseKey(frame), sea, baseFills)) baseFills();
    if (dated) time_.drawAreas(view, *dated, scheme);
    // What changed hands since the date compared: over the areas, under every line.
    if (dated && hatched) time_.drawHatch(view, *hatched, scheme, frame.uiScale);
    fills(true);
    each([&](const LayerFrame& lf, const GpuLayer& g) {
      if (!g.segments) return;
      common(line_, lf);
      glUniform1i(line_.uniform("u_haloPass"), 0);
      // On a projector, boundaries are darker and heavier: pale thin lines wash out.
      const bool projector = scheme == Palette::Projector;
      glUniform1f(line_.uniform("u_extraWidth"),
                  projector ? palette::projector::kBoundaryExtraPt : 0);
      glUniform1f(line_.uniform("u_inkShare"), projector ? palette::projector::kBoundaryDarken : 0);
      setColorUniform(line_, "u_ink", rgb(0x000000));
      glBindVertexArray(g.lineVao.id());
      glDrawArraysInstanced(GL_TRIANGLES, 0, 6, g.segments);
      ++stats_.drawCalls;
    });
    drawHalos(frame, view);
    if (dated) time_.drawFront(view, *dated, scheme);
  };
  // The window keeps all of that too, one image a control snapshot: it changes only at control
  // change dates (and fades between two kept images before them). Only the frame's own date is
  // kept so: a compared date A is drawn directly (two dates would take each other's place).
  const bool ownDate = time == (frame.time ? &*frame.time : nullptr);
  if (!caches || !ownDate || !drawUnderMarksCached(frame, sea, underMarks)) underMarks(time);
  if (time) time_.drawFlows(view, *time);
  each([&](const LayerFrame& lf, const GpuLayer& g) {
    if (!g.points) return;
    common(point_, lf);
    setColorUniform(point_, "u_ringColor", palette::kTownHalo);
    setColorUniform(point_, "u_haloEdge", palette::kHaloEdge);
    glBindVertexArray(g.pointVao.id());
    glDrawArraysInstanced(GL_TRIANGLES, 0, 6, g.points);
    ++stats_.drawCalls;
  });
  if (time) time_.drawMarks(view, *time);
  stats_.drawCalls += time_.drawCalls();
  // A PostGIS table's counts are the frame's own window: not drawn on a compared date.
  if (time && ownDate && time->showEvents) cells_.draw(view, time->eventsOpacity);
}

void MapRenderer::drawSwipeBefore(const FrameDescription& frame, const ComparisonFrame& c) {
  // Date A over date B left of the divider: the same view, cut by the scissor.
  const int divider = static_cast<int>(
      std::lround(std::clamp(c.swipe, 0.f, 1.f) * static_cast<float>(viewportPx_.x)));
  if (divider <= 0) return;
  glEnable(GL_SCISSOR_TEST);
  glScissor(0, 0, divider, static_cast<GLsizei>(viewportPx_.y));
  glClear(GL_COLOR_BUFFER_BIT);
  // The base fills may come from their kept image (a blit obeys the scissor); A's dated layers
  // are drawn directly.
  drawMap(frame, &c.before, frame.cacheStaticLayers, nullptr);
  glDisable(GL_SCISSOR_TEST);
}

void MapRenderer::drawSideBySide(const FrameDescription& frame, const ComparisonFrame& c) {
  // Two maps of the same view (centre and scale), each half as wide: A left, B right. Each is
  // drawn in its own viewport, so every pass (lines' widths, labels) works in the half's pixels.
  const Vec2 full = viewportPx_;
  const int leftPx = static_cast<int>(full.x) / 2, rightPx = static_cast<int>(full.x) - leftPx;
  FrameDescription half = frame;
  half.viewport.width = leftPx / frame.pixelRatio;
  half.occupied.clear();
  const struct {
    int x0, width;
    const TimeFrame* time;
  } sides[] = {{0, leftPx, &c.before}, {leftPx, rightPx, &*half.time}};
  glEnable(GL_SCISSOR_TEST);
  for (const auto& side : sides) {
    half.viewport.width = side.width / frame.pixelRatio;
    viewportPx_ = {static_cast<double>(side.width), full.y};
    glViewport(side.x0, 0, side.width, static_cast<GLsizei>(full.y));
    glScissor(side.x0, 0, side.width, static_cast<GLsizei>(full.y));
    drawMap(half, side.time, false, nullptr);
  }
  glDisable(GL_SCISSOR_TEST);
  // One overlay over both (dates, scale bar, legend, attribution), then each half's labels
  // where the overlay leaves room.
  viewportPx_ = full;
  glViewport(0, 0, static_cast<GLsizei>(full.x), static_cast<GLsizei>(full.y));
  occupied_ = frame.occupied;
  drawOverlay(frame);
  const std::vector<Box> overlay = occupied_;
  for (const auto& side : sides) {
    half.viewport.width = side.width / frame.pixelRatio;
    viewportPx_ = {static_cast<double>(side.width), full.y};
    glViewport(side.x0, 0, side.width, static_cast<GLsizei>(full.y));
    const double shift = side.x0 / frame.pixelRatio;
    occupied_.clear();
    for (const Box& b : overlay)
      occupied_.push_back({{b.min.x - shift, b.min.y}, {b.max.x - shift, b.max.y}});
    drawLabels(half);
  }
  viewportPx_ = full;
  glViewport(0, 0, static_cast<GLsizei>(full.x), static_cast<GLsizei>(full.y));
}

bool MapRenderer::drawUnderMarksCached(const FrameDescription& frame, Rgba ground,
                                       const std::function<void(const TimeFrame*)>& draw) {
  // The snapshot in force, whole; while playing towards the next one, that one whole too, and
  // the two images mixed by the crossfade.
  std::optional<TimeFrame> now = frame.time, next;
  float mix = 0;
  if (now) {
    now->crossfade = 0;
    if (frame.time->crossfade > 0 && now->snapshot) {
      next = now;
      next->snapshot = *now->snapshot + 1;
      mix = frame.time->crossfade;
    }
  }
  const StaticLayersKey key = underMarksKey(frame, now ? &*now : nullptr);
  const std::optional<StaticLayersKey> nextKey =
      next ? std::optional(underMarksKey(frame, &*next)) : std::nullopt;
  // The two images differ only over the cells changing hands, and the front line along them.
  Box differ;
  if (next) {
    const Box change = time_.changeAfter(*now->snapshot);
    // Past the cells, the widest front line (the projector's, with its casing) and its edge.
    namespace projector = palette::projector;
    const double margin = (projector::kFrontWidthPt + projector::kFrontCasingPt + 2) *
                          frame.uiScale * frame.pixelRatio;
    for (const Vec2 corner : {change.min, change.max}) {
      if (change.empty()) break;
      const Vec2 s = worldToScreen(frame.view, frame.viewport, corner);  // points, y down
      differ.extend(Vec2{s.x * frame.pixelRatio, viewportPx_.y - s.y * frame.pixelRatio});
    }
    if (!differ.empty()) {
      differ.min = differ.min - Vec2{margin, margin};
      differ.max = differ.max + Vec2{margin, margin};
    }
  }
  return underMarksCache_.drawCached(
      key, nextKey ? &*nextKey : nullptr, mix, ground,
      [&](int which) { draw(which == 0 ? (now ? &*now : nullptr) : &*next); },
      next ? &differ : nullptr);
}

StaticLayersKey MapRenderer::keyOfView(const FrameDescription& frame) const {
  return {frame.view,
          static_cast<int>(viewportPx_.x),
          static_cast<int>(viewportPx_.y),
          frame.pixelRatio,
          frame.highContrast,
          uploads_};
}

StaticLayersKey MapRenderer::underMarksKey(const FrameDescription& frame,
                                           const TimeFrame* time) const {
  StaticLayersKey key = keyOfView(frame);
  for (const LayerFrame& lf : frame.layers) {
    key.add(*lf.layer, lf.opacity, frame.date, frame.windowDays);
    key.extra.push_back(lf.highlightFeature);  // its halo
  }
  if (time) {
    // What drawAreas and drawFront read of the frame (they are drawn with no crossfade).
    key.extra.insert(key.extra.end(),
                     {time->snapshot ? static_cast<double>(*time->snapshot) : -1.0,
                      static_cast<double>(time->showAreas), time->areasOpacity,
                      static_cast<double>(time->showFront), static_cast<double>(time_.uploads())});
    // The change map's hatch: which cells, in whose colour.
    if (frame.comparison && frame.comparison->mode == CompareMode::Change) {
      key.extra.insert(key.extra.end(), {-2.0, frame.uiScale});  // -2: the hatch's part begins
      for (const ChangedCell& c : frame.comparison->changed)
        key.extra.insert(key.extra.end(),
                         {static_cast<double>(c.cell), static_cast<double>(c.gainer)});
    }
  }
  return key;
}

StaticLayersKey MapRenderer::baseKey(const FrameDescription& frame) const {
  StaticLayersKey key = keyOfView(frame);
  for (const LayerFrame& lf : frame.layers)
    if (lf.layer->role != LayerRole::Generic)
      key.add(*lf.layer, lf.opacity, frame.date, frame.windowDays);
  return key;
}

void MapRenderer::drawHalos(const FrameDescription& frame, const ViewTransform& view) {
  // Over every boundary (so none cuts through it), under the front line and the marks (data
  // stays on top of the pointer's decoration). The dark edge first, the white core over it, so
  // the edge of one segment never crosses the core of the next.
  for (const LayerFrame& lf : frame.layers) {
    const auto it = layers_.find(lf.layer->id);
    if (lf.highlightFeature < 0 || it == layers_.end() || !it->second->segments) continue;
    setViewUniforms(line_, view);
    glUniform1f(line_.uniform("u_opacity"), 1);
    glUniform1f(line_.uniform("u_highlight"), static_cast<float>(lf.highlightFeature));
    it->second->periods.bind(line_, *lf.layer, frame.date, frame.windowDays);
    glBindVertexArray(it->second->lineVao.id());
    for (const int pass : {1, 2}) {
      glUniform1i(line_.uniform("u_haloPass"), pass);
      setColorUniform(line_, "u_haloColor", pass == 1 ? palette::kHaloEdge : palette::kHaloCore);
      glDrawArraysInstanced(GL_TRIANGLES, 0, 6, it->second->segments);
      ++stats_.drawCalls;
    }
  }
}

void MapRenderer::addText(std::string_view text, float px, float left, float top, Rgba color,
                          Rgba halo) {
  quads_.clear();
  font_.layout(text, px, left, top, quads_);
  for (const GlyphQuad& q : quads_)
    text_instances_.push_back({{q.x0, q.y0, q.x1, q.y1}, {q.u0, q.v0, q.u1, q.v1}, color, halo});
}

void MapRenderer::addBox(float x0, float y0, float x1, float y1, Rgba color) {
  const GlyphQuad q = font_.solid(x0, y0, x1, y1);
  text_instances_.push_back(
      {{q.x0, q.y0, q.x1, q.y1}, {q.u0, q.v0, q.u1, q.v1}, color, {0, 0, 0, 0}});
}

void MapRenderer::addPanel(float x0, float y0, float x1, float y1, Rgba color) {
  addBox(x0, y0, x1, y1, color);
  occupied_.push_back({{x0 / pixelRatio_, y0 / pixelRatio_}, {x1 / pixelRatio_, y1 / pixelRatio_}});
}

void MapRenderer::flushText(float haloWidth) {
  if (text_instances_.empty()) return;
  text_.use();
  glActiveTexture(GL_TEXTURE0);
  font_.bind();
  glUniform1i(text_.uniform("u_atlas"), 0);
  glUniform2f(text_.uniform("u_viewportPx"), static_cast<float>(viewportPx_.x),
              static_cast<float>(viewportPx_.y));
  glUniform1f(text_.uniform("u_haloWidth"), haloWidth);
  glBindVertexArray(textVao_.id());
  glBindBuffer(GL_ARRAY_BUFFER, textBuffer_.id());
  // Orphan and refill: the driver hands us fresh memory instead of waiting on the last frame.
  glBufferData(GL_ARRAY_BUFFER,
               static_cast<GLsizeiptr>(text_instances_.size() * sizeof(TextInstance)),
               text_instances_.data(), GL_STREAM_DRAW);
  for (int pass = haloWidth > 0 ? 0 : 1; pass < 2; ++pass) {
    glUniform1i(text_.uniform("u_pass"), pass);
    glDrawArraysInstanced(GL_TRIANGLES, 0, 6, static_cast<GLsizei>(text_instances_.size()));
    ++stats_.drawCalls;
  }
  text_instances_.clear();
}

void MapRenderer::drawLabels(const FrameDescription& frame) {
  if (frame.labels.empty()) return;
  const float r = frame.pixelRatio;
  std::vector<LabelCandidate> candidates;
  candidates.reserve(frame.labels.size());
  const Box screen{{0, 0}, {frame.viewport.width, frame.viewport.height}};
  for (std::uint32_t i = 0; i < frame.labels.size(); ++i) {
    const MapLabel& l = frame.labels[i];
    const Vec2 s = worldToScreen(frame.view, frame.viewport, l.world);
    if (!screen.contains(s)) continue;
    const float size = l.sizePx * frame.uiScale;
    candidates.push_back({s, font_.measure(l.text, size), font_.lineHeight(size) * 0.85,
                          l.markerRadius, l.priority, i});
  }
  const auto placed = placeLabels(std::move(candidates), screen, 2, occupied_);
  stats_.labelsPlaced = placed.size();
  float sizePx = 13;
  for (const PlacedLabel& p : placed) {
    const MapLabel& l = frame.labels[p.id];
    sizePx = l.sizePx * frame.uiScale;
    // The line box is taller than the caps; nudge up so the text sits centred on the marker.
    addText(l.text, sizePx * r, static_cast<float>(p.topLeft.x) * r,
            static_cast<float>(p.topLeft.y - sizePx * 0.12) * r,
            frame.highContrast ? rgb(0x000000) : palette::kTown, palette::kTownHalo);
  }
  flushText(font_.distancePerPixel(sizePx * r) * (frame.highContrast ? 2.4f : 1.6f) * r);
}

// Overlays are laid out in "overlay points": logical points divided by the UI scale, so a scale of
// 2 draws everything twice as large in the same layout.
void MapRenderer::drawOverlay(const FrameDescription& frame) {
  const float r = frame.pixelRatio * frame.uiScale;
  const float w = static_cast<float>(frame.viewport.width) / frame.uiScale,
              h = (static_cast<float>(frame.viewport.height) - frame.bottomInset) / frame.uiScale;
  const Rgba ink = frame.highContrast ? rgb(0x000000) : rgb(0x222222);
  const Rgba paper = frame.highContrast ? rgb(0xffffff) : rgb(0xffffff, 210);
  const float small = 11.5f;
  if (frame.showScaleBar) {
    const ScaleBar bar =
        scaleBarFor(frame.view.metresPerPoint / frame.planeScale, std::min(160.0, w * 0.3));
    const float x0 = 14, y1 = h - 14, len = static_cast<float>(bar.points);
    addPanel((x0 - 6) * r, (y1 - 30) * r, (x0 + len + 8) * r, (y1 + 6) * r, paper);
    addBox(x0 * r, (y1 - 3) * r, (x0 + len) * r, y1 * r, ink);
    addBox(x0 * r, (y1 - 9) * r, (x0 + 1.5f) * r, y1 * r, ink);
    addBox((x0 + len - 1.5f) * r, (y1 - 9) * r, (x0 + len) * r, y1 * r, ink);
    addText(bar.label, small * r, x0 * r, (y1 - 27) * r, ink, {0, 0, 0, 0});
  }
  const ComparisonFrame* twoMaps =
      frame.time && frame.comparison && frame.comparison->mode != CompareMode::Change
          ? &*frame.comparison
          : nullptr;
  if (twoMaps) {
    drawComparedDates(frame, *twoMaps, w, r, paper);
  } else if (!frame.dateText.empty()) {
    // The date, large, at the top: readable from the back of a room and burned into exports.
    const float px = std::clamp(static_cast<float>(frame.viewport.height) * 0.042f, 16.f, 40.f);
    const float tw = font_.measure(frame.dateText, px);
    const float x = (w - tw) / 2, y = 14 + frame.topInset / frame.uiScale;
    addPanel((x - 14) * r, (y - 6) * r, (x + tw + 14) * r, (y + font_.lineHeight(px) + 4) * r,
             paper);
    addText(frame.dateText, px * r, x * r, y * r, frame.highContrast ? ink : palette::kDateText,
            {0, 0, 0, 0});
    if (!frame.subtitle.empty()) {
      // Never below the legend's size: on a small frame 0.42 of the date would be unreadable.
      const float sub = std::max(px * 0.42f, kLegendText), sw = font_.measure(frame.subtitle, sub);
      const float sy = y + font_.lineHeight(px) + 6;
      addPanel(((w - sw) / 2 - 10) * r, (sy - 3) * r, ((w + sw) / 2 + 10) * r,
               (sy + font_.lineHeight(sub) + 2) * r, paper);
      addText(frame.subtitle, sub * r, (w - sw) / 2 * r, sy * r, rgb(0x17408b), {0, 0, 0, 0});
    }
  }
  if (!frame.attribution.empty()) {
    const float tw = font_.measure(frame.attribution, small);
    const float x = w - tw - 10, y = h - font_.lineHeight(small) - 6;
    addPanel((x - 6) * r, (y - 2) * r, w * r, h * r, paper);
    addText(frame.attribution, small * r, x * r, y * r, ink, {0, 0, 0, 0});
  }
  flushText(0);
  if (!frame.caption.empty()) drawCaption(frame, w, h, r, ink, paper);
  // Every image that shows dated layers explains them; a small one (a poster's panel, a small
  // video) keeps the areas and the front line, and one too small for that has no room for a legend.
  if ((frame.time || !frame.layerLegends.empty()) && frame.showLegend && h >= kCompactLegendMin.y &&
      w >= kCompactLegendMin.x)
    drawLegend(frame, h < kFullLegendMin.y || w < kFullLegendMin.x);
}

void MapRenderer::drawComparedDates(const FrameDescription& frame, const ComparisonFrame& c,
                                    float w, float r, Rgba paper) {
  // The divider between the two dates, over the whole map's height: a white core with a dark
  // edge, which reads on every side's colour and on the sea.
  const float h = static_cast<float>(frame.viewport.height) / frame.uiScale;
  const float divider = c.mode == CompareMode::Swipe ? std::clamp(c.swipe, 0.f, 1.f) * w : w / 2;
  // Whole pixels, so that neither edge blurs into the core.
  const float d = std::round(divider * r), core = std::max(1.f, std::round(2 * r)),
              edge = std::max(1.f, std::round(2 * r));
  addBox(d - core - edge, 0, d + core + edge, h * r, palette::kHaloEdge);
  addBox(d - core, 0, d + core, h * r, palette::kHaloCore);
  // A handle low on the map, clear of the place in the middle that the view is about; no label
  // covers it, nor do the dates, which go no lower than just above it.
  const float mapTop = frame.topInset / frame.uiScale,
              mapBottom =
                  (static_cast<float>(frame.viewport.height) - frame.bottomInset) / frame.uiScale,
              handleY = mapTop + (mapBottom - mapTop) * 0.75f;
  if (c.mode == CompareMode::Swipe) {
    const float y = handleY, arrow = 11;
    addPanel((divider - 16) * r, (y - 15) * r, (divider + 16) * r, (y + 15) * r,
             palette::kHaloEdge);
    addBox((divider - 14.5f) * r, (y - 13.5f) * r, (divider + 14.5f) * r, (y + 13.5f) * r,
           palette::kHaloCore);
    const float aw = font_.measure("◀", arrow), top0 = y - font_.lineHeight(arrow) / 2;
    addText("◀", arrow * r, (divider - 1 - aw) * r, top0 * r, palette::kHaloEdge, {0, 0, 0, 0});
    addText("▶", arrow * r, (divider + 1) * r, top0 * r, palette::kHaloEdge, {0, 0, 0, 0});
  }
  // Each map's own date beside the divider, A left of it, B right of it: near the middle, where
  // the window's panels leave the map free, and kept on the frame when the divider nears an edge.
  const float px =
      std::clamp(static_cast<float>(frame.viewport.height) * 0.042f, 16.f, 40.f) * 0.85f;
  const float gap = 18;
  const Rgba ink = frame.highContrast ? rgb(0x000000) : palette::kDateText;
  const float widthA = font_.measure(c.beforeText, px), widthB = font_.measure(frame.dateText, px);
  float xA = divider - gap - widthA, xB = divider + gap;
  // Near an edge a label covers the divider rather than leave the frame; they never overlap.
  if (xB + widthB > w - 14) {
    xB = w - 14 - widthB;
    xA = std::min(xA, xB - 2 * gap - widthA);
  }
  if (xA < 14) {
    xA = 14;
    xB = std::max(xB, xA + widthA + 2 * gap);
  }
  const std::array<ComparedDate, 2> dates = {ComparedDate{&c.beforeText, xA, widthA},
                                             ComparedDate{&frame.dateText, xB, widthB}};
  const float y = comparedDatesTop(frame, dates, divider, font_.lineHeight(px), handleY - 15);
  for (const auto& [text, x, tw] : dates) {
    addPanel((x - 12) * r, (y - 5) * r, (x + tw + 12) * r, (y + font_.lineHeight(px) + 3) * r,
             paper);
    addText(*text, px * r, x * r, y * r, ink, {0, 0, 0, 0});
  }
}

float MapRenderer::comparedDatesTop(const FrameDescription& frame,
                                    std::span<const ComparedDate> dates, float divider,
                                    float lineHeight, float lowest) const {
  // Below the menu bar; in the window, also below a panel either date would run under (the
  // Story panel's title at the right of a small window), the two kept level. The divider's grip
  // (the window's narrow box around the line) is no panel. No room above `lowest`: at the top,
  // as an export has it.
  const float top = 14 + frame.topInset / frame.uiScale, fits = lowest - lineHeight - 3 - 6;
  constexpr double kWidestGrip = 40;  // overlay points; a panel is far wider
  const auto hits = [&](const Box& b, float y) {
    if (b.min.x <= divider && b.max.x >= divider && b.max.x - b.min.x < kWidestGrip) return false;
    for (const ComparedDate& d : dates)
      if (b.min.x < d.left + d.width + 12 && b.max.x > d.left - 12 &&
          b.min.y < y + lineHeight + 3 && b.max.y > y - 5)
        return true;
    return false;
  };
  float y = top;
  for (bool moved = true; moved && y <= fits;) {
    moved = false;
    for (const Box& box : occupied_) {
      const Box points{box.min * (1.0 / frame.uiScale), box.max * (1.0 / frame.uiScale)};
      if (!hits(points, y)) continue;
      y = static_cast<float>(points.max.y) + 5 + 6;  // the label's own margin, and a little air
      moved = true;
    }
  }
  return y <= fits ? y : top;
}

void MapRenderer::drawCaption(const FrameDescription& frame, float w, float h, float r, Rgba ink,
                              Rgba paper) {
  // Centred at the bottom, wrapped to at most two thirds of the width, above the scale bar.
  const float px = 19, maxWidth = std::min(w * 0.66f, 900.f), line = font_.lineHeight(px);
  std::vector<std::string> lines;
  std::string current;
  std::size_t start = 0;
  const std::string& text = frame.caption;
  while (start < text.size()) {
    std::size_t end = text.find(' ', start);
    if (end == std::string::npos) end = text.size();
    const std::string word = text.substr(start, end - start);
    const std::string candidate = current.empty() ? word : current + " " + word;
    if (!current.empty() && font_.measure(candidate, px) > maxWidth) {
      lines.push_back(current);
      current = word;
    } else {
      current = candidate;
    }
    start = end + 1;
  }
  if (!current.empty()) lines.push_back(current);
  float widest = 0;
  for (const auto& l : lines)
    widest = std::max(widest, font_.measure(l, px));
  const float boxH = line * lines.size() + 16, y0 = h - boxH - 44, x0 = (w - widest) / 2;
  addPanel((x0 - 16) * r, y0 * r, (x0 + widest + 16) * r, (y0 + boxH) * r, paper);
  float y = y0 + 8;
  for (const auto& l : lines) {
    addText(l, px * r, (w - font_.measure(l, px)) / 2 * r, y * r, ink, {0, 0, 0, 0});
    y += line;
  }
  flushText(0);
}

void MapRenderer::drawLegend(const FrameDescription& frame, bool compact) {
  // Without dated layers (no timeline) only the user's layers have rows.
  TimeFrame none;
  none.showAreas = none.showFront = none.showPosts = none.showEvents = none.showFlows =
      none.showArrivals = false;
  const TimeFrame& t = frame.time ? *frame.time : none;
  const Palette scheme = frame.highContrast ? Palette::Projector : Palette::Desk;
  const float r = frame.pixelRatio * frame.uiScale;
  const float px = kLegendText, line = font_.lineHeight(px) + 3;
  struct Row {
    std::string symbol;  // a glyph, or empty for a colour swatch
    Rgba color;
    std::string text;
    bool heading = false;  // a layer's title over its rows: no symbol
  };
  std::vector<Row> rows;
  if (t.showAreas)
    for (const Controller c :
         {Controller::Government, Controller::Opposition, Controller::Turkey, Controller::Sdf})
      rows.push_back(
          {"", areaColor(c, t.areasOpacity, scheme), std::string(controllerLongName(c))});
  if (t.showFront) rows.push_back({"━", frontLineColor(scheme), "Front line"});
  if (frame.time && frame.comparison && frame.comparison->mode == CompareMode::Change)
    rows.push_back({"▨", rgb(0x333333),
                    compact ? "Changed hands since " + frame.comparison->beforeText
                            : "Changed hands since " + frame.comparison->beforeText +
                                  " (hatched in the gainer's colour)"});
  if (t.showPosts && !compact) {
    rows.push_back({"●", rgb(0x0072b2), "Turkish post: active"});
    rows.push_back({"◆", rgb(0xe69f00), "Turkish post: encircled"});
    rows.push_back({"⊠", rgb(0x737373), "Turkish post: withdrawn"});
  }
  if (t.showEvents && !compact) {
    // Precision is shown, not hidden: a rough date is hollow; a province-wide place is a circle.
    rows.push_back(
        {"●", rgb(0xb2182b),
         fmt::format("Events of the last {:g} days (○ week or month only)", t.windowDays)});
    rows.push_back({"◌", rgb(0xb2182b), "Somewhere in the province: dashed circle, no dot"});
  }
  // Several sources: a row for each one's ring (a marker's fill stays its type's colour).
  const auto addSources = [&] {
    for (const SourceKey& s : sourceLegend(t.eventSources, t.hiddenEventSources))
      rows.push_back({"◎", s.color, "from " + s.name});
  };
  if (t.showEvents && !compact) addSources();
  // A PostGIS table seen zoomed out: its events are counted per grid cell, not drawn one by one.
  if (t.showEvents && !cells_.empty())
    rows.push_back({"●", kEventCellColor,
                    compact ? "Events per grid cell"
                            : "Events counted per grid cell (a table in PostGIS, zoomed out)"});
  if (t.showFlows && !compact)
    rows.push_back({"➜", rgb(0x2166ac),
                    fmt::format("Displaced people: width 1 pt = {} people",
                                withThousands(static_cast<long>(kPeoplePerFlowPoint)))});
  // The compact legend names the marks drawn too, in short, under the areas (no wider).
  if (compact && t.showEvents) {
    rows.push_back({"●", rgb(0xb2182b), fmt::format("Events, last {:g} days", t.windowDays)});
    addSources();
  }
  if (compact && t.showPosts) rows.push_back({"●", rgb(0x0072b2), "Turkish post"});
  if (compact && t.showFlows) rows.push_back({"➜", rgb(0x2166ac), "Displaced people"});
  // The user's layers, top of the drawing order first: one row for a single colour or a compact
  // legend, else the title over its categories or classes.
  for (auto l = frame.layerLegends.rbegin(); l != frame.layerLegends.rend(); ++l) {
    if (l->entries.empty()) continue;
    if (l->entries.size() == 1 || compact) {
      rows.push_back({l->symbol, l->entries.front().colour, l->title});
      continue;
    }
    rows.push_back({"", {}, l->title, true});
    for (const LegendEntry& e : l->entries)
      rows.push_back({l->symbol, e.colour, e.label});
  }
  const bool symbols = t.showArrivals && !compact;
  if (rows.empty() && !symbols) return;
  float width = 0;
  for (const Row& row : rows)
    width = std::max(width, font_.measure(row.text, px));
  const float w = static_cast<float>(frame.viewport.width) / frame.uiScale,
              h = (static_cast<float>(frame.viewport.height) - frame.bottomInset) / frame.uiScale;
  // Nested reference circles under their heading, at the map's own scale (the UI scale enlarges
  // text, not the symbols' meaning): their size in overlay points shrinks by the UI scale.
  const auto diameter = [&](long people) {
    return 2 *
           static_cast<float>(kSymbolPointsPerRootPerson * std::sqrt(static_cast<double>(people))) /
           frame.uiScale;
  };
  const float biggest = diameter(kLegendPeople[0]);
  const float symbolBlock = symbols ? biggest + line + 12 : 0.f;
  if (symbols) width = std::max(width, font_.measure("People arrived (circle area):", px));
  const float boxW = width + 40, boxH = line * rows.size() + 12 + symbolBlock;
  // Bottom right; top right when a caption takes the bottom, under the date where a narrow
  // frame puts them side by side.
  const float x0 = w - boxW - 10;
  float y0 = frame.caption.empty() ? h - boxH - 34 : 10;
  if (!frame.caption.empty())
    for (const Box& b : occupied_) {
      const Box points{b.min * (1.0 / frame.uiScale), b.max * (1.0 / frame.uiScale)};
      if (points.min.x < x0 + boxW && points.max.x > x0 && points.min.y < y0 + boxH &&
          points.max.y > y0)
        y0 = static_cast<float>(points.max.y) + 6;
    }
  // Too tall for the room under the panels and the date (many sources, a categorised layer):
  // the compact legend, one row a layer, rather than a key hidden behind a panel.
  if (!compact && frame.caption.empty())
    for (const Box& b : occupied_) {
      const Box points{b.min * (1.0 / frame.uiScale), b.max * (1.0 / frame.uiScale)};
      if (points.min.x < x0 + boxW && points.max.x > x0 && points.min.y < y0 + boxH &&
          points.max.y > y0)
        return drawLegend(frame, true);
    }
  addPanel(x0 * r, y0 * r, (x0 + boxW) * r, (y0 + boxH) * r,
           rgb(0xffffff));  // opaque: nothing of the map shows through the key to it
  float y = y0 + 6;
  for (const Row& row : rows) {
    if (row.heading) {
      addText(row.text, px * r, (x0 + 8) * r, y * r, rgb(0x222222), {0, 0, 0, 0});
      y += line;
      continue;
    }
    if (row.symbol.empty()) {
      addBox((x0 + 8) * r, (y + 2) * r, (x0 + 26) * r, (y + line - 4) * r, row.color);
    } else {
      addText(row.symbol, px * 1.2f * r, (x0 + 9) * r, (y - 2) * r, row.color, {0, 0, 0, 0});
    }
    addText(row.text, px * r, (x0 + 32) * r, y * r, rgb(0x222222), {0, 0, 0, 0});
    y += line;
  }
  if (symbols) {
    addText("People arrived (circle area):", px * r, (x0 + 8) * r, y * r, rgb(0x222222),
            {0, 0, 0, 0});
    const float base = y + symbolBlock - 6, cx = x0 + 44;
    for (const long people : kLegendPeople) {
      const float top = base - diameter(people);
      addBox(cx * r, top * r, (cx + 50) * r, (top + 1) * r, rgb(0x17408b));  // leader line
      addText(withThousands(people), px * 0.9f * r, (cx + 54) * r, (top - 7) * r, rgb(0x222222),
              {0, 0, 0, 0});
    }
    flushText(0);
    const ViewTransform screen{
        {0, 0},          1, 1, static_cast<float>(viewportPx_.x), static_cast<float>(viewportPx_.y),
        frame.pixelRatio};
    time_.drawArrivalLegend(screen, {cx * r, base * r});
  }
  flushText(0);
}

}  // namespace idlib
