#include "core/displacement.hpp"

#include <algorithm>
#include <cmath>
#include <map>

namespace idlib {

std::optional<Measure> parseMeasure(std::string_view t) {
  if (t == "displaced") return Measure::Displaced;
  if (t == "displaced_cumulative") return Measure::DisplacedCumulative;
  if (t == "population") return Measure::Population;
  if (t == "refugees_hosted") return Measure::RefugeesHosted;
  if (t == "in_need") return Measure::InNeed;
  return std::nullopt;
}

void Displacement::finish() {
  std::stable_sort(figures.begin(), figures.end(),
                   [](const auto& a, const auto& b) { return a.date < b.date; });
  std::stable_sort(flows.begin(), flows.end(),
                   [](const auto& a, const auto& b) { return a.start < b.start; });

  // The longest run of public-record cumulative figures that count from the same day.
  std::map<Day, std::vector<std::size_t>> runs;
  for (std::size_t i = 0; i < figures.size(); ++i) {
    const auto& f = figures[i];
    if (f.measure == Measure::DisplacedCumulative && f.periodStart && !f.fromArticle())
      runs[*f.periodStart].push_back(i);
  }
  series_.clear();
  seriesStart_.reset();
  for (const auto& [start, run] : runs)
    if (run.size() > series_.size()) {
      series_ = run;
      seriesStart_ = start;
    }

  longestFlowDays_ = 0;
  for (const auto& f : flows)
    longestFlowDays_ = std::max(longestFlowDays_, f.end - f.start);

  // Destinations: flows ending at the same point share one.
  destinations.clear();
  for (auto& flow : flows) {
    auto it = std::find_if(destinations.begin(), destinations.end(), [&](const Destination& d) {
      return std::abs(d.where.lon - flow.to.lon) < 1e-6 &&
             std::abs(d.where.lat - flow.to.lat) < 1e-6;
    });
    if (it == destinations.end()) {
      destinations.push_back({flow.destination, flow.to, flow.b});
      it = destinations.end() - 1;
    }
    flow.destinationIndex = static_cast<std::size_t>(it - destinations.begin());
  }

  // Arrivals per destination and day, from the first flow's start to the day after the last ends.
  arrivals_.clear();
  arrivalsDays_ = 0;
  if (!flows.empty()) {
    arrivalsFirst_ = flows.front().start;  // flows are sorted by start
    Day last = arrivalsFirst_;
    for (const auto& f : flows)
      last = std::max(last, f.start + std::max(1, f.end - f.start));
    arrivalsDays_ = last - arrivalsFirst_ + 2;
    arrivals_ = arrivalsByDay(arrivalsFirst_, arrivalsDays_);
  }
}

double Displacement::cumulativeAt(double day) const {
  if (series_.empty() || day < *seriesStart_) return 0;
  // From zero on the start day through each figure; flat after the last one.
  double previousDay = *seriesStart_, previousValue = 0;
  for (const std::size_t i : series_) {
    const auto& f = figures[i];
    if (day <= f.date) {
      const double span = f.date - previousDay;
      return span <= 0 ? static_cast<double>(f.people)
                       : previousValue + (static_cast<double>(f.people) - previousValue) *
                                             (day - previousDay) / span;
    }
    previousDay = f.date;
    previousValue = static_cast<double>(f.people);
  }
  return previousValue;
}

double Displacement::arrivalsAt(std::size_t destination, double day) const {
  // The table built once in finish(), read between its days: constant time per call.
  if (destination >= destinations.size() || arrivalsDays_ == 0) return 0;
  const double x = std::clamp(day - arrivalsFirst_, 0.0, static_cast<double>(arrivalsDays_ - 1));
  const auto i = static_cast<std::size_t>(x);
  const std::size_t next = std::min(i + 1, static_cast<std::size_t>(arrivalsDays_ - 1));
  const double* row = arrivals_.data() + destination * static_cast<std::size_t>(arrivalsDays_);
  return row[i] + (row[next] - row[i]) * (x - static_cast<double>(i));
}

std::vector<double> Displacement::arrivalsByDay(Day first, int days) const {
  // Each counted flow adds people / span per day over its period: a difference array per
  // destination, then running sums. O(flows + destinations * days); agrees with arrivalsAt().
  const std::size_t stride = static_cast<std::size_t>(days) + 1;
  std::vector<double> change(destinations.size() * stride, 0.0), before(destinations.size(), 0.0);
  for (const auto& f : flows) {
    if (!f.inTotals) continue;
    const int span = std::max(1, f.end - f.start);
    const double perDay = static_cast<double>(f.people) / span;
    const int from = f.start - first, to = from + span;
    before[f.destinationIndex] +=
        perDay * (std::clamp(to, from, 0) - std::min(from, 0));  // arrived before `first`
    change[f.destinationIndex * stride + static_cast<std::size_t>(std::clamp(from, 0, days))] +=
        perDay;
    change[f.destinationIndex * stride + static_cast<std::size_t>(std::clamp(to, 0, days))] -=
        perDay;
  }
  std::vector<double> table(destinations.size() * static_cast<std::size_t>(days));
  for (std::size_t d = 0; d < destinations.size(); ++d) {
    double perDay = 0, total = before[d];
    for (int day = 0; day < days; ++day) {
      table[d * static_cast<std::size_t>(days) + static_cast<std::size_t>(day)] =
          static_cast<float>(total);
      perDay += change[d * stride + static_cast<std::size_t>(day)];
      total += perDay;  // by the start of the next day
    }
  }
  return table;
}

std::vector<float> Displacement::arrivalsTable(Day first, int days) const {
  const std::vector<double> table = arrivalsByDay(first, days);
  return {table.begin(), table.end()};
}

bool Displacement::flowVisible(const DisplacementFlow& f, double day, double windowDays) {
  return f.start <= day && f.end > day - std::max(1.0, windowDays);
}

std::pair<std::size_t, std::size_t> Displacement::flowsThatMayShow(double day,
                                                                   double windowDays) const {
  const double earliest = day - std::max(1.0, windowDays) - longestFlowDays_;
  const auto lo = std::lower_bound(flows.begin(), flows.end(), earliest,
                                   [](const DisplacementFlow& f, double d) { return f.start < d; });
  const auto hi = std::upper_bound(lo, flows.end(), day,
                                   [](double d, const DisplacementFlow& f) { return d < f.start; });
  return {static_cast<std::size_t>(lo - flows.begin()),
          static_cast<std::size_t>(hi - flows.begin())};
}

std::optional<std::size_t> Displacement::nextFigure(double day) const {
  const auto it =
      std::upper_bound(figures.begin(), figures.end(), day,
                       [](double d, const DisplacementFigure& f) { return d < f.date; });
  if (it == figures.end()) return std::nullopt;
  return static_cast<std::size_t>(it - figures.begin());
}

std::optional<std::size_t> Displacement::previousFigure(double day) const {
  const auto it =
      std::lower_bound(figures.begin(), figures.end(), day,
                       [](const DisplacementFigure& f, double d) { return f.date < d; });
  if (it == figures.begin()) return std::nullopt;
  return static_cast<std::size_t>(it - figures.begin()) - 1;
}

}  // namespace idlib
