#include "geo/timeline_loader.hpp"

#include <fmt/format.h>
#include <gdal/cpl_error.h>
#include <gdal/ogrsf_frmts.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <functional>
#include <future>
#include <limits>
#include <new>

#include "core/column_mapping.hpp"
#include "core/csv_quotes.hpp"
#include "core/event_cache.hpp"
#include "core/input_files.hpp"
#include "core/output_paths.hpp"
#include "core/table_rows.hpp"
#include "core/text_safety.hpp"
#include "geo/feature_stream.hpp"
#include "geo/gdal_drivers.hpp"
#include "geo/ogr_rows.hpp"
#include "geo/projection.hpp"

namespace idlib {
namespace {

// Whether `path` is a file (or a database) GDAL may be asked to read; says why not where it is
// not.
bool worthOpening(const std::string& path, std::vector<Notice>& notices) {
  namespace fs = std::filesystem;
  if (isDatabaseConnection(path)) return true;  // GDAL says why it cannot connect
  std::error_code error;
  const fs::file_status status = fs::status(path, error);
  auto refuse = [&](std::string_view why) {
    notices.push_back({Severity::Error, fmt::format("{}: {}", path, why)});
    return false;
  };
  if (!fs::exists(status)) return refuse("file not found");
  if (fs::is_directory(status)) return refuse("is a folder, not a table");
  if (const std::optional<std::string> why = refuseInput(path)) return refuse(*why);
  if (fs::is_regular_file(status) && fs::file_size(path, error) == 0 && !error)
    return refuse("is empty");
  return true;
}

// GDAL's last error on one line, or words saying it gave none (never an empty "()").
std::string gdalReason() {
  const std::string reason = oneLine(CPLGetLastErrorMsg());
  return reason.empty() ? "GDAL recognises no table format in it and gives no reason" : reason;
}

// GDAL's CSV reader takes everything after an unclosed quote as one field: say so.
std::optional<Notice> unclosedQuoteNotice(const std::string& path) {
  const auto quote = findUnclosedQuoteInFile(path);
  if (!quote) return std::nullopt;
  return Notice{Severity::Error,
                fmt::format("{} line {}: a quote opens here and is never closed; the {} lines "
                            "after it could not be read as rows",
                            path, quote->line, quote->linesAfter)};
}

std::vector<std::string> columnNames(const OGRFeatureDefn& defn) {
  std::vector<std::string> names;
  for (int i = 0; i < defn.GetFieldCount(); ++i)
    names.emplace_back(defn.GetFieldDefn(i)->GetNameRef());
  return names;
}

// The first row's values: a header one line down shows up there.
std::vector<std::string> firstRowValues(OGRLayer& layer) {
  std::vector<std::string> values;
  const OGRFeatureUniquePtr first(layer.GetNextFeature());
  layer.ResetReading();
  for (int i = 0; first && i < first->GetFieldCount(); ++i)
    if (first->IsFieldSetAndNotNull(i)) values.emplace_back(first->GetFieldAsString(i));
  return values;
}

// Keeps a file's row notices to a readable number: a million bad rows give a hundred messages
// and a count, not a million messages.
class RowNotices {
 public:
  RowNotices(const std::string& path, std::vector<Notice>& notices)
      : path_(path), notices_(notices) {}
  ~RowNotices() {
    if (unlisted_ == 0) return;
    notices_.push_back({worst_, fmt::format("{}: {} more problems in later rows are not listed "
                                            "(the first {} are)",
                                            path_, unlisted_, kListed)});
  }
  RowNotices(const RowNotices&) = delete;
  RowNotices& operator=(const RowNotices&) = delete;

  void add(std::vector<Notice>& row) {
    for (Notice& n : row) {
      if (listed_ < kListed) {
        notices_.push_back(std::move(n));
        ++listed_;
      } else {
        ++unlisted_;
        worst_ = std::max(worst_, n.severity);
      }
    }
    row.clear();
  }

