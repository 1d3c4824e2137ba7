#include "render/map_renderer.hpp"

#include <algorithm>
#include <cstddef>
#include <stdexcept>

#include "core/labels.hpp"
#include "core/scale_bar.hpp"
#include "core/style.hpp"

namespace idlib {
namespace {

struct FillVertex {
  float x, y;
  Rgba color;
  float feature;
};
struct LineInstance {
  float x0, y0, x1, y1;
  Rgba color;
  float width;
  float feature;
};
struct PointInstance {
  float x, y;
  Rgba color;
  float size;
  float feature;
};

void attribute(GLuint index, GLint size, GLenum type, GLsizei stride, std::size_t offset,
               bool instanced) {
  glEnableVertexAttribArray(index);
  glVertexAttribPointer(index, size, type, type == GL_UNSIGNED_BYTE ? GL_TRUE : GL_FALSE, stride,
                        reinterpret_cast<const void*>(offset));
  if (instanced) glVertexAttribDivisor(index, 1);
}

void setColor(ShaderProgram& p, const char* name, Rgba c) {
  glUniform4f(p.uniform(name), c.r / 255.f, c.g / 255.f, c.b / 255.f, c.a / 255.f);
}

std::string defaultFontFile() {
  std::string file = FontAtlas::findFontFile("DejaVu Sans");
  if (file.empty()) throw std::runtime_error("fontconfig finds no font for 'DejaVu Sans' (install fonts-dejavu-core)");
  return file;
}

}  // namespace

// A layer's GPU buffers, built once from its vectors; per frame only uniforms change.
struct MapRenderer::GpuLayer {
  gl::VertexArray fillVao, lineVao, pointVao;
  gl::Buffer fillBuffer, lineBuffer, pointBuffer;
  GLsizei fillVertices = 0, segments = 0, points = 0;
};

MapRenderer::MapRenderer()
    : fill_("fill"), line_("line"), point_("point"), text_("text"), font_(defaultFontFile()) {
  textVao_ = gl::makeVertexArray();
  textBuffer_ = gl::makeBuffer();
  glBindVertexArray(textVao_.id());
  glBindBuffer(GL_ARRAY_BUFFER, textBuffer_.id());
  constexpr auto stride = static_cast<GLsizei>(sizeof(TextInstance));
  attribute(0, 4, GL_FLOAT, stride, offsetof(TextInstance, rect), true);
  attribute(1, 4, GL_FLOAT, stride, offsetof(TextInstance, uv), true);
  attribute(2, 4, GL_UNSIGNED_BYTE, stride, offsetof(TextInstance, color), true);
  attribute(3, 4, GL_UNSIGNED_BYTE, stride, offsetof(TextInstance, halo), true);
  glBindVertexArray(0);
}

MapRenderer::~MapRenderer() = default;

void MapRenderer::upload(const Layer& layer) {
  auto gpu = std::make_unique<GpuLayer>();

  std::vector<FillVertex> fills;
  fills.reserve(layer.fills.vertices.size());
  for (std::size_t i = 0; i < layer.fills.vertices.size(); ++i) {
    const std::uint32_t f = layer.fills.featureOfVertex[i];
    const Vec2 p = layer.fills.vertices[i];
    fills.push_back({static_cast<float>(p.x), static_cast<float>(p.y), layer.features[f].fill,
                     static_cast<float>(f)});
  }
  if (!fills.empty()) {
    gpu->fillVao = gl::makeVertexArray();
    glBindVertexArray(gpu->fillVao.id());
    gpu->fillBuffer = gl::makeStaticBuffer(fills.data(), fills.size() * sizeof(FillVertex));
    constexpr auto stride = static_cast<GLsizei>(sizeof(FillVertex));
    attribute(0, 2, GL_FLOAT, stride, offsetof(FillVertex, x), false);
    attribute(1, 4, GL_UNSIGNED_BYTE, stride, offsetof(FillVertex, color), false);
    attribute(2, 1, GL_FLOAT, stride, offsetof(FillVertex, feature), false);
    gpu->fillVertices = static_cast<GLsizei>(fills.size());
  }

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
  if (!lines.empty()) {
    gpu->lineVao = gl::makeVertexArray();
    glBindVertexArray(gpu->lineVao.id());
    gpu->lineBuffer = gl::makeStaticBuffer(lines.data(), lines.size() * sizeof(LineInstance));
    constexpr auto stride = static_cast<GLsizei>(sizeof(LineInstance));
    attribute(0, 2, GL_FLOAT, stride, offsetof(LineInstance, x0), true);
    attribute(1, 2, GL_FLOAT, stride, offsetof(LineInstance, x1), true);
    attribute(2, 4, GL_UNSIGNED_BYTE, stride, offsetof(LineInstance, color), true);
    attribute(3, 1, GL_FLOAT, stride, offsetof(LineInstance, width), true);
    attribute(4, 1, GL_FLOAT, stride, offsetof(LineInstance, feature), true);
    gpu->segments = static_cast<GLsizei>(lines.size());
  }

  std::vector<PointInstance> points;
  for (const std::uint32_t f : layer.pointFeatures) {
    const Feature& feature = layer.features[f];
    points.push_back({static_cast<float>(feature.anchor.x), static_cast<float>(feature.anchor.y),
                      layer.style.point, feature.markerSizePx, static_cast<float>(f)});
  }
  // Big towns on top of small ones where markers touch.
  std::stable_sort(points.begin(), points.end(),
                   [](const PointInstance& a, const PointInstance& b) { return a.size < b.size; });
  if (!points.empty()) {
    gpu->pointVao = gl::makeVertexArray();
    glBindVertexArray(gpu->pointVao.id());
    gpu->pointBuffer = gl::makeStaticBuffer(points.data(), points.size() * sizeof(PointInstance));
    constexpr auto stride = static_cast<GLsizei>(sizeof(PointInstance));
    attribute(0, 2, GL_FLOAT, stride, offsetof(PointInstance, x), true);
    attribute(1, 4, GL_UNSIGNED_BYTE, stride, offsetof(PointInstance, color), true);
    attribute(2, 1, GL_FLOAT, stride, offsetof(PointInstance, size), true);
    attribute(3, 1, GL_FLOAT, stride, offsetof(PointInstance, feature), true);
    gpu->points = static_cast<GLsizei>(points.size());
  }
  glBindVertexArray(0);
  layers_[layer.id] = std::move(gpu);
}

void MapRenderer::forget(const std::string& id) { layers_.erase(id); }

FrameStats MapRenderer::draw(const FrameDescription& frame) {
  stats_ = {};
  viewportPx_ = {frame.viewport.width * frame.pixelRatio, frame.viewport.height * frame.pixelRatio};
  glViewport(0, 0, static_cast<GLsizei>(viewportPx_.x), static_cast<GLsizei>(viewportPx_.y));
  const Rgba sea = palette::kSea;
  glClearColor(sea.r / 255.f, sea.g / 255.f, sea.b / 255.f, 1);
  glClear(GL_COLOR_BUFFER_BIT);
  glDisable(GL_DEPTH_TEST);
  glEnable(GL_BLEND);
  glBlendFunc(GL_ONE, GL_ONE_MINUS_SRC_ALPHA);

  const Vec2 c = frame.view.centre;
  const float sx = static_cast<float>(2.0 / (frame.view.metresPerPoint * frame.viewport.width));
  const float sy = static_cast<float>(2.0 / (frame.view.metresPerPoint * frame.viewport.height));
  auto common = [&](ShaderProgram& p, const LayerFrame& lf) {
    p.use();
    glUniform2f(p.uniform("u_centre"), static_cast<float>(c.x), static_cast<float>(c.y));
    glUniform2f(p.uniform("u_scale"), sx, sy);
    glUniform2f(p.uniform("u_viewportPx"), static_cast<float>(viewportPx_.x), static_cast<float>(viewportPx_.y));
    glUniform1f(p.uniform("u_pixelRatio"), frame.pixelRatio);
    glUniform1f(p.uniform("u_opacity"), lf.opacity);
    glUniform1f(p.uniform("u_highlight"), static_cast<float>(lf.highlightFeature));
    setColor(p, "u_highlightColor", {palette::kHighlight.r, palette::kHighlight.g, palette::kHighlight.b, 90});
  };

  // All fills first, then all lines, then points: borders are never hidden under a later fill.
  for (const LayerFrame& lf : frame.layers) {
    auto it = layers_.find(lf.layer->id);
    if (it == layers_.end() || !it->second->fillVertices) continue;
    common(fill_, lf);
    glBindVertexArray(it->second->fillVao.id());
    glDrawArrays(GL_TRIANGLES, 0, it->second->fillVertices);
    ++stats_.drawCalls;
  }
  for (const LayerFrame& lf : frame.layers) {
    auto it = layers_.find(lf.layer->id);
    if (it == layers_.end() || !it->second->segments) continue;
    common(line_, lf);
    setColor(line_, "u_highlightColor", palette::kHighlight);
    glBindVertexArray(it->second->lineVao.id());
    glDrawArraysInstanced(GL_TRIANGLES, 0, 6, it->second->segments);
    ++stats_.drawCalls;
  }
  for (const LayerFrame& lf : frame.layers) {
    auto it = layers_.find(lf.layer->id);
    if (it == layers_.end() || !it->second->points) continue;
    common(point_, lf);
    setColor(point_, "u_highlightColor", palette::kHighlight);
    setColor(point_, "u_ringColor", palette::kTownHalo);
    glBindVertexArray(it->second->pointVao.id());
    glDrawArraysInstanced(GL_TRIANGLES, 0, 6, it->second->points);
    ++stats_.drawCalls;
  }
  drawLabels(frame);
  drawOverlay(frame);
  glBindVertexArray(0);
  return stats_;
}

void MapRenderer::addText(std::string_view text, float px, float left, float top, Rgba color, Rgba halo) {
  quads_.clear();
  font_.layout(text, px, left, top, quads_);
  for (const GlyphQuad& q : quads_)
    text_instances_.push_back({{q.x0, q.y0, q.x1, q.y1}, {q.u0, q.v0, q.u1, q.v1}, color, halo});
}

void MapRenderer::addBox(float x0, float y0, float x1, float y1, Rgba color) {
  const GlyphQuad q = font_.solid(x0, y0, x1, y1);
  text_instances_.push_back({{q.x0, q.y0, q.x1, q.y1}, {q.u0, q.v0, q.u1, q.v1}, color, {0, 0, 0, 0}});
}

void MapRenderer::flushText(float haloWidth) {
  if (text_instances_.empty()) return;
  text_.use();
  glActiveTexture(GL_TEXTURE0);
  font_.bind();
  glUniform1i(text_.uniform("u_atlas"), 0);
  glUniform2f(text_.uniform("u_viewportPx"), static_cast<float>(viewportPx_.x), static_cast<float>(viewportPx_.y));
  glUniform1f(text_.uniform("u_haloWidth"), haloWidth);
  glBindVertexArray(textVao_.id());
  glBindBuffer(GL_ARRAY_BUFFER, textBuffer_.id());
  // Orphan and refill: the driver hands us fresh memory instead of waiting on the last frame.
  glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(text_instances_.size() * sizeof(TextInstance)),
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
    candidates.push_back({s, font_.measure(l.text, l.sizePx), font_.lineHeight(l.sizePx) * 0.85,
                          l.markerRadius, l.priority, i});
  }
  const auto placed = placeLabels(std::move(candidates), screen);
  stats_.labelsPlaced = placed.size();
  float sizePx = 13;
  for (const PlacedLabel& p : placed) {
    const MapLabel& l = frame.labels[p.id];
    sizePx = l.sizePx;
    // The line box is taller than the caps; nudge up so the text sits centred on the marker.
    addText(l.text, l.sizePx * r, static_cast<float>(p.topLeft.x) * r,
            static_cast<float>(p.topLeft.y - l.sizePx * 0.12) * r, palette::kTown, palette::kTownHalo);
  }
  flushText(font_.distancePerPixel(sizePx * r) * 1.6f * r);
}

