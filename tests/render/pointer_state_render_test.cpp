// The pointer is not data (issue 10, points 2 and 3): a hover or selection is a white halo with a
// dark edge, never the front line's red, never a change of the fills under it; and the audience
// (presenter mode, the black screen, PNG, poster and video exports) never sees it at all.
#include "render/offscreen_target.hpp"
#include "render_fixture.hpp"
#include "ui/map_view.hpp"
#include "ui/video_export.hpp"

namespace idlib::test {
namespace {

constexpr int kWidth = 960, kHeight = 600;

class PointerState : public BundledMap {
 protected:
  void SetUp() override {
    state_->timeLayers.areas = state_->timeLayers.front = true;
    state_->playback.jumpTo(makeDay(2020, 2, 20), state_->timeline);
  }
  void TearDown() override {
    state_->hovered.reset();
    state_->selected.reset();
    state_->hoveredMark = state_->selectedMark = {};
    state_->presenting = state_->blackScreen = false;
    showOnlyBaseMap();
  }

  static View home() { return idlibHomeView({kWidth, kHeight}); }

  // What the app's window shows to `viewer`, as renderImage would return it.
  static RenderedImage renderFor(Viewer viewer) {
    OffscreenTarget target(kWidth, kHeight);
    target.bind();
    renderer_->draw(describeFrame(*state_, home(), {kWidth, kHeight}, 1, viewer));
    RenderedImage image{kWidth, kHeight, target.readPixels(), {}};
    const View v = home();
    image.grid = {v.centre.x - kWidth / 2.0 * v.metresPerPoint,
                  v.centre.y + kHeight / 2.0 * v.metresPerPoint, v.metresPerPoint};
    bindWindowFramebuffer(kWidth, kHeight);
    return image;
  }

  static FeatureRef idlibGovernorate() {
    for (std::size_t l = 0; l < state_->layers.size(); ++l) {
      const Layer& layer = state_->layers[l].layer;
      if (layer.role != LayerRole::Admin1) continue;
      for (std::size_t f = 0; f < layer.features.size(); ++f) {
        const std::string* admin = layer.features[f].attribute("admin");
        if (layer.features[f].name == "Idlib" && admin && *admin == "Syria") return {l, f};
      }
    }
    throw std::runtime_error("no Idlib governorate");
  }

  static FeatureRef town(const std::string& name) {
    for (std::size_t l = 0; l < state_->layers.size(); ++l) {
      const Layer& layer = state_->layers[l].layer;
      for (std::size_t f = 0; layer.role == LayerRole::Towns && f < layer.features.size(); ++f)
        if (layer.features[f].name == name) return {l, f};
    }
    throw std::runtime_error("no such town");
  }

