#include "core/place_report.hpp"

#include <cmath>

namespace idlib {

double kilometres(LonLat a, LonLat b) {
  const double rad = M_PI / 180, dlat = (b.lat - a.lat) * rad, dlon = (b.lon - a.lon) * rad;
  const double h =
      std::sin(dlat / 2) * std::sin(dlat / 2) +
      std::cos(a.lat * rad) * std::cos(b.lat * rad) * std::sin(dlon / 2) * std::sin(dlon / 2);
  return 2 * 6371.0088 * std::asin(std::sqrt(h));
}

PlaceReport placeReport(const Timeline& t, const ControlAreas& areas, LonLat where, Vec2 mapPoint,
                        Day date, double windowDays) {
  PlaceReport r;
  r.where = where;
  r.date = date;
  if (const auto s = t.snapshotAt(date); s && *s < areas.snapshots.size()) {
    r.controller = areas.controllerAt(*s, mapPoint);
    if (r.controller) r.snapshotDate = t.controlChangeDates()[*s];
  }
  r.nearestKm = INFINITY;
  for (const Locality& l : t.localities)
    if (const double km = kilometres(where, l.where); km < r.nearestKm) {
      r.nearestKm = km;
      r.nearest = &l;
    }
  for (std::size_t i = 0; i < t.posts.size(); ++i)
    if (std::isfinite(t.posts[i].where.lon))
      if (const double km = kilometres(where, t.posts[i].where); km <= kNearbyKm)
        r.posts.push_back({i, km});
  const auto [first, last] = t.eventsBetween(date - static_cast<Day>(windowDays) + 1, date);
  for (std::size_t i = first; i < last; ++i)
    if (const double km = kilometres(where, t.events[i].where()); km <= kNearbyKm)
      r.events.push_back({i, km});
  return r;
}

}  // namespace idlib
