#pragma once
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "core/cli_values.hpp"
#include "core/compare.hpp"
#include "core/date.hpp"
#include "core/diagnostics.hpp"
#include "core/event_source.hpp"
#include "core/output_paths.hpp"
#include "core/workspace.hpp"
#include "geo/vector_loader.hpp"

namespace idlib {

struct Options {
  std::vector<std::string> layers;       // --layer PATH, repeatable
  std::vector<std::string> layerStyles;  // --style SPEC after a --layer: its style, or ""
  std::string exportPath;                // --export out.png
  std::string size = "1920x1080";        // --size WxH
  std::string view;                      // --view LON,LAT,ZOOM
  std::string projection = "auto";       // --projection auto|local|webmercator|equalearth
  std::string dataDir;                   // --data DIR
  std::string date;                      // --date YYYY-MM-DD
  std::string compare;                   // --compare YYYY-MM-DD: date A beside --date (B)
  std::string compareMode;               // --compare-mode swipe|side-by-side|change
  std::string swipe;                     // --swipe 0..1: the divider's place (swipe)
  std::vector<std::string> eventFiles;   // --event-file PATH: more events (e.g. an ACLED export)
  std::vector<ColumnMapping> columns;    // --columns after an --event-file: how it is read
  bool listEvents = false;               // --events: print them and exit
  bool createIndexes = false;            // --create-indexes on the PG: --event-files, then exit
  std::string from, to, type;            // --from, --to, --type: filters for --events
  std::string format = "csv";            // --format csv|geojson (--events), csv|json (--extract)
  std::string extract;                   // --extract ARTICLE: print its candidate events, exit
  std::string published;                 // --published YYYY-MM-DD: the article's date
  std::string article;                   // --article FILE: open it in the Articles panel
  std::string dateOrder = "day-first";   // --date-order day-first|month-first: 6/2/2020
  std::string at;                        // --at LON,LAT: print what the map shows there, and exit
  bool controlStats = false;             // --control-stats: area and people per side, and exit
  std::string region = "idlib";          // --region idlib|all (--control-stats)
  double windowDays = 30;                // --window N: events of the last N days
  std::string exportVideo;               // --export-video out.mp4|out.gif
  std::string exportPoster;              // --export-poster out.png
  std::string story;                     // --story FILE
  double daysPerSecond = 7;              // --days-per-second N (video of a date range)
  int fps = 30;                          // --fps N
  int panels = 6;                        // --panels N (poster)
  bool present = false;                  // --present: start in presenter mode
  int display = 0;                       // --display N: the screen presenter mode uses
  float uiScale = 1;                     // --ui-scale S
  bool highContrast = false;             // --high-contrast
  bool presenterView = false;           // --presenter-view: the speaker's window even on one screen
  std::optional<int> presenterDisplay;  // --presenter-display N: the speaker's window's screen
  std::string saveWorkspace;            // --save-workspace OUT.workspace.json
  std::string workspacePath;            // WORKSPACE.json, the one positional argument
  std::optional<Workspace> workspace;   // read from it: its layers, events and settings
  std::vector<Notice> workspaceNotices;  // its files that moved, for the Data problems window
};

// Parses argv. Returns the options, or the exit code when parsing ends the program (--help,
// a bad option: the message is already printed).
std::variant<Options, int> parseCommandLine(int argc, char** argv);

// Prints warnings and errors to stderr, one line each (notes are for the app's notices panel),
// with passwords hidden and control characters escaped.
void printNotices(const std::vector<Notice>& notices);
// "idlib-atlas: MESSAGE" on stderr, made as safe as printNotices makes notices.
void printError(std::string_view message);

// The files a run reads and the bundled data: what no export may overwrite.
ProtectedFiles protectedFilesOf(const Options& options);
// The --event-file tables, each with how its columns are read.
// The --layer options as load requests, with their --style.
std::vector<LoadRequest> userLayersOf(const Options& options);
std::vector<EventSource> eventSourcesOf(const Options& options);
// Prints why an export may not write `path` (see refuseOutput) and returns true, or returns false.
bool outputRefused(std::string_view option, const std::string& path,
                   const std::vector<std::string_view>& extensions, const Options& options,
                   const std::vector<std::filesystem::path>& alsoWritten = {});

// Where the map opens: --view and --date, and what --compare sets beside the date, checked. Prints
// the problem and returns nothing when either is malformed.
struct StartPoint {
  std::optional<ViewArgument> view;
  ProjectionChoice projection = ProjectionChoice::Automatic;
  std::optional<Day> date;
  Comparison comparison;  // --compare, --compare-mode, --swipe; mode Off without --compare
};
std::optional<StartPoint> startPointOf(const Options& options);
// --compare, --compare-mode and --swipe as a comparison (mode Off without --compare), or what is
// wrong with them, naming the option and what was expected.
std::variant<Comparison, std::string> comparisonOf(const Options& options);

int runInteractive(const Options& options);
int runExport(const Options& options);
int runVideoExport(const Options& options);   // --export-video
int runPosterExport(const Options& options);  // --export-poster
int runEventsQuery(const Options& options);   // --events
// The bundled events and the --event-file tables (no posts, no control changes), as the query
// commands read them.
struct TimelineLoad;
TimelineLoad loadEventTables(const Options& options);
int runAtQuery(const Options& options);       // --at
int runControlStats(const Options& options);  // --control-stats
// A date option's value, or nothing after printing "NAME 'TEXT': expected a date, YYYY-MM-DD".
std::optional<Day> dateOption(std::string_view name, const std::string& text);
int runSaveWorkspace(const Options& options);  // --save-workspace

}  // namespace idlib
