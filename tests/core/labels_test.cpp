#include "core/labels.hpp"

#include <gtest/gtest.h>

namespace idlib {
namespace {

const Box kScreen{{0, 0}, {800, 600}};

TEST(Labels, BiggerTownWinsWhenLabelsWouldOverlap) {
  // Two towns 10 points apart with long labels: only one label fits on either side.
  std::vector<LabelCandidate> c = {{{400, 300}, 120, 14, 3, 1000, 1},
                                   {{405, 300}, 120, 14, 3, 50000, 2},
                                   {{402, 296}, 120, 14, 3, 10, 3},
                                   {{402, 304}, 120, 14, 3, 20, 4}};
  const auto placed = placeLabels(c, kScreen);
  ASSERT_FALSE(placed.empty());
  EXPECT_EQ(placed.front().id, 2u);
}

TEST(Labels, PlacedLabelsNeverOverlap) {
  std::vector<LabelCandidate> c;
  for (std::uint32_t i = 0; i < 400; ++i)
    c.push_back({{40.0 + (i * 37) % 720, 30.0 + (i * 53) % 540}, 60, 12, 3, double(i % 17), i});
  const auto placed = placeLabels(c, kScreen);
  ASSERT_GT(placed.size(), 20u);
  for (std::size_t a = 0; a < placed.size(); ++a)
    for (std::size_t b = a + 1; b < placed.size(); ++b) {
      const Box A{placed[a].topLeft, placed[a].topLeft + Vec2{60, 12}};
      const Box B{placed[b].topLeft, placed[b].topLeft + Vec2{60, 12}};
      EXPECT_FALSE(A.intersects(B)) << placed[a].id << " overlaps " << placed[b].id;
    }
}

TEST(Labels, LabelMovesLeftAtTheRightEdge) {
  const auto placed = placeLabels({{{790, 300}, 80, 14, 3, 1, 7}}, kScreen);
  ASSERT_EQ(placed.size(), 1u);
  EXPECT_LT(placed[0].topLeft.x + 80, 790);  // to the left of its marker
}

}  // namespace
}  // namespace idlib
