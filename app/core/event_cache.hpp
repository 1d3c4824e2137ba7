#pragma once
// A table's events saved as their columns (issue 12), so a big table reopens in a fraction of a
// second instead of being parsed again: in the user's cache folder, one file per table and way of
// reading it, written atomically. A file that is truncated, corrupted, of another version or for
// another table is refused with the reason, and the table is read again. The notes and ids stay
// in the file, mapped: they cost memory only while something reads them.
#include <cstdint>
#include <filesystem>
#include <memory>
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

class CacheFileWriter;

// Gathers a table's events as they are read and writes their cache (issue 12). The ids and notes
// go into the cache file itself as they come (unnamed until it is complete), so the texts of
// millions of rows never sit in memory and are not copied again when the cache is written; after
// write() the events read them from the cache file. Where that file cannot be made the texts stay
// in memory, as in an EventStore, and no cache is written.
class EventCacheBuilder {
 public:
  EventCacheBuilder(std::filesystem::path file, std::string key);
  ~EventCacheBuilder();
  EventCacheBuilder(EventCacheBuilder&&) noexcept;
  EventCacheBuilder& operator=(EventCacheBuilder&&) noexcept;
  void add(const Event& e);
  // A builder for the events that come after this one's, gathered at once on another thread (a
  // table read in two parts); this one has at most `textBound` more bytes of texts to gather.
  // Where the file system allows, the other's texts go into this one's file that far on, and
  // append() closes the gap without copying them; otherwise into a file of their own. This one
  // is to outlive it.
  EventCacheBuilder laterPart(std::uint64_t textBound);
  // Moves `other`'s events after this one's, in order (a table read in two parts at once);
  // its texts on disk join this one's.
  void append(EventCacheBuilder&& other);
  std::size_t size() const { return events_.size(); }
  void reserve(std::size_t n) { events_.reserve(n); }
  // Writes the cache file; the events then read their texts from it. Returns why it could not.
  std::optional<std::string> write();
  // The events: their texts mapped from the cache after write(), otherwise read back into memory.
  EventStore take() &&;

 private:
  void spill();
  bool copySpilledTexts(EventCacheBuilder& other, std::uint64_t& at);

  std::filesystem::path file_;
  std::string key_;
  EventStore events_;
  std::unique_ptr<CacheFileWriter> out_;  // the cache file being written, from the first spill
  std::uint64_t spilled_ = 0;             // bytes of texts in out_, before the store's own
  bool spillFailed_ = false;
  bool written_ = false;
};

struct EventCacheRead {
  std::optional<EventStore> events;  // set when the cache was good
  std::string problem;  // why it was refused ("" when there was none, or when it was good)
};
// Reads the cache for `key`; refuses anything that does not check out, never trusting its bytes.
EventCacheRead readEventCache(const std::filesystem::path& file, std::string_view key);

}  // namespace idlib
