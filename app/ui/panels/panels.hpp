#pragma once
// One function per panel; each reads and changes the app state, none touches GL.
#include "ui/app_state.hpp"

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
// The main menu bar: File, View, Help.
void menuBar(AppState& state, bool& quit);

}  // namespace idlib::panels
