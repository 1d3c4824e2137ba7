#include <imgui.h>

#include <cmath>

#include "ui/map_view.hpp"
#include "ui/panels/panels.hpp"

namespace idlib::panels {

void details(AppState& state) {
  if (state.selectedMark.kind != DatedPick::Kind::None) {
    bool open = true;
    if (beginPanel("Details", state.desk.details, state, &open))
      describeDatedMark(state, state.selectedMark, true);
    ImGui::End();
    if (!open) state.selectedMark = {};
    return;
  }
  if (!state.selected) return;
  const Feature* f = state.feature(*state.selected);
  if (!f) return;
  bool open = true;
  if (beginPanel("Details", state.desk.details, state, &open)) {
    const Layer& layer = state.layers[state.selected->layer].layer;
    ImGui::TextUnformatted(f->name.c_str());
    ImGui::TextDisabled("%s — feature %lld", layer.title.c_str(), static_cast<long long>(f->fid));
    ImGui::Text("%.5f°N, %.5f°E", f->anchorLonLat.lat, f->anchorLonLat.lon);
    if (f->area > 0) ImGui::Text("Area %.0f km²", f->area / 1e6);
    if (ImGui::Button("Fly to")) focusFeature(state, *state.selected);
    ImGui::Separator();
    if (ImGui::BeginTable("attributes", 2,
                          ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp)) {
      for (const auto& [key, value] : f->attributes) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::TextDisabled("%s", key.c_str());
        ImGui::TableNextColumn();
        ImGui::TextWrapped("%s", value.c_str());
      }
      ImGui::EndTable();
    }
    ImGui::Separator();
    ImGui::TextDisabled("Source");
    ImGui::TextWrapped("%s", layer.sourcePath.c_str());
    if (!layer.attribution.empty()) ImGui::TextWrapped("%s", layer.attribution.c_str());
  }
  ImGui::End();
  if (!open) state.selected.reset();
}

}  // namespace idlib::panels
