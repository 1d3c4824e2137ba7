#include "core/desk_settings.hpp"

#include <fmt/format.h>

#include <charconv>
#include <cmath>
#include <optional>
#include <vector>

namespace idlib {
namespace {

constexpr std::string_view kScaleNote = "; ui scale ", kWindowNote = ", window ";
constexpr float kMinScale = 0.25f, kMaxScale = 16, kMaxWindow = 100'000;

// `text` read as a number up to `stop` (or its end); `text` then starts after the number.
template <class T>
std::optional<T> numberUpTo(std::string_view& text, char stop) {
  T value{};
  const char* end = text.data() + text.size();
  const auto [at, ec] = std::from_chars(text.data(), end, value);
  if (ec != std::errc() || (at != end && *at != stop)) return std::nullopt;
  text.remove_prefix(static_cast<std::size_t>(at - text.data()));
  return value;
}

// The whole of `text` as two numbers with `separator` between them ("16,95", "3072x1728").
template <class T>
std::optional<std::pair<T, T>> twoNumbers(std::string_view text, char separator) {
  const auto first = numberUpTo<T>(text, separator);
  if (!first || text.empty()) return std::nullopt;
  text.remove_prefix(1);
  const auto second = numberUpTo<T>(text, '\0');
  if (!second || !text.empty()) return std::nullopt;
  return std::pair{*first, *second};
}

// "; ui scale 2, window 3072x1728" (the window may be missing); nothing if it is not that.
std::optional<DeskScreen> savedScreen(std::string_view line) {
  if (!line.starts_with(kScaleNote)) return std::nullopt;
  line.remove_prefix(kScaleNote.size());
  DeskScreen screen;
  // Scales and windows no screen has (inf, 1e-30, a window a million points wide) mean the file
  // is not ours: nothing is scaled by them.
  const auto scale = numberUpTo<float>(line, ',');
  if (!scale || !(*scale >= kMinScale && *scale <= kMaxScale)) return std::nullopt;
  screen.uiScale = *scale;
  if (line.empty()) return screen;
  if (!line.starts_with(kWindowNote)) return std::nullopt;
  line.remove_prefix(kWindowNote.size());
  const auto window = twoNumbers<float>(line, 'x');
  if (!window) return std::nullopt;
  const auto [width, height] = *window;
  if (!(width > 0 && width <= kMaxWindow && height > 0 && height <= kMaxWindow))
    return std::nullopt;
  screen.width = width;
  screen.height = height;
  return screen;
}

// "Pos=16,95": the two numbers after `key`.
std::optional<std::pair<int, int>> pairAfter(std::string_view line, std::string_view key) {
  if (!line.starts_with(key)) return std::nullopt;
  return twoNumbers<int>(line.substr(key.size()), ',');
}

// One axis of a window's place: scaled from the start, or from the end where the window lay
// nearer it (and both windows are known).
float placeOnAxis(float start, float size, float savedExtent, float extent, float ratio) {
  if (savedExtent > 0 && extent > 0 && start + size / 2 > savedExtent / 2)
    return extent - (savedExtent - start) * ratio;
  return start * ratio;
}

// The lines of one [Window] section with its place and size moved from `saved` to `now`.
void moveWindow(std::vector<std::string>& lines, const DeskScreen& saved, const DeskScreen& now) {
  const float ratio = now.uiScale / saved.uiScale;
  std::string *posLine = nullptr, *sizeLine = nullptr;
  for (std::string& line : lines) {
    if (pairAfter(line, "Pos=")) posLine = &line;
    if (pairAfter(line, "Size=")) sizeLine = &line;
  }
  const auto size = sizeLine ? pairAfter(*sizeLine, "Size=") : std::nullopt;
  if (size)
    *sizeLine = fmt::format("Size={},{}", std::lround(size->first * ratio),
                            std::lround(size->second * ratio));
  if (!posLine) return;
  const auto [x, y] = *pairAfter(*posLine, "Pos=");
  const float w = size ? static_cast<float>(size->first) : 0,
              h = size ? static_cast<float>(size->second) : 0;
  *posLine = fmt::format(
      "Pos={},{}",
      std::lround(placeOnAxis(static_cast<float>(x), w, saved.width, now.width, ratio)),
      std::lround(placeOnAxis(static_cast<float>(y), h, saved.height, now.height, ratio)));
}

}  // namespace

std::string deskSettingsToSave(std::string_view imguiIni, const DeskScreen& screen) {
  std::string note = fmt::format("{}{}", kScaleNote, screen.uiScale);
  if (screen.width > 0 && screen.height > 0)
    note += fmt::format("{}{}x{}", kWindowNote, screen.width, screen.height);
  return note + "\n" + std::string(imguiIni);
}

std::string deskSettingsToLoad(std::string_view saved, const DeskScreen& screen) {
  const std::size_t firstEnd = std::min(saved.find('\n'), saved.size());
  const auto savedOn = savedScreen(saved.substr(0, firstEnd));
  if (!savedOn) return {};
  std::string_view rest = saved.substr(std::min(firstEnd + 1, saved.size()));
  if (savedOn->uiScale == screen.uiScale &&
      (savedOn->width == screen.width && savedOn->height == screen.height))
    return std::string(rest);
  // Section by section: only windows' places are in points (tables note their own scale, as
  // ImGui's RefScale).
  std::string out;
  std::vector<std::string> section;
  bool window = false;
  const auto flush = [&] {
    if (window) moveWindow(section, *savedOn, screen);
    for (const std::string& line : section)
      out += line + "\n";
    section.clear();
  };
  while (!rest.empty()) {
    const std::size_t end = std::min(rest.find('\n'), rest.size());
    const std::string_view line = rest.substr(0, end);
    if (line.starts_with('[')) {
      flush();
      window = line.starts_with("[Window]");
    }
    section.emplace_back(line);
    rest.remove_prefix(std::min(end + 1, rest.size()));
  }
  flush();
  return out;
}

}  // namespace idlib
