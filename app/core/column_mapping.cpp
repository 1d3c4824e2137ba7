#include "core/column_mapping.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <chrono>
#include <cmath>

#include "core/format.hpp"

namespace idlib {
namespace {

bool digits(std::string_view s, int& out) {
  if (s.empty() || s.size() > 4) return false;
  const auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
  return ec == std::errc() && p == s.data() + s.size();
}

// A calendar date in the years the app can show, as a day number.
std::optional<Day> validDay(int year, int month, int day) {
  if (year < 1900 || year > 2100 || month < 1 || month > 12 || day < 1) return std::nullopt;
  const std::chrono::year_month_day ymd{std::chrono::year(year),
                                        std::chrono::month(static_cast<unsigned>(month)),
                                        std::chrono::day(static_cast<unsigned>(day))};
  if (!ymd.ok()) return std::nullopt;
  return makeDay(year, static_cast<unsigned>(month), static_cast<unsigned>(day));
}

// The date part of "2020-05-09 14:30" or "2020-05-09T14:30:00Z": spreadsheets and GDAL's
// date-time fields add a time of day.
std::string_view withoutTime(std::string_view text) {
  const auto cut = text.find_first_of(" T");
  return cut == std::string_view::npos ? text : text.substr(0, cut);
}

// "09/05/2020", "9.5.20", "2020/05/09": three numbers between '/', '.' or '-'.
std::optional<std::array<std::string_view, 3>> threeParts(std::string_view text) {
  const auto s1 = text.find_first_of("/.-");
  if (s1 == std::string_view::npos) return std::nullopt;
  const char separator = text[s1];
  const auto s2 = text.find(separator, s1 + 1);
  if (s2 == std::string_view::npos || text.find(separator, s2 + 1) != std::string_view::npos)
    return std::nullopt;
  return std::array{text.substr(0, s1), text.substr(s1 + 1, s2 - s1 - 1), text.substr(s2 + 1)};
}

int fullYear(std::string_view text, int year) {
  if (text.size() == 2) return year + (year < 70 ? 2000 : 1900);  // as parseDate's d-Mon-yy
  return text.size() == 4 ? year : -1;
}

std::optional<Day> numericDate(std::string_view text, bool dayFirst) {
  const auto parts = threeParts(withoutTime(text));
  int a = 0, b = 0, y = 0;
  if (!parts || !digits((*parts)[0], a) || !digits((*parts)[1], b) || !digits((*parts)[2], y))
    return std::nullopt;
  if ((*parts)[0].size() > 2 || (*parts)[1].size() > 2) return std::nullopt;
  return dayFirst ? validDay(fullYear((*parts)[2], y), b, a)
                  : validDay(fullYear((*parts)[2], y), a, b);
}

// 2020-05-09, 2020/05/09 and either with a time after it.
std::optional<Day> yearFirstDate(std::string_view text) {
  const auto parts = threeParts(withoutTime(text));
  int y = 0, m = 0, d = 0;
  if (!parts || (*parts)[0].size() != 4 || !digits((*parts)[0], y) || !digits((*parts)[1], m) ||
      !digits((*parts)[2], d))
    return std::nullopt;
  return validDay(y, m, d);
}

std::optional<Day> compactDate(std::string_view text) {
  // GDELT's SQLDATE (20200509) and DATEADDED (20200509151500).
  if (text.size() != 8 && text.size() != 14) return std::nullopt;
  if (!std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; }))
    return std::nullopt;
  int y = 0, m = 0, d = 0;
  digits(text.substr(0, 4), y);
  digits(text.substr(4, 2), m);
  digits(text.substr(6, 2), d);
  return validDay(y, m, d);
}

std::optional<Day> unixDate(std::string_view text) {
  double seconds = 0;
  const auto [p, ec] = std::from_chars(text.data(), text.data() + text.size(), seconds);
  if (text.empty() || ec != std::errc() || p != text.data() + text.size() ||
      !std::isfinite(seconds))
    return std::nullopt;
  const double day = std::floor(seconds / 86400);
  if (day < makeDay(1900, 1, 1) || day > makeDay(2100, 12, 31)) return std::nullopt;
  return static_cast<Day>(day);
}

std::string keyList() {
  std::string keys;
  for (const EventField& f : eventFields())
    keys += std::string(f.key) + ", ";
  return keys + "date_format, place";
}

const EventField* fieldByKey(std::string_view key) {
  for (const EventField& f : eventFields())
    if (f.key == key) return &f;
  return nullptr;
}

}  // namespace

