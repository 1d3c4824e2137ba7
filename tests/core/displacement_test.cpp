#include "core/displacement.hpp"

#include <gtest/gtest.h>

namespace idlib {
namespace {

DisplacementFigure cumulative(const char* date, long people, const char* source = "UN OCHA") {
  DisplacementFigure f;
  f.date = *parseDate(date);
  f.periodStart = *parseDate("2019-12-01");
  f.people = people;
  f.measure = Measure::DisplacedCumulative;
  f.provenance.source = source;
  return f;
}

DisplacementFlow flow(const char* start, const char* end, long people, double destinationX,
                      bool inTotals = true) {
  DisplacementFlow f;
  f.start = *parseDate(start);
  f.end = *parseDate(end);
  f.people = people;
  f.to = {destinationX, 36};
  f.inTotals = inTotals;
  return f;
}

Displacement sample() {
  Displacement d;
  d.figures = {cumulative("2020-02-02", 586000), cumulative("2019-12-29", 284000),
               cumulative("2020-02-23", 948000),
               cumulative("2020-02-24", 1000000, "seeds/001_756f4ca82dee0a4f.txt (2020-02-24)")};
  d.flows = {flow("2020-01-01", "2020-01-11", 10000, 36.6),
             flow("2019-12-01", "2019-12-31", 30000, 36.7),
             flow("2019-12-01", "2019-12-31", 5000, 36.7, false)};
  d.finish();
  return d;
}

TEST(Displacement, TheSeriesIsThePublicRecordNotTheArticles) {
  const Displacement d = sample();
  ASSERT_EQ(d.series().size(), 3u);
  for (const std::size_t i : d.series())
    EXPECT_FALSE(d.figures[i].fromArticle());
  EXPECT_EQ(formatDate(*d.seriesStart()), "2019-12-01");
}

TEST(Displacement, CumulativeIsLinearBetweenReports) {
  const Displacement d = sample();
  EXPECT_EQ(d.cumulativeAt(*parseDate("2019-11-30")), 0);
  EXPECT_DOUBLE_EQ(d.cumulativeAt(*parseDate("2019-12-29")), 284000);
  EXPECT_DOUBLE_EQ(d.cumulativeAt(*parseDate("2020-02-02")), 586000);
  // Half-way between 2 and 23 February (21 days apart): 10.5 days in.
  EXPECT_DOUBLE_EQ(d.cumulativeAt(*parseDate("2020-02-02") + 10.5), (586000 + 948000) / 2.0);
  EXPECT_DOUBLE_EQ(d.cumulativeAt(*parseDate("2020-06-01")), 948000);  // flat after the last report
  EXPECT_DOUBLE_EQ(d.weeklyRateAt(*parseDate("2020-02-23")),
                   948000 - d.cumulativeAt(*parseDate("2020-02-16")));
}

TEST(Displacement, ArrivalsGrowOverTheFlowsPeriodAndSkipNestedFlows) {
  const Displacement d = sample();
  ASSERT_EQ(d.destinations.size(), 2u);
  const std::size_t east =
      d.destinations[0].where.lon == 36.7 ? 0 : 1;  // where the December flows end
  // The 30,000 over December (30 days): 1,000 a day; the nested 5,000 is not added.
  EXPECT_DOUBLE_EQ(d.arrivalsAt(east, *parseDate("2019-12-11")), 10000);
  EXPECT_DOUBLE_EQ(d.arrivalsAt(east, *parseDate("2020-03-01")), 30000);
  // The table the GPU reads agrees with arrivalsAt, day by day.
  const Day first = *parseDate("2019-11-01");
  const std::vector<float> table = d.arrivalsTable(first, 200);
  for (int day = 0; day < 200; day += 7)
    for (std::size_t dest = 0; dest < 2; ++dest)
      EXPECT_NEAR(table[dest * 200 + day], d.arrivalsAt(dest, first + day), 0.5)
          << dest << " " << day;
}

TEST(Displacement, FlowsShowWhileTheirPeriodOverlapsTheWindow) {
  const DisplacementFlow f = flow("2019-12-12", "2019-12-25", 235000, 36.7);
  EXPECT_FALSE(Displacement::flowVisible(f, *parseDate("2019-12-11"), 30));
  EXPECT_TRUE(Displacement::flowVisible(f, *parseDate("2019-12-20"), 30));
  EXPECT_TRUE(Displacement::flowVisible(f, *parseDate("2020-01-20"), 30));   // ended 26 days ago
  EXPECT_FALSE(Displacement::flowVisible(f, *parseDate("2020-01-30"), 30));  // 36 days ago
  EXPECT_FALSE(Displacement::flowVisible(f, *parseDate("2020-01-20"), 7));
}

TEST(Displacement, FlowsThatMayShowCoverEveryVisibleFlow) {
  Displacement d;
  for (int i = 0; i < 200; ++i) {
    const Day start = makeDay(2019, 1, 1) + i * 3;
    DisplacementFlow f = flow("2019-01-01", "2019-01-01", 1000, 36.6);
    f.start = start;
    f.end = start + (i % 40);
    d.flows.push_back(f);
  }
  d.finish();
  for (double day = makeDay(2018, 12, 1); day < makeDay(2019, 9, 1); day += 5.5) {
    const auto [first, last] = d.flowsThatMayShow(day, 20);
    for (std::size_t i = 0; i < d.flows.size(); ++i)
      if (Displacement::flowVisible(d.flows[i], day, 20)) {
        EXPECT_GE(i, first);
        EXPECT_LT(i, last);
      }
  }
}

TEST(Displacement, StepsThroughFigures) {
  const Displacement d = sample();
  EXPECT_EQ(formatDate(d.figures[*d.nextFigure(*parseDate("2020-02-02"))].date), "2020-02-23");
  EXPECT_EQ(formatDate(d.figures[*d.previousFigure(*parseDate("2020-02-02"))].date), "2019-12-29");
}

}  // namespace
}  // namespace idlib
