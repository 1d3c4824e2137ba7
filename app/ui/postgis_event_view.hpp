#pragma once
// The events of a PostGIS table (--event-file 'PG:... tables=T', or a table opened in the app)
// shown without loading the table (issue 12): for the time window and the view on screen, each
// table's PostgisEventFeed is asked for the rows, or, zoomed out, for the counts per grid cell;
// the newest answer takes the previous window's place among the timeline's events (or as discs
// per cell). Only the current window's rows are held; the UI thread never waits for the server.
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/camera.hpp"
#include "core/event_source.hpp"
#include "core/event_store.hpp"
#include "core/map_plane.hpp"
#include "geo/postgis_events.hpp"
#include "render/map_renderer.hpp"
#include "ui/app_state.hpp"
#include "ui/video_export.hpp"

namespace idlib {

// Whether the events come from a PostGIS table the server filters: GDAL's "PG:..." with tables=.
bool isPostgisEventTable(const EventSource& source);

// Views at most this wide (degrees of longitude) get the rows; wider ones the counts per cell.
inline constexpr double kRowsUpToDegrees = 5.0;
// The most rows one window holds; a window with more is drawn as counts per cell.
inline constexpr std::size_t kMaxWindowRows = 100'000;

// What the map on `date` (fractional while playing), showing `windowDays` days of events over
// `visible`, asks of the server: the days an event of the window may have (those the marks' shader
// shows), a box around the view with room to pan (or `asked`'s box while the view stays inside it
// and is not much smaller), and cells of a power-of-two size about 1/48 of the view's width when
// the view is wide or `overflowed` (the rows did not fit).
EventWindowRequest windowRequestFor(double date, double windowDays, const LonLatBox& visible,
                                    bool overflowed,
                                    const std::optional<EventWindowRequest>& asked = {});
bool sameWindow(const EventWindowRequest& a, const EventWindowRequest& b);

// The counts of the cells `cells` draws, as labels beside their discs (the window's and exports').
void addEventCellLabels(const EventCellRenderer& cells, std::vector<MapLabel>& labels);

class PostgisEventWindows {
 public:
  PostgisEventWindows();
  ~PostgisEventWindows();
  PostgisEventWindows(const PostgisEventWindows&) = delete;
  PostgisEventWindows& operator=(const PostgisEventWindows&) = delete;

  // After a timeline is installed (AppState::setTimeline): a feed for each PostGIS table among
  // state.eventSources, and the timeline's events (the bundled ones and the files') kept as the
  // base each window joins. Without such tables, nothing runs.
  // `wake`, if given, is called from a query's thread when an answer is ready.
  void attach(AppState& state, std::function<void()> wake = {});
  bool active() const { return !tables_.empty(); }

  // Once a frame, on the UI thread: asks for the window shown when it changed (at the server's
  // pace while it keeps changing, then at once, cancelling the stale query, once it settles for
  // a moment), installs the newest answers into state.timeline and says errors in
  // state.notices. Returns true when the events or cells changed: upload() them.
  bool update(AppState& state, double nowSeconds);
  // Headless: asks for the window shown by state.camera, unless it is the one shown, and waits,
  // up to `timeoutSeconds` in all, for every table's answer. Returns the errors (a table's server
  // gone, a column missing, no answer in time), each naming the table; they are in state.notices
  // too.
  std::vector<std::string> settle(AppState& state, double timeoutSeconds);
  // Whether a query runs: frames keep coming until it is answered.
  bool busy() const;

  // The window's events (already in state.timeline) and cells to the GPU.
  void upload(const AppState& state, MapRenderer& renderer);
  std::size_t shownRows() const;
  std::size_t shownCells() const;
  std::uint64_t installs() const { return installs_; }  // windows installed so far

 private:
  struct Table;
  EventWindowRequest wanted(const AppState& state) const;
  void ask(Table& table, const EventWindowRequest& request);
  // Takes an answer for `table`; true when it is the newest and was installed.
  bool receive(AppState& state, Table& table, EventWindowResult result);
  void install(AppState& state);

  std::vector<std::unique_ptr<Table>> tables_;
  EventStore base_;  // the events not from PostGIS, as loaded
  MapPlane basePlane_ = MapPlane::Local, uploadedPlane_ = MapPlane::Local;
  std::optional<EventWindowRequest> lastWanted_;
  double wantedSince_ = 0;
  std::uint64_t installs_ = 0;
  // $IDLIB_POSTGIS_STATS set: each window shown is said on stderr, with the time from asking.
  bool printStats_ = false;
};

// A video's frames, each with its window asked for and waited for (headless, one query per
// window: frames of the same days and view ask nothing new).
std::unique_ptr<FrameSource> withPostgisWindows(std::unique_ptr<FrameSource> frames,
                                                PostgisEventWindows& windows, MapRenderer& renderer,
                                                double timeoutSeconds);

}  // namespace idlib
