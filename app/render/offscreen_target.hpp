#pragma once
// A framebuffer to render into without a window: multisampled for smooth fills, resolved into a
// plain one to read the pixels back.
#include <cstdint>
#include <vector>

#include "render/gl_objects.hpp"

namespace idlib {

class OffscreenTarget {
 public:
  OffscreenTarget(int width, int height, int samples = 4);  // throws if incomplete
  void bind() const;
  // RGBA, top row first. Resolves the multisampled image first.
  std::vector<std::uint8_t> readPixels() const;
  int width() const { return width_; }
  int height() const { return height_; }

 private:
  int width_, height_;
  gl::Framebuffer msFbo_, resolveFbo_;
  gl::Renderbuffer msColor_, resolveColor_;
};

// An RGBA image (top row first) as a texture of the current context, e.g. for ImGui::Image.
gl::Texture imageTexture(const std::vector<std::uint8_t>& rgba, int width, int height);

// Draws to the window again (after an offscreen target), clearing it when `clear` is given.
void bindWindowFramebuffer(int width, int height, const float* clearRgba = nullptr);

}  // namespace idlib
