// Fuzzes --style's reader (parseSymbology): what it accepts is within the documented ranges,
// what it refuses gets a message.
#include <cmath>
#include <cstdint>
#include <string_view>

#include "core/layer_style.hpp"

using namespace idlib;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const auto parsed = parseSymbology(text);
  if (const auto* s = std::get_if<Symbology>(&parsed)) {
    if (!(s->fillOpacity >= 0 && s->fillOpacity <= 1)) __builtin_trap();
    if (!(s->outlineWidthPx >= 0 && s->outlineWidthPx <= 20)) __builtin_trap();
    if (s->kind == StyleKind::Graduated && !(s->classes >= 2 && s->classes <= 9)) __builtin_trap();
  } else if (std::get<std::string>(parsed).empty()) {
    __builtin_trap();
  }
  return 0;
}
