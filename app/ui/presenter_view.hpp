#pragma once
// The speaker's window: current and next cue with thumbnails, notes, elapsed time, and the
// choice of its screen. A second SDL window with its own GL and ImGui contexts, so the
// audience's window stays clean.
#include <SDL.h>

#include <array>
#include <memory>
#include <optional>

#include "core/presenter_layout.hpp"
#include "render/gl_objects.hpp"
#include "ui/app_state.hpp"
#include "ui/export.hpp"
#include "ui/sdl_window.hpp"

struct ImGuiContext;

namespace idlib {

class PresenterView {
 public:
  // Opens at `rect` (borderless when it is a tile beside the audience's map), its text and
  // widgets at `uiScale`; nothing if it cannot.
  static std::unique_ptr<PresenterView> open(const DisplayRect& rect, bool tile, float uiScale);
  ~PresenterView();
  PresenterView(const PresenterView&) = delete;
  PresenterView& operator=(const PresenterView&) = delete;

  Uint32 windowId() const { return SDL_GetWindowID(window_->window()); }
  void place(const DisplayRect& rect, bool tile);
  void processEvent(const SDL_Event& event);
  // The current and next cue's thumbnails (an empty image for none), shown from the next draw.
  void setThumbnails(RenderedImage current, RenderedImage next);
  // Draws one frame; returns the action the speaker clicked.
  enum class Action { None, Next, Previous, Black, Leave, ChooseDisplay };
  Action draw(const AppState& state);
  int chosenDisplay() const { return chosenDisplay_; }  // after Action::ChooseDisplay

 private:
  struct Thumbnail {
    RenderedImage image;  // waiting to be uploaded in this window's context
    gl::Texture texture;
    int width = 0, height = 0;
  };
  PresenterView() = default;
  void uploadThumbnails();
  void drawThumbnail(Thumbnail& t, const char* label, float width);
  bool drawDisplayMenu();  // true when the speaker picked a screen
  std::unique_ptr<GlWindow> window_;
  ImGuiContext* context_ = nullptr;
  std::array<Thumbnail, 2> thumbnails_;  // current, next
  bool thumbnailsToUpload_ = false;
  int chosenDisplay_ = 0;
};

}  // namespace idlib