 private:
  static constexpr std::size_t kListed = 100;
  const std::string& path_;
  std::vector<Notice>& notices_;
  std::size_t listed_ = 0, unlisted_ = 0;
  Severity worst_ = Severity::Info;
};

// Tells GDAL to skip the columns events are not read from (ACLED has a dozen), so it does not
// copy them out of every row. `columns` names them: the layer's own, or the header's for a part
// of a file read without one.
void readOnlyEventColumns(OGRLayer& layer, const OGRFeatureDefn& columns,
                          const ColumnMapping& mapping) {
  std::vector<std::string> used(eventColumnsRead().begin(), eventColumnsRead().end());
  for (const EventField& f : eventFields())
    if (const std::string& c = mapping.*(f.column); !c.empty()) used.push_back(c);
  std::vector<const char*> ignored;
  const OGRFeatureDefn& defn = *layer.GetLayerDefn();
  for (int i = 0; i < defn.GetFieldCount(); ++i) {
    const bool named = i < columns.GetFieldCount();
    if (!named ||
        std::find(used.begin(), used.end(), columns.GetFieldDefn(i)->GetNameRef()) == used.end())
      ignored.push_back(defn.GetFieldDefn(i)->GetNameRef());
  }
  ignored.push_back(nullptr);
  layer.SetIgnoredFields(ignored.data());
}

// Where a table's events go as they are read: a cache's builder when the table may be cached
// (its texts go to disk as read), else a store.
struct EventSink {
  std::optional<EventCacheBuilder> building;
  EventStore events;

  void add(const Event& e) { building ? building->add(e) : events.push_back(e); }
  // Room for `n` events: a hint (pages untouched cost nothing), so where there is no such room
  // the columns grow as they are filled.
  void reserve(std::size_t n) try {
    building ? building->reserve(n) : events.reserve(n);
  } catch (const std::bad_alloc&) {
  }
  // A sink for the events after this one's, gathered at once (EventCacheBuilder::laterPart).
  EventSink laterPart(std::uint64_t textBound) {
    EventSink later;
    if (building) later.building.emplace(building->laterPart(textBound));
    return later;
  }
  void append(EventSink&& other) {
    building ? building->append(std::move(*other.building))
             : events.append(std::move(other.events));
  }
};

using RowVisit = std::function<void(const Row&, std::vector<Notice>&)>;
using Said = std::function<bool(std::vector<Notice>&)>;

// How one layer's rows are read: named by `columns`, numbered by `numbering`, renamed by
// `mapping`, placed by `pointOf` (if any), non-UTF-8 text repaired by `text`.
struct RowReading {
  const std::string& path;
  const OGRFeatureDefn& columns;
  RowNumbering numbering;
  const ColumnMapping& mapping;
  const FeaturePoints* pointOf;
  TextRepair& text;
};

// Gives `visit` each feature of the layer with a list for what is wrong with it; `said` takes
// that and returns false to stop. Returns the last feature id read.
template <class FeatureVisit>
GIntBig visitFeatures(OGRLayer& layer, FeatureVisit&& visit, const Said& said) {
  std::vector<Notice> aboutRow;
  GIntBig last = 0;
  FeatureStream features(layer);  // GDAL reads ahead on a thread of its own
  FeatureStream::Batch batch;
  while (features.next(batch))
    for (const OGRFeatureUniquePtr& feature : batch) {
      last = feature->GetFID();
      visit(*feature, aboutRow);
      if (!said(aboutRow)) return last;
    }
  return last;
}

// visitFeatures with each feature as a Row, repaired and renamed by the mapping.
GIntBig visitRows(OGRLayer& layer, const RowReading& how, const RowVisit& visit, const Said& said) {
  RowReader reader(how.columns, how.path, how.numbering);
  const auto asRow = [&](OGRFeature& feature, std::vector<Notice>& aboutRow) {
    Row& row = reader.read(feature);
    how.text.repair(row, aboutRow);
    const auto point = how.pointOf ? (*how.pointOf)(feature) : std::nullopt;
    if (how.mapping.empty() || applyMapping(how.mapping, row, point, aboutRow))
      visit(row, aboutRow);
  };
  return visitFeatures(layer, asRow, said);
}

// Makes rows events on one thread, with a projection of its own (PROJ's are not shared).
struct EventMaker {
  const Projection& projection;
  std::uint16_t sourceIndex;
  EventSink& sink;
  Event e{};  // one, reused: its strings keep their memory from row to row

