#include "core/cli_values.hpp"

#include <fmt/format.h>

#include <charconv>
#include <cmath>
#include <type_traits>
#include <vector>

namespace idlib {
namespace {

std::vector<std::string_view> split(std::string_view s, char sep) {
  std::vector<std::string_view> parts;
  std::size_t start = 0;
  for (;;) {
    const std::size_t end = s.find(sep, start);
    parts.push_back(s.substr(start, end == std::string_view::npos ? end : end - start));
    if (end == std::string_view::npos) return parts;
    start = end + 1;
  }
}

// The whole of `s` as a number; "inf" and "nan", which from_chars accepts, are refused.
template <class T>
bool parseNumber(std::string_view s, T& out) {
  const auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
  if constexpr (std::is_floating_point_v<T>)
    if (!std::isfinite(out)) return false;
  return ec == std::errc() && ptr == s.data() + s.size();
}

}  // namespace

Parsed<ViewArgument> parseViewArgument(std::string_view text, std::string_view name) {
  const auto parts = split(text, ',');
  ViewArgument v;
  if (parts.size() != 3 || !parseNumber(parts[0], v.centre.lon) ||
      !parseNumber(parts[1], v.centre.lat) || !parseNumber(parts[2], v.zoom))
    return fmt::format("{} '{}': expected LON,LAT,ZOOM in decimal degrees, e.g. 36.63,35.93,9",
                       name, text);
  if (std::abs(v.centre.lon) > 180 || std::abs(v.centre.lat) > 90)
    return fmt::format("{} '{}': longitude must be within ±180 and latitude within ±90", name,
                       text);
  if (v.zoom < 2 || v.zoom > 19)
    return fmt::format("{} '{}': zoom {} is outside 2..19", name, text, v.zoom);
  return v;
}

Parsed<SizeArgument> parseSizeArgument(std::string_view text) {
  const auto parts = split(text, 'x');
  SizeArgument s;
  if (parts.size() != 2 || !parseNumber(parts[0], s.width) || !parseNumber(parts[1], s.height))
    return fmt::format("--size '{}': expected WIDTHxHEIGHT in pixels, e.g. 1920x1080", text);
  if (s.width < 16 || s.height < 16 || s.width > 16384 || s.height > 16384)
    return fmt::format("--size '{}': each side must be between 16 and 16384 pixels", text);
  return s;
}

}  // namespace idlib
