#include <fmt/format.h>
#include <imgui.h>

#include <algorithm>
#include <string>
#include <utility>

#include "core/text_safety.hpp"
#include "ui/panels/panels.hpp"

namespace idlib::panels {

void notices(AppState& state) {
  if (!state.showNotices || state.notices.empty()) return;
  if (beginPanel("Data problems", state.desk.notices, state, &state.showNotices)) {
    for (const Notice& n : state.notices) {
      const ImVec4 colour = n.severity == Severity::Error     ? ImVec4(0.85f, 0.2f, 0.15f, 1)
                            : n.severity == Severity::Warning ? ImVec4(0.8f, 0.55f, 0.1f, 1)
                                                              : ImVec4(0.4f, 0.4f, 0.4f, 1);
      ImGui::TextColored(colour, n.severity == Severity::Error     ? "error"
                                 : n.severity == Severity::Warning ? "warning"
                                                                   : "note");
      ImGui::SameLine();
      ImGui::TextWrapped("%s", displayable(n.message).c_str());
    }
  }
  ImGui::End();
}

void menuBar(AppState& state, bool& quit, bool& exportOpen, FileBrowserState& browser,
             bool& postgisOpen, WorkspaceSaveState& saveWorkspace) {
  if (!ImGui::BeginMainMenuBar()) return;
  if (ImGui::BeginMenu("File")) {
    if (ImGui::MenuItem("Open workspace...")) {
      browser.adding = FileBrowserState::Adding::Workspace;
      browser.open = true;
      browser.message.clear();
    }
    if (ImGui::MenuItem("Save workspace...")) {
      saveWorkspace.open = true;
      saveWorkspace.message.clear();
    }
    ImGui::Separator();
    for (const auto adding : {FileBrowserState::Adding::Layer, FileBrowserState::Adding::Events})
      if (ImGui::MenuItem(adding == FileBrowserState::Adding::Layer ? "Add layer..."
                                                                    : "Add events...")) {
        browser.adding = adding;
        browser.open = true;
        browser.message.clear();
      }
    if (ImGui::MenuItem("Connect to PostGIS...")) postgisOpen = true;
    if (ImGui::MenuItem("Open article...")) {  // a news text: its candidate events
      browser.adding = FileBrowserState::Adding::Article;
      browser.onlyMapFiles = false;
      browser.listing.reset();
      browser.open = true;
      browser.message.clear();
    }
    ImGui::Separator();
    if (ImGui::MenuItem("Export PNG, video or poster...")) exportOpen = true;
    if (ImGui::MenuItem("Quit", "Ctrl+Q")) quit = true;
    ImGui::EndMenu();
  }
  if (ImGui::BeginMenu("View")) {
    if (ImGui::MenuItem("Home view", "H"))
      state.camera.flyTo(idlibHomeView(state.camera.viewport(), state.plane));
    if (ImGui::BeginMenu("Projection")) {
      // Automatic follows the view: local near Idlib, Web Mercator wider, Equal Earth for the
      // world. The map switches once the layers are read for the new plane.
      const std::string automatic = fmt::format("Automatic (now {})", planeLabel(state.plane));
      if (ImGui::MenuItem(automatic.c_str(), nullptr,
                          state.projectionChoice == ProjectionChoice::Automatic))
        state.projectionChoice = ProjectionChoice::Automatic;
      for (const auto& [choice, plane] :
           {std::pair{ProjectionChoice::Local, MapPlane::Local},
            std::pair{ProjectionChoice::WebMercator, MapPlane::WebMercator},
            std::pair{ProjectionChoice::EqualEarth, MapPlane::EqualEarth}})
        if (ImGui::MenuItem(std::string(planeLabel(plane)).c_str(), nullptr,
                            state.projectionChoice == choice))
          state.projectionChoice = choice;
      ImGui::EndMenu();
    }
    if (ImGui::BeginMenu("Compare", state.timelineLoaded)) {
      compareModeMenu(state);
      ImGui::EndMenu();
    }
    if (ImGui::MenuItem("Data problems", nullptr, state.showNotices, !state.notices.empty()))
      state.showNotices = !state.showNotices;
    ImGui::Separator();
    if (ImGui::MenuItem("Presenter mode", "F5")) state.presenting = true;
    ImGui::MenuItem("High contrast (projector)", nullptr, &state.highContrast);
    ImGui::SetNextItemWidth(8 * ImGui::GetFontSize());
    ImGui::SliderFloat("Map text size", &state.uiScale, 0.75f, 3.0f, "%.2fx");
    ImGui::EndMenu();
  }
  if (ImGui::BeginMenu("Help")) {
    if (ImGui::MenuItem("About and data sources")) state.showAbout = true;
    ImGui::EndMenu();
  }
  const auto problems = std::count_if(state.notices.begin(), state.notices.end(),
                                      [](const Notice& n) { return n.severity != Severity::Info; });
  if (!state.notices.empty()) {
    ImGui::SameLine(ImGui::GetWindowWidth() - 12.7f * ImGui::GetFontSize());
    const std::string label = problems ? std::to_string(problems) + " data problems" : "data notes";
    if (ImGui::SmallButton(label.c_str())) state.showNotices = !state.showNotices;
  }
  ImGui::EndMainMenuBar();
}

}  // namespace idlib::panels
