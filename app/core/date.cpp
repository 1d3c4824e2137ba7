#include "core/date.hpp"

#include <fmt/format.h>

#include <array>
#include <charconv>
#include <chrono>

#include "core/format.hpp"

namespace idlib {
namespace {

constexpr std::array<std::string_view, 12> kMonths = {
    "January", "February", "March",     "April",   "May",      "June",
    "July",    "August",   "September", "October", "November", "December"};

bool number(std::string_view s, int& out) {
  const auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
  return ec == std::errc() && p == s.data() + s.size();
}

std::optional<Day> checked(int y, int m, int d) {
  const std::chrono::year_month_day ymd{std::chrono::year(y),
                                        std::chrono::month(static_cast<unsigned>(m)),
                                        std::chrono::day(static_cast<unsigned>(d))};
  if (!ymd.ok() || y < 1900 || y > 2100) return std::nullopt;
  return static_cast<Day>(std::chrono::sys_days(ymd).time_since_epoch().count());
}

}  // namespace

Day makeDay(int year, unsigned month, unsigned day) {
  return static_cast<Day>(std::chrono::sys_days(std::chrono::year(year) /
                                                std::chrono::month(month) / std::chrono::day(day))
                              .time_since_epoch()
                              .count());
}

std::optional<Day> parseDate(std::string_view text) {
  text = trim(text);
  int y = 0, m = 0, d = 0;
  if (text.size() == 10 && text[4] == '-' && text[7] == '-') {
    if (number(text.substr(0, 4), y) && number(text.substr(5, 2), m) &&
        number(text.substr(8, 2), d))
      return checked(y, m, d);
    return std::nullopt;
  }
  // "3 February 2020", "03 Feb 2020", and ACLED's export form "9-May-20".
  const char separator = text.find('-') != std::string_view::npos ? '-' : ' ';
  const auto s1 = text.find(separator), s2 = text.rfind(separator);
  if (s1 == std::string_view::npos || s1 == s2) return std::nullopt;
  const std::string_view monthName = text.substr(s1 + 1, s2 - s1 - 1);
  for (std::size_t i = 0; i < kMonths.size(); ++i)
    if (monthName == kMonths[i] || (monthName.size() == 3 && kMonths[i].starts_with(monthName)))
      m = static_cast<int>(i) + 1;
  const std::string_view year = text.substr(s2 + 1);
  if (m == 0 || !number(text.substr(0, s1), d) || !number(year, y)) return std::nullopt;
  if (year.size() == 2)
    y += y < 70 ? 2000 : 1900;  // POSIX strptime's %y pivot
  else if (year.size() != 4)
    return std::nullopt;
  return checked(y, m, d);
}

std::optional<DatePrecision> parsePrecision(std::string_view text) {
  text = trim(text);
  if (text.empty() || text == "day") return DatePrecision::Day;
  if (text == "week") return DatePrecision::Week;
  if (text == "month") return DatePrecision::Month;
  if (text == "year") return DatePrecision::Year;
  return std::nullopt;
}

std::string_view precisionName(DatePrecision p) {
  switch (p) {
    case DatePrecision::Day:
      return "day";
    case DatePrecision::Week:
      return "week";
    case DatePrecision::Month:
      return "month";
    case DatePrecision::Year:
      return "year";
  }
  return "day";
}

std::string formatDate(Day day) {
  const std::chrono::year_month_day ymd{std::chrono::sys_days(std::chrono::days(day))};
  return fmt::format("{:04}-{:02}-{:02}", static_cast<int>(ymd.year()),
                     static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
}

std::string formatDateLong(Day day) {
  const std::chrono::year_month_day ymd{std::chrono::sys_days(std::chrono::days(day))};
  return fmt::format("{} {} {}", static_cast<unsigned>(ymd.day()),
                     kMonths[static_cast<unsigned>(ymd.month()) - 1], static_cast<int>(ymd.year()));
}

std::optional<Day> committedDate(std::string_view typed, bool enterPressed, bool leftAfterEdit) {
  if (!enterPressed && !leftAfterEdit) return std::nullopt;
  return parseDate(typed);
}

}  // namespace idlib
