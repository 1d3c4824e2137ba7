// Headless renders of displacement: the symbols grow as people arrive, flows come and go.
#include <algorithm>

#include "geo/projection.hpp"
#include "render_fixture.hpp"

namespace idlib::test {
namespace {

class DisplacementRender : public BundledMap {
 protected:
  void SetUp() override { layer(LayerRole::Towns).visible = false; }
  void TearDown() override {
    layer(LayerRole::Towns).visible = true;
    showOnlyBaseMap();
  }
  // Distance in pixels from `centre` rightwards to the symbol's dark outline.
  static int symbolRadius(const RenderedImage& image, LonLat centre) {
    const Vec2 w = state_->projection.forward(centre);
    const int cx = static_cast<int>((w.x - image.grid.originX) / image.grid.pixelSize);
    const int cy = static_cast<int>((image.grid.originY - w.y) / image.grid.pixelSize);
    for (int dx = 1; cx + dx < image.width && dx < 200; ++dx) {
      const std::uint8_t* p =
          &image.rgba[(static_cast<std::size_t>(cy) * image.width + cx + dx) * 4];
      if (p[0] < 60 && p[1] < 100 && p[2] > 110) return dx;  // the outline's dark blue
    }
    return 0;
  }
};

constexpr LonLat kDana{36.76998, 36.21254};  // destination of the flow to the Dana camps

TEST_F(DisplacementRender, ASymbolGrowsAsPeopleArrive) {
  state_->timeLayers.arrivals = true;
  const int early = symbolRadius(renderAt("2020-01-01"), kDana);
  const int late = symbolRadius(renderAt("2020-02-20"), kDana);
  EXPECT_GT(early, 3);
  EXPECT_GT(late, early + 3);
  // Area in proportion to people: radius grows with the square root of the arrivals.
  const Displacement& d = state_->displacement;
  std::size_t dana = 0;
  for (std::size_t i = 0; i < d.destinations.size(); ++i)
    if (std::abs(d.destinations[i].where.lon - kDana.lon) < 1e-4) dana = i;
  const double ratio = std::sqrt(d.arrivalsAt(dana, *parseDate("2020-02-20")) /
                                 d.arrivalsAt(dana, *parseDate("2020-01-01")));
  EXPECT_NEAR(static_cast<double>(late) / early, ratio, 0.25);
}

TEST_F(DisplacementRender, TheFlowFromMaarratAlNumanShowsInJanuary2020NotInJune2019) {
  state_->timeLayers.flows = true;
  state_->playback.windowDays = 30;
  // The arc's midpoint as the shader curves it: a quadratic Bezier bulging left of travel.
  const Displacement& d = state_->displacement;
  const auto flow = std::find_if(d.flows.begin(), d.flows.end(),
                                 [](const DisplacementFlow& f) { return f.id == "fl_09"; });
  ASSERT_NE(flow, d.flows.end());
  const Vec2 chord = flow->b - flow->a, mid = (flow->a + flow->b) * 0.5;
  const Vec2 control = mid + Vec2{-chord.y, chord.x} * 0.22;
  const Vec2 onArc = flow->a * 0.25 + control * 0.5 + flow->b * 0.25;
  const LonLat where = state_->projection.inverseLonLat(onArc);
  const Rgba january = pixelAt(renderAt("2020-01-20"), where);
  const Rgba june = pixelAt(renderAt("2019-06-15"), where);
  EXPECT_GT(january.b, january.r + 40) << "the arc's blue in January";
  EXPECT_LT(june.b, june.g) << "no arc in June: the base map's green/sand";
}

}  // namespace
}  // namespace idlib::test
