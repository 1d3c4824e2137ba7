// Fuzzes the observation posts' row reader (postFromRow).
#include <cmath>

#include "row_input.hpp"

using namespace idlib;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::vector<Notice> notices;
  const auto table = fuzz::tableFrom(data, size, Table::Posts, notices);
  if (!table.readable) return 0;
  if (const auto p = postFromRow(table.row, notices); p && !std::isnan(p->where.lon))
    fuzz::checkPosition(p->where);
  fuzz::checkNotices(notices);
  return 0;
}
