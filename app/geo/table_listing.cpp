#include "geo/table_listing.hpp"

#include <gdal/cpl_error.h>
#include <gdal/ogrsf_frmts.h>

#include "core/text_safety.hpp"
#include "geo/gdal_drivers.hpp"

namespace idlib {

TableListing listTables(const std::string& source) {
  TableListing listing;
  registerGdalDrivers();
  CPLErrorReset();
  CPLPushErrorHandler(CPLQuietErrorHandler);  // the reason goes into `error`, not to stderr
  // PostGIS lists only tables with a geometry unless asked: event tables have lat/lon columns.
  const char* options[] = {"LIST_ALL_TABLES=YES", nullptr};
  GDALDatasetUniquePtr ds(GDALDataset::Open(source.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY,
                                            nullptr, options, nullptr));
  CPLPopErrorHandler();
  if (!ds) {
    const std::string why = oneLine(CPLGetLastErrorMsg());
    listing.error = why.empty() ? "GDAL cannot open it and gives no reason" : why;
    return listing;
  }
  for (OGRLayer* layer : ds->GetLayers()) {
    const std::string name = layer->GetName();
    if (name == "spatial_ref_sys") continue;  // PostGIS's own catalogue, no data
    listing.tables.push_back({name, OGRGeometryTypeToName(layer->GetGeomType()),
                              static_cast<std::int64_t>(layer->GetFeatureCount(TRUE))});
  }
  return listing;
}

}  // namespace idlib
