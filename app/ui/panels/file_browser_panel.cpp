// File → Add layer… / Add events…: an in-app chooser (ImGui), so it works the same in a full
// screen, beside a presenter's window and under Xvfb, with no toolkit to install. What is listed
// comes from core/file_listing; what is chosen loads like a drop (FileDrops), in the background.
#include <imgui.h>
#include <imgui_stdlib.h>

#include <fstream>
#include <iterator>

#include "core/atomic_file.hpp"
#include "core/dropped_files.hpp"
#include "core/text_safety.hpp"
#include "ui/panels/panels.hpp"

namespace idlib::panels {
namespace fs = std::filesystem;
namespace {

std::vector<std::string> readRecentFiles() {
  std::ifstream in(configFile("recent.txt"));
  return parseRecentFiles({std::istreambuf_iterator<char>(in), {}});
}

// Remembered for the next time, atomically; a config folder that cannot be written is said.
void rememberRecent(FileBrowserState& browser, const std::string& opened) {
  browser.recent = withRecentFile(std::move(browser.recent), opened);
  const fs::path file = configFile("recent.txt");
  if (file.empty()) return;
  std::error_code ignored;  // a missing folder shows as the write's own error
  fs::create_directories(file.parent_path(), ignored);
  if (const auto error = writeFileAtomically(file, recentFilesText(browser.recent)))
    browser.message = "recent files not remembered: " + escapeControlCharacters(*error);
}

void goTo(FileBrowserState& browser, const fs::path& folder) {
  browser.folder = folder;
  browser.listing.reset();
  browser.typedPath = folder.string();
}

void choose(FileBrowserState& browser, const fs::path& file) {
  rememberRecent(browser, file.string());
  browser.lastFile = file;
  browser.chosen.push_back(file.string());
  browser.open = false;
}

// The typed path: a folder is entered, a file chosen, anything else said.
void openTyped(FileBrowserState& browser) {
  const fs::path typed(browser.typedPath);
  std::error_code ec;
  if (fs::is_directory(typed, ec) && !hasMapFileEnding(typed.filename().string()))
    goTo(browser, typed);
  else if (fs::exists(typed, ec))
    choose(browser, typed);
  else
    browser.message = escapeControlCharacters(browser.typedPath) + ": not found";
}

// A row whose text is drawn as it is (a name may hold "##", which a label would not show).
bool row(const std::string& text, bool selected, bool& doubleClicked) {
  const ImVec2 at = ImGui::GetCursorPos();
  const bool clicked = ImGui::Selectable("##row", selected, ImGuiSelectableFlags_AllowDoubleClick);
  doubleClicked = clicked && ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left);
  ImGui::SetCursorPos(at);
  ImGui::TextUnformatted(text.c_str());
  return clicked;
}

void sidebar(const AppState& state, FileBrowserState& browser) {
  ImGui::TextDisabled("Places");
  for (const Place& place : places(state.dataDir, browser.lastFile))
    if (ImGui::Selectable(place.label.c_str(), browser.folder == place.path))
      goTo(browser, place.path);
  if (browser.recent.empty()) return;
  ImGui::Spacing();
  ImGui::TextDisabled("Recent files");
  for (std::size_t i = 0; i < browser.recent.size(); ++i) {
    const fs::path path(browser.recent[i]);
    ImGui::PushID(static_cast<int>(i));
    bool twice = false;
    if (row(escapeControlCharacters(path.filename().string()), false, twice)) choose(browser, path);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", displayable(browser.recent[i]).c_str());
    ImGui::PopID();
  }
}

void folderList(FileBrowserState& browser) {
  if (!browser.listing) browser.listing = listFolder(browser.folder, browser.onlyMapFiles);
  const FolderListing& listing = *browser.listing;
  if (!listing.error.empty())
    ImGui::TextColored({0.75f, 0.1f, 0.1f, 1}, "%s", listing.error.c_str());
  bool twice = false;
  if (browser.folder.has_parent_path() && browser.folder != browser.folder.root_path() &&
      row(".. (up)", false, twice))
    return goTo(browser, browser.folder.parent_path());
  std::optional<fs::path> next;  // entered after the loop: the listing stays valid while drawn
  ImGuiListClipper clipper;
  clipper.Begin(static_cast<int>(listing.entries.size()));
  while (clipper.Step()) {
    for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
      const FolderEntry& e = listing.entries[static_cast<std::size_t>(i)];
      ImGui::PushID(i);
      const bool selected = browser.typedPath == e.path.string();
      if (row((e.folder ? "[folder] " : "") + e.shown, selected, twice)) {
        if (e.folder)
          next = e.path;
        else if (twice)
          choose(browser, e.path);
        else
          browser.typedPath = e.path.string();
      }
      ImGui::PopID();
    }
  }
  if (listing.leftOut)
    ImGui::TextDisabled("%zu more not listed: type the path above", listing.leftOut);
  if (next) goTo(browser, *next);
}

}  // namespace

