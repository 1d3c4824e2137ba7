#pragma once
// An events table in PostGIS that is never loaded whole: for each time window and view the server
// is asked for the events in that window and box, or, zoomed out, for their counts per grid cell.
// A worker thread holds the connection (libpq, asynchronous); a newer request cancels the one the
// server is still running (PQcancel), so only the newest window is ever delivered.
//
// The same SQL runs on Citus unchanged (README, "PostGIS pushdown"): every query is a filter on
// one table, a LIMIT or a GROUP BY of count(*), which Citus pushes down to the shards.
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.hpp"
#include "core/map_plane.hpp"  // LonLatBox

namespace idlib {

// The table's columns the queries read, as the server names them (quoted in the SQL, never
// interpolated as they are).
struct PostgisEventTable {
  std::string schema;  // empty: the search path's
  std::string table;
  std::string dateColumn = "event_date";
  bool dateIsText = false;     // a text column: cast per row (no index can serve the window)
  std::string geometryColumn;  // a point geometry; empty: the longitude and latitude columns
  int srid = 4326;             // of the geometry column (0 or 4326: lon/lat degrees)
  std::string longitudeColumn = "longitude", latitudeColumn = "latitude";
  std::string typeColumn;  // empty: no type
};

// "schema"."table" or "table", each identifier quoted as PostgreSQL quotes them ("a""b").
std::string quoteIdentifier(std::string_view name);
std::string qualifiedName(const PostgisEventTable& table);

// The window's rows: day, longitude, latitude, type. Parameters: $1, $2 the first and last day
// ('YYYY-MM-DD'), $3..$6 west, south, east, north in degrees, $7 the row limit.
std::string windowRowsSql(const PostgisEventTable& table);
// Counts per grid cell of the window: cell column, cell row, count. $1..$6 as above, $7 the
// cell's size in degrees; the cell of (lon, lat) is (floor(lon / size), floor(lat / size)).
std::string windowCellsSql(const PostgisEventTable& table);
// CREATE INDEX IF NOT EXISTS statements: GiST on the position (the geometry column, or the point
// expression windowRowsSql uses for longitude/latitude columns), B-tree on the date; then ANALYZE.
// Empty for a text date's index (a cast per row cannot be indexed), which is left out.
std::vector<std::string> createIndexStatements(const PostgisEventTable& table);

// What a libpq conninfo is left of GDAL's "PG:host=... dbname=... tables=t" (GDAL's own keys
// removed), and the table named by tables= (the first one), if any.
struct PostgisTarget {
  std::string conninfo;
  std::string table;  // "schema.table" or "table" as written
};
PostgisTarget parsePostgisTarget(std::string_view gdalConnection);

struct EventWindowRequest {
  Day first = 0, last = 0;  // inclusive
  LonLatBox box{-180, -90, 180, 90};
  double cellDegrees = 0;  // > 0: counts per cell of this size; 0: the rows themselves
  std::size_t maxRows = 200'000;
};

// Rows column-wise: 4 + 4 + 4 + 2 bytes an event, types interned.
struct EventWindowRows {
  std::vector<Day> days;
  std::vector<float> longitudes, latitudes;
  std::vector<std::uint16_t> typeOf;  // index into types
  std::vector<std::string> types;
  std::size_t size() const { return days.size(); }
};

struct GridCellCount {
  double longitude = 0, latitude = 0;  // the cell's centre
  std::int64_t count = 0;
};

struct EventWindowResult {
  std::uint64_t requestId = 0;
  EventWindowRequest request{};
  EventWindowRows rows{};
  std::vector<GridCellCount> cells{};
  bool truncated = false;  // more rows matched than maxRows: rows holds maxRows of them
  std::string error{};     // empty when answered; says host, database and why, never a password
};

// What the feed did, for tests and the benchmark.
struct EventFeedCounts {
  std::uint64_t sent = 0;             // queries sent to the server
  std::uint64_t cancelled = 0;        // dropped as stale: a newer window came while they ran
  std::uint64_t serverCancelled = 0;  // of those, the ones the server confirms it stopped
  std::uint64_t delivered = 0, failed = 0;
};

class PostgisEventFeed {
 public:
  // Connects in its worker thread; the table's columns are found there (describe()). `conninfo`
  // is libpq's ("host=... dbname=..."), `table` "schema.table" or "table".
  PostgisEventFeed(std::string conninfo, std::string table);
  ~PostgisEventFeed();  // cancels what runs and joins the worker
  PostgisEventFeed(const PostgisEventFeed&) = delete;
  PostgisEventFeed& operator=(const PostgisEventFeed&) = delete;

  // Replaces any request not yet sent and cancels the one running; returns the new one's id.
  std::uint64_t request(const EventWindowRequest& window);
  // Called on the worker thread after each answer is ready (e.g. to wake a sleeping window).
  void onAnswer(std::function<void()> wake);
  // Whether a request is pending or running. While the user drags the slider, the UI asks for a
  // window only when the feed is not busy, so windows keep arriving at the server's pace; when
  // the drag ends, the last window is asked for at once, cancelling whatever still runs.
  bool busy() const;
  // The newest answer not yet taken (an older one is dropped when a newer arrives).
  std::optional<EventWindowResult> take();
  // Waits up to `timeoutMs` for the answer to `requestId` (or a newer one); for tests and the CLI.
  std::optional<EventWindowResult> waitFor(std::uint64_t requestId, int timeoutMs);
  EventFeedCounts counts() const;
  // The columns found on connecting, once connected; the connection's error otherwise.
  std::optional<PostgisEventTable> table() const;
  std::string connectionError() const;

 private:
  struct Worker;
  std::unique_ptr<Worker> worker_;
};

// Runs createIndexStatements on the table (synchronously); returns the statements run, or throws
// std::runtime_error naming the host, database and the server's reason.
std::vector<std::string> createEventIndexes(const std::string& conninfo, const std::string& table);

}  // namespace idlib
