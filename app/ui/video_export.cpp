#include "ui/video_export.hpp"

#include <fmt/format.h>
#include <unistd.h>

#include <cmath>
#include <cstring>
#include <filesystem>

#include "core/export_scale.hpp"
#include "core/format.hpp"
#include "render/offscreen_target.hpp"
#include "ui/map_view.hpp"
#include "ui/story_mode.hpp"

namespace idlib {
namespace fs = std::filesystem;

std::variant<std::unique_ptr<VideoEncoder>, std::string> VideoEncoder::open(const std::string& path,
                                                                            int width, int height,
                                                                            int fps) {
  const std::string extension = fs::path(path).extension().string();
  if (extension != ".mp4" && extension != ".gif")
    return fmt::format("{}: the video must end in .mp4 (H.264) or .gif", path);
  std::unique_ptr<VideoEncoder> e(new VideoEncoder);
  e->path_ = path;
  const fs::path folder =
      fs::path(path).has_parent_path() ? fs::path(path).parent_path() : fs::path(".");
  e->temp_ =
      (folder / fmt::format(".{}.{}.tmp{}", fs::path(path).stem().string(), getpid(), extension))
          .string();
  e->tempGuard_ = std::make_unique<TemporaryFileGuard>(e->temp_);
  e->frameBytes_ = static_cast<std::size_t>(width) * height * 4;
  // Arguments as a list, never a command line: no shell reads them.
  std::vector<std::string> command =
      splitList("ffmpeg -nostdin -loglevel error -y -f rawvideo -pix_fmt rgba", ' ');
  command.insert(command.end(), {"-s", fmt::format("{}x{}", width, height), "-framerate",
                                 std::to_string(fps), "-i", "-"});
  // H.264 wants even sizes and yuv420p for players; GIF gets its own palette from the frames.
  const auto codec = splitList(
      extension == ".mp4"
          ? "-vf pad=ceil(iw/2)*2:ceil(ih/2)*2 -c:v libx264 -preset veryfast -crf 18 -pix_fmt "
            "yuv420p -movflags +faststart -f mp4"
          : "-vf split[a][b];[a]palettegen=stats_mode=diff[p];[b][p]paletteuse=dither=bayer "
            "-loop 0 -f gif",
      ' ');
  command.insert(command.end(), codec.begin(), codec.end());
  command.push_back("file:" + e->temp_);  // "file:": a name is never read as a protocol or option
  auto started = ChildProcess::start(command);
  if (const auto* error = std::get_if<std::string>(&started))
    return fmt::format("{}: cannot encode video: {} (apt-get install ffmpeg)", path, *error);
  e->ffmpeg_ = std::move(std::get<std::unique_ptr<ChildProcess>>(started));
  return e;
}

VideoEncoder::~VideoEncoder() {
  if (ffmpeg_) {
    ffmpeg_.reset();  // kills it
    std::error_code ec;
    fs::remove(temp_, ec);
  }
}

bool VideoEncoder::write(const std::vector<std::uint8_t>& rgba) {
  return ffmpeg_ && rgba.size() == frameBytes_ && ffmpeg_->write(rgba);
}

std::optional<std::string> VideoEncoder::finish() {
  const ChildProcess::Result result = ffmpeg_->finish();
  ffmpeg_.reset();
  std::error_code ec;
  if (result.exitCode != 0) {
    fs::remove(temp_, ec);
    // ffmpeg's last line, naming the user's file rather than the hidden one it wrote to.
    std::string reason(trim(result.errorOutput));
    reason = reason.substr(reason.find_last_of('\n') + 1);
    for (const std::string& hidden : {"file:" + temp_, temp_})
      for (std::size_t at = 0; (at = reason.find(hidden, at)) != std::string::npos;
           at += path_.size())
        reason.replace(at, hidden.size(), path_);
    return fmt::format("{}: ffmpeg could not write the video ({})", path_,
                       !reason.empty()   ? reason
                       : result.exitCode ? fmt::format("exit status {}", *result.exitCode)
                                         : std::string("ended by a signal"));
  }
  fs::rename(temp_, path_, ec);
  if (ec)
    return fmt::format("{}: cannot move the finished video into place ({})", path_, ec.message());
  return std::nullopt;
}

std::optional<std::string> videoTooLong(std::size_t frames, int fps) {
  if (static_cast<double>(frames) / fps <= kMaxVideoSeconds) return std::nullopt;
  return fmt::format(
      "the video would last longer than {0:.0f} minutes ({1} frames or more at {2} fps); the "
      "limit is {0:.0f} minutes: shorten the range or the story's holds, or play it faster",
      kMaxVideoSeconds / 60, frames, fps);
}

namespace {

// Counts beyond this are not needed: the video is refused.
std::size_t framesPastTheLimit(int fps) {
  return static_cast<std::size_t>(kMaxVideoSeconds * fps) + 1;
}

class RangeFrames final : public FrameSource {
 public:
  RangeFrames(double from, double to, double daysPerSecond, int fps)
      : from_(from),
        step_(daysPerSecond / fps),
        count_(static_cast<std::size_t>(std::min(std::floor((to - from) / step_ + 1e-9),
                                                 static_cast<double>(framesPastTheLimit(fps)))) +
               1) {}
  std::size_t frameCount() const override { return count_; }
  void seek(AppState& state, std::size_t index) override {
    state.playback.playing = index + 1 < count_;  // areas cross-fade as in playback
    state.playback.date = from_ + step_ * static_cast<double>(index);
  }

