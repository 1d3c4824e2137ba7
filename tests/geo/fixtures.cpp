#include "fixtures.hpp"

#include <gdal/ogrsf_frmts.h>
#include <unistd.h>

#include <fstream>
#include <random>
#include <stdexcept>

namespace idlib::test {

TempDir::TempDir() {
  std::random_device rd;
  path_ = std::filesystem::temp_directory_path() /
          ("idlib-test-" + std::to_string(getpid()) + "-" + std::to_string(rd()));
  std::filesystem::create_directories(path_);
}

TempDir::~TempDir() {
  std::filesystem::remove_all(path_);
}

void writeText(const std::filesystem::path& path, const std::string& text) {
  std::ofstream(path) << text;
}

void writeGeoPackage(const std::filesystem::path& path, const std::string& layerName, int epsg,
                     const std::vector<std::string>& wkts) {
  GDALAllRegister();
  GDALDriver* driver = GetGDALDriverManager()->GetDriverByName("GPKG");
  GDALDatasetUniquePtr ds(driver->Create(path.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
  OGRSpatialReference srs;
  if (epsg) {
    srs.importFromEPSG(epsg);
    srs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
  }
  OGRLayer* layer = ds->CreateLayer(layerName.c_str(), epsg ? &srs : nullptr, wkbUnknown, nullptr);
  OGRFieldDefn name("name", OFTString);
  layer->CreateField(&name);
  for (std::size_t i = 0; i < wkts.size(); ++i) {
    OGRFeatureUniquePtr f(OGRFeature::CreateFeature(layer->GetLayerDefn()));
    f->SetField("name", ("f" + std::to_string(i)).c_str());
    OGRGeometry* g = nullptr;
    OGRGeometryFactory::createFromWkt(wkts[i].c_str(), nullptr, &g);
    f->SetGeometryDirectly(g);
    if (layer->CreateFeature(f.get()) != OGRERR_NONE)
      throw std::runtime_error("fixture write failed");
  }
}

}  // namespace idlib::test
