#include <backends/imgui_impl_opengl3.h>
#include <backends/imgui_impl_sdl.h>
#include <fmt/format.h>
#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <utility>

#include "core/atomic_file.hpp"
#include "core/cli_values.hpp"
#include "core/compare_controls.hpp"
#include "core/date.hpp"
#include "core/desk_layout.hpp"
#include "core/desk_settings.hpp"
#include "core/frame_schedule.hpp"
#include "core/interrupt.hpp"
#include "render/gl_objects.hpp"
#include "render/map_renderer.hpp"
#include "render/offscreen_target.hpp"
#include "ui/command_line.hpp"
#include "ui/file_drop.hpp"
#include "ui/frame_keys.hpp"
#include "ui/imgui_fonts.hpp"
#include "ui/imgui_rects.hpp"
#include "ui/layer_list.hpp"
#include "ui/layer_loader.hpp"
#include "ui/map_view.hpp"
#include "ui/panels/column_mapping_panel.hpp"
#include "ui/panels/panels.hpp"
#include "ui/plane_follower.hpp"
#include "ui/postgis_event_view.hpp"
#include "ui/presenter_mode.hpp"
#include "ui/sdl_window.hpp"
#include "ui/story_mode.hpp"
#include "ui/workspace_state.hpp"

namespace idlib {
namespace {

constexpr float kLongestStoryStep = 0.25f;  // seconds

// Where the panels' places are remembered between runs: $XDG_CONFIG_HOME/idlib-atlas/desk.ini,
// else ~/.config/idlib-atlas/desk.ini; empty when neither is known.
std::filesystem::path deskSettingsFile() {
  const char* config = std::getenv("XDG_CONFIG_HOME");
  const char* home = std::getenv("HOME");
  if (config && *config) return std::filesystem::path(config) / "idlib-atlas" / "desk.ini";
  if (home && *home) return std::filesystem::path(home) / ".config" / "idlib-atlas" / "desk.ini";
  return {};
}

// Dear ImGui's context and backends, shut down in reverse order of start. The panels' places
// (ImGui's ini text) are read at the start and written atomically whenever ImGui asks.
class ImGuiSession {
 public:
  ImGuiSession(const GlWindow& window, float pixelRatio, float uiScale)
      : settings_(deskSettingsFile()), uiScale_(uiScale) {
    int width = 0, height = 0;
    SDL_GetWindowSize(window.window(), &width, &height);
    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;  // read and written here, atomically
    if (std::ifstream in(settings_); in) {
      // Saved on another screen (scale, window): resized and kept as far from the nearer edges.
      const std::string text =
          deskSettingsToLoad(std::string(std::istreambuf_iterator<char>(in), {}),
                             {uiScale, static_cast<float>(width), static_cast<float>(height)});
      ImGui::LoadIniSettingsFromMemory(text.data(), text.size());
    }
    ImGui::StyleColorsLight();
    ImGuiStyle& style = ImGui::GetStyle();
    // A rounded corner is a fan of small anti-aliased triangles: drawn square, the panels cost a
    // software rasteriser a fifth less (7.8 -> 6.3 ms a 1920x1080 frame while playing).
    style.WindowRounding = window.software() ? 0 : 6;
    style.FrameRounding = window.software() ? 0 : 4;
    style.ScaleAllSizes(uiScale);
    // A software rasteriser filters a texel in a third of the panels' time (7.4 -> 5.2 ms a
    // 1920x1080 frame while playing): there, text on whole pixels, lines of triangles, and the
    // atlas read at its nearest texel, which then draws the same.
    style.AntiAliasedLinesUseTex = !window.software();
    // Text rasterised at the display's real resolution, drawn at logical size.
    if (addUiFont(io, 15.0f * uiScale * pixelRatio, window.software()))
      io.FontGlobalScale = 1.0f / pixelRatio;
    ImGui_ImplSDL2_InitForOpenGL(window.window(), window.context());
    ImGui_ImplOpenGL3_Init("#version 330 core");
    if (window.software()) {
      ImGui_ImplOpenGL3_CreateDeviceObjects();  // the atlas's texture, now rather than at a frame
      gl::sampleNearest(static_cast<GLuint>(reinterpret_cast<std::intptr_t>(io.Fonts->TexID)));
    }
  }
  ~ImGuiSession() {
    saveSettings();
    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplSDL2_Shutdown();
    ImGui::DestroyContext();
  }
  ImGuiSession(const ImGuiSession&) = delete;
  ImGuiSession& operator=(const ImGuiSession&) = delete;

