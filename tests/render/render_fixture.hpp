#pragma once
// One headless GL context and the bundled data, shared by the render tests of a binary.
#include <gtest/gtest.h>
#include <imgui.h>

#include <memory>

#include "core/style.hpp"
#include "ui/export.hpp"
#include "ui/sdl_window.hpp"

namespace idlib::test {

class BundledMap : public ::testing::Test {
 public:
  static void SetUpTestSuite() {
    auto opened = GlWindow::open(GlWindow::Mode::Headless, 64, 64);
    ASSERT_TRUE(std::holds_alternative<std::unique_ptr<GlWindow>>(opened))
        << std::get<std::string>(opened);
    window_ = std::move(std::get<std::unique_ptr<GlWindow>>(opened));
    renderer_ = std::make_unique<MapRenderer>();
    state_ = std::make_unique<AppState>();
    const auto notices = loadAll(*state_, *renderer_, bundledLayers(IDLIB_DATA_DIR));
    ASSERT_TRUE(notices.empty()) << notices.front().message;
    DatedData dated = loadDatedData(IDLIB_DATA_DIR);
    state_->setTimeline(std::move(dated));
    renderer_->timeLayers().upload(state_->timeline, state_->controlAreas, state_->displacement);
    showOnlyBaseMap();
  }
  static void TearDownTestSuite() {
    state_.reset();
    renderer_.reset();
    window_.reset();
  }

  // Most tests look at the base map; the dated layers are switched on where a test wants them.
  static void showOnlyBaseMap() {
    TimeLayerSettings none;
    none.areas = none.front = none.posts = none.events = none.flows = none.arrivals = false;
    state_->timeLayers = none;
  }

  // The home view at 800x600 on `date`.
  static RenderedImage renderAt(const char* date) {
    state_->playback.jumpTo(*parseDate(date), state_->timeline);
    return renderImage(*state_, *renderer_, idlibHomeView({800, 600}), 800, 600);
  }

  static LayerEntry& layer(LayerRole role) {
    for (auto& e : state_->layers)
      if (e.layer.role == role) return e;
    throw std::runtime_error("no such layer");
  }

  // The pixel at a place, in an image rendered at `view`.
  static Rgba pixelAt(const RenderedImage& image, LonLat where) {
    const Vec2 w = state_->projection.forward(where);
    const int x = static_cast<int>((w.x - image.grid.originX) / image.grid.pixelSize);
    const int y = static_cast<int>((image.grid.originY - w.y) / image.grid.pixelSize);
    if (x < 0 || y < 0 || x >= image.width || y >= image.height)
      throw std::out_of_range("the place is outside the rendered image");
    const std::uint8_t* p = &image.rgba[(static_cast<std::size_t>(y) * image.width + x) * 4];
    return {p[0], p[1], p[2], p[3]};
  }

  static inline std::unique_ptr<GlWindow> window_;
  static inline std::unique_ptr<MapRenderer> renderer_;
  static inline std::unique_ptr<AppState> state_;
};

// Dear ImGui's context for one test, without a window: frames are laid out, not drawn.
class ImGuiFrames {
 public:
  ImGuiFrames(float width, float height) {
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.DisplaySize = {width, height};
    io.DeltaTime = 1.0f / 30;
    unsigned char* pixels = nullptr;
    int w = 0, h = 0;
    io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
  }
  ~ImGuiFrames() { ImGui::DestroyContext(); }
  ImGuiFrames(const ImGuiFrames&) = delete;
  ImGuiFrames& operator=(const ImGuiFrames&) = delete;
};

// `top` drawn with its alpha over the opaque `below`, as the GL blending does.
inline Rgba over(Rgba top, Rgba below) {
  const auto mix = [&](int t, int b) {
    return static_cast<std::uint8_t>((t * top.a + b * (255 - top.a)) / 255);
  };
  return {mix(top.r, below.r), mix(top.g, below.g), mix(top.b, below.b), 255};
}

inline ::testing::AssertionResult near(Rgba actual, Rgba expected, int tolerance = 3) {
  auto d = [](int a, int b) { return std::abs(a - b); };
  if (d(actual.r, expected.r) <= tolerance && d(actual.g, expected.g) <= tolerance &&
      d(actual.b, expected.b) <= tolerance)
    return ::testing::AssertionSuccess();
  return ::testing::AssertionFailure()
         << "pixel is rgb(" << int(actual.r) << "," << int(actual.g) << "," << int(actual.b)
         << "), expected rgb(" << int(expected.r) << "," << int(expected.g) << ","
         << int(expected.b) << ")";
}

}  // namespace idlib::test
