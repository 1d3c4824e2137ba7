#include "core/compare_controls.hpp"

#include <algorithm>
#include <cmath>

namespace idlib {

float clampSwipe(float share) {
  if (!std::isfinite(share)) return 0.5f;
  return std::clamp(share, kSwipeMargin, 1 - kSwipeMargin);
}

float dividerX(float share, float mapLeft, float mapWidth) {
  return mapLeft + clampSwipe(share) * mapWidth;
}

float swipeAtPointer(float x, float mapLeft, float mapWidth) {
  if (mapWidth <= 0) return 0.5f;
  return clampSwipe((x - mapLeft) / mapWidth);
}

float nudgeSwipe(float share, int steps) {
  return clampSwipe(clampSwipe(share) + static_cast<float>(steps) * kSwipeKeyStep);
}

std::optional<DateRange> rangeOfDrag(double fromDay, double toDay) {
  const auto a = static_cast<Day>(std::lround(std::min(fromDay, toDay)));
  const auto b = static_cast<Day>(std::lround(std::max(fromDay, toDay)));
  if (a == b) return std::nullopt;
  return DateRange{a, b};
}

void compareRange(Comparison& comparison, const DateRange& range) {
  comparison.before = range.a;
  if (comparison.mode == CompareMode::Off) comparison.mode = CompareMode::Swipe;
}

void setCompareMode(Comparison& comparison, CompareMode mode, Day b, Day first, Day last) {
  const bool entering = comparison.mode == CompareMode::Off && mode != CompareMode::Off;
  const bool outside = comparison.before < first || comparison.before > last;
  if (entering && (outside || comparison.before == b))
    comparison.before = std::max(first, b - kDefaultCompareDays);
  comparison.mode = mode;
}

std::array<double, kSideSlots> stackedTops(const SideTotals& totals, StackedMeasure measure) {
  const auto& values = measure == StackedMeasure::Km2 ? totals.km2 : totals.people;
  std::array<double, kSideSlots> tops{};
  double sum = 0;
  for (std::size_t i = 0; i < kSideSlots; ++i)
    tops[i] = sum += std::max(0.0, values[i]);
  return tops;
}

}  // namespace idlib
