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

// What the app writes into CSV (event lists, candidates from articles, accepted events): a
// spreadsheet opening it runs no formula, and the cells read back as they were.
TEST(CsvQuotes, FieldsKeepFormulasAsTextAndNumbersAsNumbers) {
  EXPECT_EQ(csvField("=HYPERLINK(\"http://x\")"), "\"'=HYPERLINK(\"\"http://x\"\")\"");
  EXPECT_EQ(csvField("@SUM(A1)"), "'@SUM(A1)");
  EXPECT_EQ(csvField("-1+1"), "'-1+1");
  EXPECT_EQ(csvField("-72.5"), "-72.5");  // a western longitude stays a number
  EXPECT_EQ(csvField("a, b"), "\"a, b\"");
  const std::string line = csvField("say \"hi\", twice") + "," + csvField("") + "," +
                           csvField("line\r") + "," + csvField("=1");
  EXPECT_EQ(csvCells(line), (std::vector<std::string>{"say \"hi\", twice", "", "line\r", "'=1"}));
}

}  // namespace
}  // namespace idlib
