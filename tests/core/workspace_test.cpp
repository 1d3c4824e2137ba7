#include "core/workspace.hpp"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "core/atomic_file.hpp"

namespace idlib {
namespace {
namespace fs = std::filesystem;

// Everything a workspace holds, set away from its defaults.
Workspace fullWorkspace(const fs::path& folder) {
  Workspace w;
  w.layers.push_back({.bundled = LayerRole::Admin1, .name = "Provinces", .opacity = 0.5f});
  w.layers.push_back({.path = (folder / "data" / "zones.gpkg").string(),
                      .sourceLayer = "zones",
                      .name = "Zones (ISW-style)",
                      .visible = false,
                      .opacity = 0.25f,
                      .time = {TimeMode::Period, "valid_from", "valid_to"},
                      .style = Symbology{.kind = StyleKind::Graduated,
                                         .field = "displaced",
                                         .method = ClassMethod::EqualIntervals,
                                         .classes = 4,
                                         .colour = rgb(0xd55e00),
                                         .fillOpacity = 0.6f,
                                         .outlineWidthPx = 2.5f,
                                         .labelField = "name"},
                      .licence = "CC BY 4.0"});
  w.layers.push_back({.bundled = LayerRole::Towns, .visible = false});
  w.layers.push_back({.path = "PG:host='db' dbname='atlas' user='me' tables=public.frontlines",
                      .sourceLayer = "public.frontlines",
                      .time = {TimeMode::Accumulate, "date", ""}});
  w.eventSources.push_back({(folder / "acled.csv").string(), "ACLED", {}});
  w.eventSources.push_back({"/srv/shared/newsroom.xlsx",
                            "Newsroom",
                            {.date = "Datum",
                             .dateFormat = "DD.MM.YYYY",
                             .useGeometry = true,
                             .type = "Art",
                             .notes = "Text",
                             .source = "Quelle"}});
  w.view = ViewArgument{{36.62, 35.93}, 10.5};
  w.date = parseDate("2020-02-20");
  w.windowDays = 14;
  w.comparison = Comparison{CompareMode::Swipe, makeDay(2020, 2, 1), 0.25f};
  w.datedLayers.posts = false;
  w.datedLayers.areasOpacity = 0.75f;
  w.datedLayers.hiddenEventSources = {true, false, true};  // the bundled events and the sheet
  w.panels = {.about = true, .dataProblems = true, .exporter = false};
  w.highContrast = true;
  w.story = (folder / "talk.story").string();
  return w;
}

TEST(Workspace, SavedAndOpenedAgainIsTheSame) {
  const fs::path file = "/home/analyst/study/idlib.workspace.json";
  const Workspace saved = fullWorkspace("/home/analyst/study");
  const auto opened = parseWorkspace(serializeWorkspace(saved, file), file);
  ASSERT_TRUE(std::holds_alternative<Workspace>(opened)) << std::get<std::string>(opened);
  EXPECT_EQ(std::get<Workspace>(opened), saved);
}

TEST(Workspace, AnEmptyWorkspaceKeepsTheDefaults) {
  const auto opened = parseWorkspace(R"({"idlib_atlas_workspace": 1})", "/tmp/w.workspace.json");
  ASSERT_TRUE(std::holds_alternative<Workspace>(opened));
  EXPECT_EQ(std::get<Workspace>(opened), Workspace{});
}

TEST(Workspace, FilesBesideItAreWrittenRelativeAndOpenFromWhereTheWorkspaceIsNow) {
  const std::string text = serializeWorkspace(fullWorkspace("/home/analyst/study"),
                                              "/home/analyst/study/w.workspace.json");
  EXPECT_NE(text.find(R"("path": "data/zones.gpkg")"), std::string::npos) << text;
  EXPECT_NE(text.find(R"("path": "acled.csv")"), std::string::npos);
  EXPECT_NE(text.find(R"("story": "talk.story")"), std::string::npos);
  // Under no common folder: absolute.
  EXPECT_NE(text.find(R"("path": "/srv/shared/newsroom.xlsx")"), std::string::npos);
  // The folder moved with its workspace: its files are found where they are now.
  const auto moved = parseWorkspace(text, "/media/usb/study/w.workspace.json");
  ASSERT_TRUE(std::holds_alternative<Workspace>(moved));
  EXPECT_EQ(std::get<Workspace>(moved).layers[1].path, "/media/usb/study/data/zones.gpkg");
  EXPECT_EQ(std::get<Workspace>(moved).story, "/media/usb/study/talk.story");
}

TEST(Workspace, AFileOneFolderUpIsWrittenWithDotDot) {
  Workspace w;
  w.layers.push_back({.path = "/home/analyst/data/zones.gpkg"});
  const std::string text = serializeWorkspace(w, "/home/analyst/workspaces/w.workspace.json");
  EXPECT_NE(text.find(R"("path": "../data/zones.gpkg")"), std::string::npos) << text;
}

TEST(Workspace, AConnectionIsSavedWithoutItsPassword) {
  Workspace w;
  w.layers.push_back({.path = "PG:host='db' password='s3cr et' dbname='atlas' tables=t"});
  w.eventSources.push_back({"PG:dbname=atlas password=***", "", {}});
  w.eventSources.push_back({"postgresql://me:hunter2@db/atlas", "", {}});
  const std::string text = serializeWorkspace(w, "/tmp/w.workspace.json");
  EXPECT_EQ(text.find("s3cr"), std::string::npos) << text;
  EXPECT_EQ(text.find("hunter2"), std::string::npos) << text;
  EXPECT_EQ(text.find("password"), std::string::npos) << text;
  EXPECT_NE(text.find(R"(PG:host='db' dbname='atlas' tables=t)"), std::string::npos) << text;
  EXPECT_NE(text.find("postgresql://me@db/atlas"), std::string::npos) << text;
}

// A comparison is saved as the mode, date A and the divider's place; a workspace written before
// comparisons (or with "off") opens without one, and one not comparing writes none.
TEST(Workspace, AComparisonIsSavedAndAWorkspaceWithoutOneOpensWithoutIt) {
  const fs::path file = "/tmp/w.workspace.json";
  Workspace w;
  w.comparison = Comparison{CompareMode::Change, makeDay(2020, 2, 1), 0.5f};
  const std::string text = serializeWorkspace(w, file);
  EXPECT_NE(text.find(R"("compare": {
    "mode": "change",
    "date": "2020-02-01",
    "swipe": 0.5
  })"),
            std::string::npos)
      << text;
  const auto opened = parseWorkspace(text, file);
  ASSERT_TRUE(std::holds_alternative<Workspace>(opened)) << std::get<std::string>(opened);
  EXPECT_EQ(std::get<Workspace>(opened).comparison, w.comparison);

