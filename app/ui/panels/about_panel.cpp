#include <imgui.h>

#include <set>

#include "ui/panels/panels.hpp"

namespace idlib::panels {

void about(AppState& state) {
  if (!state.showAbout) return;
  if (beginPanel("About Idlib Atlas", state.desk.notices, state, &state.showAbout,
                 ImGuiWindowFlags_AlwaysAutoResize)) {
    ImGui::TextWrapped("Idlib Atlas — the war in Idlib, north-west Syria, 2017–2020, on a map.");
    ImGui::Separator();
    ImGui::TextUnformatted("Data sources and licences");
    std::set<std::string> seen;
    for (const auto& e : state.layers)
      if (!e.layer.attribution.empty() && seen.insert(e.layer.attribution).second)
        ImGui::BulletText("%s", e.layer.attribution.c_str());
    ImGui::BulletText(
        "Events, posts, control changes and displacement: compiled for this project, a source on "
        "every row (geodata/SOURCES-time.md and SOURCES-displacement.md)");
    ImGui::BulletText(
        "Some village positions: O. Pedersen, ANE Site Placemarks for Google Earth v10, Zenodo "
        "doi:10.5281/zenodo.6384045 (CC BY 4.0)");
    ImGui::Separator();
    ImGui::TextWrapped(
        "Built with SDL2, Dear ImGui, GDAL/OGR, PROJ, GEOS, ICU, fontconfig and "
        "stb_truetype. Map projection (View > Projection): a transverse Mercator centred on "
        "36.7°E 35.9°N (WGS 84) for regional views, Web Mercator (EPSG:3857) for wider ones "
        "and Equal Earth (EPSG:8857) for the world.");
  }
  ImGui::End();
}

}  // namespace idlib::panels
