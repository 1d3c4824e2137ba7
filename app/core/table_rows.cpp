#include "core/table_rows.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <filesystem>

#include "core/column_mapping.hpp"
#include "core/utf8_text.hpp"

namespace idlib {
namespace {

std::optional<double> number(std::string_view s) {
  if (s.empty()) return std::nullopt;
  double v = 0;
  const auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || p != s.data() + s.size() || !std::isfinite(v)) return std::nullopt;
  return v;
}

std::optional<long long> wholeNumber(std::string_view s) {
  const auto v = number(s);
  if (!v || std::abs(*v) > 1e15) return std::nullopt;
  return static_cast<long long>(std::floor(*v));
}

std::optional<long> count(std::string_view s) {
  const auto v = number(s);
  // Above LONG_MAX the conversion is undefined; no count of anything is that large.
  if (!v || *v < 0 || *v > 1e15) return std::nullopt;
  return static_cast<long>(*v);
}

// A field of a Row by its name, of EventFields by its column; and its name for messages.
std::string_view textOf(const Row& row, std::string_view name) {
  return row.get(name);
}
std::string_view textOf(const EventFields& row, EventColumn column) {
  return row.get(column);
}
std::string_view nameOf(std::string_view name) {
  return name;
}
std::string_view nameOf(EventColumn column) {
  return eventColumnsRead()[static_cast<std::size_t>(column)];
}

// Checks a row's fields one by one, reporting each problem with the row's file and line.
template <class Fields>
class RowChecker {
 public:
  RowChecker(const Fields& row, std::vector<Notice>& notices) : row_(row), notices_(notices) {}
  bool ok() const { return ok_; }
  void fail(const std::string& what) {
    notices_.push_back({Severity::Error, fmt::format("{}: {}; row skipped", row_.where(), what)});
    ok_ = false;
  }
  template <class Key>
  std::optional<Day> date(Key field, bool required) {
    const std::string_view text = textOf(row_, field);
    if (text.empty()) {
      if (required) fail(fmt::format("{} is empty (expected a date, YYYY-MM-DD)", nameOf(field)));
      return std::nullopt;
    }
    const auto d = parseDate(text);
    if (!d)
      fail(fmt::format("{} '{}' is not a date (expected YYYY-MM-DD, 3 May 2020 or 3-May-20)",
                       nameOf(field), text));
    return d;
  }
  // Unix seconds, as ACLED's timestamp column.
  template <class Key>
  std::optional<Day> timestampDate(Key field) {
    const std::string_view text = textOf(row_, field);
    const auto d = parseDateAs(text, DateFormat::UnixSeconds);
    if (!d)
      fail(fmt::format("{} '{}' is not a date (expected Unix seconds, e.g. 1588982400)",
                       nameOf(field), text));
    return d;
  }
  template <class Key>
  DatePrecision precision(Key field) {
    const std::string_view text = textOf(row_, field);
    // ACLED writes time_precision as 1 (day), 2 (week) or 3 (month).
    if (text == "1") return DatePrecision::Day;
    if (text == "2") return DatePrecision::Week;
    if (text == "3") return DatePrecision::Month;
    if (auto p = parsePrecision(text)) return *p;
    fail(fmt::format("{} '{}' is not one of day, week, month, year", nameOf(field), text));
    return DatePrecision::Day;
  }
  template <class Key>
  std::optional<long> people(Key field) {
    const std::string_view text = textOf(row_, field);
    const auto v = number(text);
    if (!v || *v < 0 || *v != std::floor(*v) || *v > 1e12) {
      fail(fmt::format("{} '{}' is not a count of people (expected a whole number, 0 or more)",
                       nameOf(field), text));
      return std::nullopt;
    }
    return static_cast<long>(*v);
  }
  template <class Key>
  std::optional<LonLat> position(Key latField, Key lonField, bool required) {
    const std::string_view latText = textOf(row_, latField);
    const std::string_view lonText = textOf(row_, lonField);
    if (latText.empty() && lonText.empty() && !required) return std::nullopt;
    const auto lat = number(latText), lon = number(lonText);
    if (!lat || !lon) {
      fail(fmt::format("{}/{} '{}', '{}' are not numbers (expected decimal degrees)",
                       nameOf(latField), nameOf(lonField), latText, lonText));
      return std::nullopt;
    }
    if (std::abs(*lat) > 90 || std::abs(*lon) > 180) {
      fail(fmt::format(
          "coordinates {}, {} are outside the world (latitude within ±90, longitude within ±180)",
          *lat, *lon));
      return std::nullopt;
    }
    return LonLat{*lon, *lat};
  }

