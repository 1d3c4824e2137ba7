// Fuzzes the displacement flows' row reader (flowFromRow); lines after the row name known places.
#include "row_input.hpp"

using namespace idlib;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::vector<Notice> notices;
  const auto table = fuzz::tableFrom(data, size, Table::DisplacementFlows, notices);
  if (!table.readable) return 0;
  std::vector<Locality> known;
  for (const auto& name : table.extraLines)
    known.push_back({name, {36.8, 35.86}, {}, {}});
  if (const auto f = flowFromRow(table.row, known, notices)) {
    fuzz::checkPosition(f->from);
    fuzz::checkPosition(f->to);
    if (f->people < 0 || f->end < f->start) __builtin_trap();
  }
  fuzz::checkNotices(notices);
  return 0;
}
