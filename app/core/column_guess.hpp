#pragma once
// The column-mapping dialog's first guess, and its preview: from a table's column names and the
// values of its first rows, which column holds the date (and in which format), which hold the
// latitude and longitude (numbers in range), the type, actors and text. Pure: the rows come from
// geo (readTableSample) or a test.
#include <optional>
#include <string>
#include <vector>

#include "core/column_mapping.hpp"
#include "core/date.hpp"
#include "core/event_source.hpp"
#include "core/geometry.hpp"
#include "core/table_rows.hpp"

namespace idlib {

// The start of a table: its columns and first rows, each row's geometry point where it has one.
struct TableSample {
  std::string file;
  std::vector<std::string> columns;
  std::vector<Row> rows;
  std::vector<std::optional<LonLat>> points;  // one per row; empty where the table has no geometry
  bool hasGeometry = false;
};

struct ColumnGuess {
  ColumnMapping mapping;
  // What the date and place were taken by, and any doubt: "Date: 'Date of incident', its first
  // rows read as d/m/y (09/05/2020, 9.5.20)". The other fields go by their names alone.
  std::vector<std::string> reasons;
};
ColumnGuess guessColumns(const TableSample& sample);

// How a column's sample values read as dates: the formats that read nearly all of them (a typo or
// one in five may not), those reading the most first.
std::vector<DateFormat> dateFormatsOf(const std::vector<std::string>& values);

// One row of the dialog's preview: what the loader will make of it, or why it will skip it.
struct PreviewRow {
  std::string where;  // "events.csv line 2"
  std::optional<Day> date;
  std::optional<LonLat> place;
  std::string type;
  std::string problem;  // empty when the row loads
};
std::vector<PreviewRow> previewRows(const TableSample& sample, const ColumnMapping& mapping);

}  // namespace idlib
