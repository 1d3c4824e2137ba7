// Benchmarks behind BENCHMARKS.md: loading the world's admin-1 layer next to GDAL's own read, and
// the cost of a frame of the default view. Run: build/bench/idlib-bench (see BENCHMARKS.md).
#include <benchmark/benchmark.h>
#include <gdal/ogrsf_frmts.h>
#include <imgui.h>

#include <algorithm>
#include <chrono>
#include <ctime>
#include <fstream>
#include <functional>
#include <string>

#include "geo/control_areas.hpp"
#include "geo/projection.hpp"
#include "geo/timeline_loader.hpp"
#include "render/offscreen_target.hpp"
#include "ui/export.hpp"
#include "ui/map_view.hpp"
#include "ui/panels/panels.hpp"
#include "ui/sdl_window.hpp"
#include "ui/video_export.hpp"

namespace idlib {
namespace {

const char* kWorld = "/usr/share/qgis/resources/data/world_map.gpkg";

// Peak resident memory of this process so far (VmHWM), in MiB.
double peakRssMiB() {
  std::ifstream status("/proc/self/status");
  for (std::string line; std::getline(status, line);)
    if (line.rfind("VmHWM:", 0) == 0) return std::stod(line.substr(6)) / 1024.0;
  return 0;
}

double threadCpuMs() {
  timespec t{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
  return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

// A headless GL context with the bundled data loaded and uploaded, at 1920x1080.
struct Scene {
  std::unique_ptr<GlWindow> window;
  std::unique_ptr<MapRenderer> renderer;
  std::unique_ptr<AppState> app;
  const Viewport viewport{1920, 1080};

  // `adjust` may replace the dated data (synthetic events or flows) before it is uploaded.
  // `windowSized`: the headless window as large as the viewport, for a frame drawn into it.
  bool open(const std::function<void(DatedData&)>& adjust = {}, bool windowSized = false) {
    const int w = windowSized ? static_cast<int>(viewport.width) : 64;
    const int h = windowSized ? static_cast<int>(viewport.height) : 64;
    auto opened = GlWindow::open(GlWindow::Mode::Headless, w, h);
    if (!std::holds_alternative<std::unique_ptr<GlWindow>>(opened)) return false;
    window = std::move(std::get<std::unique_ptr<GlWindow>>(opened));
    renderer = std::make_unique<MapRenderer>();
    app = std::make_unique<AppState>();
    loadAll(*app, *renderer, bundledLayers(IDLIB_DATA_DIR));
    DatedData dated = loadDatedData(IDLIB_DATA_DIR);
    if (adjust) adjust(dated);
    app->setTimeline(std::move(dated));
    renderer->timeLayers().upload(app->timeline, app->controlAreas, app->displacement);
    app->camera.setViewport(viewport);
    app->camera.setView(idlibHomeView(viewport));
    return true;
  }
};

// Times frames of `scene`, calling `advance` before each: the thread's CPU time to describe the
// frame (describe_cpu_ms) and to issue it (draw_cpu_ms: label placement, text, the GL calls, which
// on llvmpipe include vertex shading); the iteration time adds glFinish, the rasterisation.
void timeFrames(benchmark::State& state, Scene& scene, const std::function<void()>& advance) {
  OffscreenTarget target(1920, 1080);
  target.bind();
  double describeMs = 0, drawMs = 0;
  for (auto _ : state) {
    advance();
    const double t0 = threadCpuMs();
    const FrameDescription frame =
        describeFrame(*scene.app, scene.app->camera.view(), scene.viewport, 1.0f, Viewer::Analyst);
    const double t1 = threadCpuMs();
    scene.renderer->draw(frame);
    drawMs += threadCpuMs() - t1;
    describeMs += t1 - t0;
    glFinish();
  }
  const auto n = static_cast<double>(state.iterations());
  state.counters["describe_cpu_ms"] = describeMs / n;
  state.counters["draw_cpu_ms"] = drawMs / n;
}

// GDAL alone: open the layer and read every feature with its geometry, as ogrinfo -al does.
void GdalReadWorldAdmin1(benchmark::State& state) {
  GDALAllRegister();
  std::size_t points = 0;
  for (auto _ : state) {
    GDALDatasetUniquePtr ds(GDALDataset::Open(kWorld, GDAL_OF_VECTOR | GDAL_OF_READONLY));
    OGRLayer* layer = ds->GetLayerByName("states_provinces");
    points = 0;
    for (auto& f : *layer) {
      if (const OGRGeometry* g = f->GetGeometryRef()) {
        OGREnvelope e;
        g->getEnvelope(&e);
        for (const auto* part : *g->toMultiPolygon())
          for (const auto* ring : *part)
            points += ring->getNumPoints();
      }
      benchmark::DoNotOptimize(f.get());
    }
  }
  state.counters["points"] = static_cast<double>(points);
}
BENCHMARK(GdalReadWorldAdmin1)->Unit(benchmark::kMillisecond)->UseRealTime();

// Idlib Atlas: read + reproject (PROJ) + validate and triangulate (GEOS), on all cores.
void LoadReprojectTriangulateWorldAdmin1(benchmark::State& state) {
  std::size_t triangles = 0;
  for (auto _ : state) {
    const LoadResult r = loadVectorSource({.path = kWorld, .onlyLayer = "states_provinces"});
    triangles = r.layers.empty() ? 0 : r.layers[0].fills.vertices.size() / 3;
    benchmark::DoNotOptimize(r);
  }
  state.counters["triangles"] = static_cast<double>(triangles);
  state.counters["peak_rss_MiB"] = peakRssMiB();
}
BENCHMARK(LoadReprojectTriangulateWorldAdmin1)->Unit(benchmark::kMillisecond)->UseRealTime();

// Projecting lon/lat to the local plane (issue 12): a million points spread ±25° around Idlib,
// PROJ's exact transverse Mercator, the degrees converted by Projection. The time of an
// iteration in milliseconds is the time of a point in nanoseconds.
void ProjectMillionPointsToLocalPlane(benchmark::State& state) {
  const Projection toPlane = Projection::lonLatToMap();
  std::vector<Vec2> points(1'000'000);
  for (auto _ : state) {
    for (std::size_t i = 0; i < points.size(); ++i)
      points[i] = {11.7 + 50.0 * static_cast<double>(i % 1000) / 1000,
                   30 + 10.0 * static_cast<double>(i / 1000) / 1000};
    benchmark::DoNotOptimize(
        toPlane.forwardInPlace(&points[0].x, &points[0].y, points.size(), sizeof(Vec2)));
  }
}
BENCHMARK(ProjectMillionPointsToLocalPlane)->Unit(benchmark::kMillisecond)->UseRealTime();

// One frame of the default view at 1920x1080, offscreen. Thread CPU time of describing the frame
// (describe_cpu_ms) and of issuing it (draw_cpu_ms: label placement, text layout and the GL calls,
// which on llvmpipe include vertex shading on this thread); the iteration time adds glFinish, the
// driver's rasterisation (on llvmpipe also on the CPU, in its worker threads).
void FrameDefaultView1920x1080(benchmark::State& state) {
  Scene scene;
  if (!scene.open()) return state.SkipWithError("no headless GL context");
  timeFrames(state, scene, [] {});
}
BENCHMARK(FrameDefaultView1920x1080)->Unit(benchmark::kMillisecond)->UseRealTime()->MinTime(2.0);

// Playback as the window draws it (issue 12, part 5): the default view into a 1920x1080 window
// of one sample a pixel (SDL's offscreen window: as the window where rendering is in software,
// its pixels lie in memory as an X window's do), the timeline playing at 7 days a
// second shown at 30 frames a second from 2019-12-20 (areas, front line, events, flows), with the
// kept images (first arg 1) or every layer drawn each frame (0, as before); the second arg 0
// hides the displacement flows and arrival symbols, to show their share. The iteration time
// includes glFinish; cpu_ms_per_frame is the whole process's CPU (llvmpipe's threads too).
void PlaybackWindowFrame1920x1080(benchmark::State& state) {
  Scene scene;
  if (!scene.open({}, true)) return state.SkipWithError("no headless GL context");
  AppState& app = *scene.app;
  const double start = state.range(2) == 0 ? makeDay(2019, 12, 20) : makeDay(2020, 2, 1);
  app.playback.jumpTo(start, app.timeline);
  app.playback.playing = true;
  app.timeLayers.flows = app.timeLayers.arrivals = state.range(1) != 0;
  glBindFramebuffer(GL_FRAMEBUFFER, 0);
  glViewport(0, 0, 1920, 1080);
  timespec t0{}, t1{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t0);
  for (auto _ : state) {
    app.playback.advance(1.0 / 30, app.timeline);
    if (!app.playback.playing) {
      app.playback.jumpTo(start, app.timeline);
      app.playback.playing = true;
    }
    FrameDescription frame =
        describeFrame(app, app.camera.view(), scene.viewport, 1.0f, Viewer::Analyst);
    frame.cacheStaticLayers = state.range(0) != 0;
    scene.renderer->draw(frame);
    glFinish();
  }
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t1);
  const double cpuMs = (t1.tv_sec - t0.tv_sec) * 1e3 + (t1.tv_nsec - t0.tv_nsec) / 1e6;
  state.counters["cpu_ms_per_frame"] = cpuMs / static_cast<double>(state.iterations());
  state.counters["base_redraws"] = static_cast<double>(scene.renderer->baseCache().redraws());
}
// Arguments: kept images, flows shown, from February 2020.
BENCHMARK(PlaybackWindowFrame1920x1080)
    ->Args({0, 1, 0})
    ->Args({1, 1, 0})
    ->Args({1, 0, 0})
    ->Args({1, 1, 1})
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime()
    ->MinTime(3.0);

// All control snapshots of the bundled data: Voronoi cells, clipping, merging, triangulation.
void ComputeControlSnapshots(benchmark::State& state) {
  const TimelineLoad load = loadTimeline(bundledTimelineSources(IDLIB_DATA_DIR));
  const std::string land = std::string(IDLIB_DATA_DIR) + "/geodata/admin1.geojson";
  std::size_t snapshots = 0;
  for (auto _ : state) {
    std::vector<Notice> notices;
    const ControlAreas areas = computeControlAreas(load.timeline, land, notices);
    snapshots = areas.snapshots.size();
    benchmark::DoNotOptimize(areas);
  }
  state.counters["snapshots"] = static_cast<double>(snapshots);
  state.counters["localities"] = static_cast<double>(load.timeline.localities.size());
}
BENCHMARK(ComputeControlSnapshots)->Unit(benchmark::kMillisecond)->UseRealTime();

// Synthetic events spread over the region and over 2017-2020.
EventStore syntheticEvents(std::size_t n) {
  const Projection p = Projection::lonLatToMap();
  std::vector<Event> events(n);
  std::uint64_t seed = 42;
  auto next = [&] {  // a small LCG: the same data on every run
    seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<double>(seed >> 11) / static_cast<double>(1ULL << 53);
  };
  const Day first = makeDay(2017, 5, 1), span = makeDay(2020, 12, 31) - first;
  for (auto& e : events) {
    e.date = first + static_cast<Day>(next() * span);
    e.where = {36.0 + next() * 1.4, 35.2 + next() * 1.3};
    e.position = p.forward(e.where);
    e.type = next() < 0.5 ? "battle" : "shelling/air strike";
  }
  std::sort(events.begin(), events.end(),
            [](const Event& a, const Event& b) { return a.date < b.date; });
  EventStore store;
  store.reserve(n);
  for (const Event& e : events)
    store.push_back(e);
  return store;
}

// Scrubbing: every frame moves the date by a day, with N events on the GPU. The app's own CPU
// work per frame (describe_cpu_ms) must not grow with N; events are never re-uploaded.
void ScrubWithEvents(benchmark::State& state) {
  Scene scene;
  const auto events = static_cast<std::size_t>(state.range(0));
  if (!scene.open([&](DatedData& d) { d.timeline.events = syntheticEvents(events); }))
    return state.SkipWithError("no headless GL context");
  AppState& app = *scene.app;
  app.playback.date = makeDay(2019, 1, 1);
  app.playback.windowDays = static_cast<double>(state.range(1));
  timeFrames(state, scene, [&] {
    app.playback.date += 1;
    if (app.playback.date > makeDay(2020, 6, 1)) app.playback.date = makeDay(2019, 1, 1);
  });
  const auto [first, last] = app.timeline.eventsBetween(
      makeDay(2019, 9, 1) - static_cast<Day>(state.range(1)), makeDay(2019, 9, 1));
  state.counters["events_in_window"] = static_cast<double>(last - first);
}
// Arguments: events loaded, window in days.
BENCHMARK(ScrubWithEvents)
    ->Args({1000, 30})
    ->Args({1000000, 30})
    ->Args({1000000, 1})
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime()
    ->MinTime(3.0);

// Synthetic flows between random places of the region, 5 to 60 days long, over 2019-2020, to 20
// destinations (so the arrivals table has 20 rows).
Displacement syntheticFlows(std::size_t n) {
  const Projection p = Projection::lonLatToMap();
  std::uint64_t seed = 7;
  auto next = [&] {
    seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<double>(seed >> 11) / static_cast<double>(1ULL << 53);
  };
  std::vector<LonLat> destinations;
  for (int i = 0; i < 20; ++i)
    destinations.push_back({36.3 + next() * 0.8, 35.9 + next() * 0.5});
  Displacement d;
  const Day first = makeDay(2019, 1, 1), span = makeDay(2020, 12, 1) - first;
  for (std::size_t i = 0; i < n; ++i) {
    DisplacementFlow f;
    f.from = {36.2 + next() * 1.0, 35.3 + next() * 0.6};
    f.to = destinations[static_cast<std::size_t>(next() * 20) % 20];
    f.a = p.forward(f.from);
    f.b = p.forward(f.to);
    f.people = 1000 + static_cast<long>(next() * 100000);
    f.start = first + static_cast<Day>(next() * span);
    f.end = f.start + 5 + static_cast<Day>(next() * 55);
    d.flows.push_back(f);
  }
  d.finish();
  return d;
}

// Playing with N flows on the GPU: each frame advances the date by a day; particles move and
// symbols grow in the shaders. The app's CPU work per frame must not grow with N.
void PlayWithFlows(benchmark::State& state) {
  Scene scene;
  const auto flows = static_cast<std::size_t>(state.range(0));
  if (!scene.open([&](DatedData& d) { d.displacement = syntheticFlows(flows); }))
    return state.SkipWithError("no headless GL context");
  AppState& app = *scene.app;
  app.playback.date = makeDay(2019, 6, 1);
  app.playback.windowDays = static_cast<double>(state.range(1));
  app.playback.playing = true;
  timeFrames(state, scene, [&] {
    app.playback.date += 1;
    if (app.playback.date > makeDay(2020, 6, 1)) app.playback.date = makeDay(2019, 6, 1);
  });
  std::size_t visible = 0;
  for (const auto& f : app.displacement.flows)
    visible += Displacement::flowVisible(f, makeDay(2019, 12, 1), app.playback.windowDays);
  state.counters["flows_visible"] = static_cast<double>(visible);
}
// Arguments: flows loaded, window in days.
BENCHMARK(PlayWithFlows)
    ->Args({10, 30})
    ->Args({10000, 30})
    ->Args({10000, 1})
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime()
    ->MinTime(3.0);

// Export of one year of playback (March 2019 - March 2020, a month per second, 30 fps: 366
// frames) at 1920x1080, encoded to H.264 by ffmpeg; against rendering the same number of frames
// of a still view with no encoder, the difference is the export's own cost.
constexpr double kYearDaysPerSecond = 30;
constexpr int kYearFps = 30;

void ExportYearVideo1920x1080(benchmark::State& state) {
  Scene f;
  if (!f.open()) return state.SkipWithError("no headless GL context");
  std::size_t frames = 0;
  for (auto _ : state) {
    auto encoder = VideoEncoder::open("/tmp/idlib-bench-year.mp4", 1920, 1080, kYearFps);
    if (!std::holds_alternative<std::unique_ptr<VideoEncoder>>(encoder))
      return state.SkipWithError("no ffmpeg");
    VideoEncoder& video = *std::get<std::unique_ptr<VideoEncoder>>(encoder);
    auto source =
        rangeFrames(makeDay(2019, 3, 1), makeDay(2020, 3, 1), kYearDaysPerSecond, kYearFps);
    frames = renderFrames(*f.app, *f.renderer, *source, 1920, 1080, [&](const RenderedImage& i) {
               return video.write(i.rgba);
             }).frames;
    if (video.finish()) return state.SkipWithError("ffmpeg failed");
  }
  state.counters["frames"] = static_cast<double>(frames);
  state.counters["fps"] =
      benchmark::Counter(static_cast<double>(frames), benchmark::Counter::kIsRate);
}
BENCHMARK(ExportYearVideo1920x1080)->Unit(benchmark::kSecond)->UseRealTime()->Iterations(1);

void StillViewSameFrames1920x1080(benchmark::State& state) {
  Scene f;
  if (!f.open()) return state.SkipWithError("no headless GL context");
  const auto frames =
      rangeFrames(makeDay(2019, 3, 1), makeDay(2020, 3, 1), kYearDaysPerSecond, kYearFps)
          ->frameCount();
  f.app->playback.date = makeDay(2019, 9, 1);
  OffscreenTarget target(1920, 1080);
  for (auto _ : state)
    for (std::size_t i = 0; i < frames; ++i)
      benchmark::DoNotOptimize(
          renderImage(*f.app, *f.renderer, f.app->camera.view(), 1920, 1080, &target));
  state.counters["frames"] = static_cast<double>(frames);
  state.counters["fps"] =
      benchmark::Counter(static_cast<double>(frames), benchmark::Counter::kIsRate);
}
BENCHMARK(StillViewSameFrames1920x1080)->Unit(benchmark::kSecond)->UseRealTime()->Iterations(1);

// What hovering the map asks of the displacement data each frame: every destination's arrivals
// at the date, with N synthetic flows loaded.
void ArrivalsAtAllDestinations(benchmark::State& state) {
  const Displacement d = syntheticFlows(static_cast<std::size_t>(state.range(0)));
  double day = makeDay(2019, 6, 1), sum = 0;
  for (auto _ : state) {
    for (std::size_t i = 0; i < d.destinations.size(); ++i)
      sum += d.arrivalsAt(i, day);
    day = day < makeDay(2020, 6, 1) ? day + 1 : makeDay(2019, 6, 1);
  }
  benchmark::DoNotOptimize(sum);
}
BENCHMARK(ArrivalsAtAllDestinations)->Arg(10)->Arg(10000)->Unit(benchmark::kMicrosecond);

// The Events panel (ImGui only, no GL) with N events loaded: what a UI frame costs the list.
void EventListPanel(benchmark::State& state) {
  AppState app;
  DatedData dated;
  dated.timeline.events = syntheticEvents(static_cast<std::size_t>(state.range(0)));
  dated.timeline.finish();
  app.setTimeline(std::move(dated));
  ImGuiContext* context = ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.DisplaySize = {1920, 1080};
  io.IniFilename = nullptr;
  unsigned char* pixels = nullptr;
  int w = 0, h = 0;
  io.Fonts->GetTexDataAsAlpha8(&pixels, &w, &h);  // a font atlas, as a backend would build
  for (auto _ : state) {
    io.DeltaTime = 1.0f / 60;
    ImGui::NewFrame();
    panels::events(app);
    ImGui::EndFrame();
  }
  ImGui::DestroyContext(context);
}
BENCHMARK(EventListPanel)->Arg(1000)->Arg(1000000)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace idlib

BENCHMARK_MAIN();
