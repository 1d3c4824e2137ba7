// Fuzzes the events cache's reader (readEventCache): whatever the file holds, it returns events or
// a reason naming the file, never reads past the file. The target puts right the two checksums
// of each input before writing it, so the fuzzer gets past them to the checks of sizes, texts,
// dates and places that a hostile file would have to pass; every field of events it accepts is
// read, and a cache it accepts is written and read again to the same events.
#include <unistd.h>
#include <zlib.h>

#include <cstdint>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <string>

#include "core/event_cache.hpp"
#include "core/timeline.hpp"

using namespace idlib;

namespace {

constexpr std::size_t kHeader = 56, kKeyBytesAt = 12, kBodyCrcAt = 48, kHeaderCrcAt = 52;

std::uint32_t crc(const char* data, std::size_t n) {
  return static_cast<std::uint32_t>(crc32_z(0, reinterpret_cast<const Bytef*>(data), n));
}

std::string digest(const EventStore& events) {
  std::string out;
  for (const EventRef e : events) {
    const ProvenanceRef p = e.provenance();
    for (const std::string_view s :
         {e.id(), e.type(), e.actor1(), e.actor2(), e.location(), e.admin1(), e.assocActor1(),
          e.assocActor2(), e.admin2(), e.admin3(), e.iso(), e.notes(), e.dateBasis(), p.file,
          p.source, p.confidence})
      out.append(s).push_back('|');
    out += std::to_string(e.date()) + std::to_string(e.where().lon) +
           std::to_string(static_cast<int>(e.place())) + std::to_string(p.line) +
           std::to_string(e.fatalities().value_or(-1)) + std::to_string(e.timestamp().value_or(0));
  }
  return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string bytes(reinterpret_cast<const char*>(data), size);
  std::string key;
  if (bytes.size() >= kHeader) {
    std::uint32_t keyBytes = 0;
    std::memcpy(&keyBytes, bytes.data() + kKeyBytesAt, 4);
    key = bytes.substr(kHeader, keyBytes);
    const std::uint32_t body = crc(bytes.data() + kHeader, bytes.size() - kHeader);
    std::memcpy(bytes.data() + kBodyCrcAt, &body, 4);
    const std::uint32_t header = crc(bytes.data(), kHeaderCrcAt);
    std::memcpy(bytes.data() + kHeaderCrcAt, &header, 4);
  }
  static const std::filesystem::path file =
      std::filesystem::temp_directory_path() / ("fuzz_event_cache." + std::to_string(::getpid()));
  std::ofstream(file, std::ios::binary | std::ios::trunc) << bytes;
  const EventCacheRead read = readEventCache(file, key);
  if (!read.events) {
    if (read.problem.find(file.string()) == std::string::npos && !read.problem.empty())
      __builtin_trap();
    return 0;
  }
  const std::string first = digest(*read.events);
  // A store read from a cache maps its texts: it is written again only through a copy.
  EventStore copy;
  for (const EventRef e : *read.events)
    copy.push_back(e.toEvent());
  const std::filesystem::path again = file.string() + ".again";
  if (writeEventCache(again, key, copy)) __builtin_trap();
  const EventCacheRead reread = readEventCache(again, key);
  if (!reread.events || digest(*reread.events) != first) __builtin_trap();
  return 0;
}
