#include "ui/sdl_window.hpp"

#include <epoxy/gl.h>
#include <fmt/format.h>

#include <cstdlib>
#include <string_view>

namespace idlib {
namespace {

// Mesa's llvmpipe and softpipe, Google's SwiftShader: the CPU rasterises every sample.
bool softwareRenderer() {
  const auto* name = reinterpret_cast<const char*>(glGetString(GL_RENDERER));
  const std::string_view renderer = name ? name : "";
  for (const std::string_view software : {"llvmpipe", "softpipe", "SwiftShader"})
    if (renderer.find(software) != std::string_view::npos) return true;
  return false;
}

void requestMultisampling(bool on) {
  SDL_GL_SetAttribute(SDL_GL_MULTISAMPLEBUFFERS, on ? 1 : 0);
  SDL_GL_SetAttribute(SDL_GL_MULTISAMPLESAMPLES, on ? 4 : 0);
}

}  // namespace

void wakeEventLoop() {
  SDL_Event wake{};
  wake.type = SDL_USEREVENT;
  SDL_PushEvent(&wake);
}

bool displayAvailable() {
  for (const char* var : {"DISPLAY", "WAYLAND_DISPLAY", "SDL_VIDEODRIVER"})
    if (const char* v = std::getenv(var); v && *v) return true;
  return false;
}

std::variant<std::unique_ptr<GlWindow>, std::string> GlWindow::open(Mode mode, int width,
                                                                    int height) {
  if (mode == Mode::Headless) SDL_SetHint(SDL_HINT_VIDEODRIVER, "offscreen");
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_PROFILE_MASK, SDL_GL_CONTEXT_PROFILE_CORE);
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_MAJOR_VERSION, 3);
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_MINOR_VERSION, 3);
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_FLAGS, SDL_GL_CONTEXT_FORWARD_COMPATIBLE_FLAG);
  SDL_GL_SetAttribute(SDL_GL_DOUBLEBUFFER, 1);
  // The window is shown once its context is settled (it may be made again without samples).
  const Uint32 flags = SDL_WINDOW_OPENGL | SDL_WINDOW_ALLOW_HIGHDPI | SDL_WINDOW_HIDDEN |
                       (mode == Mode::Interactive ? SDL_WINDOW_RESIZABLE : 0);
  requestMultisampling(mode == Mode::Interactive);
  auto opened = create(flags, width, height);
  if (!std::holds_alternative<std::string>(opened) && mode == Mode::Interactive &&
      softwareRenderer()) {
    // 4x multisampling costs a software rasteriser most of a frame: without it, lines, markers
    // and text are still smoothed by their shaders; only polygon edges lose it.
    // (The new window is made before the first goes, so SDL's video stays up in between.)
    requestMultisampling(false);
    opened = create(flags, width, height);
  }
  if (auto* w = std::get_if<std::unique_ptr<GlWindow>>(&opened)) {
    (*w)->software_ = softwareRenderer();
    if (mode == Mode::Interactive) SDL_ShowWindow((*w)->window_);
  }
  return opened;
}

std::variant<std::unique_ptr<GlWindow>, std::string> GlWindow::create(Uint32 flags, int width,
                                                                      int height) {
  // Each window holds one count of SDL's video (its destructor gives it back).
  if (SDL_InitSubSystem(SDL_INIT_VIDEO) != 0)
    return fmt::format("SDL cannot start video: {}", SDL_GetError());
  std::unique_ptr<GlWindow> w(new GlWindow);
  w->window_ = SDL_CreateWindow("Idlib Atlas", SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED,
                                width, height, flags);
  int multisampled = 0;
  if (!w->window_ && SDL_GL_GetAttribute(SDL_GL_MULTISAMPLEBUFFERS, &multisampled) == 0 &&
      multisampled) {
    // No multisampling on this display: try again without it.
    requestMultisampling(false);
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
