#pragma once
// A workspace: what an analyst has open, saved as a small JSON file to open again later or on
// another machine. The layers (bundled or the user's, bottom to top, with their name,
// visibility, opacity and time setting), the event tables with their column mappings, the view,
// the date and time window, the comparison with an earlier date (when comparing), the dated
// layers' switches, the open panels, the high-contrast theme and the story:
//
//   {
//     "idlib_atlas_workspace": 1,
//     "layers": [
//       {"bundled": "admin1", "name": "Governorates and provinces", "visible": true, "opacity": 1},
//       {"path": "data/zones.gpkg", "source_layer": "zones", "name": "Zones", "visible": true,
//        "opacity": 0.8, "time": {"mode": "period", "start": "valid_from", "end": "valid_to"},
//        "style": {"kind": "categories", "field": "held_by", "fill_opacity": 0.45, ...},
//        "licence": "CC BY 4.0"}
//     ],
//     "event_sources": [{"path": "acled.csv", "name": "ACLED", "columns": {"date": "event_date"}}],
//     "view": {"longitude": 36.6, "latitude": 35.9, "zoom": 9},
//     "date": "2020-02-20", "window_days": 30,
//     "compare": {"mode": "swipe", "date": "2020-02-01", "swipe": 0.5},
//     "dated_layers": {"areas": true, "front": true, ..., "areas_opacity": 1},
//     "panels": {"about": false, "data_problems": false, "export": false},
//     "high_contrast": false, "story": "talk.story"
//   }
//
// Files are written relative to the workspace's folder where they share a folder with it, so a
// folder of workspace and data moves as one; connections are saved without their password.
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/cli_values.hpp"
#include "core/compare.hpp"
#include "core/date.hpp"
#include "core/diagnostics.hpp"
#include "core/event_source.hpp"
#include "core/layer.hpp"
#include "core/layer_style.hpp"
#include "core/temporal.hpp"
#include "core/time_layer_settings.hpp"

namespace idlib {

inline constexpr std::string_view kWorkspaceEnding = ".workspace.json";
// A workspace is a few kilobytes; a larger file is the wrong file.
inline constexpr std::size_t kLargestWorkspace = 1024 * 1024;

struct WorkspaceLayer {
  LayerRole bundled = LayerRole::Generic;  // a bundled layer's role; Generic: the user's `path`
  std::string path;                        // absolute in memory; a file or a "PG:..." connection
  std::string sourceLayer;                 // the layer within the source; empty: all of them
  std::string name;                        // as shown in the Layers panel; empty: the default
  bool visible = true;
  float opacity = 1;
  TemporalSetting time;
  std::optional<Symbology> style;  // a user layer's (core/layer_style); none: the default
  std::string licence;             // a user layer's, as read or typed; empty: unknown
  friend bool operator==(const WorkspaceLayer&, const WorkspaceLayer&) = default;
};

struct WorkspacePanels {
  bool about = false, dataProblems = false, exporter = false;
  friend bool operator==(const WorkspacePanels&, const WorkspacePanels&) = default;
};

struct Workspace {
  std::vector<WorkspaceLayer> layers;  // bottom to top
  std::vector<EventSource> eventSources;
  std::optional<ViewArgument> view;
  std::optional<Day> date;
  double windowDays = 30;
  std::optional<Comparison> comparison;  // date A beside `date`; none: not comparing
  TimeLayerSettings datedLayers;
  WorkspacePanels panels;
  bool highContrast = false;
  std::string story;  // empty: the bundled story
  friend bool operator==(const Workspace&, const Workspace&) = default;
};

// The JSON text of `workspace` to be written at `file` (its paths made relative to the file's
// folder where they share a folder, passwords left out).
std::string serializeWorkspace(const Workspace& workspace, const std::filesystem::path& file);

// Reads the text of the workspace at `file`: relative paths are taken from the file's folder.
// An error names the file and the key ("w.workspace.json: layers[1].opacity: expected a number
// from 0 to 1").
Parsed<Workspace> parseWorkspace(std::string_view text, const std::filesystem::path& file);

// Reads and parses `file`, refusing one larger than kLargestWorkspace or not readable.
Parsed<Workspace> readWorkspaceFile(const std::filesystem::path& file);

// Whether `name` ends in kWorkspaceEnding (case ignored): what a drop opens as a workspace.
bool hasWorkspaceEnding(std::string_view name);

// The name a workspace file gets: `typed` with kWorkspaceEnding added unless it has it.
std::string withWorkspaceEnding(std::string typed);

// Takes out of `workspace` its local files (layers, event tables, story) that are not there and
// says each: "FILE: layer 'NAME': PATH is not there (moved or deleted?); the rest opens without
// it". The rest opens as saved.
std::vector<Notice> takeOutMissingFiles(Workspace& workspace, const std::filesystem::path& file);

// Whether `source` names a local file (not "PG:...", "/vsicurl/...", "https://...").
bool isLocalFile(std::string_view source);

}  // namespace idlib
