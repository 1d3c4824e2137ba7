#include "ui/sdl_window.hpp"

#include <epoxy/gl.h>
#include <fmt/format.h>

#include <cstdlib>

namespace idlib {

bool displayAvailable() {
  for (const char* var : {"DISPLAY", "WAYLAND_DISPLAY", "SDL_VIDEODRIVER"})
    if (const char* v = std::getenv(var); v && *v) return true;
  return false;
}

std::variant<std::unique_ptr<GlWindow>, std::string> GlWindow::open(Mode mode, int width,
                                                                    int height) {
  if (mode == Mode::Headless) SDL_SetHint(SDL_HINT_VIDEODRIVER, "offscreen");
  if (SDL_InitSubSystem(SDL_INIT_VIDEO) != 0)
    return fmt::format("SDL cannot start video: {}", SDL_GetError());
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_PROFILE_MASK, SDL_GL_CONTEXT_PROFILE_CORE);
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_MAJOR_VERSION, 3);
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_MINOR_VERSION, 3);
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_FLAGS, SDL_GL_CONTEXT_FORWARD_COMPATIBLE_FLAG);
  SDL_GL_SetAttribute(SDL_GL_DOUBLEBUFFER, 1);
  if (mode == Mode::Interactive) {
    SDL_GL_SetAttribute(SDL_GL_MULTISAMPLEBUFFERS, 1);
    SDL_GL_SetAttribute(SDL_GL_MULTISAMPLESAMPLES, 4);
  }
  const Uint32 flags = SDL_WINDOW_OPENGL | SDL_WINDOW_ALLOW_HIGHDPI |
                       (mode == Mode::Interactive ? SDL_WINDOW_RESIZABLE : SDL_WINDOW_HIDDEN);
  std::unique_ptr<GlWindow> w(new GlWindow);
  w->window_ = SDL_CreateWindow("Idlib Atlas", SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED,
                                width, height, flags);
  if (!w->window_ && mode == Mode::Interactive) {
    // No multisampling on this display: try again without it.
    SDL_GL_SetAttribute(SDL_GL_MULTISAMPLEBUFFERS, 0);
    SDL_GL_SetAttribute(SDL_GL_MULTISAMPLESAMPLES, 0);
    w->window_ = SDL_CreateWindow("Idlib Atlas", SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED,
                                  width, height, flags);
  }
  if (!w->window_) return fmt::format("SDL cannot create a window: {}", SDL_GetError());
  w->context_ = SDL_GL_CreateContext(w->window_);
  if (!w->context_)
    return fmt::format("SDL cannot create an OpenGL 3.3 core context: {}", SDL_GetError());
  SDL_GL_MakeCurrent(w->window_, w->context_);
  if (epoxy_gl_version() < 33)
    return fmt::format("OpenGL 3.3 is needed; this context offers {}.{}", epoxy_gl_version() / 10,
                       epoxy_gl_version() % 10);
  return w;
}

GlWindow::~GlWindow() {
  if (context_) SDL_GL_DeleteContext(context_);
  if (window_) SDL_DestroyWindow(window_);
  SDL_QuitSubSystem(SDL_INIT_VIDEO);
}

float GlWindow::pixelRatio() const {
  int w = 0, h = 0, dw = 0, dh = 0;
  SDL_GetWindowSize(window_, &w, &h);
  SDL_GL_GetDrawableSize(window_, &dw, &dh);
  return w > 0 ? static_cast<float>(dw) / w : 1.f;
}

}  // namespace idlib