  void operator()(const EventFields& row, std::vector<Notice>& said) {
    if (!readEvent(row, e, said)) return;
    e.position = projection.forward(e.where);
    e.sourceIndex = sourceIndex;
    sink.add(e);
  }
};

// visitFeatures making events: of the fields found by column where the table is read as it is
// (issue 12: a million rows are not a million Rows), else of Rows renamed by the mapping.
GIntBig visitEvents(OGRLayer& layer, const RowReading& how, EventMaker& make, const Said& said) {
  EventFieldReader fields(how.columns, how.path, how.numbering);
  if (!how.mapping.empty() || !fields.usable())
    return visitRows(
        layer, how,
        [&](const Row& row, std::vector<Notice>& aboutRow) { make(eventFieldsOf(row), aboutRow); },
        said);
  const auto asEvent = [&](OGRFeature& feature, std::vector<Notice>& aboutRow) {
    make(fields.read(feature, how.text, aboutRow), aboutRow);
  };
  return visitFeatures(layer, asEvent, said);
}

// Makes the layer's events until a row has something to say; false from there.
bool readQuietly(OGRLayer& layer, const RowReading& how, EventMaker& make) {
  bool spoke = false;
  visitEvents(layer, how, make, [&](const std::vector<Notice>& about) {
    spoke = !about.empty();
    return !spoke;
  });
  return !spoke;
}

// What is wrong with a layer's columns for `table`, or nothing.
std::optional<std::string> columnsProblem(const std::string& path, Table table, OGRLayer& layer,
                                          const ColumnMapping& mapping, bool hasGeometry) {
  const std::vector<std::string> names = columnNames(*layer.GetLayerDefn());
  return mapping.empty() ? missingColumnsMessage(path, table, names, firstRowValues(layer))
                         : mappingProblem(path, mapping, names, hasGeometry);
}

// Checks the quotes of a CSV (a read of the whole file) on a thread of its own while the rows
// are read; what it finds is said before the rows' notices.
class QuoteCheck {
 public:
  QuoteCheck(const std::string& path, bool csv, std::vector<Notice>& notices)
      : notices_(notices), at_(notices.size()) {
    if (csv) found_ = std::async(std::launch::async, [&path] { return unclosedQuoteNotice(path); });
  }
  ~QuoteCheck() {
    if (found_.valid())
      if (auto notice = found_.get())
        notices_.insert(notices_.begin() + static_cast<std::ptrdiff_t>(at_), std::move(*notice));
  }
  QuoteCheck(const QuoteCheck&) = delete;
  QuoteCheck& operator=(const QuoteCheck&) = delete;

