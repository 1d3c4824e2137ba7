#pragma once
// An SDL window with an OpenGL 3.3 core context, owned for its lifetime. Headless runs use SDL's
// offscreen driver (EGL), which needs no display.
#include <SDL.h>

#include <memory>
#include <string>
#include <variant>

namespace idlib {

class GlWindow {
 public:
  enum class Mode { Interactive, Headless };
  // Returns the window or why there is none.
  static std::variant<std::unique_ptr<GlWindow>, std::string> open(Mode mode, int width,
                                                                   int height);
  ~GlWindow();
  GlWindow(const GlWindow&) = delete;
  GlWindow& operator=(const GlWindow&) = delete;

  SDL_Window* window() const { return window_; }
  SDL_GLContext context() const { return context_; }
  float pixelRatio() const;                    // drawable pixels per window point
  bool software() const { return software_; }  // rasterised by the CPU (llvmpipe and the like)

 private:
  GlWindow() = default;
  static std::variant<std::unique_ptr<GlWindow>, std::string> create(Uint32 flags, int width,
                                                                     int height);
  SDL_Window* window_ = nullptr;
  SDL_GLContext context_ = nullptr;
  bool software_ = false;
};

// True when an interactive window could be shown: a display server or an explicit SDL driver.
bool displayAvailable();

// Ends the window's wait for events (an SDL user event): work finished on another thread is
// shown at once. Any thread may call it; without SDL's events it does nothing.
void wakeEventLoop();

}  // namespace idlib
