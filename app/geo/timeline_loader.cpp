#include "geo/timeline_loader.hpp"

#include <fmt/format.h>
#include <gdal/cpl_error.h>
#include <gdal/ogrsf_frmts.h>

#include <charconv>
#include <cmath>
#include <filesystem>
#include <functional>
#include <map>

#include "geo/projection.hpp"

namespace idlib {
namespace {

// One row as text fields, with a place to report it by.
struct Row {
  std::map<std::string, std::string, std::less<>> fields;
  std::string where;  // "events.csv line 12"
  int line = 0;

  std::string get(std::string_view name) const {
    auto it = fields.find(name);
    return it == fields.end() ? std::string() : it->second;
  }
};

// Calls `visit` for every row of every layer of `path`; reports files GDAL cannot read.
void forEachRow(const std::string& path, std::vector<Notice>& notices,
                const std::function<void(const Row&)>& visit) {
  if (!std::filesystem::exists(path)) {
    notices.push_back({Severity::Error, fmt::format("{}: file not found", path)});
    return;
  }
  CPLPushErrorHandler(CPLQuietErrorHandler);
  const char* options[] = {"AUTODETECT_TYPE=NO", "KEEP_GEOM_COLUMNS=YES", nullptr};
  GDALDatasetUniquePtr ds(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY,
                                            nullptr, options, nullptr));
  CPLPopErrorHandler();
  if (!ds) {
    notices.push_back({Severity::Error, fmt::format("{}: GDAL cannot open it as a table ({})", path,
                                                    CPLGetLastErrorMsg())});
    return;
  }
  const bool csv = std::string_view(ds->GetDriver()->GetDescription()) == "CSV";
  for (auto* layer : ds->GetLayers()) {
    const OGRFeatureDefn& defn = *layer->GetLayerDefn();
    for (auto& feature : *layer) {
      Row row;
      // GDAL numbers CSV rows from 1 after the header, so the file line is one more.
      row.line =
          csv ? static_cast<int>(feature->GetFID()) + 1 : static_cast<int>(feature->GetFID());
      row.where = fmt::format("{} {} {}", path, csv ? "line" : "feature", row.line);
      for (int i = 0; i < defn.GetFieldCount(); ++i)
        if (feature->IsFieldSetAndNotNull(i))
          row.fields[defn.GetFieldDefn(i)->GetNameRef()] = feature->GetFieldAsString(i);
      visit(row);
    }
  }
}

std::optional<double> number(const std::string& s) {
  if (s.empty()) return std::nullopt;
  double v = 0;
  const auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || p != s.data() + s.size() || !std::isfinite(v)) return std::nullopt;
  return v;
}

std::optional<long> count(const std::string& s) {
  const auto v = number(s);
  if (!v || *v < 0) return std::nullopt;
  return static_cast<long>(*v);
}

class RowChecker {
 public:
  RowChecker(const Row& row, std::vector<Notice>& notices) : row_(row), notices_(notices) {}
  bool ok() const { return ok_; }
  void fail(const std::string& what) {
    notices_.push_back({Severity::Error, fmt::format("{}: {}; row skipped", row_.where, what)});
    ok_ = false;
  }
  std::optional<Day> date(std::string_view field, bool required) {
    const std::string text = row_.get(field);
    if (text.empty()) {
      if (required) fail(fmt::format("{} is empty (expected a date, YYYY-MM-DD)", field));
      return std::nullopt;
    }
    const auto d = parseDate(text);
    if (!d) fail(fmt::format("{} '{}' is not a date (expected YYYY-MM-DD)", field, text));
    return d;
  }
  DatePrecision precision(std::string_view field) {
    const std::string text = row_.get(field);
    // ACLED writes time_precision as 1 (day), 2 (week) or 3 (month).
    if (text == "1") return DatePrecision::Day;
    if (text == "2") return DatePrecision::Week;
    if (text == "3") return DatePrecision::Month;
    if (auto p = parsePrecision(text)) return *p;
    fail(fmt::format("{} '{}' is not one of day, week, month, year", field, text));
    return DatePrecision::Day;
  }
  std::optional<long> people(std::string_view field) {
    const std::string text = row_.get(field);
    const auto v = number(text);
    if (!v || *v < 0 || *v != std::floor(*v)) {
      fail(fmt::format("{} '{}' is not a count of people (expected a whole number, 0 or more)",
                       field, text));
      return std::nullopt;
    }
    return static_cast<long>(*v);
  }
  std::optional<LonLat> position(std::string_view latField, std::string_view lonField,
                                 bool required) {
    const std::string latText = row_.get(latField), lonText = row_.get(lonField);
    if (latText.empty() && lonText.empty() && !required) return std::nullopt;
    const auto lat = number(latText), lon = number(lonText);
    if (!lat || !lon) {
      fail(fmt::format("{}/{} '{}', '{}' are not numbers (expected decimal degrees)", latField,
                       lonField, latText, lonText));
      return std::nullopt;
    }
    if (std::abs(*lat) > 90 || std::abs(*lon) > 180) {
      fail(fmt::format(
          "coordinates {}, {} are outside the world (latitude within ±90, longitude within ±180)",
          *lat, *lon));
      return std::nullopt;
    }
    return LonLat{*lon, *lat};
  }

