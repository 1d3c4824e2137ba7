#include "core/utf8_text.hpp"

#include <gtest/gtest.h>

namespace idlib {
namespace {

TEST(Utf8Text, ValidTextIncludingArabicIsValid) {
  EXPECT_TRUE(isUtf8("Saraqib"));
  EXPECT_TRUE(isUtf8("Ma\u02bfarrat \u0625\u062f\u0644\u0628 \U0001F600"));
}

TEST(Utf8Text, BrokenSequencesAreFoundWhereTheyStart) {
  EXPECT_EQ(firstInvalidUtf8("caf\xe9"), 3u);            // Latin-1
  EXPECT_EQ(firstInvalidUtf8("ab\xc0\xaf"), 2u);         // overlong '/'
  EXPECT_EQ(firstInvalidUtf8("\xed\xa0\x80"), 0u);       // a surrogate
  EXPECT_EQ(firstInvalidUtf8("x\xf4\x90\x80\x80"), 1u);  // above U+10FFFF
  EXPECT_EQ(firstInvalidUtf8("\xe2\x82"), 0u);           // cut short
}

TEST(Utf8Text, Windows1252IsReadAsTheSpreadsheetMeantIt) {
  EXPECT_EQ(windows1252ToUtf8("caf\xe9 \x93quoted\x94 \x80"),
            "caf\u00e9 \u201cquoted\u201d \u20ac");
  EXPECT_EQ(windows1252ToUtf8("\x81"), "\ufffd");  // undefined in Windows-1252
  EXPECT_EQ(windows1252ToUtf8("plain"), "plain");
}

}  // namespace
}  // namespace idlib
