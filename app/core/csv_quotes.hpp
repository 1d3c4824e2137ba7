#pragma once
// Finds a quote in CSV text that opens and never closes. GDAL's CSV reader then takes the rest of
// the file as one field, so rows vanish without a word; this names the line where it happened.
#include <istream>
#include <optional>
#include <string_view>

namespace idlib {

struct UnclosedQuote {
  long line = 0;        // where the quote opens, from 1
  long linesAfter = 0;  // lines after that one, all swallowed into the quoted field
};

// Reads as GDAL does: every '"' toggles quoting (so "" inside a field toggles twice) and a line
// end inside quotes continues the field. Streams in blocks: memory stays constant, time linear.
std::optional<UnclosedQuote> findUnclosedQuote(std::istream& in);
std::optional<UnclosedQuote> findUnclosedQuote(std::string_view text);

}  // namespace idlib
