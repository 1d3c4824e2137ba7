#pragma once
// The timeline's ticks: years when zoomed out, months, then days as the axis zooms in.
#include <string>
#include <vector>

#include "core/date.hpp"

namespace idlib {

enum class TickLevel { Years, Months, Days };

// The finest level whose labels (each `labelPoints` wide) do not run into each other at
// `pointsPerDay`.
TickLevel tickLevelFor(double pointsPerDay, double labelPoints);

struct AxisTick {
  Day day = 0;
  bool major = false;  // a year (or, at day level, a month) begins
  std::string label;   // empty: a tick without a label
};

// The ticks between `from` and `to`: at Years a tick each month, years labelled; at Months each
// month labelled ("Mar", years as "2020"); at Days each day, labelled as often as room allows
// (month starts as "Mar 2020").
std::vector<AxisTick> axisTicks(double from, double to, double pointsPerDay, double labelPoints);

}  // namespace idlib
