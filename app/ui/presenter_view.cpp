#include "ui/presenter_view.hpp"

#include <backends/imgui_impl_opengl3.h>
#include <backends/imgui_impl_sdl.h>
#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <string>

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

std::unique_ptr<PresenterView> PresenterView::open(const DisplayRect& rect, bool tile,
                                                   float uiScale) {
  SDL_GLContext audience = SDL_GL_GetCurrentContext();
  SDL_Window* audienceWindow = SDL_GL_GetCurrentWindow();
  auto opened = GlWindow::open(GlWindow::Mode::Interactive, rect.w, rect.h);
  if (!std::holds_alternative<std::unique_ptr<GlWindow>>(opened)) {
    SDL_GL_MakeCurrent(audienceWindow, audience);
    return nullptr;
  }
  std::unique_ptr<PresenterView> view(new PresenterView);
  view->window_ = std::move(std::get<std::unique_ptr<GlWindow>>(opened));
  SDL_SetWindowTitle(view->window_->window(), "Idlib Atlas: presenter");
  view->place(rect, tile);

  UseContext use(nullptr);
  view->context_ = ImGui::CreateContext();
  ImGui::SetCurrentContext(view->context_);
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;
  ImGui::StyleColorsDark();
  // Text, tooltips and widgets follow the UI scale, as on the desk.
  ImGui::GetStyle().ScaleAllSizes(std::max(1.0f, uiScale));
  addUiFont(io, speakerTextPixels(uiScale));
  ImGui_ImplSDL2_InitForOpenGL(view->window_->window(), view->window_->context());
  ImGui_ImplOpenGL3_Init("#version 330 core");
  SDL_GL_MakeCurrent(audienceWindow, audience);
  return view;
}

PresenterView::~PresenterView() {
  SDL_GLContext audience = SDL_GL_GetCurrentContext();
  SDL_Window* audienceWindow = SDL_GL_GetCurrentWindow();
  SDL_GL_MakeCurrent(window_->window(), window_->context());
  for (Thumbnail& t : thumbnails_)
    t.texture = {};  // this context's textures, freed while it is current
  {
    UseContext use(context_);
    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplSDL2_Shutdown();
  }
  ImGui::DestroyContext(context_);
  window_.reset();
  SDL_GL_MakeCurrent(audienceWindow, audience);
}

void PresenterView::place(const DisplayRect& rect, bool tile) {
  SDL_Window* w = window_->window();
  SDL_SetWindowBordered(w, tile ? SDL_FALSE : SDL_TRUE);  // a tile's edges are exact
  SDL_SetWindowSize(w, rect.w, rect.h);
  SDL_SetWindowPosition(w, rect.x, rect.y);
  chosenDisplay_ = std::max(0, SDL_GetWindowDisplayIndex(w));
}

void PresenterView::setThumbnails(RenderedImage current, RenderedImage next) {
  thumbnails_[0].image = std::move(current);
  thumbnails_[1].image = std::move(next);
  thumbnailsToUpload_ = true;
}

void PresenterView::uploadThumbnails() {  // in this window's context
  if (!thumbnailsToUpload_) return;
  thumbnailsToUpload_ = false;
  for (Thumbnail& t : thumbnails_) {
    const RenderedImage& i = t.image;
    t.texture = i.rgba.empty() ? gl::Texture{} : imageTexture(i.rgba, i.width, i.height);
    t.width = i.width;
    t.height = i.height;
    t.image = {};  // uploaded: the pixels live on the GPU now
  }
}

void PresenterView::drawThumbnail(Thumbnail& t, const char* label, float width) {
  ImGui::BeginGroup();
  ImGui::TextDisabled("%s", label);
  if (t.texture) {
    ImGui::Image(reinterpret_cast<ImTextureID>(static_cast<std::intptr_t>(t.texture.id())),
                 {width, width * t.height / t.width});
  } else {
    ImGui::Dummy({width, width * 9 / 16});
  }
  ImGui::EndGroup();
}

bool PresenterView::drawDisplayMenu() {
  const int displays = SDL_GetNumVideoDisplays();
  const auto name = [](int i) {
    SDL_Rect b{};
    SDL_GetDisplayBounds(i, &b);
    const char* n = SDL_GetDisplayName(i);
    return std::to_string(i) + ": " + (n ? n : "display") + " (" + std::to_string(b.w) + "x" +
           std::to_string(b.h) + ")";
  };
  bool picked = false;
  ImGui::TextDisabled("This window's screen");
  ImGui::SetNextItemWidth(std::min(ImGui::GetFontSize() * 16, ImGui::GetContentRegionAvail().x));
  if (ImGui::BeginCombo("##screen", name(chosenDisplay_).c_str())) {
    for (int i = 0; i < displays; ++i)
      if (ImGui::Selectable(name(i).c_str(), i == chosenDisplay_)) {
        chosenDisplay_ = i;
        picked = true;
      }
    ImGui::EndCombo();
  }
  return picked;
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
    uploadThumbnails();
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
      // Side by side, half the window's width each, never wider than the images.
      const float half =
          std::min((ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ItemSpacing.x) / 2,
                   static_cast<float>(std::max(thumbnails_[0].width, thumbnails_[1].width)));
      drawThumbnail(thumbnails_[0], "Now", half);
      ImGui::SameLine();
      drawThumbnail(thumbnails_[1], cue + 1 < story.cues.size() ? "Next" : "Next: none", half);
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
    if (drawDisplayMenu()) action = Action::ChooseDisplay;
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
