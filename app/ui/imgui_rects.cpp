#include "ui/imgui_rects.hpp"

#include <imgui.h>
#include <imgui_internal.h>

namespace idlib {

std::vector<Box> imguiWindowRects() {
  std::vector<Box> out;
  const ImGuiContext* context = ImGui::GetCurrentContext();
  if (!context) return out;
  for (const ImGuiWindow* w : context->Windows) {
    // A child lies inside its parent; a hidden or closed window covers nothing.
    if (!w->Active || w->Hidden || (w->Flags & ImGuiWindowFlags_ChildWindow)) continue;
    out.push_back({{w->Pos.x, w->Pos.y}, {w->Pos.x + w->Size.x, w->Pos.y + w->Size.y}});
  }
  return out;
}

}  // namespace idlib
