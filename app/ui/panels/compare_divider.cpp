// The swipe divider's grip: see panels.hpp.
#include <imgui.h>
#include <imgui_internal.h>

#include "core/compare_controls.hpp"
#include "ui/panels/panels.hpp"

namespace idlib::panels {

void swipeDivider(AppState& state) {
  if (!state.timelineLoaded || state.comparison.mode != CompareMode::Swipe) return;
  const ScreenRect& map = state.desk.map;
  const float grab = 6 * ImGui::GetFontSize() / 15;  // points either side of the line
  const float x = dividerX(state.comparison.swipe, map.x, map.w);
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, {0, 0});
  ImGui::PushStyleVar(ImGuiStyleVar_WindowMinSize, {1, 1});
  ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 0);
  ImGui::SetNextWindowPos({x - grab, map.y});
  ImGui::SetNextWindowSize({2 * grab, map.h});
  constexpr ImGuiWindowFlags kFlags =
      ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoBackground |
      ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoNav |
      ImGuiWindowFlags_NoFocusOnAppearing | ImGuiWindowFlags_NoBringToFrontOnFocus;
  if (ImGui::Begin("##swipeDivider", nullptr, kFlags)) {
    ImGui::BringWindowToDisplayBack(ImGui::GetCurrentWindow());  // every panel stays above it
    ImGui::InvisibleButton("##divider", {2 * grab, map.h});
    if (ImGui::IsItemHovered() || ImGui::IsItemActive())
      ImGui::SetMouseCursor(ImGuiMouseCursor_ResizeEW);
    if (ImGui::IsItemHovered() && !ImGui::IsItemActive())
      ImGui::SetTooltip("Drag to compare: date A left, B right ([ and ] move it, Esc ends)");
    if (ImGui::IsItemActive())
      state.comparison.swipe = swipeAtPointer(ImGui::GetIO().MousePos.x, map.x, map.w);
  }
  ImGui::End();
  ImGui::PopStyleVar(3);
}

}  // namespace idlib::panels
