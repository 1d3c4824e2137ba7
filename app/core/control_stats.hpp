#pragma once
// How much land and how many people each side held, at every date on which control changed, and
// what changed hands between two dates: the figures behind the chart track, --control-stats and
// the change map. Areas are the localities' cells (ControlAreas::cells), so every figure is only
// as fine as the localities are dense.
#include <array>
#include <optional>
#include <vector>

#include "core/control_areas.hpp"
#include "core/timeline.hpp"

namespace idlib {

// One slot per controller, then one for ground whose locality has no record yet at that date.
inline constexpr std::size_t kUnrecordedSlot = kControllerCount;
inline constexpr std::size_t kSideSlots = kControllerCount + 1;

struct SideTotals {
  std::array<double, kSideSlots> km2{}, people{};
};

enum class StatsRegion { Idlib, All };  // inside Idlib governorate, or the whole mapped land

struct ControlStatsRow {
  Day date = 0;
  SideTotals idlib, all;
  const SideTotals& in(StatsRegion r) const { return r == StatsRegion::Idlib ? idlib : all; }
};

// One row per control change date (Timeline::controlChangeDates), in order.
std::vector<ControlStatsRow> controlSeries(const Timeline& timeline, const ControlAreas& areas);
// The row in force on `day` (the last change on or before it), if any.
const ControlStatsRow* statsAt(const std::vector<ControlStatsRow>& series, Day day);

// Each side's figures at `later` less those at `earlier`.
SideTotals difference(const SideTotals& later, const SideTotals& earlier);
// The row before `row` in `series` (the previous change date), if any.
const ControlStatsRow* previousRow(const std::vector<ControlStatsRow>& series,
                                   const ControlStatsRow* row);

// A locality whose controller on date B differs from that on date A.
struct HandChange {
  std::size_t locality = 0;          // index into Timeline::localities
  std::optional<Controller> before;  // none: no record yet on date A
  Controller after = Controller::Government;
  const ControlChange* change = nullptr;  // the record in force on date B: its date and source
};
// In order of the change's date, then the locality's name. `a` may be after `b`.
std::vector<HandChange> changedHands(const Timeline& timeline, Day a, Day b);

}  // namespace idlib
