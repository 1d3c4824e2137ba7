#include "ui/export_job.hpp"

#include <fmt/format.h>

#include <chrono>

#include "core/date.hpp"
#include "geo/georeferenced_png.hpp"
#include "geo/projection.hpp"
#include "ui/story_mode.hpp"

namespace idlib {
namespace fs = std::filesystem;

View viewForSize(const AppState& state, int width) {
  const View& v = state.camera.view();
  return {v.centre, v.metresPerPoint * state.camera.viewport().width / width};
}

ExportCheck checkExport(const AppState& state, const ExportSettings& s) {
  using Kind = ExportSettings::Kind;
  const auto refused =
      s.kind == Kind::Video
          ? refuseOutput("video", s.path, {".mp4", ".gif"}, state.protectedFiles)
          : refuseOutput("image", s.path, {".png"}, state.protectedFiles,
                         s.kind == Kind::Png ? pngSidecars(s.path) : std::vector<fs::path>{});
  if (refused) return {ExportCheck::Next::Refuse, *refused};
  std::error_code ec;
  if (fs::exists(s.path, ec)) return {ExportCheck::Next::AskToReplace, {}};
  return {};
}

std::optional<std::string> exportStill(AppState& state, MapRenderer& renderer,
                                       const ExportSettings& s) {
  const View view = viewForSize(state, s.width);
  if (s.kind == ExportSettings::Kind::Poster) {
    const double date = state.playback.date;
    const RenderedImage poster =
        renderPoster(state, renderer, view, s.from, s.to, s.panels, s.width, s.height);
    state.playback.date = date;
    return writePng(s.path, poster.rgba.data(), s.width, s.height,
                    pngText(state, fmt::format("Idlib Atlas, {} dates from {} to {}", s.panels,
                                               formatDateLong(static_cast<Day>(s.from)),
                                               formatDateLong(static_cast<Day>(s.to)))));
  }
  const RenderedImage image = renderImage(state, renderer, view, s.width, s.height);
  return writeGeoreferencedPng(s.path, image.rgba.data(), s.width, s.height, image.grid,
                               crsOf(state.plane), pngText(state, mapTitle(state)));
}

// What a recording changes, kept apart from what the analyst sees.
struct VideoJob::Scene {
  Camera camera;
  Playback playback;
  TimeLayerSettings time;
  std::vector<char> visible;
  std::unique_ptr<StoryPresenter> presenter;
  std::optional<std::size_t> cueEvent;

  void swapWith(AppState& state) {
    std::swap(camera, state.camera);
    std::swap(playback, state.playback);
    std::swap(time, state.timeLayers);
    std::swap(presenter, state.presenter);
    std::swap(cueEvent, state.cueEvent);
    visible.resize(state.layers.size(), 1);
    for (std::size_t i = 0; i < state.layers.size(); ++i) {
      const bool mine = visible[i];
      visible[i] = state.layers[i].visible;
      state.layers[i].visible = mine;
    }
  }
};

std::variant<std::unique_ptr<VideoJob>, std::string> VideoJob::start(AppState& state,
                                                                     const ExportSettings& s) {
  std::unique_ptr<VideoJob> job(new VideoJob);
  job->path_ = s.path;
  job->fps_ = s.fps;
  job->scene_ = std::make_unique<Scene>();
  Scene& scene = *job->scene_;
  scene.camera = state.camera;
  scene.camera.setViewport({static_cast<double>(s.width), static_cast<double>(s.height)});
  scene.camera.setView(viewForSize(state, s.width));
  scene.playback = state.playback;
  scene.playback.playing = false;
  scene.time = state.timeLayers;
  for (const auto& e : state.layers)
    scene.visible.push_back(e.visible);

  scene.swapWith(state);  // the frame source sets up the recording's scene
  if (s.story)
    job->recorder_ = std::make_unique<FrameRecorder>(storyFrames(state, s.fps), s.width, s.height);
  else
    job->recorder_ = std::make_unique<FrameRecorder>(
        rangeFrames(s.from, s.to, s.daysPerSecond, s.fps), s.width, s.height);
  scene.swapWith(state);
  if (auto tooLong = videoTooLong(job->recorder_->total(), s.fps))
    return fmt::format("{}: {}", s.path, *tooLong);
  auto encoder = VideoEncoder::open(s.path, s.width, s.height, s.fps);
  if (auto* error = std::get_if<std::string>(&encoder)) return *error;
  job->encoder_ = std::move(std::get<std::unique_ptr<VideoEncoder>>(encoder));
  return job;
}

VideoJob::~VideoJob() = default;

bool VideoJob::step(AppState& state, MapRenderer& renderer, double seconds) {
  if (!recorder_) return false;
  const auto until = std::chrono::steady_clock::now() + std::chrono::duration<double>(seconds);
  scene_->swapWith(state);
  bool more = true;
  do {
    more = recorder_->recordNext(
        state, renderer, [&](const RenderedImage& frame) { return encoder_->write(frame.rgba); });
  } while (more && std::chrono::steady_clock::now() < until);
  scene_->swapWith(state);
  if (more) return true;
  error_ = encoder_->finish();
  if (!error_ && recorder_->stats().frames < recorder_->total())
    error_ = fmt::format("{}: ffmpeg stopped taking frames", path_);
  encoder_.reset();
  return false;
}

float VideoJob::progress() const {
  return recorder_ ? static_cast<float>(recorder_->stats().frames) /
                         static_cast<float>(std::max<std::size_t>(1, recorder_->total()))
                   : 1.f;
}

std::string VideoJob::summary() const {
  const VideoStats& s = recorder_->stats();
  return fmt::format("{}: {} frames ({:.1f} s at {} fps), {} rendered", path_, s.frames,
                     static_cast<double>(s.frames) / fps_, fps_, s.rendered);
}

}  // namespace idlib
