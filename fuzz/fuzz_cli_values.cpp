// Fuzzes the command line's values (parseViewArgument, parseSizeArgument): what they accept is
// finite and within the documented ranges; what they refuse gets a message naming the option.
#include <cmath>
#include <cstdint>
#include <string_view>

#include "core/cli_values.hpp"

using namespace idlib;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const auto view = parseViewArgument(text);
  if (const auto* v = std::get_if<ViewArgument>(&view)) {
    if (!(std::abs(v->centre.lon) <= 180 && std::abs(v->centre.lat) <= 90)) __builtin_trap();
    if (!(v->zoom >= 2 && v->zoom <= 19)) __builtin_trap();
  } else if (std::get<std::string>(view).rfind("--view '", 0) != 0) {
    __builtin_trap();
  }
  const auto sized = parseSizeArgument(text);
  if (const auto* s = std::get_if<SizeArgument>(&sized)) {
    if (s->width < 16 || s->height < 16 || s->width > 16384 || s->height > 16384) __builtin_trap();
  } else if (std::get<std::string>(sized).rfind("--size '", 0) != 0) {
    __builtin_trap();
  }
  return 0;
}
