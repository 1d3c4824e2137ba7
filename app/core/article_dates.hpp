#pragma once
// Dates in an article's words: absolute ("6 February", "February 6, 2020", "6/2/2020" read in
// a stated locale), relative to the publication ("last Friday", "yesterday", "last week", "in the
// past two months", "since April"), ranges ("6-9 February") and years. Each becomes the days it
// covers, a precision and the basis a reader can check.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/article_text.hpp"
#include "core/date.hpp"

namespace idlib {

enum class NumericDateOrder { DayFirst, MonthFirst };  // 6/2/2020: 6 Feb (DayFirst) or 2 Jun
enum class MentionPrecision { Day, Week, Month, Year, Period };
std::string_view mentionPrecisionName(MentionPrecision p);  // "day", ..., "period"

struct DateMention {
  TextSpan span;            // the words the date rests on
  Day first = 0, last = 0;  // the days it covers
  MentionPrecision precision = MentionPrecision::Day;
  bool relative = false;   // resolved against the publication date
  bool yearGiven = false;  // the words name the year (a dateline or the latest date may use it)
  std::string basis;       // "'last Friday' before the dateline 17 Sep 2018 -> 14 Sep 2018"
};

// What relative dates are resolved against.
struct DateContext {
  std::optional<Day> published;
  std::string publishedAs = "publication";  // "dateline", "--published", "inferred latest date"
  NumericDateOrder order = NumericDateOrder::DayFirst;
};

// The date expressions among `words` (of `text`), in order, none overlapping.
std::vector<DateMention> findDates(std::string_view text, const std::vector<Word>& words,
                                   const DateContext& context);
// The dateline: a full date that opens the text, alone or after "date", "published", "updated";
// its span covers those words.
std::optional<DateMention> findDateline(std::string_view text, const std::vector<Word>& words);

std::string shortDate(Day day);  // "17 Sep 2018"
int weekdayOf(Day day);          // 0 = Monday
struct CivilDate {
  int year;
  unsigned month, day;
};
CivilDate civilOf(Day day);

}  // namespace idlib
