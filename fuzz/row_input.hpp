#pragma once
// Turns a fuzz input into a table row as GDAL would hand it over: the first line is the header,
// the second the row, both split at commas (double quotes group, "" is a quote). Extra lines
// name known places for the flows ("Saraqib" etc.). Then the row goes through what the loader
// does before a reader sees it: the column check and the text repair.
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/table_rows.hpp"
#include "core/utf8_text.hpp"

namespace idlib::fuzz {

inline std::vector<std::string> splitCsvLine(std::string_view line) {
  std::vector<std::string> cells(1);
  bool quoted = false;
  for (std::size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (c == '"' && quoted && i + 1 < line.size() && line[i + 1] == '"') {
      cells.back() += '"';
      ++i;
    } else if (c == '"') {
      quoted = !quoted;
    } else if (c == ',' && !quoted) {
      cells.emplace_back();
    } else {
      cells.back() += c;
    }
  }
  return cells;
}

inline std::vector<std::string_view> lines(std::string_view text) {
  std::vector<std::string_view> out;
  for (std::size_t start = 0; start <= text.size();) {
    const std::size_t end = std::min(text.find('\n', start), text.size());
    out.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

struct FuzzTable {
  bool readable = false;  // whether the header has the columns the table needs
  Row row;
  std::vector<std::string> extraLines;
};

inline FuzzTable tableFrom(const std::uint8_t* data, std::size_t size, Table table,
                           std::vector<Notice>& notices) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const auto all = lines(text);
  FuzzTable out;
  const auto header = splitCsvLine(all[0]);
  const auto values = all.size() > 1 ? splitCsvLine(all[1]) : std::vector<std::string>{};
  out.readable = !missingColumnsMessage("fuzz.csv", table, header, values).has_value();
  out.row.file = "fuzz.csv";
  out.row.line = static_cast<int>(size % 1000);
  out.row.byLine = size % 2 == 0;
  // GDAL leaves a cell that is missing or empty unset.
  for (std::size_t i = 0; i < header.size() && i < values.size(); ++i)
    if (!values[i].empty()) out.row.fields[header[i]] = values[i];
  TextRepair repair;
  repair.repair(out.row, notices);
  for (const auto& [name, value] : out.row.fields)
    if (!isUtf8(value)) __builtin_trap();  // what nlohmann::json would throw on
  for (std::size_t i = 2; i < all.size(); ++i)
    out.extraLines.emplace_back(all[i]);
  return out;
}

// Every message names the file, whatever the row held.
inline void checkNotices(const std::vector<Notice>& notices) {
  for (const auto& n : notices)
    if (n.message.rfind("fuzz.csv", 0) != 0) __builtin_trap();
}

inline void checkPosition(LonLat p) {
  if (!(std::abs(p.lat) <= 90 && std::abs(p.lon) <= 180)) __builtin_trap();
}

}  // namespace idlib::fuzz
