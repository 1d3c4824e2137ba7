#include <imgui.h>
#include <imgui_stdlib.h>

#include "ui/layer_list.hpp"
#include "ui/map_view.hpp"
#include "ui/panels/panels.hpp"

namespace idlib::panels {

void search(AppState& state) {
  std::string& query = state.searchQuery;
  // Sized to its results: all of them show without scrolling.
  if (!beginPanel("Find a town", state.desk.find, state, nullptr,
                  ImGuiWindowFlags_AlwaysAutoResize)) {
    ImGui::End();
    return;
  }
  if (state.focusSearch) ImGui::SetKeyboardFocusHere();  // Ctrl+F
  state.focusSearch = false;
  ImGui::SetNextItemWidth(-1);
  const bool enter = ImGui::InputTextWithHint("##query", "Saraqib, Maarat al-Numan, Kafranbel…",
                                              &query, ImGuiInputTextFlags_EnterReturnsTrue);
  if (!query.empty()) {
    const TownSearch& towns = townSearchOf(state);
    const auto hits = towns.find(query, 8);
    for (std::size_t i = 0; i < hits.size(); ++i) {
      const SearchEntry& e = towns.entries()[hits[i].entry];
      const FeatureRef ref{state.townSearchLayer[hits[i].entry], e.payload};
      const std::string label = e.name == hits[i].matchedSpelling
                                    ? e.name
                                    : e.name + "  (" + hits[i].matchedSpelling + ")";
      if (ImGui::Selectable(label.c_str()) || (enter && i == 0)) {
        focusFeature(state, ref);
        query.clear();
        break;
      }
    }
    if (hits.empty()) ImGui::TextDisabled("No town matches '%s'", query.c_str());
  }
  ImGui::End();
}

}  // namespace idlib::panels
