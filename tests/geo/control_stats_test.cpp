// How much land and how many people each side held, from the bundled control history: the
// figures the chart track, --control-stats and the change map show.
#include "core/control_stats.hpp"

#include <gtest/gtest.h>

#include "geo/control_areas.hpp"
#include "geo/timeline_loader.hpp"

namespace idlib {
namespace {

class BundledStats : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    load_ = new TimelineLoad(loadTimeline(bundledTimelineSources(IDLIB_DATA_DIR)));
    std::vector<Notice> notices;
    const std::string geo = std::string(IDLIB_DATA_DIR) + "/geodata/";
    areas_ = new ControlAreas(computeControlAreas(load_->timeline, geo + "admin1.geojson", notices,
                                                  geo + "towns.geojson"));
    for (const auto& n : notices)
      ASSERT_NE(n.severity, Severity::Error) << n.message;
    series_ = new std::vector<ControlStatsRow>(controlSeries(load_->timeline, *areas_));
  }
  static void TearDownTestSuite() {
    delete series_;
    delete areas_;
    delete load_;
  }
  static double sum(const std::array<double, kSideSlots>& v) {
    double s = 0;
    for (const double x : v)
      s += x;
    return s;
  }
  static double governmentShareInIdlib(const char* date) {
    const ControlStatsRow* row = statsAt(*series_, *parseDate(date));
    EXPECT_NE(row, nullptr) << date;
    return row ? row->idlib.km2[static_cast<std::size_t>(Controller::Government)] /
                     sum(row->idlib.km2)
               : 0;
  }
  static inline TimelineLoad* load_ = nullptr;
  static inline ControlAreas* areas_ = nullptr;
  static inline std::vector<ControlStatsRow>* series_ = nullptr;
};

// Idlib governorate is about 6,100 km² (Natural Earth's outline in admin1.geojson); the mapped
// part of it cannot be larger, and the localities cover most of it.
TEST_F(BundledStats, MappedLandIsMeasuredInSquareKilometres) {
  EXPECT_GT(areas_->idlibKm2, 3000);
  EXPECT_LT(areas_->idlibKm2, 6500);
  EXPECT_GT(areas_->landKm2, areas_->idlibKm2);
}

TEST_F(BundledStats, EveryDateAddsUpToTheMappedLand) {
  ASSERT_EQ(series_->size(), load_->timeline.controlChangeDates().size());
  for (const ControlStatsRow& row : *series_) {
    EXPECT_NEAR(sum(row.all.km2), areas_->landKm2, areas_->landKm2 * 0.001) << formatDate(row.date);
    EXPECT_NEAR(sum(row.idlib.km2), areas_->idlibKm2, areas_->idlibKm2 * 0.001)
        << formatDate(row.date);
  }
}

// The 2019 and 2019-20 offensives took southern Idlib: the government's share grows.
TEST_F(BundledStats, GovernmentShareInsideIdlibGrowsThroughTheOffensives) {
  const double before = governmentShareInIdlib("2019-04-30");
  const double after = governmentShareInIdlib("2020-03-06");
  EXPECT_GT(after, before + 0.05) << before << " -> " << after;
}

// The equal-area measure agrees with the conformal map plane's area near its centre, where the
// transverse Mercator's scale is 1: a cell is not off by a projection's distortion.
TEST_F(BundledStats, CellsAreasAreTheirTrianglesAreas) {
  for (const ControlCell& cell : areas_->cells) {
    double m2 = 0;
    for (std::size_t i = 0; i + 2 < cell.triangles.size(); i += 3) {
      const Vec2 a = cell.triangles[i], b = cell.triangles[i + 1], c = cell.triangles[i + 2];
      m2 += std::abs((b.x - a.x) * (c.y - a.y) - (c.x - a.x) * (b.y - a.y)) / 2;
    }
    EXPECT_NEAR(cell.km2, m2 / 1e6, cell.km2 * 0.01 + 0.01)
        << load_->timeline.localities[cell.locality].name;
  }
}

// People are counted where their town stands: Saraqib's cell holds at least its own figure.
TEST_F(BundledStats, TownsArePeopleInTheirCells) {
  double people = 0;
  for (const ControlCell& cell : areas_->cells)
    people += cell.people;
  EXPECT_GT(people, 100000);
  const ControlStatsRow& last = series_->back();
  EXPECT_NEAR(sum(last.all.people), people, 1);
}

TEST_F(BundledStats, SaraqibChangedHandsInFebruary2020) {
  const auto changes =
      changedHands(load_->timeline, *parseDate("2020-02-01"), *parseDate("2020-02-10"));
  const auto saraqib = std::find_if(changes.begin(), changes.end(), [](const HandChange& h) {
    return load_->timeline.localities[h.locality].name == "Saraqib";
  });
  ASSERT_NE(saraqib, changes.end());
  EXPECT_EQ(saraqib->before, Controller::Opposition);
  EXPECT_EQ(saraqib->after, Controller::Government);
  ASSERT_NE(saraqib->change, nullptr);
  EXPECT_FALSE(saraqib->change->provenance.source.empty());
  // Nothing that held still is listed; the list runs in order of the change's date.
  for (const HandChange& h : changes)
    EXPECT_NE(h.before, h.after);
  for (std::size_t i = 1; i < changes.size(); ++i)
    EXPECT_LE(changes[i - 1].change->date, changes[i].change->date);
  EXPECT_TRUE(
      changedHands(load_->timeline, *parseDate("2020-02-10"), *parseDate("2020-02-10")).empty());
}

}  // namespace
}  // namespace idlib