  const auto older = parseWorkspace(R"({"idlib_atlas_workspace": 1, "date": "2020-02-10"})", file);
  ASSERT_TRUE(std::holds_alternative<Workspace>(older));
  EXPECT_FALSE(std::get<Workspace>(older).comparison);
  const auto off = parseWorkspace(
      R"({"idlib_atlas_workspace": 1, "compare": {"mode": "off", "date": "2020-02-01"}})", file);
  ASSERT_TRUE(std::holds_alternative<Workspace>(off));
  EXPECT_FALSE(std::get<Workspace>(off).comparison);

  w.comparison.reset();
  EXPECT_EQ(serializeWorkspace(w, file).find("compare"), std::string::npos);
}

std::string errorOf(const std::string& text) {
  const auto parsed = parseWorkspace(text, "/tmp/w.workspace.json");
  return std::holds_alternative<std::string>(parsed) ? std::get<std::string>(parsed) : "(parsed)";
}

TEST(Workspace, ErrorsNameTheFileAndTheKey) {
  EXPECT_EQ(errorOf(R"({"idlib_atlas_workspace": 1, "layers": [{"bundled": "admin1"},
                       {"path": "a.gpkg", "opacity": "half"}]})"),
            "/tmp/w.workspace.json: layers[1].opacity: expected a number from 0 to 1");
  EXPECT_EQ(errorOf(R"({"idlib_atlas_workspace": 1, "date": "20 Feb"})"),
            "/tmp/w.workspace.json: date: expected a date, YYYY-MM-DD");
  EXPECT_EQ(errorOf(R"({"idlib_atlas_workspace": 1, "view": {"longitude": 36, "latitude": 35}})"),
            "/tmp/w.workspace.json: view.zoom: is missing");
  EXPECT_EQ(errorOf(R"({"idlib_atlas_workspace": 1, "layers": [{"bundled": "rivers"}]})"),
            "/tmp/w.workspace.json: layers[0].bundled: expected admin1, countries or towns");
  EXPECT_EQ(
      errorOf(
          R"({"idlib_atlas_workspace": 1, "layers": [{"path": "a.gpkg", "time": {"mode": "period"}}]})"),
      "/tmp/w.workspace.json: layers[0].time: expected \"start\": the field holding each "
      "feature's date");
  EXPECT_EQ(errorOf(R"({"idlib_atlas_workspace": 1, "layers": [{"path": "a.gpkg",
                       "style": {"kind": "categories", "field": "x", "colour": "red"}}]})"),
            "/tmp/w.workspace.json: layers[0].style.colour: expected a colour, #RRGGBB");
  EXPECT_EQ(
      errorOf(R"({"idlib_atlas_workspace": 1, "layers": [{"path": "a.gpkg",
                       "style": {"kind": "heatmap"}}]})"),
      "/tmp/w.workspace.json: layers[0].style.kind: expected single, categories or graduated");
  EXPECT_EQ(errorOf(R"({"idlib_atlas_workspace": 1, "event_sources": {"path": "a.csv"}})"),
            "/tmp/w.workspace.json: event_sources: expected a list [...]");
  EXPECT_EQ(
      errorOf(
          R"({"idlib_atlas_workspace": 1, "compare": {"mode": "blink", "date": "2020-02-01"}})"),
      "/tmp/w.workspace.json: compare.mode: expected swipe, side-by-side, change or off");
  EXPECT_EQ(errorOf(R"({"idlib_atlas_workspace": 1, "compare": {"mode": "change"}})"),
            "/tmp/w.workspace.json: compare.date: is missing");
  EXPECT_EQ(
      errorOf(R"({"idlib_atlas_workspace": 1, "compare": {"mode": "swipe", "date": "2020-02-01",
                       "swipe": 2}})"),
      "/tmp/w.workspace.json: compare.swipe: expected a number from 0 to 1");
  EXPECT_EQ(errorOf(R"({"idlib_atlas_workspace": 2})"),
            "/tmp/w.workspace.json: idlib_atlas_workspace: expected version 1 (written by a newer "
            "Idlib Atlas?)");
}

