// A projection for every view (issue 12): zooming out from Idlib to the world moves the map onto
// Equal Earth, reading the layers again for it; the view keeps its centre, a layer in South
// America that the local plane could not draw appears, and the Pacific stays sea.
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <thread>

#include "render_fixture.hpp"
#include "ui/plane_follower.hpp"

namespace idlib {
namespace {
namespace fs = std::filesystem;

class ProjectionSwitch : public test::BundledMap {
 protected:
  void SetUp() override {
    square = fs::temp_directory_path() / ("idlib-plane-" + std::to_string(getpid()) + ".geojson");
    std::ofstream(square)
        << R"({"type":"FeatureCollection","features":[{"type":"Feature","properties":)"
           R"({"name":"Mato Grosso"},"geometry":{"type":"Polygon","coordinates":)"
           R"([[[-64,-14],[-56,-14],[-56,-6],[-64,-6],[-64,-14]]]}}]})";
    s.dataDir = IDLIB_DATA_DIR;
    s.camera.setViewport({800, 400});
    std::vector<LoadRequest> requests = bundledLayers(IDLIB_DATA_DIR);
    requests.push_back(userLayer(square.string()));
    loadAll(s, *renderer_, requests);
    s.setTimeline(loadDatedData(IDLIB_DATA_DIR));
    renderer_->timeLayers().upload(s.timeline, s.controlAreas, s.displacement);
    s.homeView = idlibHomeView(s.camera.viewport());
    s.camera.setView(s.homeView);
  }
  void TearDown() override { fs::remove(square); }

  // Calls the follower as the window does each frame, until it switches (at most 20 s).
  bool follow() {
    for (int frame = 0; frame < 4000; ++frame) {
      if (follower.update(s, *renderer_)) return true;
      if (!follower.switching()) return false;
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    return false;
  }

  Rgba pixel(const RenderedImage& image, LonLat where) const {
    const Vec2 w = s.projection.forward(where);
    const int x = static_cast<int>((w.x - image.grid.originX) / image.grid.pixelSize);
    const int y = static_cast<int>((image.grid.originY - w.y) / image.grid.pixelSize);
    EXPECT_TRUE(x >= 0 && y >= 0 && x < image.width && y < image.height);
    const std::uint8_t* p = &image.rgba[(static_cast<std::size_t>(y) * image.width + x) * 4];
    return {p[0], p[1], p[2], p[3]};
  }

  fs::path square;
  AppState s;
  PlaneFollower follower;
};

TEST_F(ProjectionSwitch, ZoomingOutToTheWorldSwitchesToEqualEarthKeepingTheCentre) {
  EXPECT_FALSE(follow()) << "the home view of Idlib stays on the local plane";
  EXPECT_EQ(s.plane, MapPlane::Local);
  const auto user = std::find_if(s.layers.begin(), s.layers.end(), [](const LayerEntry& e) {
    return e.layer.role == LayerRole::Generic;
  });
  ASSERT_NE(user, s.layers.end());
  const Layer& mine = user->layer;
  ASSERT_EQ(mine.title, fs::path(square).stem().string());
  EXPECT_TRUE(mine.features.empty()) << "South America is off the local plane: clipped away";

  const LonLat centre = s.projection.inverseLonLat(s.camera.view().centre);
  s.camera.setView({s.camera.view().centre, 60000});  // the whole world in 800 points
  ASSERT_TRUE(follow());
  EXPECT_EQ(s.plane, MapPlane::EqualEarth);
  const LonLat after = s.projection.inverseLonLat(s.camera.view().centre);
  EXPECT_NEAR(after.lon, centre.lon, 1e-6);
  EXPECT_NEAR(after.lat, centre.lat, 1e-6);
  // The marks moved with the plane: Saraqib's events sit where Equal Earth puts them.
  const EventRef e = s.timeline.events.front();
  EXPECT_NEAR(length(e.position() - s.projection.forward(e.where())), 0, 1e-3);

  s.timeLayers = {};
  s.timeLayers.areas = s.timeLayers.front = s.timeLayers.posts = s.timeLayers.events = false;
  s.timeLayers.flows = s.timeLayers.arrivals = false;
  const RenderedImage world = renderImage(s, *renderer_, s.camera.view(), 800, 400);
  EXPECT_TRUE(test::near(pixel(world, {-150, 0}), palette::kSea)) << "the mid-Pacific is sea";
  EXPECT_FALSE(test::near(pixel(world, {-60, -10}), palette::kSea))
      << "the square in South America, read again for Equal Earth, is drawn";

  // Picked by hand, the local plane comes back, about the same centre.
  s.projectionChoice = ProjectionChoice::Local;
  ASSERT_TRUE(follow());
  EXPECT_EQ(s.plane, MapPlane::Local);
  const LonLat back = s.projection.inverseLonLat(s.camera.view().centre);
  EXPECT_NEAR(back.lon, centre.lon, 1e-6);
  EXPECT_NEAR(back.lat, centre.lat, 1e-6);
}

}  // namespace
}  // namespace idlib
