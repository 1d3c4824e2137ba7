// The query side of the command line: --events and --at print what the map would show, with
// sources, for scripts and analysts. No window, no GL.
#include <fmt/format.h>

#include <cmath>
#include <cstdio>
#include <nlohmann/json.hpp>

#include "core/cli_values.hpp"
#include "core/date.hpp"
#include "core/format.hpp"
#include "geo/projection.hpp"
#include "geo/timeline_loader.hpp"
#include "ui/app_state.hpp"
#include "ui/command_line.hpp"
#include "ui/event_export.hpp"

namespace idlib {
namespace {

using nlohmann::ordered_json;

constexpr double kNearbyKm = 25;

std::optional<Day> dateOption(const std::string& name, const std::string& text) {
  const auto d = parseDate(text);
  if (!d) printError(fmt::format("{} '{}': expected a date, YYYY-MM-DD", name, text));
  return d;
}

// Great-circle distance, km.
double kilometres(LonLat a, LonLat b) {
  const double rad = M_PI / 180, dlat = (b.lat - a.lat) * rad, dlon = (b.lon - a.lon) * rad;
  const double h =
      std::sin(dlat / 2) * std::sin(dlat / 2) +
      std::cos(a.lat * rad) * std::cos(b.lat * rad) * std::sin(dlon / 2) * std::sin(dlon / 2);
  return 2 * 6371.0088 * std::asin(std::sqrt(h));
}

ordered_json changeJson(const ControlChange& c) {
  return {{"date", formatDate(c.date)},
          {"controller", controllerName(c.controller)},
          {"date_precision", precisionName(c.precision)},
          {"starts_the_data", c.startsTheData()},  // the date is the data's start, not a change
          {"source", c.provenance.source},
          {"citation", citationFor(c.provenance.source)},
          {"source_row", fmt::format("{} line {}", c.provenance.file, c.provenance.line)},
          {"confidence", c.provenance.confidence}};
}

}  // namespace

int runEventsQuery(const Options& o) {
  std::optional<Day> from, to;
  if (!o.from.empty() && !(from = dateOption("--from", o.from))) return 2;
  if (!o.to.empty() && !(to = dateOption("--to", o.to))) return 2;
  if (from && to && *to < *from) {
    printError(fmt::format("--to {} is before --from {}", o.to, o.from));
    return 2;
  }
  TimelineSources sources = bundledTimelineSources(o.dataDir);
  for (EventSource& source : eventSourcesOf(o))
    sources.events.push_back(std::move(source));
  sources.posts.clear();
  sources.controlChanges.clear();
  const TimelineLoad load = loadTimeline(sources);
  printNotices(load.notices);

  std::vector<const Event*> chosen;
  for (const Event& e : load.timeline.events)
    if ((!from || e.date >= *from) && (!to || e.date <= *to) &&
        (o.type.empty() || e.type == o.type))
      chosen.push_back(&e);

  const std::string text = o.format == "geojson" ? eventsGeoJson(chosen) : eventsCsv(chosen);
  std::fwrite(text.data(), 1, text.size(), stdout);
  return hasErrors(load.notices) ? 1 : 0;
}

int runAtQuery(const Options& o) {
  const auto place = parseViewArgument(o.at + ",9");
  if (std::holds_alternative<std::string>(place)) {
    printError(
        fmt::format("--at '{}': expected LON,LAT in decimal degrees, e.g. 36.8006,35.8636", o.at));
    return 2;
  }
  if (o.date.empty()) {
    printError("--at needs --date YYYY-MM-DD");
    return 2;
  }
  const auto date = dateOption("--date", o.date);
  if (!date) return 2;
  const LonLat where = std::get<ViewArgument>(place).centre;

  DatedData data = loadDatedData(o.dataDir, eventSourcesOf(o));
  printNotices(data.notices);
  const Timeline& t = data.timeline;
  const Vec2 p = Projection::lonLatToMap().forward(where);

  ordered_json out;
  out["date"] = formatDate(*date);
  out["location"] = {{"longitude", where.lon}, {"latitude", where.lat}};

  // The area's controller, from the control snapshot in force.
  const auto snapshot = t.snapshotAt(*date);
  std::optional<Controller> controller;
  if (snapshot) controller = data.areas.controllerAt(*snapshot, p);
  std::size_t nearest = 0;
  double nearestKm = INFINITY;
  for (std::size_t i = 0; i < t.localities.size(); ++i)
    if (const double km = kilometres(where, t.localities[i].where); km < nearestKm) {
      nearestKm = km;
      nearest = i;
    }
  if (controller) {
    out["area"] = {
        {"controller", controllerName(*controller)},
        {"controller_label", controllerLongName(*controller)},
        {"derived_from",
         fmt::format("control changes of the nearest localities (Voronoi cells merged per "
                     "controller, within {:g} km of a dated locality)",
                     kControlReachMetres / 1000)},
        {"snapshot_date", formatDate(t.controlChangeDates()[*snapshot])}};
  } else {
    out["area"] = nullptr;  // outside the mapped area or before the data
  }
  if (!t.localities.empty()) {
    const Locality& l = t.localities[nearest];
    ordered_json history = ordered_json::array();
    for (const ControlChange& c : l.history)
      history.push_back(changeJson(c));
    const auto now = l.controllerAt(*date);
    const ControlChange* inForce = l.changeAt(*date);
    out["nearest_locality"] = {
        {"name", l.name},
        {"distance_km", std::round(nearestKm * 100) / 100},
        {"controller", now ? ordered_json(controllerName(*now)) : ordered_json(nullptr)},
        {"held", inForce ? ordered_json(describeControl(*inForce)) : ordered_json(nullptr)},
        {"history", history}};
  }
  ordered_json posts = ordered_json::array();
  for (const ObservationPost& post : t.posts) {
    if (!std::isfinite(post.where.lon)) continue;
    const double km = kilometres(where, post.where);
    if (km > kNearbyKm) continue;
    auto day = [](const std::optional<Day>& d) {
      return d ? ordered_json(formatDate(*d)) : ordered_json(nullptr);
    };
    posts.push_back(
        {{"name", post.name},
         {"number", post.number},
         {"distance_km", std::round(km * 100) / 100},
         {"status", postStatusName(post.statusAt(*date))},
         {"established", day(post.established)},
         {"encircled", day(post.encircled)},
         {"withdrawn", day(post.withdrawn)},
         {"source", post.provenance.source},
         {"citation", citationFor(post.provenance.source)},
         {"source_row", fmt::format("{} line {}", post.provenance.file, post.provenance.line)},
         {"confidence", post.provenance.confidence}});
  }
  out["posts_nearby"] = posts;
  ordered_json events = ordered_json::array();
  const auto [first, last] = t.eventsBetween(*date - static_cast<Day>(o.windowDays) + 1, *date);
  for (std::size_t i = first; i < last; ++i) {
    const double km = kilometres(where, t.events[i].where);
    if (km > kNearbyKm) continue;
    ordered_json j = eventJson(t.events[i]);
    j["distance_km"] = std::round(km * 100) / 100;
    events.push_back(j);
  }
  out["events_nearby"] = {
      {"window_days", o.windowDays}, {"radius_km", kNearbyKm}, {"events", events}};
  std::printf("%s\n", out.dump(2).c_str());
  return hasErrors(data.notices) ? 1 : 0;
}

}  // namespace idlib
