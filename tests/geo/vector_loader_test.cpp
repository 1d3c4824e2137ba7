#include "geo/vector_loader.hpp"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <cmath>
#include <thread>

#include "fixtures.hpp"

namespace idlib {
namespace {

using test::TempDir;

std::string messages(const LoadResult& r) {
  std::string all;
  for (const auto& n : r.notices)
    all += n.message + "\n";
  return all;
}

TEST(VectorLoader, LoadsGeoJsonPolygonsLinesAndPoints) {
  TempDir dir;
  const auto path = dir.file("mixed.geojson");
  test::writeText(path, R"({"type":"FeatureCollection","features":[
    {"type":"Feature","properties":{"name":"Box"},"geometry":{"type":"Polygon","coordinates":[[[36.5,35.8],[36.7,35.8],[36.7,36.0],[36.5,36.0],[36.5,35.8]]]}},
    {"type":"Feature","properties":{"name":"Road"},"geometry":{"type":"LineString","coordinates":[[36.6,35.9],[36.8,35.86]]}},
    {"type":"Feature","properties":{"name":"Saraqib","population":"32495"},"geometry":{"type":"Point","coordinates":[36.8006,35.8636]}}]})");
  const LoadResult r = loadVectorSource({.path = path.string()});
  ASSERT_EQ(r.layers.size(), 1u) << messages(r);
  EXPECT_TRUE(r.notices.empty()) << messages(r);
  const Layer& l = r.layers[0];
  ASSERT_EQ(l.features.size(), 3u);
  EXPECT_EQ(l.features[0].name, "Box");
  EXPECT_GT(l.fills.vertices.size(), 0u);
  EXPECT_EQ(l.pointFeatures, std::vector<std::uint32_t>{2});
  EXPECT_NEAR(l.features[2].anchorLonLat.lon, 36.8006, 1e-9);
  EXPECT_NEAR(l.features[2].anchorLonLat.lat, 35.8636, 1e-9);
  EXPECT_EQ(*l.features[2].attribute("population"), "32495");
  // 0.2° x 0.2° at 35.9°N is about 18.0 km x 22.2 km.
  EXPECT_NEAR(l.features[0].area / 1e6, 18.05 * 22.2, 8);
}

TEST(VectorLoader, LoadsGeoPackageInAnotherCrs) {
  TempDir dir;
  const auto path = dir.file("webmercator.gpkg");
  // Idlib city in EPSG:3857.
  test::writeGeoPackage(path, "places", 3857, {"POINT (4078000.3 4291447.4)"});
  const LoadResult r = loadVectorSource({.path = path.string()});
  ASSERT_EQ(r.layers.size(), 1u) << messages(r);
  EXPECT_NEAR(r.layers[0].features[0].anchorLonLat.lon, 36.6333, 1e-6);
  EXPECT_NEAR(r.layers[0].features[0].anchorLonLat.lat, 35.9333, 1e-6);
}

// Cancel in the middle of a big file: the loader stops reading and adds nothing half-read.
TEST(VectorLoader, CancelledWhileReadingAddsNoLayerAndSaysSo) {
  TempDir dir;
  const auto path = dir.file("many.csv");
  std::string csv = "WKT,name\n";
  for (int i = 0; i < 20000; ++i)
    csv += "\"POINT (36." + std::to_string(i % 1000) + " 35.5)\",p" + std::to_string(i) + "\n";
  test::writeText(path, csv);
  LoadProgress progress;
  std::jthread canceller([&] {
    while (progress.featuresTotal == 0)  // the loader has counted the features: it is reading
      std::this_thread::yield();
    progress.cancelled = true;
  });
  const LoadResult r = loadVectorSource({.path = path.string()}, &progress);
  EXPECT_TRUE(r.layers.empty());
  EXPECT_NE(messages(r).find("many.csv: not loaded (loading was cancelled)"), std::string::npos)
      << messages(r);
}

TEST(VectorLoader, MissingFileIsNamed) {
  const LoadResult r = loadVectorSource({.path = "/nonexistent/front.gpkg"});
  EXPECT_TRUE(r.layers.empty());
  ASSERT_EQ(r.notices.size(), 1u);
  EXPECT_EQ(r.notices[0].severity, Severity::Error);
  EXPECT_EQ(r.notices[0].message, "/nonexistent/front.gpkg: file not found");
}

TEST(VectorLoader, FileGdalCannotReadIsNamed) {
  TempDir dir;
  const auto path = dir.file("broken.geojson");
  test::writeText(path, "{\"type\": \"FeatureCollection\", \"features\": [ this is not json");
  const LoadResult r = loadVectorSource({.path = path.string()});
  EXPECT_TRUE(r.layers.empty());
  ASSERT_EQ(r.notices.size(), 1u);
  EXPECT_EQ(r.notices[0].message.rfind(
                path.string() + ": GDAL cannot open it as a vector data source", 0),
            0u)
      << r.notices[0].message;
}

TEST(VectorLoader, EmptyLayerIsReported) {
  TempDir dir;
  const auto path = dir.file("empty.gpkg");
  test::writeGeoPackage(path, "nothing", 4326, {});
  const LoadResult r = loadVectorSource({.path = path.string()});
  EXPECT_TRUE(r.layers.empty());
  ASSERT_EQ(r.notices.size(), 1u);
  EXPECT_EQ(r.notices[0].message,
            path.string() + " (layer 'nothing'): the layer has no features to draw");
}

