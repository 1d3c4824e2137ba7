// idlib-atlas: the interactive map; with --export, --export-video or --export-poster a headless
// renderer; with --events, --at or --control-stats a query tool for scripts; with --extract an
// article reader;
// --create-indexes prepares a PostGIS events table for the time window's queries.
#include "core/interrupt.hpp"
#include "ui/command_line.hpp"
#include "ui/extract_command.hpp"
#include "ui/postgis_indexes.hpp"

namespace {

int run(int argc, char** argv) {
  auto parsed = idlib::parseCommandLine(argc, argv);
  if (const int* code = std::get_if<int>(&parsed)) return *code;
  const auto& options = std::get<idlib::Options>(parsed);
  if (options.listEvents) return idlib::runEventsQuery(options);
  if (!options.extract.empty()) return idlib::runExtract(options);
  if (options.createIndexes) return idlib::runCreateIndexes(options);
  if (!options.at.empty()) return idlib::runAtQuery(options);
  if (options.controlStats) return idlib::runControlStats(options);
  if (!options.exportVideo.empty()) return idlib::runVideoExport(options);
  if (!options.exportPoster.empty()) return idlib::runPosterExport(options);
  if (!options.saveWorkspace.empty()) return idlib::runSaveWorkspace(options);
  return options.exportPath.empty() ? idlib::runInteractive(options) : idlib::runExport(options);
}

}  // namespace

int main(int argc, char** argv) {
  idlib::installInterruptHandling();  // before any thread starts
  const int code = run(argc, argv);
  return idlib::interruptRequested() ? idlib::interruptExitCode() : code;
}
