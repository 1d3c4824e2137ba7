// What the map asks a PostGIS events table for (ui/postgis_event_view): the days of the window
// the marks show, a box around the view that small pans stay inside, and counts per cell when
// zoomed out or when the rows do not fit. The answers themselves:
// tests/cli/postgis_pushdown_test.sh.
#include "ui/postgis_event_view.hpp"

#include <gtest/gtest.h>

#include "core/date.hpp"

namespace idlib {
namespace {

const LonLatBox kIdlib{36.0, 35.0, 37.0, 36.0};

TEST(PostgisEventView, AWindowIsTheDaysTheMarksShowAndTheViewWithRoomToPan) {
  const Day day = *parseDate("2019-06-10");
  const EventWindowRequest r = windowRequestFor(day + 0.5, 30, kIdlib, false);
  EXPECT_EQ(formatDate(r.last), "2019-06-10");
  EXPECT_EQ(formatDate(r.first), "2019-05-12");  // 30 days, the 10th June's included
  EXPECT_DOUBLE_EQ(r.box.west, 35.75);           // a quarter of the view more on every side
  EXPECT_DOUBLE_EQ(r.box.east, 37.25);
  EXPECT_DOUBLE_EQ(r.box.south, 34.75);
  EXPECT_DOUBLE_EQ(r.box.north, 36.25);
  EXPECT_EQ(r.cellDegrees, 0);  // rows, one marker each
  EXPECT_EQ(r.maxRows, kMaxWindowRows);
}

TEST(PostgisEventView, APanInsideTheBoxAskedForAsksNothingNew) {
  const EventWindowRequest asked = windowRequestFor(18000, 30, kIdlib, false);
  const LonLatBox panned{36.2, 35.1, 37.2, 36.1};
  EXPECT_TRUE(sameWindow(windowRequestFor(18000, 30, panned, false, asked), asked));
  // Out of the box, or zoomed well in: a new box.
  const LonLatBox away{37.0, 35.0, 38.0, 36.0};
  EXPECT_FALSE(sameWindow(windowRequestFor(18000, 30, away, false, asked), asked));
  const LonLatBox closer{36.4, 35.4, 36.6, 35.6};
  EXPECT_FALSE(sameWindow(windowRequestFor(18000, 30, closer, false, asked), asked));
  // Another day: a new window.
  EXPECT_FALSE(sameWindow(windowRequestFor(18001, 30, kIdlib, false, asked), asked));
}

TEST(PostgisEventView, ZoomedOutOrTooManyRowsAsksForCountsPerCell) {
  const LonLatBox syria{34.0, 31.0, 44.0, 38.0};  // 10 degrees wide
  const EventWindowRequest wide = windowRequestFor(18000, 30, syria, false);
  EXPECT_DOUBLE_EQ(wide.cellDegrees, 0.25);  // a power of two, about 1/48 of the view
  const EventWindowRequest overflowed = windowRequestFor(18000, 30, kIdlib, true);
  EXPECT_GT(overflowed.cellDegrees, 0);
}

TEST(PostgisEventView, OnlyAPostgisConnectionWithATableIsQueriedByWindow) {
  EXPECT_TRUE(isPostgisEventTable({"PG:host=db dbname=atlas tables=acled"}));
  EXPECT_TRUE(isPostgisEventTable({"PG:dbname='a b' password='x' tables=public.events"}));
  EXPECT_FALSE(isPostgisEventTable({"PG:host=db dbname=atlas"}));
  EXPECT_FALSE(isPostgisEventTable({"acled.csv"}));
}

}  // namespace
}  // namespace idlib
