#include "core/export_scale.hpp"

#include <gtest/gtest.h>

namespace idlib {
namespace {

TEST(ExportScale, A4kImageIsTheFullHdOneAtTwiceTheSize) {
  EXPECT_FLOAT_EQ(exportScale(3840, 2160), 2);
  EXPECT_FLOAT_EQ(exportScale(1920, 1080), 1);
  EXPECT_FLOAT_EQ(exportScale(2560, 1440), 4.0f / 3);
}

TEST(ExportScale, SmallImagesKeepTheDeskSizeAndTheNarrowSideDecides) {
  EXPECT_FLOAT_EQ(exportScale(640, 360), 1);  // never smaller than the UI scale allows
  EXPECT_FLOAT_EQ(exportScale(7680, 1080), 1);
  EXPECT_FLOAT_EQ(exportScale(3840, 1620), 1.5f);
}

}  // namespace
}  // namespace idlib
