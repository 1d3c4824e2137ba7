#pragma once
// One function per panel; each reads and changes the app state, none touches GL.
#include <imgui.h>

#include <filesystem>
#include <future>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/accepted_events.hpp"
#include "core/article_highlights.hpp"
#include "core/file_listing.hpp"
#include "core/postgis_login.hpp"
#include "geo/table_listing.hpp"
#include "render/map_renderer.hpp"
#include "ui/app_state.hpp"
#include "ui/article_reading.hpp"
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
// The timeline's own state: the "compare with" date as typed, a shift-drag's start (a day on
// the axis) while a range is being picked, and the region the chart track shows.
struct TimelinePanelState {
  std::string compareInput;
  std::optional<double> rangeStart;
  StatsRegion chartRegion = StatsRegion::Idlib;
};
void timeline(AppState& state, TimelinePanelState& panel);
// The compare mode selector, for the timeline panel and View → Compare: entering Change opens
// the Changes panel. True when the mode changed.
bool compareModeCombo(AppState& state, const char* id, float width);
bool compareModeMenu(AppState& state);
void events(AppState& state);
void story(AppState& state);
// While comparing two dates: what changed between A and B. `shownFor` is the mode it was last
// drawn for (entering Change opens it); `changes` is kept for the dates it was computed for.
struct ChangesPanelState {
  CompareMode shownFor = CompareMode::Off;
  std::optional<std::vector<HandChange>> changes;
  Day changesFrom = 0, changesTo = 0;
};
void changes(AppState& state, ChangesPanelState& panel);
// The swipe divider over the map, grabbed within a few points of it: a borderless window as wide
// as the grip, under every panel, so that the map does not pan while it is dragged (ImGui takes
// the mouse there) and pans everywhere else; a left-right cursor over it. The renderer draws the
// line itself. Call after the panels, before updateMapInteraction.
void swipeDivider(AppState& state);

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
  enum class Adding { Layer, Events, Workspace, Article } adding = Adding::Layer;
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

// File → Open article… (or a dropped .txt/.html, or --article): the article's candidate events
// beside its text; accepted ones go into the analyst's events file (ArticlesPanelState::reload
// asks the window to read it again), and every decision is kept beside that file.
struct ArticlesPanelState {
  bool open = false;
  std::string waiting;  // an article to read once the map's places and events are in
  std::string typedPath, publishedInput;  // published: YYYY-MM-DD, or empty for the dateline
  std::string acceptedFile;               // where accepted rows go (a .csv)
  std::optional<OpenedArticle> article;
  std::optional<Gazetteer> gazetteer;
  Extraction extraction;
  std::vector<Highlight> highlights;
  std::vector<std::optional<Verdict>> verdicts;  // per candidate
  std::optional<std::size_t> selected;
  Candidate editing;     // the selected candidate, as the analyst corrects it
  std::string editDate;  // its date as typed
  bool scrollToSelected = false, focus = false;
  float left = 0;  // the panel's left edge last drawn: a candidate's place is shown left of it
  std::vector<std::string> reload;  // events files written: for the window to read again
  std::string message;
  bool messageIsError = false;
};
void articles(AppState& state, ArticlesPanelState& panel);
// Reads and extracts `path` into the panel and opens it; a file that cannot be read is said.
void openArticleIn(AppState& state, ArticlesPanelState& panel, const std::string& path);
// Shows candidate `i` on the map at its date and makes it the one edited.
void selectCandidate(AppState& state, ArticlesPanelState& panel, std::size_t i);
// Accepts the edited candidate into the accepted-events file (and asks for it to be read again),
// rejects it, or merges it with the timeline's event `eventId`; the decision is kept.
void decideOnCandidate(AppState& state, ArticlesPanelState& panel, Verdict verdict,
                       std::string eventId = {});

// The main menu bar: File, View, Help.
void menuBar(AppState& state, bool& quit, bool& exportOpen, FileBrowserState& browser,
             bool& postgisOpen, WorkspaceSaveState& saveWorkspace);

}  // namespace idlib::panels
