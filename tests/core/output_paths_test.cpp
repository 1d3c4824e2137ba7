#include "core/output_paths.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <fstream>

namespace idlib {
namespace {
namespace fs = std::filesystem;

class OutputPaths : public ::testing::Test {
 protected:
  void SetUp() override {
    dir = fs::temp_directory_path() / ("idlib-output-" + std::to_string(getpid()));
    fs::create_directories(dir / "data" / "geodata");
    std::ofstream(dir / "data.geojson") << "{}";
    std::ofstream(dir / "data" / "geodata" / "events.csv") << "x";
    files.inputs = {dir / "data.geojson"};
    files.folders = {dir / "data" / "geodata"};
  }
  void TearDown() override { fs::remove_all(dir); }
  fs::path dir;
  ProtectedFiles files;
};

TEST_F(OutputPaths, AcceptsANewPngBesideTheInputs) {
  EXPECT_FALSE(refuseOutput("--export", dir / "map.png", {".png"}, files));
  EXPECT_FALSE(refuseOutput("--export", dir / "MAP.PNG", {".png"}, files));
}

TEST_F(OutputPaths, RefusesToOverwriteAnInput) {
  const auto why = refuseOutput("--export", dir / "data.geojson", {".geojson"}, files);
  ASSERT_TRUE(why);
  EXPECT_NE(why->find("would overwrite an input"), std::string::npos) << *why;
  // Reached through another spelling of the same path.
  EXPECT_TRUE(refuseOutput("--export", dir / "data" / ".." / "data.geojson", {".geojson"}, files));
}

TEST_F(OutputPaths, RefusesASidecarOntoAnInput) {
  std::ofstream(dir / "map.wld") << "1";
  files.inputs.push_back(dir / "map.wld");
  const auto why =
      refuseOutput("--export", dir / "map.png", {".png"}, files, pngSidecars(dir / "map.png"));
  ASSERT_TRUE(why);
  EXPECT_NE(why->find("map.wld"), std::string::npos) << *why;
}

TEST_F(OutputPaths, RefusesTheBundledData) {
  const auto why =
      refuseOutput("--export-poster", dir / "data" / "geodata" / "new.png", {".png"}, files);
  ASSERT_TRUE(why);
  EXPECT_NE(why->find("would overwrite the bundled data"), std::string::npos) << *why;
}

TEST_F(OutputPaths, RefusesAWrongExtension) {
  const auto why = refuseOutput("--export", dir / "data.csv", {".png"}, files);
  ASSERT_TRUE(why);
  EXPECT_NE(why->find("the file name must end in .png"), std::string::npos) << *why;
}

TEST_F(OutputPaths, NamesAMissingFolder) {
  const auto why = refuseOutput("--export", dir / "nowhere" / "map.png", {".png"}, files);
  ASSERT_TRUE(why);
  EXPECT_NE(why->find("the folder " + (dir / "nowhere").string() + " does not exist"),
            std::string::npos)
      << *why;
}

TEST(DatabaseConnection, IsNoFile) {
  EXPECT_TRUE(isDatabaseConnection("PG:host=/tmp/pg dbname=atlas tables=towns"));
  EXPECT_TRUE(isDatabaseConnection("pg:dbname=atlas"));
  EXPECT_TRUE(isDatabaseConnection("postgresql://atlas@db/atlas"));
  EXPECT_FALSE(isDatabaseConnection("towns.gpkg"));
  EXPECT_FALSE(isDatabaseConnection("/data/PG:x.gpkg"));
}

TEST_F(OutputPaths, AConnectionIsNoInputFileToProtect) {
  // Read as a path, the connection would name the very file asked for: it names a database.
  files.inputs.push_back("PG:host=db.png");
  EXPECT_EQ(refuseOutput("--export", "PG:host=db.png", {".png"}, files), std::nullopt);
}

}  // namespace
}  // namespace idlib