std::string_view dateFormatName(DateFormat format) {
  switch (format) {
    case DateFormat::Any:
      return "any";
    case DateFormat::DayMonthYear:
      return "d/m/y";
    case DateFormat::MonthDayYear:
      return "m/d/y";
    case DateFormat::Compact:
      return "yyyymmdd";
    case DateFormat::UnixSeconds:
      return "unix";
  }
  return "any";
}

std::string_view dateFormatExample(DateFormat format) {
  switch (format) {
    case DateFormat::Any:
      return "2020-05-09, 9 May 2020, 9-May-20";
    case DateFormat::DayMonthYear:
      return "09/05/2020, 9.5.20";
    case DateFormat::MonthDayYear:
      return "05/09/2020";
    case DateFormat::Compact:
      return "20200509";
    case DateFormat::UnixSeconds:
      return "1588982400";
  }
  return "";
}

std::optional<DateFormat> parseDateFormat(std::string_view name) {
  for (const DateFormat f : kDateFormats)
    if (dateFormatName(f) == name) return f;
  return std::nullopt;
}

std::optional<Day> parseDateAs(std::string_view text, DateFormat format) {
  text = trim(text);
  switch (format) {
    case DateFormat::Any:
      if (auto d = parseDate(text)) return d;
      return yearFirstDate(text);
    case DateFormat::DayMonthYear:
      return numericDate(text, true);
    case DateFormat::MonthDayYear:
      return numericDate(text, false);
    case DateFormat::Compact:
      return compactDate(text);
    case DateFormat::UnixSeconds:
      return unixDate(text);
  }
  return std::nullopt;
}

const std::vector<EventField>& eventFields() {
  static const std::vector<EventField> fields = {
      {"date", "event_date", "Date", &ColumnMapping::date},
      {"lat", "latitude", "Latitude", &ColumnMapping::latitude},
      {"lon", "longitude", "Longitude", &ColumnMapping::longitude},
      {"type", "event_type", "Type", &ColumnMapping::type},
      {"actor1", "actor1", "Actor 1", &ColumnMapping::actor1},
      {"actor2", "actor2", "Actor 2", &ColumnMapping::actor2},
      {"location", "location", "Place name", &ColumnMapping::location},
      {"notes", "notes", "Text", &ColumnMapping::notes},
      {"fatalities", "fatalities", "Fatalities", &ColumnMapping::fatalities},
      {"source", "source", "Source", &ColumnMapping::source},
  };
  return fields;
}

std::optional<DateFormat> dateFormatOf(const ColumnMapping& mapping) {
  return mapping.dateFormat.empty() ? DateFormat::Any : parseDateFormat(mapping.dateFormat);
}

std::variant<ColumnMapping, std::string> parseColumnMapping(std::string_view text) {
  ColumnMapping m;
  const auto error = [&](std::string_view item, std::string_view why) {
    return fmt::format("--columns '{}': {}", item, why);
  };
  std::vector<std::string> seen;
  for (const std::string& item : splitList(text, ',')) {
    const auto eq = item.find('=');
    if (eq == std::string::npos)
      return error(item, "expected KEY=COLUMN, e.g. date=Date,lat=Y,lon=X");
    const std::string key(trim(std::string_view(item).substr(0, eq)));
    const std::string value(trim(std::string_view(item).substr(eq + 1)));
    if (value.empty()) return error(item, fmt::format("no column named after '{}='", key));
    if (value.find('=') != std::string::npos)
      return error(item, "a column name cannot hold '=' (items are separated by ',')");
    if (std::find(seen.begin(), seen.end(), key) != seen.end())
      return error(item, fmt::format("'{}' is given twice", key));
    seen.push_back(key);
    if (key == "date_format") {
      const auto format = parseDateFormat(value);
      if (!format)
        return error(item, "the date format is not one of any, d/m/y, m/d/y, yyyymmdd, unix");
      m.dateFormat = *format == DateFormat::Any ? "" : value;
    } else if (key == "place") {
      if (value != "geometry")
        return error(item, "place= takes only 'geometry' (else give lat= and lon=)");
      m.useGeometry = true;
    } else if (const EventField* field = fieldByKey(key)) {
      m.*(field->column) = value;
    } else {
      return error(item, fmt::format("unknown key '{}' (keys: {})", key, keyList()));
    }
  }
  if (m.useGeometry && (!m.latitude.empty() || !m.longitude.empty()))
    return error(text, "give either place=geometry or lat= and lon=, not both");
  if (m.empty()) return error(text, "names no column (expected e.g. date=Date,lat=Y,lon=X)");
  return m;
}