  // Everything the pointer can rest on or pick, at once.
  static void pointAtEverything() {
    state_->hovered = idlibGovernorate();
    state_->selected = town("Saraqib");
    state_->hoveredMark = {DatedPick::Kind::Post, 0};
    state_->selectedMark = {DatedPick::Kind::Front, 0};
  }
};

Rgba pixel(const RenderedImage& image, std::size_t i) {
  return {image.rgba[4 * i], image.rgba[4 * i + 1], image.rgba[4 * i + 2], 255};
}

// Red that could be read as the front line: red well above both green and blue.
bool looksLikeTheFrontLine(Rgba c) {
  return c.r > 120 && c.r - std::max(c.g, c.b) > 70;
}

// Whether the front line itself is drawn within 3 pixels of pixel `i` (it lies over the halo
// where it follows the boundary: data stays on top of the pointer's decoration).
bool besideTheFrontLine(const RenderedImage& image, std::size_t i) {
  const int x0 = static_cast<int>(i % image.width), y0 = static_cast<int>(i / image.width);
  for (int y = std::max(0, y0 - 3); y <= std::min(image.height - 1, y0 + 3); ++y)
    for (int x = std::max(0, x0 - 3); x <= std::min(image.width - 1, x0 + 3); ++x)
      if (looksLikeTheFrontLine(pixel(image, static_cast<std::size_t>(y) * image.width + x)))
        return true;
  return false;
}

TEST_F(PointerState, HoveringAGovernorateDrawsAHaloNotAFrontLine) {
  const RenderedImage plain = renderFor(Viewer::Analyst);
  state_->hovered = idlibGovernorate();
  const RenderedImage hovered = renderFor(Viewer::Analyst);

  // Open country inside the governorate keeps each side's colour (4 km off Idlib city and Khan
  // Shaykhun, away from their markers and labels).
  const LonLat insideOpposition{36.60, 35.905}, insideGovernment{36.68, 35.47};
  EXPECT_TRUE(near(pixelAt(hovered, insideOpposition), areaColor(Controller::Opposition), 6));
  EXPECT_TRUE(near(pixelAt(hovered, insideGovernment), areaColor(Controller::Government), 6));

  std::size_t changed = 0, light = 0, dark = 0;
  for (std::size_t i = 0; i < plain.rgba.size() / 4; ++i) {
    const Rgba before = pixel(plain, i), after = pixel(hovered, i);
    if (near(before, after, 0)) continue;
    ++changed;
    EXPECT_FALSE(looksLikeTheFrontLine(after) && !besideTheFrontLine(plain, i))
        << "the hover drew front-line red: rgb(" << int(after.r) << "," << int(after.g) << ","
        << int(after.b) << ") at pixel " << i;
    light += after.r > 235 && after.g > 235 && after.b > 235;
    dark += after.r < 60 && after.g < 60 && after.b < 60;
    if (::testing::Test::HasFailure()) break;
  }
  // The halo is a line along the boundary, not a tint of the governorate's ~100,000 pixels.
  EXPECT_GT(changed, 500u);
  EXPECT_LT(changed, plain.rgba.size() / 4 / 20);
  EXPECT_GT(light, changed / 5) << "no white core";
  EXPECT_GT(dark, changed / 20) << "no dark edge";
}

TEST_F(PointerState, APngExportShowsNoHoverNorSelection) {
  const RenderedImage clean = renderImage(*state_, *renderer_, home(), kWidth, kHeight);
  pointAtEverything();
  const RenderedImage pointed = renderImage(*state_, *renderer_, home(), kWidth, kHeight);
  EXPECT_EQ(pointed.rgba, clean.rgba);
  // ...while the analyst's own window does show them: the test would see a highlight.
  EXPECT_NE(renderFor(Viewer::Analyst).rgba, clean.rgba);
}

TEST_F(PointerState, APosterShowsNoHoverNorSelection) {
  const auto poster = [] {
    return renderPoster(*state_, *renderer_, home(), makeDay(2019, 12, 1), makeDay(2020, 3, 1), 4,
                        kWidth, kHeight);
  };
  const RenderedImage clean = poster();
  pointAtEverything();
  EXPECT_EQ(poster().rgba, clean.rgba);
}

TEST_F(PointerState, NoFrameOfAVideoShowsTheHover) {
  // A video is recorded a few frames per UI frame while the analyst's pointer rests on the map:
  // the recorder (the one VideoJob uses) renders each frame with the hover and selection set.
  state_->camera.setViewport({320, 180});
  state_->camera.setView(idlibHomeView({320, 180}));
  const auto record = [] {
    std::vector<std::vector<std::uint8_t>> frames;
    auto source = rangeFrames(makeDay(2020, 2, 1), makeDay(2020, 2, 6), 5, 4);
    renderFrames(*state_, *renderer_, *source, 320, 180, [&](const RenderedImage& image) {
      frames.push_back(image.rgba);
      return true;
    });
    return frames;
  };
  const auto clean = record();
  pointAtEverything();
  const auto pointed = record();
  ASSERT_EQ(pointed.size(), clean.size());
  for (std::size_t i = 0; i < clean.size(); ++i)
    EXPECT_EQ(pointed[i], clean[i]) << "frame " << i;
}

TEST_F(PointerState, ThePresentersWindowShowsNoHoverNorSelection) {
  const RenderedImage clean = renderFor(Viewer::Audience);
  pointAtEverything();
  state_->presenting = true;
  EXPECT_EQ(viewerOf(*state_), Viewer::Audience);
  EXPECT_EQ(renderFor(viewerOf(*state_)).rgba, clean.rgba);
}

TEST_F(PointerState, TheBlackScreenIsBlackWhateverThePointerDoes) {
  pointAtEverything();
  state_->presenting = state_->blackScreen = true;
  const RenderedImage image = renderFor(viewerOf(*state_));
  for (std::size_t i = 0; i < image.rgba.size(); i += 4)
    ASSERT_TRUE(image.rgba[i] == 0 && image.rgba[i + 1] == 0 && image.rgba[i + 2] == 0)
        << "pixel " << i / 4 << " is not black";
}

}  // namespace
}  // namespace idlib::test
