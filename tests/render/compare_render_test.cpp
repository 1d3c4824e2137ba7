// Comparing two dates on one map (issue 14): a swipe shows date A left of its divider and date B
// right of it; the change map hatches the cells that changed hands; side by side shows the same
// place twice; a story cue with `compare =` is a before/after in the video; the command line
// refuses a mode it does not know.
#include <sys/wait.h>

#include <cstdio>
#include <filesystem>
#include <map>

#include "core/control_stats.hpp"
#include "core/hit_test.hpp"
#include "render/offscreen_target.hpp"
#include "render_fixture.hpp"
#include "ui/map_view.hpp"
#include "ui/story_mode.hpp"
#include "ui/video_export.hpp"

namespace idlib::test {
namespace {

constexpr LonLat kSaraqib{36.8006, 35.8636};
// Saraqib changed hands between these dates: the government took it on 6 February 2020.
const Day kBefore = makeDay(2020, 2, 1), kAfter = makeDay(2020, 2, 10);

class Compare : public BundledMap {
 protected:
  // Only the areas of control: no marker, label or line where the colours are read.
  void SetUp() override {
    state_->timeLayers.areas = true;
    for (LayerEntry& e : state_->layers)
      e.visible = false;
    state_->playback.jumpTo(kAfter, state_->timeline);
  }
  void TearDown() override {
    state_->comparison = {};
    state_->presenter.reset();
    state_->story = {};
    for (LayerEntry& e : state_->layers)
      e.visible = true;
    showOnlyBaseMap();
  }

  // Saraqib in the middle of a 1280x720 image, 40 m a point: some 50 km across.
  static RenderedImage render(CompareMode mode, int width = 1280, int height = 720) {
    state_->comparison = {mode, kBefore, 0.5f};
    const View view{state_->projection.forward(kSaraqib), 40 * 1280.0 / width};
    return renderImage(*state_, *renderer_, view, width, height);
  }

