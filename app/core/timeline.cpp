#include "core/timeline.hpp"

#include <algorithm>
#include <cmath>

namespace idlib {

std::string_view postStatusName(PostStatus s) {
  switch (s) {
    case PostStatus::NotYetEstablished:
      return "not yet established";
    case PostStatus::Active:
      return "active";
    case PostStatus::Encircled:
      return "encircled";
    case PostStatus::Withdrawn:
      return "withdrawn";
  }
  return "";
}

PostStatus ObservationPost::statusAt(Day day) const {
  if (withdrawn && day >= *withdrawn) return PostStatus::Withdrawn;
  if (encircled && day >= *encircled) return PostStatus::Encircled;
  if (established && day >= *established) return PostStatus::Active;
  return established ? PostStatus::NotYetEstablished : PostStatus::Active;
}

std::optional<PlacePrecision> parsePlacePrecision(std::string_view t) {
  if (t.empty() || t == "town" || t == "1") return PlacePrecision::Town;
  if (t == "near" || t == "2") return PlacePrecision::NearTown;
  if (t == "region" || t == "province" || t == "3") return PlacePrecision::Region;
  if (t == "country") return PlacePrecision::Country;
  return std::nullopt;
}

std::string_view placePrecisionName(PlacePrecision p) {
  switch (p) {
    case PlacePrecision::Town:
      return "town";
    case PlacePrecision::NearTown:
      return "near";
    case PlacePrecision::Region:
      return "region";
    case PlacePrecision::Country:
      return "country";
  }
  return "";
}

std::string_view placePrecisionWords(PlacePrecision p) {
  switch (p) {
    case PlacePrecision::Town:
      return "the town itself";
    case PlacePrecision::NearTown:
      return "near the town (within about 10 km)";
    case PlacePrecision::Region:
      return "somewhere in the province (no precise place)";
    case PlacePrecision::Country:
      return "the whole country (no place on this map)";
  }
  return "";
}

std::string_view datePrecisionWords(DatePrecision p) {
  switch (p) {
    case DatePrecision::Day:
      return "the exact day";
    case DatePrecision::Week:
      return "known only to the week";
    case DatePrecision::Month:
      return "known only to the month";
    case DatePrecision::Year:
      return "known only to the year";
  }
  return "";
}

std::optional<Controller> parseController(std::string_view t) {
  if (t == "government") return Controller::Government;
  if (t == "opposition") return Controller::Opposition;
  if (t == "turkey") return Controller::Turkey;
  if (t == "sdf") return Controller::Sdf;
  return std::nullopt;
}

bool ControlChange::startsTheData() const {
  return notes.starts_with("Baseline");
}

std::string describeControl(const ControlChange& c) {
  const std::string who(controllerName(c.controller));
  // The data gives no structured date for a baseline, only free text in the source.
  if (c.startsTheData()) return who + ", held before the data starts (see source)";
  return who + " since " + formatDate(c.date);
}

std::string_view controllerName(Controller c) {
  switch (c) {
    case Controller::Government:
      return "government";
    case Controller::Opposition:
      return "opposition";
    case Controller::Turkey:
      return "turkey";
    case Controller::Sdf:
      return "sdf";
  }
  return "";
}

std::string_view controllerLongName(Controller c) {
  switch (c) {
    case Controller::Government:
      return "Syrian government and allies";
    case Controller::Opposition:
      return "Opposition factions (incl. HTS)";
    case Controller::Turkey:
      return "Turkey and Turkish-backed factions";
    case Controller::Sdf:
      return "SDF";
  }
  return "";
}

bool opposing(Controller a, Controller b) {
  if (a == b) return false;
  const auto pair = [&](Controller x, Controller y) {
    return (a == x && b == y) || (a == y && b == x);
  };
  // Turkish-held areas and the opposition were allies; the SDF and the government coexisted.
  return !pair(Controller::Opposition, Controller::Turkey) &&
         !pair(Controller::Government, Controller::Sdf);
}

const ControlChange* Locality::changeAt(Day day) const {
  auto it = std::upper_bound(history.begin(), history.end(), day,
                             [](Day d, const ControlChange& c) { return d < c.date; });
  return it == history.begin() ? nullptr : &*(it - 1);
}

std::optional<Controller> Locality::controllerAt(Day day) const {
  const ControlChange* c = changeAt(day);
  return c ? std::optional(c->controller) : std::nullopt;
}

void Timeline::finish() {
  events.sortByDate();
  changeDates_.clear();
  bool any = false;
  auto include = [&](Day d) {
    first_ = any ? std::min(first_, d) : d;
    last_ = any ? std::max(last_, d) : d;
    any = true;
  };
  for (auto& l : localities) {
    std::stable_sort(
        l.history.begin(), l.history.end(),
        [](const ControlChange& a, const ControlChange& b) { return a.date < b.date; });
    for (const auto& c : l.history) {
      changeDates_.push_back(c.date);
      include(c.date);
    }
  }
  std::sort(changeDates_.begin(), changeDates_.end());
  changeDates_.erase(std::unique(changeDates_.begin(), changeDates_.end()), changeDates_.end());
  if (!events.empty()) {
    include(events.dates().front());
    include(events.dates().back());
  }
  for (const auto& p : posts)
    for (const auto& d : {p.established, p.encircled, p.withdrawn})
      if (d) include(*d);
}

void Timeline::replaceEvents(EventStore store) {
  events = std::move(store);
  finish();
}

std::pair<std::size_t, std::size_t> Timeline::eventsBetween(Day first, Day last) const {
  const std::vector<Day>& dates = events.dates();
  const auto lo = std::lower_bound(dates.begin(), dates.end(), first);
  const auto hi = std::upper_bound(dates.begin(), dates.end(), last);
  return {static_cast<std::size_t>(lo - dates.begin()),
          static_cast<std::size_t>(std::max(lo, hi) - dates.begin())};
}

std::optional<std::size_t> Timeline::nextEvent(double day) const {
  const std::vector<Day>& dates = events.dates();
  const auto it =
      std::upper_bound(dates.begin(), dates.end(), day, [](double d, Day e) { return d < e; });
  if (it == dates.end()) return std::nullopt;
  return static_cast<std::size_t>(it - dates.begin());
}

std::optional<std::size_t> Timeline::previousEvent(double day) const {
  const std::vector<Day>& dates = events.dates();
  const auto it =
      std::lower_bound(dates.begin(), dates.end(), day, [](Day e, double d) { return e < d; });
  if (it == dates.begin()) return std::nullopt;
  return static_cast<std::size_t>(it - dates.begin()) - 1;
}

std::optional<Day> Timeline::nextMoment(double day) const {
  std::optional<Day> next;
  if (const auto e = nextEvent(day)) next = events.dates()[*e];
  const auto c = std::upper_bound(changeDates_.begin(), changeDates_.end(), day,
                                  [](double d, Day change) { return d < change; });
  if (c != changeDates_.end() && (!next || *c < *next)) next = *c;
  return next;
}

std::optional<Day> Timeline::previousMoment(double day) const {
  std::optional<Day> previous;
  if (const auto e = previousEvent(day)) previous = events.dates()[*e];
  const auto c = std::lower_bound(changeDates_.begin(), changeDates_.end(), day,
                                  [](Day change, double d) { return change < d; });
  if (c != changeDates_.begin() && (!previous || *std::prev(c) > *previous))
    previous = *std::prev(c);
  return previous;
}

std::optional<std::size_t> Timeline::snapshotAt(double day) const {
  const auto it = std::upper_bound(changeDates_.begin(), changeDates_.end(), std::floor(day),
                                   [](double d, Day c) { return d < c; });
  if (it == changeDates_.begin()) return std::nullopt;
  return static_cast<std::size_t>(it - changeDates_.begin()) - 1;
}

}  // namespace idlib
