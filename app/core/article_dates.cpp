#include "core/article_dates.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>

namespace idlib {
namespace {

constexpr std::array<std::string_view, 12> kMonths = {
    "january", "february", "march",     "april",   "may",      "june",
    "july",    "august",   "september", "october", "november", "december"};
constexpr std::array<std::string_view, 12> kShortMonths = {
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
constexpr std::array<std::string_view, 7> kWeekdays = {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};

// The words as lower-case ASCII (others kept), with the text between each word and the next.
struct Tokens {
  std::vector<std::string> lower;
  std::vector<std::string_view> gapAfter;
  const std::vector<Word>* words;
  std::string_view text;
  std::size_t size() const { return lower.size(); }
  const std::string& at(std::size_t i) const {
    static const std::string empty;
    return i < lower.size() ? lower[i] : empty;
  }
  std::string_view gap(std::size_t i) const { return i < gapAfter.size() ? gapAfter[i] : ""; }
};

Tokens tokensOf(std::string_view text, const std::vector<Word>& words) {
  Tokens t{{}, {}, &words, text};
  t.lower.reserve(words.size());
  for (std::size_t i = 0; i < words.size(); ++i) {
    std::string s(text.substr(words[i].span.begin, words[i].span.end - words[i].span.begin));
    for (char& c : s)
      c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    t.lower.push_back(std::move(s));
    const std::size_t next = i + 1 < words.size() ? words[i + 1].span.begin : words[i].span.end;
    t.gapAfter.push_back(text.substr(words[i].span.end, next - words[i].span.end));
  }
  return t;
}

std::optional<int> number(std::string_view s) {
  int v = 0;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || p != s.data() + s.size()) return std::nullopt;
  return v;
}

std::optional<unsigned> monthOf(const Tokens& t, std::size_t i) {
  const std::string& w = t.at(i);
  for (unsigned m = 0; m < 12; ++m) {
    if (w == kMonths[m]) {
      // "may" is a verb unless written May.
      if (m == 4 && !(*t.words)[i].capital) return std::nullopt;
      return m + 1;
    }
    std::string shortName(kShortMonths[m]);
    shortName[0] = static_cast<char>(std::tolower(shortName[0]));
    if (m != 4 && (w == shortName || (m == 8 && w == "sept"))) return m + 1;
  }
  return std::nullopt;
}

std::optional<int> weekdayWord(const std::string& w) {
  for (int d = 0; d < 7; ++d)
    if (w == kWeekdays[d]) return d;
  return std::nullopt;
}

std::optional<unsigned> dayNumber(const std::string& w) {
  std::string_view s = w;
  for (std::string_view suffix : {"st", "nd", "rd", "th"})
    if (s.size() > 2 && s.ends_with(suffix)) s.remove_suffix(2);
  const auto n = number(s);
  if (!n || *n < 1 || *n > 31 || s.size() > 2) return std::nullopt;
  return static_cast<unsigned>(*n);
}

std::optional<int> yearNumber(const std::string& w) {
  const auto n = number(w);
  if (!n || w.size() != 4 || *n < 1900 || *n > 2100) return std::nullopt;
  return *n;
}

std::optional<int> smallCount(const std::string& w) {
  static constexpr std::array<std::string_view, 13> kWords = {
      "",      "one",   "two",  "three", "four",   "five",  "six",
      "seven", "eight", "nine", "ten",   "eleven", "twelve"};
  for (int n = 1; n < 13; ++n)
    if (w == kWords[n]) return n;
  if (w == "a" || w == "an") return 1;
  if (w == "few" || w == "couple") return w == "few" ? 3 : 2;
  if (w == "several") return 3;
  if (const auto n = number(w); n && *n > 0 && *n < 400) return *n;
  return std::nullopt;
}

bool validDay(int year, unsigned month, unsigned day) {
  if (month < 1 || month > 12 || day < 1) return false;
  const Day first = makeDay(year, month, 1);
  const Day next = month == 12 ? makeDay(year + 1, 1, 1) : makeDay(year, month + 1, 1);
  return static_cast<int>(day) <= next - first;
}

Day monthEnd(int year, unsigned month) {
  return (month == 12 ? makeDay(year + 1, 1, 1) : makeDay(year, month + 1, 1)) - 1;
}

// The latest year in which month/day falls on or before the publication date.
int yearBefore(const DateContext& c, unsigned month, unsigned day) {
  const CivilDate p = civilOf(*c.published);
  return (month > p.month || (month == p.month && day > p.day)) ? p.year - 1 : p.year;
}

std::string quoted(const Tokens& t, std::size_t from, std::size_t to) {
  const auto& w = *t.words;
  return fmt::format("'{}'",
                     t.text.substr(w[from].span.begin, w[to - 1].span.end - w[from].span.begin));
}

std::string publishedPhrase(const DateContext& c) {
  return fmt::format("the {} {}", c.publishedAs, shortDate(*c.published));
}

struct Parsed {
  std::size_t end;  // one past the last word used
  DateMention mention;
};

DateMention dayMention(Day d, bool yearGiven) {
  DateMention m;
  m.first = m.last = d;
  m.precision = MentionPrecision::Day;
  m.yearGiven = yearGiven;
  return m;
}

// 6/2/2020, 2020-02-06, 6.2.2020
std::optional<Parsed> numericDate(const Tokens& t, std::size_t i, const DateContext& c) {
  if (i + 2 >= t.size()) return std::nullopt;
  const std::string_view sep = t.gap(i);
  if (sep.size() != 1 || (sep != "/" && sep != "-" && sep != ".") || t.gap(i + 1) != sep)
    return std::nullopt;
  const auto a = number(t.at(i)), b = number(t.at(i + 1)), y = number(t.at(i + 2));
  if (!a || !b || !y) return std::nullopt;
  int year, month, day;
  std::string how;
  if (t.at(i).size() == 4) {
    year = *a, month = *b, day = *y;
    how = "year-month-day";
  } else {
    // Two digits: 69-99 the 1900s, 00-68 the 2000s (POSIX's pivot, as core/date reads them).
    year = t.at(i + 2).size() == 2 ? (*y < 69 ? 2000 : 1900) + *y : *y;
    const bool dayFirst = c.order == NumericDateOrder::DayFirst;
    day = dayFirst ? *a : *b;
    month = dayFirst ? *b : *a;
    how = dayFirst ? "day/month/year" : "month/day/year";
  }
  if (year < 1900 || year > 2100 || !validDay(year, month, day)) return std::nullopt;
  Parsed p{i + 3, dayMention(makeDay(year, month, day), true)};
  p.mention.basis =
      fmt::format("{} read as {} -> {}", quoted(t, i, i + 3), how, shortDate(p.mention.first));
  return p;
}

// [Thursday,] 6 February [2020] | [Thursday,] February 6[,] [2020] | February 2020
std::optional<Parsed> writtenDate(const Tokens& t, std::size_t i, const DateContext& c) {
  std::size_t k = i;
  if (weekdayWord(t.at(k))) ++k;
  std::optional<unsigned> day, month;
  if ((day = dayNumber(t.at(k))) && (month = monthOf(t, k + 1))) {
    k += 2;
  } else if ((month = monthOf(t, k)) && (day = dayNumber(t.at(k + 1))) &&
             !yearNumber(t.at(k + 1))) {
    k += 2;
  } else if ((month = monthOf(t, k)) && yearNumber(t.at(k + 1))) {
    const int year = *yearNumber(t.at(k + 1));
    Parsed p{k + 2, {}};
    p.mention.first = makeDay(year, *month, 1);
    p.mention.last = monthEnd(year, *month);
    p.mention.precision = MentionPrecision::Month;
    p.mention.yearGiven = true;
    p.mention.basis = fmt::format("{} -> the month {}-{:02}", quoted(t, i, k + 2), year, *month);
    return p;
  } else {
    return std::nullopt;
  }
  std::optional<int> year;
  if ((year = yearNumber(t.at(k)))) ++k;
  if (!year) {
    if (!c.published) return std::nullopt;
    year = yearBefore(c, *month, *day);
  }
  if (!validDay(*year, *month, *day)) return std::nullopt;
  Parsed p{k, dayMention(makeDay(*year, *month, *day), k > i + 2 && yearNumber(t.at(k - 1)))};
  p.mention.basis = p.mention.yearGiven
                        ? fmt::format("{} -> {}", quoted(t, i, k), shortDate(p.mention.first))
                        : fmt::format("{} on or before {} -> {}", quoted(t, i, k),
                                      publishedPhrase(c), shortDate(p.mention.first));
  return p;
}

// 6-9 February [2020], between 6 and 9 February, from 6 to 9 February
std::optional<Parsed> dayRange(const Tokens& t, std::size_t i, const DateContext& c) {
  std::size_t k = i;
  if (t.at(k) == "between" || t.at(k) == "from") ++k;
  const auto a = dayNumber(t.at(k));
  if (!a) return std::nullopt;
  const std::string_view g = t.gap(k);
  std::size_t b = k + 1;
  if (t.at(b) == "and" || t.at(b) == "to")
    ++b;
  else if (g != "-" && g != "\xe2\x80\x93")
    return std::nullopt;
  const auto d2 = dayNumber(t.at(b));
  const auto month = monthOf(t, b + 1);
  if (!d2 || !month || *d2 <= *a) return std::nullopt;
  std::size_t end = b + 2;
  std::optional<int> year = yearNumber(t.at(end));
  if (year)
    ++end;
  else if (c.published)
    year = yearBefore(c, *month, *d2);
  else
    return std::nullopt;
  if (!validDay(*year, *month, *d2)) return std::nullopt;
  Parsed p{end, {}};
  p.mention.first = makeDay(*year, *month, *a);
  p.mention.last = makeDay(*year, *month, *d2);
  p.mention.precision = MentionPrecision::Period;
  p.mention.yearGiven = yearNumber(t.at(end - 1)).has_value();
  p.mention.basis = fmt::format("{} -> {} to {}", quoted(t, i, end), shortDate(p.mention.first),
                                shortDate(p.mention.last));
  return p;
}

// Day of the week before the publication: "last Friday", "on Monday", "Friday".
std::optional<Parsed> weekdayDate(const Tokens& t, std::size_t i, const DateContext& c) {
  if (!c.published) return std::nullopt;
  std::size_t k = i;
  const bool last = t.at(k) == "last" || t.at(k) == "past";
  if (last || t.at(k) == "on" || t.at(k) == "this") ++k;
  const auto wd = weekdayWord(t.at(k));
  if (!wd || writtenDate(t, k, c)) return std::nullopt;  // "on Monday, March 4": a full date
  if (k == i && !(*t.words)[k].capital) return std::nullopt;
  int back = (weekdayOf(*c.published) - *wd + 7) % 7;
  if (back == 0 && last) back = 7;
  Parsed p{k + 1, dayMention(*c.published - back, false)};
  p.mention.relative = true;
  p.mention.basis = fmt::format("{} before {} -> {}", quoted(t, i, k + 1), publishedPhrase(c),
                                shortDate(p.mention.first));
  return p;
}

std::optional<int> unitDays(const std::string& w) {
  if (w == "day" || w == "days") return 1;
  if (w == "week" || w == "weeks") return 7;
  if (w == "month" || w == "months") return 30;
  if (w == "year" || w == "years") return 365;
  return std::nullopt;
}

// today, yesterday, last week/month/year, this week, the past/last N days|weeks|months,
// in recent weeks, N days ago
std::optional<Parsed> relativeDate(const Tokens& t, std::size_t i, const DateContext& c) {
  if (!c.published) return std::nullopt;
  const Day pub = *c.published;
  const CivilDate pc = civilOf(pub);
  Parsed p{i + 1, {}};
  DateMention& m = p.mention;
  m.relative = true;
  const std::string& w = t.at(i);
  auto finish = [&](std::size_t end, Day first, Day last, MentionPrecision precision) {
    p.end = end;
    m.first = first;
    m.last = last;
    m.precision = precision;
    m.basis = first == last ? fmt::format("{} from {} -> {}", quoted(t, i, end), publishedPhrase(c),
                                          shortDate(first))
                            : fmt::format("{} from {} -> {} to {}", quoted(t, i, end),
                                          publishedPhrase(c), shortDate(first), shortDate(last));
    return std::optional<Parsed>(p);
  };
  if (w == "today" || w == "tonight") return finish(i + 1, pub, pub, MentionPrecision::Day);
  if (w == "yesterday") return finish(i + 1, pub - 1, pub - 1, MentionPrecision::Day);
  const bool the = w == "the";
  const std::size_t k = the ? i + 1 : i;
  const std::string& w1 = t.at(k);
  if ((w1 == "last" || w1 == "past" || w1 == "this") && !the) {
    const std::string& unit = t.at(k + 1);
    const Day monday = pub - weekdayOf(pub);
    if (unit == "week")
      return w1 == "this" ? finish(k + 2, monday, pub, MentionPrecision::Week)
                          : finish(k + 2, monday - 7, monday - 1, MentionPrecision::Week);
    if (unit == "month") {
      if (w1 == "this")
        return finish(k + 2, makeDay(pc.year, pc.month, 1), pub, MentionPrecision::Month);
      const int y = pc.month == 1 ? pc.year - 1 : pc.year;
      const unsigned mo = pc.month == 1 ? 12 : pc.month - 1;
      return finish(k + 2, makeDay(y, mo, 1), monthEnd(y, mo), MentionPrecision::Month);
    }
    if (unit == "year") {
      const int y = w1 == "this" ? pc.year : pc.year - 1;
      return finish(k + 2, makeDay(y, 1, 1), w1 == "this" ? pub : makeDay(y, 12, 31),
                    MentionPrecision::Year);
    }
  }
  // the past/last [N] days|weeks|months (a period ending at the publication)
  if (the && (w1 == "past" || w1 == "last")) {
    std::size_t u = k + 1;
    int n = 1;
    if (const auto count = smallCount(t.at(u)); count && !unitDays(t.at(u))) {
      n = *count;
      ++u;
    }
    if (const auto days = unitDays(t.at(u)))
      return finish(u + 1, pub - n * *days, pub,
                    n == 1 && *days == 7 ? MentionPrecision::Week : MentionPrecision::Period);
  }
  if (w == "recent") {
    if (const auto days = unitDays(t.at(i + 1)); days && *days < 365)
      return finish(i + 2, pub - 3 * *days, pub, MentionPrecision::Period);
  }
  if (const auto count = smallCount(w); count && t.at(i + 2) == "ago") {
    if (const auto days = unitDays(t.at(i + 1))) {
      const Day d = pub - *count * *days;
      return finish(i + 3, d, d + (*days > 1 ? *days - 1 : 0),
                    *days == 1 ? MentionPrecision::Day : MentionPrecision::Period);
    }
  }
  return std::nullopt;
}

// since [last] April | since 2018 | in April | last April | in 2018 | the 2018 agreement
std::optional<Parsed> monthOrYear(const Tokens& t, std::size_t i, const DateContext& c) {
  std::size_t k = i;
  const bool since = t.at(k) == "since";
  if (since || t.at(k) == "in" || t.at(k) == "during" || t.at(k) == "until" || t.at(k) == "by") ++k;
  const bool last = t.at(k) == "last";
  if (last) ++k;
  Parsed p{k + 1, {}};
  DateMention& m = p.mention;
  if (const auto month = monthOf(t, k); month && (k > i)) {
    if (!c.published || yearNumber(t.at(k + 1)) || dayNumber(t.at(k + 1))) return std::nullopt;
    const CivilDate pc = civilOf(*c.published);
    int year = *month <= pc.month ? pc.year : pc.year - 1;
    if (last && *month >= pc.month) year = pc.year - 1;
    m.first = makeDay(year, *month, 1);
    m.last = since ? *c.published : std::min(monthEnd(year, *month), *c.published);
    m.precision = since ? MentionPrecision::Period : MentionPrecision::Month;
    m.relative = true;
    m.basis = since ? fmt::format("{} before {} -> {} to {}", quoted(t, i, k + 1),
                                  publishedPhrase(c), shortDate(m.first), shortDate(m.last))
                    : fmt::format("{} before {} -> the month {}-{:02}", quoted(t, i, k + 1),
                                  publishedPhrase(c), year, *month);
    return p;
  }
  if (last) return std::nullopt;
  if (const auto year = yearNumber(t.at(k))) {
    // A bare four-digit number is a year only when nothing counts it ("2018 people").
    m.first = makeDay(*year, 1, 1);
    m.last = since && c.published ? *c.published : makeDay(*year, 12, 31);
    m.precision = since && c.published ? MentionPrecision::Period : MentionPrecision::Year;
    m.yearGiven = true;
    m.basis = m.precision == MentionPrecision::Period
                  ? fmt::format("{} -> {} to {}", quoted(t, i, k + 1), shortDate(m.first),
                                shortDate(m.last))
                  : fmt::format("{} -> the year {}", quoted(t, i, k + 1), *year);
    return p;
  }
  return std::nullopt;
}

}  // namespace

std::string_view mentionPrecisionName(MentionPrecision p) {
  switch (p) {
    case MentionPrecision::Day:
      return "day";
    case MentionPrecision::Week:
      return "week";
    case MentionPrecision::Month:
      return "month";
    case MentionPrecision::Year:
      return "year";
    case MentionPrecision::Period:
      return "period";
  }
  return "day";
}

CivilDate civilOf(Day day) {
  // H. Hinnant's civil_from_days.
  const int z = day + 719468;
  const int era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int y = static_cast<int>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  return {m <= 2 ? y + 1 : y, m, d};
}

int weekdayOf(Day day) {
  return ((day % 7) + 7 + 3) % 7;
}

std::string shortDate(Day day) {
  const CivilDate c = civilOf(day);
  return fmt::format("{} {} {}", c.day, kShortMonths[c.month - 1], c.year);
}

std::vector<DateMention> findDates(std::string_view text, const std::vector<Word>& words,
                                   const DateContext& context) {
  const Tokens t = tokensOf(text, words);
  std::vector<DateMention> out;
  using Parser = std::optional<Parsed> (*)(const Tokens&, std::size_t, const DateContext&);
  static constexpr std::array<Parser, 6> kParsers = {numericDate, dayRange,     writtenDate,
                                                     weekdayDate, relativeDate, monthOrYear};
  for (std::size_t i = 0; i < t.size();) {
    std::optional<Parsed> found;
    for (Parser parse : kParsers)
      if ((found = parse(t, i, context))) break;
    if (!found) {
      ++i;
      continue;
    }
    found->mention.span = {words[i].span.begin, words[found->end - 1].span.end};
    // "150 years ago": a real phrase, but no day the map or the events file can hold.
    const bool reachable =
        found->mention.first >= makeDay(1900, 1, 1) && found->mention.last <= makeDay(2100, 12, 31);
    if (reachable) out.push_back(std::move(found->mention));
    i = found->end;
  }
  return out;
}

std::optional<DateMention> findDateline(std::string_view text, const std::vector<Word>& words) {
  const std::size_t n = std::min<std::size_t>(words.size(), 12);
  const std::vector<Word> head(words.begin(), words.begin() + static_cast<long>(n));
  const Tokens t = tokensOf(text, head);
  std::size_t k = 0;
  for (std::string_view lead : {"date", "dateline", "published", "posted", "updated", "on"})
    if (t.at(k) == lead) ++k;
  const DateContext none;
  // A wire dateline may name its place first, on the date's line: "IDLIB, Syria, 14 March 2018".
  const std::size_t lineEnd = text.find('\n');
  for (std::size_t start = k; start <= std::min(n, k + 4); ++start) {
    if (start > k && (!head[start - 1].capital || head[start - 1].span.end > lineEnd)) break;
    for (auto parse : {numericDate, writtenDate})
      if (auto p = parse(t, start, none); p && p->mention.yearGiven) {
        p->mention.span = {words[0].span.begin, words[p->end - 1].span.end};
        return p->mention;
      }
  }
  return std::nullopt;
}

}  // namespace idlib
