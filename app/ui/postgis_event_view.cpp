#include "ui/postgis_event_view.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <set>
#include <utility>

#include "core/event_source_key.hpp"
#include "core/style.hpp"
#include "core/text_safety.hpp"
#include "render/event_cells.hpp"
#include "ui/command_line.hpp"

namespace idlib {
namespace {

// While the window keeps changing (a drag of the slider), queries go at the server's pace; once
// it has stayed this long, the stale query is cancelled and the shown window asked for at once.
constexpr double kSettleSeconds = 0.1;
constexpr double kCellsAcross = 48;

LonLatBox clampToWorld(LonLatBox b) {
  b.west = std::max(b.west, -180.0);
  b.east = std::min(b.east, 180.0);
  b.south = std::max(b.south, -90.0);
  b.north = std::min(b.north, 90.0);
  return b;
}

// The view with a quarter of its size on every side: small pans stay inside it, and the rows
// asked for are about twice the view's (half as many again on each axis).
constexpr double kPadding = 0.25;
LonLatBox padded(const LonLatBox& v) {
  const double dx = v.width() * kPadding, dy = v.height() * kPadding;
  return clampToWorld({v.west - dx, v.south - dy, v.east + dx, v.north + dy});
}

double cellSizeFor(double widthDegrees) {
  const double wanted = std::max(widthDegrees, 1e-6) / kCellsAcross;
  return std::exp2(std::ceil(std::log2(wanted)));
}

std::string formatCount(std::int64_t n) {
  if (n >= 10'000'000) return fmt::format("{}M", n / 1'000'000);
  if (n >= 1'000'000) return fmt::format("{:.1f}M", static_cast<double>(n) / 1e6);
  if (n >= 10'000) return fmt::format("{}k", n / 1000);
  if (n >= 1000) return fmt::format("{:.1f}k", static_cast<double>(n) / 1e3);
  return std::to_string(n);
}

// "events table acled (PG:host=db dbname=x tables=acled)" as the user named it, no password.
std::string tableName(const EventSource& source) {
  return "events table " + displayable(parsePostgisTarget(source.path).table);
}

}  // namespace

bool isPostgisEventTable(const EventSource& source) {
  if (!source.path.starts_with("PG:") && !source.path.starts_with("pg:")) return false;
  return !parsePostgisTarget(source.path).table.empty();
}

bool sameWindow(const EventWindowRequest& a, const EventWindowRequest& b) {
  return a.first == b.first && a.last == b.last && a.box.west == b.box.west &&
         a.box.south == b.box.south && a.box.east == b.box.east && a.box.north == b.box.north &&
         a.cellDegrees == b.cellDegrees && a.maxRows == b.maxRows;
}

EventWindowRequest windowRequestFor(double date, double windowDays, const LonLatBox& visible,
                                    bool overflowed,
                                    const std::optional<EventWindowRequest>& asked) {
  EventWindowRequest r;
  // The marks' shader shows an event of day e on date d when 0 <= d - e < window.
  const double window = std::max(windowDays, 1.0);
  r.last = static_cast<Day>(std::floor(date));
  r.first = static_cast<Day>(std::floor(date - window)) + 1;
  r.first = std::min(r.first, r.last);
  const LonLatBox view = clampToWorld(visible);
  // The box asked before serves while the view stays inside it and is not much smaller.
  const bool keep = asked && asked->box.contains(view) && view.width() * 4 > asked->box.width() &&
                    view.height() * 4 > asked->box.height();
  r.box = keep ? asked->box : padded(view);
  r.maxRows = kMaxWindowRows;
  if (overflowed || view.width() > kRowsUpToDegrees) r.cellDegrees = cellSizeFor(view.width());
  return r;
}

struct PostgisEventWindows::Table {
  EventSource source;
  std::uint16_t sourceIndex = 0;
  std::unique_ptr<PostgisEventFeed> feed;
  std::optional<EventWindowRequest> asked;
  std::uint64_t askedId = 0;
  std::optional<EventWindowResult> shown;  // the newest answer installed
  // The rows of this window (days and box) did not fit: it is asked for as cells.
  std::optional<EventWindowRequest> overflowed;
  std::string lastError;  // said once until the table answers again
  std::chrono::steady_clock::time_point askedAt;
  bool timing = false;  // shown since the last install: its time from asking is said
};

PostgisEventWindows::PostgisEventWindows() = default;
PostgisEventWindows::~PostgisEventWindows() = default;

void PostgisEventWindows::attach(AppState& state, std::function<void()> wake) {
  tables_.clear();
  lastWanted_.reset();
  base_ = state.timeline.events;
  printStats_ = std::getenv("IDLIB_POSTGIS_STATS") != nullptr;
  basePlane_ = uploadedPlane_ = state.plane;
  for (std::size_t i = 0; i < state.eventSources.size(); ++i) {
    const EventSource& source = state.eventSources[i];
    if (!isPostgisEventTable(source)) continue;
    auto table = std::make_unique<Table>();
    table->source = source;
    table->sourceIndex = static_cast<std::uint16_t>(std::min<std::size_t>(i + 1, 65535));
    const PostgisTarget target = parsePostgisTarget(source.path);
    table->feed = std::make_unique<PostgisEventFeed>(target.conninfo, target.table);
    if (wake) table->feed->onAnswer(wake);
    tables_.push_back(std::move(table));
  }
}

EventWindowRequest PostgisEventWindows::wanted(const AppState& state) const {
  const LonLatBox visible = lonLatExtent(
      state.projection, state.plane, visibleWorld(state.camera.view(), state.camera.viewport()));
  return windowRequestFor(state.playback.date, state.playback.windowDays, visible, false,
                          lastWanted_);
}

namespace {
// `r`, or, when its rows did not fit for the same days and box, the same window as cells.
EventWindowRequest asCellsIfOverflowed(const std::optional<EventWindowRequest>& overflowed,
                                       EventWindowRequest r) {
  if (r.cellDegrees == 0 && overflowed && overflowed->first == r.first &&
      overflowed->last == r.last && overflowed->box.contains(r.box))
    r.cellDegrees = cellSizeFor(r.box.width() / (1 + 2 * kPadding));  // the view's width
  return r;
}
}  // namespace

void PostgisEventWindows::ask(Table& table, const EventWindowRequest& request) {
  table.asked = asCellsIfOverflowed(table.overflowed, request);
  table.askedId = table.feed->request(*table.asked);
  table.askedAt = std::chrono::steady_clock::now();
}

bool PostgisEventWindows::receive(AppState& state, Table& table, EventWindowResult result) {
  if (result.requestId != table.askedId) return false;  // stale: a newer window was asked for
  if (!result.error.empty()) {
    if (result.error != table.lastError) {
      table.lastError = result.error;
      const bool aboutTable = result.error.find(" has no ") != std::string::npos ||
                              result.error.find("no table") != std::string::npos;
      const std::string message =
          tableName(table.source) + ": " + result.error +
          (aboutTable ? " (expected: a date column, and a point geometry or longitude and latitude)"
                      : "") +
          "; the map goes on without it";
      printError(message);
      state.notices.push_back({Severity::Error, message});
      state.showNotices = true;
    }
    table.shown.reset();
    return true;
  }
  table.lastError.clear();
  if (result.request.cellDegrees == 0 && result.truncated) {
    // Too many rows to draw one by one: the same window as counts per cell.
    table.overflowed = result.request;
    ask(table, result.request);
    return false;
  }
  table.shown = std::move(result);
  table.timing = true;
  return true;
}

bool PostgisEventWindows::update(AppState& state, double nowSeconds) {
  if (tables_.empty()) return false;
  const EventWindowRequest want = wanted(state);
  if (!lastWanted_ || !sameWindow(*lastWanted_, want)) {
    lastWanted_ = want;
    wantedSince_ = nowSeconds;
  }
  bool changed = false;
  for (auto& table : tables_) {
    if (auto result = table->feed->take()) changed |= receive(state, *table, std::move(*result));
    if (table->asked && sameWindow(*table->asked, asCellsIfOverflowed(table->overflowed, want)))
      continue;
    if (!table->feed->busy() || nowSeconds - wantedSince_ >= kSettleSeconds) ask(*table, want);
  }
  if (changed) install(state);
  return changed || state.plane != uploadedPlane_;
}

std::vector<std::string> PostgisEventWindows::settle(AppState& state, double timeoutSeconds) {
  std::vector<std::string> errors;
  if (tables_.empty()) return errors;
  const auto deadline =
      std::chrono::steady_clock::now() + std::chrono::duration<double>(timeoutSeconds);
  const EventWindowRequest want = wanted(state);
  lastWanted_ = want;
  bool received = false;
  for (auto& table : tables_) {
    if (table->shown && table->asked &&
        sameWindow(*table->asked, asCellsIfOverflowed(table->overflowed, want)))
      continue;  // the window shown
    ask(*table, want);
    // At most twice: the rows, then the cells if the rows did not fit.
    for (int attempt = 0; attempt < 2; ++attempt) {
      const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
          deadline - std::chrono::steady_clock::now());
      auto result = table->feed->waitFor(table->askedId,
                                         static_cast<int>(std::max<long long>(left.count(), 0)));
      if (!result) {
        const std::string message = fmt::format(
            "{}: no answer for the window {} to {} within {:.0f} s; the map is drawn without "
            "its events",
            tableName(table->source), formatDate(want.first), formatDate(want.last),
            timeoutSeconds);
        printError(message);
        state.notices.push_back({Severity::Error, message});
        errors.push_back(message);
        break;
      }
      const bool hadError = !result->error.empty();
      if (receive(state, *table, std::move(*result))) {
        received = true;
        if (hadError) errors.push_back(tableName(table->source) + ": " + table->lastError);
        break;
      }
    }
  }
  if (received) install(state);
  return errors;
}

bool PostgisEventWindows::busy() const {
  return std::any_of(tables_.begin(), tables_.end(), [](const auto& t) { return t->feed->busy(); });
}

void PostgisEventWindows::install(AppState& state) {
  ++installs_;
  if (state.plane != basePlane_) {
    for (std::size_t i = 0; i < base_.size(); ++i)
      base_.setPosition(i, state.projection.forward(base_[i].where()));
    basePlane_ = state.plane;
  }
  EventStore store = base_;
  std::size_t rows = 0;
  for (const auto& table : tables_)
    if (table->shown) rows += table->shown->rows.size();
  store.reserve(base_.size() + rows);
  for (const auto& table : tables_) {
    if (!table->shown) continue;
    const EventWindowRows& r = table->shown->rows;
    Event e;
    e.sourceIndex = table->sourceIndex;
    e.provenance.file = parsePostgisTarget(table->source.path).table;
    for (std::size_t i = 0; i < r.size(); ++i) {
      e.date = r.days[i];
      e.where = {r.longitudes[i], r.latitudes[i]};
      e.position = state.projection.forward(e.where);
      e.type = r.typeOf[i] < r.types.size() ? r.types[r.typeOf[i]] : std::string();
      store.push_back(e);
    }
  }
  store.sortByDate();
  const Day firstBefore = state.timeline.first();
  state.timeline.replaceEvents(std::move(store));
  // The density strip counts the loaded events (the server's are not all known) from the
  // timeline's first day, which a window's rows may have moved.
  if (state.timeline.first() != firstBefore || state.eventsPerDay.empty()) {
    state.eventsPerDay.assign(
        static_cast<std::size_t>(state.timeline.last() - state.timeline.first() + 1), 0);
    for (const Day d : base_.dates())
      ++state.eventsPerDay[static_cast<std::size_t>(d - state.timeline.first())];
  }
  std::set<std::string> types(state.eventList.types.begin(), state.eventList.types.end());
  for (const std::string_view type : state.timeline.events.distinct(Pooled::Type))
    if (!type.empty()) types.emplace(type);
  state.eventList.types.assign(types.begin(), types.end());
  state.eventList.rowsFor.reset();  // indices into the events changed
  state.hoveredMark = state.selectedMark = {};
  for (auto& table : tables_) {
    if (!std::exchange(table->timing, false) || !printStats_ || !table->shown) continue;
    const std::chrono::duration<double, std::milli> ms =
        std::chrono::steady_clock::now() - table->askedAt;
    std::fprintf(stderr, "idlib-atlas: %s: window %s to %s: %zu rows, %zu cells, %.0f ms\n",
                 tableName(table->source).c_str(), formatDate(table->shown->request.first).c_str(),
                 formatDate(table->shown->request.last).c_str(), table->shown->rows.size(),
                 table->shown->cells.size(), ms.count());
  }
}

void PostgisEventWindows::upload(const AppState& state, MapRenderer& renderer) {
  uploadedPlane_ = state.plane;
  renderer.timeLayers().uploadEvents(state.timeline.events);
  std::vector<EventCellMark> cells;
  for (const auto& table : tables_)
    if (table->shown)
      for (const GridCellCount& c : table->shown->cells)
        cells.push_back({state.projection.forward(LonLat{c.longitude, c.latitude}), c.count});
  renderer.eventCells().upload(cells);
}

void addEventCellLabels(const EventCellRenderer& cells, std::vector<MapLabel>& labels) {
  for (const EventCellMark& c : cells.cells())
    labels.push_back({formatCount(c.count), c.position, static_cast<double>(c.count), 11,
                      eventCellDiameter(c.count) / 2});
}

std::size_t PostgisEventWindows::shownRows() const {
  std::size_t n = 0;
  for (const auto& table : tables_)
    if (table->shown) n += table->shown->rows.size();
  return n;
}

std::size_t PostgisEventWindows::shownCells() const {
  std::size_t n = 0;
  for (const auto& table : tables_)
    if (table->shown) n += table->shown->cells.size();
  return n;
}

namespace {

class PostgisWindowFrames final : public FrameSource {
 public:
  PostgisWindowFrames(std::unique_ptr<FrameSource> frames, PostgisEventWindows& windows,
                      MapRenderer& renderer, double timeoutSeconds)
      : frames_(std::move(frames)),
        windows_(windows),
        renderer_(renderer),
        timeoutSeconds_(timeoutSeconds) {}
  std::size_t frameCount() const override { return frames_->frameCount(); }
  void seek(AppState& state, std::size_t index) override {
    frames_->seek(state, index);
    const std::uint64_t installs = windows_.installs();
    windows_.settle(state, timeoutSeconds_);
    if (windows_.installs() != installs) windows_.upload(state, renderer_);
  }

 private:
  std::unique_ptr<FrameSource> frames_;
  PostgisEventWindows& windows_;
  MapRenderer& renderer_;
  double timeoutSeconds_;
};

}  // namespace

std::unique_ptr<FrameSource> withPostgisWindows(std::unique_ptr<FrameSource> frames,
                                                PostgisEventWindows& windows, MapRenderer& renderer,
                                                double timeoutSeconds) {
  return std::make_unique<PostgisWindowFrames>(std::move(frames), windows, renderer,
                                               timeoutSeconds);
}

}  // namespace idlib
