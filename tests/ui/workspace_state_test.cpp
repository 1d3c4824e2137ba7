// Workspaces in the running app (issue 11): what is open, saved; a workspace opened by a drop or
// File > Open workspace... replaces it, and saved again it is the same workspace.
#include "ui/workspace_state.hpp"

#include <SDL.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <fstream>

#include "core/atomic_file.hpp"
#include "ui/command_line.hpp"
#include "ui/file_drop.hpp"

namespace idlib {
namespace {
namespace fs = std::filesystem;

Layer bundledLayer(const std::string& title, LayerRole role) {
  Layer l;
  l.id = l.title = title;
  l.role = role;
  return l;
}

class WorkspaceState : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { bundled_ = new DatedData(loadDatedData(IDLIB_DATA_DIR)); }
  static void TearDownTestSuite() { delete bundled_; }
  void SetUp() override {
    dir = fs::temp_directory_path() / ("idlib-workspace-state-" + std::to_string(getpid()));
    fs::create_directories(dir / "data");
    std::ofstream(dir / "data" / "zone.geojson")
        << R"({"type":"FeatureCollection","features":[{"type":"Feature","properties":)"
           R"({"name":"Zone","valid_from":"2019-01-01"},"geometry":{"type":"Polygon",)"
           R"("coordinates":[[[36.4,35.7],[36.5,35.7],[36.5,35.8],[36.4,35.8],[36.4,35.7]]]}}]})";
    state.dataDir = IDLIB_DATA_DIR;
    state.camera.setViewport({800, 600});
    state.addLayer(bundledLayer("Governorates", LayerRole::Admin1));
    state.addLayer(bundledLayer("Towns", LayerRole::Towns));
    Layer mine = bundledLayer("An earlier file", LayerRole::Generic);
    mine.sourcePath = (dir / "earlier.geojson").string();
    state.addLayer(std::move(mine));
    DatedData copy = *bundled_;
    state.setTimeline(std::move(copy));

    // Everything set away from what the app opens with.
    saved.layers = {
        {.bundled = LayerRole::Towns, .name = "Towns", .visible = false, .opacity = 0.5f},
        {.path = (dir / "data" / "zone.geojson").string(),
         .sourceLayer = "zone",
         .name = "My zone",
         .opacity = 0.75f,
         .time = {TimeMode::Accumulate, "valid_from", ""},
         .style = Symbology{.colour = rgb(0xcc79a7), .fillOpacity = 0.6f, .labelField = "name"},
         .licence = "CC BY 4.0"},
        {.bundled = LayerRole::Admin1, .name = "Provinces"}};
    saved.view = ViewArgument{{36.45, 35.75}, 11};
    saved.date = makeDay(2019, 3, 1);
    saved.windowDays = 14;
    saved.datedLayers.posts = false;
    saved.panels.about = true;
    file = dir / "study.workspace.json";
    ASSERT_FALSE(writeFileAtomically(file, serializeWorkspace(saved, file)));
  }
  void TearDown() override { fs::remove_all(dir); }

  // What the window does each frame with the workspace's loader, without GL.
  void loadAll(OpeningWorkspace& opening) {
    for (int frame = 0; frame < 100000 && !opening.loader->done(); ++frame) {
      LoadResult finished = opening.loader->takeFinished();
      for (Layer& layer : finished.layers)
        applyWorkspaceLayer(state, state.addLayer(std::move(layer)), opening.workspace);
      if (!finished.layers.empty()) orderLayersAsIn(state, opening.workspace);
      if (auto dated = opening.loader->takeDatedData())
        state.setTimeline(std::move(*dated), opening.workspace.date);
      for (Notice& n : finished.notices)
        state.notices.push_back(std::move(n));
      usleep(1000);
    }
    ASSERT_TRUE(opening.loader->done()) << "the workspace never finished loading";
  }
  std::vector<std::string> titles() const {
    std::vector<std::string> out;
    for (const LayerEntry& e : state.layers)
      out.push_back(e.layer.title);
    return out;
  }

