#pragma once
// What the window's comparison controls compute, apart from drawing them: the swipe divider's
// place and its clamping, a date range picked on the timeline, and the chart track's stacked
// areas per side.
#include <array>
#include <optional>

#include "core/compare.hpp"
#include "core/control_stats.hpp"

namespace idlib {

// The divider never leaves the map: it keeps this share of the map's width from either edge, so
// both dates stay in view and the handle can be grabbed again.
inline constexpr float kSwipeMargin = 0.02f;
// One tap of [ or ] moves the divider this share of the map's width.
inline constexpr float kSwipeKeyStep = 0.02f;

float clampSwipe(float share);
// The divider's x in window points, for a map from `mapLeft`, `mapWidth` points wide.
float dividerX(float share, float mapLeft, float mapWidth);
// The share a pointer at `x` puts the divider at (clamped to the map).
float swipeAtPointer(float x, float mapLeft, float mapWidth);
// The share after `steps` key taps (negative: to the left).
float nudgeSwipe(float share, int steps);

// A range dragged on the timeline: A its earlier end, B its later one, whole days. None when the
// drag spans less than a day (a click).
struct DateRange {
  Day a = 0, b = 0;
};
std::optional<DateRange> rangeOfDrag(double fromDay, double toDay);
// Compares A with B (the caller moves the slider to B): the mode stays as it was, or Swipe when
// comparing was off.
void compareRange(Comparison& comparison, const DateRange& range);

// Turns comparing to `mode`. Entering it with no date A inside the data's span [first, last]
// compares with kDefaultCompareDays before B (never before the data starts).
inline constexpr Day kDefaultCompareDays = 30;
void setCompareMode(Comparison& comparison, CompareMode mode, Day b, Day first, Day last);

// Which figure the chart track stacks.
enum class StackedMeasure { Km2, People };
// The tops of the stacked bands in slot order (the controllers, then unrecorded ground): band i
// lies between tops[i - 1] (0 for the first) and tops[i]; the last is the total.
std::array<double, kSideSlots> stackedTops(const SideTotals& totals, StackedMeasure measure);

}  // namespace idlib
