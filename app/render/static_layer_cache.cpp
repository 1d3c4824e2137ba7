#include "render/static_layer_cache.hpp"

#include <algorithm>
#include <cmath>
#include <functional>
#include <stdexcept>

namespace idlib {

void StaticLayersKey::add(const Layer& layer, float opacity, double frameDate,
                          double frameWindowDays) {
  layers.emplace_back(layer.id, opacity);
  if (layer.time.mode != TimeMode::Off) date = frameDate, windowDays = frameWindowDays;
  // The layer's time settings, changed in the Layers panel without a new upload.
  const std::size_t fields =
      std::hash<std::string>{}(layer.time.startField + '\n' + layer.time.endField);
  extra.insert(extra.end(), {static_cast<double>(layer.time.mode),
                             static_cast<double>(fields & 0xffffffffffffu)});
}

StaticLayerCache::StaticLayerCache(Keep keep, Onto onto)
    : keep_(keep),
      forWindow_(onto == Onto::Window),
      composite_("composite"),
      vao_(gl::makeVertexArray()) {}

bool StaticLayerCache::kept(const StaticLayersKey& key) const {
  return std::any_of(slots_.begin(), slots_.end(), [&](const Slot& s) { return s.key == key; });
}

void StaticLayerCache::resize(Image& image, int widthPx, int heightPx, bool asWindow) {
  if (!image.fbo) image.fbo = gl::makeFramebuffer();
  image.texture = gl::makeTexture();
  glBindTexture(GL_TEXTURE_2D, image.texture.id());
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_NEAREST);
  // As a window's pixels are stored in Mesa: unsized, with BGRA texels (see Slot).
  if (asWindow)
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA, widthPx, heightPx, 0, GL_BGRA, GL_UNSIGNED_BYTE,
                 nullptr);
  else
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, widthPx, heightPx, 0, GL_RGBA, GL_UNSIGNED_BYTE,
                 nullptr);
  glBindFramebuffer(GL_FRAMEBUFFER, image.fbo.id());
  glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, image.texture.id(),
                         0);
  if (glCheckFramebufferStatus(GL_FRAMEBUFFER) != GL_FRAMEBUFFER_COMPLETE)
    throw std::runtime_error("cannot create the framebuffer that keeps the base map");
  image.width = widthPx;
  image.height = heightPx;
}

// The whole of `from` onto a framebuffer as large; turned over between an image drawn and one
// kept for the window.
void StaticLayerCache::copy(const Image& from) const {
  GLint read = 0;
  glGetIntegerv(GL_READ_FRAMEBUFFER_BINDING, &read);
  glBindFramebuffer(GL_READ_FRAMEBUFFER, from.fbo.id());
  const int top = forWindow_ ? 0 : from.height, bottom = from.height - top;
  glBlitFramebuffer(0, 0, from.width, from.height, 0, bottom, from.width, top, GL_COLOR_BUFFER_BIT,
                    GL_NEAREST);
  glBindFramebuffer(GL_READ_FRAMEBUFFER, static_cast<GLuint>(read));
}

StaticLayerCache::Slot& StaticLayerCache::imageFor(const StaticLayersKey& key, Rgba ground,
                                                   const Slot* keep,
                                                   const std::function<void()>& draw) {
  for (Slot& slot : slots_)
    if (slot.key == key) return slot;
  Slot* oldest = nullptr;
  for (Slot& slot : slots_)
    if (&slot != keep && (!oldest || slot.used < oldest->used)) oldest = &slot;
  Slot& slot = *oldest;
  GLint target = 0;
  glGetIntegerv(GL_DRAW_FRAMEBUFFER_BINDING, &target);
  if (key.widthPx != slot.width || key.heightPx != slot.height)
    resize(slot, key.widthPx, key.heightPx, forWindow_);
  Image& canvas = forWindow_ ? drawn_ : slot;
  if (key.widthPx != canvas.width || key.heightPx != canvas.height)
    resize(canvas, key.widthPx, key.heightPx, false);
  glBindFramebuffer(GL_FRAMEBUFFER, canvas.fbo.id());
  // The whole image, even when asked for under a scissor (a swipe's date A): kept, it must serve
  // any later frame.
  const GLboolean scissor = glIsEnabled(GL_SCISSOR_TEST);
  glDisable(GL_SCISSOR_TEST);
  const float a = ground.a / 255.f;  // premultiplied, as everything the map draws
  glClearColor(ground.r / 255.f * a, ground.g / 255.f * a, ground.b / 255.f * a, a);
  glClear(GL_COLOR_BUFFER_BIT);
  slot.key.reset();  // drawing may throw: never keep half an image under the new key
  draw();
  if (forWindow_) {
    glBindFramebuffer(GL_DRAW_FRAMEBUFFER, slot.fbo.id());
    copy(drawn_);
  }
  if (scissor) glEnable(GL_SCISSOR_TEST);
  glBindFramebuffer(GL_FRAMEBUFFER, static_cast<GLuint>(target));
  slot.key = key;
  ++redraws_;
  return slot;
}

