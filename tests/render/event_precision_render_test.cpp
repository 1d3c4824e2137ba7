// Province-wide and imprecise events are not points (issue 10, point 5): an event whose place is
// a whole province is a dashed circle with no dot at its stand-in coordinate; a town-precise
// event dated to the day is a solid dot; one dated only to the week is hollow.
#include <cmath>

#include "render_fixture.hpp"
#include "ui/map_view.hpp"

namespace idlib::test {
namespace {

// events.csv: the stand-in for "Idlib province" (geo_precision region), and Saraqib, where
// a004-01 (2020-02-03, day, town) and a002-02 (2020-02-05, week, town) took place.
constexpr LonLat kIdlibProvince{36.60, 35.80};
constexpr LonLat kSaraqib{36.8006, 35.8636};
const Rgba kViolence = eventColor("shelling/air strike");

class EventPrecision : public BundledMap {
 public:
  // Only the events (and the base fills under them): no town marker or label beside Saraqib.
  void SetUp() override { layer(LayerRole::Towns).visible = false; }
  void TearDown() override {
    layer(LayerRole::Towns).visible = true;
    showOnlyBaseMap();
  }

  // The home view at 800x600 points drawn at twice the pixels (as on a HiDPI display).
  static RenderedImage render(const char* date, bool events) {
    state_->timeLayers.events = events;
    state_->playback.jumpTo(*parseDate(date), state_->timeline);
    return renderImage(*state_, *renderer_, idlibHomeView({800, 600}), 1600, 1200, nullptr, 2);
  }

