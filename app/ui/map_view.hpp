#pragma once
// The map canvas: what to draw from the state, and how mouse and keys move the camera.
#include <SDL_events.h>

#include "render/map_renderer.hpp"
#include "ui/app_state.hpp"

namespace idlib {

// Who looks at the frame. The analyst sees the pointer's hover and selection; an audience (the
// presenter's window, every export) never does: a pointer's state is not data.
enum class Viewer { Analyst, Audience };

// Who sees the app's window now: the audience while presenting, else the analyst.
Viewer viewerOf(const AppState& state);

FrameDescription describeFrame(const AppState& state, const View& view, const Viewport& viewport,
                               float pixelRatio, Viewer viewer);

// Handles the map's mouse and keyboard input for this frame (ImGui gets first claim on both),
// draws the hover tooltip. Call between ImGui::NewFrame and ImGui::Render.
void updateMapInteraction(AppState& state);

// A key tap on the map (zoom, home, steps in time, Ctrl+F), taken from its SDL_KEYDOWN event so
// that no tap is lost however slowly frames come. Returns true if the map used it.
bool mapKey(AppState& state, const SDL_KeyboardEvent& key);

// "948,000 people displaced since 1 December 2019", from the same series as the chart; empty
// outside the series' time.
std::string displacedSubtitle(const Displacement& d, double day);

// The post, event or stretch of front line under `screen`, if any.
DatedPick pickDatedMark(const AppState& state, Vec2 screen);
// Its details and source, as ImGui text (tooltips and the details panel).
void describeDatedMark(const AppState& state, const DatedPick& pick, bool full);

// Flies to the feature and selects it.
void focusFeature(AppState& state, const FeatureRef& ref);

}  // namespace idlib
