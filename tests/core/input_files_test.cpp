#include "core/input_files.hpp"

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

namespace idlib {
namespace {

namespace fs = std::filesystem;

class InputFiles : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("idlib-input-files-" + std::to_string(::getpid()));
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  fs::path dir_;
};

TEST_F(InputFiles, ANamedPipeIsRefusedAndSaysWhy) {
  const fs::path pipe = dir_ / "events.csv";
  ASSERT_EQ(::mkfifo(pipe.c_str(), 0600), 0);
  const auto why = refuseInput(pipe.string());
  ASSERT_TRUE(why.has_value());
  EXPECT_NE(why->find("named pipe"), std::string::npos);
}

TEST_F(InputFiles, ADeviceIsRefused) {
  const auto why = refuseInput("/dev/zero");
  ASSERT_TRUE(why.has_value());
  EXPECT_NE(why->find("device"), std::string::npos);
}

TEST_F(InputFiles, FilesFoldersMissingPathsAndConnectionsAreLeftToTheReader) {
  const fs::path file = dir_ / "layer.geojson";
  std::ofstream(file) << "{}";
  EXPECT_FALSE(refuseInput(file.string()));
  EXPECT_FALSE(refuseInput(dir_.string())) << "a shapefile's folder";
  EXPECT_FALSE(refuseInput((dir_ / "missing.gpkg").string()));
  EXPECT_FALSE(refuseInput("PG:dbname=idlib"));
}

}  // namespace
}  // namespace idlib
