// The Events panel's "Save list": the filtered list written as --events writes it, read back by
// GDAL, and never onto an input.
#include "ui/event_export.hpp"

#include <gdal/ogrsf_frmts.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <iterator>

#include "core/date.hpp"
#include "geo/timeline_loader.hpp"

namespace idlib {
namespace {
namespace fs = std::filesystem;

std::string readFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), {}};
}

// What `idlib-atlas ARGS` prints (ARGS fixed by the test, no user text).
std::string commandOutput(const std::string& args) {
  const std::string command = "'" IDLIB_ATLAS_BIN "' --data '" IDLIB_DATA_DIR "' " + args;
  std::string out;
  if (FILE* pipe = popen(command.c_str(), "r")) {
    char buffer[4096];
    while (const std::size_t n = std::fread(buffer, 1, sizeof buffer, pipe))
      out.append(buffer, n);
    pclose(pipe);
  }
  return out;
}

class SaveEvents : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    TimelineSources sources = bundledTimelineSources(IDLIB_DATA_DIR);
    sources.posts.clear();
    sources.controlChanges.clear();
    timeline_ = new Timeline(loadTimeline(sources).timeline);
  }
  static void TearDownTestSuite() { delete timeline_; }
  void SetUp() override {
    dir = fs::temp_directory_path() / ("idlib-save-events-" + std::to_string(getpid()));
    fs::create_directories(dir);
  }
  void TearDown() override { fs::remove_all(dir); }

  // The February 2020 shelling and air strikes, as the panel filters them.
  std::vector<EventRef> februaryShelling() const {
    EventFilter filter;
    filter.type = "shelling/air strike";
    filter.from = "2020-02-01";
    filter.to = "2020-02-29";
    std::vector<EventRef> events;
    for (std::size_t i : filteredEvents(timeline_->events, filter))
      events.push_back(timeline_->events[i]);
    return events;
  }

  static Timeline* timeline_;
  fs::path dir;
};
Timeline* SaveEvents::timeline_ = nullptr;

TEST_F(SaveEvents, FilteredListIsWhatEventsPrintsForTheSameFilter) {
  const std::vector<EventRef> events = februaryShelling();
  ASSERT_GE(events.size(), 3u);  // four in the bundled data
  ASSERT_LT(events.size(), timeline_->events.size());
  for (const EventRef e : events) {
    EXPECT_EQ(e.type(), "shelling/air strike");
    EXPECT_GE(e.date(), makeDay(2020, 2, 1));
    EXPECT_LE(e.date(), makeDay(2020, 2, 29));
  }
  const fs::path csv = dir / "february.csv";
  const EventsSaved saved = saveEvents(events, csv, {});
  ASSERT_TRUE(saved.ok) << saved.message;
  EXPECT_EQ(saved.message, "wrote " + std::to_string(events.size()) + " events to " + csv.string());
  const std::string written = readFile(csv);
  EXPECT_EQ(written, commandOutput("--events --type 'shelling/air strike' --from 2020-02-01 "
                                   "--to 2020-02-29"));
  // A header and one line per event.
  EXPECT_EQ(std::count(written.begin(), written.end(), '\n'),
            static_cast<std::ptrdiff_t>(events.size() + 1));
}

