// The analyst's desk with the bundled data: keys taken from SDL's events, "next event" through
// control changes.
#include <gtest/gtest.h>

#include "render_fixture.hpp"
#include "ui/map_view.hpp"

namespace idlib::test {
namespace {

class Desk : public BundledMap {};

SDL_KeyboardEvent tap(SDL_Keycode key, Uint16 mod = KMOD_NONE) {
  SDL_KeyboardEvent e{};
  e.type = SDL_KEYDOWN;
  e.state = SDL_PRESSED;
  e.keysym.sym = key;
  e.keysym.mod = mod;
  return e;
}

std::string today(const AppState& state) {
  return formatDate(static_cast<Day>(state.playback.date));
}

// Five taps of Right that arrive between two frames are five steps, and the steps stop on the
// dates where areas change hands as well as on events' dates (geodata/control_changes.csv:
// Kafr Nabudah 8 and 26 May 2019, Qal'at al-Madiq 9 May; geodata/events.csv: a000-08 on 19 May,
// a000-05 on 22 May).
TEST_F(Desk, EveryTapOfRightStepsToTheNextEventOrControlChange) {
  AppState& state = *state_;
  state.playback.jumpTo(*parseDate("2019-05-01"), state.timeline);
  std::vector<std::string> dates;
  for (int i = 0; i < 5; ++i) {
    EXPECT_TRUE(mapKey(state, tap(SDLK_RIGHT)));
    dates.push_back(today(state));
  }
  EXPECT_EQ(dates, (std::vector<std::string>{"2019-05-08", "2019-05-09", "2019-05-19", "2019-05-22",
                                             "2019-05-26"}));
  for (int i = 0; i < 3; ++i)
    mapKey(state, tap(SDLK_LEFT));
  EXPECT_EQ(today(state), "2019-05-09");
}

TEST_F(Desk, HeldSpaceIsOneToggleAndCtrlFAsksForTheFindBox) {
  AppState& state = *state_;
  state.playback.playing = false;
  SDL_KeyboardEvent space = tap(SDLK_SPACE);
  mapKey(state, space);
  space.repeat = 1;  // the key held: SDL repeats it
  mapKey(state, space);
  mapKey(state, space);
  EXPECT_TRUE(state.playback.playing);
  state.playback.playing = false;
  EXPECT_FALSE(state.focusSearch);
  mapKey(state, tap(SDLK_f, KMOD_LCTRL));
  EXPECT_TRUE(state.focusSearch);
  state.focusSearch = false;
}

}  // namespace
}  // namespace idlib::test
