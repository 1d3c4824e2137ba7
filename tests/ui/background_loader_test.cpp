// The window's loader: the timeline (events, posts, areas of control) does not wait for a layer
// that takes long to read. The layer here is a GDAL virtual layer (VRT) whose source is a named
// pipe nobody writes to yet, as a slow server would be (a pipe given as the layer itself is
// refused at once), so its read blocks until the test lets it go: the dated data must come
// meanwhile.
#include "ui/layer_loader.hpp"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fmt/format.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <thread>

namespace idlib {
namespace {
namespace fs = std::filesystem;

TEST(BackgroundLoader, TheTimelineComesWhileALayerIsStillBeingRead) {
  const fs::path pipe = fs::temp_directory_path() / fmt::format("idlib-slow-{}.geojson", getpid());
  const fs::path layer = fs::temp_directory_path() / fmt::format("idlib-slow-{}.vrt", getpid());
  fs::remove(pipe);
  ASSERT_EQ(::mkfifo(pipe.c_str(), 0600), 0);
  std::ofstream(layer) << fmt::format(
      "<OGRVRTDataSource><OGRVRTLayer name=\"slow\"><SrcDataSource>{}</SrcDataSource>"
      "</OGRVRTLayer></OGRVRTDataSource>",
      pipe.string());
  std::optional<DatedData> dated;
  {
    BackgroundLoader loader({userLayer(layer.string())}, IDLIB_DATA_DIR);
    for (int i = 0; i < 1200 && !dated; ++i) {  // up to 2 minutes on a loaded machine
      dated = loader.takeDatedData();
      if (!dated) std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    EXPECT_FALSE(loader.done()) << "the layer is still being read";
    // Lets the read go: an empty file, which GDAL does not take for a layer.
    const int writer = ::open(pipe.c_str(), O_WRONLY);
    if (writer >= 0) ::close(writer);
  }
  fs::remove(pipe);
  fs::remove(layer);
  ASSERT_TRUE(dated.has_value()) << "no dated data while the layer was read";
  EXPECT_GT(dated->timeline.events.size(), 0u);
  EXPECT_FALSE(dated->areas.snapshots.empty());
}

}  // namespace
}  // namespace idlib
