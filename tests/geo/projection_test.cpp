#include "geo/projection.hpp"

#include <gtest/gtest.h>

namespace idlib {
namespace {

TEST(Projection, RoundTripWithinAMicrodegree) {
  const Projection p = Projection::lonLatToMap();
  for (const LonLat ll : {LonLat{36.6339, 35.9306}, LonLat{36.8006, 35.8636}, LonLat{35.79, 35.53},
                          LonLat{38.5, 37.2}, LonLat{36.0, 33.5}}) {
    const LonLat back = p.inverseLonLat(p.forward(ll));
    EXPECT_NEAR(back.lon, ll.lon, 1e-6);
    EXPECT_NEAR(back.lat, ll.lat, 1e-6);
  }
}

TEST(Projection, CentredOnIdlibInMetres) {
  const Projection p = Projection::lonLatToMap();
  const Vec2 origin = p.forward(LonLat{36.7, 35.9});
  EXPECT_NEAR(origin.x, 0, 1e-6);
  EXPECT_NEAR(origin.y, 0, 1e-6);
  // Saraqib to Idlib city is about 16 km (great-circle distance 16.2 km).
  const double d =
      length(p.forward(LonLat{36.8006, 35.8636}) - p.forward(LonLat{36.6333, 35.9333}));
  EXPECT_NEAR(d, 16800, 600);
}

TEST(Projection, ReadsAnyCrsPROJKnows) {
  auto web = Projection::create("EPSG:3857");
  ASSERT_TRUE(std::holds_alternative<Projection>(web));
  const Projection map = Projection::lonLatToMap();
  // Idlib city in web-Mercator metres lands where its lon/lat does.
  const Vec2 a = std::get<Projection>(web).forward(Vec2{4078000.3, 4291447.4});
  const Vec2 b = map.forward(LonLat{36.6333, 35.9333});
  EXPECT_NEAR(a.x, b.x, 1);
  EXPECT_NEAR(a.y, b.y, 1);
  EXPECT_TRUE(std::holds_alternative<std::string>(Projection::create("EPSG:999999")));
}

}  // namespace
}  // namespace idlib
