#pragma once
// Whether a path the user named can be read as data without hanging the app: a named pipe or a
// device makes GDAL's open wait until something writes to it, and a read never ends.
#include <optional>
#include <string>

namespace idlib {

// Why `path` cannot be read as a data file ("is a named pipe..."), or nothing: a FIFO, socket or
// device says so; a regular file, a folder (a shapefile's, a file geodatabase), a missing path or
// a database connection are left to the reader, which says what is wrong with them.
std::optional<std::string> refuseInput(const std::string& path);

}  // namespace idlib
