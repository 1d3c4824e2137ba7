#pragma once
// One function per panel; each reads and changes the app state, none touches GL.
#include <memory>

#include "render/map_renderer.hpp"
#include "ui/app_state.hpp"
#include "ui/export_job.hpp"

namespace idlib::panels {

inline constexpr float kTimelineHeight = 214;  // points, docked at the bottom of the window

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
