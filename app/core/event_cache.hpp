#pragma once
// A table's events saved as their columns (issue 12), so a big table reopens in a fraction of a
// second instead of being parsed again: in the user's cache folder, one file per table and way of
// reading it, written atomically. A file that is truncated, corrupted, of another version or for
// another table is refused with the reason, and the table is read again. The notes and ids stay
// in the file, mapped: they cost memory only while something reads them.
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "core/event_store.hpp"

namespace idlib {

// $XDG_CACHE_HOME/idlib-atlas/events, else ~/.cache/idlib-atlas/events; nothing without either.
std::optional<std::filesystem::path> eventCacheFolder();

// What the cache of `table` depends on: its canonical path, size and modification time, and
// `reading` (how its columns are mapped, the map's projection). Nothing when the file is gone.
std::optional<std::string> eventCacheKey(const std::filesystem::path& table,
                                         std::string_view reading);
// The cache file for `key` in `folder`.
std::filesystem::path eventCacheFile(const std::filesystem::path& folder, std::string_view key);

// Writes `events` for `key`, atomically. Returns why it could not, or nothing.
std::optional<std::string> writeEventCache(const std::filesystem::path& file, std::string_view key,
                                           const EventStore& events);

struct EventCacheRead {
  std::optional<EventStore> events;  // set when the cache was good
  std::string problem;  // why it was refused ("" when there was none, or when it was good)
};
// Reads the cache for `key`; refuses anything that does not check out, never trusting its bytes.
EventCacheRead readEventCache(const std::filesystem::path& file, std::string_view key);

}  // namespace idlib
