// Fuzzes the date readers (parseDate, parsePrecision): a date read back from its own text is the
// same day.
#include <cstdint>
#include <string_view>

#include "core/date.hpp"

using namespace idlib;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  if (const auto day = parseDate(text)) {
    if (parseDate(formatDate(*day)) != day) __builtin_trap();
    if (parseDate(formatDateLong(*day)) != day) __builtin_trap();
  }
  if (const auto p = parsePrecision(text))
    if (parsePrecision(precisionName(*p)) != p) __builtin_trap();
  return 0;
}
