#include "core/time_axis.hpp"

#include <gtest/gtest.h>

#include <algorithm>

namespace idlib {
namespace {

constexpr double kLabel = 36;  // points a label needs at UI scale 1

std::vector<std::string> labels(const std::vector<AxisTick>& ticks) {
  std::vector<std::string> out;
  for (const AxisTick& t : ticks)
    if (!t.label.empty()) out.push_back(t.label);
  return out;
}

// The whole span (2017-2020) across a 1260-point timeline, then zoomed in.
TEST(TimeAxis, LevelsFollowThePointsPerDay) {
  EXPECT_EQ(tickLevelFor(1260.0 / 1400, kLabel), TickLevel::Years);
  EXPECT_EQ(tickLevelFor(1260.0 / 180, kLabel), TickLevel::Months);  // half a year
  EXPECT_EQ(tickLevelFor(1260.0 / 30, kLabel), TickLevel::Days);     // a month
  EXPECT_EQ(tickLevelFor(1260.0 / 14, kLabel), TickLevel::Days);     // the closest zoom
  // A larger UI scale needs wider labels: the same zoom shows months, not days.
  EXPECT_EQ(tickLevelFor(1260.0 / 100, kLabel), TickLevel::Days);
  EXPECT_EQ(tickLevelFor(1260.0 / 100, kLabel * 2), TickLevel::Months);
}

TEST(TimeAxis, YearsLabelOnlyTheYears) {
  const auto ticks =
      axisTicks(*parseDate("2017-05-01"), *parseDate("2020-03-31"), 1260.0 / 1430, kLabel);
  EXPECT_EQ(labels(ticks), (std::vector<std::string>{"2018", "2019", "2020"}));
  EXPECT_EQ(ticks.size(), 35u);  // a tick each month, June 2017 to March 2020
}

TEST(TimeAxis, MonthsAreNamed) {
  const auto ticks =
      axisTicks(*parseDate("2019-11-15"), *parseDate("2020-03-31"), 1260.0 / 137, kLabel);
  EXPECT_EQ(labels(ticks), (std::vector<std::string>{"Dec", "2020", "Feb", "Mar"}));
}

TEST(TimeAxis, DaysAppearWhenZoomedIn) {
  // Two weeks over 1260 points: every day labelled, the month's first with its name.
  auto ticks = axisTicks(*parseDate("2020-02-25"), *parseDate("2020-03-03"), 90, kLabel);
  EXPECT_EQ(labels(ticks),
            (std::vector<std::string>{"25", "26", "27", "28", "29", "Mar 2020", "2", "3"}));
  // A month over 420 points: ticks every day, labels every week.
  ticks = axisTicks(*parseDate("2020-02-01"), *parseDate("2020-02-29"), 14, kLabel);
  EXPECT_EQ(ticks.size(), 29u);
  EXPECT_EQ(labels(ticks), (std::vector<std::string>{"Feb 2020", "8", "15", "22"}));
}

}  // namespace
}  // namespace idlib
