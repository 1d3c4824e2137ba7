// The bundled towns as a user searches them.
#include "render_fixture.hpp"
#include "ui/layer_list.hpp"

namespace idlib::test {
namespace {

using BundledTowns = BundledMap;

std::string firstHit(const std::string& query) {
  const TownSearch& towns = townSearchOf(*BundledMap::state_);
  const auto hits = towns.find(query);
  return hits.empty() ? std::string("<nothing>") : towns.entries()[hits[0].entry].name;
}

TEST_F(BundledTowns, SearchFindsTownsByEverySpelling) {
  for (const char* q : {"Saraqib", "Saraqeb", "saraqib"})
    EXPECT_EQ(firstHit(q), "Saraqib") << q;
  for (const char* q :
       {"Maarat al-Numan", "Ma'arrat an-Nu'man", "Ma‘arrat an Nu‘mān", "Maaret al-Numan"})
    EXPECT_EQ(firstHit(q), "Ma'arrat al-Nu'man") << q;
  EXPECT_EQ(firstHit("Kafranbel"), "Kafr Nabl");
  EXPECT_EQ(firstHit("Khan Sheikhoun"), "Khan Shaykhun");
  EXPECT_EQ(firstHit("Idleb"), "Idlib");
  EXPECT_EQ(firstHit("Murak"), "Morek");
}

// The gazetteer's villages (geodata/villages.geojson, from make_villages.py) and the towns' Arabic
// names: an analyst finds a village a report names by any spelling (issue 15).
TEST_F(BundledTowns, SearchFindsVillagesAndArabicNames) {
  EXPECT_EQ(firstHit("سراقب"), "Saraqib");
  EXPECT_EQ(firstHit("خان شيخون"), "Khan Shaykhun");
  for (const char* q : {"Ma`arr Dibsah", "Maarr Dibsah", "معر دبسة"})
    EXPECT_EQ(firstHit(q), "Ma`arr Dibsah") << q;
}

// Villages appear only zoomed in: at the home view their thousands of points would bury the
// towns. Ma`arr Dibsah (36.76982 E, 35.77888 N) has no town or other village within 2 km.
TEST_F(BundledTowns, VillagesAreDrawnOnlyZoomedIn) {
  showOnlyBaseMap();
  const LonLat village{36.76982, 35.77888};
  const auto darkAt = [&](double metresPerPoint) {
    const View view{state_->projection.forward(village), metresPerPoint};
    const RenderedImage image = renderImage(*state_, *renderer_, view, 400, 300);
    const Rgba c = pixelAt(image, village);
    return c.r + c.g + c.b < 3 * 110;
  };
  EXPECT_FALSE(darkAt(kVillagesMaxMetresPerPoint * 3)) << "no village marker zoomed out";
  EXPECT_TRUE(darkAt(kVillagesMaxMetresPerPoint / 2)) << "the village's marker zoomed in";
  EXPECT_NE(state_->attribution().find("Who's On First"), std::string::npos);
}

TEST_F(BundledTowns, TownsCarryGovernorateAndSource) {
  const Layer& towns = layer(LayerRole::Towns).layer;
  EXPECT_GT(towns.features.size(), 150u);
  for (const auto& f : towns.features) {
    ASSERT_NE(f.attribute("source"), nullptr) << f.name;
    EXPECT_NE(f.attribute("source")->find("GeoNames"), std::string::npos);
  }
}

}  // namespace
}  // namespace idlib::test
