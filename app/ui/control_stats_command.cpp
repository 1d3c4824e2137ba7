// --control-stats: how much land and how many people each side held at every change of control,
// and what changed hands between two dates, for scripts and analysts. No window, no GL.
#include <fmt/format.h>

#include <cstdio>
#include <nlohmann/json.hpp>

#include "core/control_stats.hpp"
#include "core/csv_quotes.hpp"
#include "core/format.hpp"
#include "ui/app_state.hpp"
#include "ui/command_line.hpp"

namespace idlib {
namespace {

using nlohmann::ordered_json;

constexpr std::string_view kAreaBasis =
    "Voronoi cells around the dated localities, clipped to Syria's land within 20 km of one, "
    "measured in a Lambert azimuthal equal-area projection about 35.9N 36.7E";
constexpr std::string_view kPeopleBasis =
    "GeoNames' populations of the bundled towns (geodata/towns.geojson; GeoNames gives no year), "
    "each counted in the cell it stands in; a town without a figure counts as 0; nobody moves: "
    "the displacement is not subtracted";

std::string_view sideName(std::size_t slot) {
  return slot == kUnrecordedSlot ? "unrecorded" : controllerName(static_cast<Controller>(slot));
}

double total(const std::array<double, kSideSlots>& values) {
  double sum = 0;
  for (const double v : values)
    sum += v;
  return sum;
}

struct Request {
  Day from = 0, to = 0;
  StatsRegion region = StatsRegion::Idlib;
};

// The rows from the one in force on `from` to the last change on or before `to`.
std::vector<const ControlStatsRow*> rowsBetween(const std::vector<ControlStatsRow>& series,
                                                const Request& r) {
  std::vector<const ControlStatsRow*> out;
  for (const ControlStatsRow& row : series)
    if (row.date <= r.to && (row.date >= r.from || &row == statsAt(series, r.from)))
      out.push_back(&row);
  return out;
}

std::string csvOf(const Timeline& t, const std::vector<ControlStatsRow>& series, const Request& r) {
  std::string out =
      "record,date,region,side,km2,share_percent,people,locality,from,to,source,"
      "confidence\n";
  const std::string_view region = r.region == StatsRegion::Idlib ? "idlib" : "all";
  for (const ControlStatsRow* row : rowsBetween(series, r)) {
    const SideTotals& s = row->in(r.region);
    const double land = total(s.km2);
    for (std::size_t k = 0; k < kSideSlots; ++k)
      out +=
          fmt::format("series,{},{},{},{:.1f},{:.2f},{:.0f},,,,,\n", formatDate(row->date), region,
                      sideName(k), s.km2[k], land > 0 ? 100 * s.km2[k] / land : 0, s.people[k]);
  }
  const ControlStatsRow *a = statsAt(series, r.from), *b = statsAt(series, r.to);
  if (a && b) {
    const SideTotals change = difference(b->in(r.region), a->in(r.region));
    for (std::size_t k = 0; k < kSideSlots; ++k)
      out += fmt::format("change,{},{},{},{:+.1f},,{:+.0f},,,,,\n", formatDate(r.to), region,
                         sideName(k), change.km2[k], change.people[k]);
  }
  for (const HandChange& h : changedHands(t, r.from, r.to)) {
    const Provenance none;
    const Provenance& p = h.change ? h.change->provenance : none;
    out += fmt::format("locality,{},{},,,,,{},{},{},{},{}\n",
                       h.change ? formatDate(h.change->date) : "", region,
                       csvField(t.localities[h.locality].name),
                       h.before ? controllerName(*h.before) : "unrecorded", controllerName(h.after),
                       csvField(p.source), csvField(p.confidence));
  }
  return out;
}

ordered_json sidesJson(const SideTotals& s) {
  ordered_json out = ordered_json::object();
  for (std::size_t k = 0; k < kSideSlots; ++k)
    out[std::string(sideName(k))] = {{"km2", s.km2[k]}, {"people", s.people[k]}};
  return out;
}

std::string jsonOf(const Timeline& t, const std::vector<ControlStatsRow>& series,
                   const Request& r) {
  ordered_json out;
  out["region"] = r.region == StatsRegion::Idlib ? "idlib" : "all";
  out["area_basis"] = kAreaBasis;
  out["people_basis"] = kPeopleBasis;
  ordered_json rows = ordered_json::array();
  for (const ControlStatsRow* row : rowsBetween(series, r))
    rows.push_back({{"date", formatDate(row->date)},
                    {"land_km2", total(row->in(r.region).km2)},
                    {"sides", sidesJson(row->in(r.region))}});
  out["series"] = rows;
  ordered_json change = {{"from", formatDate(r.from)}, {"to", formatDate(r.to)}};
  if (const ControlStatsRow* a = statsAt(series, r.from), *b = statsAt(series, r.to); a && b)
    change["sides"] = sidesJson(difference(b->in(r.region), a->in(r.region)));
  ordered_json localities = ordered_json::array();
  for (const HandChange& h : changedHands(t, r.from, r.to)) {
    const Locality& l = t.localities[h.locality];
    ordered_json entry = {{"locality", l.name},
                          {"longitude", l.where.lon},
                          {"latitude", l.where.lat},
                          {"from", h.before ? controllerName(*h.before) : "unrecorded"},
                          {"to", controllerName(h.after)}};
    if (h.change) {
      entry["date"] = formatDate(h.change->date);
      entry["source"] = h.change->provenance.source;
      entry["confidence"] = h.change->provenance.confidence;
      entry["source_row"] =
          fmt::format("{} line {}", h.change->provenance.file, h.change->provenance.line);
    }
    localities.push_back(entry);
  }
  change["changed_hands"] = localities;
  out["change"] = change;
  return out.dump(2) + "\n";
}

}  // namespace

int runControlStats(const Options& o) {
  if (o.format != "csv" && o.format != "json") {
    printError(fmt::format("--format '{}': --control-stats prints csv or json", o.format));
    return 2;
  }
  DatedData data = loadDatedData(o.dataDir, {}, PostgisTables::Whole);
  printNotices(data.notices);
  const std::vector<Day>& dates = data.timeline.controlChangeDates();
  if (dates.empty()) {
    printError("--control-stats: no control history was read (see the messages above)");
    return 1;
  }
  Request r{dates.front(), dates.back(), o.region == "all" ? StatsRegion::All : StatsRegion::Idlib};
  for (auto [name, text, day] :
       {std::tuple{"--from", &o.from, &r.from}, std::tuple{"--to", &o.to, &r.to}}) {
    if (text->empty()) continue;
    const auto parsed = dateOption(name, *text);
    if (!parsed) return 2;
    *day = *parsed;
  }
  if (r.to < r.from) {
    printError(fmt::format("--to {} is before --from {}", formatDate(r.to), formatDate(r.from)));
    return 2;
  }
  const std::vector<ControlStatsRow> series = controlSeries(data.timeline, data.areas);
  const std::string text =
      o.format == "json" ? jsonOf(data.timeline, series, r) : csvOf(data.timeline, series, r);
  std::fwrite(text.data(), 1, text.size(), stdout);
  return 0;
}

}  // namespace idlib
