// The colour measures behind the palettes, and the projector palette's guarantees (issue 10):
// every pair of sides stays apart under normal and simulated colour-blind vision, and every side
// keeps WCAG's 3:1 for graphics against the ground and against the black front line.
#include "core/color_contrast.hpp"

#include <gtest/gtest.h>

#include "core/style.hpp"

namespace idlib {
namespace {

constexpr Vision kVisions[] = {Vision::Normal, Vision::Protan, Vision::Deutan, Vision::Tritan};
constexpr Controller kSides[] = {Controller::Government, Controller::Opposition, Controller::Turkey,
                                 Controller::Sdf};

TEST(ContrastRatio, FollowsWcag) {
  EXPECT_NEAR(contrastRatio(rgb(0x000000), rgb(0xffffff)), 21.0, 1e-9);
  EXPECT_NEAR(contrastRatio(rgb(0xffffff), rgb(0x000000)), 21.0, 1e-9);  // either order
  EXPECT_NEAR(contrastRatio(rgb(0x777777), rgb(0x777777)), 1.0, 1e-9);
  // #767676 on white is the well-known lightest grey that passes 4.5:1 (4.54).
  EXPECT_NEAR(contrastRatio(rgb(0x767676), rgb(0xffffff)), 4.54, 0.01);
}

TEST(Ciede2000, MatchesSharmasTestData) {
  // Sharma, Wu and Dalal 2005, table 1: pairs 1, 7, 17 and 25.
  EXPECT_NEAR(ciede2000({50, 2.6772, -79.7751}, {50, 0, -82.7485}), 2.0425, 1e-4);
  EXPECT_NEAR(ciede2000({50, 0, 0}, {50, -1, 2}), 2.3669, 1e-4);
  EXPECT_NEAR(ciede2000({50, 2.5, 0}, {73, 25, -18}), 27.1492, 1e-4);
  EXPECT_NEAR(ciede2000({60.2574, -34.0099, 36.2677}, {60.4626, -34.1751, 39.4387}), 1.2644, 1e-4);
  EXPECT_NEAR(ciede2000({50, 2.5, 0}, {50, 2.5, 0}), 0.0, 1e-12);
}

TEST(Lab, WhiteAndBlackAreTheEnds) {
  const Lab white = toLab(rgb(0xffffff)), black = toLab(rgb(0x000000));
  EXPECT_NEAR(white.l, 100, 0.01);
  EXPECT_NEAR(white.a, 0, 0.01);
  EXPECT_NEAR(white.b, 0, 0.01);
  EXPECT_NEAR(black.l, 0, 0.01);
}

TEST(SimulatedVision, MergesTheColoursEachDeficiencyConfuses) {
  // Red and green (matplotlib's): far apart, except for protans and most of all deutans.
  const Rgba red = rgb(0xd62728), green = rgb(0x2ca02c), blue = rgb(0x1f77b4);
  EXPECT_GT(colourDifference(red, green, Vision::Normal), 60);
  EXPECT_LT(colourDifference(red, green, Vision::Protan), 30);
  EXPECT_LT(colourDifference(red, green, Vision::Deutan), 10);
  EXPECT_GT(colourDifference(red, green, Vision::Tritan), 60);
  // Blue and green: apart for all but tritans.
  for (const Vision v : {Vision::Normal, Vision::Protan, Vision::Deutan})
    EXPECT_GT(colourDifference(blue, green, v), 45) << visionName(v);
  EXPECT_LT(colourDifference(blue, green, Vision::Tritan), 15);
  // Greys are seen as greys.
  for (const Vision v : kVisions)
    EXPECT_LT(colourDifference(rgb(0x808080), simulateVision(rgb(0x808080), v), Vision::Normal), 1);
}

TEST(ProjectorPalette, EveryPairOfSidesStaysApartForEveryVision) {
  for (std::size_t i = 0; i < std::size(kSides); ++i)
    for (std::size_t j = i + 1; j < std::size(kSides); ++j)
      for (const Vision v : kVisions) {
        const Rgba a = areaColor(kSides[i], 1, Palette::Projector);
        const Rgba b = areaColor(kSides[j], 1, Palette::Projector);
        EXPECT_GE(colourDifference(a, b, v), 12.0)
            << controllerLongName(kSides[i]) << " vs " << controllerLongName(kSides[j]) << ", "
            << visionName(v);
      }
}

TEST(ProjectorPalette, SidesStandOutFromTheGroundAndCarryTheBlackFrontLine) {
  for (const Controller c : kSides) {
    const Rgba side = areaColor(c, 1, Palette::Projector);
    EXPECT_GE(contrastRatio(side, palette::kAreaGround), 3.0) << controllerLongName(c);
    EXPECT_GE(contrastRatio(side, frontLineColor(Palette::Projector)), 3.0)
        << controllerLongName(c);
    for (const Vision v : kVisions)
      EXPECT_GE(colourDifference(side, palette::kAreaGround, v), 30.0)
          << controllerLongName(c) << ", " << visionName(v);
  }
}

TEST(ProjectorPalette, IsStrongerThanTheDeskPalette) {
  // The reason for the switch: the desk's light tints fall under 3:1 against the ground.
  for (const Controller c : kSides)
    EXPECT_GT(contrastRatio(areaColor(c, 1, Palette::Projector), palette::kAreaGround),
              contrastRatio(areaColor(c, 1, Palette::Desk), palette::kAreaGround))
        << controllerLongName(c);
}

}  // namespace
}  // namespace idlib
