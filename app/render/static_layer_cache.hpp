#pragma once
// The map's layers that stay still while the date moves, kept in a texture while the view, the
// layers and their styles stay as they are: the basemap's fills, and (one image a control
// snapshot) everything under the moving marks, whose areas and front line change only at control
// change dates. Playing the timeline then costs one copy of them a frame instead of every
// overlapping polygon again, which a software rasteriser (llvmpipe) shades pixel by pixel on the
// CPU. For a framebuffer of one sample per pixel, as the window has where rendering is in
// software; a multisampled one is drawn directly.
#include <array>
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
  // Whatever else the image shows, in the caller's terms (e.g. the control snapshot, the dated
  // layers' switches, highlighted features).
  std::vector<double> extra;
  friend bool operator==(const StaticLayersKey&, const StaticLayersKey&) = default;

  // Adds a layer drawn at `opacity`; one that moves with the timeline ties the key to the date.
  void add(const Layer& layer, float opacity, double frameDate, double frameWindowDays);
};

class StaticLayerCache {
 public:
  // When an image is drawn into a texture: at once, or only when the frame before asked for it
  // too. An image that changes every frame (a slow frame rate over dated layers that change
  // often) then costs no more than drawing directly: the caller is told to draw it.
  enum class Keep { AtOnce, WhenAskedTwice };
  // Where the images are mostly put: into another image being drawn (kept as they are drawn,
  // copied as they are), or onto the window (kept as the window's pixels lie, see Slot).
  enum class Onto { Image, Window };
  // Needs a current GL 3.3 context.
  explicit StaticLayerCache(Keep keep = Keep::AtOnce, Onto onto = Onto::Image);
  // Puts what `draw` draws onto the bound framebuffer, from the texture; first draws it there
  // (over `ground`) when `key` differs from the last. Returns false, having drawn nothing, when
  // the bound framebuffer is multisampled, or (Keep::WhenAskedTwice) the image is not kept and
  // was not asked for by the last call: the caller draws the layers itself.
  bool drawCached(const StaticLayersKey& key, Rgba ground, const std::function<void()>& draw);
  // The same for two images mixed: `key`'s and, at the share `mix` (0..1), `next`'s; `draw(0)`
  // draws the first, `draw(1)` the second. Both stay kept, so when `next` becomes the first
  // (the next control snapshot comes into force) nothing is drawn again. `differ`: where the two
  // images may differ (pixels, from the bottom left), when known; elsewhere the first is copied.
  bool drawCached(const StaticLayersKey& key, const StaticLayersKey* next, float mix, Rgba ground,
                  const std::function<void(int)>& draw, const Box* differ = nullptr);
  // How many times the layers were drawn into a texture (for tests).
  std::size_t redraws() const { return redraws_; }

 private:
  struct Image {
    gl::Framebuffer fbo;
    gl::Texture texture;
    int width = 0, height = 0;
  };
  // A kept image. For the window its rows run from the top and its texels are BGRA, as a
  // window's pixels lie in memory in Mesa: the copy to the window is then a plain copy of memory
  // (0.3 ms at 1920x1080 in llvmpipe, against 6-8 for a copy that turns the rows over, or
  // converts from RGBA, which runs a shader per pixel). The same holds for an image copied into
  // another image: kept as drawn.
  struct Slot : Image {
    std::optional<StaticLayersKey> key;
    std::uint64_t used = 0;  // the frame that last showed it
  };
  // The slot that holds `key`'s image, drawing it first into the least recently used one (not
  // `keep`) where none does.
  Slot& imageFor(const StaticLayersKey& key, Rgba ground, const Slot* keep,
                 const std::function<void()>& draw);
  bool kept(const StaticLayersKey& key) const;
  static void resize(Image& image, int widthPx, int heightPx, bool asWindow);
  void copy(const Image& from) const;  // onto the bound draw framebuffer

  Keep keep_;
  bool forWindow_;
  std::vector<StaticLayersKey> lastAsked_;
  ShaderProgram composite_;
  gl::VertexArray vao_;  // no attributes: the triangle is made in the vertex shader
  std::array<Slot, 2> slots_;
  // For the window, where an image is drawn, as an export is (RGBA, rows from the bottom), before
  // it is turned over into its slot: drawn into BGRA, llvmpipe takes a faster path that shades
  // some pixels up to 20 levels apart, and whole 64-pixel tiles twice.
  Image drawn_;
  std::uint64_t frames_ = 0;
  std::size_t redraws_ = 0;
};

}  // namespace idlib
