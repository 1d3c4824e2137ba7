// Progressive loading of a big layer (issue 12): a polygon of 300,000 vertices is first handed
// out as a preview for the view, before its triangulation has started, and that preview already
// colours the map where the polygon is; the full layer then takes its place. Cancelled at the
// preview, the layer is not added and the preview is taken away again.
#include <fmt/format.h>
#include <unistd.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <numbers>

#include "render_fixture.hpp"
#include "ui/layer_list.hpp"
#include "ui/layer_loader.hpp"

namespace idlib::test {
namespace {
namespace fs = std::filesystem;

constexpr LonLat kCentre{36.6, 35.8};  // open country in the home view
constexpr int kVertices = 300'000;

// A wavy disc around kCentre, 0.25° across, as a GeoJSON polygon of kVertices points.
void writeBigPolygon(const fs::path& file) {
  std::ofstream out(file);
  out << R"({"type":"FeatureCollection","features":[{"type":"Feature","properties":)"
      << R"({"name":"big"},"geometry":{"type":"Polygon","coordinates":[[)";
  for (int i = 0; i <= kVertices; ++i) {
    const double a = 2 * std::numbers::pi * (i % kVertices) / kVertices;
    const double r = 0.25 + 0.01 * std::sin(40 * a);
    out << (i ? "," : "")
        << fmt::format("[{:.7f},{:.7f}]", kCentre.lon + r * std::cos(a),
                       kCentre.lat + r * std::sin(a));
  }
  out << "]]}}]}";
}

class ProgressiveLoading : public BundledMap {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / fmt::format("idlib-progressive-{}", ::getpid());
    fs::create_directories(dir_);
    file_ = (dir_ / "big.geojson").string();
    writeBigPolygon(file_);
    const RenderedImage before = renderAt("2020-02-20");
    base_ = pixelAt(before, kCentre);
    progress_.setView({visibleWorld(idlibHomeView({800, 600}), {800, 600}),
                       idlibHomeView({800, 600}).metresPerPoint});
  }
  void TearDown() override {
    for (std::size_t i = state_->layers.size(); i-- > 0;)
      if (state_->layers[i].layer.sourcePath == file_) removeLayer(*state_, i);
    fs::remove_all(dir_);
  }
  // Adds a loaded layer as the window does, and says the colour at kCentre.
  Rgba addAndLook(Layer layer) {
    const std::size_t index = addLoadedLayer(*state_, std::move(layer));
    renderer_->upload(state_->layers[index].layer);
    return pixelAt(renderAt("2020-02-20"), kCentre);
  }
  const Layer& fromFile() const {
    for (const LayerEntry& e : state_->layers)
      if (e.layer.sourcePath == file_) return e.layer;
    throw std::runtime_error("the layer is not on the map");
  }
  std::size_t layersFromFile() const {
    return static_cast<std::size_t>(
        std::count_if(state_->layers.begin(), state_->layers.end(),
                      [&](const LayerEntry& e) { return e.layer.sourcePath == file_; }));
  }
  fs::path dir_;
  std::string file_;
  Rgba base_;
  LoadProgress progress_;
};

TEST_F(ProgressiveLoading, ThePreviewColoursTheViewBeforeTriangulationThenTheFullLayerReplacesIt) {
  std::optional<Layer> preview;
  std::size_t triangulatedAtPreview = 1;
  progress_.onPreview = [&](Layer layer) {
    triangulatedAtPreview = progress_.featuresDone;
    preview = std::move(layer);
  };
  LoadResult full = loadVectorSource(userLayer(file_), &progress_);
  ASSERT_EQ(full.layers.size(), 1u);
  ASSERT_TRUE(preview.has_value()) << "a layer of 300,000 vertices gets a preview";
  EXPECT_EQ(triangulatedAtPreview, 0u) << "the preview comes before any triangulation";
  EXPECT_TRUE(preview->preview);
  EXPECT_LT(preview->fills.vertices.size(), full.layers[0].fills.vertices.size() / 20)
      << "simplified to the view's pixel";
  EXPECT_TRUE(full.withdrawnPreviews.empty());

  const Rgba withPreview = addAndLook(std::move(*preview));
  const Rgba fill = fromFile().style.fill;
  EXPECT_TRUE(near(withPreview, over(fill, base_)));

  const Rgba withFull = addAndLook(std::move(full.layers[0]));
  EXPECT_EQ(layersFromFile(), 1u) << "the full layer takes the preview's place";
  EXPECT_TRUE(near(withFull, over(fill, base_)));
  EXPECT_FALSE(fromFile().preview);
}

TEST_F(ProgressiveLoading, CancelAtThePreviewAddsNothingAndTakesThePreviewAway) {
  std::optional<Layer> preview;
  progress_.onPreview = [&](Layer layer) {
    preview = std::move(layer);
    progress_.cancel();  // as the progress bar's Cancel does
  };
  const LoadResult result = loadVectorSource(userLayer(file_), &progress_);
  EXPECT_TRUE(result.layers.empty());
  ASSERT_FALSE(result.notices.empty());
  EXPECT_NE(result.notices.back().message.find("cancelled"), std::string::npos);
  ASSERT_TRUE(preview.has_value());
  const Rgba withPreview = addAndLook(std::move(*preview));
  EXPECT_TRUE(near(withPreview, over(fromFile().style.fill, base_)));
  ASSERT_EQ(result.withdrawnPreviews.size(), 1u);
  withdrawPreviews(*state_, result.withdrawnPreviews);
  EXPECT_EQ(layersFromFile(), 0u);
  releaseRemovedLayers(*state_, *renderer_);
  EXPECT_TRUE(near(pixelAt(renderAt("2020-02-20"), kCentre), base_, 1));
}

// A single image draws the layer once, at one pixel: a big layer is then kept only as the view
// shows it, and the picture is the full layer's.
TEST_F(ProgressiveLoading, ASingleImageKeepsABigLayerAtItsPixelAndLooksTheSame) {
  LoadRequest wholeLayer = userLayer(file_);
  wholeLayer.symbology = Symbology{.colour = rgb(0xd95f02)};  // both drawn alike
  LoadRequest oneView = wholeLayer;
  oneView.drawnAt = progress_.view();
  LoadResult full = loadVectorSource(wholeLayer);
  LoadResult drawn = loadVectorSource(oneView);
  ASSERT_EQ(full.layers.size(), 1u);
  ASSERT_EQ(drawn.layers.size(), 1u);
  EXPECT_FALSE(drawn.layers[0].preview) << "it is the layer, not a first look";
  EXPECT_LT(drawn.layers[0].fills.vertices.size(), full.layers[0].fills.vertices.size() / 20);
  EXPECT_LT(drawn.layers[0].outlines.endpoints.size(),
            full.layers[0].outlines.endpoints.size() / 20);

  const Rgba inDrawn = addAndLook(std::move(drawn.layers[0]));
  EXPECT_TRUE(near(inDrawn, over(fromFile().style.fill, base_)));
  const RenderedImage atPixel = renderAt("2020-02-20");
  for (std::size_t i = state_->layers.size(); i-- > 0;)
    if (state_->layers[i].layer.sourcePath == file_) removeLayer(*state_, i);
  releaseRemovedLayers(*state_, *renderer_);
  const Rgba inFull = addAndLook(std::move(full.layers[0]));
  EXPECT_TRUE(near(inFull, over(fromFile().style.fill, base_)));
  const RenderedImage whole = renderAt("2020-02-20");
  ASSERT_EQ(atPixel.rgba.size(), whole.rgba.size());
  std::size_t differing = 0;
  for (std::size_t i = 0; i < whole.rgba.size(); i += 4)
    for (std::size_t c = 0; c < 3; ++c)
      if (std::abs(whole.rgba[i + c] - atPixel.rgba[i + c]) > 24) {
        ++differing;
        break;
      }
  EXPECT_LT(differing, whole.rgba.size() / 4 / 200) << "under 0.5 % of the pixels differ";
}

}  // namespace
}  // namespace idlib::test
