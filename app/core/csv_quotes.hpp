#pragma once
// Finds a quote in CSV text that opens and never closes. GDAL's CSV reader then takes the rest of
// the file as one field, so rows vanish without a word; this names the line where it happened.
#include <cstdint>
#include <istream>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace idlib {

struct UnclosedQuote {
  long line = 0;        // where the quote opens, from 1
  long linesAfter = 0;  // lines after that one, all swallowed into the quoted field
};

// Reads as GDAL does: every '"' toggles quoting (so "" inside a field toggles twice) and a line
// end inside quotes continues the field. Streams in blocks: memory stays constant, time linear.
std::optional<UnclosedQuote> findUnclosedQuote(std::istream& in);
std::optional<UnclosedQuote> findUnclosedQuote(std::string_view text);
// The same for the file at `path`, scanned without copying it where it can be mapped.
std::optional<UnclosedQuote> findUnclosedQuoteInFile(const std::string& path);

// Where a CSV text can be cut between two rows: the byte after the first line end outside quotes
// at or after byte `from`, and how many records come before it (header included; empty lines not
// counted, as GDAL skips them). Quotes are read as findUnclosedQuote reads them. Two GDAL readers
// can then read the two sides at once (issue 12).
struct RecordBoundary {
  std::uint64_t offset = 0;
  long recordsBefore = 0;
};
std::optional<RecordBoundary> findRecordBoundary(std::istream& in, std::uint64_t from);
std::optional<RecordBoundary> findRecordBoundaryInFile(const std::string& path, std::uint64_t from);

// Whether GDAL (3.6) takes `line`, a CSV's first line, as separated by commas for sure: it has a
// comma outside quotes (GDAL picks the first of , ; tab it finds, and a comma where they mix)
// and no tab (which sends GDAL to other rules).
bool separatedByCommas(std::string_view line);

// A cell as RFC 4180 writes it. Text a spreadsheet would run as a formula (=, +, -, @, tab or CR
// first: the OWASP rule) starts with a quote mark so it stays text; a plain number stays as it is.
std::string csvField(std::string_view text);
// The cells of one CSV line (no line break inside a cell), quotes undone as csvField wrote them.
std::vector<std::string> csvCells(std::string_view line);

}  // namespace idlib
