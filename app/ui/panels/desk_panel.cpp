// What every panel of the analyst's desk shares: its first place and staying on the desk.
#include "ui/panels/panels.hpp"

namespace idlib::panels {

bool beginPanel(const char* title, const ScreenRect& place, const AppState& state, bool* open,
                ImGuiWindowFlags flags) {
  ImGui::SetNextWindowPos({place.x, place.y}, ImGuiCond_FirstUseEver);
  if (flags & ImGuiWindowFlags_AlwaysAutoResize)
    ImGui::SetNextWindowSizeConstraints({place.w, 0}, {place.w, place.h});
  else
    ImGui::SetNextWindowSize({place.w, place.h}, ImGuiCond_FirstUseEver);
  const bool shown = ImGui::Begin(title, open, flags);
  // Collapsed, only the title bar has to stay on the desk; its full size comes back on opening.
  const ImVec2 pos = ImGui::GetWindowPos(), size = ImGui::GetWindowSize();
  const ScreenRect now{pos.x, pos.y, size.x, size.y};
  const ScreenRect kept =
      keepOnDesk(followResize(now, state.previousDesk, state.desk.desk), state.desk.desk);
  if (kept.x != now.x || kept.y != now.y) ImGui::SetWindowPos({kept.x, kept.y});
  if (!ImGui::IsWindowCollapsed() && !(flags & ImGuiWindowFlags_AlwaysAutoResize) &&
      (kept.w != now.w || kept.h != now.h))
    ImGui::SetWindowSize({kept.w, kept.h});
  return shown;
}

}  // namespace idlib::panels
