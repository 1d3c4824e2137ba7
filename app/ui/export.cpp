#include "ui/export.hpp"

#include <fmt/format.h>

#include <cmath>
#include <cstdio>
#include <future>
#include <variant>

#include "core/cli_values.hpp"
#include "core/date.hpp"
#include "core/export_scale.hpp"
#include "core/interrupt.hpp"
#include "core/output_paths.hpp"
#include "core/text_safety.hpp"
#include "geo/projection.hpp"
#include "render/offscreen_target.hpp"
#include "ui/command_line.hpp"
#include "ui/map_view.hpp"
#include "ui/postgis_event_view.hpp"
#include "ui/sdl_window.hpp"
#include "ui/story_mode.hpp"
#include "ui/video_export.hpp"
#include "ui/workspace_state.hpp"

#include <unistd.h>

namespace idlib {

std::vector<Notice> loadAll(AppState& state, MapRenderer& renderer,
                            const std::vector<LoadRequest>& requests) {
  std::vector<Notice> notices;
  for (const LoadRequest& request : requests) {
    LoadResult result = loadVectorSource(request);
    for (Layer& layer : result.layers) {
      const std::size_t index = state.addLayer(std::move(layer));
      renderer.upload(state.layers[index].layer);
    }
    notices.insert(notices.end(), result.notices.begin(), result.notices.end());
  }
  state.notices.insert(state.notices.end(), notices.begin(), notices.end());
  return notices;
}

PngText pngText(const AppState& state, std::string title) {
  return {std::move(title), state.attribution()};
}

std::string mapTitle(const AppState& state) {
  if (!state.timelineLoaded) return "Idlib Atlas";
  const std::string b = formatDateLong(static_cast<Day>(std::floor(state.playback.date)));
  const std::string a = formatDateLong(state.comparison.before);
  switch (state.comparison.mode) {
    case CompareMode::Swipe:
      return fmt::format("Idlib Atlas, {} (left of the divider) and {} (right)", a, b);
    case CompareMode::SideBySide:
      return fmt::format("Idlib Atlas, {} (left half) and {} (right half)", a, b);
    case CompareMode::Change:
      return fmt::format("Idlib Atlas, {}, what changed hands since {} hatched", b, a);
    case CompareMode::Off:
      break;
  }
  return "Idlib Atlas, " + b;
}

RenderedImage renderImage(const AppState& state, MapRenderer& renderer, const View& view, int width,
                          int height, OffscreenTarget* target, float pixelRatio) {
  // A large image is the same picture drawn larger (the area shown does not change): symbols and
  // text grow with it instead of shrinking to specks.
  const float ratio = pixelRatio * exportScale(width / pixelRatio, height / pixelRatio);
  const View drawn{view.centre, view.metresPerPoint * ratio / pixelRatio};
  const Viewport viewport{width / static_cast<double>(ratio), height / static_cast<double>(ratio)};
  std::optional<OffscreenTarget> own;
  if (!target || target->width() != width || target->height() != height)
    target = &own.emplace(width, height);
  target->bind();
  // Exports are for an audience: whatever the pointer rests on is not in them.
  FrameDescription frame = describeFrame(state, drawn, viewport, ratio, Viewer::Audience);
  addEventCellLabels(renderer.eventCells(), frame.labels);
  renderer.draw(frame);
  RenderedImage image{width, height, target->readPixels(), {}};
  const double pixelSize = view.metresPerPoint / pixelRatio;
  image.grid = {view.centre.x - width / 2.0 * pixelSize, view.centre.y + height / 2.0 * pixelSize,
                pixelSize};
  // Side by side, each half shows the view's centre at its own middle: the georeferencing
  // describes the right half, date B's map; in it the left half (date A's map of the same
  // place) falls half the image's width west of where it belongs.
  if (frame.comparison && frame.time && frame.comparison->mode == CompareMode::SideBySide) {
    const int left = width / 2;
    image.grid.originX = view.centre.x - (left + (width - left) / 2.0) * pixelSize;
  }
  bindWindowFramebuffer(width, height);
  return image;
}

namespace {

// How long an export waits for a PostGIS table's window before drawing without it.
constexpr double kPostgisWaitSeconds = 60;

// Everything a headless command needs: a GL context, the renderer, and the state with all data.
struct HeadlessSession {
  std::unique_ptr<GlWindow> window;
  std::unique_ptr<MapRenderer> renderer;
  std::unique_ptr<AppState> state;
  std::unique_ptr<PostgisEventWindows> postgisEvents;  // a PostGIS table's events, per window
  std::vector<Notice> notices;
  int width = 0, height = 0;
  View view;  // --view, or the home view
};

// What a headless command draws: one image of one view, or frames that may move.
enum class Views { One, Moving };

// Parses the shared options and loads everything; on failure returns the exit code.
std::variant<HeadlessSession, int> openHeadless(const Options& options, Views views) {
  const auto size = parseSizeArgument(options.size);
  if (const auto* error = std::get_if<std::string>(&size)) {
    printError(*error);
    return 2;
  }
  const auto start = startPointOf(options);
  if (!start) return 2;

  HeadlessSession s;
  s.width = std::get<SizeArgument>(size).width;
  s.height = std::get<SizeArgument>(size).height;
  // Read on a worker while this thread opens GL and reads the layers: a big layer's GDAL read
  // keeps one core busy for seconds.
  std::future<DatedData> datedLoad = std::async(std::launch::async, [&options] {
    return loadDatedData(options.dataDir, eventSourcesOf(options));
  });
  auto opened = GlWindow::open(GlWindow::Mode::Headless, 64, 64);
  if (const auto* error = std::get_if<std::string>(&opened)) {
    printError("cannot render headless: " + *error);
    return 3;
  }
  s.window = std::move(std::get<std::unique_ptr<GlWindow>>(opened));
  s.renderer = std::make_unique<MapRenderer>();
  s.state = std::make_unique<AppState>();
  AppState& state = *s.state;
  state.dataDir = options.dataDir;
  state.uiScale = options.uiScale;
  state.highContrast = options.highContrast;
  const Viewport viewport{static_cast<double>(s.width), static_cast<double>(s.height)};
  state.projectionChoice = start->projection;
  state.plane = openingPlane(start->projection, start->view, viewport);
  state.projection = Projection::lonLatTo(state.plane);
  std::vector<LoadRequest> requests = bundledLayers(options.dataDir);
  if (options.workspace) {
    for (LoadRequest& request : workspaceLayerRequests(*options.workspace))
      requests.push_back(std::move(request));
  }
  for (LoadRequest& request : userLayersOf(options))
    requests.push_back(std::move(request));
  s.view = start->view ? mapView(state, *start->view) : idlibHomeView(viewport, state.plane);
  for (LoadRequest& request : requests) {
    request.plane = state.plane;
    if (views == Views::One)
      request.drawnAt = LoadView{visibleWorld(s.view, viewport), s.view.metresPerPoint};
  }
  loadAll(state, *s.renderer, requests);
  s.notices = state.notices;  // with what the layers' styles could not use (AppState::addLayer)
  if (options.workspace) {
    const auto before = static_cast<std::ptrdiff_t>(state.notices.size());
    for (std::size_t i = 0; i < state.layers.size(); ++i)
      applyWorkspaceLayer(state, i, *options.workspace);
    s.notices.insert(s.notices.end(), state.notices.begin() + before, state.notices.end());
    orderLayersAsIn(state, *options.workspace);
    applyWorkspaceSettings(state, *options.workspace);
    // Its moved files were said when it was read.
    state.notices.insert(state.notices.end(), options.workspaceNotices.begin(),
                         options.workspaceNotices.end());
  }
  DatedData dated = datedLoad.get();
  s.notices.insert(s.notices.end(), dated.notices.begin(), dated.notices.end());
  state.setTimeline(std::move(dated), start->date);
  state.playback.windowDays = options.windowDays;
  state.comparison = start->comparison;  // --compare: date A beside --date
  s.renderer->timeLayers().upload(state.timeline, state.controlAreas, state.displacement);
  printNotices(s.notices);

  state.camera.setViewport(viewport);
  state.camera.setView(s.view);
  // A PostGIS table's events: the window of the date and view drawn, from the server.
  s.postgisEvents = std::make_unique<PostgisEventWindows>();
  s.postgisEvents->attach(state);
  if (s.postgisEvents->active()) {
    for (std::string& error : s.postgisEvents->settle(state, kPostgisWaitSeconds))
      s.notices.push_back({Severity::Error, std::move(error)});
    s.postgisEvents->upload(state, *s.renderer);
  }
  return s;
}

// "[#####.....]  45%  frame 123/270" on one terminal line; a line every tenth when not a terminal.
void showProgress(std::size_t done, std::size_t total) {
  static const bool terminal = isatty(fileno(stderr));
  const int percent = static_cast<int>(100 * done / std::max<std::size_t>(total, 1));
  if (terminal) {
    const int bars = percent / 5;
    std::fprintf(stderr, "\r[%s%s] %3d%%  frame %zu/%zu",
                 std::string(static_cast<std::size_t>(bars), '#').c_str(),
                 std::string(static_cast<std::size_t>(20 - bars), '.').c_str(), percent, done,
                 total);
    if (done == total) std::fprintf(stderr, "\n");
  } else if (done == total || (10 * done / total) != (10 * (done - 1) / total)) {
    std::fprintf(stderr, "idlib-atlas: frame %zu/%zu (%d%%)\n", done, total, percent);
  }
}

std::optional<std::pair<Day, Day>> dateRange(const Options& o, const char* what) {
  if (o.from.empty() || o.to.empty()) {
    printError(fmt::format("{} needs --from YYYY-MM-DD and --to YYYY-MM-DD", what));
    return std::nullopt;
  }
  const auto from = parseDate(o.from), to = parseDate(o.to);
  if (!from || !to) {
    printError(fmt::format("--from '{}' / --to '{}': expected dates, YYYY-MM-DD", o.from, o.to));
    return std::nullopt;
  }
  if (*to < *from) {
    printError(fmt::format("--to {} is before --from {}", o.to, o.from));
    return std::nullopt;
  }
  return std::pair{*from, *to};
}

}  // namespace

int runExport(const Options& options) {
  if (outputRefused("--export", options.exportPath, {".png"}, options,
                    pngSidecars(options.exportPath)))
    return 2;
  auto opened = openHeadless(options, Views::One);
  if (const int* code = std::get_if<int>(&opened)) return *code;
  HeadlessSession& s = std::get<HeadlessSession>(opened);
  try {
    const RenderedImage image = renderImage(*s.state, *s.renderer, s.view, s.width, s.height);
    if (auto error = writeGeoreferencedPng(options.exportPath, image.rgba.data(), s.width, s.height,
                                           image.grid, crsOf(s.state->plane),
                                           pngText(*s.state, mapTitle(*s.state)))) {
      printError(*error);
      return 1;
    }
    std::printf("wrote %s (%dx%d, %.1f m per pixel, %zu layers)\n",
                displayable(options.exportPath).c_str(), s.width, s.height, s.view.metresPerPoint,
                s.state->layers.size());
    return hasErrors(s.notices) ? 1 : 0;
  } catch (const std::exception& e) {
    printError(e.what());
    return 1;
  }
}

int runSaveWorkspace(const Options& options) {
  if (outputRefused("--save-workspace", options.saveWorkspace, {".json"}, options)) return 2;
  if (!hasWorkspaceEnding(options.saveWorkspace)) {
    printError(fmt::format(
        "--save-workspace '{}': a workspace's name ends in {} ({}), so that "
        "a drop on the window opens it",
        options.saveWorkspace, kWorkspaceEnding, withWorkspaceEnding(options.saveWorkspace)));
    return 2;
  }
  auto opened = openHeadless(options, Views::Moving);
  if (const int* code = std::get_if<int>(&opened)) return *code;
  HeadlessSession& s = std::get<HeadlessSession>(opened);
  if (const auto error = saveWorkspace(*s.state, options.saveWorkspace, false)) {
    printError(*error);
    return 1;
  }
  std::printf("wrote %s (%zu layers, %zu event tables)\n",
              displayable(options.saveWorkspace).c_str(), s.state->layers.size(),
              s.state->eventSources.size());
  return hasErrors(s.notices) ? 1 : 0;
}

int runVideoExport(const Options& options) {
  std::optional<std::pair<Day, Day>> range;
  if (options.story.empty() && !(range = dateRange(options, "--export-video"))) return 2;
  if (outputRefused("--export-video", options.exportVideo, {".mp4", ".gif"}, options)) return 2;
  std::optional<StoryLoad> story;
  if (!options.story.empty()) {
    story = loadStoryFile(options.story);
    printNotices(story->notices);
    if (story->story.cues.empty()) return 1;
  }
  auto opened = openHeadless(options, Views::Moving);
  if (const int* code = std::get_if<int>(&opened)) return *code;
  HeadlessSession& s = std::get<HeadlessSession>(opened);
  AppState& state = *s.state;
  try {
    std::unique_ptr<FrameSource> source;
    if (story) {
      state.story = std::move(story->story);
      source = storyFrames(state, options.fps);
    } else {
      source = rangeFrames(range->first, range->second, options.daysPerSecond, options.fps);
    }
    if (s.postgisEvents->active())  // each frame's window, from the server
      source =
          withPostgisWindows(std::move(source), *s.postgisEvents, *s.renderer, kPostgisWaitSeconds);
    if (auto tooLong = videoTooLong(source->frameCount(), options.fps)) {
      printError(fmt::format("--export-video '{}': {}", options.exportVideo, *tooLong));
      return 2;
    }
    auto encoder = VideoEncoder::open(options.exportVideo, s.width, s.height, options.fps);
    if (const auto* error = std::get_if<std::string>(&encoder)) {
      printError(*error);
      return 1;
    }
    VideoEncoder& video = *std::get<std::unique_ptr<VideoEncoder>>(encoder);
    const VideoStats stats = renderFrames(
        state, *s.renderer, *source, s.width, s.height,
        [&](const RenderedImage& frame) {
          return !interruptRequested() && video.write(frame.rgba);
        },
        showProgress);
    if (interruptRequested()) return interruptExitCode();  // the encoder removes its file
    auto error = video.finish();
    if (!error && stats.frames != source->frameCount())
      error = fmt::format("{}: ffmpeg stopped taking frames", options.exportVideo);
    if (error) {
      printError(*error);
      return 1;
    }
    std::printf("wrote %s (%dx%d, %zu frames at %d fps = %.2f s; %zu rendered, %zu repeated)\n",
                displayable(options.exportVideo).c_str(), s.width, s.height, stats.frames,
                options.fps, static_cast<double>(stats.frames) / options.fps, stats.rendered,
                stats.frames - stats.rendered);
    return hasErrors(s.notices) || (story && hasErrors(story->notices)) ? 1 : 0;
  } catch (const std::exception& e) {
    printError(e.what());
    return 1;
  }
}

int runPosterExport(const Options& options) {
  const auto range = dateRange(options, "--export-poster");
  if (!range) return 2;
  if (outputRefused("--export-poster", options.exportPoster, {".png"}, options)) return 2;
  auto opened = openHeadless(options, Views::Moving);
  if (const int* code = std::get_if<int>(&opened)) return *code;
  HeadlessSession& s = std::get<HeadlessSession>(opened);
  try {
    const RenderedImage poster = renderPoster(*s.state, *s.renderer, s.view, range->first,
                                              range->second, options.panels, s.width, s.height);
    const PngText text =
        pngText(*s.state, fmt::format("Idlib Atlas, {} dates from {} to {}", options.panels,
                                      formatDateLong(range->first), formatDateLong(range->second)));
    if (auto error = writePng(options.exportPoster, poster.rgba.data(), s.width, s.height, text)) {
      printError(*error);
      return 1;
    }
    std::printf("wrote %s (%dx%d, %d panels from %s to %s)\n",
                displayable(options.exportPoster).c_str(), s.width, s.height, options.panels,
                options.from.c_str(), options.to.c_str());
    return hasErrors(s.notices) ? 1 : 0;
  } catch (const std::exception& e) {
    printError(e.what());
    return 1;
  }
}

}  // namespace idlib
