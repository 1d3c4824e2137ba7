// The pointer is not data (issue 10, point 2): a hover or selection is a white halo with a dark
// edge, never the front line's red, never a change of the fills under it.
#include "render/offscreen_target.hpp"
#include "render_fixture.hpp"
#include "ui/map_view.hpp"

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
    showOnlyBaseMap();
  }

  static View home() { return idlibHomeView({kWidth, kHeight}); }

  // What the app's window shows, as renderImage would return it.
  static RenderedImage renderWindow() {
    OffscreenTarget target(kWidth, kHeight);
    target.bind();
    renderer_->draw(describeFrame(*state_, home(), {kWidth, kHeight}, 1));
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
  const RenderedImage plain = renderWindow();
  state_->hovered = idlibGovernorate();
  const RenderedImage hovered = renderWindow();

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

}  // namespace
}  // namespace idlib::test
