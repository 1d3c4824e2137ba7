#pragma once
// Video and poster export, headless or from the app. Frames are rendered at a fixed time step, so
// a video is frame-exact with what the app shows at the same moments; they are encoded by the
// ffmpeg program (Debian's ffmpeg) reading raw RGBA from a pipe.
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/subprocess.hpp"
#include "render/map_renderer.hpp"
#include "render/offscreen_target.hpp"
#include "ui/app_state.hpp"
#include "ui/export.hpp"

namespace idlib {

// ffmpeg encoding raw frames to MP4 (H.264) or GIF, chosen by the file's extension. Started
// without a shell; writes to a hidden temporary file next to the target and renames it when the
// encoder has finished.
class VideoEncoder {
 public:
  static std::variant<std::unique_ptr<VideoEncoder>, std::string> open(const std::string& path,
                                                                       int width, int height,
                                                                       int fps);
  ~VideoEncoder();  // abandons an unfinished video (stops ffmpeg, removes the temporary file)
  bool write(const std::vector<std::uint8_t>& rgba);  // false once ffmpeg stopped taking frames
  std::optional<std::string> finish();  // error, in the user's terms, or nothing once in place

 private:
  VideoEncoder() = default;
  std::unique_ptr<ChildProcess> ffmpeg_;
  std::string path_, temp_;
  std::unique_ptr<TemporaryFileGuard> tempGuard_;
  std::size_t frameBytes_ = 0;
};

// The longest video an export makes; a longer one is refused before rendering starts.
inline constexpr double kMaxVideoSeconds = 3600;
// Why a video of `frames` at `fps` is too long, or nothing.
std::optional<std::string> videoTooLong(std::size_t frames, int fps);

// What a video shows, frame by frame: it moves the state on by one frame's time.
class FrameSource {
 public:
  virtual ~FrameSource() = default;
  virtual std::size_t frameCount() const = 0;
  // Puts `state` at frame `index` (called in order from 0).
  virtual void seek(AppState& state, std::size_t index) = 0;
};

// A date range played at `daysPerSecond`, at the view the state has.
std::unique_ptr<FrameSource> rangeFrames(double from, double to, double daysPerSecond, int fps);
// The whole story, cue by cue, as a presenter would step it: fly, play, hold, next. The count of
// a story longer than kMaxVideoSeconds stops just past the limit.
std::unique_ptr<FrameSource> storyFrames(AppState& state, int fps);

struct VideoStats {
  std::size_t frames = 0, rendered = 0;
};

// Renders the frames of `source` one at a time, so the app can record a few per UI frame; a frame
// identical to the one before (same date, view, layers, caption) is not rendered again.
class FrameRecorder {
 public:
  FrameRecorder(std::unique_ptr<FrameSource> source, int width, int height);
  // Renders the next frame and hands it to `sink`; false when all are done or `sink` refused.
  bool recordNext(AppState& state, MapRenderer& renderer,
                  const std::function<bool(const RenderedImage&)>& sink);
  const VideoStats& stats() const { return stats_; }
  std::size_t total() const { return source_->frameCount(); }

 private:
  std::unique_ptr<FrameSource> source_;
  int width_, height_;
  OffscreenTarget target_;
  std::optional<FrameDescription> previous_;
  RenderedImage image_;
  VideoStats stats_;
};

// Renders every frame of `source` and hands it to `sink`; `progress(done, total)` after each.
VideoStats renderFrames(AppState& state, MapRenderer& renderer, FrameSource& source, int width,
                        int height, const std::function<bool(const RenderedImage&)>& sink,
                        const std::function<void(std::size_t, std::size_t)>& progress = {});

// A grid of `panels` dates from `from` to `to`, the same view, each panel dated, in one image.
RenderedImage renderPoster(AppState& state, MapRenderer& renderer, const View& view, double from,
                           double to, int panels, int width, int height);

}  // namespace idlib
