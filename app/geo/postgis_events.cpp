#include "geo/postgis_events.hpp"

#include <libpq-fe.h>
#include <poll.h>
#include <sys/eventfd.h>
#include <unistd.h>

#include <algorithm>
#include <charconv>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <stdexcept>
#include <thread>
#include <unordered_map>

#include "core/text_safety.hpp"

namespace idlib {
namespace {

constexpr std::size_t kMaxTypes = 65535;            // an index into types fits in 16 bits
constexpr std::size_t kMaxRowsCeiling = 5'000'000;  // whatever a caller asks, memory stays bounded
constexpr std::size_t kMaxCells = 1'000'000;

bool isTextType(std::string_view typname) {
  return typname == "text" || typname == "varchar" || typname == "bpchar";
}
bool isDateType(std::string_view typname) {
  return typname == "date" || typname == "timestamp" || typname == "timestamptz";
}

// A text column too (ogr2ogr writes a CSV's numbers as text); a no-op on a float8 column.
std::string numberExpression(const std::string& column) {
  return quoteIdentifier(column) + "::float8";
}

// The point the window's box is tested against, in the table's own SRID. The same text is the
// GiST index's expression for longitude/latitude tables, so the planner can use that index.
std::string positionExpression(const PostgisEventTable& t) {
  if (!t.geometryColumn.empty()) return quoteIdentifier(t.geometryColumn);
  return "ST_SetSRID(ST_MakePoint(" + numberExpression(t.longitudeColumn) + ", " +
         numberExpression(t.latitudeColumn) + "), 4326)";
}

bool inDegrees(const PostgisEventTable& t) {
  return t.srid == 4326 || t.srid == 0;
}

std::string envelope(const PostgisEventTable& t) {
  const std::string box = "ST_MakeEnvelope($3::float8, $4::float8, $5::float8, $6::float8, ";
  if (!t.geometryColumn.empty() && !inDegrees(t))
    return "ST_Transform(" + box + "4326), " + std::to_string(t.srid) + ")";
  return box + std::to_string(t.geometryColumn.empty() ? 4326 : t.srid) + ")";
}

std::string longitudeExpression(const PostgisEventTable& t) {
  if (t.geometryColumn.empty()) return numberExpression(t.longitudeColumn);
  const std::string g = quoteIdentifier(t.geometryColumn);
  return inDegrees(t) ? "ST_X(" + g + ")" : "ST_X(ST_Transform(" + g + ", 4326))";
}
std::string latitudeExpression(const PostgisEventTable& t) {
  if (t.geometryColumn.empty()) return numberExpression(t.latitudeColumn);
  const std::string g = quoteIdentifier(t.geometryColumn);
  return inDegrees(t) ? "ST_Y(" + g + ")" : "ST_Y(ST_Transform(" + g + ", 4326))";
}

std::string dateExpression(const PostgisEventTable& t) {
  return quoteIdentifier(t.dateColumn) + (t.dateIsText ? "::date" : "");
}

// Half-open on the day after the last, so a timestamp column's whole last day is in the window
// and a date or timestamp column keeps its B-tree index usable.
std::string windowFilter(const PostgisEventTable& t) {
  const std::string d = dateExpression(t);
  return " FROM " + qualifiedName(t) + " WHERE " + d + " >= $1::date AND " + d +
         " < $2::date + 1 AND " + positionExpression(t) + " && " + envelope(t);
}

std::string_view trimmed(std::string_view s) {
  while (!s.empty() && s.front() == ' ')
    s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ')
    s.remove_suffix(1);
  return s;
}

// "schema.table" or "table" as a user writes it (no quotes), split at the first dot.
void splitTableName(std::string_view name, PostgisEventTable& t) {
  name = trimmed(name);
  const auto dot = name.find('.');
  if (dot == std::string_view::npos) {
    t.table = std::string(name);
  } else {
    t.schema = std::string(name.substr(0, dot));
    t.table = std::string(name.substr(dot + 1));
  }
}

// ---- libpq ----

struct ConnectionCloser {
  void operator()(PGconn* c) const { PQfinish(c); }
};
using Connection = std::unique_ptr<PGconn, ConnectionCloser>;
struct ResultClearer {
  void operator()(PGresult* r) const { PQclear(r); }
};
using Result = std::unique_ptr<PGresult, ResultClearer>;
struct CancelFreer {
  void operator()(PGcancel* c) const { PQfreeCancel(c); }
};
using CancelHandle = std::unique_ptr<PGcancel, CancelFreer>;

// "PostGIS (host=/tmp/x dbname=atlas): password authentication failed for user ..." on one line,
// never a password.
std::string serverMessage(PGconn* conn, std::string_view why) {
  std::string where = "PostGIS";
  if (conn) {
    const char* host = PQhost(conn);
    const char* db = PQdb(conn);
    where +=
        " (host=" + std::string(host ? host : "") + " dbname=" + std::string(db ? db : "") + ")";
  }
  return displayable(oneLine(where + ": " + std::string(why)));
}

Result execParams(PGconn* conn, const std::string& sql, const std::vector<std::string>& values) {
  std::vector<const char*> pointers;
  for (const auto& v : values)
    pointers.push_back(v.c_str());
  return Result(PQexecParams(conn, sql.c_str(), static_cast<int>(pointers.size()), nullptr,
                             pointers.data(), nullptr, nullptr, 0));
}

// The server's notices ("index already exists, skipping") are not the user's business; libpq
// would print them on stderr.
void quietNotices(PGconn* conn) {
  PQsetNoticeProcessor(
      conn, [](void*, const char*) {}, nullptr);
}

bool succeeded(const PGresult* r) {
  const auto s = PQresultStatus(r);
  return s == PGRES_TUPLES_OK || s == PGRES_COMMAND_OK;
}

// Finds the date, position and type columns of the table (see PostgisEventTable).
PostgisEventTable describeTable(PGconn* conn, const std::string& name) {
  PostgisEventTable t;
  splitTableName(name, t);
  if (t.table.empty()) throw std::runtime_error(serverMessage(conn, "no table named"));
  const std::string sql =
      "SELECT a.attname, ty.typname, format_type(a.atttypid, a.atttypmod) FROM pg_attribute a "
      "JOIN pg_type ty ON ty.oid = a.atttypid WHERE a.attrelid = to_regclass($1) AND a.attnum > 0 "
      "AND NOT a.attisdropped ORDER BY a.attnum";
  Result r = execParams(conn, sql, {qualifiedName(t)});
  if (!succeeded(r.get())) throw std::runtime_error(serverMessage(conn, PQerrorMessage(conn)));
  if (PQntuples(r.get()) == 0)
    throw std::runtime_error(serverMessage(conn, "no table " + qualifiedName(t)));
  std::unordered_map<std::string, std::pair<std::string, std::string>> columns;
  std::string firstDate;
  for (int i = 0; i < PQntuples(r.get()); ++i) {
    std::string column = PQgetvalue(r.get(), i, 0), typname = PQgetvalue(r.get(), i, 1);
    if (firstDate.empty() && isDateType(typname)) firstDate = column;
    if (t.geometryColumn.empty() && typname == "geometry") {
      t.geometryColumn = column;
      // format_type says "geometry(Point,4326)"; without a type modifier the SRID is unknown.
      const std::string format = PQgetvalue(r.get(), i, 2);
      const auto comma = format.rfind(',');
      int srid = 0;
      if (comma != std::string::npos)
        std::from_chars(format.data() + comma + 1, format.data() + format.size(), srid);
      t.srid = srid;
    }
    columns.emplace(std::move(column), std::pair{typname, std::string()});
  }
  auto has = [&](const char* c) { return columns.count(c) > 0; };
  if (has("event_date")) {
    t.dateIsText = !isDateType(columns["event_date"].first);
  } else if (!firstDate.empty()) {
    t.dateColumn = firstDate;
  } else {
    throw std::runtime_error(
        serverMessage(conn, qualifiedName(t) + " has no event_date column and no column of dates"));
  }
  if (t.geometryColumn.empty()) {
    for (auto [lon, lat] : {std::pair{"longitude", "latitude"}, std::pair{"lon", "lat"}})
      if (has(lon) && has(lat)) {
        t.longitudeColumn = lon;
        t.latitudeColumn = lat;
        break;
      }
    if (!has(t.longitudeColumn.c_str()))
      throw std::runtime_error(serverMessage(
          conn, qualifiedName(t) + " has no geometry and no longitude and latitude columns"));
  }
  for (const char* type : {"event_type", "type"})
    if (has(type)) {
      t.typeColumn = type;
      break;
    }
  return t;
}

// Waits until the socket is ready (or the wake-up descriptor is written to); returns whether
// the wake-up came.
bool waitSocket(int socket, short events, int wakeFd) {
  pollfd fds[2] = {{socket, events, 0}, {wakeFd, POLLIN, 0}};
  while (::poll(fds, 2, -1) < 0 && errno == EINTR) {
  }
  if (fds[1].revents & POLLIN) {
    std::uint64_t drained = 0;
    [[maybe_unused]] auto n = ::read(wakeFd, &drained, sizeof drained);
    return true;
  }
  return false;
}

template <typename Number>
bool readNumber(const PGresult* r, int row, int column, Number& out) {
  if (PQgetisnull(r, row, column)) return false;
  const char* text = PQgetvalue(r, row, column);
  const int length = PQgetlength(r, row, column);
  return std::from_chars(text, text + length, out).ec == std::errc();
}

void readRows(const PGresult* r, std::size_t maxRows, EventWindowResult& out) {
  const int n = PQntuples(r);
  std::unordered_map<std::string, std::uint16_t> typeIndex;
  auto& rows = out.rows;
  const std::size_t keep = std::min<std::size_t>(static_cast<std::size_t>(n), maxRows);
  out.truncated = static_cast<std::size_t>(n) > maxRows;
  rows.days.reserve(keep);
  rows.longitudes.reserve(keep);
  rows.latitudes.reserve(keep);
  rows.typeOf.reserve(keep);
  for (int i = 0; i < static_cast<int>(keep); ++i) {
    Day day = 0;
    double lon = 0, lat = 0;
    if (!readNumber(r, i, 0, day) || !readNumber(r, i, 1, lon) || !readNumber(r, i, 2, lat))
      continue;
    const std::string type = PQgetisnull(r, i, 3) ? std::string() : PQgetvalue(r, i, 3);
    auto [it, added] = typeIndex.try_emplace(type, static_cast<std::uint16_t>(rows.types.size()));
    if (added) {
      if (rows.types.size() < kMaxTypes) {
        rows.types.push_back(type);
      } else {
        it->second = static_cast<std::uint16_t>(kMaxTypes - 1);
      }
    }
    rows.days.push_back(day);
    rows.longitudes.push_back(static_cast<float>(lon));
    rows.latitudes.push_back(static_cast<float>(lat));
    rows.typeOf.push_back(it->second);
  }
}

void readCells(const PGresult* r, double size, EventWindowResult& out) {
  const int n = std::min(PQntuples(r), static_cast<int>(kMaxCells));
  out.truncated = PQntuples(r) > n;
  out.cells.reserve(n);
  for (int i = 0; i < n; ++i) {
    std::int64_t column = 0, row = 0, count = 0;
    if (!readNumber(r, i, 0, column) || !readNumber(r, i, 1, row) || !readNumber(r, i, 2, count))
      continue;
    out.cells.push_back({(static_cast<double>(column) + 0.5) * size,
                         (static_cast<double>(row) + 0.5) * size, count});
  }
}

std::string numberText(double v) {
  char buffer[32];
  const auto end = std::to_chars(buffer, buffer + sizeof buffer, v).ptr;
  return std::string(buffer, end);
}

std::vector<std::string> parameters(const EventWindowRequest& w, std::size_t limit) {
  return {formatDate(w.first),
          formatDate(w.last),
          numberText(w.box.west),
          numberText(w.box.south),
          numberText(w.box.east),
          numberText(w.box.north),
          w.cellDegrees > 0 ? numberText(w.cellDegrees) : std::to_string(limit)};
}

}  // namespace

std::string quoteIdentifier(std::string_view name) {
  std::string q = "\"";
  for (const char c : name) {
    if (c == '\0') continue;  // no identifier holds one; libpq would end the text there
    if (c == '"') q += '"';
    q += c;
  }
  return q + "\"";
}

std::string qualifiedName(const PostgisEventTable& t) {
  return (t.schema.empty() ? "" : quoteIdentifier(t.schema) + ".") + quoteIdentifier(t.table);
}

std::string windowRowsSql(const PostgisEventTable& t) {
  const std::string type =
      t.typeColumn.empty() ? "NULL::text" : quoteIdentifier(t.typeColumn) + "::text";
  return "SELECT (" + dateExpression(t) + "::date - DATE '1970-01-01'), " + longitudeExpression(t) +
         ", " + latitudeExpression(t) + ", " + type + windowFilter(t) + " LIMIT $7::bigint";
}

std::string windowCellsSql(const PostgisEventTable& t) {
  return "SELECT floor(" + longitudeExpression(t) + " / $7::float8)::bigint, floor(" +
         latitudeExpression(t) + " / $7::float8)::bigint, count(*)" + windowFilter(t) +
         " GROUP BY 1, 2";
}

std::vector<std::string> createIndexStatements(const PostgisEventTable& t) {
  std::vector<std::string> s;
  const std::string on = " ON " + qualifiedName(t);
  const std::string position = positionExpression(t);
  s.push_back("CREATE INDEX IF NOT EXISTS " + quoteIdentifier(t.table + "_position_gist") + on +
              " USING gist (" + (t.geometryColumn.empty() ? "(" + position + ")" : position) + ")");
  if (!t.dateIsText)
    s.push_back("CREATE INDEX IF NOT EXISTS " + quoteIdentifier(t.table + "_date_btree") + on +
                " (" + quoteIdentifier(t.dateColumn) + ")");
  s.push_back("ANALYZE " + qualifiedName(t));
  return s;
}

PostgisTarget parsePostgisTarget(std::string_view text) {
  PostgisTarget target;
  if (text.substr(0, 3) == "PG:") text.remove_prefix(3);
  // Keys are separated by spaces outside quotes; GDAL's own keys are taken out of the conninfo.
  std::size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && text[i] == ' ')
      ++i;
    const std::size_t start = i;
    bool quoted = false;
    for (; i < text.size() && (quoted || text[i] != ' '); ++i) {
      if (text[i] == '\\' && i + 1 < text.size()) {
        ++i;
      } else if (text[i] == '\'') {
        quoted = !quoted;
      }
    }
    const std::string_view item = text.substr(start, i - start);
    if (item.empty()) continue;
    const auto key = item.substr(0, item.find('='));
    if (key == "tables" || key == "table") {
      const auto names = item.substr(key.size() + 1);
      target.table = std::string(names.substr(0, names.find(',')));
      if (const auto paren = target.table.find('('); paren != std::string::npos)
        target.table.resize(paren);  // GDAL's "table(geom)" names the geometry column
    } else if (key == "schemas" || key == "active_schema" || key == "list_all_tables") {
      continue;
    } else {
      if (!target.conninfo.empty()) target.conninfo += ' ';
      target.conninfo += std::string(item);
    }
  }
  return target;
}

