#include "render/offscreen_target.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstring>
#include <stdexcept>

namespace idlib {
namespace {
void attachColor(const gl::Framebuffer& fbo, const gl::Renderbuffer& rb, int w, int h,
                 int samples) {
  glBindRenderbuffer(GL_RENDERBUFFER, rb.id());
  if (samples > 1)
    glRenderbufferStorageMultisample(GL_RENDERBUFFER, samples, GL_RGBA8, w, h);
  else
    glRenderbufferStorage(GL_RENDERBUFFER, GL_RGBA8, w, h);
  glBindFramebuffer(GL_FRAMEBUFFER, fbo.id());
  glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_RENDERBUFFER, rb.id());
  if (glCheckFramebufferStatus(GL_FRAMEBUFFER) != GL_FRAMEBUFFER_COMPLETE)
    throw std::runtime_error(
        fmt::format("cannot create a {}x{} offscreen framebuffer ({} samples)", w, h, samples));
}
}  // namespace

OffscreenTarget::OffscreenTarget(int width, int height, int samples)
    : width_(width), height_(height) {
  GLint maxSize = 0, maxSamples = 0;
  glGetIntegerv(GL_MAX_RENDERBUFFER_SIZE, &maxSize);
  glGetIntegerv(GL_MAX_SAMPLES, &maxSamples);
  if (width > maxSize || height > maxSize)
    throw std::runtime_error(fmt::format(
        "{}x{} is larger than this GPU's limit of {} pixels a side", width, height, maxSize));
  msFbo_ = gl::makeFramebuffer();
  msColor_ = gl::makeRenderbuffer();
  resolveFbo_ = gl::makeFramebuffer();
  resolveColor_ = gl::makeRenderbuffer();
  attachColor(msFbo_, msColor_, width, height, std::min(samples, static_cast<int>(maxSamples)));
  attachColor(resolveFbo_, resolveColor_, width, height, 1);
}

void OffscreenTarget::bind() const {
  glBindFramebuffer(GL_FRAMEBUFFER, msFbo_.id());
}

std::vector<std::uint8_t> OffscreenTarget::readPixels() const {
  glBindFramebuffer(GL_READ_FRAMEBUFFER, msFbo_.id());
  glBindFramebuffer(GL_DRAW_FRAMEBUFFER, resolveFbo_.id());
  glBlitFramebuffer(0, 0, width_, height_, 0, 0, width_, height_, GL_COLOR_BUFFER_BIT, GL_NEAREST);
  glBindFramebuffer(GL_READ_FRAMEBUFFER, resolveFbo_.id());
  std::vector<std::uint8_t> pixels(static_cast<std::size_t>(width_) * height_ * 4);
  glPixelStorei(GL_PACK_ALIGNMENT, 1);
  glReadPixels(0, 0, width_, height_, GL_RGBA, GL_UNSIGNED_BYTE, pixels.data());
  // GL's rows start at the bottom; images start at the top.
  const std::size_t row = static_cast<std::size_t>(width_) * 4;
  std::vector<std::uint8_t> line(row);
  for (int y = 0; y < height_ / 2; ++y) {
    std::uint8_t* a = pixels.data() + y * row;
    std::uint8_t* b = pixels.data() + (height_ - 1 - y) * row;
    std::memcpy(line.data(), a, row);
    std::memcpy(a, b, row);
    std::memcpy(b, line.data(), row);
  }
  return pixels;
}

gl::Texture imageTexture(const std::vector<std::uint8_t>& rgba, int width, int height) {
  if (rgba.size() != static_cast<std::size_t>(width) * height * 4)
    throw std::invalid_argument("an image's pixels do not match its size");
  gl::Texture texture = gl::makeTexture();
  glBindTexture(GL_TEXTURE_2D, texture.id());
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
  glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
  glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, width, height, 0, GL_RGBA, GL_UNSIGNED_BYTE,
               rgba.data());
  return texture;
}

void bindWindowFramebuffer(int width, int height, const float* clear) {
  glBindFramebuffer(GL_FRAMEBUFFER, 0);
  glViewport(0, 0, width, height);
  if (clear) {
    glClearColor(clear[0], clear[1], clear[2], clear[3]);
    glClear(GL_COLOR_BUFFER_BIT);
  }
}

}  // namespace idlib
