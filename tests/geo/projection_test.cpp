#include "geo/projection.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>

#include "geo/vector_loader.hpp"

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

// Each plane's projection from lon/lat, made without PROJ's database search and with the degrees
// converted by Projection itself, gives the very bits PROJ's own choice of operation gives.
TEST(Projection, PlanesGiveTheBitsOfPROJsOwnOperation) {
  constexpr std::string_view kLonLatByDefinition = "+proj=longlat +datum=WGS84 +no_defs +type=crs";
  for (const MapPlane plane : {MapPlane::Local, MapPlane::WebMercator, MapPlane::EqualEarth}) {
    const Projection fast = Projection::lonLatTo(plane);
    auto searched = Projection::create(kLonLatByDefinition, crsOf(plane));
    ASSERT_TRUE(std::holds_alternative<Projection>(searched));
    const Projection& reference = std::get<Projection>(searched);
    std::vector<Vec2> inPlace;
    for (double lon = 6.7; lon <= 66.7; lon += 2.5)
      for (double lat = 5.9; lat <= 65.9; lat += 2.5) {
        const Vec2 ll{lon, lat};
        const Vec2 a = fast.forward(ll), b = reference.forward(ll);
        EXPECT_EQ(a.x, b.x) << lon << ", " << lat;
        EXPECT_EQ(a.y, b.y) << lon << ", " << lat;
        const Vec2 backA = fast.inverse(a), backB = reference.inverse(b);
        EXPECT_EQ(backA.x, backB.x);
        EXPECT_EQ(backA.y, backB.y);
        inPlace.push_back(ll);
      }
    ASSERT_TRUE(fast.forwardInPlace(&inPlace[0].x, &inPlace[0].y, inPlace.size(), sizeof(Vec2)));
    EXPECT_EQ(inPlace[7].x, reference.forward(Vec2{6.7, 5.9 + 7 * 2.5}).x);
  }
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

namespace idlib {
namespace {

TEST(MapPlanes, WorldPlanesAreWebMercatorAndEqualEarth) {
  // Rio de Janeiro in EPSG:3857 metres, as any web map has it.
  const Vec2 rio = Projection::lonLatTo(MapPlane::WebMercator).forward(LonLat{-43.2, -22.9});
  EXPECT_NEAR(rio.x, -4809002.0, 1);
  EXPECT_NEAR(rio.y, -2619929.8, 1);
  // Equal Earth keeps the whole globe: the antimeridian is its edge, 17.24 Mm from Greenwich.
  const Vec2 edge = Projection::lonLatTo(MapPlane::EqualEarth).forward(LonLat{180, 0});
  EXPECT_NEAR(edge.x, 17243959, 1000);
  EXPECT_EQ(crsOf(MapPlane::Local), kMapCrs);
}

TEST(MapPlanes, TheViewPicksThePlane) {
  // The home view of Idlib (1.2° wide) stays local; the Middle East goes to Web Mercator; the
  // world to Equal Earth; a regional view of Brazil cannot be local.
  EXPECT_EQ(automaticPlane({36.05, 35.25, 37.25, 36.40}), MapPlane::Local);
  EXPECT_EQ(automaticPlane({20, 20, 60, 45}), MapPlane::WebMercator);
  EXPECT_EQ(automaticPlane({-180, -60, 180, 80}), MapPlane::EqualEarth);
  EXPECT_EQ(automaticPlane({-62, -12, -58, -8}), MapPlane::WebMercator);
  // Near a threshold the plane shown is kept: 18° wide stays local, but is not entered from afar.
  EXPECT_EQ(automaticPlane({28, 30, 46, 40}, MapPlane::Local), MapPlane::Local);
  EXPECT_EQ(automaticPlane({28, 30, 46, 40}, MapPlane::WebMercator), MapPlane::WebMercator);
  EXPECT_EQ(planeFor(ProjectionChoice::EqualEarth, {36, 35, 37, 36}), MapPlane::EqualEarth);
  EXPECT_EQ(parseProjectionChoice("webmercator"), ProjectionChoice::WebMercator);
  EXPECT_FALSE(parseProjectionChoice("mollweide"));
}

TEST(MapPlanes, TheLonLatAViewShows) {
  const Projection web = Projection::lonLatTo(MapPlane::WebMercator);
  Box box;
  box.extend(web.forward(LonLat{-70, -20}));
  box.extend(web.forward(LonLat{-50, 0}));
  const LonLatBox seen = lonLatExtent(web, MapPlane::WebMercator, box);
  EXPECT_NEAR(seen.west, -70, 1e-6);
  EXPECT_NEAR(seen.east, -50, 1e-6);
  EXPECT_NEAR(seen.south, -20, 1e-6);
  EXPECT_NEAR(seen.north, 0, 1e-6);
  // Wider than the world: clamped to it.
  const LonLatBox all = lonLatExtent(web, MapPlane::WebMercator, {{-9e7, -9e7}, {9e7, 9e7}});
  EXPECT_EQ(all.west, -180);
  EXPECT_EQ(all.east, 180);
}

// Natural Earth's countries (Debian's qgis-common): on Equal Earth every one is drawn; on the
// local plane what lies beyond ±30° of Idlib's meridian is clipped away and said, and nothing is
// ever "outside the range of its CRS".
TEST(MapPlanes, WorldCountriesLoadOnEveryPlane) {
  const std::string world = "/usr/share/qgis/resources/data/world_map.gpkg";
  if (!std::filesystem::exists(world)) GTEST_SKIP() << world << " is absent (qgis-common)";
  for (const MapPlane plane : {MapPlane::EqualEarth, MapPlane::WebMercator, MapPlane::Local}) {
    const LoadResult r =
        loadVectorSource({.path = world, .onlyLayer = "countries", .plane = plane});
    ASSERT_EQ(r.layers.size(), 1u);
    for (const Notice& n : r.notices)
      EXPECT_EQ(n.message.find("outside the range"), std::string::npos) << n.message;
    const Layer& countries = r.layers.front();
    EXPECT_EQ(countries.plane, plane);
    const auto has = [&](const char* name) {
      return std::any_of(countries.features.begin(), countries.features.end(),
                         [&](const Feature& f) { return f.name == name; });
    };
    EXPECT_TRUE(has("Syria"));
    EXPECT_EQ(has("Brazil"), plane != MapPlane::Local);
    EXPECT_EQ(has("Fiji"), plane != MapPlane::Local);
    if (plane == MapPlane::EqualEarth) {
      EXPECT_GE(countries.features.size(), 240u);
    }
    // Clipped geometry stays within the plane's area: no vertex beyond it.
    const LonLatBox area = validArea(plane);
    const Projection p = Projection::lonLatTo(plane);
    for (const Vec2 v : countries.fills.vertices) {
      const LonLat ll = p.inverseLonLat(v);
      ASSERT_TRUE(ll.lon >= area.west - 1e-6 && ll.lon <= area.east + 1e-6) << ll.lon;
      ASSERT_TRUE(ll.lat >= area.south - 1e-6 && ll.lat <= area.north + 1e-6) << ll.lat;
    }
  }
}

}  // namespace
}  // namespace idlib
