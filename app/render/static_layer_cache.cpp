#include "render/static_layer_cache.hpp"

#include <stdexcept>

namespace idlib {

void StaticLayersKey::add(const Layer& layer, float opacity, double frameDate,
                          double frameWindowDays) {
  layers.emplace_back(layer.id, opacity);
  if (layer.time.mode != TimeMode::Off) date = frameDate, windowDays = frameWindowDays;
}

StaticLayerCache::StaticLayerCache()
    : composite_("composite"), vao_(gl::makeVertexArray()), fbo_(gl::makeFramebuffer()) {}

void StaticLayerCache::resize(int widthPx, int heightPx) {
  texture_ = gl::makeTexture();
  glBindTexture(GL_TEXTURE_2D, texture_.id());
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_NEAREST);
  glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, widthPx, heightPx, 0, GL_RGBA, GL_UNSIGNED_BYTE,
               nullptr);
  glBindFramebuffer(GL_FRAMEBUFFER, fbo_.id());
  glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, texture_.id(), 0);
  if (glCheckFramebufferStatus(GL_FRAMEBUFFER) != GL_FRAMEBUFFER_COMPLETE)
    throw std::runtime_error("cannot create the framebuffer that keeps the base map");
  width_ = widthPx;
  height_ = heightPx;
}

bool StaticLayerCache::drawCached(const StaticLayersKey& key, Rgba ground,
                                  const std::function<void()>& draw) {
  GLint multisampled = 0, target = 0;
  glGetIntegerv(GL_SAMPLE_BUFFERS, &multisampled);
  if (multisampled > 0 || key.widthPx <= 0 || key.heightPx <= 0) return false;
  if (cachedFor_ != key) {
    glGetIntegerv(GL_DRAW_FRAMEBUFFER_BINDING, &target);
    if (key.widthPx != width_ || key.heightPx != height_) resize(key.widthPx, key.heightPx);
    glBindFramebuffer(GL_FRAMEBUFFER, fbo_.id());
    const float a = ground.a / 255.f;  // premultiplied, as everything the map draws
    glClearColor(ground.r / 255.f * a, ground.g / 255.f * a, ground.b / 255.f * a, a);
    glClear(GL_COLOR_BUFFER_BIT);
    draw();
    glBindFramebuffer(GL_FRAMEBUFFER, static_cast<GLuint>(target));
    cachedFor_ = key;
    ++redraws_;
  }
  composite_.use();
  glActiveTexture(GL_TEXTURE0);
  glBindTexture(GL_TEXTURE_2D, texture_.id());
  glUniform1i(composite_.uniform("u_image"), 0);
  glBindVertexArray(vao_.id());
  glDrawArrays(GL_TRIANGLES, 0, 3);
  return true;
}

}  // namespace idlib
