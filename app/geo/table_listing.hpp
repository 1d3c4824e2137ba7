#pragma once
// The tables of a data source (a PostGIS database, a GeoPackage), for a dialog to pick from.
#include <cstdint>
#include <string>
#include <vector>

namespace idlib {

struct TableInfo {
  std::string name;            // as GDAL's tables= takes it: "towns" or "schema.towns"
  std::string geometryType;    // "Point", "Multi Polygon", "None" for a plain table
  std::int64_t features = -1;  // -1: the source cannot count them
};

struct TableListing {
  std::vector<TableInfo> tables;
  std::string error;  // why the source could not be opened; may hold the connection string
};

// Opens `source` (blocking: call it off the GL thread) and lists its layers, plain tables too.
TableListing listTables(const std::string& source);

}  // namespace idlib
