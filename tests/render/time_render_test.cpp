// Headless renders at dates: what the map shows as the timeline moves.
#include "render_fixture.hpp"

namespace idlib::test {
namespace {

constexpr LonLat kSaraqib{36.8006, 35.8636};

class TimeRender : public BundledMap {
 protected:
  void SetUp() override {
    layer(LayerRole::Towns).visible = false;  // markers would cover the areas at the towns
    state_->timeLayers.areas = true;
  }
  void TearDown() override {
    layer(LayerRole::Towns).visible = true;
    showOnlyBaseMap();
  }
};

TEST_F(TimeRender, SaraqibTurnsFromOppositionToGovernmentColour) {
  const Rgba february = pixelAt(renderAt("2020-02-01"), kSaraqib);
  const Rgba march = pixelAt(renderAt("2020-03-03"), kSaraqib);
  EXPECT_TRUE(near(february, areaColor(Controller::Opposition)));
  EXPECT_TRUE(near(march, areaColor(Controller::Government)));
}

TEST_F(TimeRender, ScrubbingChangesOnlyWhatDependsOnTheDate) {
  // Two dates with the same control snapshot draw the same areas.
  const RenderedImage a = renderAt("2020-02-10");
  const RenderedImage b = renderAt("2020-02-10");
  EXPECT_EQ(a.rgba, b.rgba);
  EXPECT_NE(renderAt("2019-01-01").rgba, a.rgba);
}

TEST_F(TimeRender, PostsShowTheirStatus) {
  state_->timeLayers.posts = true;
  // Morek's post (village centre 36.6872E 35.3753N) is active in July 2019, encircled in September.
  const LonLat morek{36.68720, 35.37530};
  const Rgba july = pixelAt(renderAt("2019-07-01"), morek),
             september = pixelAt(renderAt("2019-09-01"), morek);
  EXPECT_TRUE(near(july, rgb(0x0072b2), 10));
  EXPECT_TRUE(near(september, rgb(0xe69f00), 10));
}

TEST_F(TimeRender, EventsAppearOnTheirDayAndFadeWithTheWindow) {
  state_->timeLayers.events = true;
  state_->playback.windowDays = 30;
  // The 3 February 2020 shelling near Saraqib: absent the day before, then drawn.
  EXPECT_TRUE(near(pixelAt(renderAt("2020-02-02"), kSaraqib), areaColor(Controller::Opposition)));
  const Rgba shown = pixelAt(renderAt("2020-02-03"), kSaraqib);
  EXPECT_FALSE(near(shown, areaColor(Controller::Opposition), 20));
  const Rgba later = pixelAt(renderAt("2020-03-20"), kSaraqib);  // 46 days on: out of the window
  EXPECT_TRUE(near(later, areaColor(Controller::Government)));
}

}  // namespace
}  // namespace idlib::test