bool StaticLayerCache::drawCached(const StaticLayersKey& key, Rgba ground,
                                  const std::function<void()>& draw) {
  return drawCached(key, nullptr, 0, ground, [&](int) { draw(); });
}

bool StaticLayerCache::drawCached(const StaticLayersKey& key, const StaticLayersKey* next,
                                  float mix, Rgba ground, const std::function<void(int)>& draw,
                                  const Box* differ) {
  GLint multisampled = 0;
  glGetIntegerv(GL_SAMPLE_BUFFERS, &multisampled);
  if (multisampled > 0 || key.widthPx <= 0 || key.heightPx <= 0) return false;
  if (!next || mix <= 0) next = nullptr;
  if (keep_ == Keep::WhenAskedTwice) {
    std::vector<StaticLayersKey> asked{key};
    if (next) asked.push_back(*next);
    const auto servable = [&](const StaticLayersKey& k) {
      return kept(k) || std::find(lastAsked_.begin(), lastAsked_.end(), k) != lastAsked_.end();
    };
    const bool draw = std::all_of(asked.begin(), asked.end(), servable);
    lastAsked_ = std::move(asked);
    if (!draw) return false;
  }
  ++frames_;
  Slot& first = imageFor(key, ground, nullptr, [&] { draw(0); });
  first.used = frames_;
  Slot* second = next ? &imageFor(*next, ground, &first, [&] { draw(1); }) : nullptr;
  if (second) second->used = frames_;
  const auto copyFirst = [&] { copy(first); };
  if (!second) {
    copyFirst();
    return true;
  }
  // Where the images are the same the mix is the first: copied, and mixed only where they
  // differ (a software rasteriser shades the mix pixel by pixel). Not under a caller's scissor.
  const bool within = differ && !glIsEnabled(GL_SCISSOR_TEST);
  if (within) {
    copyFirst();
    const Box& d = *differ;
    // Clamped as doubles: a box far off a view zoomed in is beyond what an int holds.
    const auto pixel = [](double v, int size) {
      return std::isnan(v) ? 0 : static_cast<int>(std::clamp(v, 0.0, static_cast<double>(size)));
    };
    const int x0 = pixel(std::floor(d.min.x), first.width);
    const int y0 = pixel(std::floor(d.min.y), first.height);
    const int x1 = pixel(std::ceil(d.max.x), first.width);
    const int y1 = pixel(std::ceil(d.max.y), first.height);
    if (d.empty() || x1 <= x0 || y1 <= y0) return true;
    glEnable(GL_SCISSOR_TEST);
    glScissor(x0, y0, x1 - x0, y1 - y0);
  }
  // The images are opaque and cover the viewport: written, not blended over what was there.
  GLboolean blending = GL_FALSE;
  glGetBooleanv(GL_BLEND, &blending);
  glDisable(GL_BLEND);
  composite_.use();
  glActiveTexture(GL_TEXTURE1);
  glBindTexture(GL_TEXTURE_2D, second ? second->texture.id() : first.texture.id());
  glActiveTexture(GL_TEXTURE0);
  glBindTexture(GL_TEXTURE_2D, first.texture.id());
  glUniform1i(composite_.uniform("u_image"), 0);
  glUniform1i(composite_.uniform("u_next"), 1);
  glUniform1f(composite_.uniform("u_mix"), second ? mix : 0.0f);
  glUniform1i(composite_.uniform("u_turnedOver"), forWindow_);
  glBindVertexArray(vao_.id());
  glDrawArrays(GL_TRIANGLES, 0, 3);
  if (blending) glEnable(GL_BLEND);
  if (within) glDisable(GL_SCISSOR_TEST);
  return true;
}

}  // namespace idlib
