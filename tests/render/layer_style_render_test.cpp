// An analyst's own layer, styled as in QGIS (issue 11): categories by a field in Paul Tol's
// muted palette, graduated classes on viridis, labels from a field, a legend entry in the export
// and the licence the file states in the attribution line. Two squares side by side in open country
// around Jisr al-Shughur, fills at full opacity so each pixel is the palette's colour itself.
#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "render_fixture.hpp"
#include "ui/map_view.hpp"

namespace idlib::test {
namespace {
namespace fs = std::filesystem;

constexpr LonLat kCampCorner{36.23, 35.74}, kSchoolCorner{36.47, 35.74};  // inside, off-centre
constexpr Rgba kRose = rgb(0xcc6677), kIndigo = rgb(0x332288);            // Tol's muted 1 and 2
constexpr int kWidth = 800, kHeight = 600;

std::string square(double west, double south, const char* properties) {
  return fmt::format(
      R"({{"type":"Feature","properties":{{{4}}},"geometry":{{"type":"Polygon","coordinates":)"
      R"([[[{0},{1}],[{2},{1}],[{2},{3}],[{0},{3}],[{0},{1}]]]}}}})",
      west, south, west + 0.2, south + 0.15, properties);
}

class StyledLayer : public BundledMap {
 protected:
  static void SetUpTestSuite() {
    BundledMap::SetUpTestSuite();
    dir_ = fs::temp_directory_path() / fmt::format("idlib-layer-style-{}", ::getpid());
    fs::create_directories(dir_);
    std::ofstream(dir_ / "sites.geojson") << fmt::format(
        R"json({{"type":"FeatureCollection","name":"sites","license":"CC0 1.0 (test fixture)",)json"
        R"("features":[{},{}]}})",
        square(36.2, 35.72, R"("kind":"camp","name":"Camp","name_ar":"مخيم","people":"5000")"),
        square(36.44, 35.72, R"("kind":"school","name":"School","people":"300")"));
    std::ofstream(dir_ / "unsaid.geojson")
        << fmt::format(R"({{"type":"FeatureCollection","features":[{}]}})",
                       square(36.2, 35.95, R"("kind":"camp")"));
    LoadRequest sites = userLayer((dir_ / "sites.geojson").string());
    // As `--style 'categories=kind,opacity=1'` gives it.
    sites.symbology = std::get<Symbology>(parseSymbology("categories=kind,opacity=1"));
    const auto notices =
        loadAll(*state_, *renderer_, {sites, userLayer((dir_ / "unsaid.geojson").string())});
    ASSERT_TRUE(notices.empty()) << notices.front().message;
    layer(LayerRole::Towns).visible = false;  // their marks and names are not under test
  }
  static void TearDownTestSuite() {
    fs::remove_all(dir_);
    BundledMap::TearDownTestSuite();
  }
  static LayerEntry& entry(const char* file) {
    for (LayerEntry& e : state_->layers)
      if (e.layer.sourcePath == (dir_ / file).string()) return e;
    throw std::runtime_error("the test's layer is not loaded");
  }
  static RenderedImage render() {
    const View view = mapView(*state_, {{36.4, 35.7}, 10});
    return renderImage(*state_, *renderer_, view, kWidth, kHeight);
  }
  // Pixels in [x0, x1) x [y0, y1) within `tolerance` of `colour`.
  static int count(const RenderedImage& image, Rgba colour, int x0, int y0, int x1, int y1,
                   int tolerance = 3) {
    int n = 0;
    for (int y = y0; y < y1; ++y)
      for (int x = x0; x < x1; ++x) {
        const std::uint8_t* p = &image.rgba[(static_cast<std::size_t>(y) * image.width + x) * 4];
        n += near({p[0], p[1], p[2], 255}, colour, tolerance) ? 1 : 0;
      }
    return n;
  }
  static inline fs::path dir_;
};

TEST_F(StyledLayer, CategoriesHaveThePalettesColoursAtFeaturesOfTwoCategories) {
  const RenderedImage image = render();
  EXPECT_TRUE(near(pixelAt(image, kCampCorner), kRose));
  EXPECT_TRUE(near(pixelAt(image, kSchoolCorner), kIndigo));
}

TEST_F(StyledLayer, GraduatedClassesRecolourTheLayerAtTheNextFrame) {
  Layer& sites = entry("sites.geojson").layer;
  const Symbology before = sites.symbology;
  sites.symbology = {
      .kind = StyleKind::Graduated, .field = "people", .classes = 2, .fillOpacity = 1};
  applySymbology(sites);  // the Layers panel's style editor does this; draw rewrites colours
  const RenderedImage image = render();
  EXPECT_TRUE(near(pixelAt(image, kCampCorner), rgb(0xfde725)));    // 5000: the top class
  EXPECT_TRUE(near(pixelAt(image, kSchoolCorner), rgb(0x440154)));  // 300: the bottom one
  sites.symbology = before;
  applySymbology(sites);
  EXPECT_TRUE(near(pixelAt(render(), kCampCorner), kRose));
}

TEST_F(StyledLayer, ALabelFromAFieldIsDrawnOverItsFeature) {
  // Dark text pixels inside the camp's square, away from its outline: none without labels.
  Layer& sites = entry("sites.geojson").layer;
  const RenderedImage plain = render();
  const Vec2 anchor = worldToScreen(mapView(*state_, {{36.4, 35.7}, 10}), {kWidth, kHeight},
                                    sites.features[0].anchor);
  const int x = static_cast<int>(anchor.x), y = static_cast<int>(anchor.y);
  const int darkWithout = count(plain, palette::kTown, x - 40, y - 15, x + 40, y + 15, 40);
  sites.symbology.labelField = "name";
  const int darkWith = count(render(), palette::kTown, x - 40, y - 15, x + 40, y + 15, 40);
  sites.symbology.labelField.clear();
  EXPECT_EQ(darkWithout, 0);
  EXPECT_GT(darkWith, 10) << "the label 'Camp' is not drawn near its feature";
}

TEST_F(StyledLayer, AnArabicLabelIsDrawnJoinedAndFromTheRight) {
  // The map's text is drawn glyph by glyph from the left: مخيم (camp) goes to it as meem final,
  // yeh medial, khah medial, meem initial, not as four loose letters in reverse.
  Layer& sites = entry("sites.geojson").layer;
  sites.symbology.labelField = "name_ar";
  const View view = mapView(*state_, {{36.4, 35.7}, 10});
  const FrameDescription frame =
      describeFrame(*state_, view, {kWidth, kHeight}, 1.0f, Viewer::Analyst);
  const Vec2 anchor = worldToScreen(view, {kWidth, kHeight}, sites.features[0].anchor);
  const int x = static_cast<int>(anchor.x), y = static_cast<int>(anchor.y);
  const int dark = count(render(), palette::kTown, x - 40, y - 15, x + 40, y + 15, 40);
  sites.symbology.labelField.clear();
  EXPECT_TRUE(std::any_of(frame.labels.begin(), frame.labels.end(),
                          [](const MapLabel& l) { return l.text == "\uFEE2\uFEF4\uFEA8\uFEE3"; }));
  EXPECT_GT(dark, 10) << "the label is not drawn near its feature";
}

TEST_F(StyledLayer, TheExportsLegendShowsEachCategorysColour) {
  // The squares lie in the map's upper left; the legend is drawn at the bottom right.
  const auto legendPixels = [&](Rgba c) {
    return count(render(), c, kWidth / 2, kHeight / 2, kWidth, kHeight);
  };
  EXPECT_GT(legendPixels(kRose), 50);
  EXPECT_GT(legendPixels(kIndigo), 50);
  entry("sites.geojson").visible = false;
  EXPECT_EQ(legendPixels(kIndigo), 0);
  entry("sites.geojson").visible = true;
}

TEST_F(StyledLayer, TheAttributionNamesTheFileAndTheLicenceItStates) {
  EXPECT_EQ(entry("sites.geojson").layer.licence, "CC0 1.0 (test fixture)");
  const std::string line = state_->attribution();
  EXPECT_NE(line.find("source: sites.geojson, CC0 1.0 (test fixture)"), std::string::npos) << line;
  EXPECT_NE(line.find("source: unsaid.geojson, licence unknown"), std::string::npos) << line;
  // Typed once in the Layers panel, it is the layer's from then on.
  setLicence(entry("unsaid.geojson").layer, "© Example NGO, CC BY 4.0");
  EXPECT_NE(state_->attribution().find("source: unsaid.geojson, © Example NGO, CC BY 4.0"),
            std::string::npos);
}

}  // namespace
}  // namespace idlib::test
