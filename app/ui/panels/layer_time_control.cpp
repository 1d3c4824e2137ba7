#include "ui/panels/layer_time_control.hpp"

#include <fmt/format.h>
#include <imgui.h>

#include <array>
#include <string>

#include "core/temporal.hpp"
#include "ui/panels/panels.hpp"

namespace idlib::panels {
namespace {

constexpr std::array kModes = {TimeMode::Off, TimeMode::Period, TimeMode::Accumulate,
                               TimeMode::Window};

const char* modeLabel(TimeMode mode) {
  switch (mode) {
    case TimeMode::Off:
      return "Always shown";
    case TimeMode::Period:
      return "Shown from start until end";
    case TimeMode::Accumulate:
      return "Shown from start on";
    case TimeMode::Window:
      return "Shown while start is in the time window";
  }
  return "";
}

void apply(AppState& state, Layer& layer, TemporalSetting setting) {
  for (const DateProblem& p : applyTemporalSetting(layer, std::move(setting))) {
    state.notices.push_back(
        {Severity::Warning, fmt::format("{}: {}", layer.sourcePath, describe(layer, p))});
    state.showNotices = true;
  }
}

}  // namespace

void drawLayerTimeControl(AppState& state, std::size_t index) {
  Layer& layer = state.layers[index].layer;
  if (layer.fields.empty() || layer.role != LayerRole::Generic) return;
  ImGui::SameLine();
  const bool moving = layer.time.mode != TimeMode::Off;
  if (moving)
    ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetStyleColorVec4(ImGuiCol_ButtonActive));
  if (ImGui::SmallButton("time")) ImGui::OpenPopup("time");
  if (moving) ImGui::PopStyleColor();
  if (ImGui::IsItemHovered())
    ImGui::SetTooltip(moving ? "Moves with the timeline: %s from '%s'" : "Always shown%s%s",
                      moving ? std::string(timeModeName(layer.time.mode)).c_str() : "",
                      moving ? layer.time.startField.c_str() : "");
  if (!ImGui::BeginPopup("time")) return;
  ImGui::TextUnformatted("Move with the timeline");
  TemporalSetting setting = layer.time;
  bool changed = false;
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 18);
  if (ImGui::BeginCombo("Mode", modeLabel(setting.mode))) {
    for (const TimeMode m : kModes)
      if (ImGui::Selectable(modeLabel(m), m == setting.mode)) {
        // Turning it on without fields starts from what the field names suggest.
        if (setting.startField.empty()) setting = detectDateFields(layer.fields);
        setting.mode = m;
        changed = true;
      }
    ImGui::EndCombo();
  }
  if (setting.mode != TimeMode::Off) {
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 18);
    changed |= fieldCombo("Start field", layer, setting.startField, nullptr);
    if (setting.mode == TimeMode::Period) {
      ImGui::SetNextItemWidth(ImGui::GetFontSize() * 18);
      changed |= fieldCombo("End field", layer, setting.endField, "(none: open-ended)");
    }
  }
  if (changed) apply(state, layer, std::move(setting));
  if (const std::size_t undated = undatedFeatures(layer); undated > 0)
    ImGui::TextDisabled("%zu of %zu features have no start date and are not shown", undated,
                        layer.features.size());
  if (layer.time.mode == TimeMode::Window)
    ImGui::TextDisabled("Time window: %g days (the timeline's)", state.playback.windowDays);
  ImGui::EndPopup();
}

}  // namespace idlib::panels