 private:
  const Row& row_;
  std::vector<Notice>& notices_;
  bool ok_ = true;
};

Provenance provenanceOf(const Row& row, const std::string& path) {
  return {std::filesystem::path(path).filename().string(), row.line, row.get("source"),
          row.get("confidence")};
}

}  // namespace

TimelineSources bundledTimelineSources(const std::string& dataDir) {
  const std::string geo = dataDir + "/geodata/";
  return {{geo + "events.csv"},
          geo + "observation_posts.csv",
          geo + "control_changes.csv",
          geo + "displacement_figures.csv",
          geo + "displacement_flows.csv"};
}

TimelineLoad loadTimeline(const TimelineSources& sources) {
  GDALAllRegister();
  TimelineLoad out;
  Timeline& t = out.timeline;
  auto& notices = out.notices;
  const Projection projection = Projection::lonLatToMap();

  for (const auto& path : sources.events) {
    forEachRow(path, notices, [&](const Row& row) {
      RowChecker check(row, notices);
      Event e;
      const auto date = check.date("event_date", true);
      e.precision =
          check.precision(row.fields.count("time_precision") ? "time_precision" : "date_precision");
      const auto where = check.position("latitude", "longitude", true);
      if (!check.ok()) return;
      e.id = row.get("event_id").empty() ? row.get("event_id_cnty") : row.get("event_id");
      e.date = *date;
      e.where = *where;
      e.position = projection.forward(*where);
      e.type = row.get("event_type");
      e.actor1 = row.get("actor1");
      e.actor2 = row.get("actor2");
      e.location = row.get("location");
      e.admin1 = row.get("admin1");
      e.geoPrecision = row.get("geo_precision");
      e.fatalities = count(row.get("fatalities"));
      e.displaced = count(row.get("displaced"));
      e.attacks = count(row.get("attacks"));
      e.notes = row.get("notes");
      e.dateBasis = row.get("date_basis");
      e.provenance = provenanceOf(row, path);
      t.events.push_back(std::move(e));
    });
  }

  if (!sources.posts.empty()) {
    forEachRow(sources.posts, notices, [&](const Row& row) {
      RowChecker check(row, notices);
      ObservationPost p;
      p.established = check.date("established", false);
      p.encircled = check.date("encircled", false);
      p.withdrawn = check.date("withdrawn", false);
      p.establishedPrecision = check.precision("established_precision");
      p.encircledPrecision = check.precision("encircled_precision");
      p.withdrawnPrecision = check.precision("withdrawn_precision");
      const auto where = check.position("latitude", "longitude", false);
      if (!check.ok()) return;
      p.id = row.get("post_id");
      p.name = row.get("name");
      p.number = row.get("number");
      p.locationNote = row.get("location_note");
      p.notes = row.get("notes");
      p.provenance = provenanceOf(row, sources.posts);
      if (!where) {
        notices.push_back(
            {Severity::Info,
             fmt::format("{}: post '{}' has no coordinates; it is listed but not drawn", row.where,
                         p.name)});
        p.where = {NAN, NAN};
        p.position = {NAN, NAN};
      } else {
        p.where = *where;
        p.position = projection.forward(*where);
      }
      t.posts.push_back(std::move(p));
    });
  }

  if (!sources.controlChanges.empty()) {
    std::map<std::string, std::size_t> localityIndex;
    forEachRow(sources.controlChanges, notices, [&](const Row& row) {
      RowChecker check(row, notices);
      const auto date = check.date("date", true);
      const auto where = check.position("latitude", "longitude", true);
      const std::string controllerText = row.get("controller");
      const auto controller = parseController(controllerText);
      if (!controller)
        check.fail(fmt::format(
            "controller '{}' is unknown (expected government, opposition, turkey or sdf)",
            controllerText));
      const DatePrecision precision = check.precision("date_precision");
      const std::string name = row.get("locality");
      if (name.empty()) check.fail("locality is empty");
      if (!check.ok()) return;
      auto [it, added] = localityIndex.try_emplace(name, t.localities.size());
      if (added) t.localities.push_back({name, *where, projection.forward(*where), {}});
      t.localities[it->second].history.push_back({*date, *controller, precision, row.get("notes"),
                                                  provenanceOf(row, sources.controlChanges)});
    });
  }
  t.finish();

  // Places a flow may name without coordinates: the localities of the control changes.
  auto placeNamed = [&](const std::string& name) -> std::optional<LonLat> {
    for (const auto& l : t.localities)
      if (l.name == name) return l.where;
    return std::nullopt;
  };
  Displacement& d = out.displacement;
  if (!sources.displacementFigures.empty()) {
    forEachRow(sources.displacementFigures, notices, [&](const Row& row) {
      RowChecker check(row, notices);
      DisplacementFigure f;
      const auto date = check.date("date", true);
      f.precision = check.precision("date_precision");
      f.periodStart = check.date("period_start", false);
      f.periodEnd = check.date("period_end", false);
      const auto people = check.people("people");
      const std::string measureText = row.get("measure");
      const auto measure = parseMeasure(measureText);
      if (!measure)
        check.fail(fmt::format(
            "measure '{}' is unknown (expected displaced, displaced_cumulative, population, "
            "refugees_hosted or in_need)",
            measureText));
      const auto where = check.position("latitude", "longitude", true);
      if (!check.ok()) return;
      f.id = row.get("figure_id");
      f.date = *date;
      f.people = *people;
      f.measure = *measure;
      f.description = row.get("description");
      f.place = row.get("place");
      f.where = *where;
      f.position = projection.forward(*where);
      f.provenance = provenanceOf(row, sources.displacementFigures);
      d.figures.push_back(std::move(f));
    });
  }
  if (!sources.displacementFlows.empty()) {
    forEachRow(sources.displacementFlows, notices, [&](const Row& row) {
      RowChecker check(row, notices);
      DisplacementFlow f;
      const auto people = check.people("people");
      const auto start = check.date("period_start", true);
      const auto end = check.date("period_end", true);
      f.origin = row.get("origin");
      f.destination = row.get("destination");
      // A place is given by coordinates, or by the name of a known locality.
      auto place = [&](const std::string& name, const char* lat, const char* lon,
                       const char* role) -> std::optional<LonLat> {
        if (!row.get(lat).empty() || !row.get(lon).empty()) return check.position(lat, lon, true);
        if (auto known = placeNamed(name)) return known;
        check.fail(fmt::format("{} '{}' is not a known place and has no coordinates", role, name));
        return std::nullopt;
      };
      const auto from = place(f.origin, "origin_lat", "origin_lon", "origin");
      const auto to = place(f.destination, "dest_lat", "dest_lon", "destination");
      if (start && end && *end < *start) check.fail("period_end is before period_start");
      if (!check.ok()) return;
      f.id = row.get("flow_id");
      f.people = *people;
      f.start = *start;
      f.end = *end;
      f.from = *from;
      f.to = *to;
      f.a = projection.forward(*from);
      f.b = projection.forward(*to);
      f.inTotals = row.get("in_totals") != "no";
      f.notes = row.get("notes");
      f.provenance = provenanceOf(row, sources.displacementFlows);
      d.flows.push_back(std::move(f));
    });
  }
  d.finish();
  return out;
}

}  // namespace idlib
