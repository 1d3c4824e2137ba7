#include <imgui.h>

#include "ui/panels/panels.hpp"

namespace idlib::panels {

void notices(AppState& state) {
  if (!state.showNotices || state.notices.empty()) return;
  ImGui::SetNextWindowSize({620, 220}, ImGuiCond_FirstUseEver);
  if (ImGui::Begin("Data problems", &state.showNotices)) {
    for (const Notice& n : state.notices) {
      const ImVec4 colour = n.severity == Severity::Error ? ImVec4(0.85f, 0.2f, 0.15f, 1)
                                                          : ImVec4(0.8f, 0.55f, 0.1f, 1);
      ImGui::TextColored(colour, n.severity == Severity::Error ? "error" : "warning");
      ImGui::SameLine();
      ImGui::TextWrapped("%s", n.message.c_str());
    }
  }
  ImGui::End();
}

void menuBar(AppState& state, bool& quit) {
  if (!ImGui::BeginMainMenuBar()) return;
  if (ImGui::BeginMenu("File")) {
    if (ImGui::MenuItem("Quit", "Ctrl+Q")) quit = true;
    ImGui::EndMenu();
  }
  if (ImGui::BeginMenu("View")) {
    if (ImGui::MenuItem("Home view", "H")) state.camera.flyTo(idlibHomeView(state.camera.viewport()));
    if (ImGui::MenuItem("Data problems", nullptr, state.showNotices, !state.notices.empty()))
      state.showNotices = !state.showNotices;
    ImGui::EndMenu();
  }
  if (ImGui::BeginMenu("Help")) {
    if (ImGui::MenuItem("About and data sources")) state.showAbout = true;
    ImGui::EndMenu();
  }
  if (!state.notices.empty()) {
    ImGui::SameLine(ImGui::GetWindowWidth() - 190);
    if (ImGui::SmallButton((std::to_string(state.notices.size()) + " data problems").c_str()))
      state.showNotices = !state.showNotices;
  }
  ImGui::EndMainMenuBar();
}

}  // namespace idlib::panels
