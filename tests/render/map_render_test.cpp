// Headless renders of the bundled map: the colours a user sees at known places.
#include <gdal/gdal_priv.h>
#include <gdal/ogr_spatialref.h>

#include <filesystem>

#include "geo/projection.hpp"
#include "render_fixture.hpp"

namespace idlib::test {
namespace {

constexpr LonLat kIdlibCity{36.6333, 35.9333};
constexpr LonLat kSaraqib{36.80591, 35.86447};  // GeoNames position of the town marker
constexpr LonLat kAntakya{36.25, 36.35};        // in Hatay, Turkey, away from town markers
constexpr LonLat kSea{35.3, 35.5};              // between Latakia and Cyprus

using MapRender = BundledMap;

View homeAt(int w, int h) {
  return idlibHomeView({double(w), double(h)});
}

TEST_F(MapRender, IdlibCityLiesInIdlibsHighlightedFill) {
  layer(LayerRole::Towns).visible = false;  // the town's own marker would cover the fill
  const RenderedImage image = renderImage(*state_, *renderer_, homeAt(800, 600), 800, 600);
  layer(LayerRole::Towns).visible = true;
  EXPECT_TRUE(near(pixelAt(image, kIdlibCity), palette::kIdlib));
}

TEST_F(MapRender, NeighboursAreMutedAndTheSeaIsBlue) {
  layer(LayerRole::Towns).visible = false;
  const View region{state_->projection.forward(LonLat{36.2, 35.7}), metresPerPointAtZoom(8)};
  const RenderedImage image = renderImage(*state_, *renderer_, region, 800, 600);
  layer(LayerRole::Towns).visible = true;
  EXPECT_TRUE(near(pixelAt(image, kAntakya), palette::kNeighbour));
  EXPECT_TRUE(near(pixelAt(image, kSea), palette::kSea));
}

TEST_F(MapRender, SaraqibHasATownMarker) {
  const RenderedImage image = renderImage(*state_, *renderer_, homeAt(800, 600), 800, 600);
  EXPECT_TRUE(near(pixelAt(image, kSaraqib), palette::kTown, 12));
  layer(LayerRole::Towns).visible = false;
  const RenderedImage without = renderImage(*state_, *renderer_, homeAt(800, 600), 800, 600);
  layer(LayerRole::Towns).visible = true;
  EXPECT_TRUE(near(pixelAt(without, kSaraqib), palette::kIdlib));
}

TEST_F(MapRender, FadingALayerBlendsItsFill) {
  LayerEntry& admin = layer(LayerRole::Admin1);
  layer(LayerRole::Towns).visible = false;
  admin.opacity = 0.5f;
  const RenderedImage image = renderImage(*state_, *renderer_, homeAt(400, 300), 400, 300);
  admin.opacity = 1.0f;
  layer(LayerRole::Towns).visible = true;
  const Rgba expected{static_cast<std::uint8_t>((palette::kIdlib.r + palette::kSea.r) / 2),
                      static_cast<std::uint8_t>((palette::kIdlib.g + palette::kSea.g) / 2),
                      static_cast<std::uint8_t>((palette::kIdlib.b + palette::kSea.b) / 2)};
  EXPECT_TRUE(near(pixelAt(image, kIdlibCity), expected, 4));
}

// On a HiDPI display (2 pixels per point) the map is the same, drawn with twice the pixels: fills
// land where they should, and a town marker is twice as wide in pixels.
TEST_F(MapRender, HiDpiDrawsTheSameMapWithTwiceThePixels) {
  const View view = homeAt(400, 300);
  layer(LayerRole::Towns).visible = false;
  const RenderedImage deskFill = renderImage(*state_, *renderer_, view, 400, 300);
  const RenderedImage retinaFill = renderImage(*state_, *renderer_, view, 800, 600, nullptr, 2.0f);
  layer(LayerRole::Towns).visible = true;
  EXPECT_DOUBLE_EQ(retinaFill.grid.pixelSize * 2, deskFill.grid.pixelSize);
  EXPECT_TRUE(near(pixelAt(retinaFill, kIdlibCity), palette::kIdlib));
  EXPECT_TRUE(near(pixelAt(retinaFill, kAntakya), pixelAt(deskFill, kAntakya)));
  // Saraqib's marker: the run of dark pixels through its centre, left and right.
  const RenderedImage desk = renderImage(*state_, *renderer_, view, 400, 300);
  const RenderedImage retina = renderImage(*state_, *renderer_, view, 800, 600, nullptr, 2.0f);
  auto markerWidth = [&](const RenderedImage& image) {
    const Vec2 w = state_->projection.forward(kSaraqib);
    const int cx = static_cast<int>((w.x - image.grid.originX) / image.grid.pixelSize);
    const int cy = static_cast<int>((image.grid.originY - w.y) / image.grid.pixelSize);
    auto dark = [&](int x) {
      const std::uint8_t* p = &image.rgba[(static_cast<std::size_t>(cy) * image.width + x) * 4];
      return p[0] < 90 && p[1] < 90 && p[2] < 90;
    };
    int left = 0, right = 0;
    while (dark(cx - left - 1))
      ++left;
    while (dark(cx + right + 1))
      ++right;
    return left + right + 1;
  };
  const int one = markerWidth(desk), two = markerWidth(retina);
  EXPECT_GT(one, 2);
  EXPECT_NEAR(two, 2 * one, 2);
}

TEST_F(MapRender, ExportedPngIsGeoreferenced) {
  const RenderedImage image = renderImage(*state_, *renderer_, homeAt(640, 480), 640, 480);
  const auto dir =
      std::filesystem::temp_directory_path() / ("idlib-export-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  const auto path = dir / "map.png";
  ASSERT_FALSE(
      writeGeoreferencedPng(path, image.rgba.data(), 640, 480, image.grid, kMapCrs).has_value());

  // Read it back as QGIS would: CRS from the sidecar, pixel from lon/lat.
  GDALDatasetUniquePtr png(GDALDataset::Open(path.c_str(), GDAL_OF_RASTER));
  ASSERT_TRUE(png);
  const OGRSpatialReference* srs = png->GetSpatialRef();
  ASSERT_NE(srs, nullptr);
  EXPECT_TRUE(srs->IsProjected());
  double gt[6];
  ASSERT_EQ(png->GetGeoTransform(gt), CE_None);
  OGRSpatialReference wgs84;
  wgs84.importFromEPSG(4326);
  wgs84.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
  std::unique_ptr<OGRCoordinateTransformation> toImage(
      OGRCreateCoordinateTransformation(&wgs84, srs));
  double x = kSaraqib.lon, y = kSaraqib.lat;
  ASSERT_TRUE(toImage->Transform(1, &x, &y));
  const int px = static_cast<int>((x - gt[0]) / gt[1]), py = static_cast<int>((y - gt[3]) / gt[5]);
  std::uint8_t rgb[3];
  for (int b = 0; b < 3; ++b)
    ASSERT_EQ(
        png->GetRasterBand(b + 1)->RasterIO(GF_Read, px, py, 1, 1, &rgb[b], 1, 1, GDT_Byte, 0, 0),
        CE_None);
  EXPECT_TRUE(near({rgb[0], rgb[1], rgb[2]}, palette::kTown, 12));
  png.reset();
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace idlib::test
