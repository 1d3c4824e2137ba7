// The analyst's desk with the bundled data: keys taken from SDL's events, "next event" through
// control changes, the panels of a real ImGui frame kept off the timeline.
#include <gtest/gtest.h>
#include <imgui.h>

#include "render/offscreen_target.hpp"
#include "render_fixture.hpp"
#include "ui/imgui_rects.hpp"
#include "ui/map_view.hpp"
#include "ui/panels/panels.hpp"

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

bool overlaps(const Box& b, const ScreenRect& r) {
  return b.min.x < r.right() && r.x < b.max.x && b.min.y < r.bottom() && r.y < b.max.y;
}

// desk.ini from a 4K window puts the Layers panel where a 1280x720 window has its timeline and
// the event list beyond its right edge: both come back onto the map at once, and no
// panel covers the timeline's controls or the scale bar.
TEST_F(Desk, PanelsRememberedFromALargerWindowComeBackOnTheDesk) {
  ImGuiFrames imgui(1280, 720);
  const std::string remembered =
      "[Window][Layers]\nPos=12,600\nSize=330,300\nCollapsed=0\n\n"
      "[Window][Events]\nPos=2900,120\nSize=800,760\nCollapsed=0\n\n";
  ImGui::LoadIniSettingsFromMemory(remembered.data(), remembered.size());
  AppState& state = *state_;
  state.desk = deskLayout(1280, 720, 1);
  state.previousDesk = state.desk.desk;
  state.searchQuery = "Sar";                 // Find shows its results
  for (int frame = 0; frame < 3; ++frame) {  // auto-sized panels show from their second frame
    ImGui::NewFrame();
    panels::layers(state);
    panels::search(state);
    panels::events(state);
    panels::story(state);
    panels::TimelinePanelState timelinePanel;
    panels::timeline(state, timelinePanel);
    ImGui::Render();
  }
  state.searchQuery.clear();

  const DeskLayout& desk = state.desk;
  const auto windows = imguiWindowRects();
  EXPECT_EQ(windows.size(), 5u);
  int onTheTimeline = 0;
  for (const Box& w : windows) {
    const std::string where = "window at " + std::to_string(w.min.x) + "," +
                              std::to_string(w.min.y) + " to " + std::to_string(w.max.x) + "," +
                              std::to_string(w.max.y);
    EXPECT_TRUE(w.min.x >= 0 && w.min.y >= 0 && w.max.x <= 1280 && w.max.y <= 720) << where;
    if (w.min.y == desk.timeline.y && w.max.y == desk.timeline.bottom()) {
      ++onTheTimeline;  // the timeline itself
      continue;
    }
    EXPECT_FALSE(overlaps(w, desk.timeline)) << where;
    EXPECT_FALSE(overlaps(w, desk.scaleBar)) << where;
  }
  EXPECT_EQ(onTheTimeline, 1);
}

// The date at the top of the map sits below the menu bar, not half under it (a 1280x720 window
// hid its upper edge): the frame's top inset moves its box down by exactly that much.
TEST_F(Desk, TheDateSitsBelowTheMenuBar) {
  constexpr int kWidth = 960, kHeight = 600;
  const View home = idlibHomeView({kWidth, kHeight});
  auto firstRowOfTheDate = [&](float topInset) {
    OffscreenTarget target(kWidth, kHeight);
    target.bind();
    FrameDescription frame = describeFrame(*state_, home, {kWidth, kHeight}, 1, Viewer::Analyst);
    const std::vector<std::uint8_t> without = (renderer_->draw([&] {
      FrameDescription bare = frame;
      bare.dateText.clear();
      bare.subtitle.clear();
      return bare;
    }()),
                                               target.readPixels());
    frame.topInset = topInset;
    target.bind();  // reading the pixels bound another framebuffer
    renderer_->draw(frame);
    const std::vector<std::uint8_t> with = target.readPixels();
    bindWindowFramebuffer(kWidth, kHeight);
    for (int y = 0; y < kHeight; ++y) {  // rows from the top, the column at the centre
      const std::size_t at = (static_cast<std::size_t>(y) * kWidth + kWidth / 2) * 4;
      if (std::abs(with[at] - without[at]) + std::abs(with[at + 1] - without[at + 1]) > 30)
        return y;
    }
    return -1;
  };
  state_->playback.jumpTo(*parseDate("2020-02-20"), state_->timeline);
  showOnlyBaseMap();
  for (LayerEntry& e : state_->layers)  // no labels that move aside for the date
    e.visible = false;
  const int bare = firstRowOfTheDate(0), belowMenu = firstRowOfTheDate(21);
  for (LayerEntry& e : state_->layers)
    e.visible = true;
  ASSERT_GE(bare, 0) << "no date drawn";
  EXPECT_EQ(belowMenu - bare, 21);
}

}  // namespace
}  // namespace idlib::test
