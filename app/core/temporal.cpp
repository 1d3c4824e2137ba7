#include "core/temporal.hpp"

#include <algorithm>
#include <array>
#include <cctype>

#include <fmt/format.h>

#include "core/layer.hpp"
#include "core/text_safety.hpp"

namespace idlib {
namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

// The first field whose name (ignoring case) is one of `candidates`, in the candidates' order.
std::string findField(const std::vector<std::string>& fields,
                      std::initializer_list<std::string_view> candidates) {
  for (const std::string_view c : candidates)
    for (const std::string& f : fields)
      if (lower(f) == c) return f;
  return {};
}

}  // namespace

std::string_view timeModeName(TimeMode mode) {
  switch (mode) {
    case TimeMode::Off:
      return "off";
    case TimeMode::Period:
      return "period";
    case TimeMode::Accumulate:
      return "accumulate";
    case TimeMode::Window:
      return "window";
  }
  return "off";
}

TemporalSetting detectDateFields(const std::vector<std::string>& fields) {
  // Pairs first: a period needs both ends from the same convention.
  struct Pair {
    std::string_view start, end;
  };
  constexpr std::array<Pair, 6> pairs = {{{"valid_from", "valid_to"},
                                          {"start", "end"},
                                          {"begin", "end"},
                                          {"start_date", "end_date"},
                                          {"date_from", "date_to"},
                                          {"from", "to"}}};
  for (const Pair& p : pairs) {
    const std::string start = findField(fields, {p.start}), end = findField(fields, {p.end});
    if (!start.empty() && !end.empty()) return {TimeMode::Period, start, end};
  }
  const std::string single = findField(
      fields, {"valid_from", "start", "begin", "start_date", "date", "event_date", "timestamp"});
  if (!single.empty()) return {TimeMode::Accumulate, single, {}};
  return {};
}

bool visibleAt(TimeMode mode, const FeaturePeriod& p, double date, double windowDays) {
  if (mode == TimeMode::Off) return true;
  if (!p.start) return false;
  const double start = *p.start;
  switch (mode) {
    case TimeMode::Period:
      return start <= date && (!p.end || date < *p.end);
    case TimeMode::Accumulate:
      return start <= date;
    case TimeMode::Window:
      return date - windowDays < start && start <= date;
    case TimeMode::Off:
      break;
  }
  return true;
}

std::vector<DateProblem> applyTemporalSetting(Layer& layer, TemporalSetting setting) {
  std::vector<DateProblem> problems;
  layer.time = std::move(setting);
  layer.periods.assign(layer.features.size(), {});
  if (layer.time.mode == TimeMode::Off) return problems;
  auto read = [&](std::size_t i, const std::string& field) -> std::optional<Day> {
    const std::string* value = field.empty() ? nullptr : layer.features[i].attribute(field);
    if (!value || value->empty()) return std::nullopt;
    // A date-time ("2019-06-01T00:00:00Z", "2019-06-01 12:00") counts by its day.
    const bool dateTime =
        value->size() > 10 && ((*value)[10] == 'T' || (*value)[10] == ' ') && (*value)[4] == '-';
    const auto day = parseDate(dateTime ? std::string_view(*value).substr(0, 10) : *value);
    if (!day) problems.push_back({i, field, *value});
    return day;
  };
  for (std::size_t i = 0; i < layer.features.size(); ++i)
    layer.periods[i] = {read(i, layer.time.startField), read(i, layer.time.endField)};
  return problems;
}

std::string describe(const Layer& layer, const DateProblem& p) {
  const Feature& f = layer.features[p.feature];
  return fmt::format(
      "feature {} '{}': {} '{}' is not a date (expected YYYY-MM-DD, 3 February 2020 or 9-May-20); "
      "the feature counts as undated{}",
      f.fid, oneLine(f.name), p.field, oneLine(p.value),
      p.field == layer.time.startField ? " and is not shown on the timeline"
                                       : ", its period open-ended");
}

std::size_t undatedFeatures(const Layer& layer) {
  if (layer.time.mode == TimeMode::Off) return 0;
  return static_cast<std::size_t>(std::count_if(layer.periods.begin(), layer.periods.end(),
                                                [](const FeaturePeriod& p) { return !p.start; }));
}

}  // namespace idlib
