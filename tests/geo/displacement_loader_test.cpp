// The bundled displacement data as a presenter quotes it, and bad rows as a user might write them.
#include <gtest/gtest.h>

#include "fixtures.hpp"
#include "geo/timeline_loader.hpp"

namespace idlib {
namespace {

TEST(BundledDisplacement, NearlyOneMillionBy24February2020) {
  const TimelineLoad load = loadTimeline(bundledTimelineSources(IDLIB_DATA_DIR));
  for (const auto& n : load.notices)
    ASSERT_NE(n.severity, Severity::Error) << n.message;
  const Displacement& d = load.displacement;
  const double onTheDay = d.cumulativeAt(*parseDate("2020-02-24"));
  EXPECT_GT(onTheDay, 900000);
  EXPECT_LT(onTheDay, 1000000);
  // Article 001 reports "nearly one million" on its own date.
  const auto article =
      std::find_if(d.figures.begin(), d.figures.end(), [](const DisplacementFigure& f) {
        return f.fromArticle() &&
               f.provenance.source.find("001_756f4ca82dee0a4f.txt") != std::string::npos &&
               f.measure == Measure::DisplacedCumulative;
      });
  ASSERT_NE(article, d.figures.end());
  EXPECT_EQ(formatDate(article->date), "2020-02-24");
  EXPECT_NEAR(static_cast<double>(article->people), onTheDay, 60000);
}

TEST(BundledDisplacement, AFlowFromMaarratAlNumanShowsInLateJanuary2020NotInJune2019) {
  const TimelineLoad load = loadTimeline(bundledTimelineSources(IDLIB_DATA_DIR));
  bool january = false, june = false;
  for (const auto& f : load.displacement.flows) {
    if (f.origin.find("Ma'arrat al-Nu'man") == std::string::npos) continue;
    january |= Displacement::flowVisible(f, *parseDate("2020-01-25"), 30);
    june |= Displacement::flowVisible(f, *parseDate("2019-06-15"), 30);
    EXPECT_FALSE(f.provenance.source.empty()) << f.id;
  }
  EXPECT_TRUE(january);
  EXPECT_FALSE(june);
}

TEST(DisplacementLoader, BadFlowRowsAreReportedWithFileAndLineAndSkipped) {
  test::TempDir dir;
  const auto flows = dir.file("flows.csv");
  test::writeText(
      flows,
      "flow_id,origin,origin_lat,origin_lon,destination,dest_lat,dest_lon,people,period_start,"
      "period_end,source,confidence,in_totals,notes\n"
      "ok,Saraqib,35.8636,36.8006,Atmeh,36.3111,36.6864,1000,2020-01-01,2020-01-31,test,high,yes,\n"
      "neg,Saraqib,35.8636,36.8006,Atmeh,36.3111,36.6864,-50,2020-01-01,2020-01-31,test,high,yes,\n"
      "nan,Saraqib,35.8636,36.8006,Atmeh,36.3111,36.6864,many,2020-01-01,2020-01-31,test,high,yes,"
      "\n"
      "where,Saraqib,35.8636,36.8006,Atlantis,,,500,2020-01-01,2020-01-31,test,high,yes,\n");
  const TimelineLoad load = loadTimeline({{}, "", "", "", flows.string()});
  ASSERT_EQ(load.displacement.flows.size(), 1u);
  EXPECT_EQ(load.displacement.flows[0].id, "ok");
  ASSERT_EQ(load.notices.size(), 3u);
  EXPECT_EQ(load.notices[0].message,
            flows.string() +
                " line 3: people '-50' is not a count of people (expected a whole "
                "number, 0 or more); row skipped");
  EXPECT_EQ(load.notices[1].message,
            flows.string() +
                " line 4: people 'many' is not a count of people (expected a whole "
                "number, 0 or more); row skipped");
  EXPECT_EQ(load.notices[2].message, flows.string() +
                                         " line 5: destination 'Atlantis' is not a known place and "
                                         "has no coordinates; row skipped");
}

}  // namespace
}  // namespace idlib
