#include "core/cli_values.hpp"

#include <fmt/format.h>
#include <gtest/gtest.h>

namespace idlib {
namespace {

TEST(CliValues, ViewIsLonLatZoom) {
  const auto v = parseViewArgument("36.63,35.93,9.5");
  ASSERT_TRUE(std::holds_alternative<ViewArgument>(v));
  EXPECT_DOUBLE_EQ(std::get<ViewArgument>(v).centre.lon, 36.63);
  EXPECT_DOUBLE_EQ(std::get<ViewArgument>(v).centre.lat, 35.93);
  EXPECT_DOUBLE_EQ(std::get<ViewArgument>(v).zoom, 9.5);
}

TEST(CliValues, BadViewsSayWhatWasExpected) {
  EXPECT_EQ(std::get<std::string>(parseViewArgument("Idlib")),
            "--view 'Idlib': expected LON,LAT,ZOOM in decimal degrees, e.g. 36.63,35.93,9");
  EXPECT_EQ(std::get<std::string>(parseViewArgument("36.6,135,9")),
            "--view '36.6,135,9': longitude must be within ±180 and latitude within ±90");
  EXPECT_EQ(std::get<std::string>(parseViewArgument("36.6,35.9,40")),
            "--view '36.6,35.9,40': zoom 40 is outside 2..19");
}

TEST(CliValues, AViewNamesItselfAsTheCallerSays) {
  EXPECT_EQ(std::get<std::string>(parseViewArgument("36.6,35.9,40", "view")),
            "view '36.6,35.9,40': zoom 40 is outside 2..19");
}

TEST(CliValues, InfinityAndNotANumberAreNotAView) {
  for (const char* text : {"inf,35.9,9", "36.6,nan,9", "36.6,35.9,inf", "36.6,35.9,nan"})
    EXPECT_EQ(std::get<std::string>(parseViewArgument(text)),
              fmt::format("--view '{}': expected LON,LAT,ZOOM in decimal degrees, e.g. "
                          "36.63,35.93,9",
                          text));
}

TEST(CliValues, SizeIsWidthByHeight) {
  const auto s = parseSizeArgument("1920x1080");
  ASSERT_TRUE(std::holds_alternative<SizeArgument>(s));
  EXPECT_EQ(std::get<SizeArgument>(s).width, 1920);
  EXPECT_EQ(std::get<SizeArgument>(s).height, 1080);
  EXPECT_EQ(std::get<std::string>(parseSizeArgument("1920")),
            "--size '1920': expected WIDTHxHEIGHT in pixels, e.g. 1920x1080");
  EXPECT_EQ(std::get<std::string>(parseSizeArgument("0x10")),
            "--size '0x10': each side must be between 16 and 16384 pixels");
}

}  // namespace
}  // namespace idlib
