// The query side of the command line: --events and --at print what the map would show, with
// sources, for scripts and analysts. No window, no GL.
#include <fmt/format.h>

#include <cmath>
#include <cstdio>
#include <nlohmann/json.hpp>

#include "core/cli_values.hpp"
#include "core/date.hpp"
#include "core/format.hpp"
#include "core/place_report.hpp"
#include "geo/projection.hpp"
#include "geo/timeline_loader.hpp"
#include "ui/app_state.hpp"
#include "ui/command_line.hpp"
#include "ui/event_export.hpp"

namespace idlib {
namespace {

using nlohmann::ordered_json;

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

std::optional<Day> dateOption(std::string_view name, const std::string& text) {
  const auto d = parseDate(text);
  if (!d) printError(fmt::format("{} '{}': expected a date, YYYY-MM-DD", name, text));
  return d;
}

TimelineLoad loadEventTables(const Options& o) {
  TimelineSources sources = bundledTimelineSources(o.dataDir);
  for (EventSource& source : eventSourcesOf(o))
    sources.events.push_back(std::move(source));
  sources.posts.clear();
  sources.controlChanges.clear();
  return loadTimeline(sources);
}

int runEventsQuery(const Options& o) {
  std::optional<Day> from, to;
  if (!o.from.empty() && !(from = dateOption("--from", o.from))) return 2;
  if (!o.to.empty() && !(to = dateOption("--to", o.to))) return 2;
  if (from && to && *to < *from) {
    printError(fmt::format("--to {} is before --from {}", o.to, o.from));
    return 2;
  }
  const TimelineLoad load = loadEventTables(o);
  printNotices(load.notices);

  std::vector<EventRef> chosen;
  for (const EventRef e : load.timeline.events)
    if ((!from || e.date() >= *from) && (!to || e.date() <= *to) &&
        (o.type.empty() || e.type() == o.type))
      chosen.push_back(e);

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

  DatedData data = loadDatedData(o.dataDir, eventSourcesOf(o), PostgisTables::Whole);
  printNotices(data.notices);
  const Timeline& t = data.timeline;
  const Vec2 p = Projection::lonLatToMap().forward(where);

  ordered_json out;
  out["date"] = formatDate(*date);
  out["location"] = {{"longitude", where.lon}, {"latitude", where.lat}};

  const PlaceReport r = placeReport(t, data.areas, where, p, *date, o.windowDays);
  if (r.controller) {
    out["area"] = {
        {"controller", controllerName(*r.controller)},
        {"controller_label", controllerLongName(*r.controller)},
        {"derived_from",
         fmt::format("control changes of the nearest localities (Voronoi cells merged per "
                     "controller, within {:g} km of a dated locality)",
                     kControlReachMetres / 1000)},
        {"snapshot_date", formatDate(*r.snapshotDate)}};
  } else {
    out["area"] = nullptr;  // outside the mapped area or before the data
  }
  if (const Locality* l = r.nearest) {
    ordered_json history = ordered_json::array();
    for (const ControlChange& c : l->history)
      history.push_back(changeJson(c));
    const auto now = l->controllerAt(*date);
    const ControlChange* inForce = l->changeAt(*date);
    out["nearest_locality"] = {
        {"name", l->name},
        {"distance_km", std::round(r.nearestKm * 100) / 100},
        {"controller", now ? ordered_json(controllerName(*now)) : ordered_json(nullptr)},
        {"held", inForce ? ordered_json(describeControl(*inForce)) : ordered_json(nullptr)},
        {"history", history}};
  }
  ordered_json posts = ordered_json::array();
  for (const auto [i, km] : r.posts) {
    const ObservationPost& post = t.posts[i];
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
  for (const auto [i, km] : r.events) {
    ordered_json j = eventJson(t.events[i].toEvent());
    j["distance_km"] = std::round(km * 100) / 100;
    events.push_back(j);
  }
  out["events_nearby"] = {
      {"window_days", o.windowDays}, {"radius_km", kNearbyKm}, {"events", events}};
  std::printf("%s\n", out.dump(2).c_str());
  return hasErrors(data.notices) ? 1 : 0;
}

}  // namespace idlib
