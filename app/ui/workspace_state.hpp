#pragma once
// Between the app's state and a workspace file (core/workspace): what is open, saved; a saved
// workspace, opened from the command line, a drop or File > Open workspace...
#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include <memory>

#include "core/workspace.hpp"
#include "geo/vector_loader.hpp"
#include "ui/app_state.hpp"
#include "ui/layer_loader.hpp"

namespace idlib {

struct Options;

// What the app shows now: its layers in their order with their settings, the event tables, the
// view, the date, the window, the comparison (when comparing), the dated layers, the open panels
// (`exportOpen` is the Export window's), the theme and the story (none when it is the bundled
// one).
Workspace captureWorkspace(const AppState& state, bool exportOpen);
// Writes captureWorkspace at `file`, atomically; the error names the file.
std::optional<std::string> saveWorkspace(const AppState& state, const std::filesystem::path& file,
                                         bool exportOpen);

// Opens the command line's WORKSPACE: it brings its layers and event tables, and fills what the
// command line leaves open (--date, --view, --window unless `windowGiven`, --compare with its
// mode and swipe, --story, --high-contrast). Its files that moved are said (printed, and kept for
// the Data problems window). False, with the reason printed, when it cannot be read.
bool openWorkspaceOption(Options& options, bool windowGiven);

// The user's layers of `workspace` as load requests, each layer of a source on its own.
std::vector<LoadRequest> workspaceLayerRequests(const Workspace& workspace);
// Gives the layer at `index`, just loaded, its saved name, visibility, opacity and time setting
// if `workspace` has it; a date that is not one becomes a notice.
void applyWorkspaceLayer(AppState& state, std::size_t index, const Workspace& workspace);
// Puts the layers `workspace` names in its order, in the places they hold among the others.
void orderLayersAsIn(AppState& state, const Workspace& workspace);
// The dated layers' switches and the About and Data problems panels.
void applyWorkspaceSettings(AppState& state, const Workspace& workspace);

// A workspace opened in the running app: its layers and dated data loading in the background.
struct OpeningWorkspace {
  Workspace workspace;
  std::unique_ptr<BackgroundLoader> loader;  // its layers, then the dated data with its tables
};
// File > Open workspace... or a drop: the workspace at `file` replaces what is open. The user's
// layers go, the bundled ones take their saved settings, the view flies to the saved one, the
// window, the comparison, the dated layers, the panels, the theme and the story are set; its files
// that moved are said in Data problems. Nothing changes when it cannot be read (Data problems says
// why).
std::optional<OpeningWorkspace> openWorkspace(AppState& state, const std::filesystem::path& file);
// Where a workspace is saved unless the user says otherwise: the one last opened or saved, else
// ~/idlib-atlas.workspace.json.
std::string suggestedWorkspacePath(const AppState& state);

}  // namespace idlib
