// The window keeps the base map's fills in a texture while the view stays (issue 12): what it
// shows is what a direct draw (an export's) shows, at every date of a play; a new view or a
// restyled layer draws the texture again.
#include <SDL.h>
#include <epoxy/gl.h>

#include <algorithm>
#include <cstdlib>
#include <tuple>

#include "render/offscreen_target.hpp"
#include "render_fixture.hpp"
#include "ui/map_view.hpp"

namespace idlib::test {
namespace {

constexpr int kWidth = 640, kHeight = 400;
// Saraqib (held by the opposition until February 2020) and Latakia (by the government).
constexpr LonLat kSaraqib{36.8006, 35.8636}, kLatakia{35.7796, 35.5236};

class StaticLayerCacheRender : public BundledMap {
 protected:
  void SetUp() override {
    state_->timeLayers.areas = true;  // drawn over the cached fills, every frame
    state_->timeLayers.front = true;
    state_->timeLayers.events = true;
  }
  void TearDown() override { showOnlyBaseMap(); }

  // A frame as the window draws it (one sample a pixel, as where rendering is in software),
  // with the base map from the cache or drawn directly.
  static std::vector<std::uint8_t> frameAt(const View& view, const char* date, bool cached) {
    state_->playback.jumpTo(*parseDate(date), state_->timeline);
    OffscreenTarget target(kWidth, kHeight, 1);
    target.bind();
    FrameDescription frame = describeFrame(*state_, view, {kWidth, kHeight}, 1.0f, Viewer::Analyst);
    frame.cacheStaticLayers = cached;
    renderer_->draw(frame);
    return target.readPixels();
  }
  static View home() { return idlibHomeView({kWidth, kHeight}); }
  static std::size_t redraws() { return renderer_->baseCache().redraws(); }
  static std::size_t underMarksRedraws() { return renderer_->underMarksCache().redraws(); }
  // The pixel at a place in a frame of the home view.
  static Rgba pixelAt(const std::vector<std::uint8_t>& image, LonLat where) {
    const Vec2 s = worldToScreen(home(), {kWidth, kHeight}, state_->projection.forward(where));
    const auto x = static_cast<std::size_t>(s.x), y = static_cast<std::size_t>(s.y);
    const std::uint8_t* p = &image.at((y * kWidth + x) * 4);
    return {p[0], p[1], p[2], p[3]};
  }
};

// The largest difference of any channel of any pixel.
int largestDifference(const std::vector<std::uint8_t>& a, const std::vector<std::uint8_t>& b) {
  int largest = 0;
  for (std::size_t i = 0; i < std::min(a.size(), b.size()); ++i)
    largest = std::max(largest, std::abs(int(a[i]) - int(b[i])));
  return largest;
}

TEST_F(StaticLayerCacheRender, ACachedFrameShowsWhatADirectDrawShows) {
  const auto direct = frameAt(home(), "2020-02-20", false);
  const auto cached = frameAt(home(), "2020-02-20", true);
  ASSERT_EQ(cached.size(), direct.size());
  EXPECT_EQ(largestDifference(cached, direct), 0);
  // Not an empty picture twice: the base map's land is there (not all sea).
  const Rgba sea = palette::kSea;
  std::size_t land = 0;
  for (std::size_t i = 0; i < cached.size(); i += 4)
    land += cached[i] != sea.r || cached[i + 1] != sea.g || cached[i + 2] != sea.b;
  EXPECT_GT(land, cached.size() / 4 / 2);
}

// The window's pixels lie in memory as BGRA rows from the top (Mesa), and its kept images are
// stored so: what it shows of them is still what an export shows, the right way up. Only the kept
// layers are drawn (anything drawn straight into the window may be shaded a few levels apart).
TEST_F(StaticLayerCacheRender, TheWindowShowsTheKeptLayersAsAnExportDoes) {
  int width = 0, height = 0;  // the fixture's headless window
  SDL_GL_GetDrawableSize(window_->window(), &width, &height);
  ASSERT_GT(width * height, 0);
  const Viewport viewport{static_cast<double>(width), static_cast<double>(height)};
  const View view = idlibHomeView(viewport);
  state_->timeLayers.front = state_->timeLayers.events = false;
  state_->playback.jumpTo(*parseDate("2020-01-15"), state_->timeline);
  FrameDescription frame = describeFrame(*state_, view, viewport, 1.0f, Viewer::Analyst);
  std::erase_if(frame.layers, [](const LayerFrame& lf) {
    return lf.layer->role == LayerRole::Towns || lf.layer->role == LayerRole::Villages;
  });
  frame.labels.clear();
  frame.dateText.clear();
  frame.subtitle.clear();
  frame.attribution.clear();
  frame.showScaleBar = frame.showLegend = false;

  OffscreenTarget target(width, height, 1);
  target.bind();
  renderer_->draw(frame);
  const auto exported = target.readPixels();

  glBindFramebuffer(GL_FRAMEBUFFER, 0);
  frame.cacheStaticLayers = true;
  const std::size_t redrawn = underMarksRedraws();
  renderer_->draw(frame);
  renderer_->draw(frame);  // the snapshot's image is kept once asked for twice
  ASSERT_GT(underMarksRedraws(), redrawn);
  std::vector<std::uint8_t> shown(exported.size());
  glPixelStorei(GL_PACK_ALIGNMENT, 1);
  glReadPixels(0, 0, width, height, GL_RGBA, GL_UNSIGNED_BYTE, shown.data());
  // GL's rows start at the bottom; the export's at the top.
  const auto row = static_cast<std::ptrdiff_t>(width) * 4;
  for (std::ptrdiff_t y = 0; y < height / 2; ++y)
    std::swap_ranges(shown.begin() + y * row, shown.begin() + (y + 1) * row,
                     shown.begin() + (height - 1 - y) * row);
  const auto pixel = [&](const std::vector<std::uint8_t>& image, LonLat where) {
    const Vec2 at = worldToScreen(view, viewport, state_->projection.forward(where));
    const std::uint8_t* p =
        &image.at((static_cast<std::size_t>(at.y) * static_cast<std::size_t>(width) +
                   static_cast<std::size_t>(at.x)) *
                  4);
    return Rgba{p[0], p[1], p[2], p[3]};
  };
  ASSERT_NE(pixel(exported, kSaraqib), pixel(exported, kLatakia));
  EXPECT_EQ(pixel(shown, kSaraqib), pixel(exported, kSaraqib));
  EXPECT_EQ(pixel(shown, kLatakia), pixel(exported, kLatakia));
  EXPECT_EQ(largestDifference(shown, exported), 0);
}

TEST_F(StaticLayerCacheRender, PlayingRedrawsTheDatedLayersOverTheSameCachedBaseMap) {
  frameAt(home(), "2020-02-01", true);
  const std::size_t before = redraws();
  // Saraqib changed hands between these dates: the areas over the cache show it.
  const auto february = frameAt(home(), "2020-02-01", true);
  const auto march = frameAt(home(), "2020-03-03", true);
  EXPECT_EQ(redraws(), before) << "the base map was drawn again although the view stayed";
  EXPECT_GT(largestDifference(february, march), 50);
  EXPECT_EQ(largestDifference(march, frameAt(home(), "2020-03-03", false)), 0);
}

TEST_F(StaticLayerCacheRender, ANewViewDrawsTheCacheAgain) {
  frameAt(home(), "2020-02-20", true);
  const std::size_t before = redraws();
  View panned = home();
  panned.centre.x += 40 * panned.metresPerPoint;  // 40 points east
  panned.metresPerPoint *= 0.8;                   // and a little closer
  const auto cached = frameAt(panned, "2020-02-20", true);
  EXPECT_EQ(redraws(), before + 1);
  EXPECT_EQ(largestDifference(cached, frameAt(panned, "2020-02-20", false)), 0);
}

TEST_F(StaticLayerCacheRender, AFadedLayerDrawsTheCacheAgain) {
  frameAt(home(), "2020-02-20", true);
  const std::size_t before = redraws();
  LayerEntry& countries = layer(LayerRole::Countries);
  const float opacity = countries.opacity;
  countries.opacity = 0.3f;
  const auto cached = frameAt(home(), "2020-02-20", true);
  const auto direct = frameAt(home(), "2020-02-20", false);
  countries.opacity = opacity;
  EXPECT_EQ(redraws(), before + 1);
  EXPECT_EQ(largestDifference(cached, direct), 0);
}

// Playing keeps everything under the marks (areas, lines, front) as one image a control snapshot:
// the image is drawn again when the date crosses a control change date, not every frame.
TEST_F(StaticLayerCacheRender, AControlChangeDrawsTheKeptAreasAgain) {
  LayerEntry& towns = layer(LayerRole::Towns);  // no marker or label over the town's area
  towns.visible = false;
  state_->timeLayers.events = false;
  // An image is kept once two frames in a row ask for it (the first is drawn directly).
  frameAt(home(), "2020-02-01", true);
  frameAt(home(), "2020-02-01", true);
  const std::size_t redrawsBefore = underMarksRedraws();
  const auto before = frameAt(home(), "2020-02-01", true);  // the kept image
  EXPECT_EQ(underMarksRedraws(), redrawsBefore);
  // Saraqib was taken by the government between these dates.
  frameAt(home(), "2020-02-10", true);
  EXPECT_EQ(underMarksRedraws(), redrawsBefore) << "kept for a single frame";
  const auto after = frameAt(home(), "2020-02-10", true);
  EXPECT_EQ(underMarksRedraws(), redrawsBefore + 1);
  const auto direct = frameAt(home(), "2020-02-10", false);
  towns.visible = true;
  const Rgba opposition = pixelAt(before, kSaraqib), government = pixelAt(after, kSaraqib);
  EXPECT_FALSE(near(government, opposition, 30))
      << "Saraqib's colour did not change with its control";
  EXPECT_TRUE(near(government, pixelAt(direct, kSaraqib), 0));
  EXPECT_EQ(largestDifference(after, direct), 0);
}

// While playing, a control change fades in over the kept images: mixed only where the two
// snapshots differ (the cells changing hands, the front along them), the first image elsewhere.
TEST_F(StaticLayerCacheRender, AControlChangeFadesInWhereItHappensAndNowhereElse) {
  LayerEntry& towns = layer(LayerRole::Towns);  // no marker or label over the towns' areas
  towns.visible = false;
  state_->timeLayers.events = false;
  const Timeline& t = state_->timeline;
  const auto saraqib = std::find_if(t.localities.begin(), t.localities.end(),
                                    [](const Locality& l) { return l.name == "Saraqib"; });
  ASSERT_NE(saraqib, t.localities.end());
  // Its change in February 2020, and the change date before it (the snapshot then in force).
  const auto change =
      std::find_if(saraqib->history.begin(), saraqib->history.end(),
                   [](const ControlChange& c) { return c.date > *parseDate("2020-02-01"); });
  ASSERT_NE(change, saraqib->history.end());
  const std::vector<Day>& dates = t.controlChangeDates();
  const auto at = std::lower_bound(dates.begin(), dates.end(), change->date);
  ASSERT_TRUE(at != dates.begin() && at != dates.end());
  const double before = *(at - 1) + 0.01, fading = change->date - 0.2 * (change->date - *(at - 1));
  const auto still = [&](double date) {
    state_->playback.playing = false;
    frameAt(home(), "2020-01-01", true);  // leave the date
    state_->playback.date = date;
    OffscreenTarget target(kWidth, kHeight, 1);
    target.bind();
    FrameDescription frame =
        describeFrame(*state_, home(), {kWidth, kHeight}, 1.0f, Viewer::Analyst);
    frame.cacheStaticLayers = true;
    renderer_->draw(frame);
    renderer_->draw(frame);  // kept once asked for twice
    return target.readPixels();
  };
  const auto old = still(before), now = still(change->date);
  state_->playback.playing = true;
  state_->playback.date = fading;
  OffscreenTarget target(kWidth, kHeight, 1);
  target.bind();
  FrameDescription frame = describeFrame(*state_, home(), {kWidth, kHeight}, 1.0f, Viewer::Analyst);
  ASSERT_TRUE(frame.time && frame.time->crossfade > 0.1f && frame.time->crossfade < 0.9f);
  frame.cacheStaticLayers = true;
  renderer_->draw(frame);
  renderer_->draw(frame);
  const auto mixed = target.readPixels();
  state_->playback.playing = false;
  towns.visible = true;
  const Rgba a = pixelAt(old, kSaraqib), b = pixelAt(now, kSaraqib), m = pixelAt(mixed, kSaraqib);
  ASSERT_FALSE(near(a, b, 30)) << "Saraqib's colour does not change at its change date";
  EXPECT_FALSE(near(m, a, 5)) << "Saraqib shows the old snapshot, not a mix";
  EXPECT_FALSE(near(m, b, 5)) << "Saraqib shows the new snapshot, not a mix";
  for (const auto& [channel, low, high] :
       {std::tuple{m.r, a.r, b.r}, {m.g, a.g, b.g}, {m.b, a.b, b.b}})
    EXPECT_TRUE(channel >= std::min(low, high) - 1 && channel <= std::max(low, high) + 1);
  EXPECT_TRUE(near(pixelAt(mixed, kLatakia), pixelAt(old, kLatakia), 0));
}

// A layer's time settings changed in the Layers panel (no new upload): the kept image is not
// the one to show any more.
TEST(StaticLayersKey, ALayersTimeSettingsAreInTheKey) {
  Layer layer;
  layer.id = "mine";
  auto keyOf = [&] {
    StaticLayersKey key;
    key.add(layer, 1, 100, 30);
    return key;
  };
  const StaticLayersKey off = keyOf();
  layer.time.mode = TimeMode::Period;
  layer.time.startField = "start";
  const StaticLayersKey period = keyOf();
  EXPECT_NE(off, period);
  layer.time.mode = TimeMode::Accumulate;
  EXPECT_NE(keyOf(), period);
  layer.time.mode = TimeMode::Period;
  layer.time.startField = "opened";
  EXPECT_NE(keyOf(), period);
  layer.time.startField = "start";
  EXPECT_EQ(keyOf(), period);
}

}  // namespace
}  // namespace idlib::test
