#include "ui/presenter_view.hpp"

#include <backends/imgui_impl_opengl3.h>
#include <backends/imgui_impl_sdl.h>
#include <imgui.h>

#include <cmath>

#include "core/date.hpp"
#include "render/offscreen_target.hpp"
#include "ui/imgui_fonts.hpp"

namespace idlib {
namespace {

// Makes `context` current for the scope (ImGui's current context is process-wide).
struct UseContext {
  explicit UseContext(ImGuiContext* context) : previous(ImGui::GetCurrentContext()) {
    ImGui::SetCurrentContext(context);
  }
  ~UseContext() { ImGui::SetCurrentContext(previous); }
  ImGuiContext* previous;
};

}  // namespace

std::unique_ptr<PresenterView> PresenterView::open(int display, float fontPixels) {
  SDL_GLContext audience = SDL_GL_GetCurrentContext();
  SDL_Window* audienceWindow = SDL_GL_GetCurrentWindow();
  auto opened = GlWindow::open(GlWindow::Mode::Interactive, 900, 600);
  if (!std::holds_alternative<std::unique_ptr<GlWindow>>(opened)) {
    SDL_GL_MakeCurrent(audienceWindow, audience);
    return nullptr;
  }
  std::unique_ptr<PresenterView> view(new PresenterView);
  view->window_ = std::move(std::get<std::unique_ptr<GlWindow>>(opened));
  SDL_SetWindowTitle(view->window_->window(), "Idlib Atlas: presenter");
  SDL_Rect bounds;
  if (display < SDL_GetNumVideoDisplays() && SDL_GetDisplayBounds(display, &bounds) == 0)
    SDL_SetWindowPosition(view->window_->window(), bounds.x + 40, bounds.y + 40);

  UseContext use(nullptr);
  view->context_ = ImGui::CreateContext();
  ImGui::SetCurrentContext(view->context_);
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;
  ImGui::StyleColorsDark();
  addUiFont(io, fontPixels);
  ImGui_ImplSDL2_InitForOpenGL(view->window_->window(), view->window_->context());
  ImGui_ImplOpenGL3_Init("#version 330 core");
  SDL_GL_MakeCurrent(audienceWindow, audience);
  return view;
}

PresenterView::~PresenterView() {
  SDL_GLContext audience = SDL_GL_GetCurrentContext();
  SDL_Window* audienceWindow = SDL_GL_GetCurrentWindow();
  SDL_GL_MakeCurrent(window_->window(), window_->context());
  {
    UseContext use(context_);
    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplSDL2_Shutdown();
  }
  ImGui::DestroyContext(context_);
  window_.reset();
  SDL_GL_MakeCurrent(audienceWindow, audience);
}

void PresenterView::processEvent(const SDL_Event& event) {
  UseContext use(context_);
  ImGui_ImplSDL2_ProcessEvent(&event);
}

PresenterView::Action PresenterView::draw(const AppState& state) {
  SDL_GLContext audience = SDL_GL_GetCurrentContext();
  SDL_Window* audienceWindow = SDL_GL_GetCurrentWindow();
  SDL_GL_MakeCurrent(window_->window(), window_->context());
  Action action = Action::None;
  {
    UseContext use(context_);
    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplSDL2_NewFrame();
    ImGui::NewFrame();
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(vp->Pos);
    ImGui::SetNextWindowSize(vp->Size);
    ImGui::Begin("presenter", nullptr, ImGuiWindowFlags_NoDecoration);
    const Story& story = state.story;
    const std::size_t cue = state.presenter ? state.presenter->cue() : 0;
    const int seconds = state.presenter ? static_cast<int>(state.presenter->elapsedSeconds()) : 0;
    ImGui::Text("%02d:%02d   |   cue %zu of %zu   |   %s%s", seconds / 60, seconds % 60, cue + 1,
                story.cues.size(),
                formatDateLong(static_cast<Day>(std::floor(state.playback.date))).c_str(),
                state.blackScreen ? "   |   BLACK SCREEN" : "");
    ImGui::Separator();
    if (cue < story.cues.size()) {
      const Cue& c = story.cues[cue];
      ImGui::TextColored({1, 0.8f, 0.3f, 1}, "%s", c.title.c_str());
      ImGui::PushTextWrapPos(0);
      ImGui::TextUnformatted(c.caption.c_str());
      ImGui::Spacing();
      ImGui::TextColored({0.6f, 0.85f, 1, 1}, "Notes");
      ImGui::TextUnformatted(c.notes.empty() ? "(none)" : c.notes.c_str());
      ImGui::PopTextWrapPos();
      ImGui::Separator();
      if (cue + 1 < story.cues.size())
        ImGui::TextDisabled("Next: %s", story.cues[cue + 1].title.c_str());
      else
        ImGui::TextDisabled("Last cue");
    }
    ImGui::Spacing();
    if (ImGui::Button("< Previous")) action = Action::Previous;
    ImGui::SameLine();
    if (ImGui::Button("Next >")) action = Action::Next;
    ImGui::SameLine();
    if (ImGui::Button("Black (B)")) action = Action::Black;
    ImGui::SameLine();
    if (ImGui::Button("Leave (Esc)")) action = Action::Leave;
    ImGui::End();
    ImGui::Render();
    int w = 0, h = 0;
    SDL_GL_GetDrawableSize(window_->window(), &w, &h);
    const float background[] = {0.1f, 0.1f, 0.12f, 1};
    bindWindowFramebuffer(w, h, background);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    SDL_GL_SwapWindow(window_->window());
  }
  SDL_GL_MakeCurrent(audienceWindow, audience);
  return action;
}

}  // namespace idlib
