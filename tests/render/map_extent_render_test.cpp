// No edge of the world (issue 10, point 4): the areas of control reach only as far as the dated
// localities support and fade out there; they never stop at a straight cut across the land.
#include "render_fixture.hpp"

namespace idlib::test {
namespace {

class MapExtent : public BundledMap {
 public:
  void TearDown() override { showOnlyBaseMap(); }

  // The whole region (the coast to east of Aleppo, Hama to the Turkish border and well beyond
  // every dated locality), at `width` x `height` pixels on 2020-02-20.
  static RenderedImage render(int width, int height, bool areas) {
    state_->timeLayers.areas = areas;
    state_->playback.jumpTo(makeDay(2020, 2, 20), state_->timeline);
    const View region{state_->projection.forward(LonLat{36.9, 35.8}), 400000.0 / 1080};
    return renderImage(*state_, *renderer_, region, width, height);
  }

  // Which pixels the areas of control colour: those that differ from the map without them.
  static std::vector<bool> areaPixels(int width, int height) {
    const RenderedImage with = render(width, height, true), without = render(width, height, false);
    std::vector<bool> coloured(static_cast<std::size_t>(width) * height);
    for (std::size_t i = 0; i < coloured.size(); ++i) {
      int d = 0;
      for (int k = 0; k < 3; ++k)
        d += std::abs(with.rgba[4 * i + k] - without.rgba[4 * i + k]);
      coloured[i] = d > 6;
    }
    return coloured;
  }
};

// The longest run of consecutive lines (rows or columns) whose outermost coloured pixel, found by
// `outermost`, sits at the same position: a straight cut shows as a run as long as the cut.
template <class Outermost>
int longestStraightRun(int lines, Outermost outermost) {
  int longest = 0, run = 0, previous = -1;
  for (int line = 0; line < lines; ++line) {
    const int at = outermost(line);
    run = at >= 0 && at == previous ? run + 1 : (at >= 0 ? 1 : 0);
    longest = std::max(longest, run);
    previous = at;
  }
  return longest;
}

void expectNoStraightEdge(int width, int height) {
  const std::vector<bool> coloured = MapExtent::areaPixels(width, height);
  // The legend (bottom right) changes with the areas too: look only left of it, where the areas
  // lie (from 35.6 to 38.3 degrees east, the middle of the view).
  const int mapWidth = width * 3 / 4;
  const auto at = [&](int x, int y) { return coloured[static_cast<std::size_t>(y) * width + x]; };
  int areaPixels = 0;
  for (const bool c : coloured)
    areaPixels += c;
  ASSERT_GT(areaPixels, width * height / 50) << "the areas of control are not in the view";
  const auto eastmost = [&](int y) {
    for (int x = mapWidth; x-- > 0;)
      if (at(x, y)) return x;
    return -1;
  };
  const auto southmost = [&](int x) {
    for (int y = height; y-- > 0;)
      if (at(x, y)) return y;
    return -1;
  };
  // The bounding box these areas used to stop at ran 250 km north-south and 200 km east-west,
  // hundreds of pixels; an arc of the data's reach is straight for a few pixels at most. 10 km:
  const int limit = static_cast<int>(10000 / (400000.0 / height));
  EXPECT_LT(longestStraightRun(height, eastmost), limit) << "a north-south cut in the east";
  EXPECT_LT(longestStraightRun(mapWidth, southmost), limit) << "an east-west cut in the south";
}

TEST_F(MapExtent, AreasFadeOutWithoutAStraightEdgeAt1080p) {
  expectNoStraightEdge(1920, 1080);
}

TEST_F(MapExtent, AreasFadeOutWithoutAStraightEdgeAt4K) {
  expectNoStraightEdge(3840, 2160);
}

// Far from every dated locality (east of Aleppo, where the old box ended) nothing is coloured,
// while near the localities the areas are at full strength.
TEST_F(MapExtent, NoControlWhereNoDataReaches) {
  const RenderedImage with = render(1920, 1080, true), without = render(1920, 1080, false);
  // Inside the old box, 56 km from the nearest dated locality (Manbij, 37.955,36.528).
  constexpr LonLat kEastOfAleppo{38.15, 36.05};
  EXPECT_TRUE(near(pixelAt(with, kEastOfAleppo), pixelAt(without, kEastOfAleppo), 0));
  constexpr LonLat kNearIdlib{36.60, 35.905};  // opposition, as area_colour_render_test samples
  EXPECT_TRUE(near(pixelAt(with, kNearIdlib), areaColor(Controller::Opposition), 3));
}

// The front line fades with the areas it separates: where it runs into the fading rim it is as
// strong as their coverage there (it used to run on at full strength into blank ground). On
// 2020-02-20, a stretch of front deep in the rim shows at most half the red of one in the core.
TEST_F(MapExtent, TheFrontLineFadesWithTheAreasAtTheirRim) {
  const Day date = makeDay(2020, 2, 20);
  state_->playback.jumpTo(date, state_->timeline);
  const auto& front = state_->controlAreas.snapshots[*state_->timeline.snapshotAt(date)].front;
  const FrontSegment *core = nullptr, *rim = nullptr;
  for (const FrontSegment& f : front) {
    EXPECT_GT(std::max(f.coverageA, f.coverageB), 0);  // nothing beyond the data's reach
    EXPECT_LE(std::max(f.coverageA, f.coverageB), 1);
    if (f.coverageA == 1 && f.coverageB == 1 && length(f.b - f.a) > 2000 && !core) core = &f;
    const float middle = (f.coverageA + f.coverageB) / 2;
    if (middle > 0.1f && middle < 0.35f && !rim) rim = &f;
  }
  ASSERT_TRUE(core && rim) << "no stretch of front in the core and in the rim";
  // The front's ink at the middle of `f`, zoomed in: the most any pixel near the image's centre
  // differs from the map without the front line.
  const auto ink = [&](const FrontSegment& f) {
    showOnlyBaseMap();
    state_->playback.jumpTo(date, state_->timeline);
    const View view{(f.a + f.b) * 0.5, 40};
    const RenderedImage without = renderImage(*state_, *renderer_, view, 200, 200);
    state_->timeLayers.front = true;
    const RenderedImage with = renderImage(*state_, *renderer_, view, 200, 200);
    int most = 0;
    for (int y = 97; y <= 103; ++y)
      for (int x = 97; x <= 103; ++x) {
        const std::size_t i = (static_cast<std::size_t>(y) * 200 + x) * 4;
        int d = 0;
        for (int k = 0; k < 3; ++k)
          d += std::abs(with.rgba[i + k] - without.rgba[i + k]);
        most = std::max(most, d);
      }
    return most;
  };
  const int coreInk = ink(*core), rimInk = ink(*rim);
  EXPECT_GT(coreInk, 150) << "the front line is not drawn in the core";
  EXPECT_GT(rimInk, 0) << "the front line vanished in the rim";
  EXPECT_LT(rimInk, coreInk / 2) << "core " << coreInk << ", rim " << rimInk;
}

// Zoomed out to Anatolia: land is land. Turkey beyond the border provinces in admin1.geojson is
// filled as a neighbour, not left the colour of the sea (Konya, 32.49 E 37.87 N); a country-wide
// statement placed at Ankara (events.csv, 2020-02-24) draws nothing there.
TEST_F(MapExtent, NeighboursAreLandAndCountryWideEventsHaveNoPlace) {
  state_->playback.jumpTo(makeDay(2020, 2, 24), state_->timeline);
  const View wide{state_->projection.forward(LonLat{37, 36.5}), 1400};
  state_->timeLayers.events = false;
  const RenderedImage without = renderImage(*state_, *renderer_, wide, 1920, 1080);
  state_->timeLayers.events = true;
  const RenderedImage with = renderImage(*state_, *renderer_, wide, 1920, 1080);
  EXPECT_TRUE(near(pixelAt(without, {32.49, 37.87}), palette::kNeighbour, 3));
  constexpr LonLat kAnkara{32.8543, 39.9199};
  EXPECT_TRUE(near(pixelAt(with, kAnkara), pixelAt(without, kAnkara), 0));
}

}  // namespace
}  // namespace idlib::test
