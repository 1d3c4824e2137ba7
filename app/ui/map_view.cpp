#include "ui/map_view.hpp"

#include <fmt/format.h>
#include <SDL_scancode.h>
#include <imgui.h>

#include <cmath>

namespace idlib {
namespace {

std::string degrees(LonLat p) {
  return fmt::format("{:.4f}°{} {:.4f}°{}", std::abs(p.lat), p.lat >= 0 ? 'N' : 'S', std::abs(p.lon),
                     p.lon >= 0 ? 'E' : 'W');
}

std::string governorateOf(const Feature& f) {
  for (const char* field : {"governorate", "admin1_name", "admin"})
    if (const std::string* v = f.attribute(field)) return *v;
  return {};
}

}  // namespace

FrameDescription describeFrame(const AppState& state, const View& view, const Viewport& viewport,
                               float pixelRatio) {
  FrameDescription frame;
  frame.view = view;
  frame.viewport = viewport;
  frame.pixelRatio = pixelRatio;
  frame.attribution = state.attribution();
  for (std::size_t i = 0; i < state.layers.size(); ++i) {
    const LayerEntry& e = state.layers[i];
    if (!e.visible || e.opacity <= 0.f) continue;
    int highlight = -1;
    if (state.selected && state.selected->layer == i) highlight = static_cast<int>(state.selected->feature);
    else if (state.hovered && state.hovered->layer == i) highlight = static_cast<int>(state.hovered->feature);
    frame.layers.push_back({&e.layer, e.opacity, highlight});
    if (e.layer.role != LayerRole::Towns) continue;
    // Villages are labelled only when zoomed in far enough for them to matter.
    const double minimumPopulation = frame.view.metresPerPoint > 600 ? 20000
                                     : frame.view.metresPerPoint > 250 ? 5000 : 0;
    for (const std::uint32_t f : e.layer.pointFeatures) {
      const Feature& feature = e.layer.features[f];
      if (feature.rank < minimumPopulation) continue;
      const float size = feature.rank >= 40000 ? 15.f : feature.rank >= 10000 ? 13.f : 11.5f;
      frame.labels.push_back({feature.name, feature.anchor, feature.rank, size, feature.markerSizePx / 2});
    }
  }
  return frame;
}

void focusFeature(AppState& state, const FeatureRef& ref) {
  const Feature* f = state.feature(ref);
  if (!f) return;
  state.selected = ref;
  View target = state.camera.view();
  target.centre = f->anchor;
  if (f->bounds.width() > 0 || f->bounds.height() > 0) {
    target = fitting(f->bounds, state.camera.viewport(), 60);
  } else {
    target.metresPerPoint = std::min(target.metresPerPoint, metresPerPointAtZoom(11));
  }
  state.camera.flyTo(target);
}

void updateMapInteraction(AppState& state) {
  ImGuiIO& io = ImGui::GetIO();
  const Vec2 mouse{io.MousePos.x, io.MousePos.y};
  const bool mouseOnMap = !io.WantCaptureMouse && ImGui::IsMousePosValid();

  if (mouseOnMap) {
    if (ImGui::IsMouseDragging(ImGuiMouseButton_Left, 2.0f))
      state.camera.pan({io.MouseDelta.x, io.MouseDelta.y});
    if (io.MouseWheel != 0) state.camera.zoomSmoothly(mouse, std::pow(1.25, io.MouseWheel));
    state.hovered = pickFeature(state.visibleLayers(), state.camera.view(), state.camera.viewport(), mouse);
    if (ImGui::IsMouseReleased(ImGuiMouseButton_Left) && ImGui::GetMouseDragDelta(ImGuiMouseButton_Left, 2.0f).x == 0 &&
        ImGui::GetMouseDragDelta(ImGuiMouseButton_Left, 2.0f).y == 0)
      state.selected = state.hovered;
    if (ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left)) state.camera.zoomSmoothly(mouse, 2.0);
  } else {
    state.hovered.reset();
  }

  if (!io.WantCaptureKeyboard) {
    const Viewport& vp = state.camera.viewport();
    const Vec2 centre{vp.width / 2, vp.height / 2};
    const float step = 400.0f * io.DeltaTime;  // points per second of holding an arrow key
    if (ImGui::IsKeyDown(SDL_SCANCODE_LEFT) || ImGui::IsKeyDown(SDL_SCANCODE_A)) state.camera.pan({step, 0});
    if (ImGui::IsKeyDown(SDL_SCANCODE_RIGHT) || ImGui::IsKeyDown(SDL_SCANCODE_D)) state.camera.pan({-step, 0});
    if (ImGui::IsKeyDown(SDL_SCANCODE_UP) || ImGui::IsKeyDown(SDL_SCANCODE_W)) state.camera.pan({0, step});
    if (ImGui::IsKeyDown(SDL_SCANCODE_DOWN) || ImGui::IsKeyDown(SDL_SCANCODE_S)) state.camera.pan({0, -step});
    if (ImGui::IsKeyPressed(SDL_SCANCODE_EQUALS) || ImGui::IsKeyPressed(SDL_SCANCODE_KP_PLUS))
      state.camera.zoomSmoothly(centre, 2.0);
    if (ImGui::IsKeyPressed(SDL_SCANCODE_MINUS) || ImGui::IsKeyPressed(SDL_SCANCODE_KP_MINUS))
      state.camera.zoomSmoothly(centre, 0.5);
    if (ImGui::IsKeyPressed(SDL_SCANCODE_H) || ImGui::IsKeyPressed(SDL_SCANCODE_HOME))
      state.camera.flyTo(idlibHomeView(vp));
    if (ImGui::IsKeyPressed(SDL_SCANCODE_ESCAPE)) state.selected.reset();
  }

  if (state.hovered) {
    if (const Feature* f = state.feature(*state.hovered)) {
      ImGui::BeginTooltip();
      ImGui::TextUnformatted(f->name.c_str());
      if (const std::string gov = governorateOf(*f); !gov.empty()) ImGui::TextDisabled("%s", gov.c_str());
      const LonLat where = state.projection.inverseLonLat(
          screenToWorld(state.camera.view(), state.camera.viewport(), mouse));
      ImGui::TextDisabled("%s", degrees(where).c_str());
      ImGui::EndTooltip();
    }
  }
}

}  // namespace idlib
