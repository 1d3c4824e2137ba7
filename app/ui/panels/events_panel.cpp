// The event list: every event by date, filtered by type, dates, place, source and free text, and
// saved as it is filtered. Selecting one sets the date, flies the map there and shows its details
// and source.
#include <fmt/format.h>
#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <vector>

#include "core/date.hpp"
#include "core/format.hpp"
#include "core/visual_text.hpp"
#include "ui/event_export.hpp"
#include "ui/panels/panels.hpp"
#include "ui/panels/source_checkboxes.hpp"

namespace idlib::panels {
namespace {

// The rows passing the filter; recomputed only when the filter changes (not every frame).
const std::vector<std::size_t>& rows(AppState& state) {
  EventList& list = state.eventList;
  if (list.rowsFor != list.filter) {
    list.rows = filteredEvents(state.timeline.events, list.filter);
    list.rowsFor = list.filter;
  }
  return list.rows;
}

// "all sources", the one source shown, or "2 of 3 sources".
std::string sourcesPreview(const std::vector<std::string>& sources, const HiddenSources& hidden) {
  std::size_t shown = 0, last = 0;
  for (std::size_t i = 0; i < sources.size(); ++i)
    if (!isHidden(hidden, i)) ++shown, last = i;
  if (shown == sources.size()) return "all sources";
  if (shown == 1) return sources[last];
  return fmt::format("{} of {} sources", shown, sources.size());
}

// The list as it is filtered, saved as CSV or GeoJSON (as --events writes them), with what
// happened said under it.
void saveRow(AppState& state, const std::vector<std::size_t>& shown) {
  EventList& list = state.eventList;
  ImGui::SetNextItemWidth(-6 * ImGui::GetFontSize());
  ImGui::InputTextWithHint("##savePath", "save as /path/file.csv or .geojson", &list.savePath);
  ImGui::SameLine();
  if (ImGui::Button("Save list")) {
    std::vector<EventRef> events;
    for (std::size_t i : shown)
      events.push_back(state.timeline.events[i]);
    const EventsSaved saved = saveEvents(events, list.savePath, state.protectedFiles);
    list.saved = saved.message;
    list.savedOk = saved.ok;
  }
  if (list.saved.empty()) return;
  ImGui::PushStyleColor(ImGuiCol_Text,
                        list.savedOk ? ImVec4(0.1f, 0.45f, 0.1f, 1) : ImVec4(0.75f, 0.1f, 0.1f, 1));
  ImGui::TextWrapped("%s", list.saved.c_str());
  ImGui::PopStyleColor();
}

}  // namespace

void events(AppState& state) {
  if (!state.timelineLoaded) return;
  ImGui::SetNextWindowCollapsed(state.desk.compact, ImGuiCond_FirstUseEver);
  if (!beginPanel("Events", state.desk.events, state)) {
    ImGui::End();
    return;
  }
  EventFilter& f = state.eventList.filter;
  const float em = ImGui::GetFontSize();
  ImGui::SetNextItemWidth(10 * em);
  if (ImGui::BeginCombo("##type", f.type.empty() ? "all types" : f.type.c_str())) {
    if (ImGui::Selectable("all types", f.type.empty())) f.type.clear();
    for (const auto& t : state.eventList.types)
      if (ImGui::Selectable(t.c_str(), f.type == t)) f.type = t;
    ImGui::EndCombo();
  }
  const std::vector<std::string>& sources = state.eventList.sources;
  const bool severalSources = sources.size() > 1;
  if (severalSources) {
    ImGui::SameLine();
    ImGui::SetNextItemWidth(10 * em);
    const std::string preview = sourcesPreview(sources, f.hiddenSources);
    if (ImGui::BeginCombo("##sources", preview.c_str())) {
      sourceCheckboxes(sources, f.hiddenSources);
      ImGui::EndCombo();
    }
  }
  ImGui::SameLine();
  ImGui::SetNextItemWidth(-1);
  ImGui::InputTextWithHint("##text", "search the summaries", &f.text);
  ImGui::SetNextItemWidth(10 * em);
  ImGui::InputTextWithHint("##place", "place", &f.place);
  ImGui::SameLine();
  ImGui::SetNextItemWidth(-1);
  ImGui::InputTextWithHint("##source", "source (e.g. 004, OCHA)", &f.source);

  ImGui::SetNextItemWidth(7 * em);
  ImGui::InputTextWithHint("##from", "from date", &f.from);
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("YYYY-MM-DD, or 9 Feb 2020");
  ImGui::SameLine();
  ImGui::SetNextItemWidth(7 * em);
  ImGui::InputTextWithHint("##to", "to date", &f.to);
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("YYYY-MM-DD, or 9 Feb 2020");
  ImGui::SameLine();
  const std::vector<std::size_t>& shown = rows(state);
  const std::string summary = eventListSummary(shown.size(), state.timeline.events.size());
  ImGui::TextDisabled("%s", summary.c_str());
  saveRow(state, shown);

  if (ImGui::BeginTable(
          "events", severalSources ? 4 : 3,
          ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY | ImGuiTableFlags_BordersInnerV)) {
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn("date", ImGuiTableColumnFlags_WidthFixed, 5.4f * em);
    ImGui::TableSetupColumn("place", ImGuiTableColumnFlags_WidthFixed, 7.3f * em);
    ImGui::TableSetupColumn("what");
    if (severalSources) ImGui::TableSetupColumn("source", ImGuiTableColumnFlags_WidthStretch, 0.6f);
    ImGui::TableHeadersRow();
    const Day today = static_cast<Day>(std::floor(state.playback.date));
    ImGuiListClipper clipper;  // only the rows on screen are laid out
    clipper.Begin(static_cast<int>(shown.size()));
    while (clipper.Step())
      for (int row = clipper.DisplayStart; row < clipper.DisplayEnd; ++row) {
        const std::size_t i = shown[static_cast<std::size_t>(row)];
        const Event e = state.timeline.events[i].toEvent();  // only the rows on screen
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        const bool selected = state.selectedMark == DatedPick{DatedPick::Kind::Event, i};
        ImGui::PushID(static_cast<int>(i));
        if (e.date <= today && e.date > today - state.playback.windowDays)
          ImGui::TableSetBgColor(ImGuiTableBgTarget_RowBg1, IM_COL32(255, 236, 200, 255));
        if (ImGui::Selectable(formatDate(e.date).c_str(), selected,
                              ImGuiSelectableFlags_SpanAllColumns)) {
          state.selectedMark = {DatedPick::Kind::Event, i};
          state.playback.playing = false;
          state.playback.jumpTo(e.date, state.timeline);
          View target = state.camera.view();
          target.centre = e.position;
          state.camera.flyTo(target);
        }
        ImGui::PopID();
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(visualOrder(e.location).c_str());
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(visualOrder(e.type).c_str());
        if (severalSources && ImGui::TableNextColumn() && e.sourceIndex < sources.size()) {
          const Rgba c = eventSourceColor(e.sourceIndex);
          ImGui::TextColored(ImVec4(c.r / 255.f, c.g / 255.f, c.b / 255.f, 1), "%s",
                             sources[e.sourceIndex].c_str());
        }
      }
    ImGui::EndTable();
  }
  ImGui::End();
}

}  // namespace idlib::panels
