// GDAL's own in-process read of a vector source, the yardstick of bench/issue12.sh: opens PATH,
// reads every feature of every layer (or of LAYER) with its geometry and every field, and prints
// what it read, the wall time of the read (after GDALAllRegister, timed apart) and the peak
// resident memory. Usage: gdal-read PATH [LAYER]
// Large GeoJSON needs OGR_GEOJSON_MAX_OBJ_SIZE=0, which this sets as the app does.
#include <gdal/ogrsf_frmts.h>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <string>

namespace {

// Peak resident memory of this process (VmHWM), in MiB.
double peakRssMiB() {
  std::ifstream status("/proc/self/status");
  for (std::string line; std::getline(status, line);)
    if (line.rfind("VmHWM:", 0) == 0) return std::stod(line.substr(6)) / 1024.0;
  return 0;
}

// Vertices of any geometry; reading them makes sure GDAL has decoded it.
std::size_t countPoints(const OGRGeometry& g) {
  const OGRwkbGeometryType type = wkbFlatten(g.getGeometryType());
  if (OGR_GT_IsSubClassOf(type, wkbCurve) && type != wkbCompoundCurve && type != wkbCurvePolygon &&
      type != wkbMultiCurve)
    return g.toSimpleCurve()->getNumPoints();
  if (type == wkbPoint) return 1;
  std::size_t n = 0;
  if (OGR_GT_IsSubClassOf(type, wkbCurvePolygon)) {
    for (const OGRCurve* ring : *g.toCurvePolygon())
      n += countPoints(*ring);
  } else if (OGR_GT_IsSubClassOf(type, wkbGeometryCollection)) {
    for (const OGRGeometry* part : *g.toGeometryCollection())
      n += countPoints(*part);
  }
  return n;
}

struct Totals {
  std::size_t features = 0, points = 0, fieldBytes = 0;
};

void readLayer(OGRLayer& layer, Totals& totals) {
  for (auto& feature : layer) {
    ++totals.features;
    if (const OGRGeometry* g = feature->GetGeometryRef()) {
      OGREnvelope envelope;
      g->getEnvelope(&envelope);
      totals.points += countPoints(*g);
    }
    for (int i = 0; i < feature->GetFieldCount(); ++i)
      totals.fieldBytes += std::char_traits<char>::length(feature->GetFieldAsString(i));
  }
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2 || argc > 3) {
    std::fprintf(stderr, "usage: gdal-read PATH [LAYER]\n");
    return 2;
  }
  const auto registering = std::chrono::steady_clock::now();
  GDALAllRegister();
  const auto start = std::chrono::steady_clock::now();
  if (!CPLGetConfigOption("OGR_GEOJSON_MAX_OBJ_SIZE", nullptr))
    CPLSetConfigOption("OGR_GEOJSON_MAX_OBJ_SIZE", "0");
  GDALDatasetUniquePtr ds(GDALDataset::Open(argv[1], GDAL_OF_VECTOR | GDAL_OF_READONLY));
  if (!ds) {
    std::fprintf(stderr, "gdal-read: cannot open %s: %s\n", argv[1], CPLGetLastErrorMsg());
    return 1;
  }
  Totals totals;
  if (argc == 3) {
    OGRLayer* layer = ds->GetLayerByName(argv[2]);
    if (!layer) {
      std::fprintf(stderr, "gdal-read: %s has no layer %s\n", argv[1], argv[2]);
      return 1;
    }
    readLayer(*layer, totals);
  } else {
    for (OGRLayer* layer : ds->GetLayers())
      readLayer(*layer, totals);
  }
  const auto end = std::chrono::steady_clock::now();
  const auto seconds = [](auto from, auto to) {
    return std::chrono::duration<double>(to - from).count();
  };
  std::printf(
      "features=%zu points=%zu field_bytes=%zu seconds=%.3f register_seconds=%.3f "
      "peak_rss_mib=%.0f\n",
      totals.features, totals.points, totals.fieldBytes, seconds(start, end),
      seconds(registering, start), peakRssMiB());
  return 0;
}
