// Fuzzes what makes text safe to show (file names, connection strings, GDAL's messages): the
// escaped text holds no control character and is valid UTF-8, one line stays one line, and
// redacting twice changes nothing more than redacting once.
#include <cstdint>
#include <string_view>

#include "core/text_safety.hpp"
#include "core/utf8_text.hpp"

using namespace idlib;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const std::string shown = displayable(text);
  for (const char c : shown)
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) __builtin_trap();
  if (!isUtf8(shown) || shown.find("\xc2\x85") != std::string::npos) __builtin_trap();
  const std::string redacted = redactSecrets(text);
  if (redactSecrets(redacted) != redacted) __builtin_trap();
  if (oneLine(text).find('\n') != std::string::npos) __builtin_trap();
  return 0;
}
