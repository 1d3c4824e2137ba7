// Fuzzes the CSV scans of core/csv_quotes: the unclosed-quote scan (findUnclosedQuote: the
// streaming and the in-memory scans agree, and the line it names exists) and the search for a cut
// between rows (findRecordBoundary: it agrees with a plain byte-by-byte reading of GDAL's rule).
#include <algorithm>
#include <cstdint>
#include <optional>
#include <sstream>
#include <string>

#include "core/csv_quotes.hpp"

using namespace idlib;

namespace {

// GDAL's rule, a byte at a time: a line end outside quotes ends a record, and a record empty but
// for a carriage return is none.
std::optional<RecordBoundary> plainBoundary(const std::string& text, std::uint64_t from) {
  bool quoted = false;
  std::string record;
  long records = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '"') quoted = !quoted;
    if (c != '\n' || quoted) {
      record += c;
      continue;
    }
    if (!record.empty() && record != "\r") ++records;
    record.clear();
    if (i + 1 >= from) return RecordBoundary{i + 1, records};
  }
  return std::nullopt;
}

void checkUnclosedQuote(const std::string& text) {
  const auto inMemory = findUnclosedQuote(std::string_view(text));
  std::istringstream stream(text);
  const auto streamed = findUnclosedQuote(stream);
  if (inMemory.has_value() != streamed.has_value()) __builtin_trap();
  if (!inMemory) return;
  if (inMemory->line != streamed->line || inMemory->linesAfter != streamed->linesAfter)
    __builtin_trap();
  const long lines = static_cast<long>(std::count(text.begin(), text.end(), '\n')) + 1;
  if (inMemory->line < 1 || inMemory->line > lines || inMemory->linesAfter < 0 ||
      inMemory->line + inMemory->linesAfter > lines)
    __builtin_trap();
}

void checkBoundary(const std::string& text, std::uint64_t from) {
  std::istringstream stream(text);
  const auto found = findRecordBoundary(stream, from);
  const auto expected = plainBoundary(text, from);
  if (found.has_value() != expected.has_value()) __builtin_trap();
  if (found &&
      (found->offset != expected->offset || found->recordsBefore != expected->recordsBefore))
    __builtin_trap();
  (void)separatedByCommas(text.substr(0, text.find('\n')));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  checkUnclosedQuote(text);
  checkBoundary(text, size / 2);
  if (size > 0) checkBoundary(text, data[0] % (size + 1));
  return 0;
}