 private:
  const Fields& row_;
  std::vector<Notice>& notices_;
  bool ok_ = true;
};

// The file's name without its folder (std::filesystem::path::filename, without making a path for
// each of a million rows).
std::string_view fileName(std::string_view file) {
  const std::size_t slash = file.rfind('/');
  return slash == std::string_view::npos ? file : file.substr(slash + 1);
}

// Into `p`, whose strings keep their memory when it is reused from row to row.
void setProvenance(const EventFields& row, Provenance& p) {
  p.file.assign(fileName(row.file));
  p.line = row.line;
  p.source = row.get(EventColumn::Source);
  p.confidence = row.get(EventColumn::Confidence);
}

Provenance provenanceOf(const Row& row) {
  Provenance p;
  p.file.assign(fileName(row.file));
  p.line = row.line;
  p.source = row.get("source");
  p.confidence = row.get("confidence");
  return p;
}

std::string placeOfRow(std::string_view file, bool byLine, int line) {
  return fmt::format("{} {} {}", file, byLine ? "line" : "feature", line);
}

bool isNumber(std::string_view text) {
  double ignored = 0;
  const auto [p, ec] = std::from_chars(text.data(), text.data() + text.size(), ignored);
  return !text.empty() && ec == std::errc() && p == text.data() + text.size();
}

// GDAL names the columns field_1, field_2... when it finds no header (a first line of numbers).
bool namedByGdal(std::string_view name) {
  return name.starts_with("field_") && isNumber(name.substr(6));
}

// A name found where the header should be that reads as data: a missing or moved header.
bool looksLikeData(std::string_view name) {
  return isNumber(name) || parseDate(name).has_value();
}

// A found column name as a message can show it: UTF-8, no control characters, not too long.
std::string shownName(std::string_view name) {
  constexpr std::size_t kLongest = 40;
  std::string shown = isUtf8(name) ? std::string(name) : windows1252ToUtf8(name);
  for (char& c : shown)
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) c = '?';
  if (shown.size() > kLongest) {
    std::size_t cut = kLongest;
    while (cut > 0 && (static_cast<unsigned char>(shown[cut]) & 0xC0) == 0x80)
      --cut;
    shown = shown.substr(0, cut) + "...";
  }
  return shown;
}

std::string foundList(const std::vector<std::string>& columns) {
  constexpr std::size_t kShown = 20;
  if (columns.empty()) return "no columns";
  std::string list;
  for (std::size_t i = 0; i < columns.size() && i < kShown; ++i)
    list += (i ? ", " : "") + shownName(columns[i]);
  if (columns.size() > kShown) list += fmt::format(" and {} more", columns.size() - kShown);
  return list;
}

// What was found instead, and, where the header seems missing or moved, that it must come first.
std::string foundInstead(const std::vector<std::string>& columns,
                         const std::vector<std::string>& firstRow,
                         const std::vector<std::string_view>& missing) {
  const auto any = [](const auto& list, auto predicate) {
    return std::any_of(list.begin(), list.end(), predicate);
  };
  constexpr std::string_view kHeaderFirst = "the first line must be the header naming the columns";
  if (!columns.empty() &&
      std::all_of(columns.begin(), columns.end(), [](const auto& c) { return namedByGdal(c); }))
    return fmt::format("found no header, only data ({})", kHeaderFirst);
  std::string found = "found: " + foundList(columns);
  if (any(firstRow, [&](const std::string& value) {
        return std::find(missing.begin(), missing.end(), value) != missing.end();
      }))
    return found + fmt::format(" (the header seems to be on line 2: {})", kHeaderFirst);
  if (any(columns, [](const std::string& c) { return looksLikeData(c); }))
    return found + fmt::format(" (these look like data: {})", kHeaderFirst);
  return found;
}

}  // namespace

