#include "geo/ogr_rows.hpp"

#include <fmt/format.h>
#include <gdal/cpl_conv.h>
#include <gdal/cpl_error.h>

#include <algorithm>
#include <cmath>
#include <utility>

#include "core/input_files.hpp"
#include "geo/gdal_drivers.hpp"

namespace idlib {

GDALDatasetUniquePtr openTable(const std::string& path) {
  registerGdalDrivers();
  CPLErrorReset();
  CPLPushErrorHandler(CPLQuietErrorHandler);
  // A pipe or device would keep GDAL's open waiting: refused, the reason as GDAL's error.
  if (const std::optional<std::string> why = refuseInput(path)) {
    CPLError(CE_Failure, CPLE_OpenFailed, "%s", why->c_str());
    CPLPopErrorHandler();
    return nullptr;
  }
  // GDAL 3.6's XLSX and ODS drivers take these as configuration, not open, options; set for
  // this thread only, while opening.
  const CPLConfigOptionSetter xlsxHeaders("OGR_XLSX_HEADERS", "FORCE", true);
  const CPLConfigOptionSetter xlsxTypes("OGR_XLSX_FIELD_TYPES", "STRING", true);
  const CPLConfigOptionSetter odsHeaders("OGR_ODS_HEADERS", "FORCE", true);
  const CPLConfigOptionSetter odsTypes("OGR_ODS_FIELD_TYPES", "STRING", true);
  const char* options[] = {"AUTODETECT_TYPE=NO", "KEEP_GEOM_COLUMNS=YES", nullptr};
  GDALDatasetUniquePtr ds(
      GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY | GDAL_OF_VERBOSE_ERROR,
                        nullptr, options, nullptr));
  // The spreadsheet drivers read a sheet, and the options, when its columns are first asked for.
  if (ds)
    for (OGRLayer* layer : ds->GetLayers())
      layer->GetLayerDefn();
  CPLPopErrorHandler();
  return ds;
}

RowNumbering rowNumbering(GDALDataset& ds) {
  const std::string_view driver = ds.GetDriver()->GetDescription();
  if (driver == "CSV") return {true, 1};
  if (driver == "XLSX" || driver == "ODS") return {true, 0};
  return {};
}

namespace {

// Field i of a feature that has it set, as text (dates as YYYY-MM-DD), into `text`.
void fieldText(OGRFeature& feature, int i, const OGRFieldDefn& field, std::string& text) {
  int y = 0, m = 0, d = 0, hour = 0, minute = 0, zone = 0;
  float second = 0;
  const bool date = field.GetType() == OFTDate || field.GetType() == OFTDateTime;
  if (date && feature.GetFieldAsDateTime(i, &y, &m, &d, &hour, &minute, &second, &zone))
    text = fmt::format("{:04}-{:02}-{:02}", y, m, d);
  else
    text.assign(feature.GetFieldAsString(i));
}

}  // namespace

Row rowOf(OGRFeature& feature, const OGRFeatureDefn& defn, const std::string& path,
          RowNumbering numbering) {
  Row row;
  row.file = path;
  row.byLine = numbering.byLine;
  row.line = static_cast<int>(feature.GetFID()) + numbering.offset;
  for (int i = 0; i < defn.GetFieldCount(); ++i)
    if (feature.IsFieldSetAndNotNull(i))
      fieldText(feature, i, *defn.GetFieldDefn(i), row.fields[defn.GetFieldDefn(i)->GetNameRef()]);
  return row;
}

RowReader::RowReader(const OGRFeatureDefn& defn, const std::string& path, RowNumbering numbering)
    : defn_(defn), path_(path), numbering_(numbering) {
  for (int i = 0; i < defn.GetFieldCount(); ++i) {
    names_.emplace_back(defn.GetFieldDefn(i)->GetNameRef());
    indexOf_.emplace(names_.back(), names_.size() - 1);
  }
  row_.file = path_;
  row_.byLine = numbering_.byLine;
  slots_.assign(names_.size(), row_.fields.end());
}

