// Fuzzes the unclosed-quote scan (findUnclosedQuote): the streaming and the in-memory scans agree,
// and the line it names exists.
#include <algorithm>
#include <cstdint>
#include <sstream>
#include <string>

#include "core/csv_quotes.hpp"

using namespace idlib;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  const auto inMemory = findUnclosedQuote(std::string_view(text));
  std::istringstream stream(text);
  const auto streamed = findUnclosedQuote(stream);
  if (inMemory.has_value() != streamed.has_value()) __builtin_trap();
  if (!inMemory) return 0;
  if (inMemory->line != streamed->line || inMemory->linesAfter != streamed->linesAfter)
    __builtin_trap();
  const long lines = static_cast<long>(std::count(text.begin(), text.end(), '\n')) + 1;
  if (inMemory->line < 1 || inMemory->line > lines || inMemory->linesAfter < 0 ||
      inMemory->line + inMemory->linesAfter > lines)
    __builtin_trap();
  return 0;
}