TEST(Workspace, AGeoJsonFileIsNotTakenForAWorkspace) {
  EXPECT_EQ(errorOf(R"({"type": "FeatureCollection", "features": []})"),
            "/tmp/w.workspace.json: expected an Idlib Atlas workspace, with "
            "\"idlib_atlas_workspace\": 1 (to add a map file, use --layer or File > Add layer...)");
  EXPECT_EQ(errorOf("[1, 2]"), "/tmp/w.workspace.json: expected an object {...}");
  EXPECT_EQ(
      errorOf(R"({"idlib_atlas_workspace": 1,)")
          .rfind("/tmp/w.workspace.json: not a workspace: the JSON has a parse error at line 1", 0),
      0u)
      << errorOf(R"({"idlib_atlas_workspace": 1,)");
}

// Found by fuzz_workspace: a number too large for a double threw past the parse's error handling.
TEST(Workspace, ANumberTooLargeIsAnErrorNotACrash) {
  EXPECT_NE(
      errorOf(R"({"idlib_atlas_workspace": 1, "window_days": 9e994})").find("number overflow"),
      std::string::npos);
  EXPECT_EQ(errorOf("9e994").rfind("/tmp/w.workspace.json: not a workspace", 0), 0u);
}

TEST(Workspace, ReadingRefusesAFolderAMissingFileAndAHugeOne) {
  const fs::path folder = fs::temp_directory_path() / "idlib_workspace_test";
  fs::create_directories(folder);
  EXPECT_EQ(std::get<std::string>(readWorkspaceFile(folder)),
            folder.string() + ": is a folder, not a workspace file");
  EXPECT_NE(std::get<std::string>(readWorkspaceFile(folder / "none.workspace.json"))
                .find("none.workspace.json: cannot read the workspace"),
            std::string::npos);
  const fs::path huge = folder / "huge.workspace.json";
  ASSERT_FALSE(writeFileAtomically(huge, std::string(kLargestWorkspace + 1, ' ')));
  EXPECT_EQ(std::get<std::string>(readWorkspaceFile(huge)),
            huge.string() + ": is 1.0 MB; a workspace may be at most 1 MB (is it a workspace?)");
  const fs::path good = folder / "good.workspace.json";
  const Workspace w = fullWorkspace(folder);
  ASSERT_FALSE(writeFileAtomically(good, serializeWorkspace(w, good)));
  const auto read = readWorkspaceFile(good);
  ASSERT_TRUE(std::holds_alternative<Workspace>(read));
  EXPECT_EQ(std::get<Workspace>(read), w);
  fs::remove_all(folder);
}

