#include <backends/imgui_impl_opengl3.h>
#include <backends/imgui_impl_sdl.h>
#include <fmt/format.h>
#include <imgui.h>

#include <cstdio>

#include "core/cli_values.hpp"
#include "render/map_renderer.hpp"
#include "ui/command_line.hpp"
#include "ui/layer_loader.hpp"
#include "ui/map_view.hpp"
#include "ui/panels/panels.hpp"
#include "ui/sdl_window.hpp"

namespace idlib {
namespace {

// Dear ImGui's context and backends, shut down in reverse order of start.
class ImGuiSession {
 public:
  ImGuiSession(const GlWindow& window, float pixelRatio) {
    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;  // panels start where the app puts them
    ImGui::StyleColorsLight();
    ImGuiStyle& style = ImGui::GetStyle();
    style.WindowRounding = 6;
    style.FrameRounding = 4;
    // Text rasterised at the display's real resolution, drawn at logical size.
    const std::string font = FontAtlas::findFontFile("DejaVu Sans");
    if (!font.empty()) {
      io.Fonts->AddFontFromFileTTF(font.c_str(), 15.0f * pixelRatio);
      io.FontGlobalScale = 1.0f / pixelRatio;
    }
    ImGui_ImplSDL2_InitForOpenGL(window.window(), window.context());
    ImGui_ImplOpenGL3_Init("#version 330 core");
  }
  ~ImGuiSession() {
    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplSDL2_Shutdown();
    ImGui::DestroyContext();
  }
};

void drawLoadingProgress(const BackgroundLoader& loader) {
  if (loader.done()) return;
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos({vp->WorkPos.x + vp->WorkSize.x / 2, vp->WorkPos.y + vp->WorkSize.y - 60}, ImGuiCond_Always, {0.5f, 1});
  ImGui::SetNextWindowSize({360, 0});
  ImGui::Begin("##loading", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoInputs);
  ImGui::Text("Loading %s", loader.current().c_str());
  ImGui::ProgressBar(loader.fraction(), {-1, 0});
  ImGui::End();
}

}  // namespace

int runInteractive(const Options& options) {
  if (!displayAvailable()) {
    std::fprintf(stderr, "idlib-atlas: no display found (DISPLAY and WAYLAND_DISPLAY are unset); "
                         "to render without one use: idlib-atlas --export map.png\n");
    return 2;
  }
  std::optional<ViewArgument> viewArgument;
  if (!options.view.empty()) {
    const auto parsed = parseViewArgument(options.view);
    if (const auto* error = std::get_if<std::string>(&parsed)) {
      std::fprintf(stderr, "idlib-atlas: %s\n", error->c_str());
      return 2;
    }
    viewArgument = std::get<ViewArgument>(parsed);
  }
  std::optional<Day> startDate;
  if (!startDateOf(options, startDate)) return 2;
  auto opened = GlWindow::open(GlWindow::Mode::Interactive, 1600, 960);
  if (const auto* error = std::get_if<std::string>(&opened)) {
    std::fprintf(stderr, "idlib-atlas: %s; to render without a display use: idlib-atlas --export map.png\n",
                 error->c_str());
    return 2;
  }
  const auto& window = *std::get<std::unique_ptr<GlWindow>>(opened);
  if (SDL_GL_SetSwapInterval(-1) != 0) SDL_GL_SetSwapInterval(1);  // adaptive vsync, else vsync

  try {
    ImGuiSession imgui(window, window.pixelRatio());
    MapRenderer renderer;
    AppState state;
    state.dataDir = options.dataDir;
    int w = 0, h = 0;
    SDL_GetWindowSize(window.window(), &w, &h);
    state.camera.setViewport({static_cast<double>(w), static_cast<double>(h)});
    state.homeView = idlibHomeView(state.camera.viewport());
    state.camera.setView(viewArgument ? View{state.projection.forward(viewArgument->centre),
                                             metresPerPointAtZoom(viewArgument->zoom)}
                                      : state.homeView);

    std::vector<LoadRequest> requests = bundledLayers(options.dataDir);
    for (const auto& path : options.layers) requests.push_back(userLayer(path));
    BackgroundLoader loader(std::move(requests), options.dataDir, options.eventFiles);
    state.playback.windowDays = options.windowDays;

    bool quit = false;
    while (!quit) {
      SDL_Event event;
      while (SDL_PollEvent(&event)) {
        ImGui_ImplSDL2_ProcessEvent(&event);
        if (event.type == SDL_QUIT) quit = true;
        if (event.type == SDL_KEYDOWN && event.key.keysym.sym == SDLK_q && (event.key.keysym.mod & KMOD_CTRL)) quit = true;
      }
      if (SDL_GetWindowFlags(window.window()) & SDL_WINDOW_MINIMIZED) {
        SDL_Delay(50);  // nothing to draw; don't spin
        continue;
      }
      // Hand finished layers to the GPU (GL thread only).
      LoadResult finished = loader.takeFinished();
      for (Layer& layer : finished.layers) {
        const std::size_t index = state.addLayer(std::move(layer));
        renderer.upload(state.layers[index].layer);
      }
      if (auto dated = loader.takeDatedData()) {
        for (Notice& n : dated->notices) finished.notices.push_back(std::move(n));
        state.setTimeline(std::move(*dated), startDate);
        renderer.timeLayers().upload(state.timeline, state.controlAreas, state.displacement);
      }
      printNotices(finished.notices);
      for (Notice& n : finished.notices) state.notices.push_back(std::move(n));

      ImGui_ImplOpenGL3_NewFrame();
      ImGui_ImplSDL2_NewFrame();
      ImGui::NewFrame();
      SDL_GetWindowSize(window.window(), &w, &h);
      state.camera.setViewport({static_cast<double>(w), static_cast<double>(h)});
      state.camera.advance(ImGui::GetIO().DeltaTime);
      state.playback.advance(ImGui::GetIO().DeltaTime, state.timeline);

      panels::menuBar(state, quit);
      panels::layers(state);
      panels::search(state);
      panels::details(state);
      panels::notices(state);
      panels::timeline(state);
      panels::events(state);
      panels::about(state);
      drawLoadingProgress(loader);
      updateMapInteraction(state);
      ImGui::Render();

      glBindFramebuffer(GL_FRAMEBUFFER, 0);
      FrameDescription frame = describeFrame(state, state.camera.view(), state.camera.viewport(), window.pixelRatio());
      frame.bottomInset = state.timelineLoaded ? panels::kTimelineHeight : 0;
      renderer.draw(frame);
      ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
      SDL_GL_SwapWindow(window.window());
    }
  } catch (const std::exception& e) {
    std::fprintf(stderr, "idlib-atlas: %s\n", e.what());
    return 1;
  }
  return 0;
}

}  // namespace idlib