  static Rgba pixel(const RenderedImage& image, int x, int y) {
    const std::uint8_t* p = &image.rgba[(static_cast<std::size_t>(y) * image.width + x) * 4];
    return {p[0], p[1], p[2], 255};
  }
  // The middle of pixel (x, y) in the map plane, as the image's georeferencing says.
  static Vec2 worldAt(const RenderedImage& image, int x, int y) {
    return {image.grid.originX + (x + 0.5) * image.grid.pixelSize,
            image.grid.originY - (y + 0.5) * image.grid.pixelSize};
  }
  static std::pair<int, int> pixelOf(const RenderedImage& image, Vec2 world) {
    return {static_cast<int>((world.x - image.grid.originX) / image.grid.pixelSize),
            static_cast<int>((image.grid.originY - world.y) / image.grid.pixelSize)};
  }
  // Who held `world` on `day`, by the areas the timeline's changes make.
  static std::optional<Controller> heldAt(Day day, Vec2 world) {
    const auto snapshot = state_->timeline.snapshotAt(day);
    return snapshot ? state_->controlAreas.controllerAt(*snapshot, world) : std::nullopt;
  }
  // The locality's cell that holds `world`, or -1.
  static int cellAt(Vec2 world) {
    const auto& cells = state_->controlAreas.cells;
    for (std::size_t c = 0; c < cells.size(); ++c)
      for (std::size_t t = 0; t + 2 < cells[c].triangles.size(); t += 3)
        if (triangleContains(cells[c].triangles[t], cells[c].triangles[t + 1],
                             cells[c].triangles[t + 2], world))
          return static_cast<int>(c);
    return -1;
  }
};

TEST_F(Compare, ASwipeShowsDateALeftOfTheDividerAndDateBRightOfIt) {
  const RenderedImage image = render(CompareMode::Swipe);
  const auto [sx, sy] = pixelOf(image, state_->projection.forward(kSaraqib));
  ASSERT_EQ(sx, 640);  // the divider, at half the width, runs through Saraqib
  for (const int x : {sx - 14, sx + 14}) {
    const Vec2 world = worldAt(image, x, sy);
    const auto before = heldAt(kBefore, world), after = heldAt(kAfter, world);
    ASSERT_TRUE(before && after);
    // Else the test would pass with either date drawn everywhere.
    ASSERT_NE(*before, *after) << "the data no longer has this ground change hands";
    const Controller expected = x < sx ? *before : *after;
    EXPECT_TRUE(near(pixel(image, x, sy), areaColor(expected), 2))
        << (x < sx ? "left of the divider: date A's " : "right of it: date B's ")
        << controllerName(expected);
  }
  // The divider: a white core with a dark edge on either side, whatever the colours beside it.
  EXPECT_TRUE(near(pixel(image, 640, 600), palette::kHaloCore, 2));
  EXPECT_TRUE(near(pixel(image, 637, 600), palette::kHaloEdge, 2));
  EXPECT_TRUE(near(pixel(image, 642, 600), palette::kHaloEdge, 2));
}

TEST_F(Compare, TheDividerFollowsTheSwipeShare) {
  state_->comparison = {CompareMode::Swipe, kBefore, 0.25f};
  const View view{state_->projection.forward(kSaraqib), 40};
  const RenderedImage image = renderImage(*state_, *renderer_, view, 1280, 720);
  EXPECT_TRUE(near(pixel(image, 320, 600), palette::kHaloCore, 2));
  EXPECT_FALSE(near(pixel(image, 640, 600), palette::kHaloCore, 2));
  // Saraqib is now right of the divider: date B's colour there.
  const auto [sx, sy] = pixelOf(image, view.centre);
  const auto after = heldAt(kAfter, worldAt(image, sx - 14, sy));
  ASSERT_TRUE(after);
  EXPECT_TRUE(near(pixel(image, sx - 14, sy), areaColor(*after), 2));
}

// Dark ink of the compared dates' text (areas of control only: no label or line is drawn) in the
// rows y0..y1 between x0 and x1.
int dateInk(const std::vector<std::uint8_t>& rgba, int width, int x0, int x1, int y0, int y1) {
  int ink = 0;
  for (int y = y0; y < y1; ++y)
    for (int x = x0; x < x1; ++x) {
      const std::uint8_t* p = &rgba[(static_cast<std::size_t>(y) * width + x) * 4];
      ink += p[0] < 0x50 && p[1] < 0x50 && p[2] < 0x50;
    }
  return ink;
}

// In the window, the date beside the divider does not run under a panel (at 1280x720 the Story
// panel's title bar sat over "10 February 2020"): both dates move below it, level.
TEST_F(Compare, TheComparedDatesMoveBelowAWindowPanelTheyWouldRunUnder) {
  state_->comparison = {CompareMode::Swipe, kBefore, 0.55f};
  const View view{state_->projection.forward(kSaraqib), 40};
  const auto draw = [&](std::vector<Box> panels) {
    OffscreenTarget target(1280, 720, 1);
    target.bind();
    FrameDescription frame = describeFrame(*state_, view, {1280, 720}, 1.0f, Viewer::Analyst);
    frame.topInset = 21;      // the menu bar
    frame.bottomInset = 214;  // the timeline: the map ends at 506, its handle at 385
    frame.occupied = std::move(panels);
    renderer_->draw(frame);
    auto pixels = target.readPixels();
    bindWindowFramebuffer(1280, 720);
    return pixels;
  };
  // Left and right of the divider (x 704), apart from it, its grip and its handle.
  const int leftOf = 704 - 20, rightOf = 704 + 20;
  const auto alone = draw({});
  ASSERT_GT(dateInk(alone, 1280, rightOf, 1272, 29, 62), 100) << "date B is not at the top";
  // The Story panel's title bar, then the Events and Changes bars below it; the divider's grip.
  const auto beside = draw({{{872, 29}, {1272, 50}},
                            {{872, 59}, {1272, 80}},
                            {{792, 89}, {1272, 110}},
                            {{698, 21}, {710, 507}}});
  EXPECT_EQ(dateInk(beside, 1280, 792, 1272, 29, 110), 0) << "a date's ink under a panel";
  EXPECT_GT(dateInk(beside, 1280, rightOf, 1272, 110, 160), 100) << "date B is not below them";
  EXPECT_GT(dateInk(beside, 1280, 0, leftOf, 110, 160), 100) << "date A is not level with B";
  EXPECT_EQ(dateInk(beside, 1280, 0, leftOf, 29, 62), 0) << "date A stayed at the top";
  // A panel down to the divider's handle leaves no room below it: the dates stay at the top
  // rather than cover the handle.
  const auto tall = draw({{{792, 29}, {1272, 420}}});
  EXPECT_GT(dateInk(tall, 1280, 0, leftOf, 29, 62), 100) << "date A left the top";
  EXPECT_EQ(dateInk(tall, 1280, 0, leftOf, 62, 400), 0) << "date A went down the map";
}

TEST_F(Compare, TheChangeMapHatchesExactlyTheCellsThatChangedHands) {
  const RenderedImage image = render(CompareMode::Change);
  std::map<int, Controller> gainers;  // by cell
  for (const HandChange& h : changedHands(state_->timeline, kBefore, kAfter))
    if (const int cell = state_->controlAreas.cellOfLocality[h.locality]; cell >= 0)
      gainers[cell] = h.after;
  int changed = 0, unchanged = 0;
  for (std::size_t i = 0; i < state_->timeline.localities.size(); ++i) {
    const int cell = state_->controlAreas.cellOfLocality[i];
    const auto [x, y] = pixelOf(image, state_->timeline.localities[i].position);
    // Clear of the overlay: the date at the top, the legend and scale bar at the bottom.
    if (cell < 0 || x < 100 || x > 1180 || y < 100 || y > 520) continue;
    const auto held = heldAt(kAfter, state_->timeline.localities[i].position);
    if (!held) continue;
    // A short row through the locality, only its pixels inside the locality's own cell.
    bool fill = false, hatch = false, other = false;
    const auto gainer = gainers.find(cell);
    for (int px = x - 8; px <= x + 8; ++px) {
      if (cellAt(worldAt(image, px, y)) != cell) continue;
      const Rgba p = pixel(image, px, y);
      if (near(p, areaColor(*held), 2))
        fill = true;
      else if (gainer != gainers.end() && near(p, hatchColor(gainer->second, Palette::Desk), 2))
        hatch = true;
      else
        other = true;
    }
    const std::string& name = state_->timeline.localities[i].name;
    if (gainer != gainers.end()) {
      ++changed;
      EXPECT_TRUE(fill && hatch && !other) << name << " changed hands: hatched over its fill";
    } else {
      ++unchanged;
      EXPECT_TRUE(fill && !hatch && !other) << name << " did not change hands: its fill only";
    }
  }
  EXPECT_GE(changed, 3);
  EXPECT_GE(unchanged, 3);
}

TEST_F(Compare, SideBySideShowsTheSamePlaceInBothHalvesAtEachDate) {
  // Without the dated layers the two halves are the same map (clear of the overlay and of the
  // divider between them), to the rasteriser's rounding of a line's edge.
  for (LayerEntry& e : state_->layers)
    e.visible = e.layer.role != LayerRole::Towns;  // boundaries, no labels
  state_->timeLayers.areas = false;
  const RenderedImage base = render(CompareMode::SideBySide);
  int differing = 0, drawn = 0;
  for (int y = 120; y < 500; y += 4)
    for (int x = 10; x < 630; ++x) {
      differing += !near(pixel(base, x, y), pixel(base, x + 640, y), 8);
      drawn += !near(pixel(base, x, y), palette::kSea, 0);
    }
  EXPECT_EQ(differing, 0);
  EXPECT_GT(drawn, 0);
  // With the areas, Saraqib sits in the middle of each half: date A's colour on the left, date
  // B's on the right; the georeferencing describes the right half.
  state_->timeLayers.areas = true;
  const RenderedImage image = render(CompareMode::SideBySide);
  const auto [gx, gy] = pixelOf(image, state_->projection.forward(kSaraqib));
  EXPECT_EQ(gx, 960);
  const Vec2 world = worldAt(image, gx + 6, gy);
  const auto before = heldAt(kBefore, world), after = heldAt(kAfter, world);
  ASSERT_TRUE(before && after && *before != *after);
  EXPECT_TRUE(near(pixel(image, gx + 6, gy), areaColor(*after), 2));
  EXPECT_TRUE(near(pixel(image, gx + 6 - 640, gy), areaColor(*before), 2));
}

// The window keeps images of what lies under the marks: a swipe or a change map drawn from them
// shows what a direct draw shows, and a new date A or hatch is drawn again.
TEST_F(Compare, KeptImagesShowWhatADirectDrawShows) {
  const View view{state_->projection.forward(kSaraqib), 40};
  const auto frame = [&](CompareMode mode, Day before, bool cached) {
    state_->comparison = {mode, before, 0.5f};
    OffscreenTarget target(640, 360, 1);
    target.bind();
    FrameDescription f = describeFrame(*state_, view, {640, 360}, 1.0f, Viewer::Analyst);
    f.cacheStaticLayers = cached;
    for (int i = 0; i < 2; ++i)  // the under-marks image is kept when asked for twice
      renderer_->draw(f);
    return target.readPixels();
  };
  for (const CompareMode mode : {CompareMode::Swipe, CompareMode::Change})
    for (const Day before : {kBefore, makeDay(2019, 12, 1)})
      EXPECT_EQ(frame(mode, before, true), frame(mode, before, false))
          << compareModeName(mode) << " from " << formatDate(before);
}

TEST_F(Compare, AStoryCueWithACompareDateIsABeforeAndAfterInTheVideo) {
  const StoryLoad load = parseStory(R"([cue]
date = 2020-02-10
compare = 2020-02-01
view = 36.8006,35.8636,11
layers = areas
hold = 0.5
caption = Saraqib before and after (al-Masdar News, 6 Feb 2020)

[cue]
date = 2020-02-11
hold = 0.5
caption = One date only (al-Masdar News)
)",
                                    "compare.story");
  ASSERT_TRUE(load.notices.empty()) << load.notices.front().message;
  state_->story = load.story;
  state_->camera.setViewport({640, 360});
  state_->camera.setView(idlibHomeView({640, 360}));
  auto frames = storyFrames(*state_, 4);
  std::vector<RenderedImage> video;
  std::vector<std::size_t> cueOfFrame;
  renderFrames(*state_, *renderer_, *frames, 640, 360, [&](const RenderedImage& image) {
    video.push_back(image);
    cueOfFrame.push_back(state_->presenter->cue());
    return true;
  });
  ASSERT_GE(video.size(), 4u);
  // The first cue's last frame: the divider down the middle; the second's: none.
  const auto lastOf = [&](std::size_t cue) {
    const auto it = std::find(cueOfFrame.rbegin(), cueOfFrame.rend(), cue);
    return video[static_cast<std::size_t>(cueOfFrame.rend() - it - 1)];
  };
  const RenderedImage compared = lastOf(0), single = lastOf(1);
  EXPECT_TRUE(near(pixel(compared, 320, 120), palette::kHaloCore, 2));
  EXPECT_TRUE(near(pixel(compared, 317, 120), palette::kHaloEdge, 2));
  EXPECT_FALSE(near(pixel(single, 320, 120), palette::kHaloCore, 2));
  EXPECT_EQ(state_->comparison.mode, CompareMode::Off);  // the cue without compare ended it
  // Date A's side left of the divider, at the cue's view on Saraqib.
  const auto [sx, sy] = pixelOf(compared, state_->projection.forward(kSaraqib));
  ASSERT_EQ(sx, 320);
  const Vec2 left = worldAt(compared, sx - 12, sy);
  const auto before = heldAt(kBefore, left);
  ASSERT_TRUE(before && before != heldAt(kAfter, left));
  EXPECT_TRUE(near(pixel(compared, sx - 12, sy), areaColor(*before), 2));
}

// What the command line prints and returns for `args`.
std::pair<int, std::string> runAtlas(const std::string& args) {
  // Under the sanitizers the app loads Mesa, whose leaks no suppression can name (see
  // sanitizer_options.cpp): its leak check is off, as for the other tests that run it.
  const std::string command = "ASAN_OPTIONS=detect_leaks=0 '" IDLIB_ATLAS_BIN
                              "' --data '" IDLIB_DATA_DIR "' " +
                              args + " 2>&1";
  std::string out;
  FILE* pipe = popen(command.c_str(), "r");
  if (!pipe) return {-1, ""};
  char buffer[4096];
  while (const std::size_t n = std::fread(buffer, 1, sizeof buffer, pipe))
    out.append(buffer, n);
  const int status = pclose(pipe);
  return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, out};
}

