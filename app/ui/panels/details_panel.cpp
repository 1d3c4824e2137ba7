#include <fmt/format.h>
#include <imgui.h>

#include <cmath>

#include "core/date.hpp"
#include "core/format.hpp"
#include "core/place_report.hpp"
#include "core/style.hpp"
#include "core/visual_text.hpp"
#include "ui/map_view.hpp"
#include "ui/panels/panels.hpp"

namespace idlib::panels {
namespace {

void heading(const char* text) {
  ImGui::Spacing();
  ImGui::Separator();
  ImGui::TextUnformatted(text);
}

void citationLine(const Provenance& p) {
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
  ImGui::TextWrapped("%s", citationFor(p.source).c_str());
  ImGui::PopStyleColor();
}

// What `--at` prints, for the place clicked: who held it then, the nearest locality's history,
// the posts and the recent events nearby, each with its source. An event's row selects it.
void describePlace(AppState& state, LonLat where) {
  const Timeline& t = state.timeline;
  const Day date = static_cast<Day>(std::floor(state.playback.date));
  const PlaceReport r = placeReport(t, state.controlAreas, where, state.projection.forward(where),
                                    date, state.playback.windowDays);
  ImGui::Text("%.4f°N, %.4f°E on %s", where.lat, where.lon, formatDateLong(date).c_str());
  if (r.controller) {
    const Rgba c = areaColor(*r.controller);
    ImGui::ColorButton("##side", ImVec4(c.r / 255.f, c.g / 255.f, c.b / 255.f, 1),
                       ImGuiColorEditFlags_NoTooltip);
    ImGui::SameLine();
    ImGui::TextWrapped("Held by: %s (areas as of %s)",
                       std::string(controllerLongName(*r.controller)).c_str(),
                       formatDateLong(*r.snapshotDate).c_str());
  } else {
    ImGui::TextWrapped("No area of control is mapped here on this date.");
  }
  if (const Locality* l = r.nearest) {
    heading("Nearest locality");
    ImGui::Text("%s, %.1f km away", l->name.c_str(), r.nearestKm);
    if (const ControlChange* now = l->changeAt(date)) {
      ImGui::TextWrapped("%s", describeControl(*now).c_str());
      citationLine(now->provenance);
    }
    if (ImGui::TreeNode("history", "Its history (%zu %s)", l->history.size(),
                        l->history.size() == 1 ? "entry" : "entries")) {
      for (const ControlChange& c : l->history) {
        ImGui::Text("%s  %s", formatDate(c.date).c_str(),
                    std::string(controllerName(c.controller)).c_str());
        ImGui::SameLine();
        citationLine(c.provenance);
      }
      ImGui::TreePop();
    }
  }
  heading("Observation posts within 25 km");
  if (r.posts.empty()) ImGui::TextDisabled("none");
  for (const auto [i, km] : r.posts) {
    const ObservationPost& post = t.posts[i];
    ImGui::Text("%s, %.1f km: %s", post.name.c_str(), km,
                std::string(postStatusName(post.statusAt(date))).c_str());
    citationLine(post.provenance);
  }
  heading("Events nearby");
  ImGui::TextDisabled("the %g days up to this date, within 25 km", state.playback.windowDays);
  if (r.events.empty()) ImGui::TextDisabled("none");
  for (const auto [i, km] : r.events) {
    const Event e = t.events[i].toEvent();
    ImGui::PushID(static_cast<int>(i));
    if (ImGui::Selectable(fmt::format("{}  {}, {:.1f} km", formatDate(e.date), e.type, km).c_str()))
      state.selectedMark = {DatedPick::Kind::Event, i};
    ImGui::PopID();
    citationLine(e.provenance);
  }
}

void describeFeature(AppState& state, const Feature& f) {
  const Layer& layer = state.layers[state.selected->layer].layer;
  ImGui::TextUnformatted(visualOrder(f.name).c_str());
  ImGui::TextDisabled("%s — feature %lld", layer.title.c_str(), static_cast<long long>(f.fid));
  ImGui::Text("%.5f°N, %.5f°E", f.anchorLonLat.lat, f.anchorLonLat.lon);
  if (f.area > 0) ImGui::Text("Area %.0f km²", f.area / 1e6);
  if (ImGui::Button("Fly to")) focusFeature(state, *state.selected);
  ImGui::Separator();
  if (ImGui::BeginTable("attributes", 2,
                        ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp)) {
    for (const auto& [key, value] : f.attributes) {
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      ImGui::TextDisabled("%s", key.c_str());
      ImGui::TableNextColumn();
      ImGui::TextWrapped("%s", visualOrder(value).c_str());
    }
    ImGui::EndTable();
  }
  ImGui::Separator();
  ImGui::TextDisabled("Source");
  ImGui::TextWrapped("%s", layer.sourcePath.c_str());
  if (!layer.attribution.empty()) ImGui::TextWrapped("%s", layer.attribution.c_str());
}

}  // namespace

void details(AppState& state) {
  if (state.selectedMark.kind != DatedPick::Kind::None) {
    bool open = true;
    if (beginPanel("Details", state.desk.details, state, &open))
      describeDatedMark(state, state.selectedMark, true);
    ImGui::End();
    if (!open) state.selectedMark = {};
    return;
  }
  const Feature* f = state.selected ? state.feature(*state.selected) : nullptr;
  if (!f && !state.selectedPlace) return;
  bool open = true;
  if (beginPanel("Details", state.desk.details, state, &open)) {
    if (state.selectedPlace) describePlace(state, *state.selectedPlace);
    // The feature under the click (a governorate, a user's polygon) follows, folded.
    if (f && (!state.selectedPlace || ImGui::CollapsingHeader(visualOrder(f->name).c_str())))
      describeFeature(state, *f);
  }
  ImGui::End();
  if (!open) {
    state.selected.reset();
    state.selectedPlace.reset();
  }
}

}  // namespace idlib::panels
