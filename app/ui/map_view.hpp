#pragma once
// The map canvas: what to draw from the state, and how mouse and keys move the camera.
#include "render/map_renderer.hpp"
#include "ui/app_state.hpp"

namespace idlib {

FrameDescription describeFrame(const AppState& state, const View& view, const Viewport& viewport,
                               float pixelRatio);

// Handles the map's mouse and keyboard input for this frame (ImGui gets first claim on both),
// draws the hover tooltip. Call between ImGui::NewFrame and ImGui::Render.
void updateMapInteraction(AppState& state);

// Flies to the feature and selects it.
void focusFeature(AppState& state, const FeatureRef& ref);

}  // namespace idlib
