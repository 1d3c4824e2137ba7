#pragma once
// A checkbox per event source, beside a swatch of its markers' ring colour: the Layers panel's
// (which sources the map draws) and the Events panel's (which the list shows).
#include <imgui.h>

#include <string>
#include <vector>

#include "core/event_source_key.hpp"

namespace idlib::panels {

// Ticks mean shown; `hidden` grows to the sources' count when one is switched off.
inline void sourceCheckboxes(const std::vector<std::string>& names, HiddenSources& hidden) {
  const float side = ImGui::GetFrameHeight();
  for (std::size_t i = 0; i < names.size(); ++i) {
    ImGui::PushID(static_cast<int>(i));
    const Rgba c = eventSourceColor(i);
    ImGui::ColorButton("##ring", ImVec4(c.r / 255.f, c.g / 255.f, c.b / 255.f, 1),
                       ImGuiColorEditFlags_NoTooltip | ImGuiColorEditFlags_NoDragDrop,
                       ImVec2(side, side));
    ImGui::SameLine();
    bool shown = !isHidden(hidden, i);
    if (ImGui::Checkbox("##shown", &shown)) {
      if (hidden.size() < names.size()) hidden.resize(names.size(), false);
      hidden[i] = !shown;
    }
    ImGui::SameLine();
    ImGui::TextUnformatted(names[i].c_str());  // a file's name as it is: "##" is no ImGui id here
    ImGui::PopID();
  }
}

}  // namespace idlib::panels
