// The bundled towns as a user searches them.
#include "render_fixture.hpp"

namespace idlib::test {
namespace {

using BundledTowns = BundledMap;

std::string firstHit(const std::string& query) {
  const auto hits = BundledMap::state_->townSearch->find(query);
  return hits.empty() ? std::string("<nothing>")
                      : BundledMap::state_->townSearch->entries()[hits[0].entry].name;
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
