#include "core/control_stats.hpp"

#include <algorithm>

namespace idlib {

std::vector<ControlStatsRow> controlSeries(const Timeline& timeline, const ControlAreas& areas) {
  std::vector<ControlStatsRow> rows;
  for (const Day date : timeline.controlChangeDates()) {
    ControlStatsRow row;
    row.date = date;
    for (const ControlCell& cell : areas.cells) {
      const auto held = timeline.localities[cell.locality].controllerAt(date);
      const std::size_t slot = held ? static_cast<std::size_t>(*held) : kUnrecordedSlot;
      row.all.km2[slot] += cell.km2;
      row.all.people[slot] += cell.people;
      row.idlib.km2[slot] += cell.km2InIdlib;
      row.idlib.people[slot] += cell.peopleInIdlib;
    }
    rows.push_back(row);
  }
  return rows;
}

const ControlStatsRow* statsAt(const std::vector<ControlStatsRow>& series, Day day) {
  const auto after = std::upper_bound(series.begin(), series.end(), day,
                                      [](Day d, const ControlStatsRow& r) { return d < r.date; });
  return after == series.begin() ? nullptr : &*std::prev(after);
}

SideTotals difference(const SideTotals& later, const SideTotals& earlier) {
  SideTotals d;
  for (std::size_t i = 0; i < kSideSlots; ++i) {
    d.km2[i] = later.km2[i] - earlier.km2[i];
    d.people[i] = later.people[i] - earlier.people[i];
  }
  return d;
}

const ControlStatsRow* previousRow(const std::vector<ControlStatsRow>& series,
                                   const ControlStatsRow* row) {
  if (!row || series.empty() || row <= series.data() || row > &series.back()) return nullptr;
  return row - 1;
}

std::vector<HandChange> changedHands(const Timeline& timeline, Day a, Day b) {
  std::vector<HandChange> out;
  for (std::size_t i = 0; i < timeline.localities.size(); ++i) {
    const Locality& l = timeline.localities[i];
    const auto before = l.controllerAt(a), after = l.controllerAt(b);
    if (!after || before == after) continue;
    out.push_back({i, before, *after, l.changeAt(b)});
  }
  std::sort(out.begin(), out.end(), [&](const HandChange& x, const HandChange& y) {
    const Day dx = x.change ? x.change->date : 0, dy = y.change ? y.change->date : 0;
    if (dx != dy) return dx < dy;
    return timeline.localities[x.locality].name < timeline.localities[y.locality].name;
  });
  return out;
}

}  // namespace idlib
