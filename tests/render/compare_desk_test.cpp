// Comparing two dates in the analyst's window (issue 14): the swipe divider is dragged with the
// mouse and the map does not pan meanwhile, a drag anywhere else still pans the map; a shift-drag
// on the timeline picks dates A and B; Change mode shows the Changes panel.
#include <gtest/gtest.h>
#include <imgui.h>

#include <cmath>

#include "render_fixture.hpp"
#include "ui/map_view.hpp"
#include "ui/panels/panels.hpp"

namespace idlib::test {
namespace {

class CompareDesk : public BundledMap {
 protected:
  void SetUp() override {
    state_->desk = deskLayout(1280, 720, 1);
    state_->previousDesk = state_->desk.desk;
    state_->camera.setViewport({1280, 720});
    state_->camera.setView(idlibHomeView({1280, 720}));
    state_->playback.jumpTo(makeDay(2020, 2, 10), state_->timeline);
  }
  void TearDown() override { state_->comparison = {}; }

  // One frame of the window's UI with the mouse at (x, y), its left button down or up.
  void frame(float x, float y, bool down) {
    ImGuiIO& io = ImGui::GetIO();
    io.MousePos = {x, y};
    io.MouseDown[0] = down;
    ImGui::NewFrame();
    panels::timeline(*state_, timelinePanel_);
    panels::changes(*state_, changesPanel_);
    panels::swipeDivider(*state_);
    updateMapInteraction(*state_);
    ImGui::Render();
  }
  // A left-button drag from (x0, y) to (x1, y), a frame at each step.
  void drag(float x0, float x1, float y) {
    frame(x0, y, false);
    frame(x0, y, true);
    for (int i = 1; i <= 4; ++i)
      frame(x0 + (x1 - x0) * i / 4, y, true);
    frame(x1, y, false);
    frame(x1, y, false);
  }

  panels::TimelinePanelState timelinePanel_;
  panels::ChangesPanelState changesPanel_;
};

TEST_F(CompareDesk, TheDividerFollowsADragAndTheMapPansOnlyElsewhere) {
  ImGuiFrames imgui(1280, 720);
  AppState& state = *state_;
  state.comparison = {CompareMode::Swipe, makeDay(2020, 2, 1), 0.5f};
  const Vec2 centre = state.camera.view().centre;
  // Grabbed a few points beside the line (x 640 on a map as wide as the window).
  drag(643, 320, 300);
  EXPECT_NEAR(state.comparison.swipe, 0.25f, 0.01f);
  EXPECT_EQ(state.camera.view().centre.x, centre.x) << "the map panned under the divider";
  // Dragged past the window's edge, it stops just inside the map.
  drag(320, -50, 300);
  EXPECT_NEAR(state.comparison.swipe, 0.02f, 0.001f);
  // Far from the divider the drag pans the map and leaves the divider where it was.
  const float before = state.comparison.swipe;
  drag(800, 900, 300);
  EXPECT_EQ(state.comparison.swipe, before);
  EXPECT_NE(state.camera.view().centre.x, centre.x) << "a drag away from the divider pans";
}

// Shift held, a drag on the timeline's strip from about 1 to about 10 February 2020 compares
// the first date with the second: Swipe turns on and the slider jumps to B.
TEST_F(CompareDesk, AShiftDragOnTheTimelinePicksDatesAAndB) {
  ImGuiFrames imgui(1280, 720);
  AppState& state = *state_;
  state.timelineFrom = makeDay(2020, 1, 1);
  state.timelineTo = makeDay(2020, 3, 1);
  frame(10, 10, false);  // lays the panel out: where is its axis?
  const ScreenRect& t = state.desk.timeline;
  // The axis: right of the panel's padding (8) and the compare column (8.4 em and a gap of 8),
  // to the padding at the right edge.
  const float left = 8 + std::round(8.4f * ImGui::GetFontSize()) + 8, right = 1280 - 8;
  const auto xOf = [&](Day d) {
    return left +
           static_cast<float>((d - state.timelineFrom) / (state.timelineTo - state.timelineFrom)) *
               (right - left);
  };
  ImGui::GetIO().KeyShift = true;
  drag(xOf(makeDay(2020, 2, 1)), xOf(makeDay(2020, 2, 10)), t.bottom() - 30);
  ImGui::GetIO().KeyShift = false;
  EXPECT_EQ(state.comparison.mode, CompareMode::Swipe);
  EXPECT_NEAR(state.comparison.before, makeDay(2020, 2, 1), 1);
  EXPECT_NEAR(state.playback.date, makeDay(2020, 2, 10), 1);
}

}  // namespace
}  // namespace idlib::test
