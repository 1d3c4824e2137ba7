// File → Connect to PostGIS…: host, port, database, user and a password that is never shown,
// logged or saved; the database's tables listed in the background (geometry type and rows); the
// chosen ones added as layers or as events through the background loader, problems in Data
// problems.
#include <imgui.h>
#include <imgui_stdlib.h>

#include <fmt/format.h>
#include <chrono>

#include "core/text_safety.hpp"
#include "ui/panels/panels.hpp"

namespace idlib::panels {
namespace {

bool ready(const std::future<TableListing>& f) {
  return f.valid() && f.wait_for(std::chrono::seconds(0)) == std::future_status::ready;
}

void loginFields(PostgisDialogState& d) {
  ImGui::InputTextWithHint("Host", "db.example.org or /var/run/postgresql", &d.login.host);
  ImGui::InputTextWithHint("Port", "5432", &d.login.port, ImGuiInputTextFlags_CharsDecimal);
  ImGui::InputText("Database", &d.login.database);
  ImGui::InputText("User", &d.login.user);
  ImGui::InputTextWithHint("Password", "empty: PGPASSWORD or ~/.pgpass", &d.login.password,
                           ImGuiInputTextFlags_Password);
}

void tableList(PostgisDialogState& d) {
  if (!d.tables) return;
  if (!d.tables->error.empty()) {
    ImGui::PushStyleColor(ImGuiCol_Text, ImVec4{0.8f, 0.1f, 0.1f, 1});
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + 30 * ImGui::GetFontSize());
    ImGui::TextWrapped("%s", displayable(d.tables->error).c_str());
    ImGui::PopTextWrapPos();
    ImGui::PopStyleColor();
    return;
  }
  if (d.tables->tables.empty()) ImGui::TextUnformatted("The database has no tables.");
  const float em = ImGui::GetFontSize();
  if (!ImGui::BeginTable(
          "##tables", 3,
          ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY | ImGuiTableFlags_BordersInnerV,
          {36 * em, std::min(14.f, 1.5f + d.tables->tables.size()) * 1.6f * em}))
    return;
  ImGui::TableSetupColumn("Table");
  ImGui::TableSetupColumn("Geometry");
  ImGui::TableSetupColumn("Rows");
  ImGui::TableHeadersRow();
  for (std::size_t i = 0; i < d.tables->tables.size(); ++i) {
    const TableInfo& t = d.tables->tables[i];
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    bool on = d.picked[i];
    ImGui::PushID(static_cast<int>(i));
    if (ImGui::Checkbox(displayable(t.name).c_str(), &on)) d.picked[i] = on;
    ImGui::PopID();
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(t.geometryType.c_str());
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(t.features < 0 ? "?" : fmt::format("{}", t.features).c_str());
  }
  ImGui::EndTable();
}

// The chosen tables, each its own source, so one that fails loses nothing of the others.
std::vector<std::string> chosenSources(const PostgisDialogState& d) {
  std::vector<std::string> sources;
  for (std::size_t i = 0; i < d.picked.size(); ++i)
    if (d.picked[i]) sources.push_back(postgisConnection(d.login, {d.tables->tables[i].name}));
  return sources;
}

void addButtons(AppState& state, PostgisDialogState& d) {
  const std::vector<std::string> sources = d.tables ? chosenSources(d) : std::vector<std::string>{};
  const bool busy = d.loader && !d.loader->done();
  ImGui::BeginDisabled(sources.empty() || busy);
  if (ImGui::Button("Add as layer")) {
    std::vector<LoadRequest> requests;
    for (const std::string& s : sources)
      requests.push_back({.path = s});
    d.loader = std::make_unique<BackgroundLoader>(std::move(requests), std::nullopt);
    d.message = fmt::format("adding {} table(s) as layers", sources.size());
  }
  ImGui::SameLine();
  // Events are read with the bundled ones, so they wait for those.
  ImGui::BeginDisabled(!state.timelineLoaded);
  if (ImGui::Button("Add as events")) {
    d.loader = std::make_unique<BackgroundLoader>(
        DroppedSources{sources, state.dataDir, state.eventSources});
    d.message = fmt::format(
        "adding {} table(s) as events (tables without event_date, latitude "
        "and longitude load as layers)",
        sources.size());
  }
  ImGui::EndDisabled();
  ImGui::EndDisabled();
}

}  // namespace

void postgisDialog(AppState& state, PostgisDialogState& d) {
  if (ready(d.listing)) {
    d.tables = d.listing.get();
    d.picked.assign(d.tables->tables.size(), 0);
  }
  if (!d.open) return;
  if (!beginPanel("Connect to PostGIS", state.desk.exporter, state, &d.open,
                  ImGuiWindowFlags_AlwaysAutoResize)) {
    ImGui::End();
    return;
  }
  loginFields(d);
  const bool listing = d.listing.valid();
  ImGui::BeginDisabled(listing || d.login.database.empty());
  if (ImGui::Button("List tables")) {
    d.tables.reset();
    d.listing = std::async(std::launch::async, listTables, postgisConnection(d.login));
  }
  ImGui::EndDisabled();
  if (listing) {
    ImGui::SameLine();
    ImGui::TextUnformatted("connecting...");
  }
  tableList(d);
  addButtons(state, d);
  if (d.loader && d.loader->done() && d.message.starts_with("adding"))
    d.message = "added; what could not load is in Data problems";
  if (!d.message.empty()) {
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + 30 * ImGui::GetFontSize());
    ImGui::TextWrapped("%s", d.message.c_str());
    ImGui::PopTextWrapPos();
  }
  ImGui::End();
}

}  // namespace idlib::panels
