// Several event sources side by side (issue 11): the bundled events and a newsroom's table loaded
// as --event-file loads it. A marker keeps its type's fill and wears its source's ring; a hidden
// source is not drawn; the legend names the sources in their rings' colours.
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "core/event_source_key.hpp"
#include "render/event_cells.hpp"
#include "render_fixture.hpp"

namespace idlib::test {
namespace {
namespace fs = std::filesystem;

// The newsroom's one event: a test row (not a real event), at a place and on a day where no
// bundled event is drawn, so every pixel around it is its own.
constexpr LonLat kNewsroomPlace{36.45, 35.70};
constexpr const char* kNewsroomDay = "2019-06-10";
const Rgba kViolence = eventColor("battle");

class EventSources : public BundledMap {
 public:
  static void SetUpTestSuite() {
    BundledMap::SetUpTestSuite();
    file_ = fs::temp_directory_path() / ("idlib-sources-" + std::to_string(getpid()) + ".csv");
    std::ofstream(file_)
        << "event_id,event_date,date_precision,event_type,actor1,actor2,location,admin1,latitude,"
           "longitude,geo_precision,fatalities,displaced,attacks,notes,source,date_basis,"
           "confidence\n"
           "nr-1,2019-06-10,day,battle,Test actor A,Test actor B,Test place,Idlib,35.70,36.45,town,"
           ",,,A test row written for this check.,Test newsroom,test,high\n";
    state_->setTimeline(loadDatedData(IDLIB_DATA_DIR, {{.path = file_.string()}}));
    renderer_->timeLayers().upload(state_->timeline, state_->controlAreas, state_->displacement);
    showOnlyBaseMap();
  }
  static void TearDownTestSuite() {
    fs::remove(file_);
    BundledMap::TearDownTestSuite();
  }
  void SetUp() override { layer(LayerRole::Towns).visible = false; }
  void TearDown() override {
    layer(LayerRole::Towns).visible = true;
    showOnlyBaseMap();
  }

  // The home view at 800x600 points, twice the pixels, with the events on.
  static RenderedImage render(const char* date, HiddenSources hidden = {}, bool events = true) {
    state_->timeLayers.events = events;
    state_->timeLayers.hiddenEventSources = std::move(hidden);
    state_->playback.jumpTo(*parseDate(date), state_->timeline);
    return renderImage(*state_, *renderer_, idlibHomeView({800, 600}), 1600, 1200, nullptr, 2);
  }

  static Rgba pixelNear(const RenderedImage& image, LonLat where, int dx, int dy) {
    const Vec2 w = state_->projection.forward(where);
    const int x = static_cast<int>((w.x - image.grid.originX) / image.grid.pixelSize) + dx;
    const int y = static_cast<int>((image.grid.originY - w.y) / image.grid.pixelSize) + dy;
    const std::uint8_t* p = &image.rgba[(static_cast<std::size_t>(y) * image.width + x) * 4];
    return {p[0], p[1], p[2], 255};
  }

  // Pixels of `c` in the image's bottom-right quarter, where the legend is.
  static int legendPixels(const RenderedImage& image, Rgba c) {
    int count = 0;
    for (int y = image.height / 2; y < image.height; ++y)
      for (int x = image.width / 2; x < image.width; ++x) {
        const std::uint8_t* p = &image.rgba[(static_cast<std::size_t>(y) * image.width + x) * 4];
        count +=
            std::abs(p[0] - c.r) <= 10 && std::abs(p[1] - c.g) <= 10 && std::abs(p[2] - c.b) <= 10;
      }
    return count;
  }

  static inline fs::path file_;
};

TEST_F(EventSources, EveryEventKnowsItsSourceByASmallIndex) {
  ASSERT_EQ(state_->eventList.sources,
            (std::vector<std::string>{"Idlib Atlas (articles)", file_.filename().string()}));
  std::size_t fromNewsroom = 0;
  for (const EventRef e : state_->timeline.events) {
    EXPECT_EQ(e.sourceIndex(), e.id() == "nr-1" ? 1 : 0) << e.id();
    fromNewsroom += e.sourceIndex() == 1;
  }
  EXPECT_EQ(fromNewsroom, 1u);
}

TEST_F(EventSources, ASecondSourcesMarkerHasItsTypesFillAndItsSourcesRing) {
  const RenderedImage image = render(kNewsroomDay);
  EXPECT_TRUE(near(pixelNear(image, kNewsroomPlace, 0, 0), kViolence, 3)) << "the type's fill";
  // The dot is 9 pt across (18 px here); its ring, 2.2 pt wide, runs from 9 to 13.4 px out.
  for (const auto& [dx, dy] : {std::pair{11, 0}, {-11, 0}, {0, 11}, {0, -11}})
    EXPECT_TRUE(near(pixelNear(image, kNewsroomPlace, dx, dy), eventSourceColor(1), 4))
        << dx << "," << dy;
}

TEST_F(EventSources, AHiddenSourceIsNotDrawnAndTheOthersAre) {
  const RenderedImage shown = render(kNewsroomDay), hidden = render(kNewsroomDay, {false, true});
  const RenderedImage none = render(kNewsroomDay, {}, false);
  for (const auto& [dx, dy] : {std::pair{0, 0}, {11, 0}, {0, -11}})
    EXPECT_TRUE(
        near(pixelNear(hidden, kNewsroomPlace, dx, dy), pixelNear(none, kNewsroomPlace, dx, dy), 2))
        << "the hidden source's marker is drawn at " << dx << "," << dy;
  EXPECT_NE(shown.rgba, hidden.rgba);
  // The bundled events stay: hiding the newsroom changes nothing but its own marker.
  const RenderedImage bundledOnly = render("2020-02-03", {false, true});
  EXPECT_TRUE(
      near(pixelNear(bundledOnly, {36.8006, 35.8636}, 0, 0), eventColor("shelling/air strike"), 3))
      << "Saraqib's bundled event";
}

// Zoomed out over a PostGIS table the events come counted per grid cell: the legend says what
// the purple discs are, and only while there are any.
TEST_F(EventSources, TheLegendNamesTheCountedCellsWhileTheyAreDrawn) {
  const Rgba purple = kEventCellColor;
  EXPECT_EQ(legendPixels(render("2020-02-03"), purple), 0);
  renderer_->eventCells().upload({{state_->projection.forward(LonLat{36.2, 36.2}), 120}});
  EXPECT_GT(legendPixels(render("2020-02-03"), purple), 20);
  EXPECT_EQ(legendPixels(render("2020-02-03", {}, false), purple), 0) << "events switched off";
  renderer_->eventCells().upload({});
}

TEST_F(EventSources, TheLegendNamesTheSecondSourceInItsRingsColour) {
  // 2020-02-03: the newsroom's event is long out of the window; only the legend has its colour.
  const Rgba ring = eventSourceColor(1);
  EXPECT_GT(legendPixels(render("2020-02-03"), ring), 20);
  EXPECT_EQ(legendPixels(render("2020-02-03", {false, true}), ring), 0)
      << "a hidden source is still in the legend";
}

}  // namespace
}  // namespace idlib::test
