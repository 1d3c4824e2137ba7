#include "core/time_axis.hpp"

#include <array>
#include <chrono>
#include <cmath>

namespace idlib {
namespace {

constexpr std::array<const char*, 12> kMonths = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                 "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

std::chrono::year_month_day civil(Day day) {
  return std::chrono::year_month_day{std::chrono::sys_days{std::chrono::days{day}}};
}

// At day level, which days of the month carry a label: every one, every other, or the weeks'.
bool labelledDay(unsigned dayOfMonth, double pointsPerDay, double labelPoints) {
  if (pointsPerDay >= labelPoints) return true;
  if (pointsPerDay * 2 >= labelPoints) return dayOfMonth % 2 == 1 && dayOfMonth < 31;
  return dayOfMonth == 8 || dayOfMonth == 15 || dayOfMonth == 22;
}

}  // namespace

TickLevel tickLevelFor(double pointsPerDay, double labelPoints) {
  if (pointsPerDay * 7 >= labelPoints * 2) return TickLevel::Days;  // weekly labels, spaced
  if (pointsPerDay * 28 >= labelPoints) return TickLevel::Months;
  return TickLevel::Years;
}

std::vector<AxisTick> axisTicks(double from, double to, double pointsPerDay, double labelPoints) {
  const TickLevel level = tickLevelFor(pointsPerDay, labelPoints);
  std::vector<AxisTick> ticks;
  for (Day d = static_cast<Day>(std::ceil(from)); d <= to; ++d) {
    const auto ymd = civil(d);
    const unsigned day = static_cast<unsigned>(ymd.day()),
                   month = static_cast<unsigned>(ymd.month());
    const std::string year = std::to_string(static_cast<int>(ymd.year()));
    if (day == 1 && month == 1 && level != TickLevel::Days) {
      ticks.push_back({d, true, year});
    } else if (day == 1 && level == TickLevel::Days) {
      ticks.push_back({d, true, std::string(kMonths[month - 1]) + " " + year});
    } else if (day == 1) {
      ticks.push_back({d, false, level == TickLevel::Months ? kMonths[month - 1] : ""});
    } else if (level == TickLevel::Days) {
      ticks.push_back(
          {d, false, labelledDay(day, pointsPerDay, labelPoints) ? std::to_string(day) : ""});
    }
  }
  return ticks;
}

}  // namespace idlib
