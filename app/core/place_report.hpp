#pragma once
// "What was here, then?": for a point and a date, who held the area, the nearest locality's
// history, the observation posts and the recent events nearby. `--at` prints it, and a click on
// the map shows it in the Details panel.
#include <cstddef>
#include <optional>
#include <vector>

#include "core/control_areas.hpp"
#include "core/timeline.hpp"

namespace idlib {

inline constexpr double kNearbyKm = 25;  // posts and events this close are "nearby"

// Great-circle distance, km.
double kilometres(LonLat a, LonLat b);

struct PlaceReport {
  LonLat where;
  Day date = 0;
  std::optional<Controller> controller;  // none outside the mapped area or before the data
  std::optional<Day> snapshotDate;       // when that area's controller was last set
  const Locality* nearest = nullptr;     // into the timeline the report was made from
  double nearestKm = 0;
  struct Nearby {
    std::size_t index;  // into Timeline::posts or Timeline::events
    double km;
  };
  std::vector<Nearby> posts;   // within kNearbyKm, in the timeline's order
  std::vector<Nearby> events;  // within kNearbyKm, of the `windowDays` up to `date`
};

// `mapPoint` is `where` on the map's plane (the control areas are there).
PlaceReport placeReport(const Timeline& t, const ControlAreas& areas, LonLat where, Vec2 mapPoint,
                        Day date, double windowDays);

}  // namespace idlib
