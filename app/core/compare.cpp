#include "core/compare.hpp"

#include <array>
#include <utility>

namespace idlib {
namespace {

constexpr std::array<std::pair<CompareMode, std::string_view>, 4> kNames = {{
    {CompareMode::Off, "off"},
    {CompareMode::Swipe, "swipe"},
    {CompareMode::SideBySide, "side-by-side"},
    {CompareMode::Change, "change"},
}};

}  // namespace

std::optional<CompareMode> parseCompareMode(std::string_view text) {
  for (const auto& [mode, name] : kNames)
    if (text == name) return mode;
  return std::nullopt;
}

std::string_view compareModeName(CompareMode mode) {
  for (const auto& [m, name] : kNames)
    if (m == mode) return name;
  return "off";
}

}  // namespace idlib
