#pragma once
// Dates as day numbers: whole days for data, fractional days for smooth playback.
#include <optional>
#include <string>
#include <string_view>

namespace idlib {

using Day = int;  // days since 1970-01-01

enum class DatePrecision { Day, Week, Month, Year };

// "2020-02-03"; also "3 February 2020", "03 Feb 2020" and "9-May-20" as ACLED exports write them
// (two-digit years: 00-69 are 20xx, 70-99 are 19xx).
std::optional<Day> parseDate(std::string_view text);
// A typed date takes effect on Enter or when its box loses focus after an edit, never while
// the user is still typing; nothing when the text is not a date.
std::optional<Day> committedDate(std::string_view typed, bool enterPressed, bool leftAfterEdit);
std::optional<DatePrecision> parsePrecision(std::string_view text);  // "day", "week", ...
std::string formatDate(Day day);                                     // "2020-02-03"
std::string formatDateLong(Day day);                                 // "3 February 2020"
std::string_view precisionName(DatePrecision p);
Day makeDay(int year, unsigned month, unsigned day);

}  // namespace idlib
