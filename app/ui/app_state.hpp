#pragma once
// The application's one state. Panels read it and change it; nothing else is global.
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/accepted_events.hpp"
#include "core/camera.hpp"
#include "core/cli_values.hpp"
#include "core/compare.hpp"
#include "core/control_areas.hpp"
#include "core/control_stats.hpp"
#include "core/desk_layout.hpp"
#include "core/diagnostics.hpp"
#include "core/displacement.hpp"
#include "core/event_source.hpp"
#include "core/hit_test.hpp"
#include "core/layer.hpp"
#include "core/map_plane.hpp"
#include "core/output_paths.hpp"
#include "core/playback.hpp"
#include "core/story.hpp"
#include "core/story_presenter.hpp"
#include "core/time_layer_settings.hpp"
#include "core/timeline.hpp"
#include "core/town_search.hpp"
#include "geo/projection.hpp"
#include "geo/vector_loader.hpp"

namespace idlib {

struct LayerEntry {
  Layer layer;
  bool visible = true;
  float opacity = 1.0f;
};

// The dated data and what is derived from it, loaded together (off the GL thread in the app).
struct DatedData {
  Timeline timeline;
  ControlAreas areas;
  Displacement displacement;
  std::vector<Notice> notices;
  std::vector<EventSource> eventSources;  // the tables read besides the bundled events
};
// Bundled events, posts and control changes, plus any event files the user adds (e.g. ACLED).

// The event list's filters.
struct EventFilter {
  std::string type;                 // empty: all
  std::string place;                // substring of the location
  std::string source;               // substring of the source (the article or record cited)
  std::vector<bool> hiddenSources;  // tables left out, by Event::sourceIndex; missing: shown
  std::string text;                 // substring of anything
  std::string from, to;             // YYYY-MM-DD, either end; empty or not yet a date: open
  friend bool operator==(const EventFilter&, const EventFilter&) = default;
};

// The event list as shown: the rows passing `filter`, recomputed only when the filter changes.
struct EventList {
  EventFilter filter;
  std::optional<EventFilter> rowsFor;  // the filter `rows` were computed for
  std::vector<std::size_t> rows;       // indices into Timeline::events
  std::vector<std::string> types;      // every event type, for the filter's menu
  std::vector<std::string> sources;    // every source's name, by Event::sourceIndex
  std::string savePath;                // where the panel saves the list (.csv or .geojson)
  std::string saved;                   // "wrote N events to PATH", or why not
  bool savedOk = false;
};

// What the cursor or the selection points at among the dated marks.
struct DatedPick {
  enum class Kind { None, Event, Post, Front, Flow, Arrivals } kind = Kind::None;
  std::size_t index =
      0;  // event, post, front segment of the current snapshot, flow, or destination
  friend bool operator==(const DatedPick&, const DatedPick&) = default;
};

struct AppState {
  std::string dataDir;             // where geodata/ and assets/ are
  std::vector<LayerEntry> layers;  // bottom to top
  std::vector<Notice> notices;
  Camera camera;
  // The map's plane: the projection asked for, the plane shown, lon/lat to it (GL thread only).
  ProjectionChoice projectionChoice = ProjectionChoice::Automatic;
  MapPlane plane = MapPlane::Local;
  Projection projection = Projection::lonLatToMap();
  View homeView;
  std::optional<FeatureRef> hovered, selected;
  std::optional<LonLat> selectedPlace;  // clicked: Details says what was there at the date

  Timeline timeline;
  ControlAreas controlAreas;
  std::vector<ControlStatsRow> controlStats;  // area and people per side, per change date
  Comparison comparison;                      // date A beside the slider's date, when on
  Displacement displacement;
  bool timelineLoaded = false;
  std::vector<EventSource> eventSources;  // read besides the bundled events (--event-file, dropped)
  Playback playback;
  TimeLayerSettings timeLayers;
  EventList eventList;
  DatedPick hoveredMark, selectedMark;
  std::string dateInput;          // the "go to date" box
  std::vector<int> eventsPerDay;  // from timeline.first(): the density strip, computed once
  double timelineFrom = 0, timelineTo = 0;  // the part of the span the timeline panel shows

