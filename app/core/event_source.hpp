#pragma once
// A table of events besides the bundled ones (an ACLED export, a newsroom's spreadsheet, a
// PostGIS table) and how its columns are read.
#include <string>

namespace idlib {

// Which column holds what. An empty name means the app's own column (or ACLED's) of that role.
struct ColumnMapping {
  std::string date, dateFormat;     // dateFormat: empty guesses among the formats core/date reads
  std::string latitude, longitude;  // both empty with useGeometry: the layer's point geometry
  bool useGeometry = false;
  std::string type, actor1, actor2, location, notes, fatalities, source;

  bool empty() const { return *this == ColumnMapping{}; }
  friend bool operator==(const ColumnMapping&, const ColumnMapping&) = default;
};

struct EventSource {
  std::string path;    // a file, or GDAL's "PG:... tables=T"
  std::string name{};  // shown in the legend and the Events panel; empty: from the path
  ColumnMapping columns{};
  friend bool operator==(const EventSource&, const EventSource&) = default;
};

}  // namespace idlib
