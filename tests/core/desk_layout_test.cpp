#include "core/desk_layout.hpp"

#include <gtest/gtest.h>

#include <array>
#include <cmath>
#include <string>

namespace idlib {
namespace {

// Every panel at every size and scale: inside the window, off the timeline (its controls
// included) and off the scale bar.
TEST(DeskLayout, NoPanelCoversTheTimelineOrTheScaleBar) {
  const std::pair<float, float> sizes[] = {{1280, 720}, {1600, 960}, {1920, 1080}, {3840, 2160}};
  for (const auto& [w, h] : sizes)
    for (const float scale : {1.f, 1.5f, 2.f}) {
      const DeskLayout l = deskLayout(w, h, scale);
      const std::string where =
          std::to_string(int(w)) + "x" + std::to_string(int(h)) + " at " + std::to_string(scale);
      EXPECT_TRUE(l.timeline.inside(l.window)) << where;
      EXPECT_TRUE(l.timelineControls.inside(l.timeline)) << where;
      EXPECT_TRUE(l.scaleBar.inside(l.map)) << where;
      EXPECT_GT(l.desk.h, 100) << where;  // room for panels remains
      int i = 0;
      for (const ScreenRect& p : l.panels()) {
        EXPECT_TRUE(p.inside(l.window)) << where << " panel " << i;
        EXPECT_FALSE(p.intersects(l.timeline)) << where << " panel " << i;
        EXPECT_FALSE(p.intersects(l.timelineControls)) << where << " panel " << i;
        EXPECT_FALSE(p.intersects(l.scaleBar)) << where << " panel " << i;
        EXPECT_FALSE(p.intersects(l.menuBar)) << where << " panel " << i;
        EXPECT_GT(p.w, 0) << where << " panel " << i;
        ++i;
      }
    }
}

// The timeline's controls are never cut at the window's edge: at every size and UI scale each
// group lies inside the window and the control rows, none on another, and the timeline grows
// by the rows added while keeping room for its chart and strip.
TEST(DeskLayout, TheTimelinesControlsFitEveryWindow) {
  const std::pair<float, float> sizes[] = {{1280, 720}, {1600, 960}, {1920, 1080}, {3840, 2160}};
  for (const auto& [w, h] : sizes)
    for (const float scale : {1.f, 1.5f, 2.f}) {
      const DeskLayout l = deskLayout(w, h, scale);
      const std::string where =
          std::to_string(int(w)) + "x" + std::to_string(int(h)) + " at " + std::to_string(scale);
      ASSERT_EQ(l.timelineGroups.size(), kTimelineControlEms.size()) << where;
      for (std::size_t i = 0; i < l.timelineGroups.size(); ++i) {
        const ScreenRect& g = l.timelineGroups[i];
        EXPECT_TRUE(g.inside(l.timelineControls)) << where << " group " << i;
        EXPECT_LE(g.right(), w - 8 * scale) << where << " group " << i;  // the panel's padding
        EXPECT_FLOAT_EQ(g.w, kTimelineControlEms[i] * 15 * scale) << where << " group " << i;
        for (std::size_t j = 0; j < i; ++j)
          EXPECT_FALSE(g.intersects(l.timelineGroups[j])) << where << " groups " << j << ", " << i;
      }
      EXPECT_GE(l.timeline.bottom() - l.timelineControls.bottom(), 60 * scale) << where;
    }
  // One row where it fits; two or three on a small window at a large scale, the timeline
  // taller by as many rows.
  const auto rows = [](const DeskLayout& l) {
    return 1 + static_cast<int>(std::round((l.timelineGroups.back().y - l.timelineGroups[0].y) /
                                           l.timelineGroups[0].h));
  };
  EXPECT_EQ(rows(deskLayout(1280, 720, 1)), 1);
  EXPECT_EQ(rows(deskLayout(3840, 2160, 2)), 1);
  EXPECT_EQ(rows(deskLayout(1280, 720, 1.5f)), 2);
  EXPECT_GE(rows(deskLayout(1280, 720, 2)), 2);
  EXPECT_GT(deskLayout(1600, 960, 1.5f).timeline.h, 1.5f * kTimelinePoints);
}

TEST(DeskLayout, GroupsWrapOntoANewRowOnlyWhereTheyDoNotFit) {
  const std::array<float, 4> widths = {40, 30, 50, 120};
  const auto placed = wrapIntoRows(widths, {10, 100, 100, 0}, 5, 20);
  ASSERT_EQ(placed.size(), 4u);
  EXPECT_EQ(placed[0], (ScreenRect{10, 100, 40, 20}));
  EXPECT_EQ(placed[1], (ScreenRect{55, 100, 30, 20}));   // 55..85 fits in 10..110
  EXPECT_EQ(placed[2], (ScreenRect{10, 120, 50, 20}));   // 90..140 would not
  EXPECT_EQ(placed[3], (ScreenRect{10, 140, 120, 20}));  // too wide for any row: its own
}

// At 1280x720 the timeline keeps its full height and the panels their width; the event list,
// which would cover the legend, starts collapsed.
TEST(DeskLayout, ASmallWindowKeepsTheTimelineAndUsablePanels) {
  const DeskLayout l = deskLayout(1280, 720, 1);
  EXPECT_FLOAT_EQ(l.timeline.h, kTimelinePoints);
  EXPECT_FLOAT_EQ(l.timeline.bottom(), 720);
  EXPECT_GE(l.find.w, 300);
  EXPECT_GE(l.events.h, 300);                 // when the analyst opens it
  EXPECT_FALSE(l.find.intersects(l.events));  // left and right columns
  EXPECT_FALSE(l.layers.intersects(l.events));
  EXPECT_TRUE(l.compact);
}

// Where there is room, the event list is open and ends above the legend.
TEST(DeskLayout, TheEventListLeavesTheLegendVisible) {
  const std::pair<float, float> sizes[] = {{1536, 864}, {1600, 960}, {1920, 1080}, {3840, 2160}};
  for (const auto& [w, h] : sizes) {
    const DeskLayout l = deskLayout(w, h, w > 3000 ? 2 : 1);
    EXPECT_FALSE(l.compact) << w;
    EXPECT_FALSE(l.events.intersects(l.legend)) << w;
    EXPECT_GE(l.events.h, 200) << w;
    EXPECT_TRUE(l.legend.inside(l.map)) << w;
  }
}

// At 4K and scale 2 everything is twice the size: the same desk, not a smaller one.
TEST(DeskLayout, ScaleTwoAt4kIsTheDeskAt1920TwiceOver) {
  const DeskLayout small = deskLayout(1920, 1080, 1), large = deskLayout(3840, 2160, 2);
  EXPECT_FLOAT_EQ(large.timeline.h, 2 * small.timeline.h);
  EXPECT_FLOAT_EQ(large.find.w, 2 * small.find.w);
  EXPECT_FLOAT_EQ(large.events.x, 2 * small.events.x);
  EXPECT_FLOAT_EQ(large.scaleBar.y, 2 * small.scaleBar.y);
}

TEST(DeskLayout, APanelFromABiggerWindowComesBackOnTheDesk) {
  const DeskLayout l = deskLayout(1280, 720, 1);
  // Remembered from a 4K window: far right, over where the timeline now is.
  const ScreenRect remembered{3000, 600, 400, 500};
  const ScreenRect placed = keepOnDesk(remembered, l.desk);
  EXPECT_TRUE(placed.inside(l.desk));
  EXPECT_FALSE(placed.intersects(l.timeline));
  EXPECT_FLOAT_EQ(placed.w, 400);  // moved, not shrunk, where it fits
  EXPECT_FLOAT_EQ(placed.right(), l.desk.right());
  const ScreenRect onDesk{100, 100, 200, 200};
  EXPECT_EQ(keepOnDesk(onDesk, l.desk), onDesk);  // a panel in its place stays there
}

// The window opens at 3072x1728 on a 4K screen, then is maximised: the event list on the right
// stays at the right edge, Find at the left.
TEST(DeskLayout, PanelsFollowTheirEdgeWhenTheWindowIsResized) {
  const DeskLayout before = deskLayout(3072, 1728, 2), after = deskLayout(3840, 2160, 2);
  const ScreenRect events = followResize(before.events, before.desk, after.desk);
  EXPECT_FLOAT_EQ(after.desk.right() - events.right(), before.desk.right() - before.events.right());
  EXPECT_FLOAT_EQ(events.y, before.events.y);
  EXPECT_EQ(followResize(before.find, before.desk, after.desk), before.find);
  EXPECT_EQ(followResize(before.find, before.desk, before.desk), before.find);
}

TEST(DeskLayout, UiScaleFollowsDpiOrDisplaySize) {
  EXPECT_FLOAT_EQ(autoUiScale(1920, 1080, 96), 1);
  EXPECT_FLOAT_EQ(autoUiScale(1280, 720, 96), 1);        // never below 1
  EXPECT_FLOAT_EQ(autoUiScale(3840, 2160, 96), 2);       // a 4K screen whose DPI is not known
  EXPECT_FLOAT_EQ(autoUiScale(2560, 1440, 96), 1.25f);   // quarter steps
  EXPECT_FLOAT_EQ(autoUiScale(2880, 1800, 220), 2.25f);  // a laptop's high-DPI panel
  EXPECT_FLOAT_EQ(autoUiScale(7680, 4320, 96), 3);
}

TEST(DeskLayout, TheWindowOpensAtMostOfTheDisplay) {
  const WindowSize k4 = initialWindowSize(3840, 2160);
  EXPECT_EQ(k4.width, 3072);
  EXPECT_EQ(k4.height, 1728);
  const WindowSize small = initialWindowSize(1366, 740);  // a small laptop: 1280x720 fits
  EXPECT_EQ(small.width, 1280);
  EXPECT_EQ(small.height, 720);
  const WindowSize tiny = initialWindowSize(1024, 600);  // never larger than the display
  EXPECT_EQ(tiny.width, 1024);
  EXPECT_EQ(tiny.height, 600);
}

}  // namespace
}  // namespace idlib
