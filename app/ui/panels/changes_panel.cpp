// Changes between the compared dates A and B: how much land and how many people each side gained
// or lost, inside Idlib governorate and over all the mapped land, and the localities that changed
// hands, each with the date, source and confidence of its record. A row flies to its locality.
#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <string>

#include "core/date.hpp"
#include "core/format.hpp"
#include "core/style.hpp"
#include "ui/panels/panels.hpp"

namespace idlib::panels {
namespace {

// "+1,234" / "-56" / "0": a change as a reader scans it.
std::string signedFigure(double value) {
  const long long rounded = std::llround(value);
  return rounded > 0 ? "+" + withThousands(rounded) : withThousands(rounded);
}

std::string sideName(std::size_t slot) {
  return slot == kUnrecordedSlot ? "not recorded"
                                 : std::string(controllerName(static_cast<Controller>(slot)));
}

void sideSwatch(std::size_t slot, Palette palette) {
  const Rgba c = slot == kUnrecordedSlot ? Rgba{225, 225, 225, 255}
                                         : areaColor(static_cast<Controller>(slot), 1, palette);
  ImGui::ColorButton("##side", ImVec4(c.r / 255.f, c.g / 255.f, c.b / 255.f, 1),
                     ImGuiColorEditFlags_NoTooltip | ImGuiColorEditFlags_NoBorder,
                     {ImGui::GetFontSize() * 0.8f, ImGui::GetFontSize() * 0.8f});
  ImGui::SameLine();
}

// One region's sides at B and their change since A; sides that held nothing at either date are
// left out.
void totalsTable(const char* id, const SideTotals& atA, const SideTotals& atB, Palette palette) {
  constexpr ImGuiTableFlags kFlags =
      ImGuiTableFlags_SizingFixedFit | ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV;
  if (!ImGui::BeginTable(id, 5, kFlags)) return;
  ImGui::TableSetupColumn("side");
  ImGui::TableSetupColumn("km² at B");
  ImGui::TableSetupColumn("change");
  ImGui::TableSetupColumn("people at B");
  ImGui::TableSetupColumn("change##people");
  ImGui::TableHeadersRow();
  for (std::size_t slot = 0; slot < kSideSlots; ++slot) {
    if (atA.km2[slot] < 0.5 && atB.km2[slot] < 0.5) continue;
    ImGui::PushID(static_cast<int>(slot));
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    sideSwatch(slot, palette);
    ImGui::TextUnformatted(sideName(slot).c_str());
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(withThousands(std::llround(atB.km2[slot])).c_str());
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(signedFigure(atB.km2[slot] - atA.km2[slot]).c_str());
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(withThousands(std::llround(atB.people[slot])).c_str());
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(signedFigure(atB.people[slot] - atA.people[slot]).c_str());
    ImGui::PopID();
  }
  ImGui::EndTable();
}

void heading(const char* text) {
  ImGui::Spacing();
  ImGui::Separator();
  ImGui::TextUnformatted(text);
}

void flyToLocality(AppState& state, const Locality& locality) {
  View target = state.camera.view();
  target.centre = locality.position;
  target.metresPerPoint = std::min(target.metresPerPoint, metresPerPointAtZoom(11, state.plane));
  state.camera.flyTo(target);
}

// Each locality on its own line (a click flies there), its source and confidence wrapped below:
// the sources are long, and a reader checks them.
void changedHandsList(AppState& state, const std::vector<HandChange>& changes) {
  const float height =
      std::max(ImGui::GetContentRegionAvail().y, 6 * ImGui::GetFrameHeightWithSpacing());
  ImGui::BeginChild("##changedHands", {0, height}, true);
  for (std::size_t i = 0; i < changes.size(); ++i) {
    const HandChange& c = changes[i];
    const Locality& locality = state.timeline.localities[c.locality];
    ImGui::PushID(static_cast<int>(i));
    const std::string from = c.before ? std::string(controllerName(*c.before)) : "no record";
    std::string line = locality.name + ": " + from + " → " + std::string(controllerName(c.after));
    if (c.change) line += ", " + formatDateLong(c.change->date);
    if (ImGui::Selectable(line.c_str())) flyToLocality(state, locality);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Fly to %s", locality.name.c_str());
    if (c.change) {
      const Provenance& p = c.change->provenance;
      ImGui::Indent();
      ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
      ImGui::TextWrapped("%s; confidence: %s", citationFor(p.source).c_str(),
                         p.confidence.empty() ? "not given" : p.confidence.c_str());
      ImGui::PopStyleColor();
      ImGui::Unindent();
    }
    ImGui::PopID();
  }
  ImGui::EndChild();
}

}  // namespace

void changes(AppState& state, ChangesPanelState& panel) {
  const Comparison& cmp = state.comparison;
  const CompareMode entered = panel.shownFor;
  panel.shownFor = state.timelineLoaded ? cmp.mode : CompareMode::Off;
  if (panel.shownFor == CompareMode::Off) return;
  // Collapsed at first; opened whenever Change mode is entered.
  ImGui::SetNextWindowCollapsed(true, ImGuiCond_FirstUseEver);
  if (panel.shownFor == CompareMode::Change && entered != CompareMode::Change)
    ImGui::SetNextWindowCollapsed(false);
  // Over the legend, below the Story and Events panels (the Changes table has the sides'
  // colours); the map's centre, where the swipe divider is, stays clear.
  const float s = ImGui::GetFontSize() / 15;
  const DeskLayout& desk = state.desk;
  const float width = std::min(480 * s, desk.desk.w * 0.38f);
  const float top = desk.compact ? desk.desk.y + 60 * s : desk.events.bottom() + 8 * s;
  const ScreenRect place{desk.desk.right() - width, top, width, desk.desk.bottom() - top};
  if (!beginPanel("Changes", place, state)) {
    ImGui::End();
    return;
  }
  const Day a = cmp.before, b = static_cast<Day>(std::floor(state.playback.date));
  ImGui::Text("From A, %s, to B, %s", formatDateLong(a).c_str(), formatDateLong(b).c_str());
  if (a > b) ImGui::TextDisabled("(A is after B: the changes run backwards in time)");
  const Palette palette = state.highContrast ? Palette::Projector : Palette::Desk;
  const ControlStatsRow *rowA = statsAt(state.controlStats, a),
                        *rowB = statsAt(state.controlStats, b);
  const ControlStatsRow nothing{};  // before the first record: nothing held yet
  const ControlStatsRow& atA = rowA ? *rowA : nothing;
  const ControlStatsRow& atB = rowB ? *rowB : nothing;
  // One region at a time: the list of localities below keeps its room on a small window.
  if (ImGui::BeginTabBar("##region")) {
    if (ImGui::BeginTabItem("Inside Idlib governorate")) {
      totalsTable("##idlib", atA.idlib, atB.idlib, palette);
      ImGui::EndTabItem();
    }
    if (ImGui::BeginTabItem("All mapped land")) {
      totalsTable("##all", atA.all, atB.all, palette);
      ImGui::EndTabItem();
    }
    ImGui::EndTabBar();
  }
  ImGui::TextDisabled("Areas of the localities' cells; people from the towns' populations.");

  if (!panel.changes || panel.changesFrom != a || panel.changesTo != b) {
    panel.changes = changedHands(state.timeline, a, b);
    panel.changesFrom = a;
    panel.changesTo = b;
  }
  const std::string changedTitle =
      std::to_string(panel.changes->size()) + " localities changed hands";
  heading(changedTitle.c_str());
  changedHandsList(state, *panel.changes);
  ImGui::End();
}

}  // namespace idlib::panels
