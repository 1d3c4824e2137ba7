// File -> Export: a PNG of the current view at any size, a video (MP4 or GIF) of the story or a
// date range, or a poster of several dates; videos record in the background with a progress bar.
#include <imgui.h>
#include <imgui_stdlib.h>

#include <filesystem>

#include "core/date.hpp"
#include "core/text_safety.hpp"
#include "ui/export_job.hpp"
#include "ui/panels/panels.hpp"

namespace idlib::panels {

namespace {

void startExport(AppState& state, MapRenderer& renderer, ExportPanelState& panel) {
  const ExportSettings& s = panel.settings;
  if (s.kind == ExportSettings::Kind::Video) {
    auto started = VideoJob::start(state, s);
    if (auto* error = std::get_if<std::string>(&started))
      panel.message = *error;
    else
      panel.job = std::move(std::get<std::unique_ptr<VideoJob>>(started)), panel.message.clear();
  } else {
    const auto error = exportStill(state, renderer, s);
    panel.message = error ? *error : "Wrote " + s.path;
  }
}

}  // namespace

void exporter(AppState& state, MapRenderer& renderer, ExportPanelState& panel) {
  if (panel.job) {
    if (!panel.job->step(state, renderer, 0.03)) {  // ~2 frames of the UI's time each frame
      const auto& error = panel.job->error();
      state.notices.push_back({error ? Severity::Error : Severity::Info,
                               error ? *error : "exported " + panel.job->summary()});
      panel.message = error ? *error : "Exported " + panel.job->summary();
      panel.job.reset();
    }
  }
  if (!panel.open || state.presenting) return;  // a recording goes on; the audience sees no window
  // Sized to its options and its last message: nothing to scroll to.
  if (!beginPanel("Export", state.desk.exporter, state, &panel.open,
                  ImGuiWindowFlags_AlwaysAutoResize)) {
    ImGui::End();
    return;
  }
  ExportSettings& s = panel.settings;
  int kind = static_cast<int>(s.kind);
  ImGui::RadioButton("PNG of this view", &kind, 0);
  ImGui::SameLine();
  ImGui::RadioButton("Video", &kind, 1);
  ImGui::SameLine();
  ImGui::RadioButton("Poster", &kind, 2);
  if (kind != static_cast<int>(s.kind)) {
    s.kind = static_cast<ExportSettings::Kind>(kind);
    s.path = std::filesystem::path(s.path)
                 .replace_extension(s.kind == ExportSettings::Kind::Video ? ".mp4" : ".png")
                 .string();
  }
  ImGui::InputText("file", &s.path);
  ImGui::InputInt("width", &s.width, 0);
  ImGui::InputInt("height", &s.height, 0);
  s.width = std::clamp(s.width, 16, 8192);
  s.height = std::clamp(s.height, 16, 8192);
  if (s.from == 0) {
    s.from = std::floor(state.timelineFrom);
    s.to = std::floor(state.timelineTo);
    s.fromTyped = formatDate(static_cast<Day>(s.from));
    s.toTyped = formatDate(static_cast<Day>(s.to));
  }
  // The text lives across frames so that an edit survives until Enter or the box loses focus.
  auto dateField = [](const char* label, double& day, std::string& typed) {
    const bool enter = ImGui::InputText(label, &typed, ImGuiInputTextFlags_EnterReturnsTrue);
    if (const auto d = committedDate(typed, enter, ImGui::IsItemDeactivatedAfterEdit())) day = *d;
    if (!ImGui::IsItemActive()) typed = formatDate(static_cast<Day>(day));
  };
  if (s.kind == ExportSettings::Kind::Video) {
    ImGui::Checkbox(
        ("the story (" + std::to_string(state.story.cues.size()) + " cues), else the date range")
            .c_str(),
        &s.story);
    if (!s.story) {
      dateField("from", s.from, s.fromTyped);
      dateField("to", s.to, s.toTyped);
      ImGui::InputDouble("days per second", &s.daysPerSecond, 0, 0, "%.1f");
      s.daysPerSecond = std::clamp(s.daysPerSecond, 0.1, 365.0);
    }
    ImGui::InputInt("frames per second", &s.fps, 0);
    s.fps = std::clamp(s.fps, 1, 60);
    ImGui::TextDisabled(".mp4 for H.264, .gif for an animated GIF; needs the ffmpeg program");
  } else if (s.kind == ExportSettings::Kind::Poster) {
    dateField("from", s.from, s.fromTyped);
    dateField("to", s.to, s.toTyped);
    ImGui::InputInt("panels", &s.panels, 0);
    s.panels = std::clamp(s.panels, 1, 64);
  }
  if (panel.job) {
    ImGui::ProgressBar(panel.job->progress(), {-1, 0});
    if (ImGui::Button("Cancel")) panel.job.reset();
  } else if (ImGui::Button("Export")) {
    const ExportCheck check = checkExport(state, s);
    if (check.next == ExportCheck::Next::Refuse)
      panel.message = check.why;
    else if (check.next == ExportCheck::Next::AskToReplace)
      ImGui::OpenPopup("Replace the file?");
    else
      startExport(state, renderer, panel);
  }
  if (ImGui::BeginPopupModal("Replace the file?", nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
    ImGui::Text("%s already exists. Replace it?", displayable(s.path).c_str());
    if (ImGui::Button("Replace")) {
      startExport(state, renderer, panel);
      ImGui::CloseCurrentPopup();
    }
    ImGui::SameLine();
    if (ImGui::Button("Cancel")) ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
  }
  if (!panel.message.empty()) ImGui::TextWrapped("%s", displayable(panel.message).c_str());
  ImGui::End();
}

}  // namespace idlib::panels
