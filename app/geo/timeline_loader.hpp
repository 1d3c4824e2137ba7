#pragma once
// Reads the dated data (events, observation posts, control changes) through GDAL, so an ACLED
// export, a GeoPackage or a CSV all load the same way. Bad rows are reported with file and line
// and skipped; the rest loads.
#include <cstdint>
#include <string>
#include <vector>

#include "core/diagnostics.hpp"
#include "core/displacement.hpp"
#include "core/event_source.hpp"
#include "core/timeline.hpp"

namespace idlib {

struct TimelineSources {
  // geodata/events.csv first, then e.g. an analyst's ACLED export; an event's sourceIndex
  // is its table's place in this list.
  std::vector<EventSource> events{};
  std::string posts{};
  std::string controlChanges{};
  std::string displacementFigures{};
  std::string displacementFlows{};
  // An event table of at least this many events, read without a problem, is kept in the user's
  // cache folder (core/event_cache) and reopened from there while it is unchanged.
  std::size_t cacheFromEvents = 20000;
  // A CSV event table of at least this many bytes is read in two halves at once.
  std::uintmax_t halvesFromBytes = std::uintmax_t{32} << 20;
};

struct TimelineLoad {
  Timeline timeline;
  Displacement displacement;
  std::vector<Notice> notices;
};

TimelineSources bundledTimelineSources(const std::string& dataDir);
TimelineLoad loadTimeline(const TimelineSources& sources);
// Whether a table of `path` has the columns of events (event_date, latitude, longitude), so it
// reads as events rather than as a layer. False for anything GDAL cannot open.
bool hasEventColumns(const std::string& path);

}  // namespace idlib
