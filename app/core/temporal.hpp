#pragma once
// Layers that move with the timeline, as in QGIS's temporal controller: each feature's period
// comes from its date fields, and the slider's date decides whether it is shown.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.hpp"

namespace idlib {

struct Layer;

// Off: always shown. Period: from start until the day before end (no end: for ever).
// Accumulate: from start on. Window: while start lies in the time window, as events do.
enum class TimeMode { Off, Period, Accumulate, Window };

struct TemporalSetting {
  TimeMode mode = TimeMode::Off;
  std::string startField, endField;  // endField may be empty: open-ended periods
  friend bool operator==(const TemporalSetting&, const TemporalSetting&) = default;
};

// A feature's dates; no start means undated: never shown while the layer follows the timeline.
struct FeaturePeriod {
  std::optional<Day> start, end;
  friend bool operator==(const FeaturePeriod&, const FeaturePeriod&) = default;
};

// A field value that is not a date: the feature is counted as undated (start) or open (end).
struct DateProblem {
  std::size_t feature = 0;
  std::string field, value;
};

std::string_view timeModeName(TimeMode mode);  // "off", "period", "accumulate", "window"

// The date fields a layer's field names suggest (`valid_from`/`valid_to`, `start`/`end`,
// `begin`/`end`, `date`, `event_date`, ...): Period with an end field, Accumulate without one.
// Off when no field looks like a date.
TemporalSetting detectDateFields(const std::vector<std::string>& fieldNames);

// Whether a feature with `period` is shown at `date` (fractional while playing) under `mode`,
// with events' time window of `windowDays`.
bool visibleAt(TimeMode mode, const FeaturePeriod& period, double date, double windowDays);

// Sets `layer.time` and reads every feature's period from its attributes (as text) with
// parseDate; returns the values that are not dates.
std::vector<DateProblem> applyTemporalSetting(Layer& layer, TemporalSetting setting);
// "feature 3 'Zone': valid_from 'soon' is not a date ...; the feature counts as undated ..."
std::string describe(const Layer& layer, const DateProblem& problem);
// How many features have no start date under the layer's setting (never shown while it moves).
std::size_t undatedFeatures(const Layer& layer);

}  // namespace idlib
