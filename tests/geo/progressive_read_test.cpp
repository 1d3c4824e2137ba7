// A big layer shows in the view while it is still being read (issue 12, part 2): its view's
// polygons are handed out as a preview as soon as they are read, while the reading goes on, and
// a Cancel then stops the reading itself.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <numbers>

#include "fixtures.hpp"
#include "geo/projection.hpp"
#include "geo/vector_loader.hpp"

namespace idlib {
namespace {

// A polygon of `vertices` points, a wavy disc `radius` degrees across around `centre`.
std::string wavyDisc(LonLat centre, double radius, int vertices) {
  std::string ring;
  for (int i = 0; i <= vertices; ++i) {
    const double a = 2 * std::numbers::pi * (i % vertices) / vertices;
    const double r = radius * (1 + 0.04 * std::sin(40 * a));
    ring += fmt::format("{}[{:.7f},{:.7f}]", i ? "," : "", centre.lon + r * std::cos(a),
                        centre.lat + r * std::sin(a));
  }
  return fmt::format(R"({{"type":"Polygon","coordinates":[[{}]]}})", ring);
}

std::string feature(const std::string& name, const std::string& geometry) {
  return fmt::format(R"({{"type":"Feature","properties":{{"name":"{}"}},"geometry":{}}})", name,
                     geometry);
}

constexpr LonLat kIdlib{36.63, 35.93}, kSaraqib{36.80, 35.86};

// A GeoJSON whose first feature is a polygon of 220,000 vertices around Idlib (over
// kPreviewVertices), then `farBytes` of features far off the local plane (read and dropped),
// then a small square at Saraqib. Returns how many features it has.
std::size_t writeBigLayer(const std::filesystem::path& path, std::size_t farBytes) {
  std::string text = R"({"type":"FeatureCollection","features":[)";
  text += feature("big disc", wavyDisc(kIdlib, 0.2, 220'000));
  std::size_t features = 2;
  for (const std::size_t end = text.size() + farBytes; text.size() < end; ++features)
    text += "," + feature(fmt::format("far {}", features), wavyDisc({-60, -20}, 0.5, 2'000));
  text += "," + feature("Saraqib square", wavyDisc(kSaraqib, 0.02, 4)) + "]}";
  std::ofstream(path) << text;
  return features;
}

// The home view of Idlib on the local plane, at 100 m a pixel.
LoadView idlibView() {
  const auto madeToPlane = Projection::create(kLonLatCrs, crsOf(MapPlane::Local));
  const Projection& toPlane = std::get<Projection>(madeToPlane);
  Box view;
  view.extend(toPlane.forward(LonLat{36.2, 35.6}));
  view.extend(toPlane.forward(LonLat{37.1, 36.3}));
  return {view, 100};
}

// The first preview comes once the disc is read, and Cancel there stops the reading: 20 MB of
// features still to parse take GDAL many times longer than the preview of the disc takes.
TEST(ProgressiveRead, TheViewsFirstPolygonShowsWhileTheRestIsReadAndCancelStopsTheRead) {
  test::TempDir dir;
  const auto path = dir.file("big.geojson");
  const std::size_t features = writeBigLayer(path, 20'000'000);
  LoadProgress progress;
  progress.setView(idlibView());
  std::vector<Layer> previews;
  progress.onPreview = [&](Layer layer) {
    previews.push_back(std::move(layer));
    progress.cancel();  // as the progress bar's Cancel does
  };
  const LoadResult result = loadVectorSource({.path = path.string()}, &progress);

  ASSERT_EQ(previews.size(), 1u);
  const Layer& first = previews[0];
  EXPECT_TRUE(first.preview);
  ASSERT_EQ(first.features.size(), 1u) << "only what was read: the disc";
  EXPECT_EQ(first.features[0].name, "big disc");
  EXPECT_LT(first.fills.vertices.size(), 220'000u / 20) << "simplified to the view's pixel";
  EXPECT_LT(progress.featuresRead, features) << "the reading stopped before the file's end";
  EXPECT_TRUE(result.layers.empty());
  ASSERT_FALSE(result.notices.empty());
  EXPECT_NE(result.notices.back().message.find("cancelled"), std::string::npos);
  EXPECT_EQ(result.withdrawnPreviews, std::vector<std::string>{first.id})
      << "the window takes the preview away again";
}

TEST(ProgressiveRead, TheLastPreviewHasTheWholeViewAndTheFullLayerReplacesIt) {
  test::TempDir dir;
  const auto path = dir.file("big.geojson");
  writeBigLayer(path, 200'000);
  LoadProgress progress;
  progress.setView(idlibView());
  std::vector<Layer> previews;
  progress.onPreview = [&](Layer layer) { previews.push_back(std::move(layer)); };
  const LoadResult result = loadVectorSource({.path = path.string()}, &progress);

  ASSERT_EQ(result.layers.size(), 1u);
  ASSERT_GE(previews.size(), 2u) << "the disc as soon as it is read, then the whole view";
  EXPECT_EQ(previews[0].features.size(), 1u);
  const Layer& last = previews.back();
  ASSERT_EQ(last.features.size(), 2u);
  EXPECT_EQ(last.features[1].name, "Saraqib square");
  EXPECT_EQ(last.id, result.layers[0].id) << "each preview stands in for the same layer";
  EXPECT_FALSE(result.layers[0].preview);
  EXPECT_TRUE(result.withdrawnPreviews.empty()) << "the full layer replaces the previews";
}

}  // namespace
}  // namespace idlib
