// Arabic in the panels (Dear ImGui neither joins letters nor reorders right-to-left text): what
// the panels are given to draw, glyph by glyph from the left.
#include "core/visual_text.hpp"

#include <gtest/gtest.h>

namespace idlib {
namespace {

TEST(VisualText, LatinTextIsLeftAsItIs) {
  EXPECT_FALSE(hasRightToLeft("Ma'arrat al-Nu'man, Ḩārim"));
  EXPECT_EQ(visualOrder("Ma'arrat al-Nu'man, Ḩārim"), "Ma'arrat al-Nu'man, Ḩārim");
  EXPECT_EQ(visualOrder(""), "");
}

TEST(VisualText, ArabicLettersAreJoinedAndDrawnFromTheRight) {
  // خربة (a ruin, as in the gazetteer's Khirbat): khah initial, reh final, beh initial, teh
  // marbuta final, in logical order; drawn from the left, the last letter comes first.
  EXPECT_TRUE(hasRightToLeft("خربة"));
  EXPECT_EQ(visualOrder("خربة"), "\uFE94\uFE91\uFEAE\uFEA7");
}

TEST(VisualText, LamAndAlefBecomeOneLigature) {
  EXPECT_EQ(visualOrder("لا"), "\uFEFB");
}

TEST(VisualText, ALatinRunKeepsItsOrderBesideAnArabicOne) {
  // سراقب: seen initial, reh final, alef isolated, qaf initial, beh final.
  EXPECT_EQ(visualOrder("Saraqib سراقب"), "Saraqib \uFE90\uFED7\uFE8D\uFEAE\uFEB3");
  // In an Arabic paragraph the number still reads left to right.
  EXPECT_EQ(visualOrder("سراقب 2020"), "2020 \uFE90\uFED7\uFE8D\uFEAE\uFEB3");
}

TEST(VisualText, BrokenOrHugeTextIsLeftAsItIs) {
  const std::string broken = "سراقب\xff\xfe";
  EXPECT_EQ(visualOrder(broken), broken);
  const std::string huge = std::string(70 * 1024, 'a') + "سراقب";
  EXPECT_EQ(visualOrder(huge), huge);
}

}  // namespace
}  // namespace idlib