TEST_F(SaveEvents, GeoJsonIsWhatEventsPrintsAndGdalReadsEveryPoint) {
  const std::vector<EventRef> events = februaryShelling();
  const fs::path geojson = dir / "february.geojson";
  ASSERT_TRUE(saveEvents(events, geojson, {}).ok);
  EXPECT_EQ(readFile(geojson),
            commandOutput("--events --format geojson --type 'shelling/air strike' --from "
                          "2020-02-01 --to 2020-02-29"));

  GDALAllRegister();
  GDALDatasetUniquePtr ds(GDALDataset::Open(geojson.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
  ASSERT_TRUE(ds);
  ASSERT_EQ(ds->GetLayerCount(), 1);
  OGRLayer& layer = *ds->GetLayer(0);
  ASSERT_EQ(layer.GetFeatureCount(), static_cast<GIntBig>(events.size()));
  std::size_t i = 0;
  for (auto& feature : layer) {
    const auto* point = feature->GetGeometryRef()->toPoint();
    EXPECT_NEAR(point->getX(), events[i].where().lon, 1e-9);
    EXPECT_NEAR(point->getY(), events[i].where().lat, 1e-9);
    int year = 0, month = 0, day = 0, unused = 0;
    float seconds = 0;
    ASSERT_TRUE(feature->GetFieldAsDateTime(feature->GetFieldIndex("event_date"), &year, &month,
                                            &day, &unused, &unused, &seconds, &unused));
    EXPECT_EQ(makeDay(year, month, day), events[i].date());
    EXPECT_STREQ(feature->GetFieldAsString("event_type"), "shelling/air strike");
    ++i;
  }
}

TEST_F(SaveEvents, RefusesToOverwriteAnInputAndWritesNothing) {
  const fs::path input = dir / "acled.csv";
  std::ofstream(input) << "event_date,latitude,longitude\n";
  ProtectedFiles inputs;
  inputs.inputs = {input};
  const EventsSaved saved = saveEvents(februaryShelling(), input, inputs);
  EXPECT_FALSE(saved.ok);
  EXPECT_NE(saved.message.find("would overwrite an input"), std::string::npos) << saved.message;
  EXPECT_EQ(readFile(input), "event_date,latitude,longitude\n");
  EXPECT_EQ(std::distance(fs::directory_iterator(dir), {}), 1);  // no temporary file left
}

TEST_F(SaveEvents, RefusesTheBundledDataAndOtherEndings) {
  ProtectedFiles bundled;
  bundled.folders = {dir};
  const EventsSaved inData = saveEvents(februaryShelling(), dir / "events2.csv", bundled);
  EXPECT_FALSE(inData.ok);
  EXPECT_NE(inData.message.find("bundled data"), std::string::npos) << inData.message;
  const EventsSaved text = saveEvents(februaryShelling(), dir / "events.txt", {});
  EXPECT_FALSE(text.ok);
  EXPECT_NE(text.message.find(".csv or .geojson"), std::string::npos) << text.message;
  EXPECT_TRUE(fs::is_empty(dir));
}

TEST_F(SaveEvents, TellsWhyAFolderCannotBeWritten) {
  const EventsSaved saved = saveEvents(februaryShelling(), dir / "missing" / "x.csv", {});
  EXPECT_FALSE(saved.ok);
  EXPECT_NE(saved.message.find("does not exist"), std::string::npos) << saved.message;
}

// The Events panel's filter by source: the bundled events and a second table, as --event-file
// adds it; hiding one source leaves exactly the other's rows, in date order, with the other
// filters still applied.
TEST_F(SaveEvents, HidingASourceLeavesExactlyTheOtherSourcesRows) {
  const fs::path table = dir / "newsroom.csv";
  std::ofstream(table)
      << "event_id,event_date,date_precision,event_type,actor1,actor2,location,admin1,latitude,"
         "longitude,geo_precision,fatalities,displaced,attacks,notes,source,date_basis,confidence\n"
         "nr-2,2020-02-20,day,battle,A,B,Test place,Idlib,35.70,36.45,town,,,,Test row two.,T,t,"
         "high\n"
         "nr-1,2020-02-10,day,humanitarian,A,,Test place,Idlib,35.70,36.45,town,,,,Test row one.,T,"
         "t,high\n";
  TimelineSources sources = bundledTimelineSources(IDLIB_DATA_DIR);
  sources.posts.clear();
  sources.controlChanges.clear();
  sources.events.push_back({.path = table.string(), .name = "Newsroom"});
  const Timeline timeline = loadTimeline(sources).timeline;
  const auto ids = [&](const EventFilter& filter) {
    std::vector<std::string> out;
    for (std::size_t i : filteredEvents(timeline.events, filter))
      out.emplace_back(timeline.events[i].id());
    return out;
  };

  EventFilter onlyNewsroom;
  onlyNewsroom.hiddenSources = {true};
  EXPECT_EQ(ids(onlyNewsroom), (std::vector<std::string>{"nr-1", "nr-2"}));
  onlyNewsroom.type = "battle";
  EXPECT_EQ(ids(onlyNewsroom), (std::vector<std::string>{"nr-2"}));

  EventFilter onlyBundled;
  onlyBundled.hiddenSources = {false, true};
  std::vector<std::string> bundled;
  for (const EventRef e : timeline_->events)
    bundled.emplace_back(e.id());
  std::vector<std::string> shown = ids(onlyBundled);
  std::sort(shown.begin(), shown.end());
  std::sort(bundled.begin(), bundled.end());
  EXPECT_EQ(shown, bundled);

  EXPECT_EQ(ids(EventFilter{}).size(), bundled.size() + 2);  // nothing hidden: both
  EventFilter neither;
  neither.hiddenSources = {true, true};
  EXPECT_TRUE(ids(neither).empty());
}

}  // namespace
}  // namespace idlib