  // The pixel `dx`, `dy` pixels from a place.
  static Rgba pixelNear(const RenderedImage& image, LonLat where, int dx, int dy) {
    const Vec2 w = state_->projection.forward(where);
    const int x = static_cast<int>((w.x - image.grid.originX) / image.grid.pixelSize) + dx;
    const int y = static_cast<int>((image.grid.originY - w.y) / image.grid.pixelSize) + dy;
    const std::uint8_t* p = &image.rgba[(static_cast<std::size_t>(y) * image.width + x) * 4];
    return {p[0], p[1], p[2], 255};
  }
};

TEST_F(EventPrecision, AProvinceWideEventIsACircleWithNoDotAtItsStandIn) {
  // On 2020-02-07 a dozen "Idlib province" events are inside the 30-day window.
  const RenderedImage with = render("2020-02-07", true), without = render("2020-02-07", false);
  for (const int d : {0, 3, -3})
    EXPECT_TRUE(
        near(pixelNear(with, kIdlibProvince, d, d), pixelNear(without, kIdlibProvince, d, d), 2))
        << "a dot at the stand-in coordinate";
  // Its circle: the pixels 42 km from the stand-in (placeRadiusMetres) change on much of it.
  const double radiusPx = placeRadiusMetres(PlacePrecision::Region) / with.grid.pixelSize;
  int drawn = 0, samples = 0;
  for (int k = 0; k < 360; ++k) {
    const double a = k * M_PI / 180;
    const int dx = static_cast<int>(std::lround(radiusPx * std::cos(a)));
    const int dy = static_cast<int>(std::lround(radiusPx * std::sin(a)));
    const Vec2 w = state_->projection.forward(kIdlibProvince);
    const int x = static_cast<int>((w.x - with.grid.originX) / with.grid.pixelSize) + dx;
    const int y = static_cast<int>((with.grid.originY - w.y) / with.grid.pixelSize) + dy;
    if (x < 2 || y < 2 || x >= with.width - 2 || y >= with.height - 2) continue;
    ++samples;
    bool changed = false;
    for (int ox = -1; ox <= 1; ++ox)
      for (int oy = -1; oy <= 1; ++oy)
        changed |= !near(pixelNear(with, kIdlibProvince, dx + ox, dy + oy),
                         pixelNear(without, kIdlibProvince, dx + ox, dy + oy), 2);
    drawn += changed;
  }
  ASSERT_GT(samples, 180);
  EXPECT_GT(drawn, samples * 4 / 10) << "the dashed circle is missing";
}

// Zoomed in until the circle is far wider than the window: its rim is still drawn where it
// crosses the window (the band of sides it is drawn as follows the circle at every zoom).
TEST_F(EventPrecision, AProvinceCircleWiderThanTheWindowStillShowsItsRim) {
  state_->timeLayers.events = true;
  state_->playback.jumpTo(*parseDate("2020-02-07"), state_->timeline);
  const double radiusMetres = placeRadiusMetres(PlacePrecision::Region);
  View view = idlibHomeView({800, 600});
  view.centre = state_->projection.forward(kIdlibProvince) + Vec2{radiusMetres, 0};
  view.metresPerPoint = 10;  // the circle 4,200 points across its radius
  const RenderedImage with = renderImage(*state_, *renderer_, view, 800, 600);
  state_->timeLayers.events = false;
  const RenderedImage without = renderImage(*state_, *renderer_, view, 800, 600);
  const auto pixel = [](const RenderedImage& image, int x, int y) {
    const std::uint8_t* p = &image.rgba[(static_cast<std::size_t>(y) * image.width + x) * 4];
    return Rgba{p[0], p[1], p[2], 255};
  };
  // Row by row, the rim's column: the centre column at the middle row, bending left away from it.
  const double radiusPx = radiusMetres / with.grid.pixelSize;
  int drawn = 0;
  for (int y = 10; y < 590; y += 4) {
    const double dy = y - 300;
    const int x =
        400 + static_cast<int>(std::lround(std::sqrt(radiusPx * radiusPx - dy * dy) - radiusPx));
    bool changed = false;
    for (int ox = -2; ox <= 2; ++ox)
      changed |= !near(pixel(with, x + ox, y), pixel(without, x + ox, y), 2);
    drawn += changed;
  }
  EXPECT_GT(drawn, 145 * 4 / 10) << "the circle's rim is missing across the window";
  state_->timeLayers.events = true;
}

TEST_F(EventPrecision, ATownEventOnAKnownDayIsASolidDot) {
  const RenderedImage image = render("2020-02-03", true);
  for (const auto& [dx, dy] : {std::pair{0, 0}, {3, 0}, {-3, 0}, {0, 3}, {0, -3}})
    EXPECT_TRUE(near(pixelNear(image, kSaraqib, dx, dy), kViolence, 3)) << dx << "," << dy;
}

TEST_F(EventPrecision, AnEventDatedToTheWeekIsHollow) {
  const RenderedImage image = render("2020-02-05", true);
  EXPECT_TRUE(near(pixelNear(image, kSaraqib, 0, 0), rgb(0xffffff), 3)) << "not hollow";
  // The ring: 9 pixels in radius (9 pt across at twice the pixels), its outer 3.2 coloured.
  for (const auto& [dx, dy] : {std::pair{7, 0}, {-7, 0}, {0, 7}, {0, -7}})
    EXPECT_TRUE(near(pixelNear(image, kSaraqib, dx, dy), kViolence, 3)) << dx << "," << dy;
}

// The pointer finds a province-wide event on its circle, as drawn, and not at the stand-in point
// where nothing is drawn.
TEST_F(EventPrecision, AProvinceWideEventIsPickedOnItsCircleNotAtItsStandIn) {
  state_->timeLayers.events = true;
  state_->playback.jumpTo(*parseDate("2020-02-07"), state_->timeline);
  const Viewport viewport{800, 600};
  state_->camera.setViewport(viewport);
  state_->camera.setView(idlibHomeView(viewport));
  const View& v = state_->camera.view();
  const Vec2 standIn = worldToScreen(v, viewport, state_->projection.forward(kIdlibProvince));
  EXPECT_EQ(pickDatedMark(*state_, standIn).kind, DatedPick::Kind::None);
  const double rim = placeRadiusMetres(PlacePrecision::Region) / v.metresPerPoint;
  const DatedPick onCircle = pickDatedMark(*state_, standIn + Vec2{rim, 0});
  ASSERT_EQ(onCircle.kind, DatedPick::Kind::Event);
  EXPECT_EQ(state_->timeline.events[onCircle.index].place(), PlacePrecision::Region);
}

}  // namespace
}  // namespace idlib::test
