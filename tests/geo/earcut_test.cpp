#include "geo/earcut.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <numbers>

#include "geo/projection.hpp"
#include "geo/ring_ops.hpp"
#include "geo/triangulate.hpp"

namespace idlib {
namespace {

using Rings = std::vector<std::vector<Vec2>>;

// The summed area of the triangles, each counted positive.
double trianglesArea(const Rings& rings, const EarcutResult& r) {
  std::vector<Vec2> points;
  for (const auto& ring : rings)
    points.insert(points.end(), ring.begin(), ring.end());
  double sum = 0;
  for (std::size_t i = 0; i + 2 < r.indices.size(); i += 3) {
    const Vec2 a = points.at(r.indices[i]), b = points.at(r.indices[i + 1]),
               c = points.at(r.indices[i + 2]);
    sum += std::abs((b.x - a.x) * (c.y - a.y) - (c.x - a.x) * (b.y - a.y)) / 2;
  }
  return sum;
}

std::vector<Vec2> square(double x, double y, double side) {
  return {{x, y}, {x + side, y}, {x + side, y + side}, {x, y + side}, {x, y}};
}

TEST(Earcut, SquareWithAHoleCoversExactlyItsArea) {
  const Rings rings = {square(0, 0, 100), square(20, 20, 30)};
  const EarcutResult r = earcut(rings);
  EXPECT_TRUE(r.complete);
  EXPECT_NEAR(trianglesArea(rings, r), 100 * 100 - 30 * 30, 1e-6);
}

TEST(Earcut, ConcaveShapeLeavesItsNotchEmpty) {
  const Rings rings = {
      {{0, 0}, {30, 0}, {30, 10}, {10, 10}, {10, 20}, {30, 20}, {30, 30}, {0, 30}}};
  const EarcutResult r = earcut(rings);
  EXPECT_NEAR(trianglesArea(rings, r), 30 * 30 - 20 * 10, 1e-9);
  EXPECT_EQ(r.indices.size(), 3u * 6);  // n - 2 triangles
}

TEST(Earcut, EitherWindingGivesTheSameArea) {
  Rings rings = {square(0, 0, 10), square(2, 2, 3)};
  std::reverse(rings[0].begin(), rings[0].end());
  EXPECT_NEAR(trianglesArea(rings, earcut(rings)), 100 - 9, 1e-9);
}

TEST(Earcut, ManyHolesAndAHashedBigRing) {
  // A 20-sided star with 10,000 points along its edges (the z-order path) and 16 square holes.
  Rings rings(1);
  constexpr int kPoints = 10000;
  for (int i = 0; i < kPoints; ++i) {
    const double a = 2 * std::numbers::pi * i / kPoints;
    const double radius = 1000 + 200 * std::cos(20 * a);
    rings[0].push_back({radius * std::cos(a), radius * std::sin(a)});
  }
  for (int i = 0; i < 4; ++i)
    for (int j = 0; j < 4; ++j)
      rings.push_back(square(-400 + 200.0 * i, -400 + 200.0 * j, 50));
  const EarcutResult r = earcut(rings);
  EXPECT_TRUE(r.complete);
  const double expected = std::abs(signedArea(rings[0])) - 16 * 50 * 50;
  EXPECT_NEAR(trianglesArea(rings, r), expected, expected * 1e-9);
}

TEST(Earcut, SelfTouchingAndDegenerateRingsDoNotCrash) {
  // Two squares meeting at one corner, drawn as one ring; a line; a point; nothing.
  const Rings touching = {
      {{0, 0}, {10, 0}, {10, 10}, {20, 10}, {20, 20}, {10, 20}, {10, 10}, {0, 10}, {0, 0}}};
  EXPECT_NEAR(trianglesArea(touching, earcut(touching)), 200, 1e-9);
  const Rings bowtie = {{{0, 0}, {10, 10}, {10, 0}, {0, 10}, {0, 0}}};
  EXPECT_LE(trianglesArea(bowtie, earcut(bowtie)), 100);
  EXPECT_TRUE(earcut(Rings{{{0, 0}, {5, 5}, {10, 10}}}).indices.empty());
  EXPECT_TRUE(earcut(Rings{{{1, 1}, {1, 1}, {1, 1}, {1, 1}}}).indices.empty());
  EXPECT_TRUE(earcut(Rings{}).indices.empty());
  EXPECT_TRUE(earcut(Rings{{}}).indices.empty());
}

TEST(RingOps, SimplifyKeepsTheShapeWithinTheTolerance) {
  // A circle of 100,000 points, radius 10 km, simplified to a 1 m pixel.
  std::vector<Vec2> circle;
  for (int i = 0; i < 100000; ++i) {
    const double a = 2 * std::numbers::pi * i / 100000;
    circle.push_back({10000 * std::cos(a), 10000 * std::sin(a)});
  }
  circle.push_back(circle.front());
  const std::vector<Vec2> simple = simplifyRing(circle, 1.0);
  EXPECT_LT(simple.size(), circle.size() / 50);
  EXPECT_EQ(simple.front(), simple.back());
  // Every dropped point is within a pixel of the simplified outline: radius error is tiny.
  EXPECT_NEAR(std::abs(signedArea(simple)), std::abs(signedArea(circle)),
              2 * std::numbers::pi * 10000 * 1.0);
  for (const Vec2& p : simple)
    EXPECT_NEAR(length(p), 10000, 1e-6);
  // A ring smaller than the tolerance goes.
  EXPECT_TRUE(simplifyRing(square(0, 0, 1), 5).empty());
}

TEST(RingOps, ClipCutsARingToTheTileBox) {
  Box tile;
  tile.extend(Vec2{0, 0});
  tile.extend(Vec2{10, 10});
  const std::vector<Vec2> clipped = clipRing(square(-5, -5, 10), tile);
  EXPECT_NEAR(std::abs(signedArea(clipped)), 25, 1e-9);
  for (const Vec2& p : clipped)
    EXPECT_TRUE(tile.contains(p));
  EXPECT_TRUE(clipRing(square(20, 20, 5), tile).empty());
  EXPECT_NEAR(std::abs(signedArea(clipRing(square(2, 2, 3), tile))), 9, 1e-9);
}

// A comb in lon/lat whose spine lies east of `east` and whose five teeth reach west across it.
std::vector<Vec2> combAcross(double east) {
  std::vector<Vec2> ring{{east - 4, 30}, {east + 3, 30}, {east + 3, 50}, {east - 4, 50}};
  for (double top = 48; top > 30; top -= 4)  // down the teeth's west ends, gap by gap
    for (const Vec2 p : {Vec2{east - 4, top}, Vec2{east + 1, top}, Vec2{east + 1, top - 2},
                         Vec2{east - 4, top - 2}})
      ring.push_back(p);
  ring.pop_back();
  ring.push_back(ring.front());
  return ring;
}

TEST(RingOps, ClippedEdgesAlongTheBoxShareTheirPoints) {
  Box box;
  box.extend(Vec2{0, 0});
  box.extend(Vec2{10, 60});
  std::vector<std::vector<Vec2>> rings{clipRing(combAcross(10), box)};
  const double area = signedArea(rings[0]);
  ASSERT_TRUE(shareEdgePointsOnBox(rings, box));
  EXPECT_NEAR(signedArea(rings[0]), area, 1e-9);
  // No edge along the side passes over a point of the ring on it.
  std::vector<double> onSide;
  for (const Vec2 p : rings[0])
    if (p.x == 10) onSide.push_back(p.y);
  ASSERT_GE(onSide.size(), 10u);
  for (std::size_t i = 0; i + 1 < rings[0].size(); ++i) {
    const Vec2 a = rings[0][i], b = rings[0][i + 1];
    if (a.x != 10 || b.x != 10) continue;
    for (const double y : onSide)
      EXPECT_FALSE(y > std::min(a.y, b.y) && y < std::max(a.y, b.y)) << a.y << " " << b.y;
  }
}

TEST(RingOps, RingsWhoseEdgesAlongTheBoxAllOverlapGetNoMorePointsThanTheyHad) {
  Box box;
  box.extend(Vec2{0, 0});
  box.extend(Vec2{10, 100'000});
  // 20,000 edges along the side, each over nearly all of its 40,000 points: sharing them all
  // would add 400 million points.
  std::vector<Vec2> ring;
  for (double y = 0; y < 20'000; ++y)
    for (const Vec2 p : {Vec2{10, y}, Vec2{10, 100'000 - y}, Vec2{5, 50'000}})
      ring.push_back(p);
  ring.push_back(ring.front());
  std::vector<std::vector<Vec2>> rings{ring};
  EXPECT_FALSE(shareEdgePointsOnBox(rings, box));
  EXPECT_EQ(rings[0], ring);
}

// A world layer on the local plane is cut at its edge in lon/lat, then projected, where the
// meridian it was cut along is a curve: the comb's edges there must still ear-clip exactly,
// without GEOS's repair (which takes longer than the rest of the polygon's work).
TEST(RingOps, APolygonCutAtTheLocalPlanesEdgeEarClipsExactlyOnThePlane) {
  const LonLatBox area = validArea(MapPlane::Local);
  Box box;
  box.extend(Vec2{area.west, area.south});
  box.extend(Vec2{area.east, area.north});
  const Projection toPlane = Projection::lonLatTo(MapPlane::Local);
  std::vector<Vec2> mirrored = combAcross(area.west);  // its teeth reach east across the west
  for (Vec2& p : mirrored)
    p.x = 2 * area.west - p.x;
  for (const std::vector<Vec2>& comb : {combAcross(area.east), mirrored}) {
    std::vector<std::vector<Vec2>> rings{clipRing(comb, box)};
    ASSERT_TRUE(shareEdgePointsOnBox(rings, box));
    for (Vec2& p : rings[0])
      p = toPlane.forward(p);
    std::vector<Vec2> triangles;
    EXPECT_TRUE(earClip(rings, triangles, false)) << "cut at " << comb.front().x;
    EXPECT_FALSE(triangles.empty());
  }
}

TEST(RingOps, PointInRingsHonoursHoles) {
  const Rings rings = {square(0, 0, 100), square(20, 20, 30)};
  EXPECT_TRUE(insideRings(rings, {10, 10}));
  EXPECT_FALSE(insideRings(rings, {30, 30}));
  EXPECT_FALSE(insideRings(rings, {150, 10}));
}

}  // namespace
}  // namespace idlib