std::string Row::where() const {
  return placeOfRow(file, byLine, line);
}

std::string EventFields::where() const {
  return placeOfRow(file, byLine, line);
}

EventFields eventFieldsOf(const Row& row) {
  EventFields fields;
  fields.file = row.file;
  fields.line = row.line;
  fields.byLine = row.byLine;
  for (std::size_t c = 0; c < kEventColumnCount; ++c)
    if (const auto it = row.fields.find(eventColumnsRead()[c]); it != row.fields.end()) {
      fields.text[c] = it->second;
      fields.set[c] = true;
    }
  return fields;
}

const std::string& Row::get(std::string_view name) const {
  static const std::string none;
  auto it = fields.find(name);
  return it == fields.end() ? none : it->second;
}

std::span<const std::string_view> requiredColumns(Table table) {
  static constexpr std::array<std::string_view, 3> events = {"event_date", "latitude", "longitude"};
  static constexpr std::array<std::string_view, 1> posts = {"name"};
  static constexpr std::array<std::string_view, 5> control = {"locality", "date", "controller",
                                                              "latitude", "longitude"};
  static constexpr std::array<std::string_view, 5> figures = {"date", "people", "measure",
                                                              "latitude", "longitude"};
  static constexpr std::array<std::string_view, 5> flows = {"people", "period_start", "period_end",
                                                            "origin", "destination"};
  switch (table) {
    case Table::Events:
      return events;
    case Table::Posts:
      return posts;
    case Table::ControlChanges:
      return control;
    case Table::DisplacementFigures:
      return figures;
    case Table::DisplacementFlows:
      return flows;
  }
  return {};
}

std::optional<std::string> missingColumnsMessage(const std::string& file, Table table,
                                                 const std::vector<std::string>& columns,
                                                 const std::vector<std::string>& firstRow) {
  std::vector<std::string_view> missing;
  const auto has = [&](std::string_view name) {
    return std::find(columns.begin(), columns.end(), name) != columns.end();
  };
  for (const std::string_view name : requiredColumns(table))
    // An ACLED export without event_date still dates its rows by their timestamp.
    if (!has(name) && !(table == Table::Events && name == "event_date" && has("timestamp")))
      missing.push_back(name);
  if (missing.empty()) return std::nullopt;
  return fmt::format("{}: no {} column{}; {}; table skipped", file, fmt::join(missing, ", "),
                     missing.size() > 1 ? "s" : "", foundInstead(columns, firstRow, missing));
}

namespace {

// Plain ASCII, checked eight bytes at a time: nearly every field of a big table is.
bool isAscii(std::string_view text) {
  std::size_t i = 0;
  for (std::uint64_t word = 0; i + sizeof word <= text.size(); i += sizeof word) {
    std::memcpy(&word, text.data() + i, sizeof word);
    if (word & 0x8080808080808080ULL) return false;
  }
  for (; i < text.size(); ++i)
    if (static_cast<unsigned char>(text[i]) & 0x80) return false;
  return true;
}

}  // namespace

void TextRepair::repair(Row& row, std::vector<Notice>& notices) {
  for (auto& [name, text] : row.fields) {
    if (isAscii(text) || isUtf8(text)) continue;
    text = windows1252ToUtf8(text);
    report(row.where(), name, notices);
  }
}

void TextRepair::repair(EventFields& row, std::array<std::string, kEventColumnCount>& repaired,
                        std::vector<Notice>& notices) {
  // In the columns' alphabetical order, as a Row's fields are: the same field is reported.
  static const std::array<std::size_t, kEventColumnCount> byName = [] {
    std::array<std::size_t, kEventColumnCount> order{};
    for (std::size_t c = 0; c < order.size(); ++c)
      order[c] = c;
    std::sort(order.begin(), order.end(), [](std::size_t a, std::size_t b) {
      return eventColumnsRead()[a] < eventColumnsRead()[b];
    });
    return order;
  }();
  for (const std::size_t c : byName) {
    std::string_view& text = row.text[c];
    if (isAscii(text) || isUtf8(text)) continue;
    repaired[c] = windows1252ToUtf8(text);
    text = repaired[c];
    report(row.where(), eventColumnsRead()[c], notices);
  }
}

