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
  std::ifstream in(path, std::ios::binary);
  const auto quote = findUnclosedQuote(in);
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
// copy them out of every row.
void readOnlyEventColumns(OGRLayer& layer, const ColumnMapping& mapping) {
  std::vector<std::string> used(eventColumnsRead().begin(), eventColumnsRead().end());
  for (const EventField& f : eventFields())
    if (const std::string& c = mapping.*(f.column); !c.empty()) used.push_back(c);
  std::vector<const char*> ignored;
  const OGRFeatureDefn& defn = *layer.GetLayerDefn();
  for (int i = 0; i < defn.GetFieldCount(); ++i) {
    const char* name = defn.GetFieldDefn(i)->GetNameRef();
    if (std::find(used.begin(), used.end(), name) == used.end()) ignored.push_back(name);
  }
  ignored.push_back(nullptr);
  layer.SetIgnoredFields(ignored.data());
}

// Calls `visit` for every row of every layer of `path` that has the columns `table` needs (named
// so, or through `mapping`, which renames them first), with a list for what it has to say about
// the row; reports files GDAL cannot read, and layers without those columns (once, not per row).
void forEachRow(const std::string& path, Table table, std::vector<Notice>& notices,
                const std::function<void(const Row&, std::vector<Notice>&)>& visit,
                const ColumnMapping& mapping = {}) {
  if (!worthOpening(path, notices)) return;
  const GDALDatasetUniquePtr ds = openTable(path);
  if (!ds) {
    notices.push_back(
        {Severity::Error, fmt::format("{}: is not a table GDAL can read: {}", path, gdalReason())});
    return;
  }
  const bool csv = std::string_view(ds->GetDriver()->GetDescription()) == "CSV";
  const RowNumbering numbering = rowNumbering(*ds);
  // The quotes are checked (a read of the whole file) while the rows are read; said first.
  std::future<std::optional<Notice>> unclosedQuote;
  if (csv)
    unclosedQuote = std::async(std::launch::async, [&path] { return unclosedQuoteNotice(path); });
  const std::size_t quoteNoticeAt = notices.size();
  TextRepair text;
  RowNotices said(path, notices);
  std::vector<Notice> aboutRow;
  for (auto* layer : ds->GetLayers()) {
    const OGRFeatureDefn& defn = *layer->GetLayerDefn();
    const FeaturePoints pointOf(*layer);
    const auto problem =
        mapping.empty()
            ? missingColumnsMessage(path, table, columnNames(defn), firstRowValues(*layer))
            : mappingProblem(path, mapping, columnNames(defn), pointOf.layerHasGeometry());
    if (problem) {
      notices.push_back({Severity::Error, *problem});
      continue;
    }
    if (table == Table::Events) readOnlyEventColumns(*layer, mapping);
    RowReader reader(defn, path, numbering);
    FeatureStream features(*layer);  // GDAL reads ahead on a thread of its own
    FeatureStream::Batch batch;
    while (features.next(batch))
      for (const OGRFeatureUniquePtr& feature : batch) {
        Row& row = reader.read(*feature);
        text.repair(row, aboutRow);
        const auto point = mapping.useGeometry ? pointOf(*feature) : std::nullopt;
        if (mapping.empty() || applyMapping(mapping, row, point, aboutRow)) visit(row, aboutRow);
        said.add(aboutRow);
      }
  }
  if (unclosedQuote.valid())
    if (auto notice = unclosedQuote.get())
      notices.insert(notices.begin() + static_cast<std::ptrdiff_t>(quoteNoticeAt),
                     std::move(*notice));
}

// What a table's cache depends on besides the file: how it is read and where it is drawn.
std::optional<std::string> cacheKeyOf(const EventSource& source) {
  if (isDatabaseConnection(source.path)) return std::nullopt;  // a server's table changes unseen
  return eventCacheKey(
      source.path, fmt::format("events v1\n{}\n{}", columnMappingText(source.columns), kMapCrs));
}

// One event table: from its cache when that is good, else read through GDAL (and cached when big
// and read without a problem, so the problems are said again next time).
EventStore loadEvents(const EventSource& source, std::uint16_t sourceIndex,
                      std::size_t cacheFromEvents, const Projection& projection,
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
  // A table that may be cached is gathered by the cache's builder: its texts go to disk as read.
  std::optional<EventCacheBuilder> building;
  if (cacheFile) building.emplace(*cacheFile, *key);
  EventStore events;
  Event e;  // one, reused: its strings keep their memory from row to row
  forEachRow(
      source.path, Table::Events, notices,
      [&](const Row& row, std::vector<Notice>& said) {
        if (!readEvent(row, e, said)) return;
        e.position = projection.forward(e.where);
        e.sourceIndex = sourceIndex;
        building ? building->add(e) : events.push_back(e);
      },
      source.columns);
  if (!building) return events;
  if (building->size() >= cacheFromEvents && notices.size() == noticesBefore)
    if (auto error = building->write())
      notices.push_back({Severity::Info, *error + " (the events cache; the table loaded)"});
  // Written, the events read their notes from the cache file instead of memory.
  return std::move(*building).take();
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
    t.events.append(loadEvents(sources.events[i], static_cast<std::uint16_t>(i),
                               sources.cacheFromEvents, projection, notices));
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
