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

TEST(Labels, NoLabelTouchesAnOccupiedBox) {
  // A town right under a legend in the bottom-right corner: its label goes nowhere near it, or
  // is not drawn; a town clear of the legend keeps its label.
  const Box legend{{560, 380}, {790, 590}};
  std::vector<LabelCandidate> c = {{{600, 450}, 80, 14, 3, 100, 1},
                                   {{550, 420}, 80, 14, 3, 90, 2},
                                   {{200, 200}, 80, 14, 3, 10, 3}};
  const auto placed = placeLabels(c, kScreen, 2, {legend});
  for (const PlacedLabel& p : placed)
    EXPECT_FALSE(legend.intersects({p.topLeft, p.topLeft + Vec2{80, 14}})) << "label " << p.id;
  ASSERT_EQ(placed.size(), 2u);  // town 2's label fits to its left
  EXPECT_EQ(placed[0].id, 2u);
  EXPECT_EQ(placed[1].id, 3u);
}

}  // namespace
}  // namespace idlib