TEST(CompareCommandLine, ExportsASwipeAndRefusesWhatItCannotCompare) {
  const std::string png = (std::filesystem::path(::testing::TempDir()) / "swipe.png").string();
  std::filesystem::remove(png);
  const auto [ok, wrote] = runAtlas("--export '" + png +
                                    "' --size 320x180 --date 2020-02-10 --compare 2020-02-01 "
                                    "--compare-mode swipe --swipe 0.3");
  EXPECT_EQ(ok, 0) << wrote;
  EXPECT_TRUE(std::filesystem::exists(png));
  const auto [code, message] = runAtlas("--export '" + png +
                                        "' --date 2020-02-10 --compare 2020-02-01 "
                                        "--compare-mode sideways");
  EXPECT_EQ(code, 2);
  EXPECT_NE(message.find("--compare-mode 'sideways': expected swipe, side-by-side or change"),
            std::string::npos)
      << message;
  EXPECT_EQ(runAtlas("--export '" + png + "' --compare 2020-02-01 --swipe 1.5").first, 2);
  EXPECT_EQ(runAtlas("--export '" + png + "' --compare 2020-02-30").first, 2);
  const auto [alone, why] = runAtlas("--export '" + png + "' --compare-mode change");
  EXPECT_EQ(alone, 2);
  EXPECT_NE(why.find("--compare-mode needs --compare YYYY-MM-DD"), std::string::npos) << why;
}

}  // namespace
}  // namespace idlib::test