Row& RowReader::read(OGRFeature& feature) {
  row_.line = static_cast<int>(feature.GetFID()) + numbering_.offset;
  if (indexOf_.size() != names_.size()) {  // two columns of one name: the later one wins
    row_ = rowOf(feature, defn_, path_, numbering_);
    return row_;
  }
  std::size_t set = 0;
  for (std::size_t i = 0; i < names_.size(); ++i) {
    Field& slot = slots_[i];
    if (!feature.IsFieldSetAndNotNull(static_cast<int>(i))) {
      if (slot != row_.fields.end()) row_.fields.erase(std::exchange(slot, row_.fields.end()));
      continue;
    }
    if (slot == row_.fields.end()) slot = row_.fields.try_emplace(names_[i]).first;
    fieldText(feature, static_cast<int>(i), *defn_.GetFieldDefn(static_cast<int>(i)), slot->second);
    ++set;
  }
  // Fields the caller added to the last row (a column mapping's) are not this feature's.
  if (row_.fields.size() != set)
    std::erase_if(row_.fields, [&](const auto& field) {
      const auto index = indexOf_.find(std::string_view(field.first));
      return index == indexOf_.end() || slots_[index->second] == row_.fields.end();
    });
  return row_;
}

EventFieldReader::EventFieldReader(const OGRFeatureDefn& defn, const std::string& path,
                                   RowNumbering numbering)
    : defn_(defn), numbering_(numbering) {
  index_.fill(-1);
  const auto names = eventColumnsRead();
  for (int i = 0; i < defn.GetFieldCount(); ++i) {
    const auto c = std::find(names.begin(), names.end(), defn.GetFieldDefn(i)->GetNameRef());
    if (c == names.end()) continue;
    int& index = index_[static_cast<std::size_t>(c - names.begin())];
    if (index >= 0) usable_ = false;
    index = i;
    isText_[static_cast<std::size_t>(c - names.begin())] =
        defn.GetFieldDefn(i)->GetType() == OFTString;
  }
  fields_.file = path;
  fields_.byLine = numbering.byLine;
}

EventFields& EventFieldReader::read(OGRFeature& feature, TextRepair& text,
                                    std::vector<Notice>& notices) {
  fields_.line = static_cast<int>(feature.GetFID()) + numbering_.offset;
  for (std::size_t c = 0; c < kEventColumnCount; ++c) {
    const int i = index_[c];
    const bool set = i >= 0 && feature.IsFieldSetAndNotNull(i);
    fields_.set[c] = set;
    if (!set) {
      fields_.text[c] = {};
    } else if (isText_[c]) {
      fields_.text[c] = feature.GetFieldAsString(i);  // the feature's own
    } else {  // made for the call, into a buffer the next call reuses
      fieldText(feature, i, *defn_.GetFieldDefn(i), kept_[c]);
      fields_.text[c] = kept_[c];
    }
  }
  text.repair(fields_, kept_, notices);
  return fields_;
}

FeaturePoints::FeaturePoints(OGRLayer& layer) {
  hasGeometry_ = layer.GetGeomType() != wkbNone;
  const OGRSpatialReference* source = layer.GetSpatialRef();
  if (!hasGeometry_ || !source || source->IsGeographic()) return;
  OGRSpatialReference wgs84;
  wgs84.SetWellKnownGeogCS("WGS84");
  wgs84.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
  toWgs84_.reset(OGRCreateCoordinateTransformation(source, &wgs84));
}

std::optional<LonLat> FeaturePoints::operator()(OGRFeature& feature) const {
  const OGRGeometry* geometry = feature.GetGeometryRef();
  if (!geometry || geometry->IsEmpty()) return std::nullopt;
  OGRPoint point;
  if (const auto* p = dynamic_cast<const OGRPoint*>(geometry))
    point = *p;
  else if (geometry->Centroid(&point) != OGRERR_NONE)
    return std::nullopt;
  double x = point.getX(), y = point.getY();
  if (toWgs84_ && !toWgs84_->Transform(1, &x, &y)) return std::nullopt;
  if (!std::isfinite(x) || !std::isfinite(y)) return std::nullopt;
  return LonLat{x, y};
}

}  // namespace idlib
