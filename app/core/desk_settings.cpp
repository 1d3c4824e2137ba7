#include "core/desk_settings.hpp"

#include <fmt/format.h>

#include <charconv>
#include <cmath>
#include <optional>

namespace idlib {
namespace {

constexpr std::string_view kScaleNote = "; ui scale ";

std::optional<float> savedScale(std::string_view firstLine) {
  if (!firstLine.starts_with(kScaleNote)) return std::nullopt;
  firstLine.remove_prefix(kScaleNote.size());
  float scale = 0;
  const char* end = firstLine.data() + firstLine.size();
  const auto [at, ec] = std::from_chars(firstLine.data(), end, scale);
  if (ec != std::errc() || at != end || !(scale > 0)) return std::nullopt;
  return scale;
}

// "Pos=16,95" or "Size=660,574" with both numbers times `ratio`; any other line as it is.
std::string scaledLine(std::string_view line, float ratio) {
  for (const std::string_view key : {"Pos=", "Size="}) {
    if (!line.starts_with(key)) continue;
    int x = 0, y = 0;
    const char* end = line.data() + line.size();
    const auto first = std::from_chars(line.data() + key.size(), end, x);
    if (first.ec != std::errc() || first.ptr == end || *first.ptr != ',') break;
    const auto second = std::from_chars(first.ptr + 1, end, y);
    if (second.ec != std::errc() || second.ptr != end) break;
    return fmt::format("{}{},{}", key, std::lround(x * ratio), std::lround(y * ratio));
  }
  return std::string(line);
}

}  // namespace

std::string deskSettingsToSave(std::string_view imguiIni, float uiScale) {
  return fmt::format("{}{}\n{}", kScaleNote, uiScale, imguiIni);
}

std::string deskSettingsToLoad(std::string_view saved, float uiScale) {
  const std::size_t firstEnd = std::min(saved.find('\n'), saved.size());
  const auto scale = savedScale(saved.substr(0, firstEnd));
  if (!scale) return {};
  std::string_view rest = saved.substr(std::min(firstEnd + 1, saved.size()));
  if (*scale == uiScale) return std::string(rest);
  // Only windows' places are in points: tables note their own scale (ImGui's RefScale).
  const float ratio = uiScale / *scale;
  std::string out;
  bool inWindow = false;
  while (!rest.empty()) {
    const std::size_t end = std::min(rest.find('\n'), rest.size());
    const std::string_view line = rest.substr(0, end);
    if (line.starts_with('[')) inWindow = line.starts_with("[Window]");
    out += inWindow ? scaledLine(line, ratio) : std::string(line);
    out += '\n';
    rest.remove_prefix(std::min(end + 1, rest.size()));
  }
  return out;
}

}  // namespace idlib