TEST(Workspace, MissingFilesAreTakenOutAndNamedTheRestStays) {
  const fs::path folder = fs::temp_directory_path() / "idlib_workspace_missing";
  fs::create_directories(folder);
  std::ofstream(folder / "here.geojson") << "{}";
  Workspace w;
  w.layers.push_back({.bundled = LayerRole::Admin1});
  w.layers.push_back({.path = (folder / "here.geojson").string(), .name = "Here"});
  w.layers.push_back({.path = (folder / "gone.gpkg").string(), .name = "Gone"});
  w.layers.push_back({.path = "PG:dbname=atlas tables=t"});  // not a file: the loader says
  w.eventSources.push_back({(folder / "moved.csv").string(), "ACLED", {}});
  w.story = (folder / "missing.story").string();
  const fs::path file = folder / "w.workspace.json";
  const std::vector<Notice> notices = takeOutMissingFiles(w, file);
  ASSERT_EQ(notices.size(), 3u);
  EXPECT_EQ(notices[0].message,
            fmt::format("{}: layer 'Gone': {} is not there (moved or deleted?); the rest opens "
                        "without it",
                        file.string(), (folder / "gone.gpkg").string()));
  EXPECT_NE(notices[1].message.find("events 'ACLED': " + (folder / "moved.csv").string()),
            std::string::npos);
  EXPECT_NE(notices[2].message.find("story: " + (folder / "missing.story").string()),
            std::string::npos);
  ASSERT_EQ(w.layers.size(), 3u);
  EXPECT_EQ(w.layers[1].name, "Here");
  EXPECT_TRUE(w.eventSources.empty());
  EXPECT_TRUE(w.story.empty());
  fs::remove_all(folder);
}

// Which event tables are hidden is kept by their number, and follows a table taken out.
TEST(Workspace, HiddenEventSourcesAreKeptAndFollowATableThatMoved) {
  const fs::path folder = fs::temp_directory_path() / "idlib_workspace_hidden";
  fs::create_directories(folder);
  std::ofstream(folder / "kept.csv") << "event_date,latitude,longitude\n";
  Workspace w;
  w.eventSources.push_back({(folder / "moved.csv").string(), "Moved", {}});
  w.eventSources.push_back({(folder / "kept.csv").string(), "Kept", {}});
  w.datedLayers.hiddenEventSources = {false, false, true};  // "Kept" (table 2) is hidden
  const fs::path file = folder / "w.workspace.json";
  const std::string text = serializeWorkspace(w, file);
  EXPECT_NE(text.find("\"hidden_event_sources\": [\n      2\n    ]"), std::string::npos) << text;
  Workspace read = std::get<Workspace>(parseWorkspace(text, file));
  EXPECT_EQ(read, w);
  ASSERT_EQ(takeOutMissingFiles(read, file).size(), 1u);
  ASSERT_EQ(read.eventSources.size(), 1u);
  EXPECT_EQ(read.datedLayers.hiddenEventSources, (std::vector<bool>{false, true}));  // now table 1
  EXPECT_EQ(
      errorOf(R"({"idlib_atlas_workspace": 1, "dated_layers": {"hidden_event_sources": [1.5]}})"),
      "/tmp/w.workspace.json: dated_layers.hidden_event_sources[0]: expected a table's "
      "number, 0 to 1000");
  fs::remove_all(folder);
}

TEST(Workspace, TheEndingMarksAWorkspace) {
  EXPECT_TRUE(hasWorkspaceEnding("/tmp/Study.WORKSPACE.json"));
  EXPECT_FALSE(hasWorkspaceEnding("/tmp/zones.json"));
  EXPECT_EQ(withWorkspaceEnding("/tmp/study"), "/tmp/study.workspace.json");
  EXPECT_EQ(withWorkspaceEnding("/tmp/study.json"), "/tmp/study.workspace.json");
  EXPECT_EQ(withWorkspaceEnding("/tmp/s.workspace.json"), "/tmp/s.workspace.json");
}

TEST(Workspace, LocalFilesAreToldFromConnections) {
  EXPECT_TRUE(isLocalFile("/home/me/a.gpkg"));
  EXPECT_TRUE(isLocalFile("data/a b:c.csv"));
  EXPECT_FALSE(isLocalFile("PG:dbname=x"));
  EXPECT_FALSE(isLocalFile("/vsicurl/https://example.org/a.fgb"));
  EXPECT_FALSE(isLocalFile("https://example.org/a.geojson"));
}

}  // namespace
}  // namespace idlib
