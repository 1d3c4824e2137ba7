#include "core/visual_text.hpp"

#include <unicode/ubidi.h>
#include <unicode/ushape.h>
#include <unicode/ustring.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <memory>

namespace idlib {
namespace {

constexpr std::size_t kLongest = 64 * 1024;

bool isRightToLeft(UChar32 c) {
  return (c >= 0x0590 && c <= 0x08ff) || (c >= 0xfb1d && c <= 0xfdff) ||
         (c >= 0xfe70 && c <= 0xfefe);
}

struct BidiCloser {
  void operator()(UBiDi* bidi) const { ubidi_close(bidi); }
};

}  // namespace

bool hasRightToLeft(std::string_view utf8) {
  const auto length = static_cast<int32_t>(std::min(utf8.size(), kLongest));
  for (int32_t i = 0; i < length;) {
    if (static_cast<unsigned char>(utf8[static_cast<std::size_t>(i)]) < 0x80) {
      ++i;  // ASCII, most of what panels show
      continue;
    }
    UChar32 c = 0;
    U8_NEXT(utf8.data(), i, length, c);
    if (isRightToLeft(c)) return true;
  }
  return false;
}

std::string visualOrder(std::string_view utf8) {
  if (utf8.size() > kLongest || !hasRightToLeft(utf8)) return std::string(utf8);
  UErrorCode status = U_ZERO_ERROR;
  const auto bytes = static_cast<int32_t>(utf8.size());
  // UTF-16 is never longer, in units, than UTF-8 in bytes.
  std::u16string text(utf8.size(), u'\0');
  int32_t length = 0;
  u_strFromUTF8(text.data(), bytes, &length, utf8.data(), bytes, &status);
  // Letters joined as their neighbours ask, lam and alef as one ligature (which shortens).
  std::u16string shaped(text.size(), u'\0');
  const int32_t shapedLength = u_shapeArabic(
      text.data(), length, shaped.data(), static_cast<int32_t>(shaped.size()),
      U_SHAPE_LETTERS_SHAPE | U_SHAPE_TEXT_DIRECTION_LOGICAL | U_SHAPE_LENGTH_GROW_SHRINK, &status);
  const std::unique_ptr<UBiDi, BidiCloser> bidi(ubidi_open());
  if (U_FAILURE(status) || !bidi) return std::string(utf8);
  ubidi_setPara(bidi.get(), shaped.data(), shapedLength, UBIDI_DEFAULT_LTR, nullptr, &status);
  std::u16string visual(static_cast<std::size_t>(shapedLength), u'\0');
  const int32_t visualLength =
      ubidi_writeReordered(bidi.get(), visual.data(), shapedLength,
                           UBIDI_DO_MIRRORING | UBIDI_REMOVE_BIDI_CONTROLS, &status);
  // Back to UTF-8: at most three bytes a UTF-16 unit.
  std::string out(static_cast<std::size_t>(visualLength) * 3, '\0');
  int32_t outLength = 0;
  u_strToUTF8(out.data(), static_cast<int32_t>(out.size()), &outLength, visual.data(), visualLength,
              &status);
  if (U_FAILURE(status)) return std::string(utf8);
  out.resize(static_cast<std::size_t>(outLength));
  return out;
}

}  // namespace idlib
