#include "core/column_guess.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cmath>

#include "core/format.hpp"

namespace idlib {
namespace {

// "Date of incident" -> "dateofincident", "ActionGeo_Lat" -> "actiongeolat"; letters of other
// scripts (Arabic) are kept as they are.
std::string normalised(std::string_view name) {
  std::string out;
  for (const char c : name) {
    const auto u = static_cast<unsigned char>(c);
    if (u >= 0x80 || std::isalnum(u)) out += static_cast<char>(u < 0x80 ? std::tolower(u) : u);
  }
  return out;
}

// Names a column of each role goes by: whole (normalised) names score 3, a name ending in a
// suffix 2, containing a word 1.
struct NameHints {
  std::vector<std::string_view> whole, suffixes, words;
};

int nameScore(std::string_view column, const NameHints& hints) {
  const std::string n = normalised(column);
  if (std::find(hints.whole.begin(), hints.whole.end(), n) != hints.whole.end()) return 3;
  for (const auto s : hints.suffixes)
    if (n.size() > s.size() && n.ends_with(s)) return 2;
  for (const auto w : hints.words)
    if (n.find(w) != std::string::npos) return 1;
  return 0;
}

// Arabic words: تاريخ date, عرض latitude (خط العرض), طول longitude (خط الطول), نوع type,
// موقع/مكان place, وصف/ملاحظات text, قتلى killed, مصدر source, فاعل perpetrator, ضحية victim.
const NameHints kDate{{"date", "eventdate", "sqldate", "day", "datum", "fecha", "dateofincident",
                       "incidentdate", "dateofevent"},
                      {"date"},
                      {"date", "تاريخ"}};
const NameHints kTimestamp{{"timestamp", "epoch", "unixtime"}, {"timestamp"}, {}};
const NameHints kLat{{"lat", "latitude", "y", "actiongeolat"}, {"lat", "latitude"}, {"عرض"}};
const NameHints kLon{{"lon", "long", "lng", "longitude", "x", "actiongeolong"},
                     {"long", "lon", "lng", "longitude"},
                     {"طول"}};
const NameHints kType{{"type", "eventtype", "kind", "category", "incidenttype", "typeofincident",
                       "eventrootcode", "eventcode"},
                      {"type"},
                      {"نوع", "category"}};
const NameHints kActor1{{"actor1", "actor1name", "perpetrator", "attacker", "actor"},
                        {"actor1"},
                        {"فاعل", "perpetrator"}};
const NameHints kActor2{{"actor2", "actor2name", "target", "victim"}, {"actor2"}, {"ضحية"}};
const NameHints kLocation{{"location", "place", "town", "city", "village", "locality",
                           "actiongeofullname", "placename", "locationname"},
                          {"location", "place"},
                          {"موقع", "مكان", "مدينة"}};
const NameHints kNotes{
    {"notes", "description", "text", "summary", "details", "note"}, {}, {"وصف", "ملاحظات"}};
const NameHints kFatalities{
    {"fatalities", "deaths", "killed", "dead", "numberkilled", "casualties"}, {}, {"قتلى"}};
const NameHints kSource{{"source", "sourceurl", "url", "link", "sources"}, {}, {"مصدر"}};

std::vector<std::string> valuesOf(const TableSample& sample, const std::string& column) {
  std::vector<std::string> values;
  for (const Row& row : sample.rows)
    if (std::string v(trim(row.get(column))); !v.empty()) values.push_back(std::move(v));
  return values;
}

std::optional<double> number(std::string_view s) {
  double v = 0;
  const auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (s.empty() || ec != std::errc() || p != s.data() + s.size() || !std::isfinite(v))
    return std::nullopt;
  return v;
}

// Whether `good` of `total` values are enough to tell a column's kind: a real table's first rows
// may hold a typo or two, which the preview then shows.
bool mostly(std::size_t good, std::size_t total) {
  const std::size_t bad = total - good;
  return good > bad && bad <= std::max<std::size_t>(1, total / 5);
}

// Whether the values are mostly numbers within ±`limit`, not all of them whole (coordinates have
// decimals; counts and codes do not).
bool coordinates(const std::vector<std::string>& values, double limit) {
  std::size_t good = 0;
  bool fraction = false;
  for (const auto& v : values) {
    const auto n = number(v);
    if (!n || std::abs(*n) > limit) continue;
    ++good;
    fraction = fraction || *n != std::floor(*n);
  }
  return fraction && mostly(good, values.size());
}

bool counts(const std::vector<std::string>& values) {
  return !values.empty() && std::all_of(values.begin(), values.end(), [](const auto& v) {
    const auto n = number(v);
    return n && *n >= 0 && *n == std::floor(*n);
  });
}

// The columns in the table's order, best name first; columns already taken are left out.
struct Picker {
  const TableSample& sample;
  std::vector<std::string> taken;

