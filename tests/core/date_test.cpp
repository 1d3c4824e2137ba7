#include "core/date.hpp"

#include <gtest/gtest.h>

namespace idlib {
namespace {

TEST(Date, ParsesAndFormatsIsoDates) {
  const auto d = parseDate("2020-02-03");
  ASSERT_TRUE(d);
  EXPECT_EQ(*d, makeDay(2020, 2, 3));
  EXPECT_EQ(formatDate(*d), "2020-02-03");
  EXPECT_EQ(formatDateLong(*d), "3 February 2020");
  EXPECT_EQ(*parseDate("2020-03-01") - *parseDate("2020-02-28"), 2);  // 2020 is a leap year
}

TEST(Date, ReadsAcledStyleDates) {
  EXPECT_EQ(parseDate("03 February 2020"), makeDay(2020, 2, 3));
  EXPECT_EQ(parseDate("7 Sep 2018"), makeDay(2018, 9, 7));
  // ACLED's own export writes event_date as d-Mon-yy.
  EXPECT_EQ(parseDate("9-May-20"), makeDay(2020, 5, 9));
  EXPECT_EQ(parseDate("28-Feb-2020"), makeDay(2020, 2, 28));
  EXPECT_EQ(parseDate("31-Dec-97"), makeDay(1997, 12, 31));
  for (const char* bad : {"9-May-2", "9-May-202", "9 May-20", "30-Feb-20", "9-Mai-20", "-May-20"})
    EXPECT_FALSE(parseDate(bad).has_value()) << bad;
}

// ACLED's d-Mon-yy around the century's turn: 99 is 1999, 00 is 2000 (a leap year, as 1900 was
// not), on either side of midnight on 31 December 1999.
TEST(Date, AcledsTwoDigitYearsAround2000) {
  EXPECT_EQ(parseDate("31-Dec-99"), makeDay(1999, 12, 31));
  EXPECT_EQ(parseDate("1-Jan-00"), makeDay(2000, 1, 1));
  EXPECT_EQ(parseDate("01-Jan-00"), makeDay(1999, 12, 31) + 1);
  EXPECT_EQ(parseDate("29-Feb-00"), makeDay(2000, 2, 29));
  EXPECT_EQ(parseDate("1-Jan-69"), makeDay(2069, 1, 1));  // POSIX's pivot: 69 is still 20xx
  EXPECT_EQ(parseDate("1-Jan-70"), makeDay(1970, 1, 1));
  EXPECT_FALSE(parseDate("29-Feb-99").has_value());
}

TEST(Date, RejectsWhatIsNotADate) {
  for (const char* bad :
       {"", "2020-13-01", "2020-02-30", "20-02-2020", "yesterday", "2020/02/03", "3 Febtober 2020"})
    EXPECT_FALSE(parseDate(bad).has_value()) << bad;
}

TEST(Date, Precision) {
  EXPECT_EQ(parsePrecision("month"), DatePrecision::Month);
  EXPECT_EQ(parsePrecision(""), DatePrecision::Day);
  EXPECT_FALSE(parsePrecision("fortnight").has_value());
}

TEST(Date, ATypedDateCommitsOnEnterOrWhenTheBoxLosesFocus) {
  const Day day = makeDay(2020, 2, 20);
  EXPECT_FALSE(committedDate("2020-02-20", false, false));   // still typing
  EXPECT_EQ(committedDate("2020-02-20", true, false), day);  // Enter
  EXPECT_EQ(committedDate("2020-02-20", false, true), day);  // clicked or tabbed away
  EXPECT_FALSE(committedDate("2020-02-2", true, true));      // not a date: nothing changes
}

}  // namespace
}  // namespace idlib
