// Fuzzes the events table's row reader (eventFromRow) on a header and a row.
#include "row_input.hpp"

using namespace idlib;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::vector<Notice> notices;
  const auto table = fuzz::tableFrom(data, size, Table::Events, notices);
  if (!table.readable) return 0;
  if (const auto e = eventFromRow(table.row, notices)) {
    fuzz::checkPosition(e->where);
    if (e->fatalities && *e->fatalities < 0) __builtin_trap();
  }
  fuzz::checkNotices(notices);
  return 0;
}
