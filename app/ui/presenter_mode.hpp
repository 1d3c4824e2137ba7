#pragma once
// Presenter mode, the window's side: the audience's map full screen on the chosen display (or
// beside the speaker's window when they share one), the analyst's panels hidden, the story's
// keys (and a presentation clicker's: PageDown/PageUp, B and Escape), and the speaker's window
// when there is a second display or one is asked for.
#include <SDL.h>

#include <memory>
#include <optional>
#include <vector>

#include "core/presenter_layout.hpp"
#include "render/map_renderer.hpp"
#include "ui/command_line.hpp"
#include "ui/presenter_view.hpp"
#include "ui/story_mode.hpp"

namespace idlib {

class PresenterMode {
 public:
  PresenterMode(SDL_Window* window, const Options& options);
  bool active() const { return active_; }
  PresenterView* speaker() const { return speaker_.get(); }

  void enter(AppState& state);
  void leave(AppState& state);
  // Returns true when the key belonged to presenter mode.
  bool key(const SDL_Keysym& k, AppState& state);
  // Draws the speaker's window, its thumbnails rendered with `renderer` (the audience window's
  // context must be current), and acts on what the speaker clicked.
  void drawSpeaker(AppState& state, MapRenderer& renderer);

 private:
  PresenterPlacement placement() const;  // for the displays there are now
  void place(const PresenterPlacement& p);
  void act(PresenterView::Action a, AppState& state);
  void renderThumbnails(AppState& state, MapRenderer& renderer);

  SDL_Window* window_;
  const Options& options_;
  bool active_ = false;
  DisplayRect windowed_;               // the analyst's window, given back on leaving
  std::optional<int> speakerDisplay_;  // --presenter-display, then the speaker's menu
  AnalystDesk desk_;                   // given back on leaving
  float uiScale_ = 1;                  // the speaker's window's, as the desk's
  std::unique_ptr<PresenterView> speaker_;
  // What the thumbnails show now: the cue and the palette (re-rendered when either changes).
  std::optional<std::pair<std::size_t, bool>> thumbnailsOf_;
};

// Each display's usable bounds, as SDL reports them.
std::vector<DisplayRect> usableDisplays();

}  // namespace idlib