 private:
  std::vector<Notice>& notices_;
  std::size_t at_;
  std::future<std::optional<Notice>> found_;
};

using LayerRead = std::function<void(OGRLayer&, const RowReading&, const Said&)>;

// Calls `read` for every layer of `path` that has the columns `table` needs (named so, or through
// `mapping`, which renames them first), with a `said` that gathers what it has to say about each
// row; reports files GDAL cannot read, and layers without those columns (once, not per row).
void forEachLayer(const std::string& path, Table table, std::vector<Notice>& notices,
                  const LayerRead& read, const ColumnMapping& mapping = {}) {
  if (!worthOpening(path, notices)) return;
  const GDALDatasetUniquePtr ds = openTable(path);
  if (!ds) {
    notices.push_back(
        {Severity::Error, fmt::format("{}: is not a table GDAL can read: {}", path, gdalReason())});
    return;
  }
  const QuoteCheck quotes(path, std::string_view(ds->GetDriver()->GetDescription()) == "CSV",
                          notices);
  TextRepair text;
  RowNotices said(path, notices);
  for (auto* layer : ds->GetLayers()) {
    const FeaturePoints pointOf(*layer);
    if (auto problem = columnsProblem(path, table, *layer, mapping, pointOf.layerHasGeometry())) {
      notices.push_back({Severity::Error, *problem});
      continue;
    }
    const OGRFeatureDefn& defn = *layer->GetLayerDefn();
    if (table == Table::Events) readOnlyEventColumns(*layer, defn, mapping);
    const RowReading how{
        path, defn, rowNumbering(*ds), mapping, mapping.useGeometry ? &pointOf : nullptr, text};
    read(*layer, how, [&](std::vector<Notice>& about) {
      said.add(about);
      return true;
    });
  }
}

// forEachLayer visiting every row.
void forEachRow(const std::string& path, Table table, std::vector<Notice>& notices,
                const RowVisit& visit) {
  forEachLayer(path, table, notices, [&](OGRLayer& layer, const RowReading& how, const Said& said) {
    visitRows(layer, how, visit, said);
  });
}

// What a table's cache depends on besides the file: how it is read and where it is drawn.
std::optional<std::string> cacheKeyOf(const EventSource& source) {
  if (isDatabaseConnection(source.path)) return std::nullopt;  // a server's table changes unseen
  return eventCacheKey(
      source.path, fmt::format("events v1\n{}\n{}", columnMappingText(source.columns), kMapCrs));
}

// A CSV table as GDAL reads one part of it (`from`, `bytes`), the part after the first without
// the header; all as text, as openTable opens tables.
GDALDatasetUniquePtr openCsvPart(const std::string& path, std::uint64_t from, std::uint64_t bytes) {
  const std::string part = fmt::format("/vsisubfile/{}_{},{}", from, bytes, path);
  const char* drivers[] = {"CSV", nullptr};
  const char* options[] = {"AUTODETECT_TYPE=NO", "KEEP_GEOM_COLUMNS=YES",
                           from > 0 ? "HEADERS=NO" : nullptr, nullptr};
  const CPLErrorStateBackuper keepLastError;  // a refused part is no error of the user's file
  const CPLErrorHandlerPusher quiet(CPLQuietErrorHandler);
  return GDALDatasetUniquePtr(GDALDataset::Open(part.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY,
                                                drivers, options, nullptr));
}

// Whether GDAL reads the layer's rows as text only, with no geometry.
bool textOnly(OGRLayer& layer) {
  const OGRFeatureDefn& defn = *layer.GetLayerDefn();
  for (int i = 0; i < defn.GetFieldCount(); ++i)
    if (defn.GetFieldDefn(i)->GetType() != OFTString) return false;
  return defn.GetGeomFieldCount() == 0;
}

// The two halves of a big CSV, each opened by GDAL, and where they meet.
struct CsvHalves {
  GDALDatasetUniquePtr first, second;
  RecordBoundary cut;
  std::uintmax_t size = 0;
  OGRLayer& firstLayer() const { return *first->GetLayer(0); }
  OGRLayer& secondLayer() const { return *second->GetLayer(0); }
  // The rows of the first half (counted), and of both (guessed from the first's bytes a row).
  std::size_t firstRows() const { return static_cast<std::size_t>(cut.recordsBefore - 1); }
  std::size_t rowsGuess() const {  // never fewer than the first half's
    return static_cast<std::size_t>(static_cast<double>(firstRows()) * static_cast<double>(size) /
                                    static_cast<double>(cut.offset) * 1.02);
  }
};

// The line of `path` from byte `at` (GDAL finds a CSV's separator from its first line, so each
// half's first line must give the whole file's); empty where it is longer than 64 KiB.
std::string lineAt(const std::string& path, std::uint64_t at) {
  std::ifstream in(path, std::ios::binary);
  std::string line(std::size_t{64} << 10, '\0');
  in.seekg(static_cast<std::streamoff>(at));
  in.read(line.data(), static_cast<std::streamsize>(line.size()));
  line.resize(static_cast<std::size_t>(in.gcount()));
  const std::size_t end = line.find('\n');
  return end == std::string::npos ? std::string() : line.substr(0, end);
}

// A CSV of at least `fromBytes` cut at a row boundary near its middle, when both halves read as
// the whole would: text, no geometry, the first half's columns as the events need them.
std::optional<CsvHalves> csvHalves(const std::string& path, std::uintmax_t fromBytes,
                                   const ColumnMapping& mapping) {
  namespace fs = std::filesystem;
  std::error_code error;
  std::string extension = fs::path(path).extension().string();
  std::transform(extension.begin(), extension.end(), extension.begin(),
                 [](unsigned char c) { return std::tolower(c); });
  const std::uintmax_t size = fs::file_size(path, error);
  if (mapping.useGeometry || extension != ".csv" || !fs::is_regular_file(path, error) || error ||
      size < fromBytes)
    return std::nullopt;
  const std::optional<RecordBoundary> cut = findRecordBoundaryInFile(path, size / 2);
  // Rows are numbered as ints (GDAL's feature ids plus the line offset).
  constexpr long kMostRecords = std::numeric_limits<int>::max() / 2;
  if (!cut || cut->offset >= size || cut->recordsBefore > kMostRecords) return std::nullopt;
  if (!separatedByCommas(lineAt(path, 0)) || !separatedByCommas(lineAt(path, cut->offset)))
    return std::nullopt;
  CsvHalves halves{openCsvPart(path, 0, cut->offset),
                   openCsvPart(path, cut->offset, size - cut->offset), *cut, size};
  if (!halves.first || !halves.second || halves.first->GetLayerCount() != 1 ||
      halves.second->GetLayerCount() != 1)
    return std::nullopt;
  OGRLayer& first = halves.firstLayer();
  OGRLayer& second = halves.secondLayer();
  if (!textOnly(first) || !textOnly(second) ||
      second.GetLayerDefn()->GetFieldCount() < first.GetLayerDefn()->GetFieldCount() ||
      columnsProblem(path, Table::Events, first, mapping, false))
    return std::nullopt;
  return halves;
}

// A big CSV's events read by two GDAL readers at once, one on each half of the file, and made
// events on two threads (issue 12): GDAL's parse is most of a big table's load, and one reader
// keeps one core busy. The second half, read without its header, is numbered from the records
// counted before the cut; where GDAL counts the first half's rows otherwise, nothing is kept and
// this returns false (the file is then read whole). Where the second half has something to say
// about a row, it stops and is read again after the first, so what is said keeps the file's order.
bool readEventHalves(const EventSource& source, std::uintmax_t fromBytes, EventMaker first,
                     const std::function<EventSink()>& newSink, std::vector<Notice>& notices) {
  const std::string& path = source.path;
  const ColumnMapping& mapping = source.columns;
  const std::optional<CsvHalves> halves = csvHalves(path, fromBytes, mapping);
  const std::optional<Projection> projection = halves ? first.projection.clone() : std::nullopt;
  if (!projection) return false;
  const OGRFeatureDefn& columns = *halves->firstLayer().GetLayerDefn();
  readOnlyEventColumns(halves->firstLayer(), columns, mapping);
  readOnlyEventColumns(halves->secondLayer(), columns, mapping);
  const RowNumbering secondNumbering{true, static_cast<int>(halves->cut.recordsBefore)};

  const std::size_t noticesBefore = notices.size();
  bool agreed = false;
  {
    const QuoteCheck quotes(path, true, notices);
    // Sized once from the first half's count: columns that grow by doubling on two threads
    // leave the heap fragmented (a 5M table peaked at 1.1 GB) and copy themselves each time;
    // the first half's has room for the second's, so joining them copies nothing of its own.
    first.sink.reserve(halves->rowsGuess());
    // The first half's texts (ids, notes) are its fields, each at most three times as long read
    // as Latin-1, with their lengths: never four times the half's bytes.
    EventSink secondSink = first.sink.laterPart(4 * halves->cut.offset + 4096);
    auto second = std::async(std::launch::async, [&] {
      // Its own, gone when it is not kept: the first half may then write where its texts were.
      EventSink sink = std::move(secondSink);
      sink.reserve(halves->rowsGuess() - halves->firstRows());
      TextRepair text;
      EventMaker make{*projection, first.sourceIndex, sink};
      const bool whole = readQuietly(
          halves->secondLayer(), {path, columns, secondNumbering, mapping, nullptr, text}, make);
      return whole ? std::optional(std::move(sink)) : std::nullopt;
    });
    TextRepair text;
    RowNotices said(path, notices);
    auto tell = [&](std::vector<Notice>& about) {
      said.add(about);
      return true;
    };
    const RowReading firstHalf{path, columns, {true, 1}, mapping, nullptr, text};
    const GIntBig last = visitEvents(halves->firstLayer(), firstHalf, first, tell);
    std::optional<EventSink> secondEvents = second.get();
    agreed = last + 1 == halves->cut.recordsBefore;
    if (agreed && secondEvents) {
      first.sink.append(std::move(*secondEvents));
    } else if (agreed) {
      RowReading secondHalf = firstHalf;
      secondHalf.numbering = secondNumbering;
      visitEvents(halves->secondLayer(), secondHalf, first, tell);
    }
  }
  if (agreed) return true;
  notices.resize(noticesBefore);
  first.sink = newSink();
  return false;
}

// One table's events: from its cache when that is good, else read through GDAL (and cached when
// big and read without a problem, so the problems are said again next time).
EventStore loadEvents(const EventSource& source, std::uint16_t sourceIndex,
                      const TimelineSources& options, const Projection& projection,
                      std::vector<Notice>& notices) {
  const auto folder = eventCacheFolder();
  const auto key = folder ? cacheKeyOf(source) : std::nullopt;
  const auto cacheFile = key ? std::optional(eventCacheFile(*folder, *key)) : std::nullopt;
  if (cacheFile) {
    EventCacheRead cached = readEventCache(*cacheFile, *key);
    if (cached.events) {
      cached.events->setSourceIndex(sourceIndex);
      return std::move(*cached.events);
    }
    if (!cached.problem.empty())
      notices.push_back({Severity::Info, cached.problem + "; the table is read again"});
  }
  const std::size_t noticesBefore = notices.size();
  // A table that may be cached is gathered by the cache's builder.
  auto newSink = [&] {
    EventSink sink;
    if (cacheFile) sink.building.emplace(*cacheFile, *key);
    return sink;
  };
  EventSink sink = newSink();
  EventMaker make{projection, sourceIndex, sink};
  if (!readEventHalves(source, options.halvesFromBytes, make, newSink, notices))
    forEachLayer(
        source.path, Table::Events, notices,
        [&](OGRLayer& layer, const RowReading& how, const Said& said) {
          visitEvents(layer, how, make, said);
        },
        source.columns);
  if (!sink.building) return std::move(sink.events);
  if (sink.building->size() >= options.cacheFromEvents && notices.size() == noticesBefore)
    if (auto error = sink.building->write())
      notices.push_back({Severity::Info, *error + " (the events cache; the table loaded)"});
  // Written, the events read their notes from the cache file instead of memory.
  return std::move(*sink.building).take();
}

}  // namespace

bool hasEventColumns(const std::string& path) {
  std::vector<Notice> ignored;
  if (!worthOpening(path, ignored)) return false;
  const GDALDatasetUniquePtr ds = openTable(path);  // what is not a table loads as a layer
  if (!ds) return false;
  for (auto* layer : ds->GetLayers())
    if (!missingColumnsMessage(path, Table::Events, columnNames(*layer->GetLayerDefn())))
      return true;
  return false;
}

TimelineSources bundledTimelineSources(const std::string& dataDir) {
  const std::string geo = dataDir + "/geodata/";
  return {{{geo + "events.csv", "Idlib Atlas (articles)"}},
          geo + "observation_posts.csv",
          geo + "control_changes.csv",
          geo + "displacement_figures.csv",
          geo + "displacement_flows.csv"};
}

// Reads the tables through core's row readers, then places what they read on the map's plane.
TimelineLoad loadTimeline(const TimelineSources& sources) {
  registerGdalDrivers();
  TimelineLoad out;
  Timeline& t = out.timeline;
  Displacement& d = out.displacement;
  auto& notices = out.notices;
  const Projection projection = Projection::lonLatToMap();

  for (std::size_t i = 0; i < sources.events.size(); ++i)
    t.events.append(
        loadEvents(sources.events[i], static_cast<std::uint16_t>(i), sources, projection, notices));
  if (!sources.posts.empty())
    forEachRow(sources.posts, Table::Posts, notices,
               [&](const Row& row, std::vector<Notice>& said) {
                 if (auto p = postFromRow(row, said)) {
                   if (!std::isnan(p->where.lon)) p->position = projection.forward(p->where);
                   t.posts.push_back(std::move(*p));
                 }
               });
  if (!sources.controlChanges.empty()) {
    LocalityCollector localities;
    forEachRow(sources.controlChanges, Table::ControlChanges, notices,
               [&](const Row& row, std::vector<Notice>& said) {
                 if (auto change = controlChangeFromRow(row, said))
                   localities.add(std::move(*change));
               });
    t.localities = localities.take();
    for (Locality& l : t.localities)
      l.position = projection.forward(l.where);
  }
  t.finish();

  if (!sources.displacementFigures.empty())
    forEachRow(sources.displacementFigures, Table::DisplacementFigures, notices,
               [&](const Row& row, std::vector<Notice>& said) {
                 if (auto f = figureFromRow(row, said)) {
                   f->position = projection.forward(f->where);
                   d.figures.push_back(std::move(*f));
                 }
               });
  if (!sources.displacementFlows.empty())
    forEachRow(sources.displacementFlows, Table::DisplacementFlows, notices,
               [&](const Row& row, std::vector<Notice>& said) {
                 if (auto f = flowFromRow(row, t.localities, said)) {
                   f->a = projection.forward(f->from);
                   f->b = projection.forward(f->to);
                   d.flows.push_back(std::move(*f));
                 }
               });
  d.finish();
  return out;
}

}  // namespace idlib