TEST(VectorLoader, SelfIntersectingPolygonIsRepairedAndTheRestLoads) {
  TempDir dir;
  const auto path = dir.file("bowtie.gpkg");
  test::writeGeoPackage(path, "areas", 4326,
                        {"POLYGON ((36.5 35.8, 36.7 36.0, 36.7 35.8, 36.5 36.0, 36.5 35.8))",
                         "POLYGON ((36.0 35.0, 36.1 35.0, 36.1 35.1, 36.0 35.0))"});
  const LoadResult r = loadVectorSource({.path = path.string()});
  ASSERT_EQ(r.layers.size(), 1u);
  EXPECT_EQ(r.layers[0].features.size(), 2u);
  ASSERT_EQ(r.notices.size(), 1u) << messages(r);
  EXPECT_EQ(r.notices[0].severity, Severity::Warning);
  EXPECT_NE(r.notices[0].message.find(
                "(layer 'areas'): feature 1 'f0': invalid polygon (Self-intersection"),
            std::string::npos)
      << r.notices[0].message;
  EXPECT_NE(r.notices[0].message.find("repaired"), std::string::npos);
}

// A layer over kPreviewVertices takes the fast path (ear clipping, no up-front validation): its
// valid polygon is covered exactly, and only the bowtie beside it goes to GEOS, and is said.
TEST(VectorLoader, BigLayerIsEarClippedAndOnlyItsInvalidFeatureIsRepaired) {
  TempDir dir;
  const auto path = dir.file("big.gpkg");
  std::string disc = "POLYGON ((";
  constexpr int kPoints = 250'000;
  for (int i = 0; i <= kPoints; ++i) {
    const double a = 2 * 3.14159265358979 * (i % kPoints) / kPoints;
    disc += fmt::format("{}{:.8f} {:.8f}", i ? ", " : "", 36.6 + 0.2 * std::cos(a),
                        35.8 + 0.2 * std::sin(a));
  }
  disc += "))";
  test::writeGeoPackage(
      path, "areas", 4326,
      {disc, "POLYGON ((36.0 35.0, 36.1 35.1, 36.1 35.0, 36.0 35.1, 36.0 35.0))"});
  const LoadResult r = loadVectorSource({.path = path.string()});
  ASSERT_EQ(r.layers.size(), 1u) << messages(r);
  const Layer& l = r.layers[0];
  ASSERT_EQ(l.features.size(), 2u);
  ASSERT_EQ(r.notices.size(), 1u) << messages(r);
  EXPECT_NE(r.notices[0].message.find("feature 2 'f1': invalid polygon"), std::string::npos)
      << r.notices[0].message;
  // The triangles of the disc cover its area: 0.2° of latitude is about 22.2 km.
  const Feature& f = l.features[0];
  double covered = 0;
  for (std::uint32_t v = f.firstTriangleVertex;
       v + 2 < f.firstTriangleVertex + f.triangleVertexCount; v += 3) {
    const Vec2 a = l.fills.vertices[v], b = l.fills.vertices[v + 1], c = l.fills.vertices[v + 2];
    covered += std::abs((b.x - a.x) * (c.y - a.y) - (c.x - a.x) * (b.y - a.y)) / 2;
  }
  EXPECT_NEAR(covered, f.area, f.area * 1e-9);
  EXPECT_NEAR(f.area / 1e6, 3.14159 * 18.05 * 22.2, 30);
  EXPECT_TRUE(f.bounds.contains(f.anchor));
}

TEST(VectorLoader, LayerWithoutCrsInDegreesIsDrawnAsWgs84WithAWarning) {
  TempDir dir;
  const auto path = dir.file("nocrs.csv");  // a CSV with a WKT column has no CRS
  test::writeText(path, "WKT,name\n\"POINT (36.8006 35.8636)\",Saraqib\n");
  const LoadResult r = loadVectorSource({.path = path.string()});
  ASSERT_EQ(r.layers.size(), 1u);
  ASSERT_EQ(r.notices.size(), 1u);
  EXPECT_EQ(r.notices[0].message,
            path.string() +
                ": no coordinate reference system; its coordinates look like degrees, so it "
                "is drawn as WGS 84 longitude/latitude");
  EXPECT_NEAR(r.layers[0].features[0].anchorLonLat.lon, 36.8006, 1e-9);
}

TEST(VectorLoader, LayerWithoutCrsInMetresIsRefused) {
  TempDir dir;
  const auto path = dir.file("nocrs-metres.csv");
  test::writeText(path, "WKT,name\n\"POINT (4078000.3 4291447.4)\",Idlib\n");
  const LoadResult r = loadVectorSource({.path = path.string()});
  EXPECT_TRUE(r.layers.empty());
  ASSERT_EQ(r.notices.size(), 1u);
  EXPECT_EQ(r.notices[0].severity, Severity::Error);
  EXPECT_NE(r.notices[0].message.find("cannot place it on the map"), std::string::npos)
      << r.notices[0].message;
}

TEST(VectorLoader, BundledBoundariesLoadWithIdlibInThem) {
  const LoadResult r =
      loadVectorSource({.path = std::string(IDLIB_DATA_DIR) + "/geodata/admin1.geojson"});
  ASSERT_EQ(r.layers.size(), 1u) << messages(r);
  int syrian = 0;
  const Feature* idlib = nullptr;
  for (const auto& f : r.layers[0].features) {
    if (*f.attribute("admin") == "Syria") ++syrian;
    if (f.name == "Idlib") idlib = &f;
  }
  EXPECT_EQ(syrian, 14);
  ASSERT_NE(idlib, nullptr);
  // Idlib governorate is about 6,100 km²; Natural Earth's generalised outline gives about that.
  EXPECT_NEAR(idlib->area / 1e6, 6100, 600);
}

}  // namespace
}  // namespace idlib
