#include "ui/presenter_mode.hpp"

namespace idlib {
namespace {
constexpr int kThumbnailWidth = 384, kThumbnailHeight = 216;
}  // namespace

std::vector<DisplayRect> usableDisplays() {
  std::vector<DisplayRect> displays;
  for (int i = 0; i < SDL_GetNumVideoDisplays(); ++i) {
    SDL_Rect r{};
    if (SDL_GetDisplayUsableBounds(i, &r) != 0 && SDL_GetDisplayBounds(i, &r) != 0) r = {};
    displays.push_back({r.x, r.y, r.w, r.h});
  }
  return displays;
}

PresenterMode::PresenterMode(SDL_Window* window, const Options& options)
    : window_(window), options_(options), speakerDisplay_(options.presenterDisplay) {}

void PresenterMode::enter(AppState& state) {
  if (active_) return;
  active_ = true;
  SDL_GetWindowPosition(window_, &windowed_.x, &windowed_.y);
  SDL_GetWindowSize(window_, &windowed_.w, &windowed_.h);
  desk_ = enterPresenting(state);
  uiScale_ = state.deskScale * state.uiScale;
  const bool wanted = SDL_GetNumVideoDisplays() >= 2 || options_.presenterView ||
                      options_.presenterDisplay.has_value();
  const PresenterPlacement p = placement();
  if (wanted) speaker_ = PresenterView::open(p.speaker, !p.audienceFullscreen, uiScale_);
  place(p);
}

PresenterPlacement PresenterMode::placement() const {
  return placePresenterWindows(usableDisplays(), options_.display, speakerDisplay_, uiScale_);
}

void PresenterMode::place(const PresenterPlacement& p) {
  const bool tile = speaker_ && !p.audienceFullscreen;
  if (tile) {  // beside the speaker's window, never under it
    SDL_SetWindowFullscreen(window_, 0);
    SDL_SetWindowBordered(window_, SDL_FALSE);
    SDL_SetWindowSize(window_, p.audience.w, p.audience.h);
    SDL_SetWindowPosition(window_, p.audience.x, p.audience.y);
  } else {
    // Covering the display by itself too: without a window manager, "full screen" alone
    // leaves the window its old size (seen under Xvfb).
    if (SDL_Rect bounds; SDL_GetDisplayBounds(p.audienceDisplay, &bounds) == 0) {
      SDL_SetWindowPosition(window_, bounds.x, bounds.y);
      SDL_SetWindowSize(window_, bounds.w, bounds.h);
    }
    SDL_SetWindowFullscreen(window_, SDL_WINDOW_FULLSCREEN_DESKTOP);
  }
  if (speaker_) speaker_->place(p.speaker, tile);
}

void PresenterMode::leave(AppState& state) {
  if (!active_) return;
  active_ = false;
  speaker_.reset();
  thumbnailsOf_.reset();
  SDL_SetWindowFullscreen(window_, 0);
  SDL_SetWindowBordered(window_, SDL_TRUE);
  SDL_SetWindowSize(window_, windowed_.w, windowed_.h);
  SDL_SetWindowPosition(window_, windowed_.x, windowed_.y);
  leavePresenting(state, desk_);
}

bool PresenterMode::key(const SDL_Keysym& k, AppState& state) {
  if (k.sym == SDLK_F5) {
    active_ ? leave(state) : enter(state);
    return true;
  }
  if (!active_) return false;
  switch (k.sym) {
    case SDLK_PAGEDOWN:
    case SDLK_RIGHT:
    case SDLK_SPACE:
    case SDLK_DOWN:
      presentNext(state);
      return true;
    case SDLK_PAGEUP:
    case SDLK_LEFT:
    case SDLK_UP:
      presentPrevious(state);
      return true;
    case SDLK_HOME:
      presentCue(state, 0);
      return true;
    case SDLK_END:
      presentCue(state, state.story.cues.empty() ? 0 : state.story.cues.size() - 1);
      return true;
    case SDLK_b:
    case SDLK_PERIOD:
      state.blackScreen = !state.blackScreen;
      return true;
    case SDLK_ESCAPE:
      leave(state);
      return true;
    default:
      return false;
  }
}

void PresenterMode::renderThumbnails(AppState& state, MapRenderer& renderer) {
  if (!state.presenter || state.story.cues.empty()) return;
  const std::size_t cue = state.presenter->cue();
  const std::pair shown{cue, state.highContrast};
  if (thumbnailsOf_ == shown) return;
  thumbnailsOf_ = shown;
  const auto render = [&](std::size_t i) {
    return i < state.story.cues.size()
               ? renderCueThumbnail(state, renderer, i, kThumbnailWidth, kThumbnailHeight)
               : RenderedImage{};  // no such cue: the window shows none
  };
  RenderedImage current = render(cue);
  speaker_->setThumbnails(std::move(current), render(cue + 1));
}

void PresenterMode::drawSpeaker(AppState& state, MapRenderer& renderer) {
  if (!speaker_) return;
  renderThumbnails(state, renderer);
  act(speaker_->draw(state), state);
}

void PresenterMode::act(PresenterView::Action a, AppState& state) {
  switch (a) {
    case PresenterView::Action::Next:
      presentNext(state);
      break;
    case PresenterView::Action::Previous:
      presentPrevious(state);
      break;
    case PresenterView::Action::Black:
      state.blackScreen = !state.blackScreen;
      break;
    case PresenterView::Action::Leave:
      leave(state);
      break;
    case PresenterView::Action::ChooseDisplay:
      speakerDisplay_ = speaker_->chosenDisplay();
      place(placement());
      break;
    case PresenterView::Action::None:
      break;
  }
}

}  // namespace idlib
