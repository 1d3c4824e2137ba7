#pragma once
// Each event source's key: the name the legend, the Layers panel and the Events panel show, and the
// colour of the ring its events' markers wear when more than one source is loaded. An event knows
// its source by a small index (Event::sourceIndex): 0 the bundled events, then the user's tables.
#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "core/color.hpp"
#include "core/event_source.hpp"
#include "core/utf8_text.hpp"

namespace idlib {

inline constexpr const char* kBundledEventsName = "Idlib Atlas (articles)";

// A marker's fill keeps the event type's colour (red violence, purple control, blue displacement,
// green aid, greys: the same whatever the source); its ring says where the event comes from. Ink
// for the bundled events, then Paul Tol's "vibrant" qualitative colours, safe for the common forms
// of colour blindness, without its blue and red (the fills' displacement and violence) or its
// grey: orange, cyan, magenta, teal. A fifth user source takes the first one's colour again.
inline constexpr std::array<Rgba, 5> kEventSourceColors = {
    rgb(0x1a1a1a), rgb(0xee7733), rgb(0x33bbee), rgb(0xee3377), rgb(0x009988)};

inline Rgba eventSourceColor(std::size_t sourceIndex) {
  if (sourceIndex < kEventSourceColors.size()) return kEventSourceColors[sourceIndex];
  // The bundled events' ink is theirs alone: the user's sources cycle through the others.
  return kEventSourceColors[1 + (sourceIndex - 1) % (kEventSourceColors.size() - 1)];
}

// Its given name; else a PostGIS table's name (never its connection string), or the file's name.
inline std::string eventSourceName(const EventSource& source) {
  if (!source.name.empty()) return source.name;
  const std::string_view path = source.path;
  if (path.starts_with("PG:")) {
    // GDAL's tables= runs to the next space; its first table names the source.
    const auto at = path.find(" tables=");
    std::string_view table = at == std::string_view::npos ? "" : path.substr(at + 8);
    table = table.substr(0, table.find_first_of(" ,"));
    return table.empty() ? "PostGIS table" : std::string(table);
  }
  const std::string file = std::filesystem::path(source.path).filename().string();
  return file.empty() ? source.path : file;
}

// Every source's name by index: the bundled events, then `userSources` in order.
inline std::vector<std::string> eventSourceNames(const std::vector<EventSource>& userSources) {
  std::vector<std::string> names{kBundledEventsName};
  for (const EventSource& s : userSources)
    names.push_back(eventSourceName(s));
  return names;
}

// Sources switched off, by index (missing: shown), and whether `sourceIndex` is among them.
using HiddenSources = std::vector<bool>;
inline bool isHidden(const HiddenSources& hidden, std::size_t sourceIndex) {
  return sourceIndex < hidden.size() && hidden[sourceIndex];
}

// The same as bits for the GPU: bit i for source i; the 32nd and later share bit 31, set when
// any of them is hidden.
inline std::uint32_t hiddenSourceBits(const HiddenSources& hidden) {
  std::uint32_t bits = 0;
  for (std::size_t i = 0; i < hidden.size(); ++i)
    if (hidden[i]) bits |= 1u << std::min<std::size_t>(i, 31);
  return bits;
}
inline bool isHidden(std::uint32_t hiddenBits, std::size_t sourceIndex) {
  return (hiddenBits >> std::min<std::size_t>(sourceIndex, 31)) & 1u;
}

// At most `limit` characters (UTF-8 code points), the cut marked with an ellipsis.
inline std::string shortenedName(const std::string& text, std::size_t limit) {
  std::size_t at = 0, characters = 0;
  while (at < text.size() && characters < limit) {
    at += std::max<std::size_t>(1, utf8SequenceLength(std::string_view(text).substr(at)));
    ++characters;
  }
  return at >= text.size() ? text : text.substr(0, at) + "…";
}

// The legend's rows for the sources: one per source shown, in its ring's colour, its name cut to
// kLegendNameLimit characters; none while a single source is loaded (its markers wear no ring).
struct SourceKey {
  std::string name;
  Rgba color;
  friend bool operator==(const SourceKey&, const SourceKey&) = default;
};
inline constexpr std::size_t kLegendNameLimit = 40;
inline std::vector<SourceKey> sourceLegend(const std::vector<std::string>& names,
                                           std::uint32_t hiddenBits) {
  std::vector<SourceKey> rows;
  if (names.size() < 2) return rows;
  for (std::size_t i = 0; i < names.size(); ++i)
    if (!isHidden(hiddenBits, i))
      rows.push_back({shortenedName(names[i], kLegendNameLimit), eventSourceColor(i)});
  return rows;
}

}  // namespace idlib