void MapRenderer::drawOverlay(const FrameDescription& frame) {
  const float r = frame.pixelRatio;
  const float w = static_cast<float>(frame.viewport.width), h = static_cast<float>(frame.viewport.height);
  const Rgba ink = rgb(0x222222), paper = rgb(0xffffff, 210);
  const float small = 11.5f;
  if (frame.showScaleBar) {
    const ScaleBar bar = scaleBarFor(frame.view.metresPerPoint, std::min(160.0, w * 0.3));
    const float x0 = 14, y1 = h - 14, len = static_cast<float>(bar.points);
    addBox((x0 - 6) * r, (y1 - 30) * r, (x0 + len + 8) * r, (y1 + 6) * r, paper);
    addBox(x0 * r, (y1 - 3) * r, (x0 + len) * r, y1 * r, ink);
    addBox(x0 * r, (y1 - 9) * r, (x0 + 1.5f) * r, y1 * r, ink);
    addBox((x0 + len - 1.5f) * r, (y1 - 9) * r, (x0 + len) * r, y1 * r, ink);
    addText(bar.label, small * r, x0 * r, (y1 - 27) * r, ink, {0, 0, 0, 0});
  }
  if (!frame.attribution.empty()) {
    const float tw = font_.measure(frame.attribution, small);
    const float x = w - tw - 10, y = h - font_.lineHeight(small) - 6;
    addBox((x - 6) * r, (y - 2) * r, w * r, h * r, paper);
    addText(frame.attribution, small * r, x * r, y * r, ink, {0, 0, 0, 0});
  }
  flushText(0);
}

}  // namespace idlib