std::string columnMappingText(const ColumnMapping& mapping) {
  std::vector<std::string> items;
  for (const EventField& f : eventFields())
    if (const std::string& c = mapping.*(f.column); !c.empty())
      items.push_back(fmt::format("{}={}", f.key, c));
  if (!mapping.dateFormat.empty()) items.push_back("date_format=" + mapping.dateFormat);
  if (mapping.useGeometry) items.emplace_back("place=geometry");
  std::string text;
  for (const std::string& item : items)
    text += (text.empty() ? "" : ",") + item;
  return text;
}

std::optional<std::string> mappingProblem(const std::string& file, const ColumnMapping& mapping,
                                          const std::vector<std::string>& columns,
                                          bool hasGeometry) {
  const auto has = [&](std::string_view c) {
    return std::find(columns.begin(), columns.end(), c) != columns.end();
  };
  std::vector<std::string> problems;
  for (const EventField& f : eventFields())
    if (const std::string& c = mapping.*(f.column); !c.empty() && !has(c))
      problems.push_back(fmt::format("{}={}: the table has no column '{}'", f.key, c, c));
  if (!dateFormatOf(mapping))
    problems.push_back(fmt::format("date_format={}: not one of any, d/m/y, m/d/y, yyyymmdd, unix",
                                   mapping.dateFormat));
  if (mapping.useGeometry && !hasGeometry)
    problems.emplace_back("place=geometry: the table has no geometry (give lat= and lon=)");
  for (const EventField& f : eventFields()) {
    if (f.key != "date" && f.key != "lat" && f.key != "lon") continue;
    const bool byGeometry = mapping.useGeometry && f.key != "date";
    if (!byGeometry && (mapping.*(f.column)).empty() && !has(f.acled))
      problems.push_back(fmt::format("no column for the {} (give {}=COLUMN{})", f.label, f.key,
                                     f.key == "date" || !hasGeometry ? "" : " or place=geometry"));
  }
  if (problems.empty()) return std::nullopt;
  std::string message = file + ": ";
  for (std::size_t i = 0; i < problems.size(); ++i)
    message += (i ? "; " : "") + problems[i];
  std::string found;
  for (const std::string& c : columns)
    found += (found.empty() ? "" : ", ") + c;
  return fmt::format("{}; found: {}; table skipped", message, found.empty() ? "no columns" : found);
}

bool applyMapping(const ColumnMapping& mapping, Row& row,
                  const std::optional<LonLat>& geometryPoint, std::vector<Notice>& notices) {
  const auto fail = [&](const std::string& why) {
    notices.push_back({Severity::Error, fmt::format("{}: {}; row skipped", row.where(), why)});
    return false;
  };
  // Read every mapped value first: one column may feed two fields, or a field's ACLED name may be
  // another mapped column's.
  std::vector<std::pair<std::string_view, std::string>> values;
  for (const EventField& f : eventFields())
    if (const std::string& c = mapping.*(f.column); !c.empty())
      values.emplace_back(f.acled, row.get(c));
  for (auto& [acled, value] : values)
    row.fields[std::string(acled)] = std::move(value);
  if (mapping.useGeometry) {
    if (!geometryPoint) return fail("has no geometry (the mapping takes the place from it)");
    row.fields["latitude"] = fmt::format("{:.7f}", geometryPoint->lat);
    row.fields["longitude"] = fmt::format("{:.7f}", geometryPoint->lon);
  }
  const std::string text = row.get("event_date");
  if (text.empty()) return true;  // eventFromRow says the date is missing
  const DateFormat format = dateFormatOf(mapping).value_or(DateFormat::Any);
  const auto day = parseDateAs(text, format);
  const std::string column = mapping.date.empty() ? "event_date" : mapping.date;
  if (!day && format == DateFormat::Any)
    return fail(fmt::format(
        "{} '{}' is not a date (e.g. {}); for another form give date_format=d/m/y, m/d/y, "
        "yyyymmdd or unix",
        column, text, dateFormatExample(format)));
  if (!day)
    return fail(fmt::format("{} '{}' is not a date in the format {} (e.g. {})", column, text,
                            dateFormatName(format), dateFormatExample(format)));
  row.fields["event_date"] = formatDate(*day);
  return true;
}

}  // namespace idlib
