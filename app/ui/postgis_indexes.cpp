#include "ui/postgis_indexes.hpp"

#include <fmt/format.h>

#include <cstdio>
#include <stdexcept>

#include "geo/postgis_events.hpp"

namespace idlib {

int runCreateIndexes(const Options& options) {
  int tables = 0, failed = 0;
  for (const std::string& source : options.eventFiles) {
    if (source.rfind("PG:", 0) != 0) continue;
    const PostgisTarget target = parsePostgisTarget(source);
    if (target.table.empty()) {
      printError(fmt::format("--create-indexes: '{}' names no table (add tables=TABLE)", source));
      return 2;
    }
    ++tables;
    try {
      for (const std::string& statement : createEventIndexes(target.conninfo, target.table))
        std::printf("%s;\n", statement.c_str());
    } catch (const std::exception& e) {
      printError(e.what());
      ++failed;
    }
  }
  if (tables == 0) {
    printError(
        "--create-indexes: give the table as --event-file 'PG:host=... dbname=... tables=TABLE'");
    return 2;
  }
  return failed ? 1 : 0;
}

}  // namespace idlib