// ---- the worker ----

struct PostgisEventFeed::Worker {
  std::string conninfo, tableName;
  mutable std::mutex mutex;
  std::condition_variable changed;
  std::optional<std::pair<std::uint64_t, EventWindowRequest>> pending;
  std::optional<EventWindowResult> ready;
  std::uint64_t lastId = 0;
  bool running = false;  // a query is with the server
  bool stopping = false;
  EventFeedCounts counts;
  std::optional<PostgisEventTable> table;
  std::string connectionError;
  int wakeFd = -1;
  std::function<void()> onAnswer;
  std::thread thread;

  Connection connection;
  CancelHandle cancel;

  void wake() {
    const std::uint64_t one = 1;
    [[maybe_unused]] auto n = ::write(wakeFd, &one, sizeof one);
    changed.notify_all();
  }
  bool shouldStop() {
    std::lock_guard lock(mutex);
    return stopping;
  }
  bool superseded(std::uint64_t id) {
    std::lock_guard lock(mutex);
    return stopping || (pending && pending->first > id);
  }

  // Connects without blocking the destructor: a stop request ends the wait.
  bool connect() {
    connection.reset(PQconnectStart(conninfo.c_str()));
    if (!connection) return fail("out of memory");
    PostgresPollingStatusType status = PGRES_POLLING_WRITING;
    while (status != PGRES_POLLING_OK) {
      if (PQstatus(connection.get()) == CONNECTION_BAD || status == PGRES_POLLING_FAILED)
        return fail(PQerrorMessage(connection.get()));
      waitSocket(PQsocket(connection.get()), status == PGRES_POLLING_READING ? POLLIN : POLLOUT,
                 wakeFd);
      if (shouldStop()) return false;
      status = PQconnectPoll(connection.get());
    }
    if (PQstatus(connection.get()) != CONNECTION_OK) return fail(PQerrorMessage(connection.get()));
    quietNotices(connection.get());
    try {
      auto described = describeTable(connection.get(), tableName);
      std::lock_guard lock(mutex);
      table = std::move(described);
    } catch (const std::exception& e) {
      std::lock_guard lock(mutex);
      connectionError = e.what();
      connection.reset();
      return false;
    }
    cancel.reset(PQgetCancel(connection.get()));
    return true;
  }
  bool fail(std::string_view why) {
    std::lock_guard lock(mutex);
    connectionError = serverMessage(connection.get(), why);
    connection.reset();
    return false;
  }

