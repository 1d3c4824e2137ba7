#include "geo/table_sample.hpp"

#include <fmt/format.h>
#include <gdal/cpl_error.h>

#include "core/text_safety.hpp"
#include "geo/ogr_rows.hpp"

namespace idlib {

std::variant<TableSample, std::string> readTableSample(const std::string& path, std::size_t rows) {
  const GDALDatasetUniquePtr ds = openTable(path);
  if (!ds) {
    const std::string why = oneLine(CPLGetLastErrorMsg());
    return fmt::format("{}: is not a table GDAL can read: {}", path,
                       why.empty() ? "GDAL gives no reason" : why);
  }
  if (ds->GetLayerCount() == 0) return fmt::format("{}: holds no table", path);
  OGRLayer& layer = *ds->GetLayer(0);
  const RowNumbering numbering = rowNumbering(*ds);
  const OGRFeatureDefn& defn = *layer.GetLayerDefn();
  const FeaturePoints pointOf(layer);
  TableSample sample;
  sample.file = path;
  sample.hasGeometry = pointOf.layerHasGeometry();
  for (int i = 0; i < defn.GetFieldCount(); ++i)
    sample.columns.emplace_back(defn.GetFieldDefn(i)->GetNameRef());
  layer.ResetReading();
  while (sample.rows.size() < rows) {
    const OGRFeatureUniquePtr feature(layer.GetNextFeature());
    if (!feature) break;
    sample.rows.push_back(rowOf(*feature, defn, path, numbering));
    sample.points.push_back(sample.hasGeometry ? pointOf(*feature) : std::nullopt);
  }
  return sample;
}

bool wantsColumnMapping(const std::string& path) {
  const GDALDatasetUniquePtr ds = openTable(path);
  if (!ds || ds->GetLayerCount() == 0) return false;
  for (OGRLayer* layer : ds->GetLayers()) {
    std::vector<std::string> columns;
    const OGRFeatureDefn& defn = *layer->GetLayerDefn();
    for (int i = 0; i < defn.GetFieldCount(); ++i)
      columns.emplace_back(defn.GetFieldDefn(i)->GetNameRef());
    if (layer->GetGeomType() != wkbNone || !missingColumnsMessage(path, Table::Events, columns))
      return false;
  }
  return true;
}

}  // namespace idlib
