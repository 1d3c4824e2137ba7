#include "core/scale_bar.hpp"

#include <gtest/gtest.h>

namespace idlib {
namespace {

TEST(ScaleBar, PicksTheLongestRoundLengthThatFits) {
  const ScaleBar bar = scaleBarFor(130, 160);  // 20.8 km fit
  EXPECT_EQ(bar.metres, 20000);
  EXPECT_EQ(bar.label, "20 km");
  EXPECT_NEAR(bar.points, 20000 / 130.0, 1e-9);
  EXPECT_EQ(scaleBarFor(2, 160).label, "200 m");
  EXPECT_EQ(scaleBarFor(40, 160).label, "5 km");
}

}  // namespace
}  // namespace idlib
