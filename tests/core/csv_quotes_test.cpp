#include "core/csv_quotes.hpp"

#include <gtest/gtest.h>

#include <sstream>

namespace idlib {
namespace {

TEST(CsvQuotes, ClosedQuotesAndEscapedQuotesAreFine) {
  EXPECT_FALSE(findUnclosedQuote("a,b\n1,\"x, \"\"y\"\"\"\n2,\"multi\nline\"\n"));
  EXPECT_FALSE(findUnclosedQuote(""));
}

TEST(CsvQuotes, AnUnclosedQuoteNamesItsLineAndTheLinesAfter) {
  const auto q = findUnclosedQuote("a,b\n1,ok\n2,\"open\n3,lost\n4,lost\n");
  ASSERT_TRUE(q);
  EXPECT_EQ(q->line, 3);
  EXPECT_EQ(q->linesAfter, 2);
  // Without a final line end, the last line still counts.
  EXPECT_EQ(findUnclosedQuote("a\n\"b\nc")->linesAfter, 1);
}

TEST(CsvQuotes, StreamsAcrossBlocks) {
  // The quote opens after the first 64 KiB block; the stream and the text agree.
  std::string text;
  for (int i = 0; i < 10000; ++i)
    text += "row,\"quoted\"\n";
  text += "bad,\"open\n" + std::string(100000, 'x') + "\nlast\n";
  std::istringstream in(text);
  const auto streamed = findUnclosedQuote(in);
  ASSERT_TRUE(streamed);
  EXPECT_EQ(streamed->line, 10001);
  EXPECT_EQ(streamed->linesAfter, 2);
}

}  // namespace
}  // namespace idlib