  // Stories and presenting.
  Story story;                    // the story being edited and presented
  std::string storyPath;          // where it is saved
  std::string workspacePath;      // the workspace last opened or saved; empty: none
  ProtectedFiles protectedFiles;  // what no export may overwrite: the inputs, the bundled data
  bool storyChanged = false;
  std::unique_ptr<StoryPresenter> presenter;  // while presenting
  bool presenting = false, blackScreen = false, highContrast = false;
  float uiScale = 1;
  std::optional<std::size_t> cueEvent;  // the event the current cue highlights
  std::unique_ptr<TownSearch> townSearch;
  std::vector<std::size_t> townSearchLayer;  // layer index of each search entry
  std::string searchQuery;
  bool focusSearch = false;  // Ctrl+F was pressed: the Find box takes the keyboard
  // The analyst's desk: the UI's scale (from the display) and where panels go in this window.
  float deskScale = 1;
  DeskLayout desk = deskLayout(1280, 720, 1);
  ScreenRect previousDesk = desk.desk;  // where panels were last drawn: they follow a resize
  int userLayerCount = 0;
  std::optional<std::size_t> renamingLayer;  // the Layers panel's row being renamed in place
  std::string layerName;                     // its name as typed so far
  std::string layerLicence;                  // a layer's licence as typed so far (Layers panel)
  // Where the Articles panel puts accepted events (read at start when it exists) and, beside it,
  // every decision on a candidate; empty without a home folder.
  std::string acceptedEventsFile;
  std::vector<Decision> articleDecisions;  // its decisions file, read at start and kept current
  bool showAbout = false;
  bool showNotices = false;

  // Adds a loaded layer at its place in the drawing order (towns on top, user layers above
  // the boundaries) and refreshes the town search.
  std::size_t addLayer(Layer layer);
  std::vector<PickableLayer> visibleLayers() const;
  const Feature* feature(const FeatureRef& ref) const;
  std::string attribution() const;
  // Installs a loaded timeline; the date starts at `startDate` if given, else where the areas
  // of control begin.
  void setTimeline(DatedData data, std::optional<Day> startDate = std::nullopt);
};

// Moves everything drawn onto `plane`: the dated marks and areas of control, the camera (same
// centre lon/lat, same ground scale) and the home view. Layers are read again for the new plane
// by whoever loads them (their requests get `plane`); the caller uploads what changed.
void switchPlane(AppState& state, MapPlane plane);
// The plane a map opens on, before anything is loaded: the one asked for, else the one `view`
// calls for; the home view of Idlib (no view) is local.
MapPlane openingPlane(ProjectionChoice choice, const std::optional<ViewArgument>& view,
                      const Viewport& viewport);
// `view` on another plane: the same centre lon/lat, the same ground metres per point there.
View sameViewOn(const View& view, const Projection& from, const Projection& to);
// The plane the projection choice gives for `view` of the plane shown now.
MapPlane planeForView(const AppState& state, const View& view, const Viewport& viewport);
// Plane metres per metre on the ground at `centre` (1 on the local plane near Idlib, 1/cos φ on
// Web Mercator): what the scale bar divides by.
double planeScaleAt(const Projection& lonLatToPlane, Vec2 centre);

// How an events table in PostGIS ('PG:... tables=T') is read: by the map, one window at a time
// (ui/postgis_event_view), or whole (the command line's --at report).
enum class PostgisTables { ByWindow, Whole };
DatedData loadDatedData(const std::string& dataDir,
                        const std::vector<EventSource>& extraEventSources = {},
                        PostgisTables postgisTables = PostgisTables::ByWindow);

// The bundled layers, read through GDAL like any other source.
std::vector<LoadRequest> bundledLayers(const std::string& dataDir);
// A user's --layer PATH.
LoadRequest userLayer(const std::string& path);
// A --view or a cue's view (lon/lat and web-map zoom) in the map plane.
View mapView(const AppState& state, const ViewArgument& view);
// The view of Idlib governorate a presenter returns to with the Home key.
View idlibHomeView(const Viewport& viewport, MapPlane plane = MapPlane::Local);
// Where the bundled data lives: $IDLIB_ATLAS_DATA, else installed beside the binary
// (../share/idlib-atlas), else the source tree the binary was built from.
std::string defaultDataDir();

}  // namespace idlib
