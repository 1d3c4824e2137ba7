#pragma once
// Finds a quote in CSV text that opens and never closes. GDAL's CSV reader then takes the rest of
// the file as one field, so rows vanish without a word; this names the line where it happened.
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

// A cell as RFC 4180 writes it. Text a spreadsheet would run as a formula (=, +, -, @, tab or CR
// first: the OWASP rule) starts with a quote mark so it stays text; a plain number stays as it is.
std::string csvField(std::string_view text);
// The cells of one CSV line (no line break inside a cell), quotes undone as csvField wrote them.
std::vector<std::string> csvCells(std::string_view line);

}  // namespace idlib
