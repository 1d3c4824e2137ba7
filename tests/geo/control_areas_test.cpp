// Areas of control and front lines derived from the bundled control changes.
#include "geo/control_areas.hpp"

#include <gtest/gtest.h>

#include "core/place_report.hpp"
#include "geo/projection.hpp"
#include "geo/timeline_loader.hpp"

namespace idlib {
namespace {

class BundledAreas : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    load_ = new TimelineLoad(loadTimeline(bundledTimelineSources(IDLIB_DATA_DIR)));
    std::vector<Notice> notices;
    areas_ = new ControlAreas(computeControlAreas(
        load_->timeline, std::string(IDLIB_DATA_DIR) + "/geodata/admin1.geojson", notices));
    for (const auto& n : notices)
      ASSERT_NE(n.severity, Severity::Error) << n.message;
  }
  static void TearDownTestSuite() {
    delete areas_;
    delete load_;
  }
  static std::optional<Controller> at(const char* date, LonLat where) {
    const auto s = load_->timeline.snapshotAt(*parseDate(date));
    return s ? areas_->controllerAt(*s, Projection::lonLatToMap().forward(where)) : std::nullopt;
  }
  static inline TimelineLoad* load_ = nullptr;
  static inline ControlAreas* areas_ = nullptr;
};

constexpr LonLat kSaraqib{36.8006, 35.8636};
constexpr LonLat kIdlibCity{36.6333, 35.9333};
constexpr LonLat kAntakya{36.16, 36.21};  // in Turkey: no Syrian area of control

TEST_F(BundledAreas, OneSnapshotPerChangeDate) {
  EXPECT_EQ(areas_->snapshots.size(), load_->timeline.controlChangeDates().size());
}

TEST_F(BundledAreas, SaraqibsAreaFollowsItsCaptures) {
  EXPECT_EQ(at("2020-02-01", kSaraqib), Controller::Opposition);
  EXPECT_EQ(at("2020-02-10", kSaraqib), Controller::Government);
  EXPECT_EQ(at("2020-02-28", kSaraqib), Controller::Opposition);
  EXPECT_EQ(at("2020-03-03", kSaraqib), Controller::Government);
}

TEST_F(BundledAreas, IdlibCityStaysOppositionAndTurkeyIsOutside) {
  for (const Day d : load_->timeline.controlChangeDates()) {
    const std::string date = formatDate(d);
    EXPECT_EQ(at(date.c_str(), kIdlibCity), Controller::Opposition) << date;
  }
  EXPECT_FALSE(at("2020-03-03", kAntakya).has_value());
}

// Areas reach only as far as the data: 56 km east of the nearest dated locality (Manbij), inside
// the box the areas used to fill, no side is claimed; the rim fades out, the core does not.
TEST_F(BundledAreas, NoControlBeyondTheDatasReach) {
  EXPECT_FALSE(at("2020-02-20", {38.15, 36.05}).has_value());
  EXPECT_FALSE(at("2020-02-20", {40.14, 35.33}).has_value());  // Deir ez-Zor
  for (const ControlSnapshot& s : areas_->snapshots) {
    ASSERT_EQ(s.coverage.size(), s.triangles.size());
    EXPECT_EQ(*std::max_element(s.coverage.begin(), s.coverage.end()), 1.0f);
    EXPECT_LT(*std::min_element(s.coverage.begin(), s.coverage.end()), 0.05f);
  }
}

TEST_F(BundledAreas, FrontLineRunsBetweenOpposingLocalitiesAndMovesNorth) {
  const Timeline& t = load_->timeline;
  auto southmost = [&](const char* date) {
    const ControlSnapshot& s = areas_->snapshots[*t.snapshotAt(*parseDate(date))];
    EXPECT_FALSE(s.front.empty()) << date;
    double y = 1e12;
    for (const FrontSegment& f : s.front) {
      const auto a = t.localities[f.localityA].controllerAt(*parseDate(date));
      const auto b = t.localities[f.localityB].controllerAt(*parseDate(date));
      EXPECT_TRUE(a && b && opposing(*a, *b))
          << t.localities[f.localityA].name << " / " << t.localities[f.localityB].name;
      // Only the Idlib front: between the coast and Aleppo's western edge.
      if (f.a.x > -70000 && f.a.x < 30000) y = std::min(y, f.a.y);
    }
    return y;
  };
  // The southern edge of the opposition's area moved north by tens of km from 2019 to 2020.
  EXPECT_GT(southmost("2020-03-06") - southmost("2019-05-01"), 30000);
}

// What a click on the map shows (and --at prints): Saraqib's side before and after it fell on
// 6 February 2020, since when and on whose word, the posts around it, and the recent events.
TEST_F(BundledAreas, APlaceReportSaysWhoHeldSaraqibThenAndWhatWasNearby) {
  const Timeline& t = load_->timeline;
  const Vec2 p = Projection::lonLatToMap().forward(kSaraqib);
  const PlaceReport before = placeReport(t, *areas_, kSaraqib, p, *parseDate("2020-02-01"), 30);
  const PlaceReport after = placeReport(t, *areas_, kSaraqib, p, *parseDate("2020-02-10"), 30);
  EXPECT_EQ(before.controller, Controller::Opposition);
  EXPECT_EQ(after.controller, Controller::Government);
  ASSERT_TRUE(after.snapshotDate);
  EXPECT_GE(*after.snapshotDate, *parseDate("2020-02-06"));
  ASSERT_NE(after.nearest, nullptr);
  EXPECT_EQ(after.nearest->name, "Saraqib");
  EXPECT_LT(after.nearestKm, 0.1);
  const ControlChange* since = after.nearest->changeAt(after.date);
  ASSERT_NE(since, nullptr);
  EXPECT_EQ(since->date, *parseDate("2020-02-06"));
  EXPECT_NE(since->provenance.source.find("al-Masdar"), std::string::npos);
  // The Turkish posts put around Saraqib in early February, and Tell Tuqan's, 14 km east.
  const auto postNamed = [&](const PlaceReport& r, std::string_view part) {
    return std::any_of(r.posts.begin(), r.posts.end(), [&](const PlaceReport::Nearby& n) {
      return t.posts[n.index].name.find(part) != std::string::npos && n.km <= kNearbyKm;
    });
  };
  EXPECT_TRUE(postNamed(after, "Saraqib"));
  EXPECT_TRUE(postNamed(after, "Tell Tuqan"));
  // The events are the window's, near the town, and include the shelling of 3 February.
  ASSERT_FALSE(after.events.empty());
  for (const auto& [i, km] : after.events) {
    EXPECT_LE(km, kNearbyKm);
    EXPECT_LE(t.events[i].date(), after.date);
    EXPECT_GT(t.events[i].date(), after.date - 30);
  }
  EXPECT_TRUE(std::any_of(
      after.events.begin(), after.events.end(),
      [&](const PlaceReport::Nearby& n) { return t.events[n.index].id() == "a004-01"; }));
}

TEST_F(BundledAreas, APlaceReportInTurkeyHasNoSideAndNoNearbyEvents) {
  const PlaceReport r =
      placeReport(load_->timeline, *areas_, kAntakya, Projection::lonLatToMap().forward(kAntakya),
                  *parseDate("2020-02-10"), 30);
  EXPECT_FALSE(r.controller);
  EXPECT_FALSE(r.snapshotDate);
  EXPECT_TRUE(r.events.empty());
}

}  // namespace
}  // namespace idlib
