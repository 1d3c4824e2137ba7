#include <SDL_scancode.h>
#include <imgui.h>
#include <imgui_stdlib.h>

#include "ui/map_view.hpp"
#include "ui/panels/panels.hpp"

namespace idlib::panels {

void search(AppState& state) {
  std::string& query = state.searchQuery;
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  // Below the menu bar (on the first frame WorkPos does not know its height yet).
  ImGui::SetNextWindowPos({vp->Pos.x + 12, vp->Pos.y + 30}, ImGuiCond_FirstUseEver);
  ImGui::SetNextWindowSize({300, 0}, ImGuiCond_FirstUseEver);
  if (!ImGui::Begin("Find a town", nullptr, ImGuiWindowFlags_NoCollapse)) {
    ImGui::End();
    return;
  }
  if (ImGui::IsKeyPressed(SDL_SCANCODE_F, false) && ImGui::GetIO().KeyCtrl)
    ImGui::SetKeyboardFocusHere();
  ImGui::SetNextItemWidth(-1);
  const bool enter = ImGui::InputTextWithHint("##query", "Saraqib, Maarat al-Numan, Kafranbel…",
                                              &query, ImGuiInputTextFlags_EnterReturnsTrue);
  if (state.townSearch && !query.empty()) {
    const auto hits = state.townSearch->find(query, 8);
    for (std::size_t i = 0; i < hits.size(); ++i) {
      const SearchEntry& e = state.townSearch->entries()[hits[i].entry];
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
