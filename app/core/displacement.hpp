#pragma once
// Displacement: figures (from the articles and the UN record) and origin -> destination flows.
// The chart under the timeline and the map's symbols both read these functions, so they agree.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.hpp"
#include "core/geometry.hpp"
#include "core/timeline.hpp"

namespace idlib {

enum class Measure { Displaced, DisplacedCumulative, Population, RefugeesHosted, InNeed };
std::optional<Measure> parseMeasure(std::string_view text);

struct DisplacementFigure {
  std::string id;
  Day date = 0;
  DatePrecision precision = DatePrecision::Day;
  std::optional<Day> periodStart, periodEnd;
  long people = 0;
  Measure measure = Measure::Displaced;
  std::string description, place;
  LonLat where;
  Vec2 position;
  Provenance provenance;

  // A figure one of the five articles reports (cited as seeds/...), as opposed to the UN record.
  bool fromArticle() const { return provenance.source.find("seeds/") != std::string::npos; }
};

struct DisplacementFlow {
  std::string id, origin, destination;
  LonLat from, to;
  Vec2 a, b;  // map plane
  long people = 0;
  Day start = 0, end = 0;  // the period the people moved in
  bool inTotals = true;    // false where the flow is part of another (no double counting)
  std::string notes;
  Provenance provenance;
  std::size_t destinationIndex = 0;  // into Displacement::destinations
};

// A place flows arrive at (flows ending at the same point share one).
struct Destination {
  std::string name;
  LonLat where;
  Vec2 position;
};

class Displacement {
 public:
  std::vector<DisplacementFigure> figures;
  std::vector<DisplacementFlow> flows;
  std::vector<Destination> destinations;

  // Sorts, finds the main cumulative series and the destinations; call after filling.
  void finish();

  // The main cumulative series: the public-record "displaced since" figures that share the
  // most common start date (UN OCHA's count since 1 December 2019).
  const std::vector<std::size_t>& series() const { return series_; }
  std::optional<Day> seriesStart() const { return seriesStart_; }
  // People displaced since the series' start, at `day`: linear between the series' figures, none
  // before the start, the last figure after the end.
  double cumulativeAt(double day) const;
  // Displaced in the seven days before `day`, by the same series.
  double weeklyRateAt(double day) const { return cumulativeAt(day) - cumulativeAt(day - 7); }
  // People arrived at a destination by `day`: counted flows, spread evenly over their period.
  double arrivalsAt(std::size_t destination, double day) const;
  // A flow is drawn while its period overlaps the window (day - window, day].
  static bool flowVisible(const DisplacementFlow& f, double day, double windowDays);

  // Arrivals per destination and day from `first` for `days` days, row by row (one row per
  // destination): what the map's symbols read on the GPU.
  std::vector<float> arrivalsTable(Day first, int days) const;

  // Indices [first, last) of the flows (sorted by start) that may be visible at `day`: a binary
  // search on the start, reaching back by the window and the longest flow period.
  std::pair<std::size_t, std::size_t> flowsThatMayShow(double day, double windowDays) const;

  std::optional<std::size_t> nextFigure(double day) const;
  std::optional<std::size_t> previousFigure(double day) const;

 private:
  std::vector<std::size_t> series_;
  int longestFlowDays_ = 0;
  std::vector<double> arrivals_;  // arrivalsByDay(arrivalsFirst_, arrivalsDays_), built in finish()
  Day arrivalsFirst_ = 0;
  int arrivalsDays_ = 0;
  std::vector<double> arrivalsByDay(Day first, int days) const;
  std::optional<Day> seriesStart_;
};

}  // namespace idlib
