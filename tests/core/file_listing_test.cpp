// The in-app file chooser's listing, places and recent files (issue 11), on a real temp folder.
#include "core/file_listing.hpp"

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>

namespace idlib {
namespace {
namespace fs = std::filesystem;

class FileListing : public ::testing::Test {
 protected:
  void SetUp() override {
    dir = fs::temp_directory_path() / ("idlib-file-listing-" + std::to_string(::getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir);
  }
  void TearDown() override {
    fs::permissions(dir, fs::perms::owner_all, fs::perm_options::add);
    fs::remove_all(dir);
  }
  void touch(const std::string& name) { std::ofstream(dir / name) << "x"; }
  std::vector<std::string> shown(const FolderListing& listing) const {
    std::vector<std::string> out;
    for (const FolderEntry& e : listing.entries)
      out.push_back((e.folder ? "/" : "") + e.shown);
    return out;
  }
  fs::path dir;
};

TEST_F(FileListing, FoldersFirstThenMapFilesSortedHiddenAndOtherFilesLeftOut) {
  for (const char* name :
       {"b.gpkg", "A.geojson", "notes.txt", ".hidden.csv", "c.CSV", "roads.shp", "roads.dbf"})
    touch(name);
  fs::create_directories(dir / "zeta");
  fs::create_directories(dir / "Alpha");
  fs::create_directories(dir / "base.gdb");  // a FileGDB: a source, not a folder to enter
  const FolderListing listing = listFolder(dir);
  EXPECT_TRUE(listing.error.empty()) << listing.error;
  EXPECT_EQ(shown(listing), (std::vector<std::string>{"/Alpha", "/zeta", "A.geojson", "b.gpkg",
                                                      "base.gdb", "c.CSV", "roads.shp"}));
  // Without the filter every file is there (hidden ones still not).
  EXPECT_EQ(listFolder(dir, false).entries.size(), 9u);
}

TEST_F(FileListing, HostileNamesAreShownEscapedAndStillOpenByTheirRealPath) {
  const std::string newline = "two\nlines.csv", invalid = "bad\xff\xfe.csv",
                    escape = "\x1b[31mred.csv", arabic = "إدلب.geojson";
  const std::string longName = std::string(250, 'x') + ".csv";  // near NAME_MAX (255)
  for (const std::string& name : {newline, invalid, escape, arabic, longName})
    touch(name);
  const FolderListing listing = listFolder(dir);
  ASSERT_EQ(listing.entries.size(), 5u);
  for (const FolderEntry& e : listing.entries) {
    EXPECT_EQ(e.shown.find('\n'), std::string::npos);
    EXPECT_EQ(e.shown.find('\x1b'), std::string::npos);
    EXPECT_TRUE(fs::exists(e.path)) << e.shown;
  }
  const auto has = [&](const std::string& text) {
    for (const FolderEntry& e : listing.entries)
      if (e.shown == text) return true;
    return false;
  };
  EXPECT_TRUE(has("two\\nlines.csv"));
  EXPECT_TRUE(has("bad\\xff\\xfe.csv"));
  EXPECT_TRUE(has("\\x1b[31mred.csv"));
  EXPECT_TRUE(has(arabic));  // Arabic is text, not escaped
  EXPECT_TRUE(has(longName));
}

TEST_F(FileListing, ABigFolderIsBoundedAndSaysHowManyAreLeftOut) {
  for (int i = 0; i < 30; ++i)
    touch("f" + std::to_string(100 + i) + ".csv");
  fs::create_directories(dir / "sub");
  const FolderListing listing = listFolder(dir, true, 10);
  ASSERT_EQ(listing.entries.size(), 10u);
  EXPECT_EQ(listing.leftOut, 21u);
  EXPECT_EQ(shown(listing).front(), "/sub");  // the folders and the first names are kept
  EXPECT_EQ(shown(listing)[1], "f100.csv");
  EXPECT_EQ(shown(listing).back(), "f108.csv");
}

TEST_F(FileListing, AFolderThatCannotBeReadSaysWhy) {
  EXPECT_NE(listFolder(dir / "missing").error.find("missing"), std::string::npos);
  if (::geteuid() == 0) GTEST_SKIP() << "root reads any folder";
  fs::create_directories(dir / "locked");
  fs::permissions(dir / "locked", fs::perms::none);
  const FolderListing locked = listFolder(dir / "locked");
  EXPECT_NE(locked.error.find("ermission"), std::string::npos) << locked.error;
  fs::permissions(dir / "locked", fs::perms::owner_all);
}

TEST_F(FileListing, PlacesAreThoseThatExist) {
  fs::create_directories(dir / "geodata");
  const std::vector<Place> found = places(dir.string(), dir / "geodata" / "x.gpkg");
  const auto at = [&](const std::string& label) -> std::optional<fs::path> {
    for (const Place& p : found)
      if (p.label == label) return p.path;
    return std::nullopt;
  };
  EXPECT_EQ(at("Bundled data"), dir / "geodata");
  EXPECT_EQ(at("Last folder"), dir / "geodata");
  for (const Place& p : places(dir.string() + "/nowhere", std::nullopt))
    EXPECT_TRUE(fs::is_directory(p.path)) << p.label;
}

TEST(RecentFiles, NewestFirstEachOnceAtMostTwentyAndNoLineBreaks) {
  std::vector<std::string> recent;
  for (int i = 0; i < 25; ++i)
    recent = withRecentFile(recent, "/data/" + std::to_string(i) + ".gpkg");
  ASSERT_EQ(recent.size(), 20u);
  EXPECT_EQ(recent.front(), "/data/24.gpkg");
  EXPECT_EQ(recent.back(), "/data/5.gpkg");
  recent = withRecentFile(recent, "/data/10.gpkg");
  EXPECT_EQ(recent.front(), "/data/10.gpkg");
  EXPECT_EQ(std::count(recent.begin(), recent.end(), "/data/10.gpkg"), 1);
  EXPECT_EQ(withRecentFile(recent, "/data/two\nlines.csv"), recent);
  // Written and read back the same; a damaged file gives what it can.
  EXPECT_EQ(parseRecentFiles(recentFilesText(recent)), recent);
  EXPECT_EQ(parseRecentFiles("/a.csv\r\n\n/a.csv\n/b.gpkg"),
            (std::vector<std::string>{"/a.csv", "/b.gpkg"}));
}

TEST(RecentFiles, LiveInTheConfigFolder) {
  const char* before = std::getenv("XDG_CONFIG_HOME");
  const std::string kept = before ? before : "";
  ::setenv("XDG_CONFIG_HOME", "/tmp/cfg", 1);
  EXPECT_EQ(configFile("recent.txt"), fs::path("/tmp/cfg/idlib-atlas/recent.txt"));
  before ? ::setenv("XDG_CONFIG_HOME", kept.c_str(), 1) : ::unsetenv("XDG_CONFIG_HOME");
}

}  // namespace
}  // namespace idlib
