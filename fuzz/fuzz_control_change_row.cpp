// Fuzzes the control changes' row reader (controlChangeFromRow) and the gathering by locality.
#include "row_input.hpp"

using namespace idlib;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::vector<Notice> notices;
  const auto table = fuzz::tableFrom(data, size, Table::ControlChanges, notices);
  if (!table.readable) return 0;
  LocalityCollector localities;
  if (auto change = controlChangeFromRow(table.row, notices)) {
    fuzz::checkPosition(change->where);
    if (change->locality.empty()) __builtin_trap();
    localities.add(std::move(*change));
  }
  for (const Locality& l : localities.take())
    if (l.history.size() != 1) __builtin_trap();
  fuzz::checkNotices(notices);
  return 0;
}
