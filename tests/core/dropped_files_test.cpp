#include "core/dropped_files.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

namespace idlib {
namespace {
namespace fs = std::filesystem;

class DroppedFiles : public ::testing::Test {
 protected:
  void SetUp() override {
    dir = fs::temp_directory_path() / ("idlib-drop-" + std::to_string(getpid()));
    fs::create_directories(dir / "shapes" / "inner");
    for (const char* name : {"roads.shp", "roads.shx", "roads.dbf", "roads.prj", "rivers.SHP",
                             "rivers.dbf", "notes.txt", "inner/deeper.geojson"})
      std::ofstream(dir / "shapes" / name) << "x";
    for (const char* name : {"acled.csv", "fronts.gpkg", "photo.jpg", "lonely.dbf"})
      std::ofstream(dir / name) << "x";
  }
  void TearDown() override { fs::remove_all(dir); }
  std::string at(const std::string& name) const { return (dir / name).string(); }
  fs::path dir;
};

TEST_F(DroppedFiles, FilesLoadInTheOrderDropped) {
  const DropPlan plan = planDrop({at("fronts.gpkg"), at("acled.csv")});
  EXPECT_EQ(plan.files, (std::vector<std::string>{at("fronts.gpkg"), at("acled.csv")}));
  EXPECT_TRUE(plan.problems.empty());
}

TEST_F(DroppedFiles, AFolderGivesItsMapFilesByNameWithoutShapefileCompanions) {
  const DropPlan plan = planDrop({at("shapes")});
  // Not its subfolder's files, not roads.dbf/.shx/.prj: roads.shp reads them.
  EXPECT_EQ(plan.files,
            (std::vector<std::string>{at("shapes/rivers.SHP"), at("shapes/roads.shp")}));
  ASSERT_EQ(plan.problems.size(), 1u);  // notes.txt is said, as a note
  EXPECT_EQ(plan.problems[0].severity, Severity::Info);
  EXPECT_NE(plan.problems[0].message.find("1 file of no map or table kind left out (notes.txt)"),
            std::string::npos)
      << plan.problems[0].message;
}

TEST_F(DroppedFiles, AWorkspaceIsOpenedNotLoadedAsAGeoJsonLayer) {
  std::ofstream(dir / "study.workspace.json") << "{}";
  std::ofstream(dir / "shapes" / "old.workspace.json") << "{}";
  const DropPlan plan = planDrop({at("study.workspace.json"), at("fronts.gpkg")});
  EXPECT_EQ(plan.workspaces, std::vector<std::string>{at("study.workspace.json")});
  EXPECT_EQ(plan.files, std::vector<std::string>{at("fronts.gpkg")});
  // In a dropped folder a workspace is not taken: it would replace the rest of the drop.
  EXPECT_TRUE(planDrop({at("shapes")}).workspaces.empty());
}

TEST_F(DroppedFiles, UnknownAndMissingFilesAreReportedAndTheRestLoads) {
  const DropPlan plan =
      planDrop({at("photo.jpg"), at("gone.geojson"), at("acled.csv"), at("lonely.dbf")});
  EXPECT_EQ(plan.files, std::vector<std::string>{at("acled.csv")});
  ASSERT_EQ(plan.problems.size(), 3u);
  EXPECT_EQ(plan.problems[0].severity, Severity::Warning);
  EXPECT_EQ(plan.problems[0].message.rfind(at("photo.jpg") + ": not a map or table file", 0), 0u)
      << plan.problems[0].message;
  EXPECT_EQ(plan.problems[1].severity, Severity::Error);
  EXPECT_EQ(plan.problems[1].message, at("gone.geojson") + ": not found");
  // A .dbf without its .shp is no layer of its own.
  EXPECT_EQ(plan.problems[2].message.rfind(at("lonely.dbf") + ": not a map", 0), 0u);
}

TEST_F(DroppedFiles, EachFileOnceHoweverItWasDropped) {
  const DropPlan plan = planDrop({at("shapes/roads.shp"), at("shapes"), at("shapes/roads.dbf"),
                                  at("shapes/../shapes/roads.shp"), at("shapes/roads.shx")});
  EXPECT_EQ(plan.files,
            (std::vector<std::string>{at("shapes/roads.shp"), at("shapes/rivers.SHP")}));
}

TEST_F(DroppedFiles, AtMostTheBoundAndTheRestCounted) {
  fs::create_directories(dir / "many");
  for (int i = 0; i < 250; ++i)
    std::ofstream(dir / "many" / (std::to_string(1000 + i) + ".geojson")) << "x";
  const DropPlan plan = planDrop({at("many"), at("acled.csv")}, 200);
  ASSERT_EQ(plan.files.size(), 200u);
  EXPECT_EQ(plan.files.front(), at("many/1000.geojson"));
  EXPECT_EQ(plan.files.back(), at("many/1199.geojson"));
  ASSERT_EQ(plan.problems.size(), 1u);
  EXPECT_NE(plan.problems[0].message.find("51 more files"), std::string::npos)
      << plan.problems[0].message;
}

}  // namespace
}  // namespace idlib
