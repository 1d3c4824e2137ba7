#include <imgui.h>
#include <imgui_stdlib.h>

#include <optional>

#include "ui/layer_list.hpp"
#include "ui/panels/layer_style_control.hpp"
#include "ui/panels/layer_time_control.hpp"
#include "ui/panels/panels.hpp"
#include "ui/panels/source_checkboxes.hpp"

namespace idlib::panels {
namespace {

// What a row asks of the list, done after the rows are drawn (the list may not change under
// them).
struct LayerAction {
  enum class Kind { None, Move, Remove, Zoom } kind = Kind::None;
  std::size_t layer = 0, to = 0;
};

void renameRow(AppState& state, std::size_t i) {
  if (ImGui::IsWindowAppearing() || !ImGui::IsAnyItemActive()) ImGui::SetKeyboardFocusHere();
  ImGui::SetNextItemWidth(14 * ImGui::GetFontSize());
  if (ImGui::InputText("##name", &state.layerName, ImGuiInputTextFlags_EnterReturnsTrue)) {
    renameLayer(state, i, state.layerName);
    state.renamingLayer.reset();
  } else if (ImGui::IsItemDeactivated() ||
             ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape))) {
    state.renamingLayer.reset();  // clicked away or Escape: the name stays
  }
}

// Right-click on a layer: zoom, move, rename, remove.
void layerMenu(AppState& state, std::size_t i, LayerAction& action) {
  if (!ImGui::BeginPopupContextItem("##layerMenu")) return;
  if (ImGui::MenuItem("Zoom to layer", nullptr, false, !state.layers[i].layer.bounds.empty()))
    action = {LayerAction::Kind::Zoom, i};
  if (ImGui::MenuItem("Move up", nullptr, false, i + 1 < state.layers.size()))
    action = {LayerAction::Kind::Move, i, i + 1};
  if (ImGui::MenuItem("Move down", nullptr, false, i > 0))
    action = {LayerAction::Kind::Move, i, i - 1};
  if (ImGui::MenuItem("Rename...")) {
    state.renamingLayer = i;
    state.layerName = state.layers[i].layer.title;
  }
  if (ImGui::MenuItem("Remove", nullptr, false, canRemoveLayer(state, i)))
    action = {LayerAction::Kind::Remove, i};
  if (!canRemoveLayer(state, i) && ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled))
    ImGui::SetTooltip("The bundled layers can be hidden, not removed.");
  ImGui::EndPopup();
}

// Drag a row onto another to put it there.
void dragToReorder(std::size_t i, LayerAction& action) {
  if (ImGui::BeginDragDropSource()) {
    ImGui::SetDragDropPayload("idlib-layer", &i, sizeof i);
    ImGui::TextUnformatted("Move the layer here");
    ImGui::EndDragDropSource();
  }
  if (ImGui::BeginDragDropTarget()) {
    if (const ImGuiPayload* p = ImGui::AcceptDragDropPayload("idlib-layer"))
      action = {LayerAction::Kind::Move, *static_cast<const std::size_t*>(p->Data), i};
    ImGui::EndDragDropTarget();
  }
}

void layerRow(AppState& state, std::size_t i, float sliders, LayerAction& action) {
  LayerEntry& e = state.layers[i];
  if (state.renamingLayer == i) return renameRow(state, i);
  ImGui::Checkbox(e.layer.title.c_str(), &e.visible);
  if (ImGui::IsItemHovered())
    ImGui::SetTooltip(
        "%s\n%zu features\n%s\nDrag to reorder; right-click to zoom, rename or remove",
        e.layer.sourcePath.c_str(), e.layer.features.size(), e.layer.attribution.c_str());
  dragToReorder(i, action);
  layerMenu(state, i, action);
  drawLayerTimeControl(state, i);
  drawLayerStyleControl(state, i);
  ImGui::SameLine(sliders);
  ImGui::SetNextItemWidth(-1);
  ImGui::SliderFloat("##opacity", &e.opacity, 0.f, 1.f, "%.2f");
}

void apply(AppState& state, const LayerAction& action) {
  switch (action.kind) {
    case LayerAction::Kind::Move:
      moveLayer(state, action.layer, action.to);
      state.renamingLayer.reset();
      break;
    case LayerAction::Kind::Remove:
      removeLayer(state, action.layer);
      state.renamingLayer.reset();
      break;
    case LayerAction::Kind::Zoom:
      zoomToLayer(state, action.layer);
      break;
    case LayerAction::Kind::None:
      break;
  }
}

}  // namespace

bool fieldCombo(const char* label, const Layer& layer, std::string& field, const char* none) {
  bool changed = false;
  if (ImGui::BeginCombo(label, field.empty() ? (none ? none : "(choose)") : field.c_str())) {
    if (none && ImGui::Selectable(none, field.empty())) {
      field.clear();
      changed = true;
    }
    for (const std::string& f : layer.fields)
      if (ImGui::Selectable(f.c_str(), f == field)) {
        field = f;
        changed = true;
      }
    ImGui::EndCombo();
  }
  return changed;
}

void layers(AppState& state) {
  if (!beginPanel("Layers", state.desk.layers, state, nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
    ImGui::End();
    return;
  }
  const float sliders = ImGui::GetFontSize() * 15.3f;  // where the opacity sliders start
  if (state.timelineLoaded) {
    TimeLayerSettings& t = state.timeLayers;
    ImGui::Checkbox("Events", &t.events);
    ImGui::SameLine(sliders);
    ImGui::SetNextItemWidth(-1);
    ImGui::SliderFloat("##eventsOpacity", &t.eventsOpacity, 0.f, 1.f, "%.2f");
    if (state.eventList.sources.size() > 1) {
      // The events' sources, each switched on its own: the ring's colour beside its name.
      ImGui::Indent();
      sourceCheckboxes(state.eventList.sources, t.hiddenEventSources);
      ImGui::Unindent();
    }
    ImGui::Checkbox("Displacement flows", &t.flows);
    ImGui::Checkbox("People arrived (symbols)", &t.arrivals);
    ImGui::Checkbox("Turkish observation posts", &t.posts);
    ImGui::Checkbox("Front line", &t.front);
    ImGui::Checkbox("Areas of control", &t.areas);
    ImGui::SameLine(sliders);
    ImGui::SetNextItemWidth(-1);
    ImGui::SliderFloat("##areasOpacity", &t.areasOpacity, 0.f, 1.f, "%.2f");
    ImGui::Separator();
  }
  // Top of the drawing order first, as in every GIS; the map draws them in this order.
  LayerAction action;
  for (std::size_t i = state.layers.size(); i-- > 0;) {
    ImGui::PushID(static_cast<int>(i));
    layerRow(state, i, sliders, action);
    ImGui::PopID();
  }
  apply(state, action);
  ImGui::End();
}

}  // namespace idlib::panels
