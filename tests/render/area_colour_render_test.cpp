// One colour per side (issue 10, point 1): an area of control has the legend's colour wherever it
// lies, inside Idlib governorate (yellow base fill) or outside it (Syria's pale fill).
#include "render_fixture.hpp"

namespace idlib::test {
namespace {

class AreaColour : public BundledMap {
 protected:
  void SetUp() override { state_->timeLayers.areas = true; }
  void TearDown() override {
    state_->timeLayers.areasOpacity = 1;
    state_->highContrast = false;
    showOnlyBaseMap();
  }

  // The home view at 1280x720 (room for the legend) on 2020-02-20, towns and boundaries shown.
  static RenderedImage render() {
    state_->playback.jumpTo(makeDay(2020, 2, 20), state_->timeline);
    return renderImage(*state_, *renderer_, idlibHomeView({1280, 720}), 1280, 720);
  }
};

// The colour at a place in open country: the 7x7 pixels around it must all agree, so the sample
// is not on a town marker, a label or a boundary line.
Rgba openCountryAt(const RenderedImage& image, LonLat where) {
  const Rgba centre = BundledMap::pixelAt(image, where);
  const Vec2 w = BundledMap::state_->projection.forward(where);
  const int cx = static_cast<int>((w.x - image.grid.originX) / image.grid.pixelSize);
  const int cy = static_cast<int>((image.grid.originY - w.y) / image.grid.pixelSize);
  for (int y = cy - 3; y <= cy + 3; ++y)
    for (int x = cx - 3; x <= cx + 3; ++x) {
      const std::uint8_t* p = &image.rgba[(static_cast<std::size_t>(y) * image.width + x) * 4];
      EXPECT_TRUE(near({p[0], p[1], p[2], 255}, centre, 2))
          << "not open country at " << where.lon << "," << where.lat;
    }
  return centre;
}

bool sameColour(const RenderedImage& image, int x, int y, Rgba colour) {
  const std::uint8_t* p = &image.rgba[(static_cast<std::size_t>(y) * image.width + x) * 4];
  const auto close = [](int a, int b) { return std::abs(a - b) <= 1; };
  return close(p[0], colour.r) && close(p[1], colour.g) && close(p[2], colour.b);
}

// Whether pixels [x0, x1) of row y, and none beside them, have `colour`.
bool runAt(const RenderedImage& image, int y, int x0, int x1, Rgba colour) {
  for (int x = x0; x < x1; ++x)
    if (!sameColour(image, x, y, colour)) return false;
  return (x0 == 0 || !sameColour(image, x0 - 1, y, colour)) &&
         (x1 == image.width || !sameColour(image, x1, y, colour));
}

// Whether the image holds a legend swatch of `colour`: a rectangle 15 to 20 pixels wide and at
// least 8 high with nothing of that colour beside it (areas are larger, or not rectangles).
bool hasSwatch(const RenderedImage& image, Rgba colour) {
  for (int y = 0; y + 8 <= image.height; ++y)
    for (int x0 = 0; x0 < image.width; ++x0) {
      if (!sameColour(image, x0, y, colour) || (x0 > 0 && sameColour(image, x0 - 1, y, colour)))
        continue;
      int x1 = x0;
      while (x1 < image.width && sameColour(image, x1, y, colour))
        ++x1;
      if (x1 - x0 < 15 || x1 - x0 > 20) continue;
      int rows = 1;
      while (y + rows < image.height && runAt(image, y + rows, x0, x1, colour))
        ++rows;
      if (rows >= 8) return true;
    }
  return false;
}

// Sample points, each moved a few km from its town into open country of the same side (the town
// itself carries a marker and a label): Idlib city 36.6339,35.9306 -> 4 km south-west; al-Atarib
// 36.8297,36.1364 -> 3 km north-west; Khan Shaykhun 36.6469,35.4414 -> 4 km north-east; Aleppo
// 37.16,36.20 -> 7 km south, below its label.
constexpr LonLat kNearIdlib{36.60, 35.905};        // opposition, inside Idlib governorate
constexpr LonLat kNearAtarib{36.805, 36.155};      // opposition, Aleppo governorate
constexpr LonLat kNearKhanShaykhun{36.68, 35.47};  // government, inside Idlib governorate
constexpr LonLat kNearAleppo{37.16, 36.135};       // government, Aleppo governorate

TEST_F(AreaColour, EachSideHasTheLegendsColourInsideAndOutsideIdlib) {
  const RenderedImage image = render();
  const Rgba opposition = areaColor(Controller::Opposition);
  const Rgba government = areaColor(Controller::Government);
  EXPECT_TRUE(near(openCountryAt(image, kNearIdlib), opposition, 6));
  EXPECT_TRUE(near(openCountryAt(image, kNearAtarib), opposition, 6));
  EXPECT_TRUE(near(openCountryAt(image, kNearKhanShaykhun), government, 6));
  EXPECT_TRUE(near(openCountryAt(image, kNearAleppo), government, 6));
  EXPECT_TRUE(hasSwatch(image, opposition)) << "the legend has no swatch of the area's colour";
  EXPECT_TRUE(hasSwatch(image, government)) << "the legend has no swatch of the area's colour";
}

TEST_F(AreaColour, AFadedSideStillMatchesItsFadedSwatch) {
  state_->timeLayers.areasOpacity = 0.5f;
  const RenderedImage image = render();
  const Rgba opposition = areaColor(Controller::Opposition, 0.5f);
  EXPECT_TRUE(near(openCountryAt(image, kNearIdlib), opposition, 6));
  EXPECT_TRUE(near(openCountryAt(image, kNearAtarib), opposition, 6));
  EXPECT_TRUE(hasSwatch(image, opposition));
}

// --high-contrast (issue 10, projector): the map itself switches to the projector palette, and
// the legend with it.
TEST_F(AreaColour, HighContrastDrawsTheProjectorPaletteAndItsLegend) {
  state_->highContrast = true;
  const RenderedImage image = render();
  const Rgba opposition = areaColor(Controller::Opposition, 1, Palette::Projector);
  const Rgba government = areaColor(Controller::Government, 1, Palette::Projector);
  ASSERT_NE(opposition, areaColor(Controller::Opposition)) << "the palettes must differ";
  EXPECT_TRUE(near(openCountryAt(image, kNearIdlib), opposition, 6));
  EXPECT_TRUE(near(openCountryAt(image, kNearAtarib), opposition, 6));
  EXPECT_TRUE(near(openCountryAt(image, kNearKhanShaykhun), government, 6));
  EXPECT_TRUE(near(openCountryAt(image, kNearAleppo), government, 6));
  EXPECT_TRUE(hasSwatch(image, opposition)) << "the legend has no swatch of the area's colour";
  EXPECT_TRUE(hasSwatch(image, government)) << "the legend has no swatch of the area's colour";
  EXPECT_FALSE(hasSwatch(image, areaColor(Controller::Government))) << "the desk's swatch is left";
}

// Whether row `y` of `image`, between columns x0 and x1, crosses a black line (3+ pixels all
// under 50) with white (over 225) within 4 pixels on both sides: the projector's cased front line.
bool crossesCasedBlackLine(const RenderedImage& image, int y, int x0, int x1) {
  const auto at = [&](int x) {
    return &image.rgba[(static_cast<std::size_t>(y) * image.width + x) * 4];
  };
  const auto dark = [&](int x) { return at(x)[0] < 50 && at(x)[1] < 50 && at(x)[2] < 50; };
  const auto white = [&](int x) { return at(x)[0] > 225 && at(x)[1] > 225 && at(x)[2] > 225; };
  for (int x = x0 + 4; x + 7 < x1; ++x) {
    if (!dark(x) || !dark(x + 1) || !dark(x + 2)) continue;
    int end = x;
    while (end < x1 && dark(end))
      ++end;
    bool before = false, after = false;
    for (int d = 1; d <= 4; ++d) {
      before |= white(x - d);
      after |= white(end - 1 + d);
    }
    if (before && after) return true;
  }
  return false;
}

// The front line on a projector: black on a white casing where it crosses open country between
// the opposition's Kafr Nabl and the government's side east of it, on 2020-02-20; the desk's line
// is its own red, with no black.
TEST_F(AreaColour, TheProjectorsFrontLineIsBlackOnAWhiteCasing) {
  state_->timeLayers.front = true;
  const Vec2 west = state_->projection.forward(LonLat{36.50, 35.60});
  const Vec2 east = state_->projection.forward(LonLat{36.85, 35.60});
  const auto columnAndRow = [](const RenderedImage& image, Vec2 w) {
    return std::pair{static_cast<int>((w.x - image.grid.originX) / image.grid.pixelSize),
                     static_cast<int>((image.grid.originY - w.y) / image.grid.pixelSize)};
  };
  state_->highContrast = true;
  const RenderedImage projector = render();
  const auto [x0, y] = columnAndRow(projector, west);
  const int x1 = columnAndRow(projector, east).first;
  EXPECT_TRUE(crossesCasedBlackLine(projector, y, x0, x1));
  state_->timeLayers.front = false;  // so it is the front line, not a town marker on the row
  EXPECT_FALSE(crossesCasedBlackLine(render(), y, x0, x1));
  state_->timeLayers.front = true;
  state_->highContrast = false;
  const RenderedImage desk = render();
  EXPECT_FALSE(crossesCasedBlackLine(desk, y, x0, x1));
}

}  // namespace
}  // namespace idlib::test
