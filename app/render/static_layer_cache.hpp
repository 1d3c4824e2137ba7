#pragma once
// The map's layers that stay still while the date moves (the basemap's fills), kept in a texture
// while the view, the layers and their styles stay as they are. Playing the timeline then costs
// one copy of them a frame instead of every overlapping polygon again, which a software
// rasteriser (llvmpipe) shades pixel by pixel on the CPU. For a framebuffer of one sample per
// pixel, as the window has where rendering is in software; a multisampled one is drawn directly.
#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/camera.hpp"
#include "core/color.hpp"
#include "core/layer.hpp"
#include "render/gl_objects.hpp"
#include "render/shader_program.hpp"

namespace idlib {

// Everything the cached image depends on: equal keys, equal pixels.
struct StaticLayersKey {
  View view;
  int widthPx = 0, heightPx = 0;
  float pixelRatio = 1;
  bool highContrast = false;
  std::uint64_t uploads = 0;  // the renderer's count of uploads and restyles (new buffers)
  std::vector<std::pair<std::string, float>> layers;  // id and opacity, bottom to top
  // The date and time window, for a cached layer that follows the timeline (else 0).
  double date = 0, windowDays = 0;
  friend bool operator==(const StaticLayersKey&, const StaticLayersKey&) = default;

  // Adds a layer drawn at `opacity`; one that moves with the timeline ties the key to the date.
  void add(const Layer& layer, float opacity, double frameDate, double frameWindowDays);
};

class StaticLayerCache {
 public:
  StaticLayerCache();  // needs a current GL 3.3 context
  // Puts what `draw` draws onto the bound framebuffer, from the texture; first draws it there
  // (over `ground`) when `key` differs from the last. Returns false, having drawn nothing, when
  // the bound framebuffer is multisampled: the caller draws the layers itself.
  bool drawCached(const StaticLayersKey& key, Rgba ground, const std::function<void()>& draw);
  // How many times the layers were drawn into the texture (for tests).
  std::size_t redraws() const { return redraws_; }

 private:
  void resize(int widthPx, int heightPx);

  ShaderProgram composite_;
  gl::VertexArray vao_;  // no attributes: the triangle is made in the vertex shader
  gl::Framebuffer fbo_;
  gl::Texture texture_;
  int width_ = 0, height_ = 0;
  std::optional<StaticLayersKey> cachedFor_;
  std::size_t redraws_ = 0;
};

}  // namespace idlib
