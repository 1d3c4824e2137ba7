// Files dropped on the window, as SDL delivers them: events join the timeline, other files
// become layers, a broken file is reported while the rest loads.
#include "ui/file_drop.hpp"

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <fstream>

#include "ui/event_export.hpp"

namespace idlib {
namespace {
namespace fs = std::filesystem;

// SDL's events only (no window): the ones a desktop sends when files are dropped.
void pushDrop(const std::vector<fs::path>& paths) {
  SDL_Event event{};
  event.type = SDL_DROPBEGIN;
  SDL_PushEvent(&event);
  for (const fs::path& path : paths) {
    event = {};
    event.type = SDL_DROPFILE;
    event.drop.file = SDL_strdup(path.c_str());  // freed by whoever takes the event
    SDL_PushEvent(&event);
  }
  event = {};
  event.type = SDL_DROPCOMPLETE;
  SDL_PushEvent(&event);
}

class FileDrop : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    ASSERT_EQ(SDL_Init(SDL_INIT_EVENTS), 0) << SDL_GetError();
    bundled_ = new DatedData(loadDatedData(IDLIB_DATA_DIR));
  }
  static void TearDownTestSuite() {
    delete bundled_;
    SDL_Quit();
  }
  void SetUp() override {
    dir = fs::temp_directory_path() / ("idlib-file-drop-" + std::to_string(getpid()));
    fs::create_directories(dir);
    std::ofstream(dir / "my_events.csv")
        << "event_id,event_date,event_type,location,latitude,longitude,source\n"
           "drop-1,9-Feb-20,shelling/air strike,test place,35.70,36.70,file_drop_test\n"
           "drop-2,2020-02-11,protest,test place,35.71,36.71,file_drop_test\n";
    std::ofstream(dir / "area.geojson")
        << R"({"type":"FeatureCollection","features":[{"type":"Feature","properties":)"
           R"({"name":"test area"},"geometry":{"type":"Polygon","coordinates":)"
           R"([[[36.5,35.5],[36.9,35.5],[36.9,35.9],[36.5,35.9],[36.5,35.5]]]}}]})";
    std::ofstream(dir / "broken.geojson") << "{ \"type\": \"FeatureCollection\", \"feat";
    state.dataDir = IDLIB_DATA_DIR;
    DatedData copy = *bundled_;
    state.setTimeline(std::move(copy));
  }
  void TearDown() override { fs::remove_all(dir); }

  // What the window does each frame, without GL: SDL's events to the drops, then every result
  // of the drop being loaded into the state, until none is loading.
  void runFrames() {
    SDL_Event event;
    while (SDL_PollEvent(&event))
      if (event.type != SDL_USEREVENT)  // a loader's wake-up, for the window's wait
        EXPECT_TRUE(drops.handle(event));
    for (int frame = 0; frame < 100000; ++frame) {
      drops.update(state);
      BackgroundLoader* loader = drops.loader();
      if (!loader) return;
      take(*loader);
      usleep(1000);
    }
    FAIL() << "the drop never finished loading";
  }

  // Takes what `loader` finished into the state, as the window does; true once it is done.
  bool take(BackgroundLoader& loader) {
    for (std::string& table : loader.takeUnmapped())
      unmapped.push_back(std::move(table));
    LoadResult finished = loader.takeFinished();
    for (Layer& layer : finished.layers)
      state.addLayer(std::move(layer));
    if (auto dated = loader.takeDatedData()) {
      for (Notice& n : dated->notices)
        finished.notices.push_back(std::move(n));
      state.setTimeline(std::move(*dated), makeDay(2020, 2, 10));
    }
    for (Notice& n : finished.notices)
      state.notices.push_back(std::move(n));
    return loader.done();
  }

  bool noticeSays(const std::string& words) const {
    return std::any_of(state.notices.begin(), state.notices.end(),
                       [&](const Notice& n) { return n.message.find(words) != std::string::npos; });
  }
  std::optional<Event> event(const std::string& id) const {
    for (const EventRef e : state.timeline.events)
      if (e.id() == id) return e.toEvent();
    return std::nullopt;
  }

  static DatedData* bundled_;
  std::vector<std::string> unmapped;  // tables waiting for the column-mapping dialog
  fs::path dir;
  AppState state;
  FileDrops drops;
};
DatedData* FileDrop::bundled_ = nullptr;