void fileBrowser(AppState& state, FileBrowserState& browser) {
  if (!browser.open) return;
  if (!browser.recentRead) {
    browser.recent = readRecentFiles();
    browser.recentRead = true;
  }
  if (browser.folder.empty()) {
    const std::vector<Place> start = places(state.dataDir, browser.lastFile);
    goTo(browser, browser.lastFile ? browser.lastFile->parent_path()
                  : start.empty()  ? fs::current_path()
                                   : start.front().path);
  }
  const ScreenRect& d = state.desk.desk;
  const ScreenRect place{d.x + d.w * 0.2f, d.y + d.h * 0.1f, d.w * 0.6f, d.h * 0.75f};
  using Adding = FileBrowserState::Adding;
  const char* title = browser.adding == Adding::Events      ? "Add events###fileBrowser"
                      : browser.adding == Adding::Workspace ? "Open workspace###fileBrowser"
                      : browser.adding == Adding::Article   ? "Open article###fileBrowser"
                                                            : "Add layer###fileBrowser";
  if (beginPanel(title, place, state, &browser.open)) {
    const float em = ImGui::GetFontSize();
    ImGui::SetNextItemWidth(-5 * em);
    if (ImGui::InputTextWithHint("##path", "a folder or file path", &browser.typedPath,
                                 ImGuiInputTextFlags_EnterReturnsTrue))
      openTyped(browser);
    ImGui::SameLine();
    if (ImGui::Button("Open")) openTyped(browser);
    ImGui::TextDisabled(
        "%s", browser.adding == Adding::Events
                  ? "A table in ACLED's columns joins the events at once; any other table "
                    "(CSV, TSV, XLSX, ODS, GeoPackage...) opens the column-mapping dialog."
              : browser.adding == Adding::Workspace
                  ? "A workspace (NAME.workspace.json): it replaces what is open now."
              : browser.adding == Adding::Article
                  ? "A news article, plain text (.txt) or a web page (.html): the Articles panel "
                    "proposes the events it reports."
                  : "Map and table files GDAL reads: GeoPackage, GeoJSON, shapefile, CSV with "
                    "coordinates, KML, XLSX...");
    const float listHeight = -2.2f * ImGui::GetFrameHeightWithSpacing();
    ImGui::BeginChild("##places", {11 * em, listHeight}, true);
    sidebar(state, browser);
    ImGui::EndChild();
    ImGui::SameLine();
    ImGui::BeginChild("##entries", {0, listHeight}, true);
    folderList(browser);
    ImGui::EndChild();
    if (ImGui::Checkbox("Only map and table files", &browser.onlyMapFiles)) browser.listing.reset();
    ImGui::SameLine();
    if (ImGui::Button("Cancel")) browser.open = false;
    if (!browser.message.empty())
      ImGui::TextColored({0.75f, 0.1f, 0.1f, 1}, "%s", browser.message.c_str());
  }
  ImGui::End();
}

}  // namespace idlib::panels
