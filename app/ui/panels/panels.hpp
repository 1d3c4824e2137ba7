#pragma once
// One function per panel; each reads and changes the app state, none touches GL.
#include <imgui.h>

#include <memory>

#include "render/map_renderer.hpp"
#include "ui/app_state.hpp"
#include "ui/export_job.hpp"

namespace idlib::panels {

// Begins a panel at its place on the desk the first time, afterwards where the user left it,
// brought back onto the desk (off the timeline and the scale bar) if it strays or the window
// shrinks. `AlwaysAutoResize` panels grow up to their place's size. Call ImGui::End() whatever
// it returns.
bool beginPanel(const char* title, const ScreenRect& place, const AppState& state,
                bool* open = nullptr, ImGuiWindowFlags flags = 0);

void layers(AppState& state);
void details(AppState& state);
void search(AppState& state);
void about(AppState& state);
void notices(AppState& state);
void timeline(AppState& state);
void events(AppState& state);
void story(AppState& state);

// The Export window's own state: its settings and the video being recorded.
struct ExportPanelState {
  bool open = false;
  ExportSettings settings;
  std::unique_ptr<VideoJob> job;
  std::string message;
};
void exporter(AppState& state, MapRenderer& renderer, ExportPanelState& panel);
// The main menu bar: File, View, Help.
void menuBar(AppState& state, bool& quit, bool& exportOpen);

}  // namespace idlib::panels