  bool free(const std::string& c) const {
    return std::find(taken.begin(), taken.end(), c) == taken.end();
  }
  // The free column with the best name for `hints` whose values pass `fits`; "" where none.
  template <typename Fits>
  std::string byName(const NameHints& hints, Fits fits) {
    std::string best;
    int bestScore = 0;
    for (const std::string& c : sample.columns) {
      const int score = nameScore(c, hints);
      if (score > bestScore && free(c) && fits(valuesOf(sample, c))) {
        best = c;
        bestScore = score;
      }
    }
    if (!best.empty()) taken.push_back(best);
    return best;
  }
};

void guessDate(const TableSample& sample, Picker& pick, ColumnGuess& guess) {
  // A column named as a date whose values read as dates, else any column whose values do.
  std::string best;
  std::vector<DateFormat> formats;
  int bestScore = -1;
  for (const std::string& c : sample.columns) {
    if (!pick.free(c)) continue;
    const auto values = valuesOf(sample, c);
    auto readAs = dateFormatsOf(values);
    // Any whole number of seconds reads as a date: only a column named so is taken as one.
    if (nameScore(c, kTimestamp) == 0)
      std::erase(readAs, DateFormat::UnixSeconds);
    else
      readAs = {DateFormat::UnixSeconds};
    const int score = readAs.empty() ? -1 : nameScore(c, kDate) + nameScore(c, kTimestamp);
    if (score > bestScore) {
      best = c;
      bestScore = score;
      formats = std::move(readAs);
    }
  }
  if (best.empty()) {
    guess.reasons.emplace_back("Date: no column reads as dates in the first rows; pick one");
    return;
  }
  pick.taken.push_back(best);
  guess.mapping.date = best;
  const DateFormat format = formats.front();
  guess.mapping.dateFormat = format == DateFormat::Any ? "" : std::string(dateFormatName(format));
  guess.reasons.push_back(format == DateFormat::Any
                              ? fmt::format("Date: '{}', its first rows read as dates ({})", best,
                                            dateFormatExample(format))
                              : fmt::format("Date: '{}', its first rows read as {} ({})", best,
                                            dateFormatName(format), dateFormatExample(format)));
  const bool both =
      std::find(formats.begin(), formats.end(), DateFormat::MonthDayYear) != formats.end();
  if (format == DateFormat::DayMonthYear && both)
    guess.reasons.emplace_back(
        "Date: no day above 12 in the first rows, so d/m/y and m/d/y both fit; d/m/y is taken, "
        "check the preview");
}

void guessPlace(const TableSample& sample, Picker& pick, ColumnGuess& guess) {
  auto& m = guess.mapping;
  m.latitude = pick.byName(kLat, [](const auto& v) { return coordinates(v, 90); });
  m.longitude = pick.byName(kLon, [](const auto& v) { return coordinates(v, 180); });
  if (m.latitude.empty() != m.longitude.empty() || m.latitude.empty()) {
    // Names say nothing: two columns of numbers with decimals, latitude first as people write
    // them, unless only the second fits a latitude.
    std::vector<std::string> numeric;
    for (const std::string& c : sample.columns)
      if (pick.free(c) && c != m.latitude && c != m.longitude &&
          coordinates(valuesOf(sample, c), 180))
        numeric.push_back(c);
    if (m.latitude.empty() && m.longitude.empty() && numeric.size() >= 2) {
      const bool swapped = !coordinates(valuesOf(sample, numeric[0]), 90);
      m.latitude = numeric[swapped ? 1 : 0];
      m.longitude = numeric[swapped ? 0 : 1];
      pick.taken.push_back(m.latitude);
      pick.taken.push_back(m.longitude);
      guess.reasons.push_back(fmt::format(
          "Place: '{}' and '{}' by their values (numbers in range; names did not tell); check "
          "they are latitude and longitude",
          m.latitude, m.longitude));
      return;
    }
  }
  if (!m.latitude.empty() && !m.longitude.empty()) {
    guess.reasons.push_back(
        fmt::format("Place: latitude '{}', longitude '{}'", m.latitude, m.longitude));
    return;
  }
  m.latitude.clear();
  m.longitude.clear();
  if (sample.hasGeometry) {
    m.useGeometry = true;
    guess.reasons.emplace_back("Place: the layer's geometry (no latitude/longitude columns)");
  } else {
    guess.reasons.emplace_back(
        "Place: no latitude and longitude columns (numbers within ±90 and ±180); pick them");
  }
}

}  // namespace

std::vector<DateFormat> dateFormatsOf(const std::vector<std::string>& values) {
  std::vector<std::pair<std::size_t, DateFormat>> read;
  for (const DateFormat f : kDateFormats) {
    const auto good =
        static_cast<std::size_t>(std::count_if(values.begin(), values.end(), [&](const auto& v) {
          return parseDateAs(v, f).has_value();
        }));
    if (!values.empty() && mostly(good, values.size())) read.emplace_back(good, f);
  }
  // The format reading the most values first; kDateFormats' order between equals.
  std::stable_sort(read.begin(), read.end(),
                   [](const auto& a, const auto& b) { return a.first > b.first; });
  std::vector<DateFormat> formats;
  for (const auto& [good, f] : read)
    formats.push_back(f);
  return formats;
}

ColumnGuess guessColumns(const TableSample& sample) {
  ColumnGuess guess;
  Picker pick{sample, {}};
  guessDate(sample, pick, guess);
  guessPlace(sample, pick, guess);
  const auto any = [](const auto&) { return true; };
  auto& m = guess.mapping;
  m.fatalities = pick.byName(kFatalities, counts);
  m.type = pick.byName(kType, any);
  m.actor1 = pick.byName(kActor1, any);
  m.actor2 = pick.byName(kActor2, any);
  m.location = pick.byName(kLocation, any);
  m.notes = pick.byName(kNotes, any);
  m.source = pick.byName(kSource, any);
  return guess;
}

std::vector<PreviewRow> previewRows(const TableSample& sample, const ColumnMapping& mapping) {
  std::vector<PreviewRow> preview;
  for (std::size_t i = 0; i < sample.rows.size(); ++i) {
    Row row = sample.rows[i];
    PreviewRow p{row.where(), {}, {}, {}, {}};
    std::vector<Notice> said;
    const std::optional<LonLat> point = i < sample.points.size() ? sample.points[i] : std::nullopt;
    if (applyMapping(mapping, row, point, said))
      if (const auto e = eventFromRow(row, said)) {
        p.date = e->date;
        p.place = e->where;
        p.type = e->type;
      }
    for (const Notice& n : said) {
      if (n.severity != Severity::Error) continue;
      // The row's place is shown beside it already.
      std::string message = n.message;
      if (message.starts_with(p.where + ": ")) message.erase(0, p.where.size() + 2);
      p.problem += (p.problem.empty() ? "" : "; ") + message;
    }
    preview.push_back(std::move(p));
  }
  return preview;
}

}  // namespace idlib