void TextRepair::report(const std::string& where, std::string_view name,
                        std::vector<Notice>& notices) {
  if (reported_) return;
  reported_ = true;
  notices.push_back({Severity::Warning,
                     fmt::format("{}: field '{}' is not UTF-8; read as Latin-1 (Windows-1252); "
                                 "any later such fields in this file too",
                                 where, shownName(name))});
}

std::span<const std::string_view> eventColumnsRead() {
  // In EventColumn's order.
  static constexpr std::array<std::string_view, kEventColumnCount> columns = {
      "timestamp", "event_date",    "time_precision", "date_precision", "latitude",
      "longitude", "event_id",      "event_id_cnty",  "event_type",     "actor1",
      "actor2",    "location",      "admin1",         "admin2",         "admin3",
      "iso",       "assoc_actor_1", "assoc_actor_2",  "geo_precision",  "fatalities",
      "displaced", "attacks",       "notes",          "date_basis",     "source",
      "confidence"};
  return columns;
}

bool readEvent(const EventFields& row, Event& e, std::vector<Notice>& notices) {
  using C = EventColumn;
  RowChecker check(row, notices);
  e.timestamp = wholeNumber(row.get(C::Timestamp));
  const bool byTimestamp = row.get(C::EventDate).empty() && row.has(C::Timestamp);
  const auto date =
      byTimestamp ? check.timestampDate(C::Timestamp) : check.date(C::EventDate, true);
  e.precision = check.precision(row.has(C::TimePrecision) ? C::TimePrecision : C::DatePrecision);
  const auto where = check.position(C::Latitude, C::Longitude, true);
  if (!check.ok()) return false;
  e.id = row.get(C::EventId).empty() ? row.get(C::EventIdCnty) : row.get(C::EventId);
  e.date = *date;
  e.where = *where;
  e.type = row.get(C::EventType);
  e.actor1 = row.get(C::Actor1);
  e.actor2 = row.get(C::Actor2);
  e.location = row.get(C::Location);
  e.admin1 = row.get(C::Admin1);
  e.admin2 = row.get(C::Admin2);
  e.admin3 = row.get(C::Admin3);
  e.iso = row.get(C::Iso);
  e.assocActor1 = row.get(C::AssocActor1);
  e.assocActor2 = row.get(C::AssocActor2);
  const auto place = parsePlacePrecision(row.get(C::GeoPrecision));
  if (!place)
    notices.push_back({Severity::Warning,
                       fmt::format("{}: geo_precision '{}' is not town, near, region, country or "
                                   "1-3; the place is taken as the whole region",
                                   row.where(), shownName(row.get(C::GeoPrecision)))});
  e.place = place.value_or(PlacePrecision::Region);
  // A row that leaves its place name empty names no town: its place is the region at best.
  if (row.has(C::Location) && row.get(C::Location).empty())
    e.place = std::max(e.place, PlacePrecision::Region);
  e.fatalities = count(row.get(C::Fatalities));
  e.displaced = count(row.get(C::Displaced));
  e.attacks = count(row.get(C::Attacks));
  e.notes = row.get(C::Notes);
  e.dateBasis = row.get(C::DateBasis);
  // ACLED's timestamp is when the row was recorded, later than the event: say so where it dates
  // the event.
  if (byTimestamp && e.dateBasis.empty())
    e.dateBasis = "the day the row was recorded (its timestamp; it has no event_date)";
  setProvenance(row, e.provenance);
  return true;
}

std::optional<Event> eventFromRow(const Row& row, std::vector<Notice>& notices) {
  Event e;
  if (!readEvent(eventFieldsOf(row), e, notices)) return std::nullopt;
  return e;
}

