// The PostGIS pushdown against a real PostgreSQL + PostGIS, started by
// tests/cli/postgis_events_test.sh, which fills it (see there) and passes ATLAS_PG_CONNINFO.
// The expected answers are computed here from the same formulas the script's generate_series
// uses, not by asking the server.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdlib>
#include <map>
#include <numeric>
#include <thread>

#include "geo/postgis_events.hpp"

namespace idlib {
namespace {

constexpr int kRows = 200'000;
constexpr int kWaitMs = 20'000;

// Row i of the generated table `events` (and of `latlon_events` for i <= 2000).
struct Generated {
  Day day;
  double lon, lat;
};
Generated generated(long long i) {
  return {makeDay(2019, 1, 1) + static_cast<Day>(i % 730),
          35.5 + static_cast<double>(i * 7919 % 1000) / 1000.0 * 2.0,
          35.0 + static_cast<double>(i * 104729 % 1000) / 1000.0 * 1.5};
}

std::string conninfo() {
  const char* c = std::getenv("ATLAS_PG_CONNINFO");
  return c ? c : "";
}

#define NEED_SERVER() \
  if (conninfo().empty()) GTEST_SKIP() << "no server: run tests/cli/postgis_events_test.sh"

bool inside(const Generated& g, const EventWindowRequest& w) {
  return g.day >= w.first && g.day <= w.last && g.lon >= w.box.west && g.lon <= w.box.east &&
         g.lat >= w.box.south && g.lat <= w.box.north;
}

// February 2019 around Saraqib and Ma'arrat al-Nu'man; the box's edges fall between rows.
EventWindowRequest februaryAroundSaraqib() {
  EventWindowRequest w;
  w.first = makeDay(2019, 2, 1);
  w.last = makeDay(2019, 2, 28);
  w.box = {36.4005, 35.5005, 36.9005, 35.9005};
  return w;
}

TEST(PostgisEventsLive, AWindowGetsExactlyItsRowsInTheBox) {
  NEED_SERVER();
  PostgisEventFeed feed(conninfo(), "events");
  const auto w = februaryAroundSaraqib();
  const auto result = feed.waitFor(feed.request(w), kWaitMs);
  ASSERT_TRUE(result);
  ASSERT_EQ(result->error, "");
  long long expected = 0, expectedDaySum = 0;
  for (long long i = 1; i <= kRows; ++i)
    if (const auto g = generated(i); inside(g, w)) {
      ++expected;
      expectedDaySum += g.day;
    }
  ASSERT_GT(expected, 100);
  EXPECT_EQ(static_cast<long long>(result->rows.size()), expected);
  EXPECT_FALSE(result->truncated);
  EXPECT_EQ(std::accumulate(result->rows.days.begin(), result->rows.days.end(), 0LL),
            expectedDaySum);
  for (std::size_t r = 0; r < result->rows.size(); ++r) {
    ASSERT_GE(result->rows.longitudes[r], 36.4f);
    ASSERT_LE(result->rows.longitudes[r], 36.91f);
    ASSERT_GE(result->rows.latitudes[r], 35.5f);
    ASSERT_LE(result->rows.latitudes[r], 35.91f);
  }
  ASSERT_EQ(result->rows.types.size(), 3u);  // battles, shelling, protests, interned once each
  const auto table = feed.table();
  ASSERT_TRUE(table);
  EXPECT_EQ(table->geometryColumn, "geom");
  EXPECT_EQ(table->srid, 4326);
  EXPECT_EQ(table->typeColumn, "event_type");
}

TEST(PostgisEventsLive, MoreRowsThanAskedForAreCutAndSaidSo) {
  NEED_SERVER();
  PostgisEventFeed feed(conninfo(), "events");
  auto w = februaryAroundSaraqib();
  w.maxRows = 50;
  const auto result = feed.waitFor(feed.request(w), kWaitMs);
  ASSERT_TRUE(result);
  EXPECT_EQ(result->rows.size(), 50u);
  EXPECT_TRUE(result->truncated);
}

TEST(PostgisEventsLive, GridCountsSumToTheWindowsRows) {
  NEED_SERVER();
  PostgisEventFeed feed(conninfo(), "events");
  EventWindowRequest w;  // all of 2019, the whole generated area
  w.first = makeDay(2019, 1, 1);
  w.last = makeDay(2019, 12, 31);
  w.box = {35.0, 34.5, 38.0, 37.0};
  w.cellDegrees = 0.123456789;  // no row lies on a cell's edge
  const auto result = feed.waitFor(feed.request(w), kWaitMs);
  ASSERT_TRUE(result);
  ASSERT_EQ(result->error, "");
  std::map<std::pair<long, long>, long long> expected;
  long long total = 0;
  for (long long i = 1; i <= kRows; ++i)
    if (const auto g = generated(i); inside(g, w)) {
      ++expected[{std::lround(std::floor(g.lon / w.cellDegrees)),
                  std::lround(std::floor(g.lat / w.cellDegrees))}];
      ++total;
    }
  long long sum = 0;
  for (const auto& cell : result->cells) {
    sum += cell.count;
    const std::pair<long, long> key{std::lround(std::floor(cell.longitude / w.cellDegrees)),
                                    std::lround(std::floor(cell.latitude / w.cellDegrees))};
    EXPECT_EQ(cell.count, expected[key]) << "cell at " << cell.longitude << ", " << cell.latitude;
  }
  EXPECT_EQ(sum, total);
  EXPECT_EQ(result->cells.size(), expected.size());
}

TEST(PostgisEventsLive, ANewerWindowCancelsTheRunningQueryAndOnlyItIsDelivered) {
  NEED_SERVER();
  // slow_events sleeps 30 s before its first row: only a cancel can end it in time.
  PostgisEventFeed feed(conninfo(), "slow_events");
  const auto first = feed.request(februaryAroundSaraqib());
  for (int i = 0; i < 2000 && feed.counts().sent < 1; ++i)
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  ASSERT_EQ(feed.counts().sent, 1u) << feed.connectionError();
  std::this_thread::sleep_for(std::chrono::milliseconds(200));  // the server is in pg_sleep
  EventWindowRequest newer = februaryAroundSaraqib();
  newer.first = newer.last = makeDay(2019, 3, 1);
  feed.request(newer);
  // Both requests go to the sleeping view: the second is cancelled too when the test ends, but
  // the first must be cancelled now, on the server, and never delivered.
  for (int i = 0; i < 2000 && (feed.counts().cancelled < 1 || feed.counts().sent < 2); ++i)
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  const auto counts = feed.counts();
  EXPECT_EQ(counts.cancelled, 1u);
  EXPECT_EQ(counts.serverCancelled, 1u);
  EXPECT_EQ(counts.delivered, 0u);
  EXPECT_EQ(counts.sent, 2u);  // the newer one is running now
  EXPECT_TRUE(feed.busy());    // the newer one: the app waits for it before asking again
  EXPECT_FALSE(feed.take());
  EXPECT_FALSE(feed.waitFor(first, 10));
}

TEST(PostgisEventsLive, OnlyTheNewestOfManyQuickRequestsIsDelivered) {
  NEED_SERVER();
  PostgisEventFeed feed(conninfo(), "events");
  std::uint64_t last = 0;
  EventWindowRequest w = februaryAroundSaraqib();
  for (int day = 0; day < 50; ++day) {  // scrubbing: a new window every step
    w.first = makeDay(2019, 1, 1) + day;
    w.last = w.first + 30;
    last = feed.request(w);
  }
  const auto result = feed.waitFor(last, kWaitMs);
  ASSERT_TRUE(result);
  EXPECT_EQ(result->requestId, last);
  EXPECT_EQ(result->request.first, makeDay(2019, 1, 1) + 49);
  const auto counts = feed.counts();
  // Each query sent was either cancelled as stale or answered (an older window may be answered
  // while a busy machine delays the next request), and nothing older comes after the newest.
  EXPECT_EQ(counts.sent, counts.cancelled + counts.delivered);
  EXPECT_LE(counts.sent, 50u);
  EXPECT_FALSE(feed.take());
}

TEST(PostgisEventsLive, LongitudeLatitudeTextColumnsAsOgr2ogrWritesThem) {
  NEED_SERVER();
  PostgisEventFeed feed(conninfo(), "public.latlon_events");
  const auto w = februaryAroundSaraqib();
  const auto result = feed.waitFor(feed.request(w), kWaitMs);
  ASSERT_TRUE(result);
  ASSERT_EQ(result->error, "");
  long long expected = 0;
  for (long long i = 1; i <= 2000; ++i)
    expected += inside(generated(i), w) ? 1 : 0;
  EXPECT_EQ(static_cast<long long>(result->rows.size()), expected);
  EXPECT_TRUE(feed.table()->dateIsText);
}

TEST(PostgisEventsLive, IndexesAreCreatedOnceUnderAQuotedName) {
  NEED_SERVER();
  const std::string odd = "team \"b\" events";  // the script made it: a name that needs quoting
  const auto statements = createEventIndexes(conninfo(), odd);
  ASSERT_EQ(statements.size(), 3u);
  EXPECT_NO_THROW(createEventIndexes(conninfo(), odd));  // IF NOT EXISTS: again is harmless
  PostgisEventFeed feed(conninfo(), odd);
  const auto result = feed.waitFor(feed.request(februaryAroundSaraqib()), kWaitMs);
  ASSERT_TRUE(result);
  EXPECT_EQ(result->error, "");
  EXPECT_GT(result->rows.size(), 0u);
}

TEST(PostgisEventsLive, AMissingTableIsNamedAndNothingElseHappens) {
  NEED_SERVER();
  PostgisEventFeed feed(conninfo(), "no_such_events");
  const auto result = feed.waitFor(feed.request(februaryAroundSaraqib()), kWaitMs);
  ASSERT_TRUE(result);
  EXPECT_NE(result->error.find("no table \"no_such_events\""), std::string::npos) << result->error;
  EXPECT_NE(result->error.find("dbname=atlas"), std::string::npos) << result->error;
  EXPECT_THROW(createEventIndexes(conninfo(), "no_such_events"), std::runtime_error);
}

TEST(PostgisEventsLive, AWrongPasswordIsSaidWithoutShowingIt) {
  NEED_SERVER();
  const std::string secret = "not-the-password-4711";
  PostgisEventFeed feed(conninfo() + " password='" + secret + "'", "events");
  const auto result = feed.waitFor(feed.request(februaryAroundSaraqib()), kWaitMs);
  ASSERT_TRUE(result);
  EXPECT_NE(result->error.find("password authentication failed"), std::string::npos)
      << result->error;
  EXPECT_EQ(result->error.find(secret), std::string::npos);
  EXPECT_EQ(feed.connectionError().find(secret), std::string::npos);
}

}  // namespace
}  // namespace idlib
