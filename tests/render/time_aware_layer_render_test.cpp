// A layer with date fields moves with the timeline (issue 11): two dated polygons over the same
// place, A valid 2019-01-01 to 2019-06-01 and B from 2019-06-01, as an analyst's export of
// control polygons would have them. At each date the map shows the one in force, and only it.
#include <fmt/format.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "render_fixture.hpp"

namespace idlib::test {
namespace {
namespace fs = std::filesystem;

constexpr Rgba kA = rgb(0xd62728), kB = rgb(0x1f77b4);  // set by the test: the layer's style
                                                        // gives both features one colour
constexpr LonLat kPlace{36.45, 35.75};                  // inside both, in open country

// The layer is loaded once for the suite (BundledMap's state is the suite's own).
class TimeAwareLayer : public BundledMap {
 protected:
  static void SetUpTestSuite() {
    BundledMap::SetUpTestSuite();
    dir_ = fs::temp_directory_path() / fmt::format("idlib-time-aware-{}", ::getpid());
    fs::create_directories(dir_);
    const char* square = R"("geometry":{"type":"Polygon","coordinates":[[[36.4,35.7],[36.5,35.7],)"
                         R"([36.5,35.8],[36.4,35.8],[36.4,35.7]]]})";
    std::ofstream(dir_ / "control.geojson") << fmt::format(
        R"({{"type":"FeatureCollection","features":[)"
        R"({{"type":"Feature","properties":{{"name":"A","valid_from":"2019-01-01","valid_to":"2019-06-01"}},{0}}},)"
        R"({{"type":"Feature","properties":{{"name":"B","valid_from":"2019-06-01","valid_to":null}},{0}}}]}})",
        square);
    const auto notices =
        loadAll(*state_, *renderer_, {userLayer((dir_ / "control.geojson").string())});
    ASSERT_TRUE(notices.empty()) << notices.front().message;
    Layer& layer = controlLayer();
    layer.features[0].fill = kA;
    layer.features[1].fill = kB;
    renderer_->upload(layer);
  }
  static void TearDownTestSuite() {
    fs::remove_all(dir_);
    BundledMap::TearDownTestSuite();
  }
  static Layer& controlLayer() {
    for (LayerEntry& e : state_->layers)
      if (e.layer.sourcePath.starts_with(dir_.string())) return e.layer;
    throw std::runtime_error("the test's layer is not loaded");
  }
  static inline fs::path dir_;
};

TEST_F(TimeAwareLayer, DetectsItsDateFieldsWhenLoaded) {
  const Layer& layer = controlLayer();
  EXPECT_EQ(layer.time, (TemporalSetting{TimeMode::Period, "valid_from", "valid_to"}));
}

TEST_F(TimeAwareLayer, ShowsTheFeatureInForceAtEachDate) {
  EXPECT_TRUE(near(pixelAt(renderAt("2019-03-01"), kPlace), kA));
  EXPECT_TRUE(near(pixelAt(renderAt("2019-07-01"), kPlace), kB));
  // The last day of A's period is still A's; B takes over on the day A ends.
  EXPECT_TRUE(near(pixelAt(renderAt("2019-05-31"), kPlace), kA));
  EXPECT_TRUE(near(pixelAt(renderAt("2019-06-01"), kPlace), kB));
}

TEST_F(TimeAwareLayer, BeforeAnyPeriodTheMapUnderItShows) {
  const Rgba before = pixelAt(renderAt("2018-06-01"), kPlace);
  EXPECT_FALSE(near(before, kA, 40));
  EXPECT_FALSE(near(before, kB, 40));
}

TEST_F(TimeAwareLayer, ModeAndFieldsChosenInThePanelApplyAtTheNextFrame) {
  Layer& layer = controlLayer();
  // Accumulate: A from 2019-01-01 on, B over it from 2019-06-01, so at 2019-07-01 B still shows
  // (drawn last) and at 2019-03-01 A shows.
  applyTemporalSetting(layer, {TimeMode::Accumulate, "valid_from", ""});
  EXPECT_TRUE(near(pixelAt(renderAt("2019-03-01"), kPlace), kA));
  // Period from valid_to, no end field: A from 2019-06-01 on; B has no valid_to, so it is
  // undated and never shown.
  applyTemporalSetting(layer, {TimeMode::Period, "valid_to", ""});
  EXPECT_TRUE(near(pixelAt(renderAt("2019-07-01"), kPlace), kA));
  EXPECT_FALSE(near(pixelAt(renderAt("2019-05-31"), kPlace), kA, 40));
  // Off: every feature shown, B drawn over A.
  applyTemporalSetting(layer, {});
  EXPECT_TRUE(near(pixelAt(renderAt("2018-06-01"), kPlace), kB));
  applyTemporalSetting(layer, {TimeMode::Period, "valid_from", "valid_to"});
}

}  // namespace
}  // namespace idlib::test
