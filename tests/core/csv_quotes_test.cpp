#include "core/csv_quotes.hpp"

#include <gtest/gtest.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>
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
TEST(CsvQuotes, ARecordBoundaryIsALineEndOutsideQuotes) {
  // Header, a row with a quoted line end, an empty line, a row ending in CR LF, a last row.
  const std::string text = "a,b\n1,\"two\nlines\"\n\n2,x\r\n\r\n3,y\n";
  auto at = [&](std::uint64_t from) {
    std::istringstream in(text);
    return findRecordBoundary(in, from);
  };
  EXPECT_EQ(at(0)->offset, 4u);  // after the header
  EXPECT_EQ(at(0)->recordsBefore, 1);
  // From inside the quoted field, the boundary is after the field's row, not its inner line end.
  const auto inQuotes = at(text.find("lines"));
  EXPECT_EQ(inQuotes->offset, text.find("\n\n2") + 1);
  EXPECT_EQ(inQuotes->recordsBefore, 2);
  // The empty line and the CR-only line are not records.
  const auto beforeLast = at(text.find("3,y"));
  EXPECT_EQ(beforeLast->offset, text.find("3,y"));
  EXPECT_EQ(beforeLast->recordsBefore, 3);
  EXPECT_EQ(at(text.size())->offset, text.size());  // the final line end
  EXPECT_FALSE(at(text.size() + 1));
}

TEST(CsvQuotes, ARecordBoundaryInTextWithoutQuotesCountsEveryRow) {
  // Eight million rows and no quote: each row is counted once (a search for the next quote
  // from every line end would read the rest of the text again for each row, for hours).
  std::string text = "a,b\n";
  for (int i = 0; i < 8'000'000; ++i)
    text += "1,2\n";
  std::istringstream in(text);
  const auto cut = findRecordBoundary(in, text.size() / 2);
  ASSERT_TRUE(cut);
  EXPECT_EQ(cut->offset % 4, 0u);
  EXPECT_EQ(cut->recordsBefore, static_cast<long>(cut->offset / 4));
}

TEST(CsvQuotes, NoRecordBoundaryAfterAQuoteThatNeverCloses) {
  std::string text = "a,b\n1,\"open\n";
  for (int i = 0; i < 20000; ++i)
    text += "row,still inside\n";  // past the first 64 KiB block
  std::istringstream in(text);
  EXPECT_FALSE(findRecordBoundary(in, 10));
}

TEST(CsvQuotes, AFileIsScannedAsItsTextIs) {
  // Past the mapped scan's 16 MiB blocks: a cut and an unclosed quote beyond the first block.
  std::string text = "a,b\n";
  while (text.size() < (std::size_t{17} << 20))
    text += "row,\"quoted, with a line\nend\"\n";
  const std::uint64_t from = text.size() - 100;
  text += "bad,\"open\nlost\n";
  const auto path = std::filesystem::temp_directory_path() /
                    ("idlib-csv-quotes-" + std::to_string(::getpid()) + ".csv");
  std::ofstream(path, std::ios::binary) << text;
  std::istringstream in(text);
  const auto expected = findRecordBoundary(in, from);
  const auto cut = findRecordBoundaryInFile(path.string(), from);
  const auto quote = findUnclosedQuoteInFile(path.string());
  std::filesystem::remove(path);
  ASSERT_TRUE(expected && cut && quote);
  EXPECT_EQ(cut->offset, expected->offset);
  EXPECT_EQ(cut->recordsBefore, expected->recordsBefore);
  EXPECT_EQ(quote->line, findUnclosedQuote(text)->line);
  EXPECT_EQ(quote->linesAfter, 1);  // "lost"
  EXPECT_FALSE(findRecordBoundaryInFile("/nonexistent/x.csv", 0));
}

TEST(CsvQuotes, ALineSeparatedByCommasAsGdalFindsIt) {
  EXPECT_TRUE(separatedByCommas("a,b"));
  EXPECT_TRUE(separatedByCommas("a;b,c"));  // mixed: GDAL takes the comma
  EXPECT_TRUE(separatedByCommas("\"x;y\",z"));
  EXPECT_FALSE(separatedByCommas("a;b;c"));
  EXPECT_FALSE(separatedByCommas("\"a,b\";c"));  // the comma is quoted
  EXPECT_FALSE(separatedByCommas("a,b\tc"));     // a tab: GDAL's other rules
  EXPECT_FALSE(separatedByCommas(""));
}

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
