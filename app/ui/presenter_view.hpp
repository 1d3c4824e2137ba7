#pragma once
// The speaker's window: current and next cue, notes, elapsed time. A second SDL window with its
// own GL and ImGui contexts, so the audience's window stays clean.
#include <SDL.h>

#include <memory>

#include "ui/app_state.hpp"
#include "ui/sdl_window.hpp"

struct ImGuiContext;

namespace idlib {

class PresenterView {
 public:
  // Opens on `display` (the one the audience window does not use); nothing if it cannot.
  static std::unique_ptr<PresenterView> open(int display, float fontPixels);
  ~PresenterView();
  PresenterView(const PresenterView&) = delete;
  PresenterView& operator=(const PresenterView&) = delete;

  Uint32 windowId() const { return SDL_GetWindowID(window_->window()); }
  void processEvent(const SDL_Event& event);
  // Draws one frame; returns the action the speaker clicked.
  enum class Action { None, Next, Previous, Black, Leave };
  Action draw(const AppState& state);

 private:
  PresenterView() = default;
  std::unique_ptr<GlWindow> window_;
  ImGuiContext* context_ = nullptr;
  ImGuiContext* previous_ = nullptr;
};

}  // namespace idlib
