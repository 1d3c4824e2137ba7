// The window's comparison controls: where the swipe divider goes and how far it may go, the
// dates a shift-drag on the timeline picks, and the chart track's stacked bands.
#include "core/compare_controls.hpp"

#include <gtest/gtest.h>

#include <limits>

#include "core/date.hpp"

namespace idlib {
namespace {

// A 1280-point map: the divider sits at its share of the width, a drag past either edge stops
// short of it (both dates stay in view), and keys move it in steps that stop there too.
TEST(CompareControls, TheDividerFollowsThePointerAndStaysOnTheMap) {
  EXPECT_FLOAT_EQ(dividerX(0.5f, 0, 1280), 640);
  EXPECT_FLOAT_EQ(swipeAtPointer(320, 0, 1280), 0.25f);
  EXPECT_FLOAT_EQ(swipeAtPointer(-200, 0, 1280), kSwipeMargin);
  EXPECT_FLOAT_EQ(swipeAtPointer(5000, 0, 1280), 1 - kSwipeMargin);
  EXPECT_FLOAT_EQ(dividerX(1.5f, 100, 1000), 100 + (1 - kSwipeMargin) * 1000);
  EXPECT_FLOAT_EQ(swipeAtPointer(600, 100, 1000), 0.5f);  // a map that starts at x 100
  EXPECT_FLOAT_EQ(nudgeSwipe(0.5f, 1), 0.5f + kSwipeKeyStep);
  EXPECT_FLOAT_EQ(nudgeSwipe(0.5f, -2), 0.5f - 2 * kSwipeKeyStep);
  float share = 0.5f;
  for (int i = 0; i < 100; ++i)
    share = nudgeSwipe(share, 1);
  EXPECT_FLOAT_EQ(share, 1 - kSwipeMargin);
  EXPECT_FLOAT_EQ(clampSwipe(std::numeric_limits<float>::quiet_NaN()), 0.5f);
}

// Dragged either way, A is the range's earlier day and B its later one; a click is no range.
TEST(CompareControls, AShiftDragPicksTheEarlierDayAsAAndTurnsSwipeOn) {
  const Day feb1 = *parseDate("2020-02-01"), feb10 = *parseDate("2020-02-10");
  const auto forward = rangeOfDrag(feb1 + 0.2, feb10 - 0.3);
  ASSERT_TRUE(forward);
  EXPECT_EQ(forward->a, feb1);
  EXPECT_EQ(forward->b, feb10);
  const auto backward = rangeOfDrag(feb10, feb1);
  ASSERT_TRUE(backward);
  EXPECT_EQ(backward->a, feb1);
  EXPECT_EQ(backward->b, feb10);
  EXPECT_FALSE(rangeOfDrag(feb1 + 0.1, feb1 - 0.2));

  Comparison c;
  compareRange(c, *forward);
  EXPECT_EQ(c.mode, CompareMode::Swipe);
  EXPECT_EQ(c.before, feb1);
  c.mode = CompareMode::Change;  // a mode chosen stays
  compareRange(c, {feb1 - 5, feb10});
  EXPECT_EQ(c.mode, CompareMode::Change);
  EXPECT_EQ(c.before, feb1 - 5);
}

// Turning comparing on without a date A in the data compares with a month before B, never
// before the data starts; a date A already chosen stays; Off keeps it for next time.
TEST(CompareControls, EnteringAModeWithoutDateAComparesWithAMonthBefore) {
  const Day first = *parseDate("2017-01-01"), last = *parseDate("2020-12-31");
  const Day b = *parseDate("2020-03-06");
  Comparison c;
  setCompareMode(c, CompareMode::Change, b, first, last);
  EXPECT_EQ(c.mode, CompareMode::Change);
  EXPECT_EQ(c.before, b - kDefaultCompareDays);
  c.before = *parseDate("2019-04-30");
  setCompareMode(c, CompareMode::Off, b, first, last);
  setCompareMode(c, CompareMode::Swipe, b, first, last);
  EXPECT_EQ(c.before, *parseDate("2019-04-30"));
  Comparison early;
  setCompareMode(early, CompareMode::Swipe, first + 3, first, last);
  EXPECT_EQ(early.before, first);
}

// The bands stack in slot order, each as thick as its side's figure; the top is the total.
TEST(CompareControls, TheChartTrackStacksEachSideOnTheOnesBelow) {
  SideTotals t;
  t.km2 = {100, 250, 0, 10, 40};
  t.people = {1000, 2000, 0, 0, 500};
  const auto km2 = stackedTops(t, StackedMeasure::Km2);
  EXPECT_EQ(km2, (std::array<double, kSideSlots>{100, 350, 350, 360, 400}));
  EXPECT_DOUBLE_EQ(stackedTops(t, StackedMeasure::People).back(), 3500);

  SideTotals later = t;
  later.km2[0] = 160;
  later.km2[1] = 190;
  const SideTotals d = difference(later, t);
  EXPECT_DOUBLE_EQ(d.km2[0], 60);
  EXPECT_DOUBLE_EQ(d.km2[1], -60);
  EXPECT_DOUBLE_EQ(d.km2[kUnrecordedSlot], 0);
}

TEST(CompareControls, ThePreviousRowIsThePreviousChangeDate) {
  std::vector<ControlStatsRow> series(3);
  series[0].date = 10, series[1].date = 20, series[2].date = 30;
  EXPECT_EQ(previousRow(series, statsAt(series, 25)), &series[0]);
  EXPECT_EQ(previousRow(series, statsAt(series, 35)), &series[1]);
  EXPECT_EQ(previousRow(series, statsAt(series, 12)), nullptr);
  EXPECT_EQ(previousRow(series, statsAt(series, 5)), nullptr);
}

}  // namespace
}  // namespace idlib
