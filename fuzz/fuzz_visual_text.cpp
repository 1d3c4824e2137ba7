// Fuzzes the visual order of right-to-left text (what the panels and the map's labels draw):
// text without a right-to-left letter, or not UTF-8, comes back as it is; otherwise the result
// is UTF-8 again, never longer than three bytes a byte of the input.
#include <cstdint>
#include <string>
#include <string_view>

#include "core/utf8_text.hpp"
#include "core/visual_text.hpp"

using namespace idlib;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const std::string shown = visualOrder(text);
  if (!isUtf8(text) || !hasRightToLeft(text)) {
    if (shown != text) __builtin_trap();
    return 0;
  }
  if (!isUtf8(shown) || shown.size() > 3 * size) __builtin_trap();
  return 0;
}