  void deliver(EventWindowResult result) {
    std::function<void()> wakeUi;
    {
      std::lock_guard lock(mutex);
      if (result.error.empty()) {
        ++counts.delivered;
      } else {
        ++counts.failed;
      }
      ready = std::move(result);
      wakeUi = onAnswer;
      changed.notify_all();
    }
    if (wakeUi) wakeUi();
  }

  // Sends one request and waits for its answer, cancelling it when a newer one comes.
  void answer(std::uint64_t id, const EventWindowRequest& window) {
    EventWindowResult result;
    result.requestId = id;
    result.request = window;
    if (!connection && !connect()) {
      {
        std::lock_guard lock(mutex);
        result.error = connectionError;
      }
      deliver(std::move(result));
      return;
    }
    PGconn* conn = connection.get();
    const bool cells = window.cellDegrees > 0;
    const std::size_t maxRows = std::min(window.maxRows, kMaxRowsCeiling);
    const std::string sql = cells ? windowCellsSql(*table) : windowRowsSql(*table);
    const auto values = parameters(window, maxRows + 1);
    std::vector<const char*> pointers;
    for (const auto& v : values)
      pointers.push_back(v.c_str());
    if (!PQsendQueryParams(conn, sql.c_str(), static_cast<int>(pointers.size()), nullptr,
                           pointers.data(), nullptr, nullptr, 0)) {
      result.error = serverMessage(conn, PQerrorMessage(conn));
      connection.reset();
      deliver(std::move(result));
      return;
    }
    {
      std::lock_guard lock(mutex);
      ++counts.sent;
    }
    bool cancelSent = false;
    while (PQisBusy(conn)) {
      waitSocket(PQsocket(conn), POLLIN, wakeFd);
      if (!cancelSent && superseded(id)) {
        char reason[256];
        PQcancel(cancel.get(), reason, sizeof reason);  // the server ends it; we drain below
        cancelSent = true;
      }
      if (!PQconsumeInput(conn)) break;
    }
    Result answerResult;
    for (PGresult* r; (r = PQgetResult(conn)) != nullptr;)
      if (!answerResult) {
        answerResult.reset(r);
      } else {
        PQclear(r);
      }
    if (cancelSent || superseded(id)) {
      const char* state =
          answerResult ? PQresultErrorField(answerResult.get(), PG_DIAG_SQLSTATE) : nullptr;
      std::lock_guard lock(mutex);
      ++counts.cancelled;
      if (state && std::string_view(state) == "57014") ++counts.serverCancelled;  // query_canceled
      return;  // stale: a newer window is pending
    }
    if (!answerResult || !succeeded(answerResult.get())) {
      result.error = serverMessage(conn, PQerrorMessage(conn));
      if (PQstatus(conn) == CONNECTION_BAD) connection.reset();
    } else if (cells) {
      readCells(answerResult.get(), window.cellDegrees, result);
    } else {
      readRows(answerResult.get(), maxRows, result);
    }
    answerResult.reset();
    deliver(std::move(result));
  }

