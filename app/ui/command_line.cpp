#include "ui/command_line.hpp"

#include <CLI/CLI.hpp>

#include <fmt/format.h>

#include <cstdio>

#include "core/date.hpp"
#include "core/text_safety.hpp"
#include "ui/app_state.hpp"

namespace idlib {

std::variant<Options, int> parseCommandLine(int argc, char** argv) {
  Options o;
  CLI::App app{"Idlib Atlas: the war in Idlib, north-west Syria, 2017-2020, on an interactive map.",
               "idlib-atlas"};
  app.add_option("--layer", o.layers,
                 "Add a GDAL vector source (GeoPackage, GeoJSON, Shapefile, KML, CSV, PostGIS as "
                 "'PG:host=H dbname=D user=U tables=T'...); repeatable")
      ->type_name("PATH");
  app.add_option("--export", o.exportPath,
                 "Render without a display and write a georeferenced PNG, then exit")
      ->type_name("OUT.png");
  app.add_option("--size", o.size, "Image size for --export")
      ->type_name("WIDTHxHEIGHT")
      ->capture_default_str();
  app.add_option("--view", o.view,
                 "Map centre and zoom level (web-map levels; 9 shows the governorate)")
      ->type_name("LON,LAT,ZOOM");
  app.add_option("--date", o.date, "Open (or --export) the map at this date")
      ->type_name("YYYY-MM-DD");
  app.add_option("--window", o.windowDays, "Show the events of the last N days")
      ->type_name("N")
      ->check(CLI::Range(0.0, 36500.0))
      ->capture_default_str();
  app.add_option("--event-file", o.eventFiles,
                 "Add events from a table with ACLED column names (CSV, GeoPackage, PostGIS "
                 "'PG:... tables=T'...); repeatable")
      ->type_name("PATH");
  auto* events = app.add_flag("--events", o.listEvents,
                              "Print the events (filtered by --from, --to, --type) and exit");
  app.add_option("--from", o.from, "First date (--events, --export-video, --export-poster)")
      ->type_name("YYYY-MM-DD");
  app.add_option("--to", o.to, "Last date (--events, --export-video, --export-poster)")
      ->type_name("YYYY-MM-DD");
  app.add_option("--type", o.type,
                 "With --events: only this event type (e.g. 'shelling/air strike')")
      ->needs(events);
  app.add_option("--format", o.format, "With --events: csv or geojson")
      ->check(CLI::IsMember({"csv", "geojson"}))
      ->capture_default_str()
      ->needs(events);
  app.add_option("--at", o.at, "Print as JSON what the map shows at this place on --date, and exit")
      ->type_name("LON,LAT")
      ->excludes(events);
  app.add_option(
         "--export-video", o.exportVideo,
         "Render a video of --from..--to (or of the whole --story) without a display, then exit")
      ->type_name("OUT.mp4|OUT.gif");
  app.add_option("--export-poster", o.exportPoster,
                 "Render --panels dates from --from to --to in one image, then exit")
      ->type_name("OUT.png");
  app.add_option(
         "--story", o.story,
         "A story file (cues); with --export-video the video follows it, else the app opens it")
      ->type_name("FILE");
  app.add_option("--days-per-second", o.daysPerSecond,
                 "Video of a date range: days of the timeline per second")
      ->check(CLI::Range(0.01, 3650.0))
      ->capture_default_str();
  app.add_option("--fps", o.fps, "Video frames per second")
      ->check(CLI::Range(1, 120))
      ->capture_default_str();
  app.add_option("--panels", o.panels, "Poster: number of dates")
      ->check(CLI::Range(1, 64))
      ->capture_default_str();
  app.add_flag("--present", o.present, "Start in presenter mode (full screen; F5 toggles it)");
  app.add_option("--display", o.display, "The screen presenter mode uses (0 = first)")
      ->check(CLI::Range(0, 15));
  app.add_option("--ui-scale", o.uiScale,
                 "Scale of text and map overlays, e.g. 1.75 for a projector")
      ->check(CLI::Range(0.5, 4.0));
  app.add_flag("--high-contrast", o.highContrast,
               "Projector theme: saturated colour-blind-safe areas, a cased black front line, "
               "heavier lines, opaque panels, black ink");
  app.add_flag("--presenter-view", o.presenterView,
               "Open the speaker's window (cues, notes, time) even on one screen, beside the map");
  app.add_option("--presenter-display", o.presenterDisplay,
                 "The screen of the speaker's window (0 = first; implies --presenter-view); on "
                 "the audience's screen the two share it side by side")
      ->check(CLI::Range(0, 15));
  app.add_option("--data", o.dataDir, "Folder holding geodata/ (default: the bundled data)")
      ->type_name("DIR");
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    if (e.get_exit_code() == 0) return app.exit(e);  // --help
    // CLI11 quotes what was typed: escape it like any message.
    printError(fmt::format("{} (see --help)", e.what()));
    return 2;
  }
  if (o.dataDir.empty()) o.dataDir = defaultDataDir();
  return o;
}

void printNotices(const std::vector<Notice>& notices) {
  for (const Notice& n : notices)
    if (n.severity != Severity::Info)
      printError(fmt::format("{}: {}", severityName(n.severity), n.message));
}

void printError(std::string_view message) {
  std::fprintf(stderr, "idlib-atlas: %s\n", displayable(message).c_str());
}

std::vector<EventSource> eventSourcesOf(const Options& o) {
  std::vector<EventSource> sources;
  for (const std::string& path : o.eventFiles)
    sources.push_back({path});
  return sources;
}

ProtectedFiles protectedFilesOf(const Options& o) {
  ProtectedFiles p;
  p.inputs.assign(o.layers.begin(), o.layers.end());
  p.inputs.insert(p.inputs.end(), o.eventFiles.begin(), o.eventFiles.end());
  if (!o.story.empty()) p.inputs.emplace_back(o.story);
  p.folders = {std::filesystem::path(o.dataDir) / "geodata",
               std::filesystem::path(o.dataDir) / "assets"};
  return p;
}

bool outputRefused(std::string_view option, const std::string& path,
                   const std::vector<std::string_view>& extensions, const Options& options,
                   const std::vector<std::filesystem::path>& alsoWritten) {
  const auto refusal =
      refuseOutput(option, path, extensions, protectedFilesOf(options), alsoWritten);
  if (refusal) printError(*refusal);
  return refusal.has_value();
}

std::optional<StartPoint> startPointOf(const Options& options) {
  StartPoint start;
  if (!options.view.empty()) {
    const auto parsed = parseViewArgument(options.view);
    if (const auto* error = std::get_if<std::string>(&parsed)) {
      printError(*error);
      return std::nullopt;
    }
    start.view = std::get<ViewArgument>(parsed);
  }
  if (!options.date.empty()) {
    start.date = parseDate(options.date);
    if (!start.date) {
      printError(fmt::format("--date '{}': expected a date, YYYY-MM-DD", options.date));
      return std::nullopt;
    }
  }
  return start;
}

}  // namespace idlib