  // Writes the panels' places if ImGui has changes to save (it waits a few seconds after a move).
  void saveSettingsIfAsked() {
    if (ImGui::GetIO().WantSaveIniSettings) saveSettings();
  }

 private:
  void saveSettings() {
    ImGui::GetIO().WantSaveIniSettings = false;
    if (settings_.empty()) return;
    std::error_code ignored;  // a missing folder shows as the write's own error below
    std::filesystem::create_directories(settings_.parent_path(), ignored);
    std::size_t size = 0;
    const char* text = ImGui::SaveIniSettingsToMemory(&size);
    if (const auto error = writeFileAtomically(
            settings_, deskSettingsToSave(std::string_view(text, size),
                                          {uiScale_, ImGui::GetIO().DisplaySize.x,
                                           ImGui::GetIO().DisplaySize.y}))) {
      printError("the panels' places were not saved: " + *error);
      settings_.clear();  // said once
    }
  }
  std::filesystem::path settings_;
  float uiScale_;  // the panels' sizes are in points at this scale
};

// The desk's UI scale on this window's display: its DPI (less what the system scales itself,
// the drawable's pixels per point) or its size.
float displayUiScale(const GlWindow& window) {
  const int display = std::max(0, SDL_GetWindowDisplayIndex(window.window()));
  SDL_Rect bounds{0, 0, 1920, 1080};
  SDL_GetDisplayBounds(display, &bounds);
  float dpi = 0;
  if (SDL_GetDisplayDPI(display, &dpi, nullptr, nullptr) != 0) dpi = 0;
  return autoUiScale(static_cast<float>(bounds.w), static_cast<float>(bounds.h),
                     dpi / window.pixelRatio());
}

// "Idlib Atlas - 3 February 2020": the date the map shows, also where a window list shows it.
// (ASCII: SDL's X11 titles lose text outside Latin-1 in the C locale.)
void showDateInTitle(SDL_Window* window, const AppState& state, std::string& shown) {
  const std::string title =
      state.timelineLoaded
          ? "Idlib Atlas - " + formatDateLong(static_cast<Day>(std::floor(state.playback.date)))
          : "Idlib Atlas";
  if (title != shown) SDL_SetWindowTitle(window, title.c_str());
  shown = title;
}

// The loader's progress at the bottom of the map; a drop's (or a file chosen in the app) can be
// cancelled between its files.
void drawLoadingProgress(BackgroundLoader& loader, bool cancellable) {
  if (loader.done()) return;
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  const float em = ImGui::GetFontSize();
  ImGui::SetNextWindowPos(
      {vp->WorkPos.x + vp->WorkSize.x / 2, vp->WorkPos.y + vp->WorkSize.y - 4 * em},
      ImGuiCond_Always, {0.5f, 1});
  ImGui::SetNextWindowSize({24 * em, 0});
  ImGui::Begin(cancellable ? "##loadingFiles" : "##loading", nullptr,
               ImGuiWindowFlags_NoDecoration |
                   (cancellable ? ImGuiWindowFlags_None : ImGuiWindowFlags_NoInputs));
  ImGui::Text("%s %s", loader.cancelled() ? "Cancelling after" : "Loading",
              loader.current().c_str());
  if (cancellable) {
    ImGui::ProgressBar(loader.fraction(), {-5 * em, 0});
    ImGui::SameLine();
    if (ImGui::Button("Cancel")) loader.cancel();
  } else {
    ImGui::ProgressBar(loader.fraction(), {-1, 0});
  }
  ImGui::End();
}

// The window a SDL event belongs to (0 for events of no window).
Uint32 windowOf(const SDL_Event& e) {
  switch (e.type) {
    case SDL_KEYDOWN:
    case SDL_KEYUP:
      return e.key.windowID;
    case SDL_MOUSEMOTION:
      return e.motion.windowID;
    case SDL_MOUSEBUTTONDOWN:
    case SDL_MOUSEBUTTONUP:
      return e.button.windowID;
    case SDL_MOUSEWHEEL:
      return e.wheel.windowID;
    case SDL_TEXTINPUT:
      return e.text.windowID;
    case SDL_WINDOWEVENT:
      return e.window.windowID;
    default:
      return 0;
  }
}

// Sleeps in SDL's queue until an event comes (taken into `event`) or `seconds` pass (a second at
// most: the loop looks at Ctrl+C again); whether an event came. X11 wakes it at once, without
// polling, for input and for an event another thread pushes.
bool waitForEvent(double seconds, SDL_Event& event) {
  constexpr double kLongestSleep = 1.0;
  const int ms = static_cast<int>(std::ceil(std::min(seconds, kLongestSleep) * 1000));
  return SDL_WaitEventTimeout(&event, ms) == 1;
}

// Whether the map moves with no input: playback, a camera flight or smooth zoom, a story's move
// or play, a video being recorded.
bool movesOnItsOwn(const AppState& state, const panels::ExportPanelState& exportPanel) {
  const bool storyMoving =
      state.presenter && state.presenter->phase() != StoryPresenter::Phase::Holding;
  return state.playback.playing || state.camera.animating() || storyMoving ||
         exportPanel.job != nullptr;
}

// Whether another thread works for the window: loads (their progress bars), a PostGIS listing,
// a table's first rows for the column mapping.
bool workInBackground(const BackgroundLoader& loader, const FileDrops& drops,
                      const panels::PostgisDialogState& postgis,
                      const panels::ColumnMappingDialogState& columnMapping,
                      const std::optional<OpeningWorkspace>& opening) {
  const auto busy = [](const BackgroundLoader* l) { return l && !l->done(); };
  return busy(&loader) || busy(drops.loader()) || busy(postgis.loader.get()) ||
         busy(columnMapping.loader.get()) || (opening && busy(opening->loader.get())) ||
         postgis.listing.valid() || columnMapping.reading.valid();
}

// While the window is open, Ctrl+C wakes it from its wait with a quit event (SDL_PushEvent may be
// called from any thread).
class InterruptWakesWindow {
 public:
  InterruptWakesWindow() {
    setInterruptWaker([] {
      SDL_Event quit{};
      quit.type = SDL_QUIT;
      SDL_PushEvent(&quit);
    });
  }
  ~InterruptWakesWindow() { setInterruptWaker(nullptr); }
  InterruptWakesWindow(const InterruptWakesWindow&) = delete;
  InterruptWakesWindow& operator=(const InterruptWakesWindow&) = delete;
};

// `[` and `]` move the swipe divider, Esc leaves comparing (and, through mapKey, the selection).
void compareKey(AppState& state, const SDL_Keysym& key) {
  if (state.presenting || (key.mod & (KMOD_CTRL | KMOD_ALT))) return;
  Comparison& c = state.comparison;
  if (key.sym == SDLK_ESCAPE) c.mode = CompareMode::Off;
  if (c.mode != CompareMode::Swipe) return;
  if (key.sym == SDLK_LEFTBRACKET) c.swipe = nudgeSwipe(c.swipe, -1);
  if (key.sym == SDLK_RIGHTBRACKET) c.swipe = nudgeSwipe(c.swipe, 1);
}

}  // namespace

int runInteractive(const Options& options) {
  if (!displayAvailable()) {
    printError(
        "no display found (DISPLAY and WAYLAND_DISPLAY are unset); to render without one use: "
        "idlib-atlas --export map.png");
    return 2;
  }
  const auto start = startPointOf(options);
  if (!start) return 2;
  auto opened = GlWindow::open(GlWindow::Mode::Interactive, 1600, 960);
  if (const auto* error = std::get_if<std::string>(&opened)) {
    printError(*error + "; to render without a display use: idlib-atlas --export map.png");
    return 2;
  }
  const auto& window = *std::get<std::unique_ptr<GlWindow>>(opened);
  if (SDL_GL_SetSwapInterval(-1) != 0) SDL_GL_SetSwapInterval(1);  // adaptive vsync, else vsync
  // Most of the display, whatever its size (menus stay reachable on a small one).
  if (SDL_Rect usable;
      SDL_GetDisplayUsableBounds(SDL_GetWindowDisplayIndex(window.window()), &usable) == 0) {
    const WindowSize size = initialWindowSize(usable.w, usable.h);
    SDL_SetWindowSize(window.window(), size.width, size.height);
    SDL_SetWindowPosition(window.window(), SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED);
  }

  try {
    const float deskScale = displayUiScale(window);
    ImGuiSession imgui(window, window.pixelRatio(), deskScale);
    MapRenderer renderer;
    AppState state;
    state.dataDir = options.dataDir;
    int w = 0, h = 0;
    SDL_GetWindowSize(window.window(), &w, &h);
    state.camera.setViewport({static_cast<double>(w), static_cast<double>(h)});
    state.projectionChoice = start->projection;
    state.plane = openingPlane(start->projection, start->view, state.camera.viewport());
    state.projection = Projection::lonLatTo(state.plane);
    state.homeView = idlibHomeView(state.camera.viewport(), state.plane);
    state.camera.setView(start->view ? mapView(state, *start->view) : state.homeView);

    std::vector<LoadRequest> requests = bundledLayers(options.dataDir);
    if (options.workspace)
      for (LoadRequest& request : workspaceLayerRequests(*options.workspace))
        requests.push_back(std::move(request));
    for (LoadRequest& request : userLayersOf(options))
      requests.push_back(std::move(request));
    for (LoadRequest& request : requests)
      request.plane = state.plane;
    if (const auto accepted = defaultAcceptedEventsFile()) {
      state.acceptedEventsFile = accepted->string();
      state.articleDecisions = readDecisions(decisionsFileFor(*accepted));
    }
    BackgroundLoader loader(std::move(requests), options.dataDir,
                            withAcceptedEvents(eventSourcesOf(options), state.acceptedEventsFile));
    state.playback.windowDays = options.windowDays;
    state.uiScale = options.uiScale;
    state.deskScale = deskScale;
    state.desk = deskLayout(static_cast<float>(w), static_cast<float>(h), deskScale,
                            deskScale * state.uiScale);
    state.previousDesk = state.desk.desk;
    state.highContrast = options.highContrast;
    state.storyPath = options.story.empty() ? defaultStoryPath(options.dataDir) : options.story;
    state.protectedFiles = protectedFilesOf(options);
    {
      StoryLoad story = loadStoryFile(state.storyPath);
      state.story = std::move(story.story);
      for (Notice& n : story.notices)
        state.notices.push_back(std::move(n));
      printNotices(state.notices);
    }
    PresenterMode presenterMode(window.window(), options);
    PlaneFollower planeFollower;  // View → Projection, and the plane a wider view calls for
    // A PostGIS table's events: the window shown, from the server.
    PostgisEventWindows postgisEvents;
    panels::ExportPanelState exportPanel;
    panels::FileBrowserState fileBrowser;
    panels::PostgisDialogState postgis;
    panels::ColumnMappingDialogState columnMapping;
    panels::WorkspaceSaveState saveWorkspace;
    panels::TimelinePanelState timelinePanel;
    panels::ChangesPanelState changesPanel;
    panels::ArticlesPanelState articlesPanel{.open = !options.article.empty(),
                                             .waiting = options.article};
    // The workspace whose layers are loading: the command line's (through `loader`), or one
    // opened in the app (through its own loader). Each of its layers takes its saved settings.
    std::optional<OpeningWorkspace> opening;
    if (options.workspace) {
      state.workspacePath = std::filesystem::absolute(options.workspacePath).string();
      applyWorkspaceSettings(state, *options.workspace);
      exportPanel.open = options.workspace->panels.exporter;
      state.notices.insert(state.notices.end(), options.workspaceNotices.begin(),
                           options.workspaceNotices.end());
      if (!options.workspaceNotices.empty()) state.showNotices = true;
    }
    bool presentWhenLoaded = options.present;
    FileDrops drops;
    FrameKeys frameKeys;
    std::string title;
    FrameSchedule schedule;
    InterruptWakesWindow interruptWakes;
    // For benchmarks (bench/window_fps.sh): frames presented a second and CPU per frame.
    const bool printFrameStats = std::getenv("IDLIB_FRAME_STATS") != nullptr;
    FrameRateMeter frameMeter;

    bool quit = false;
    while (!quit && !interruptRequested()) {  // Ctrl+C in the terminal closes the window too
      // A frame only when something may have changed: paused and untouched, the loop sleeps.
      SDL_Event waited;
      bool hasWaited = false;
      if (const double wait = schedule.maxWaitSeconds(); wait > 0) {
        hasWaited = waitForEvent(wait, waited);
        if (!hasWaited && !schedule.drawAfterQuietWait()) continue;
      }
      const Uint32 speakerWindow =
          presenterMode.speaker() ? presenterMode.speaker()->windowId() : 0;
      const auto handle = [&](SDL_Event& event) {
        if (event.type == SDL_QUIT) quit = true;
        if (speakerWindow && windowOf(event) == speakerWindow) {
          if (event.type == SDL_WINDOWEVENT && event.window.event == SDL_WINDOWEVENT_CLOSE)
            presenterMode.leave(state);
          else if (event.type == SDL_KEYDOWN)
            presenterMode.key(event.key.keysym, state);
          else
            presenterMode.speaker()->processEvent(event);
          return;
        }
        if (event.type == SDL_KEYDOWN && !event.key.repeat && !ImGui::GetIO().WantTextInput &&
            presenterMode.key(event.key.keysym, state))
          return;
        if (drops.handle(event)) return;
        ImGui_ImplSDL2_ProcessEvent(&event);
        // Every tap counts, however many come between two frames.
        if (event.type == SDL_KEYDOWN && !ImGui::GetIO().WantCaptureKeyboard) {
          compareKey(state, event.key.keysym);
          mapKey(state, event.key);
        }
        if (event.type == SDL_KEYDOWN && event.key.keysym.sym == SDLK_q &&
            (event.key.keysym.mod & KMOD_CTRL))
          quit = true;
      };
      const int events = pollFrameEvents(frameKeys, handle, hasWaited ? &waited : nullptr);
      if (SDL_GetWindowFlags(window.window()) & SDL_WINDOW_MINIMIZED) {
        SDL_Delay(50);  // nothing to draw; don't spin
        continue;
      }
      // Hand finished layers to the GPU (GL thread only): the first load's, then a drop's, then
      // the PostGIS tables'.
      drops.update(state);
      if (const auto file = drops.takeArticle()) {
        articlesPanel.waiting = *file;
        articlesPanel.open = true;
      }
      // An accepted event joins the map at once: its file is read again with the events.
      for (const std::string& file : std::exchange(articlesPanel.reload, {})) {
        std::erase_if(state.eventSources, [&](const EventSource& s) { return s.path == file; });
        drops.open({file});
      }
      if (const auto file = drops.takeWorkspace()) {
        if (auto opened = openWorkspace(state, *file)) {
          exportPanel.open = opened->workspace.panels.exporter;
          opening = std::move(opened);
        }
      }
      BackgroundLoader* workspaceLoader = opening ? opening->loader.get() : nullptr;
      for (BackgroundLoader* from : {&loader, drops.loader(), postgis.loader.get(),
                                     columnMapping.loader.get(), workspaceLoader}) {
        if (!from) continue;
        const bool dropped = from != &loader;
        const Workspace* saved = from == workspaceLoader                ? &opening->workspace
                                 : from == &loader && options.workspace ? &*options.workspace
                                                                        : nullptr;
        for (std::string& table : from->takeUnmapped())
          columnMapping.waiting.push_back(std::move(table));
        // A big layer's preview is cut for the view the map shows now.
        from->setView({visibleWorld(state.camera.view(), state.camera.viewport()),
                       state.camera.view().metresPerPoint});
        LoadResult finished = from->takeFinished();
        for (Layer& layer : finished.layers) {
          const std::size_t index = addLoadedLayer(state, std::move(layer));
          renderer.upload(state.layers[index].layer);
          if (saved) applyWorkspaceLayer(state, index, *saved);
        }
        withdrawPreviews(state, finished.withdrawnPreviews);
        if (saved && !finished.layers.empty()) orderLayersAsIn(state, *saved);
        if (auto dated = from->takeDatedData()) {
          for (Notice& n : dated->notices)
            finished.notices.push_back(std::move(n));
          // A drop's events join the map at the date it shows.
          const Day today = static_cast<Day>(std::floor(state.playback.date));
          std::optional<Day> date = dropped ? std::optional(today) : start->date;
          if (from == workspaceLoader && opening->workspace.date) date = opening->workspace.date;
          state.setTimeline(std::move(*dated), date);
          if (!dropped && from != workspaceLoader) state.comparison = start->comparison;
          renderer.timeLayers().upload(state.timeline, state.controlAreas, state.displacement);
          postgisEvents.attach(state, wakeEventLoop);  // an answer wakes the window
          if (presentWhenLoaded && !dropped) presenterMode.enter(state);
        }
        if (dropped && hasErrors(finished.notices)) state.showNotices = true;
        printNotices(finished.notices);
        for (Notice& n : finished.notices)
          state.notices.push_back(std::move(n));
      }
      if (opening && opening->loader->done()) opening.reset();
      // The Story panel's Present button asks through the state.
      if (state.presenting != presenterMode.active())
        state.presenting ? presenterMode.enter(state) : presenterMode.leave(state);

      ImGui_ImplOpenGL3_NewFrame();
      ImGui_ImplSDL2_NewFrame();
      ImGui::NewFrame();
      SDL_GetWindowSize(window.window(), &w, &h);
      state.desk = deskLayout(static_cast<float>(w), static_cast<float>(h), state.deskScale,
                              state.deskScale * state.uiScale);
      state.camera.setViewport({static_cast<double>(w), static_cast<double>(h)});
      // Time the loop slept is not time the map moved (ImGui keeps the real time, for its
      // double clicks).
      const auto step = static_cast<float>(schedule.animationSeconds(ImGui::GetIO().DeltaTime));
      state.camera.advance(step);
      state.playback.advance(step, state.timeline);
      // A frame over a quarter second is a stall (the speaker's window opening, its thumbnails
      // rendering), not time the audience watched: a story's move goes on from where it was.
      // A slow machine at 5 fps (0.2 s a frame) is under it: its moves keep real time.
      advanceStory(state, std::min(step, kLongestStoryStep));
      // Not while layers are still coming: they are read for the plane shown.
      planeFollower.update(state, renderer,
                           workInBackground(loader, drops, postgis, columnMapping, opening));

      if (!presenterMode.active()) {
        panels::menuBar(state, quit, exportPanel.open, fileBrowser, postgis.open, saveWorkspace);
        panels::layers(state);
        releaseRemovedLayers(state, renderer);
        panels::search(state);
        panels::details(state);
        panels::notices(state);
        panels::timeline(state, timelinePanel);
        panels::events(state);
        panels::story(state);
        panels::changes(state, changesPanel);
        panels::articles(state, articlesPanel);
        panels::about(state);
        panels::postgisDialog(state, postgis);
        panels::fileBrowser(state, fileBrowser);
        panels::saveWorkspaceDialog(state, saveWorkspace, exportPanel.open);
        panels::columnMappingDialog(state, columnMapping);
        // Tables chosen as events go through the column-mapping dialog (ACLED's pass straight on).
        if (fileBrowser.adding == panels::FileBrowserState::Adding::Events)
          for (std::string& table : std::exchange(fileBrowser.chosen, {}))
            columnMapping.waiting.push_back(std::move(table));
        if (!fileBrowser.chosen.empty()) drops.open(std::exchange(fileBrowser.chosen, {}));
        drawLoadingProgress(loader, false);
        if (drops.loader()) drawLoadingProgress(*drops.loader(), true);
        if (postgis.loader) drawLoadingProgress(*postgis.loader, true);
        if (opening) drawLoadingProgress(*opening->loader, true);
        if (columnMapping.loader) drawLoadingProgress(*columnMapping.loader, true);
      }
      if (state.timelineLoaded)
        panels::exporter(state, renderer, exportPanel);  // records even while presenting
      if (!presenterMode.active()) panels::swipeDivider(state);
      // The desk the panels were last drawn on: they follow a resize, not presenter mode's.
      if (!presenterMode.active()) state.previousDesk = state.desk.desk;
      updateMapInteraction(state);
      ImGui::Render();

      if (postgisEvents.update(state, SDL_GetTicks() / 1000.0))
        postgisEvents.upload(state, renderer);
      bindWindowFramebuffer(w, h);  // the map renderer sets its own viewport
      // The presenter's window is the audience's: no hover, no selection on it.
      FrameDescription frame = describeFrame(state, state.camera.view(), state.camera.viewport(),
                                             window.pixelRatio(), viewerOf(state));
      frame.bottomInset =
          state.timelineLoaded && !presenterMode.active() ? state.desk.timeline.h : 0;
      frame.topInset = presenterMode.active() ? 0 : state.desk.menuBar.h;
      frame.uiScale *= state.deskScale;     // this display's scale; exports keep their own
      frame.occupied = imguiWindowRects();  // no map label under a panel
      frame.cacheStaticLayers = true;       // drawn directly where the window is multisampled
      addEventCellLabels(renderer.eventCells(), frame.labels);
      renderer.draw(frame);
      if (!frame.black)  // the black screen is black: not even the export window shows
        ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
      SDL_GL_SwapWindow(window.window());
      if (printFrameStats)
        if (const auto line = frameMeter.framePresented(FrameRateMeter::Clock::now(),
                                                        FrameRateMeter::processCpuSeconds()))
          std::fprintf(stdout, "%s\n", line->c_str()), std::fflush(stdout);
      showDateInTitle(window.window(), state, title);
      imgui.saveSettingsIfAsked();
      presenterMode.drawSpeaker(state, renderer);
      schedule.frameDrawn(
          {.input = events > 0,
           .animating = movesOnItsOwn(state, exportPanel),
           .background = workInBackground(loader, drops, postgis, columnMapping, opening) ||
                         planeFollower.switching() || postgisEvents.busy(),
           .typing = ImGui::GetIO().WantTextInput,
           .presenting = state.presenter != nullptr});
    }
  } catch (const std::exception& e) {
    printError(e.what());
    return 1;
  }
  return 0;
}

}  // namespace idlib
