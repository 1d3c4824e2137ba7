#pragma once
// How a table that is not in ACLED's columns is read as events: which of its columns holds the
// date (and in which format), the place (latitude and longitude columns, or the geometry), the
// type, the actors and the text. The mapping renames the table's columns to ACLED's names before
// the usual row reader (eventFromRow) reads the row, so a mapped table and an ACLED export are
// checked by the same rules.
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "core/date.hpp"
#include "core/diagnostics.hpp"
#include "core/event_source.hpp"
#include "core/geometry.hpp"
#include "core/table_rows.hpp"

namespace idlib {

// How a date column is written. Any: what parseDate reads (2020-05-09, 9 May 2020, 9-May-20).
enum class DateFormat { Any, DayMonthYear, MonthDayYear, Compact, UnixSeconds };
inline constexpr DateFormat kDateFormats[] = {DateFormat::Any, DateFormat::DayMonthYear,
                                              DateFormat::MonthDayYear, DateFormat::Compact,
                                              DateFormat::UnixSeconds};
// "any", "d/m/y" (09/05/2020, 9.5.20, 9-5-2020), "m/d/y", "yyyymmdd" (GDELT's SQLDATE), "unix"
// (seconds since 1970, UTC: ACLED's timestamp).
std::string_view dateFormatName(DateFormat format);
std::string_view dateFormatExample(DateFormat format);  // "09/05/2020"
std::optional<DateFormat> parseDateFormat(std::string_view name);
std::optional<Day> parseDateAs(std::string_view text, DateFormat format);

// One thing the app reads from an event row: its key in --columns, its ACLED column name, and
// where a ColumnMapping keeps the table's column for it.
struct EventField {
  std::string_view key;    // "lat"
  std::string_view acled;  // "latitude"
  std::string_view label;  // "Latitude", for the dialog
  std::string ColumnMapping::*column;
};
// Date, latitude and longitude first (they are required), then the rest in the dialog's order.
const std::vector<EventField>& eventFields();
// The format a mapping names ("" is Any); nothing for a name that is none.
std::optional<DateFormat> dateFormatOf(const ColumnMapping& mapping);

// Reads --columns' text: "date=Date,lat=Y,lon=X,type=Kind" with date_format=d/m/y and
// place=geometry; a column name may hold spaces and any script, but no ',' or '='. Returns the
// mapping, or a message naming the item and what was expected.
std::variant<ColumnMapping, std::string> parseColumnMapping(std::string_view text);
// The same text back (keys in eventFields' order): for the command line, workspaces, messages.
std::string columnMappingText(const ColumnMapping& mapping);

// Whether `mapping` fits a table with `columns` (and a geometry or not): a message naming each
// mapped column the table lacks, and the date, latitude or longitude left unmapped where the table
// has no column of ACLED's name either. `file` starts the message.
std::optional<std::string> mappingProblem(const std::string& file, const ColumnMapping& mapping,
                                          const std::vector<std::string>& columns,
                                          bool hasGeometry);

// Renames `row`'s fields by `mapping` (the date rewritten as YYYY-MM-DD, the place taken from
// `geometryPoint` where the mapping says so). Returns false after adding a notice naming the
// table's column when the date does not read in the mapping's format, or the geometry is missing.
bool applyMapping(const ColumnMapping& mapping, Row& row,
                  const std::optional<LonLat>& geometryPoint, std::vector<Notice>& notices);

}  // namespace idlib