  static DatedData* bundled_;
  fs::path dir, file;
  AppState state;
  Workspace saved;
};
DatedData* WorkspaceState::bundled_ = nullptr;

TEST_F(WorkspaceState, OpeningReplacesWhatIsOpenAndSavedAgainItIsTheSame) {
  auto opening = openWorkspace(state, file);
  ASSERT_TRUE(opening);
  // At once: the earlier file gone, the bundled layers as saved, the settings beside the layers.
  EXPECT_EQ(titles(), (std::vector<std::string>{"Towns", "Provinces"}));
  EXPECT_FALSE(state.layers[0].visible);
  EXPECT_EQ(state.layers[0].opacity, 0.5f);
  EXPECT_FALSE(state.timeLayers.posts);
  EXPECT_TRUE(state.showAbout);
  EXPECT_EQ(state.playback.windowDays, 14);
  EXPECT_EQ(state.workspacePath, file.string());

  loadAll(*opening);
  // Its layer in its place, named and moving with the timeline as saved; the date it was at.
  EXPECT_EQ(titles(), (std::vector<std::string>{"Towns", "My zone", "Provinces"}));
  EXPECT_EQ(state.layers[1].opacity, 0.75f);
  EXPECT_EQ(state.layers[1].layer.time.mode, TimeMode::Accumulate);
  // Its style: the colour saved, not the next of the cycle; its licence in the attribution.
  ASSERT_EQ(state.layers[1].layer.features.size(), 1u);
  EXPECT_EQ(state.layers[1].layer.features[0].fill, rgb(0xcc79a7, 153));
  EXPECT_NE(state.layers[1].layer.attribution.find("CC BY 4.0"), std::string::npos);
  EXPECT_EQ(static_cast<Day>(state.playback.date), makeDay(2019, 3, 1));

  // Saved again (the camera at the saved view), it is the workspace it was opened from.
  state.camera.setView(mapView(state, *saved.view));
  Workspace again = captureWorkspace(state, false);
  ASSERT_TRUE(again.view);
  EXPECT_NEAR(again.view->centre.lon, 36.45, 1e-9);
  EXPECT_NEAR(again.view->zoom, 11, 1e-9);
  again.view = saved.view;
  EXPECT_EQ(again, saved);
  EXPECT_EQ(serializeWorkspace(again, file), serializeWorkspace(saved, file));
}

// Issue 14: a workspace saved while comparing two dates opens comparing them again, in the window
// and from the command line; one saved without a comparison ends the one in progress.
TEST_F(WorkspaceState, ASavedComparisonReopens) {
  const Comparison comparing{CompareMode::Swipe, makeDay(2020, 2, 1), 0.3f};
  state.playback.jumpTo(makeDay(2020, 2, 10), state.timeline);
  state.comparison = comparing;
  const fs::path comparingFile = dir / "comparing.workspace.json";
  ASSERT_FALSE(saveWorkspace(state, comparingFile, false));

  state.comparison = {};
  auto opening = openWorkspace(state, comparingFile);
  ASSERT_TRUE(opening);
  loadAll(*opening);
  EXPECT_EQ(state.comparison, comparing);
  EXPECT_EQ(static_cast<Day>(state.playback.date), makeDay(2020, 2, 10));

  Options options;
  options.workspacePath = comparingFile.string();
  ASSERT_TRUE(openWorkspaceOption(options, false));
  const auto fromCommandLine = comparisonOf(options);
  ASSERT_TRUE(std::holds_alternative<Comparison>(fromCommandLine))
      << std::get<std::string>(fromCommandLine);
  EXPECT_EQ(std::get<Comparison>(fromCommandLine), comparing);
  // The command line goes first: another mode, and no swipe's place for it.
  Options changeMode;
  changeMode.workspacePath = comparingFile.string();
  changeMode.compareMode = "change";
  ASSERT_TRUE(openWorkspaceOption(changeMode, false));
  const auto changed = comparisonOf(changeMode);
  ASSERT_TRUE(std::holds_alternative<Comparison>(changed)) << std::get<std::string>(changed);
  EXPECT_EQ(std::get<Comparison>(changed).mode, CompareMode::Change);
  EXPECT_EQ(std::get<Comparison>(changed).before, makeDay(2020, 2, 1));

  ASSERT_TRUE(openWorkspace(state, file));  // saved without comparing
  EXPECT_EQ(state.comparison.mode, CompareMode::Off);
}

TEST_F(WorkspaceState, AWorkspaceThatCannotBeReadChangesNothingAndIsSaid) {
  std::ofstream(dir / "broken.workspace.json") << R"({"idlib_atlas_workspace": 1, "date": 5})";
  EXPECT_FALSE(openWorkspace(state, dir / "broken.workspace.json"));
  EXPECT_EQ(titles(), (std::vector<std::string>{"Governorates", "An earlier file", "Towns"}));
  EXPECT_TRUE(state.showNotices);
  ASSERT_FALSE(state.notices.empty());
  EXPECT_NE(state.notices.back().message.find("broken.workspace.json: date: expected a text"),
            std::string::npos)
      << state.notices.back().message;
}

TEST_F(WorkspaceState, AMovedFileIsSaidAndTheRestOpens) {
  fs::rename(dir / "data" / "zone.geojson", dir / "zone-moved.geojson");
  auto opening = openWorkspace(state, file);
  ASSERT_TRUE(opening);
  EXPECT_TRUE(state.showNotices);
  EXPECT_NE(
      state.notices.back().message.find(file.string() + ": layer 'My zone': " +
                                        (dir / "data" / "zone.geojson").string() + " is not there"),
      std::string::npos)
      << state.notices.back().message;
  loadAll(*opening);
  EXPECT_EQ(titles(), (std::vector<std::string>{"Towns", "Provinces"}));
  EXPECT_EQ(static_cast<Day>(state.playback.date), makeDay(2019, 3, 1));
}

TEST_F(WorkspaceState, ADroppedWorkspaceIsHandedToTheWindowNotLoadedAsALayer) {
  ASSERT_EQ(SDL_Init(SDL_INIT_EVENTS), 0) << SDL_GetError();
  for (Uint32 type : {SDL_DROPBEGIN, SDL_DROPFILE, SDL_DROPCOMPLETE}) {
    SDL_Event event{};
    event.type = type;
    if (type == SDL_DROPFILE) event.drop.file = SDL_strdup(file.c_str());
    SDL_PushEvent(&event);
  }
  FileDrops drops;
  SDL_Event event;
  while (SDL_PollEvent(&event))
    EXPECT_TRUE(drops.handle(event));
  drops.update(state);
  EXPECT_FALSE(drops.loader());  // nothing to load as a layer
  EXPECT_EQ(drops.takeWorkspace(), std::optional(file.string()));
  EXPECT_FALSE(drops.takeWorkspace());
  SDL_Quit();
}

}  // namespace
}  // namespace idlib
