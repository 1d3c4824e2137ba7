#include "ui/panels/column_mapping_panel.hpp"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <fmt/format.h>

#include <chrono>
#include <filesystem>

#include "core/column_mapping.hpp"
#include "core/text_safety.hpp"
#include "core/visual_text.hpp"
#include "geo/table_sample.hpp"
#include "ui/panels/panels.hpp"

namespace idlib::panels {
namespace {

// A file's text as the panel draws it: safe, and Arabic (a column named التاريخ) joined and read
// from the right.
std::string shown(std::string_view text) {
  return visualOrder(displayable(text));
}

constexpr std::size_t kPreviewRows = 12;
const ImVec4 kProblemColour{0.75f, 0.1f, 0.1f, 1};

bool ready(const std::future<std::variant<TableSample, std::string>>& f) {
  return f.valid() && f.wait_for(std::chrono::seconds(0)) == std::future_status::ready;
}

void addEvents(AppState& state, ColumnMappingDialogState& d, EventSource source) {
  state.protectedFiles.inputs.emplace_back(source.path);
  d.loader =
      std::make_unique<BackgroundLoader>(DroppedSources{.files = {},
                                                        .dataDir = state.dataDir,
                                                        .eventSources = state.eventSources,
                                                        .mappedEvents = {std::move(source)}});
  d.path.clear();
  d.sample.reset();
}

// Takes the next waiting table once the last one's events are read: reads its first rows in the
// background; a table in ACLED's columns is added at once, any other gets the guess to edit.
void readNext(AppState& state, ColumnMappingDialogState& d) {
  if (d.path.empty() && !d.waiting.empty() && (!d.loader || d.loader->done()) &&
      state.timelineLoaded) {
    d.path = d.waiting.front();
    d.waiting.pop_front();
    d.message.clear();
    d.reading = std::async(std::launch::async, readTableSample, d.path, kPreviewRows);
  }
  if (!ready(d.reading)) return;
  auto read = d.reading.get();
  if (auto* why = std::get_if<std::string>(&read)) {
    state.notices.push_back({Severity::Error, *why});
    state.showNotices = true;
    d.path.clear();
    return;
  }
  TableSample& sample = std::get<TableSample>(read);
  if (!missingColumnsMessage(d.path, Table::Events, sample.columns)) {
    addEvents(state, d, {d.path, "", {}});
    return;
  }
  ColumnGuess guess = guessColumns(sample);
  d.mapping = std::move(guess.mapping);
  d.reasons = std::move(guess.reasons);
  d.name = std::filesystem::path(d.path).stem().string();
  d.sample = std::move(sample);
}

// A combo of the table's columns, "(none)" first; true when the choice changed.
bool columnCombo(const char* label, std::string& column, const std::vector<std::string>& columns) {
  bool changed = false;
  const std::string current = column.empty() ? "(none)" : shown(column);
  if (ImGui::BeginCombo(label, current.c_str())) {
    if (ImGui::Selectable("(none)", column.empty())) {
      column.clear();
      changed = true;
    }
    for (std::size_t i = 0; i < columns.size(); ++i) {
      ImGui::PushID(static_cast<int>(i));
      if (ImGui::Selectable(shown(columns[i]).c_str(), column == columns[i])) {
        column = columns[i];
        changed = true;
      }
      ImGui::PopID();
    }
    ImGui::EndCombo();
  }
  return changed;
}

void dateFormatCombo(ColumnMapping& m) {
  const DateFormat current = dateFormatOf(m).value_or(DateFormat::Any);
  const std::string label =
      fmt::format("{} ({})", dateFormatName(current), dateFormatExample(current));
  if (!ImGui::BeginCombo("Date format", label.c_str())) return;
  for (const DateFormat f : kDateFormats) {
    const std::string item = fmt::format("{} ({})", dateFormatName(f), dateFormatExample(f));
    if (ImGui::Selectable(item.c_str(), f == current))
      m.dateFormat = f == DateFormat::Any ? "" : std::string(dateFormatName(f));
  }
  ImGui::EndCombo();
}

// Two columns of choices: the date and place (required) with the source's name, then the rest.
void mappingFields(ColumnMappingDialogState& d) {
  const TableSample& s = *d.sample;
  ColumnMapping& m = d.mapping;
  const float em = ImGui::GetFontSize();
  if (!ImGui::BeginTable("##fields", 2, ImGuiTableFlags_SizingStretchSame)) return;
  ImGui::TableNextColumn();
  ImGui::PushItemWidth(16 * em);
  columnCombo("Date", m.date, s.columns);
  dateFormatCombo(m);
  ImGui::BeginDisabled(!s.hasGeometry);
  ImGui::Checkbox("Place from the geometry", &m.useGeometry);
  ImGui::EndDisabled();
  if (m.useGeometry) {
    m.latitude.clear();
    m.longitude.clear();
  } else {
    columnCombo("Latitude", m.latitude, s.columns);
    columnCombo("Longitude", m.longitude, s.columns);
  }
  ImGui::InputTextWithHint("Name", "in the legend and the Events panel", &d.name);
  ImGui::PopItemWidth();
  ImGui::TableNextColumn();
  ImGui::PushItemWidth(16 * em);
  for (const EventField& f : eventFields())
    if (f.key != "date" && f.key != "lat" && f.key != "lon")
      columnCombo(std::string(f.label).c_str(), m.*(f.column), s.columns);
  ImGui::PopItemWidth();
  ImGui::EndTable();
}

// The first rows as the loader will read them: date, place and type, or the row's problem.
void preview(const ColumnMappingDialogState& d) {
  const auto rows = previewRows(*d.sample, d.mapping);
  std::size_t loading = 0;
  for (const PreviewRow& r : rows)
    loading += r.problem.empty() ? 1 : 0;
  ImGui::Text("Preview: %zu of the first %zu rows load", loading, rows.size());
  const float em = ImGui::GetFontSize();
  if (!ImGui::BeginTable("##preview", 6,
                         ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV |
                             ImGuiTableFlags_ScrollY | ImGuiTableFlags_SizingFixedFit,
                         {56 * em, std::min<float>(rows.size() + 1.5f, 6) * 1.5f * em}))
    return;
  for (const char* heading : {"Row", "Date", "Latitude", "Longitude", "Type", "Problem"})
    ImGui::TableSetupColumn(heading, std::string_view(heading) == "Problem"
                                         ? ImGuiTableColumnFlags_WidthStretch
                                         : ImGuiTableColumnFlags_WidthFixed);
  ImGui::TableSetupScrollFreeze(0, 1);
  ImGui::TableHeadersRow();
  for (const PreviewRow& r : rows) {
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    // The file is in the title: its line or feature is enough here.
    const std::string where =
        r.where.starts_with(d.path + " ") ? r.where.substr(d.path.size() + 1) : r.where;
    ImGui::TextUnformatted(shown(where).c_str());
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(r.date ? formatDate(*r.date).c_str() : "-");
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(r.place ? fmt::format("{:.5f}", r.place->lat).c_str() : "-");
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(r.place ? fmt::format("{:.5f}", r.place->lon).c_str() : "-");
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(shown(r.type).c_str());
    ImGui::TableNextColumn();
    if (r.problem.empty()) continue;
    // One line each; the whole of it on hover.
    const std::string problem = shown(r.problem);
    ImGui::TextColored(kProblemColour, "%s",
                       problem.substr(0, problem.find("; row skipped")).c_str());
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", problem.c_str());
  }
  ImGui::EndTable();
}

}  // namespace

void columnMappingDialog(AppState& state, ColumnMappingDialogState& d) {
  readNext(state, d);
  if (!d.sample) return;
  const ScreenRect& desk = state.desk.desk;
  const ScreenRect place{desk.x + desk.w * 0.15f, desk.y + desk.h * 0.05f, desk.w * 0.7f,
                         desk.h * 0.85f};
  bool open = true;
  const std::string title = fmt::format("Read as events: {}###columnMapping",
                                        std::filesystem::path(d.path).filename().string());
  if (beginPanel(shown(title).c_str(), place, state, &open, ImGuiWindowFlags_AlwaysAutoResize)) {
    ImGui::TextDisabled("%zu columns. The guess, from their names and first rows:",
                        d.sample->columns.size());
    for (const std::string& reason : d.reasons) {
      ImGui::Bullet();
      ImGui::TextWrapped("%s", shown(reason).c_str());
    }
    ImGui::Separator();
    mappingFields(d);
    ImGui::Separator();
    preview(d);
    const auto problem = mappingProblem(std::filesystem::path(d.path).filename().string(),
                                        d.mapping, d.sample->columns, d.sample->hasGeometry);
    if (problem) {
      ImGui::PushStyleColor(ImGuiCol_Text, kProblemColour);
      ImGui::TextWrapped("%s", shown(*problem).c_str());
      ImGui::PopStyleColor();
    }
    ImGui::BeginDisabled(problem.has_value());
    if (ImGui::Button("Add events")) addEvents(state, d, {d.path, d.name, d.mapping});
    ImGui::EndDisabled();
    ImGui::SameLine();
    if (ImGui::Button("Cancel")) open = false;
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    ImGui::TextWrapped("On the command line: --event-file FILE --columns '%s'",
                       shown(columnMappingText(d.mapping)).c_str());
    ImGui::PopStyleColor();
  }
  ImGui::End();
  if (!open) {
    d.path.clear();
    d.sample.reset();
  }
}

}  // namespace idlib::panels
