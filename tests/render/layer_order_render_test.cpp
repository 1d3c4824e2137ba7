// The Layers panel's order is the map's (issue 11): two overlapping user layers, and where they
// overlap the one on top shows; moved below, the other does. Removed, the base map is back.
#include <fmt/format.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "render_fixture.hpp"
#include "ui/layer_list.hpp"

namespace idlib::test {
namespace {
namespace fs = std::filesystem;

// A square of lon/lat as a GeoJSON polygon.
std::string square(double lon, double lat, double size) {
  return fmt::format(
      R"({{"type":"FeatureCollection","features":[{{"type":"Feature","properties":{{"name":"sq"}},)"
      R"("geometry":{{"type":"Polygon","coordinates":[[[{0},{1}],[{2},{1}],[{2},{3}],[{0},{3}],)"
      R"([{0},{1}]]]}}}}]}})",
      lon, lat, lon + size, lat + size);
}

class LayerOrder : public BundledMap {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / fmt::format("idlib-layer-order-{}", ::getpid());
    fs::create_directories(dir_);
    std::ofstream(dir_ / "west.geojson") << square(36.30, 35.55, 0.35);
    std::ofstream(dir_ / "east.geojson") << square(36.45, 35.65, 0.35);
  }
  void TearDown() override {
    for (std::size_t i = state_->layers.size(); i-- > 0;)
      if (state_->layers[i].layer.sourcePath.starts_with(dir_.string())) removeLayer(*state_, i);
    fs::remove_all(dir_);
  }
  static std::size_t indexOf(const std::string& title) {
    for (std::size_t i = 0; i < state_->layers.size(); ++i)
      if (state_->layers[i].layer.title == title) return i;
    throw std::runtime_error("no layer " + title);
  }
  fs::path dir_;
};

TEST_F(LayerOrder, WhereTwoLayersOverlapTheTopOneShowsAndMovingItBelowShowsTheOther) {
  const LonLat overlap{36.6, 35.8};  // inside both squares, in open country
  const Rgba base = pixelAt(renderAt("2020-02-20"), overlap);
  const auto notices = loadAll(
      *state_, *renderer_,
      {userLayer((dir_ / "west.geojson").string()), userLayer((dir_ / "east.geojson").string())});
  ASSERT_TRUE(notices.empty()) << notices.front().message;
  const std::size_t west = indexOf("west"), east = indexOf("east");
  ASSERT_EQ(east, west + 1);  // added last, on top
  const Rgba westFill = state_->layers[west].layer.style.fill;
  const Rgba eastFill = state_->layers[east].layer.style.fill;
  const Rgba eastOnTop = over(eastFill, over(westFill, base));
  const Rgba westOnTop = over(westFill, over(eastFill, base));
  ASSERT_FALSE(near(eastOnTop, westOnTop, 6)) << "the two orders must look different";
  EXPECT_TRUE(near(pixelAt(renderAt("2020-02-20"), overlap), eastOnTop));

  // Dragged to the row below: west is drawn over east.
  ASSERT_TRUE(moveLayer(*state_, east, west));
  EXPECT_EQ(indexOf("west"), east);
  EXPECT_TRUE(near(pixelAt(renderAt("2020-02-20"), overlap), westOnTop));

  // Both removed: the map is as it was.
  ASSERT_TRUE(removeLayer(*state_, indexOf("west")));
  ASSERT_TRUE(removeLayer(*state_, indexOf("east")));
  // Their GPU buffers are freed too (the window does this every frame).
  ASSERT_EQ(renderer_->layerCount(), state_->layers.size() + 2);
  releaseRemovedLayers(*state_, *renderer_);
  EXPECT_EQ(renderer_->layerCount(), state_->layers.size());
  EXPECT_TRUE(near(pixelAt(renderAt("2020-02-20"), overlap), base, 1));
}

}  // namespace
}  // namespace idlib::test
