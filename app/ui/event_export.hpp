#pragma once
// Events as files: the CSV and GeoJSON that --events prints and the Events panel saves, and the
// Events panel's filter, so both can be tested without a window.
#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "core/output_paths.hpp"
#include "core/timeline.hpp"
#include "ui/app_state.hpp"

namespace idlib {

// One event's properties, in ACLED's column order, with its source and citation.
nlohmann::ordered_json eventJson(const Event& e);
// The header and one line per event, as RFC 4180 writes them.
std::string eventsCsv(const std::vector<EventRef>& events);
// A FeatureCollection of points in WGS 84 longitude/latitude.
std::string eventsGeoJson(const std::vector<EventRef>& events);

// The indices of the events passing `filter`, in the timeline's (date) order.
std::vector<std::size_t> filteredEvents(const EventStore& events, const EventFilter& filter);

// Writes `events` to `path` as CSV or GeoJSON (by its ending), atomically, never onto one of
// `protectedFiles`. Returns "wrote N events to PATH", or why nothing was written.
struct EventsSaved {
  bool ok = false;
  std::string message;
};
EventsSaved saveEvents(const std::vector<EventRef>& events, const std::filesystem::path& path,
                       const ProtectedFiles& protectedFiles);

}  // namespace idlib
