#pragma once
// Inside geo only (it names GDAL's types): a feature as core's Row of text fields, and its place
// in degrees, for the table readers (timeline_loader, table_sample).
#include <gdal/ogrsf_frmts.h>

#include <array>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/geometry.hpp"
#include "core/table_rows.hpp"

namespace idlib {

// A table as the event readers open it: quietly (GDAL's reason is left in CPLGetLastErrorMsg),
// text kept as text (CSV's AUTODETECT_TYPE=NO, the spreadsheets' field types as strings), and a
// spreadsheet's first row taken as its header even where every cell is text (GDAL would take
// such a row for data). Null where GDAL cannot open it.
GDALDatasetUniquePtr openTable(const std::string& path);

// How a table's rows are named in messages: a text table's and a spreadsheet's by their line
// (GDAL numbers CSV rows from 1 after the header, a sheet's by the sheet's row), others by feature.
struct RowNumbering {
  bool byLine = false;
  int offset = 0;  // added to the feature id
};
RowNumbering rowNumbering(GDALDataset& ds);

// The feature's set fields as text, dates as YYYY-MM-DD (GDAL writes its date fields 2020/05/09).
Row rowOf(OGRFeature& feature, const OGRFeatureDefn& defn, const std::string& path,
          RowNumbering numbering);

// rowOf for every feature of a layer, into one Row whose strings keep their memory from feature
// to feature: a million rows are not a million maps of strings (issue 12). The row holds the
// feature's set fields only, as rowOf's does, even where the caller added fields to the last one.
class RowReader {
 public:
  RowReader(const OGRFeatureDefn& defn, const std::string& path, RowNumbering numbering);
  Row& read(OGRFeature& feature);

 private:
  using Field = decltype(Row::fields)::iterator;

  const OGRFeatureDefn& defn_;
  const std::string& path_;
  RowNumbering numbering_;
  std::vector<std::string> names_;
  std::map<std::string, std::size_t, std::less<>> indexOf_;  // field index by name
  Row row_;
  std::vector<Field> slots_;  // field i's entry in row_, or row_.fields.end() where it is unset
};

// A feature's event columns found once by position (issue 12): views into the feature's own
// text, without a Row of strings each. A layer where two columns share an event column's name is
// not `usable` (read it as Rows: the later set one wins there).
class EventFieldReader {
 public:
  EventFieldReader(const OGRFeatureDefn& defn, const std::string& path, RowNumbering numbering);
  bool usable() const { return usable_; }
  // The feature's fields, valid while it is unchanged and until the next read; text repaired by
  // `text`.
  EventFields& read(OGRFeature& feature, TextRepair& text, std::vector<Notice>& notices);

 private:
  const OGRFeatureDefn& defn_;
  RowNumbering numbering_;
  std::array<int, kEventColumnCount> index_{};       // the column's field, or -1
  std::array<bool, kEventColumnCount> isText_{};     // its field is text: read in place
  std::array<std::string, kEventColumnCount> kept_;  // dates, numbers, repaired text
  EventFields fields_;
  bool usable_ = true;
};

// A feature's point in WGS 84 longitude/latitude: a point's own, a line's or area's centre.
class FeaturePoints {
 public:
  explicit FeaturePoints(OGRLayer& layer);
  bool layerHasGeometry() const { return hasGeometry_; }
  std::optional<LonLat> operator()(OGRFeature& feature) const;

 private:
  bool hasGeometry_ = false;
  std::unique_ptr<OGRCoordinateTransformation> toWgs84_;  // none: already in degrees
};

}  // namespace idlib
