#include "geo/table_listing.hpp"

#include <gtest/gtest.h>

#include "core/text_safety.hpp"

namespace idlib {
namespace {

const std::string kGeodata = std::string(IDLIB_DATA_DIR) + "/geodata/";

TEST(TableListing, NamesATablesGeometryAndRows) {
  const TableListing listing = listTables(kGeodata + "towns.geojson");
  ASSERT_EQ(listing.error, "");
  ASSERT_EQ(listing.tables.size(), 1u);
  EXPECT_EQ(listing.tables[0].name, "towns");
  EXPECT_EQ(listing.tables[0].geometryType, "Point");
  EXPECT_EQ(listing.tables[0].features, 481);  // geodata/towns.geojson's features
}

TEST(TableListing, ListsPlainTablesToo) {
  const TableListing listing = listTables(kGeodata + "events.csv");
  ASSERT_EQ(listing.tables.size(), 1u);
  EXPECT_EQ(listing.tables[0].geometryType, "None");
  EXPECT_GT(listing.tables[0].features, 0);
}

TEST(TableListing, AFailedConnectionSaysWhyWithoutThePassword) {
  const TableListing listing =
      listTables("PG:host='/nonexistent-socket-dir' dbname='atlas' password='s3cret-pw'");
  EXPECT_TRUE(listing.tables.empty());
  ASSERT_NE(listing.error, "");
  const std::string shown = displayable(listing.error);
  EXPECT_EQ(shown.find("s3cret-pw"), std::string::npos) << shown;
  EXPECT_NE(shown.find("/nonexistent-socket-dir"), std::string::npos) << shown;
}

}  // namespace
}  // namespace idlib
