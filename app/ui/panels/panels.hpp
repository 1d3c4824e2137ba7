#pragma once
// One function per panel; each reads and changes the app state, none touches GL.
#include <imgui.h>

#include <filesystem>
#include <future>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/file_listing.hpp"
#include "core/postgis_login.hpp"
#include "geo/table_listing.hpp"
#include "render/map_renderer.hpp"
#include "ui/app_state.hpp"
#include "ui/export_job.hpp"
#include "ui/layer_loader.hpp"

namespace idlib::panels {

// Begins a panel at its place on the desk the first time, afterwards where the user left it,
// brought back onto the desk (off the timeline and the scale bar) if it strays or the window
// shrinks. `AlwaysAutoResize` panels grow up to their place's size. Call ImGui::End() whatever
// it returns.
bool beginPanel(const char* title, const ScreenRect& place, const AppState& state,
                bool* open = nullptr, ImGuiWindowFlags flags = 0);

void layers(AppState& state);
// A combo over a layer's fields, for the Layers panel's time and style popups; `none` (if
// given) is the empty choice. True when changed.
bool fieldCombo(const char* label, const Layer& layer, std::string& field, const char* none);
void details(AppState& state);
void search(AppState& state);
void about(AppState& state);
void notices(AppState& state);
void timeline(AppState& state);
void events(AppState& state);
void story(AppState& state);

// The Export window's own state: its settings and the video being recorded.
struct ExportPanelState {
  bool open = false;
  ExportSettings settings;
  std::unique_ptr<VideoJob> job;
  std::string message;
};
void exporter(AppState& state, MapRenderer& renderer, ExportPanelState& panel);
// File → Add layer… / Add events…: the in-app file chooser. The files chosen wait in `chosen`
// for the window to load them in the background, as a drop.
struct FileBrowserState {
  enum class Adding { Layer, Events, Workspace } adding = Adding::Layer;
  bool open = false;
  std::filesystem::path folder;
  std::string typedPath;
  bool onlyMapFiles = true;
  std::optional<FolderListing> listing;  // of `folder`, read again when it changes
  std::vector<std::string> recent;
  bool recentRead = false;
  std::optional<std::filesystem::path> lastFile;
  std::vector<std::string> chosen;
  std::string message;
};
void fileBrowser(AppState& state, FileBrowserState& browser);

// File → Connect to PostGIS…: the login (its password only in memory), the tables listed in the
// background, and the loader adding the chosen ones; the window takes its results like a drop's.
struct PostgisDialogState {
  bool open = false;
  PostgisLogin login;
  std::future<TableListing> listing;  // valid while the tables are being listed
  std::optional<TableListing> tables;
  std::vector<char> picked;  // per table of `tables`
  std::unique_ptr<BackgroundLoader> loader;
  std::string message;
};
void postgisDialog(AppState& state, PostgisDialogState& dialog);

// File > Save workspace...: where the workspace goes (a name ending in .workspace.json).
struct WorkspaceSaveState {
  bool open = false;
  std::string path;
  std::string message;  // why it was not saved, or where it was
  bool saved = false;
};
void saveWorkspaceDialog(AppState& state, WorkspaceSaveState& dialog, bool exportOpen);

// The main menu bar: File, View, Help.
void menuBar(AppState& state, bool& quit, bool& exportOpen, FileBrowserState& browser,
             bool& postgisOpen, WorkspaceSaveState& saveWorkspace);

}  // namespace idlib::panels