TEST_F(FileDrop, EventsJoinTheTimelineLayersTheMapAndABrokenFileIsSaid) {
  const std::size_t bundledEvents = state.timeline.events.size();
  const std::size_t layersBefore = state.layers.size();
  pushDrop(
      {dir / "my_events.csv", dir / "area.geojson", dir / "broken.geojson", dir / "area.geojson"});
  runFrames();

  // The events, ACLED's date format too, with the bundled ones kept.
  ASSERT_EQ(state.timeline.events.size(), bundledEvents + 2);
  ASSERT_TRUE(event("drop-1"));
  EXPECT_EQ(event("drop-1")->date, makeDay(2020, 2, 9));
  EXPECT_EQ(event("drop-2")->type, "protest");
  EXPECT_TRUE(event("a004-01"));
  ASSERT_EQ(state.eventSources.size(), 1u);
  EXPECT_EQ(state.eventSources[0].path, (dir / "my_events.csv").string());
  EXPECT_EQ(event("drop-1")->sourceIndex, 1);  // the bundled events are source 0
  EXPECT_TRUE(noticeSays("my_events.csv: read as events"));
  // The bundled files, read again with them, do not repeat their notes.
  EXPECT_FALSE(noticeSays("observation_posts.csv"));
  // The map's date stays where it was.
  EXPECT_EQ(static_cast<Day>(state.playback.date), makeDay(2020, 2, 10));

  // One layer, however often it was dropped.
  ASSERT_EQ(state.layers.size(), layersBefore + 1);
  const auto added = std::find_if(state.layers.begin(), state.layers.end(), [&](const auto& l) {
    return l.layer.sourcePath == (dir / "area.geojson").string();
  });
  ASSERT_NE(added, state.layers.end());
  EXPECT_EQ(added->layer.features.size(), 1u);

  // The broken file is in the Data problems window.
  EXPECT_TRUE(std::any_of(state.notices.begin(), state.notices.end(), [](const Notice& n) {
    return n.severity == Severity::Error && n.message.find("broken.geojson") != std::string::npos;
  }));

  // A dropped file is an input: the event list may not be saved over it.
  const EventsSaved saved = saveEvents({}, dir / "my_events.csv", state.protectedFiles);
  EXPECT_FALSE(saved.ok);
  EXPECT_NE(saved.message.find("would overwrite an input"), std::string::npos) << saved.message;
}

TEST_F(FileDrop, ASecondDropOfEventsKeepsTheFirst) {
  pushDrop({dir / "my_events.csv"});
  runFrames();
  std::ofstream(dir / "more.csv") << "event_date,latitude,longitude,event_id\n"
                                     "2020-02-12,35.72,36.72,drop-3\n";
  pushDrop({dir / "more.csv"});
  runFrames();
  EXPECT_TRUE(event("drop-1"));
  EXPECT_TRUE(event("drop-3"));
  EXPECT_EQ(state.eventSources.size(), 2u);
  EXPECT_EQ(event("drop-3")->sourceIndex, 2);
}

TEST_F(FileDrop, UnknownFilesAreSaidAndNothingLoads) {
  std::ofstream(dir / "photo.jpg") << "x";
  const std::size_t layersBefore = state.layers.size();
  pushDrop({dir / "photo.jpg", dir / "gone.csv"});
  runFrames();
  EXPECT_EQ(state.layers.size(), layersBefore);
  EXPECT_TRUE(noticeSays("photo.jpg: not a map or table file"));
  EXPECT_TRUE(noticeSays("gone.csv: not found"));
  EXPECT_TRUE(state.showNotices);  // the Data problems window opens
}

// A named pipe dropped among files is said at once; waiting for a writer would hang the drop.
TEST_F(FileDrop, ANamedPipeIsSaidAndTheOtherFilesLoad) {
  ASSERT_EQ(::mkfifo((dir / "pipe.csv").c_str(), 0600), 0);
  const std::size_t layersBefore = state.layers.size();
  pushDrop({dir / "pipe.csv", dir / "area.geojson"});
  runFrames();
  EXPECT_TRUE(noticeSays("pipe.csv: is a named pipe"));
  EXPECT_EQ(state.layers.size(), layersBefore + 1) << "the area still loads";
}

// A dropped table with neither ACLED's columns nor a geometry is not an empty layer: it waits for
// the column-mapping dialog, whose mapping then reads it as events (issue 11).
TEST_F(FileDrop, APlainTableWaitsForTheColumnMappingThenLoadsAsEvents) {
  const fs::path sheet = dir / "newsroom.csv";
  std::ofstream(sheet) << "Date of incident,Town,Lat,Long,Kind\n"
                          "28/02/2020,Saraqib,35.8636,36.8006,clashes\n";
  const std::size_t layersBefore = state.layers.size();
  pushDrop({sheet});
  runFrames();
  EXPECT_EQ(state.layers.size(), layersBefore);
  EXPECT_EQ(unmapped, std::vector<std::string>{sheet.string()});
  EXPECT_TRUE(noticeSays("newsroom.csv: a table without ACLED's columns or a geometry"));

  // What the dialog's Add events does with the mapping it shows.
  ColumnMapping mapping;
  mapping.date = "Date of incident";
  mapping.dateFormat = "d/m/y";
  mapping.latitude = "Lat";
  mapping.longitude = "Long";
  mapping.type = "Kind";
  mapping.location = "Town";
  BackgroundLoader loader(DroppedSources{
      {}, state.dataDir, state.eventSources, {{sheet.string(), "Newsroom", mapping}}});
  for (int frame = 0; frame < 100000 && !take(loader); ++frame)
    usleep(1000);
  ASSERT_EQ(state.eventSources.size(), 1u);
  EXPECT_EQ(state.eventSources[0].name, "Newsroom");
  EXPECT_EQ(state.eventSources[0].columns, mapping);
  const auto added = std::find_if(state.timeline.events.begin(), state.timeline.events.end(),
                                  [](EventRef e) { return e.sourceIndex() == 1; });
  ASSERT_NE(added, state.timeline.events.end());
  EXPECT_EQ((*added).date(), makeDay(2020, 2, 28));
  EXPECT_EQ((*added).type(), "clashes");
  EXPECT_EQ((*added).location(), "Saraqib");
  EXPECT_FALSE(noticeSays("observation_posts.csv"));  // the others' notes are not repeated
}

}  // namespace
}  // namespace idlib