  void run() {
    if (!connect() && shouldStop()) return;
    for (;;) {
      std::pair<std::uint64_t, EventWindowRequest> next;
      {
        std::unique_lock lock(mutex);
        changed.wait(lock, [&] { return stopping || pending; });
        if (stopping) return;
        next = *pending;
        pending.reset();
        running = true;
      }
      answer(next.first, next.second);
      std::lock_guard lock(mutex);
      running = false;
    }
  }
};

PostgisEventFeed::PostgisEventFeed(std::string conninfo, std::string table)
    : worker_(std::make_unique<Worker>()) {
  worker_->conninfo = std::move(conninfo);
  worker_->tableName = std::move(table);
  worker_->wakeFd = ::eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
  if (worker_->wakeFd < 0) throw std::runtime_error("PostGIS: no eventfd for the query thread");
  worker_->thread = std::thread([w = worker_.get()] { w->run(); });
}

PostgisEventFeed::~PostgisEventFeed() {
  {
    std::lock_guard lock(worker_->mutex);
    worker_->stopping = true;
  }
  worker_->wake();
  worker_->thread.join();
  ::close(worker_->wakeFd);
}

std::uint64_t PostgisEventFeed::request(const EventWindowRequest& window) {
  std::uint64_t id = 0;
  {
    std::lock_guard lock(worker_->mutex);
    id = ++worker_->lastId;
    worker_->pending = std::pair{id, window};
  }
  worker_->wake();
  return id;
}

