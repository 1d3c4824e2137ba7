#include "core/format.hpp"

#include <gtest/gtest.h>

namespace idlib {
namespace {

TEST(EventListSummary, AnEmptyFilterSaysNoMatches) {
  EXPECT_EQ(eventListSummary(0, 412), "No events match the filter");
  EXPECT_EQ(eventListSummary(0, 0), "No events loaded");
  EXPECT_EQ(eventListSummary(12, 1412), "12 of 1,412 events");
  EXPECT_EQ(eventListSummary(412, 412), "412 events");
}

}  // namespace
}  // namespace idlib
