// File > Save workspace...: what is open (layers, event tables, view, date, window, dated layers,
// panels, story) written to a workspace file the app opens again; see ui/workspace_state.
#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <filesystem>

#include "core/output_paths.hpp"
#include "core/text_safety.hpp"
#include "core/workspace.hpp"
#include "ui/panels/panels.hpp"
#include "ui/workspace_state.hpp"

namespace idlib::panels {
namespace fs = std::filesystem;
namespace {

std::string trimmed(const std::string& s) {
  const auto first = s.find_first_not_of(" \t\r\n");
  if (first == std::string::npos) return {};
  return s.substr(first, s.find_last_not_of(" \t\r\n") - first + 1);
}

void save(AppState& state, WorkspaceSaveState& dialog, bool exportOpen) {
  dialog.saved = false;
  const std::string typed = trimmed(dialog.path);
  if (typed.empty()) {
    dialog.message = "Type where the workspace goes.";
    return;
  }
  dialog.path = withWorkspaceEnding(typed);
  // The inputs may not be overwritten, but a workspace may be saved again over itself.
  ProtectedFiles guard = state.protectedFiles;
  std::erase_if(guard.inputs, [](const fs::path& p) { return hasWorkspaceEnding(p.string()); });
  if (const auto refusal = refuseOutput("workspace", dialog.path, {".json"}, guard)) {
    dialog.message = escapeControlCharacters(*refusal);
    return;
  }
  if (const auto error = saveWorkspace(state, dialog.path, exportOpen)) {
    dialog.message = escapeControlCharacters(*error);
    return;
  }
  std::error_code ec;
  state.workspacePath = fs::absolute(dialog.path, ec).string();
  dialog.message = "Saved " + escapeControlCharacters(dialog.path);
  dialog.saved = true;
}

}  // namespace

void saveWorkspaceDialog(AppState& state, WorkspaceSaveState& dialog, bool exportOpen) {
  if (!dialog.open) return;
  if (dialog.path.empty()) dialog.path = suggestedWorkspacePath(state);
  const ScreenRect& d = state.desk.desk;
  const ScreenRect place{d.x + d.w * 0.25f, d.y + d.h * 0.3f, d.w * 0.5f, d.h * 0.3f};
  if (beginPanel("Save workspace###saveWorkspace", place, state, &dialog.open,
                 ImGuiWindowFlags_AlwaysAutoResize)) {
    const float em = ImGui::GetFontSize();
    ImGui::PushTextWrapPos(36 * em);
    ImGui::TextDisabled(
        "The layers and their settings, the event tables, the view, the date, the window, the "
        "panels and the story. Files beside the workspace are named relative to it; "
        "connections are saved without their password.");
    ImGui::PopTextWrapPos();
    ImGui::SetNextItemWidth(30 * em);
    const bool entered =
        ImGui::InputText("##workspacePath", &dialog.path, ImGuiInputTextFlags_EnterReturnsTrue);
    ImGui::SameLine();
    if (ImGui::Button("Save") || entered) save(state, dialog, exportOpen);
    ImGui::SameLine();
    if (ImGui::Button("Close")) dialog.open = false;
    if (!dialog.message.empty()) {
      ImGui::PushTextWrapPos(36 * em);
      ImGui::PushStyleColor(ImGuiCol_Text, dialog.saved ? ImVec4{0.1f, 0.45f, 0.15f, 1}
                                                        : ImVec4{0.75f, 0.1f, 0.1f, 1});
      ImGui::TextUnformatted(dialog.message.c_str());
      ImGui::PopStyleColor();
      ImGui::PopTextWrapPos();
    }
  }
  ImGui::End();
}

}  // namespace idlib::panels