void PostgisEventFeed::onAnswer(std::function<void()> wake) {
  std::lock_guard lock(worker_->mutex);
  worker_->onAnswer = std::move(wake);
}

std::optional<EventWindowResult> PostgisEventFeed::take() {
  std::lock_guard lock(worker_->mutex);
  auto result = std::move(worker_->ready);
  worker_->ready.reset();
  return result;
}

std::optional<EventWindowResult> PostgisEventFeed::waitFor(std::uint64_t requestId, int timeoutMs) {
  std::unique_lock lock(worker_->mutex);
  worker_->changed.wait_for(lock, std::chrono::milliseconds(timeoutMs), [&] {
    return worker_->ready && worker_->ready->requestId >= requestId;
  });
  if (!worker_->ready || worker_->ready->requestId < requestId) return std::nullopt;
  auto result = std::move(worker_->ready);
  worker_->ready.reset();
  return result;
}

bool PostgisEventFeed::busy() const {
  std::lock_guard lock(worker_->mutex);
  return worker_->running || worker_->pending;
}

EventFeedCounts PostgisEventFeed::counts() const {
  std::lock_guard lock(worker_->mutex);
  return worker_->counts;
}

std::optional<PostgisEventTable> PostgisEventFeed::table() const {
  std::lock_guard lock(worker_->mutex);
  return worker_->table;
}

std::string PostgisEventFeed::connectionError() const {
  std::lock_guard lock(worker_->mutex);
  return worker_->connectionError;
}

std::vector<std::string> createEventIndexes(const std::string& conninfo, const std::string& table) {
  Connection conn(PQconnectdb(conninfo.c_str()));
  if (!conn || PQstatus(conn.get()) != CONNECTION_OK)
    throw std::runtime_error(
        serverMessage(conn.get(), conn ? PQerrorMessage(conn.get()) : "out of memory"));
  quietNotices(conn.get());
  const auto statements = createIndexStatements(describeTable(conn.get(), table));
  for (const auto& sql : statements) {
    Result r(PQexec(conn.get(), sql.c_str()));
    if (!succeeded(r.get()))
      throw std::runtime_error(serverMessage(conn.get(), PQerrorMessage(conn.get())));
  }
  return statements;
}

}  // namespace idlib
