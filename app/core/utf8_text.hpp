#pragma once
// Text from users' files in UTF-8: a check, and a reading of other bytes as Windows-1252 (the
// Latin-1 superset spreadsheets on Windows write), so nothing downstream meets broken UTF-8.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace idlib {

// The length of the valid UTF-8 sequence at the start of `text`, or 0 if it starts with none.
std::size_t utf8SequenceLength(std::string_view text);

// The offset of the first byte that does not begin a valid UTF-8 sequence, if any.
// Overlong forms, surrogates and code points above U+10FFFF count as invalid.
std::optional<std::size_t> firstInvalidUtf8(std::string_view text);
inline bool isUtf8(std::string_view text) {
  return !firstInvalidUtf8(text);
}

// Every byte read as Windows-1252 (Latin-1 with letters in 0x80-0x9F); the five bytes it leaves
// undefined become U+FFFD. The result is always valid UTF-8.
std::string windows1252ToUtf8(std::string_view bytes);

}  // namespace idlib