 private:
  double from_, step_;
  std::size_t count_;
};

// Runs the presenter with the video's time step, moving to the next cue when a cue's hold ends.
// The frame count comes from a dry run of the same steps.
class StoryFrames final : public FrameSource {
 public:
  StoryFrames(AppState& state, int fps) : dt_(1.0 / fps) {
    const Camera camera = state.camera;
    const Playback playback = state.playback;
    startPresenting(state);
    count_ = 1;
    while (count_ < framesPastTheLimit(fps) && step(state))
      ++count_;
    state.camera = camera;  // back to where the real run starts
    state.playback = playback;
  }
  std::size_t frameCount() const override { return count_; }
  void seek(AppState& state, std::size_t index) override {
    if (index == 0)
      startPresenting(state);
    else
      step(state);
  }

 private:
  // One frame's time; false once the last cue has been held.
  bool step(AppState& state) {
    StoryPresenter& p = *state.presenter;
    if (p.holdDone()) {
      if (p.cue() + 1 >= p.story().cues.size()) return false;
      presentNext(state);
    }
    state.camera.advance(dt_);
    advanceStory(state, dt_);
    return true;
  }
  double dt_;
  std::size_t count_ = 0;
};

bool sameFrame(const FrameDescription& a, const FrameDescription& b) {
  auto timeOf = [](const FrameDescription& f) {
    return f.time ? std::tuple(f.time->date, f.time->crossfade, f.time->showAreas,
                               f.time->showFront, f.time->showPosts, f.time->showEvents,
                               f.time->showFlows, f.time->showArrivals, f.time->highlightEvent)
                  : std::tuple(0.0, 0.f, false, false, false, false, false, false, -1);
  };
  // A before/after: its mode, date A, divider and hatched cells.
  auto comparisonOf = [](const FrameDescription& f) {
    return f.comparison ? std::tuple(f.comparison->mode, f.comparison->before.date,
                                     f.comparison->swipe, f.comparison->changed)
                        : std::tuple(CompareMode::Off, 0.0, 0.f, std::vector<ChangedCell>{});
  };
  return a.view == b.view && timeOf(a) == timeOf(b) && comparisonOf(a) == comparisonOf(b) &&
         a.caption == b.caption && a.layers.size() == b.layers.size() &&
         std::equal(a.layers.begin(), a.layers.end(), b.layers.begin(),
                    [](const LayerFrame& x, const LayerFrame& y) {
                      return x.layer == y.layer && x.opacity == y.opacity &&
                             x.highlightFeature == y.highlightFeature;
                    });
}

}  // namespace

std::unique_ptr<FrameSource> rangeFrames(double from, double to, double daysPerSecond, int fps) {
  return std::make_unique<RangeFrames>(from, to, daysPerSecond, fps);
}

std::unique_ptr<FrameSource> storyFrames(AppState& state, int fps) {
  return std::make_unique<StoryFrames>(state, fps);
}

FrameRecorder::FrameRecorder(std::unique_ptr<FrameSource> source, int width, int height)
    : source_(std::move(source)), width_(width), height_(height), target_(width, height) {}

bool FrameRecorder::recordNext(AppState& state, MapRenderer& renderer,
                               const std::function<bool(const RenderedImage&)>& sink) {
  if (stats_.frames >= source_->frameCount()) return false;
  const Viewport viewport{static_cast<double>(width_), static_cast<double>(height_)};
  state.camera.setViewport(viewport);
  source_->seek(state, stats_.frames);
  FrameDescription frame =
      describeFrame(state, state.camera.view(), viewport, 1.0f, Viewer::Audience);
  if (!previous_ || !sameFrame(*previous_, frame)) {
    image_ = renderImage(state, renderer, state.camera.view(), width_, height_, &target_);
    ++stats_.rendered;
  }
  previous_ = std::move(frame);
  ++stats_.frames;
  return sink(image_) && stats_.frames < source_->frameCount();
}

VideoStats renderFrames(AppState& state, MapRenderer& renderer, FrameSource& source, int width,
                        int height, const std::function<bool(const RenderedImage&)>& sink,
                        const std::function<void(std::size_t, std::size_t)>& progress) {
  // The recorder owns its source; lend it this one for the run.
  struct Borrowed final : FrameSource {
    explicit Borrowed(FrameSource& s) : inner(s) {}
    std::size_t frameCount() const override { return inner.frameCount(); }
    void seek(AppState& st, std::size_t i) override { inner.seek(st, i); }
    FrameSource& inner;
  };
  FrameRecorder recorder(std::make_unique<Borrowed>(source), width, height);
  bool more = true;
  while (more) {
    more = recorder.recordNext(state, renderer, sink);
    if (progress) progress(recorder.stats().frames, recorder.total());
  }
  return recorder.stats();
}

RenderedImage renderPoster(AppState& state, MapRenderer& renderer, const View& view, double from,
                           double to, int panels, int width, int height) {
  // As square a grid as the panels allow, each panel with the poster's aspect ratio.
  const int columns = static_cast<int>(std::ceil(std::sqrt(static_cast<double>(panels))));
  const int rows = (panels + columns - 1) / columns;
  const int gap = 8, panelW = (width - gap * (columns + 1)) / columns,
            panelH = (height - gap * (rows + 1)) / rows;
  RenderedImage poster{width,
                       height,
                       std::vector<std::uint8_t>(static_cast<std::size_t>(width) * height * 4, 255),
                       {}};
  // Each panel shows the same area as `view` does in a width x height image.
  const double scale =
      std::max(static_cast<double>(width) / panelW, static_cast<double>(height) / panelH);
  // Panels are drawn at the poster's scale, not their own: a 3840x2160 poster is the 1920x1080
  // one at twice the size (see exportScale), with the same text in its panels.
  const float posterScale = exportScale(width, height);
  const View panelView{
      view.centre,
      view.metresPerPoint * std::min(scale, static_cast<double>(columns)) * posterScale};
  OffscreenTarget target(panelW, panelH);
  for (int p = 0; p < panels; ++p) {
    const double date = panels == 1 ? from : from + (to - from) * p / (panels - 1);
    state.playback.playing = false;
    state.playback.date = std::round(date);
    const RenderedImage panel =
        renderImage(state, renderer, panelView, panelW, panelH, &target, posterScale);
    const int x0 = gap + (p % columns) * (panelW + gap), y0 = gap + (p / columns) * (panelH + gap);
    for (int y = 0; y < panelH; ++y)
      std::memcpy(&poster.rgba[(static_cast<std::size_t>(y0 + y) * width + x0) * 4],
                  &panel.rgba[static_cast<std::size_t>(y) * panelW * 4],
                  static_cast<std::size_t>(panelW) * 4);
  }
  return poster;
}

}  // namespace idlib
