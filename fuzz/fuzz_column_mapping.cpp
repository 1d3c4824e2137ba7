// Fuzzes the reading of an analyst's own table: the --columns text (parseColumnMapping) on the
// first line, and the column-mapping dialog's guess and preview (guessColumns, previewRows) on a
// table made of the other lines (comma-separated, the first its header). A mapping read is the
// same once written back; the guess and the preview never fail, whatever the values.
#include <cstdint>
#include <string>
#include <string_view>

#include "core/column_guess.hpp"
#include "core/format.hpp"

using namespace idlib;

namespace {

TableSample sampleOf(std::string_view text) {
  TableSample sample{.file = "fuzz.csv"};
  int line = 0;
  for (const std::string& rowText : splitList(text, '\n')) {
    const std::vector<std::string> cells = splitList(rowText, ',');
    if (++line == 1) {
      sample.columns = cells;
      continue;
    }
    Row row{.file = "fuzz.csv", .line = line};
    for (std::size_t i = 0; i < cells.size() && i < sample.columns.size(); ++i)
      row.fields[sample.columns[i]] = cells[i];
    sample.rows.push_back(std::move(row));
  }
  return sample;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const std::size_t newline = text.find('\n');
  const auto parsed = parseColumnMapping(text.substr(0, newline));
  if (const auto* mapping = std::get_if<ColumnMapping>(&parsed)) {
    const auto again = parseColumnMapping(columnMappingText(*mapping));
    const auto* reread = std::get_if<ColumnMapping>(&again);
    if (!reread || !(*reread == *mapping)) __builtin_trap();
  }
  if (newline == std::string_view::npos) return 0;
  const TableSample sample = sampleOf(text.substr(newline + 1));
  const ColumnGuess guess = guessColumns(sample);
  if (previewRows(sample, guess.mapping).size() > sample.rows.size()) __builtin_trap();
  return 0;
}
