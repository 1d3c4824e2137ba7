#include "ui/panels/layer_style_control.hpp"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <array>
#include <string>

#include "core/layer_style.hpp"
#include "ui/panels/panels.hpp"

namespace idlib::panels {
namespace {

const char* kindLabel(StyleKind kind) {
  switch (kind) {
    case StyleKind::Single:
      return "Single colour";
    case StyleKind::Categories:
      return "Categories by a field";
    case StyleKind::Graduated:
      return "Graduated by a number";
  }
  return "";
}

ImVec4 toImGui(Rgba c) {
  return {c.r / 255.f, c.g / 255.f, c.b / 255.f, 1};
}

// What the style asks of a field: which one, and for classes how many and how cut.
bool classSettings(const Layer& layer, Symbology& s) {
  bool changed = false;
  if (s.kind == StyleKind::Single) {
    Rgba c = s.colour.value_or(layer.style.outline);
    float rgb[3] = {c.r / 255.f, c.g / 255.f, c.b / 255.f};
    if (ImGui::ColorEdit3("Colour", rgb, ImGuiColorEditFlags_NoInputs)) {
      s.colour = Rgba{static_cast<std::uint8_t>(rgb[0] * 255 + 0.5f),
                      static_cast<std::uint8_t>(rgb[1] * 255 + 0.5f),
                      static_cast<std::uint8_t>(rgb[2] * 255 + 0.5f), 255};
      changed = true;
    }
    return changed;
  }
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 14);
  changed |= fieldCombo("Field", layer, s.field, nullptr);
  if (s.kind != StyleKind::Graduated) return changed;
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 14);
  changed |= ImGui::SliderInt("Classes", &s.classes, 2, 9);
  int method = s.method == ClassMethod::Quantiles ? 0 : 1;
  bool picked = ImGui::RadioButton("Quantiles", &method, 0);
  ImGui::SameLine();
  picked |= ImGui::RadioButton("Equal intervals", &method, 1);
  if (picked) {
    s.method = method == 0 ? ClassMethod::Quantiles : ClassMethod::EqualIntervals;
    changed = true;
  }
  return changed;
}

void legendPreview(const Layer& layer) {
  ImGui::Separator();
  for (const LegendEntry& e : layer.legend) {
    ImGui::ColorButton(("##" + e.label).c_str(), toImGui(e.colour),
                       ImGuiColorEditFlags_NoTooltip | ImGuiColorEditFlags_NoDragDrop);
    ImGui::SameLine();
    ImGui::TextUnformatted(e.label.c_str());
  }
}

void stylePopup(Layer& layer) {
  ImGui::TextUnformatted("Style");
  Symbology s = layer.symbology;
  bool changed = false;
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 14);
  if (ImGui::BeginCombo("Colours", kindLabel(s.kind))) {
    for (const StyleKind k : {StyleKind::Single, StyleKind::Categories, StyleKind::Graduated})
      if (ImGui::Selectable(kindLabel(k), k == s.kind)) {
        s.kind = k;
        changed = true;
      }
    ImGui::EndCombo();
  }
  changed |= classSettings(layer, s);
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 14);
  changed |= ImGui::SliderFloat("Fill opacity", &s.fillOpacity, 0.f, 1.f, "%.2f");
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 14);
  changed |= ImGui::SliderFloat("Outline width", &s.outlineWidthPx, 0.f, 8.f, "%.1f pt");
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 14);
  changed |= fieldCombo("Labels", layer, s.labelField, "(no labels)");
  // A categorised or graduated style waits for its field before it recolours anything.
  if (changed && (s.kind == StyleKind::Single || !s.field.empty()) &&
      symbologyProblem(layer, s).empty()) {
    layer.symbology = s;
    applySymbology(layer);
  }
  if (layer.symbology.kind != StyleKind::Single && layer.symbology.field.empty())
    ImGui::TextDisabled("Choose the field to colour by");
  legendPreview(layer);
}

// The licence: from the file's metadata, else asked for here once and kept with the layer.
void licenceField(AppState& state, Layer& layer) {
  ImGui::Separator();
  ImGui::TextUnformatted(layer.licence.empty()
                             ? "Licence unknown: who publishes this data, under which licence?"
                             : "Source and licence, for the attribution line");
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 20);
  if (ImGui::IsWindowAppearing() && layer.licence.empty()) ImGui::SetKeyboardFocusHere();
  const bool entered =
      ImGui::InputTextWithHint("##licence", "e.g. © Publisher, CC BY 4.0", &state.layerLicence,
                               ImGuiInputTextFlags_EnterReturnsTrue);
  ImGui::SameLine();
  const bool set = ImGui::Button("Set");
  if (entered || set) setLicence(layer, state.layerLicence);
  ImGui::TextDisabled("%s", layer.attribution.c_str());
}

}  // namespace

void drawLayerStyleControl(AppState& state, std::size_t index) {
  Layer& layer = state.layers[index].layer;
  if (layer.role != LayerRole::Generic) return;
  ImGui::SameLine();
  // Orange while the licence is unknown: the popup asks for it (the row has no room for more).
  const bool unknown = layer.licence.empty();
  if (unknown) ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.8f, 0.3f, 0.f, 1));
  if (ImGui::SmallButton("style")) {
    state.layerLicence = layer.licence;
    ImGui::OpenPopup("style");
  }
  if (unknown) ImGui::PopStyleColor();
  if (ImGui::IsItemHovered())
    ImGui::SetTooltip("Colours, opacity, outline, labels and licence\n%s",
                      layer.attribution.c_str());
  if (!ImGui::BeginPopup("style")) return;
  stylePopup(layer);
  licenceField(state, layer);
  ImGui::EndPopup();
}

}  // namespace idlib::panels
