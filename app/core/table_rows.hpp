#pragma once
// The dated tables' rows turned into the model: events, observation posts, control changes,
// displacement figures and flows. A row is text fields (GDAL reads them in geo; tests and fuzzers
// make them by hand); positions come out in degrees and the caller projects them. Bad rows are
// reported with file and line and skipped; the rest loads.
#include <array>
#include <bitset>
#include <cstdint>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostics.hpp"
#include "core/displacement.hpp"
#include "core/timeline.hpp"

namespace idlib {

// One row as text fields, with a place to report it by.
struct Row {
  std::map<std::string, std::string, std::less<>> fields;
  std::string file;    // as the user named it
  int line = 0;        // the file's line for a text table, the feature id otherwise
  bool byLine = true;  // whether `line` is a line ("line 12") or a feature ("feature 12")

  std::string where() const;                            // "events.csv line 12"
  const std::string& get(std::string_view name) const;  // "" where the row has no such field
  bool has(std::string_view name) const { return fields.find(name) != fields.end(); }
};

// The columns eventFromRow reads (ACLED's names), in EventColumn's order: a reader may leave the
// others unread.
std::span<const std::string_view> eventColumnsRead();
enum class EventColumn : std::uint8_t {
  Timestamp,
  EventDate,
  TimePrecision,
  DatePrecision,
  Latitude,
  Longitude,
  EventId,
  EventIdCnty,
  EventType,
  Actor1,
  Actor2,
  Location,
  Admin1,
  Admin2,
  Admin3,
  Iso,
  AssocActor1,
  AssocActor2,
  GeoPrecision,
  Fatalities,
  Displaced,
  Attacks,
  Notes,
  DateBasis,
  Source,
  Confidence
};
inline constexpr std::size_t kEventColumnCount = 26;

// One row's event columns found by position, not by name, as views into what its reader keeps
// (a Row; a GDAL feature until the next): a big table's rows are read without a Row of strings
// each (issue 12).
struct EventFields {
  std::array<std::string_view, kEventColumnCount> text{};
  std::bitset<kEventColumnCount> set;  // the fields the row has (Row::has)
  std::string_view file;
  int line = 0;
  bool byLine = true;

  std::string_view get(EventColumn c) const { return text[static_cast<std::size_t>(c)]; }
  bool has(EventColumn c) const { return set[static_cast<std::size_t>(c)]; }
  std::string where() const;
};
// `row`'s event columns, as views into it.
EventFields eventFieldsOf(const Row& row);

enum class Table { Events, Posts, ControlChanges, DisplacementFigures, DisplacementFlows };

// The columns a table must have for any of its rows to be read.
std::span<const std::string_view> requiredColumns(Table table);
// One message when `columns` lacks required ones, naming those missing and those found:
// "events.csv: no event_date, latitude columns; found: id, date, place; table skipped". Where the
// header seems missing (names that read as data) or moved (`firstRow`, the values of the first
// row, holds missing names), it adds that the first line must be the header.
std::optional<std::string> missingColumnsMessage(const std::string& file, Table table,
                                                 const std::vector<std::string>& columns,
                                                 const std::vector<std::string>& firstRow = {});

// Reads fields that are not UTF-8 as Windows-1252 (Latin-1), reporting the first one in a file.
class TextRepair {
 public:
  void repair(Row& row, std::vector<Notice>& notices);
  // The same for a row's event columns: a field repaired is kept in `repaired`, by column.
  void repair(EventFields& row, std::array<std::string, kEventColumnCount>& repaired,
              std::vector<Notice>& notices);

 private:
  void report(const std::string& where, std::string_view name, std::vector<Notice>& notices);
  bool reported_ = false;
};

// Each reader returns the row's record, or nothing after adding a notice saying why.
std::optional<Event> eventFromRow(const Row& row, std::vector<Notice>& notices);
// eventFromRow into `e`, reused from row to row so its strings keep their memory (a big table's
// load, issue 12): every field but position and sourceIndex is set. False after the notice.
bool readEvent(const EventFields& row, Event& e, std::vector<Notice>& notices);
// A post without coordinates is kept (listed, not drawn) with NaN `where`, and a note says so.
std::optional<ObservationPost> postFromRow(const Row& row, std::vector<Notice>& notices);

struct ControlChangeRow {
  std::string locality;
  LonLat where;
  ControlChange change;
};
std::optional<ControlChangeRow> controlChangeFromRow(const Row& row, std::vector<Notice>& notices);

// Gathers control changes into localities by name, in the order each name first appears.
class LocalityCollector {
 public:
  void add(ControlChangeRow row);
  std::vector<Locality> take() { return std::move(localities_); }

 private:
  std::vector<Locality> localities_;
  std::map<std::string, std::size_t, std::less<>> index_;
};

std::optional<DisplacementFigure> figureFromRow(const Row& row, std::vector<Notice>& notices);
// A flow's ends are coordinates, or the names of `known` localities.
std::optional<DisplacementFlow> flowFromRow(const Row& row, const std::vector<Locality>& known,
                                            std::vector<Notice>& notices);

}  // namespace idlib
