#include "ui/command_line.hpp"

#include <CLI/CLI.hpp>

#include <fmt/format.h>

#include <charconv>
#include <cstdio>

#include "core/column_mapping.hpp"
#include "core/date.hpp"
#include "core/layer_style.hpp"
#include "core/text_safety.hpp"
#include "ui/app_state.hpp"
#include "ui/workspace_state.hpp"

namespace idlib {

namespace {

// Which value of `leader` each value of `follower` belongs to (--style to its --layer, --columns
// to its --event-file): the one given just before it. `misplaced`: the first follower with no
// leader of its own (none before it, or its leader already followed). CLI11 keeps the order
// options came in.
struct Followers {
  std::vector<std::size_t> leaderOf;
  std::optional<std::size_t> misplaced;
};
Followers followersOf(const std::vector<CLI::Option*>& order, const CLI::Option* leader,
                      const CLI::Option* follower) {
  Followers f;
  std::vector<bool> followed;
  for (const CLI::Option* option : order) {
    if (option == leader) followed.push_back(false);
    if (option != follower) continue;
    if (followed.empty() || followed.back()) {
      f.misplaced = f.leaderOf.size();
      return f;
    }
    followed.back() = true;
    f.leaderOf.push_back(followed.size() - 1);
  }
  return f;
}

// Gives each --style to the --layer before it, checked: a malformed style says what is wrong.
bool pairStyles(const std::vector<CLI::Option*>& order, const CLI::Option* layer,
                const CLI::Option* style, const std::vector<std::string>& styles, Options& o) {
  const Followers f = followersOf(order, layer, style);
  if (f.misplaced) {
    printError(fmt::format("--style '{}': put it after the --layer it styles, one each",
                           styles[*f.misplaced]));
    return false;
  }
  o.layerStyles.assign(o.layers.size(), "");
  for (std::size_t i = 0; i < f.leaderOf.size(); ++i) {
    if (const auto parsed = parseSymbology(styles[i]);
        std::holds_alternative<std::string>(parsed)) {
      printError(fmt::format("--style '{}': {}", styles[i], std::get<std::string>(parsed)));
      return false;
    }
    o.layerStyles[f.leaderOf[i]] = styles[i];
  }
  return true;
}

// Gives each --columns to the --event-file before it, checked: a malformed mapping is said with
// the item at fault.
bool pairColumns(const std::vector<CLI::Option*>& order, const CLI::Option* eventFile,
                 const CLI::Option* columns, const std::vector<std::string>& mappings, Options& o) {
  const Followers f = followersOf(order, eventFile, columns);
  if (f.misplaced) {
    printError(fmt::format("--columns '{}': put it after the --event-file it describes, one each",
                           mappings[*f.misplaced]));
    return false;
  }
  o.columns.assign(o.eventFiles.size(), ColumnMapping{});
  for (std::size_t i = 0; i < f.leaderOf.size(); ++i) {
    auto parsed = parseColumnMapping(mappings[i]);
    if (const auto* error = std::get_if<std::string>(&parsed)) {
      printError(*error);
      return false;
    }
    o.columns[f.leaderOf[i]] = std::get<ColumnMapping>(std::move(parsed));
  }
  return true;
}

}  // namespace

std::variant<Options, int> parseCommandLine(int argc, char** argv) {
  Options o;
  CLI::App app{"Idlib Atlas: the war in Idlib, north-west Syria, 2017-2020, on an interactive map.",
               "idlib-atlas"};
  auto* layerOption =
      app.add_option("--layer", o.layers,
                     "Add a GDAL vector source (GeoPackage, GeoJSON, Shapefile, KML, CSV, PostGIS "
                     "as 'PG:host=H dbname=D user=U tables=T'...); repeatable")
          ->type_name("PATH");
  std::vector<std::string> styles;
  auto* styleOption =
      app.add_option("--style", styles,
                     "Style of the --layer before it: categories=FIELD, or graduated=FIELD with "
                     "classes=N (2-9) and method=quantiles|equal, or colour=#RRGGBB; with "
                     "opacity=0..1 (fill), outline=WIDTH, label=FIELD; comma-separated")
          ->type_name("SPEC");
  app.add_option("--export", o.exportPath,
                 "Render without a display and write a georeferenced PNG, then exit")
      ->type_name("OUT.png");
  app.add_option("--size", o.size, "Image size for --export")
      ->type_name("WIDTHxHEIGHT")
      ->capture_default_str();
  app.add_option("--view", o.view,
                 "Map centre and zoom level (web-map levels; 9 shows the governorate)")
      ->type_name("LON,LAT,ZOOM");
  app.add_option("--projection", o.projection,
                 "The map's projection: auto (local transverse Mercator for regional views, Web "
                 "Mercator for wider ones, Equal Earth for the world), or one of them")
      ->check(CLI::IsMember({"auto", "local", "webmercator", "equalearth"}))
      ->capture_default_str();
  app.add_option("--date", o.date, "Open (or --export) the map at this date")
      ->type_name("YYYY-MM-DD");
  app.add_option("--compare", o.compare,
                 "Compare the map at this date (A) with the one at --date (B): with --export, "
                 "the image shows both, as --compare-mode says")
      ->type_name("YYYY-MM-DD");
  app.add_option("--compare-mode", o.compareMode,
                 "With --compare: swipe (A left of a divider, B right of it; the default), "
                 "side-by-side (two maps of the same view, A left) or change (B, with the ground "
                 "that changed hands since A hatched in the gaining side's colour)")
      ->type_name("MODE");
  app.add_option("--swipe", o.swipe,
                 "With --compare-mode swipe: where the divider stands, a share of the width from "
                 "the left (default 0.5)")
      ->type_name("0..1");
  app.add_option("--window", o.windowDays, "Show the events of the last N days")
      ->type_name("N")
      ->check(CLI::Range(0.0, 36500.0))
      ->capture_default_str();
  auto* eventFileOption =
      app.add_option("--event-file", o.eventFiles,
                     "Add events from a table: an ACLED export as it is, any other table (CSV, "
                     "TSV, XLSX, GeoPackage, PostGIS 'PG:... tables=T'...) with --columns after "
                     "it; repeatable")
          ->type_name("PATH");
  std::vector<std::string> columnMappings;
  auto* columnsOption =
      app.add_option("--columns", columnMappings,
                     "How the --event-file before it is read when its columns are not ACLED's: "
                     "date=COLUMN, date_format=any|d/m/y|m/d/y|yyyymmdd|unix, lat=COLUMN and "
                     "lon=COLUMN or place=geometry, type=, actor1=, actor2=, location=, notes=, "
                     "fatalities=, source=; comma-separated, e.g. date=Date,lat=Y,lon=X,type=Kind")
          ->type_name("KEY=COLUMN,...");
  auto* events = app.add_flag("--events", o.listEvents,
                              "Print the events (filtered by --from, --to, --type) and exit");
  app.add_flag("--create-indexes", o.createIndexes,
               "Create the indexes (GiST on the position, B-tree on the date) that the time "
               "window's queries use on each --event-file 'PG:... tables=T', if missing, and exit")
      ->excludes(events);
  app.add_option("--from", o.from, "First date (--events, --export-video, --export-poster)")
      ->type_name("YYYY-MM-DD");
  app.add_option("--to", o.to, "Last date (--events, --export-video, --export-poster)")
      ->type_name("YYYY-MM-DD");
  app.add_option("--type", o.type,
                 "With --events: only this event type (e.g. 'shelling/air strike')")
      ->needs(events);
  auto* extract = app.add_option("--extract", o.extract,
                                 "Print the candidate events an article reports (dates, places, "
                                 "actors, figures, each with the words' byte span), and exit")
                      ->type_name("ARTICLE.txt")
                      ->excludes(events);
  app.add_option("--article", o.article,
                 "Open the window with this article in the Articles panel: its candidate events "
                 "to accept into your events file, reject or merge")
      ->type_name("ARTICLE.txt")
      ->excludes(extract, events);
  app.add_option("--published", o.published,
                 "With --extract: the article's publication date (else its dateline)")
      ->needs(extract);
  app.add_option("--date-order", o.dateOrder, "With --extract: how 6/2/2020 reads")
      ->check(CLI::IsMember({"day-first", "month-first"}))
      ->capture_default_str()
      ->needs(extract);
  auto* format = app.add_option("--format", o.format,
                                "With --events: csv or geojson; with --extract and "
                                "--control-stats: csv or json")
                     ->check(CLI::IsMember({"csv", "geojson", "json"}))
                     ->capture_default_str();
  auto* controlStats = app.add_flag(
      "--control-stats", o.controlStats,
      "Print the land (km², equal-area) and people each side held at every change of control "
      "from --from to --to, and what changed hands between them (localities, dates, sources), "
      "then exit");
  app.add_option("--region", o.region,
                 "With --control-stats: idlib (Idlib governorate) or all (the mapped land)")
      ->check(CLI::IsMember({"idlib", "all"}))
      ->capture_default_str()
      ->needs(controlStats);
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
  app.add_option("--save-workspace", o.saveWorkspace,
                 "Write the layers, events, view, date and settings as given (and as a "
                 "WORKSPACE holds them) to a workspace file, then exit")
      ->type_name("OUT.workspace.json");
  app.add_option("workspace", o.workspacePath,
                 "A workspace saved by File > Save workspace (layers, events, view, date...); "
                 "the command line's options go before what it holds")
      ->type_name("WORKSPACE.json");
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    if (e.get_exit_code() == 0) return app.exit(e);  // --help
    // CLI11 quotes what was typed: escape it like any message.
    printError(fmt::format("{} (see --help)", e.what()));
    return 2;
  }
  if (format->count() > 0 && !o.listEvents && o.extract.empty() && !o.controlStats) {
    printError("--format requires --events, --extract or --control-stats (see --help)");
    return 2;
  }
  if (o.listEvents && o.format == "json") {
    printError("--format json: --events prints csv or geojson");
    return 2;
  }
  if (!pairStyles(app.parse_order(), layerOption, styleOption, styles, o)) return 2;
  if (!pairColumns(app.parse_order(), eventFileOption, columnsOption, columnMappings, o)) return 2;
  if (o.dataDir.empty()) o.dataDir = defaultDataDir();
  if (!o.workspacePath.empty() && !openWorkspaceOption(o, app.count("--window") > 0)) return 2;
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

std::vector<LoadRequest> userLayersOf(const Options& o) {
  std::vector<LoadRequest> requests;
  for (std::size_t i = 0; i < o.layers.size(); ++i) {
    requests.push_back(userLayer(o.layers[i]));
    if (i < o.layerStyles.size() && !o.layerStyles[i].empty())
      requests.back().symbology = std::get<Symbology>(parseSymbology(o.layerStyles[i]));
  }
  return requests;
}

std::vector<EventSource> eventSourcesOf(const Options& o) {
  std::vector<EventSource> sources;
  if (o.workspace) sources = o.workspace->eventSources;
  for (std::size_t i = 0; i < o.eventFiles.size(); ++i)
    sources.push_back({o.eventFiles[i], "", i < o.columns.size() ? o.columns[i] : ColumnMapping{}});
  return sources;
}

ProtectedFiles protectedFilesOf(const Options& o) {
  ProtectedFiles p;
  p.inputs.assign(o.layers.begin(), o.layers.end());
  p.inputs.insert(p.inputs.end(), o.eventFiles.begin(), o.eventFiles.end());
  if (!o.story.empty()) p.inputs.emplace_back(o.story);
  if (!o.workspacePath.empty()) p.inputs.emplace_back(o.workspacePath);
  if (o.workspace) {
    for (const WorkspaceLayer& layer : o.workspace->layers)
      if (!layer.path.empty()) p.inputs.emplace_back(layer.path);
    for (const EventSource& source : o.workspace->eventSources)
      p.inputs.emplace_back(source.path);
  }
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

std::variant<Comparison, std::string> comparisonOf(const Options& o) {
  Comparison c;
  if (o.compare.empty()) {
    for (const auto& [given, option] :
         {std::pair{&o.compareMode, "--compare-mode"}, std::pair{&o.swipe, "--swipe"}})
      if (!given->empty()) return fmt::format("{} needs --compare YYYY-MM-DD", option);
    return c;
  }
  const auto before = parseDate(o.compare);
  if (!before) return fmt::format("--compare '{}': expected a date, YYYY-MM-DD", o.compare);
  c.before = *before;
  c.mode = CompareMode::Swipe;
  if (!o.compareMode.empty()) {
    const auto mode = parseCompareMode(o.compareMode);
    if (!mode || *mode == CompareMode::Off)
      return fmt::format("--compare-mode '{}': expected swipe, side-by-side or change",
                         o.compareMode);
    c.mode = *mode;
  }
  if (!o.swipe.empty()) {
    double share = -1;
    const char* end = o.swipe.data() + o.swipe.size();
    const auto [at, ec] = std::from_chars(o.swipe.data(), end, share);
    if (ec != std::errc() || at != end || !(share >= 0 && share <= 1))
      return fmt::format("--swipe '{}': expected a share of the width from 0 to 1, e.g. 0.5",
                         o.swipe);
    if (c.mode != CompareMode::Swipe)
      return fmt::format("--swipe is for --compare-mode swipe, not {}", compareModeName(c.mode));
    c.swipe = static_cast<float>(share);
  }
  return c;
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
  start.projection = parseProjectionChoice(options.projection).value_or(start.projection);
  if (!options.date.empty()) {
    start.date = parseDate(options.date);
    if (!start.date) {
      printError(fmt::format("--date '{}': expected a date, YYYY-MM-DD", options.date));
      return std::nullopt;
    }
  }
  const auto comparison = comparisonOf(options);
  if (const auto* error = std::get_if<std::string>(&comparison)) {
    printError(*error);
    return std::nullopt;
  }
  start.comparison = std::get<Comparison>(comparison);
  return start;
}

}  // namespace idlib
