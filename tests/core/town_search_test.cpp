#include "core/town_search.hpp"

#include <gtest/gtest.h>

namespace idlib {
namespace {

TEST(TownSearch, FoldsDiacriticsAndApostrophes) {
  EXPECT_EQ(foldName("Ma‘arrat an-Nu‘mān"), "maarrat an numan");
  EXPECT_EQ(foldName("Jisr ash Shughūr"), "jisr ash shughur");
  EXPECT_EQ(foldName("İdlib"), "idlib");
}

TEST(TownSearch, SkeletonIgnoresVowelsArticlesAndDoubling) {
  EXPECT_EQ(nameSkeleton(foldName("Saraqeb")), nameSkeleton(foldName("Saraqib")));
  EXPECT_EQ(nameSkeleton(foldName("Maarat al-Numan")),
            nameSkeleton(foldName("Ma‘arrat an Nu‘mān")));
  EXPECT_EQ(nameSkeleton(foldName("Atmeh")), nameSkeleton(foldName("Atme")));
}

TEST(TownSearch, FindsTownsWhateverTheSpelling) {
  TownSearch search({{"Saraqib", {"Saraqib"}, 32000, 0},
                     {"Ma'arrat al-Nu'man", {"Ma'arrat al-Nu'man", "Ma‘arrat an Nu‘mān"}, 58000, 1},
                     {"Sarmin", {"Sarmīn"}, 14000, 2},
                     {"Kafr Nabl", {"Kafr Nabl", "Kafranbel"}, 15000, 3}});
  for (const char* q : {"Saraqib", "Saraqeb", "saraqib", "SARAQEB"}) {
    const auto hits = search.find(q);
    ASSERT_FALSE(hits.empty()) << q;
    EXPECT_EQ(search.entries()[hits[0].entry].name, "Saraqib") << q;
  }
  for (const char* q :
       {"Maarat al-Numan", "Ma'arrat an-Nu'man", "Maaret al Numan", "Ma‘arrat an Nu‘mān"}) {
    const auto hits = search.find(q);
    ASSERT_FALSE(hits.empty()) << q;
    EXPECT_EQ(search.entries()[hits[0].entry].name, "Ma'arrat al-Nu'man") << q;
  }
  EXPECT_EQ(search.entries()[search.find("Kafranbel")[0].entry].name, "Kafr Nabl");
  EXPECT_EQ(search.entries()[search.find("Kfr Nbl")[0].entry].name, "Kafr Nabl");
  EXPECT_TRUE(search.find("Damascus").empty());
}

TEST(TownSearch, TypingAPrefixListsTheBiggerTownFirst) {
  TownSearch search({{"Sarmin", {"Sarmin"}, 14000, 0}, {"Saraqib", {"Saraqib"}, 32000, 1}});
  const auto hits = search.find("Sar");
  ASSERT_EQ(hits.size(), 2u);
  EXPECT_EQ(search.entries()[hits[0].entry].name, "Saraqib");
}

}  // namespace
}  // namespace idlib
