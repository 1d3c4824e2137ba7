#include <imgui.h>

#include "ui/panels/panels.hpp"

namespace idlib::panels {

void layers(AppState& state) {
  if (!beginPanel("Layers", state.desk.layers, state, nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
    ImGui::End();
    return;
  }
  const float sliders = ImGui::GetFontSize() * 15.3f;  // where the opacity sliders start
  if (state.timelineLoaded) {
    TimeLayerSettings& t = state.timeLayers;
    ImGui::Checkbox("Events", &t.events);
    ImGui::SameLine(sliders);
    ImGui::SetNextItemWidth(-1);
    ImGui::SliderFloat("##eventsOpacity", &t.eventsOpacity, 0.f, 1.f, "%.2f");
    ImGui::Checkbox("Displacement flows", &t.flows);
    ImGui::Checkbox("People arrived (symbols)", &t.arrivals);
    ImGui::Checkbox("Turkish observation posts", &t.posts);
    ImGui::Checkbox("Front line", &t.front);
    ImGui::Checkbox("Areas of control", &t.areas);
    ImGui::SameLine(sliders);
    ImGui::SetNextItemWidth(-1);
    ImGui::SliderFloat("##areasOpacity", &t.areasOpacity, 0.f, 1.f, "%.2f");
    ImGui::Separator();
  }
  // Top of the drawing order first, as in every GIS.
  for (std::size_t i = state.layers.size(); i-- > 0;) {
    LayerEntry& e = state.layers[i];
    ImGui::PushID(static_cast<int>(i));
    ImGui::Checkbox(e.layer.title.c_str(), &e.visible);
    if (ImGui::IsItemHovered())
      ImGui::SetTooltip("%s\n%zu features\n%s", e.layer.sourcePath.c_str(), e.layer.features.size(),
                        e.layer.attribution.c_str());
    ImGui::SameLine(sliders);
    ImGui::SetNextItemWidth(-1);
    ImGui::SliderFloat("##opacity", &e.opacity, 0.f, 1.f, "%.2f");
    ImGui::PopID();
  }
  ImGui::End();
}

}  // namespace idlib::panels
