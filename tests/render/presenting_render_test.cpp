// Presenting and exporting: story frames as the audience would see them.
#include "core/story.hpp"
#include "render_fixture.hpp"
#include "ui/export_job.hpp"
#include "ui/story_mode.hpp"
#include "ui/video_export.hpp"

#include <unistd.h>
#include <filesystem>
#include <fstream>

namespace idlib::test {
namespace {

class Presenting : public BundledMap {
 protected:
  void TearDown() override {
    state_->presenter.reset();
    state_->uiScale = 1;
    state_->story = {};
    for (auto& e : state_->layers)
      e.visible = true;
    showOnlyBaseMap();
  }
};

TEST_F(Presenting, StoryFramesMatchThePreviewAndDifferBetweenCues) {
  const StoryLoad load =
      loadStoryFile(std::string(IDLIB_DATA_DIR) + "/assets/stories/idlib-2018-2020.story");
  ASSERT_TRUE(load.notices.empty());
  state_->story = load.story;
  state_->story.cues.resize(3);  // enough to cross two cue changes, quick to render
  state_->camera.setViewport({320, 180});
  state_->camera.setView(idlibHomeView({320, 180}));
  state_->playback.date = state_->timeline.first();

  const int fps = 4;
  auto frames = storyFrames(*state_, fps);
  std::vector<std::vector<std::uint8_t>> exported;
  const VideoStats stats =
      renderFrames(*state_, *renderer_, *frames, 320, 180, [&](const RenderedImage& image) {
        exported.push_back(image.rgba);
        return true;
      });
  ASSERT_EQ(exported.size(), frames->frameCount());
  EXPECT_LT(stats.rendered, stats.frames);  // the holds repeat frames instead of rendering them

  // Replay the same steps and render what the app would show at each: the same pixels.
  state_->camera.setView(idlibHomeView({320, 180}));
  state_->playback.date = state_->timeline.first();
  auto replay = storyFrames(*state_, fps);
  std::vector<std::size_t> lastFrameOfCue;
  for (std::size_t i = 0; i < replay->frameCount(); ++i) {
    replay->seek(*state_, i);
    if (i % 9 == 0 || i + 1 == replay->frameCount()) {
      const RenderedImage preview =
          renderImage(*state_, *renderer_, state_->camera.view(), 320, 180);
      EXPECT_EQ(preview.rgba, exported[i]) << "frame " << i;
    }
    if (lastFrameOfCue.size() <= state_->presenter->cue())
      lastFrameOfCue.resize(state_->presenter->cue() + 1);
    lastFrameOfCue[state_->presenter->cue()] = i;
  }
  ASSERT_EQ(lastFrameOfCue.size(), 3u);
  EXPECT_NE(exported[lastFrameOfCue[0]],
            exported[lastFrameOfCue[1]]);  // cues differ: so do their frames
  EXPECT_NE(exported[lastFrameOfCue[1]], exported[lastFrameOfCue[2]]);
}

// Height in pixels of the dark ink of the date, in the box at the top of the image.
int dateInkHeight(const RenderedImage& image) {
  int top = -1, bottom = -1;
  for (int y = 0; y < image.height / 4; ++y)
    for (int x = image.width / 4; x < 3 * image.width / 4; ++x) {
      const std::uint8_t* p = &image.rgba[(static_cast<std::size_t>(y) * image.width + x) * 4];
      if (p[0] < 80 && p[1] < 80 && p[2] < 80) {
        if (top < 0) top = y;
        bottom = y;
        break;
      }
    }
  return top < 0 ? 0 : bottom - top + 1;
}

TEST_F(Presenting, TheDateIsDrawnAtTheUiScale) {
  state_->playback.date = makeDay(2020, 3, 3);  // "3 March 2020": capitals, digits, no descenders
  for (auto& e : state_->layers)
    e.visible = false;  // only the overlay: no town labels near the date
  const View view = idlibHomeView({1200, 800});
  state_->uiScale = 1;
  const int desk = dateInkHeight(renderImage(*state_, *renderer_, view, 1200, 800));
  state_->uiScale = 2;
  const int projector = dateInkHeight(renderImage(*state_, *renderer_, view, 1200, 800));
  // The date is set at 4.2 % of the height (33.6 px at 800) times the UI scale. The size is the
  // font's ascent plus descent (1.164 em in DejaVu Sans); its tallest letters here stand 0.76 em.
  const double expected = 33.6 / 1.164 * 0.76;
  EXPECT_NEAR(desk, expected, expected * 0.12);
  EXPECT_NEAR(projector, 2 * expected, 2 * expected * 0.12);
  EXPECT_NEAR(static_cast<double>(projector) / desk, 2.0, 0.15);
}

TEST_F(Presenting, RecordingFromTheAppLeavesTheAnalystsViewAlone) {
  const View before{state_->projection.forward(LonLat{36.8, 35.86}), 60};
  state_->camera.setViewport({1000, 700});
  state_->camera.setView(before);
  state_->playback.date = makeDay(2019, 8, 1);
  const auto path =
      std::filesystem::temp_directory_path() / ("idlib-job-" + std::to_string(::getpid()) + ".mp4");
  ExportSettings settings;
  settings.kind = ExportSettings::Kind::Video;
  settings.path = path.string();
  settings.width = 320;
  settings.height = 180;
  settings.from = makeDay(2020, 1, 1);
  settings.to = makeDay(2020, 1, 10);
  settings.daysPerSecond = 3;
  settings.fps = 3;  // 9 days at 1 day a frame: 10 frames
  auto started = VideoJob::start(*state_, settings);
  ASSERT_TRUE(std::holds_alternative<std::unique_ptr<VideoJob>>(started))
      << std::get<std::string>(started);
  VideoJob& job = *std::get<std::unique_ptr<VideoJob>>(started);
  int steps = 0;
  while (job.step(*state_, *renderer_, 0.001))
    ++steps;  // a frame or so per UI frame
  EXPECT_FALSE(job.error().has_value()) << *job.error();
  EXPECT_GT(steps, 3);
  EXPECT_FLOAT_EQ(job.progress(), 1.0f);
  EXPECT_EQ(state_->camera.view(), before);
  EXPECT_EQ(state_->playback.date, makeDay(2019, 8, 1));
  EXPECT_TRUE(std::filesystem::exists(path));
  std::filesystem::remove(path);
}

// Cues move the camera, switch layers and set the date; leaving gives the analyst's desk back.
TEST_F(Presenting, LeavingPresenterModeRestoresTheAnalystsDesk) {
  const StoryLoad load =
      loadStoryFile(std::string(IDLIB_DATA_DIR) + "/assets/stories/idlib-2018-2020.story");
  ASSERT_TRUE(load.notices.empty());
  state_->story = load.story;
  state_->camera.setViewport({1000, 700});
  state_->camera.setView({state_->projection.forward(LonLat{36.5, 36.1}), 90});
  layer(LayerRole::Towns).visible = false;
  layer(LayerRole::Admin1).opacity = 0.4f;
  state_->timeLayers.front = true;
  state_->timeLayers.areasOpacity = 0.6f;
  state_->playback.jumpTo(makeDay(2018, 3, 14), state_->timeline);
  state_->playback.daysPerSecond = 2;
  state_->playback.windowDays = 90;
  state_->selectedMark = {DatedPick::Kind::Event, 3};
  state_->showNotices = true;
  const AnalystDesk before = analystDesk(*state_);

  const AnalystDesk given = enterPresenting(*state_);
  EXPECT_EQ(given, before);
  for (int i = 0; i < 4; ++i) {
    presentNext(*state_);
    advanceStory(*state_, 2.0);
    state_->camera.advance(2.0);
  }
  ASSERT_NE(analystDesk(*state_), before);  // the cues did change the desk
  leavePresenting(*state_, given);

  EXPECT_FALSE(state_->presenting);
  EXPECT_FALSE(state_->presenter);
  EXPECT_FALSE(state_->camera.animating());
  const AnalystDesk after = analystDesk(*state_);
  EXPECT_EQ(after.view, before.view);
  EXPECT_EQ(after.layers, before.layers);
  EXPECT_EQ(after.timeLayers, before.timeLayers);
  EXPECT_EQ(after.playback, before.playback);
  EXPECT_EQ(after.selectedMark, before.selectedMark);
  EXPECT_EQ(after, before);
  state_->selectedMark = {};
  state_->showNotices = false;
  layer(LayerRole::Admin1).opacity = 1;
}

// The Export window never replaces a file without asking, and never writes onto an input.
TEST_F(Presenting, TheExportWindowAsksBeforeReplacingAndRefusesInputs) {
  const auto dir =
      std::filesystem::temp_directory_path() / ("idlib-ask-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  ExportSettings settings;
  settings.path = (dir / "map.png").string();
  EXPECT_EQ(checkExport(*state_, settings).next, ExportCheck::Next::Export);
  std::ofstream(settings.path) << "the analyst's earlier export";
  EXPECT_EQ(checkExport(*state_, settings).next, ExportCheck::Next::AskToReplace);

  const auto layer = dir / "positions.png";  // an input, even with an image's name
  std::ofstream(layer) << "input";
  state_->protectedFiles.inputs.push_back(layer);
  settings.path = layer.string();
  const ExportCheck check = checkExport(*state_, settings);
  state_->protectedFiles.inputs.pop_back();
  EXPECT_EQ(check.next, ExportCheck::Next::Refuse);
  EXPECT_NE(check.why.find("would overwrite an input"), std::string::npos) << check.why;

  settings.kind = ExportSettings::Kind::Video;
  settings.path = (dir / "story.png").string();
  EXPECT_EQ(checkExport(*state_, settings).next, ExportCheck::Next::Refuse);
  std::filesystem::remove_all(dir);
}

// A story too long to record is refused before a frame is rendered.
TEST_F(Presenting, AVideoOverAnHourIsRefusedBeforeRendering) {
  ExportSettings settings;
  settings.kind = ExportSettings::Kind::Video;
  settings.path = (std::filesystem::temp_directory_path() /
                   ("idlib-long-" + std::to_string(::getpid()) + ".mp4"))
                      .string();
  settings.from = makeDay(2010, 1, 1);
  settings.to = makeDay(2020, 1, 1);
  settings.daysPerSecond = 0.1;
  auto started = VideoJob::start(*state_, settings);
  ASSERT_TRUE(std::holds_alternative<std::string>(started));
  EXPECT_NE(std::get<std::string>(started).find("the limit is 60 minutes"), std::string::npos)
      << std::get<std::string>(started);
  EXPECT_FALSE(std::filesystem::exists(settings.path));
}

// How many of the 9x9 pixels around `where` are within 6 of `colour` in every channel.
int pixelsNear(const RenderedImage& image, LonLat where, Rgba colour) {
  const Vec2 w = BundledMap::state_->projection.forward(where);
  const int cx = static_cast<int>((w.x - image.grid.originX) / image.grid.pixelSize);
  const int cy = static_cast<int>((image.grid.originY - w.y) / image.grid.pixelSize);
  int count = 0;
  for (int y = cy - 4; y <= cy + 4; ++y)
    for (int x = cx - 4; x <= cx + 4; ++x) {
      const std::uint8_t* p = &image.rgba[(static_cast<std::size_t>(y) * image.width + x) * 4];
      count += near({p[0], p[1], p[2], 255}, colour, 6) ? 1 : 0;
    }
  return count;
}

// The speaker's thumbnails (issue 10): each shows its cue's view at its cue's date, so Khan
// Shaykhun (taken by the government on 21 August 2019, geodata/control_changes.csv) is the
// opposition's colour in a June cue and the government's in a September one; the audience's
// state is left as it was.
TEST_F(Presenting, ACueThumbnailShowsThatCuesDateAndView) {
  state_->story = parseStory(R"(title = t
[cue]
date = 2019-06-01
view = 36.65,35.45,10
layers = areas, front
caption = June (test).
[cue]
date = 2019-09-01
caption = September, same view (test).
)",
                             "t.story")
                      .story;
  ASSERT_EQ(state_->story.cues.size(), 2u);
  state_->camera.setViewport({1280, 720});
  state_->playback.date = makeDay(2018, 1, 1);
  startPresenting(*state_);  // a presenter on cue 0, whose caption must not be in the thumbnail
  const AnalystDesk before = analystDesk(*state_);

  const RenderedImage june = renderCueThumbnail(*state_, *renderer_, 0, 384, 216);
  const RenderedImage september = renderCueThumbnail(*state_, *renderer_, 1, 384, 216);
  ASSERT_EQ(june.width, 384);
  ASSERT_EQ(june.height, 216);
  // Just east of the town centre, inside its own cell: since the villages of issue 15, Tahtaya's
  // cell (opposition until Dec 2019) comes within 0.6 km of the old sample point 36.68,35.47.
  const LonLat nearKhanShaykhun{36.66, 35.44};
  const Rgba opposition = areaColor(Controller::Opposition);
  const Rgba government = areaColor(Controller::Government);
  EXPECT_GT(pixelsNear(june, nearKhanShaykhun, opposition), 60);
  EXPECT_EQ(pixelsNear(june, nearKhanShaykhun, government), 0);
  EXPECT_GT(pixelsNear(september, nearKhanShaykhun, government), 60);
  EXPECT_EQ(pixelsNear(september, nearKhanShaykhun, opposition), 0);
  // The thumbnail shows the region the audience's window will: 1280 points at zoom 10.
  EXPECT_NEAR(june.grid.pixelSize * 384, metresPerPointAtZoom(10) * 1280, 1.0);
  EXPECT_EQ(analystDesk(*state_), before);
  EXPECT_TRUE(state_->presenter) << "the presenter was not given back";
}

}  // namespace
}  // namespace idlib::test
