#pragma once
// --create-indexes: the indexes the PostGIS pushdown's queries use (geo/postgis_events), made on
// each --event-file 'PG:... tables=T' once, by a user allowed to (CREATE INDEX IF NOT EXISTS).
#include "ui/command_line.hpp"

namespace idlib {

// Prints each statement run; 0 when every table has its indexes, 1 when the server refused
// (host, database and why said, never a password), 2 when no PostGIS table was given.
int runCreateIndexes(const Options& options);

}  // namespace idlib