std::optional<ObservationPost> postFromRow(const Row& row, std::vector<Notice>& notices) {
  RowChecker check(row, notices);
  ObservationPost p;
  p.established = check.date("established", false);
  p.encircled = check.date("encircled", false);
  p.withdrawn = check.date("withdrawn", false);
  p.establishedPrecision = check.precision("established_precision");
  p.encircledPrecision = check.precision("encircled_precision");
  p.withdrawnPrecision = check.precision("withdrawn_precision");
  const auto where = check.position("latitude", "longitude", false);
  if (!check.ok()) return std::nullopt;
  p.id = row.get("post_id");
  p.name = row.get("name");
  p.number = row.get("number");
  p.locationNote = row.get("location_note");
  p.notes = row.get("notes");
  p.provenance = provenanceOf(row);
  if (where) {
    p.where = *where;
  } else {
    notices.push_back(
        {Severity::Info, fmt::format("{}: post '{}' has no coordinates; it is listed but not drawn",
                                     row.where(), p.name)});
    p.where = {NAN, NAN};
    p.position = {NAN, NAN};
  }
  return p;
}

std::optional<ControlChangeRow> controlChangeFromRow(const Row& row, std::vector<Notice>& notices) {
  RowChecker check(row, notices);
  const auto date = check.date("date", true);
  const auto where = check.position("latitude", "longitude", true);
  const std::string controllerText = row.get("controller");
  const auto controller = parseController(controllerText);
  if (!controller)
    check.fail(
        fmt::format("controller '{}' is unknown (expected government, opposition, turkey or sdf)",
                    controllerText));
  const DatePrecision precision = check.precision("date_precision");
  std::string name = row.get("locality");
  if (name.empty()) check.fail("locality is empty");
  if (!check.ok()) return std::nullopt;
  return ControlChangeRow{
      std::move(name), *where,
      ControlChange{*date, *controller, precision, row.get("notes"), provenanceOf(row)}};
}

void LocalityCollector::add(ControlChangeRow row) {
  auto [it, added] = index_.try_emplace(row.locality, localities_.size());
  if (added) localities_.push_back({row.locality, row.where, {}, {}});
  localities_[it->second].history.push_back(std::move(row.change));
}

std::optional<DisplacementFigure> figureFromRow(const Row& row, std::vector<Notice>& notices) {
  RowChecker check(row, notices);
  DisplacementFigure f;
  const auto date = check.date("date", true);
  f.precision = check.precision("date_precision");
  f.periodStart = check.date("period_start", false);
  f.periodEnd = check.date("period_end", false);
  const auto people = check.people("people");
  const std::string measureText = row.get("measure");
  const auto measure = parseMeasure(measureText);
  if (!measure)
    check.fail(
        fmt::format("measure '{}' is unknown (expected displaced, displaced_cumulative, "
                    "population, refugees_hosted or in_need)",
                    measureText));
  const auto where = check.position("latitude", "longitude", true);
  if (!check.ok()) return std::nullopt;
  f.id = row.get("figure_id");
  f.date = *date;
  f.people = *people;
  f.measure = *measure;
  f.description = row.get("description");
  f.place = row.get("place");
  f.where = *where;
  f.provenance = provenanceOf(row);
  return f;
}

std::optional<DisplacementFlow> flowFromRow(const Row& row, const std::vector<Locality>& known,
                                            std::vector<Notice>& notices) {
  RowChecker check(row, notices);
  DisplacementFlow f;
  const auto people = check.people("people");
  const auto start = check.date("period_start", true);
  const auto end = check.date("period_end", true);
  f.origin = row.get("origin");
  f.destination = row.get("destination");
  // A place is given by coordinates, or by the name of a known locality.
  auto place = [&](const std::string& name, const char* lat, const char* lon,
                   const char* role) -> std::optional<LonLat> {
    if (!row.get(lat).empty() || !row.get(lon).empty()) return check.position(lat, lon, true);
    for (const auto& l : known)
      if (l.name == name) return l.where;
    check.fail(fmt::format("{} '{}' is not a known place and has no coordinates", role, name));
    return std::nullopt;
  };
  const auto from = place(f.origin, "origin_lat", "origin_lon", "origin");
  const auto to = place(f.destination, "dest_lat", "dest_lon", "destination");
  if (start && end && *end < *start) check.fail("period_end is before period_start");
  if (!check.ok()) return std::nullopt;
  f.id = row.get("flow_id");
  f.people = *people;
  f.start = *start;
  f.end = *end;
  f.from = *from;
  f.to = *to;
  f.inTotals = row.get("in_totals") != "no";
  f.notes = row.get("notes");
  f.provenance = provenanceOf(row);
  return f;
}

}  // namespace idlib
