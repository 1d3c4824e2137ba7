// Fuzzes the displacement figures' row reader (figureFromRow).
#include "row_input.hpp"

using namespace idlib;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::vector<Notice> notices;
  const auto table = fuzz::tableFrom(data, size, Table::DisplacementFigures, notices);
  if (!table.readable) return 0;
  if (const auto f = figureFromRow(table.row, notices)) {
    fuzz::checkPosition(f->where);
    if (f->people < 0) __builtin_trap();
  }
  fuzz::checkNotices(notices);
  return 0;
}
