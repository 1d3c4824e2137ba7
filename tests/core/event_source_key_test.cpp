// Event sources side by side (issue 11): each source's name and ring colour, which are hidden,
// and the legend's rows for them.
#include "core/event_source_key.hpp"

#include <gtest/gtest.h>

#include <set>
#include <tuple>

namespace idlib {
namespace {

TEST(EventSourceKey, TheBundledEventsComeFirstThenEachTableByItsNameOrFile) {
  const std::vector<std::string> names = eventSourceNames(
      {{.path = "/home/me/exports/acled_idlib_2020.csv"},
       {.path = "/tmp/newsroom.xlsx", .name = "Newsroom sheet"},
       {.path = "PG:host='db' dbname='atlas' password='s3cret' tables=public.events,x"}});
  EXPECT_EQ(names, (std::vector<std::string>{"Idlib Atlas (articles)", "acled_idlib_2020.csv",
                                             "Newsroom sheet", "public.events"}));
}

TEST(EventSourceKey, APostgisSourceIsNeverNamedByItsConnection) {
  EXPECT_EQ(eventSourceName({.path = "PG:dbname='atlas' password='s3cret'"}), "PostGIS table");
  EXPECT_EQ(eventSourceName({.path = "PG:dbname='atlas' tables="}), "PostGIS table");
}

TEST(EventSourceKey, EachOfFiveSourcesHasItsOwnColourAndTheBundledOnesIsNeverReused) {
  std::set<std::tuple<int, int, int>> seen;
  for (std::size_t i = 0; i < 5; ++i) {
    const Rgba c = eventSourceColor(i);
    EXPECT_TRUE(seen.insert({c.r, c.g, c.b}).second) << "source " << i;
  }
  for (std::size_t i = 1; i < 40; ++i)
    EXPECT_NE(eventSourceColor(i), eventSourceColor(0)) << "source " << i;
  EXPECT_EQ(eventSourceColor(5), eventSourceColor(1));  // the user's colours cycle
}

TEST(EventSourceKey, HiddenSourcesAsAListAndAsTheGpusBits) {
  const HiddenSources hidden{false, true, false};
  EXPECT_FALSE(isHidden(hidden, 0));
  EXPECT_TRUE(isHidden(hidden, 1));
  EXPECT_FALSE(isHidden(hidden, 7));  // not in the list: shown
  EXPECT_EQ(hiddenSourceBits(hidden), 0b10u);
  HiddenSources many(40, false);
  many[35] = true;
  const std::uint32_t bits = hiddenSourceBits(many);
  EXPECT_TRUE(isHidden(bits, 35));
  EXPECT_FALSE(isHidden(bits, 30));
}

TEST(EventSourceKey, TheLegendListsEverySourceShownInItsRingColour) {
  const std::vector<std::string> names{"Idlib Atlas (articles)", "acled.csv"};
  EXPECT_EQ(sourceLegend(names, 0),
            (std::vector<SourceKey>{{"Idlib Atlas (articles)", eventSourceColor(0)},
                                    {"acled.csv", eventSourceColor(1)}}));
  // A hidden source is not drawn, so not explained; one source alone wears no ring.
  EXPECT_EQ(sourceLegend(names, 0b01),
            (std::vector<SourceKey>{{"acled.csv", eventSourceColor(1)}}));
  EXPECT_TRUE(sourceLegend({"Idlib Atlas (articles)"}, 0).empty());
}

TEST(EventSourceKey, ALongNameIsCutBetweenCharactersInTheLegend) {
  const std::string longName = std::string(38, 'a') + "éééé.csv";
  const auto rows = sourceLegend({"Idlib Atlas (articles)", longName}, 0);
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[1].name, std::string(38, 'a') + "éé…");
  EXPECT_TRUE(isUtf8(rows[1].name));
}

}  // namespace
}  // namespace idlib
