#include "geo/triangulate.hpp"

#include <gtest/gtest.h>

#include <cmath>

namespace idlib {
namespace {

double triangleArea(const std::vector<Vec2>& t) {
  double sum = 0;
  for (std::size_t i = 0; i + 2 < t.size(); i += 3)
    sum += std::abs((t[i + 1].x - t[i].x) * (t[i + 2].y - t[i].y) -
                    (t[i + 2].x - t[i].x) * (t[i + 1].y - t[i].y)) /
           2;
  return sum;
}

std::vector<Vec2> square(double x, double y, double side) {
  return {{x, y}, {x + side, y}, {x + side, y + side}, {x, y + side}, {x, y}};
}

TEST(Triangulate, TrianglesCoverExactlyThePolygonWithItsHole) {
  geos::Context c;
  const PreparedPolygon p = preparePolygon(c, {{{square(0, 0, 100), square(20, 20, 30)}}});
  EXPECT_TRUE(p.problem.empty());
  EXPECT_DOUBLE_EQ(p.area, 100 * 100 - 30 * 30);
  EXPECT_NEAR(triangleArea(p.triangles), p.area, 1e-6);
  EXPECT_EQ(p.outlines.size(), 2u);  // shell and hole
}

TEST(Triangulate, MultipolygonPartsAreAllFilled) {
  geos::Context c;
  const PreparedPolygon p = preparePolygon(c, {{{square(0, 0, 10)}}, {{square(50, 50, 20)}}});
  EXPECT_NEAR(triangleArea(p.triangles), 100 + 400, 1e-9);
}

TEST(Triangulate, ConcavePolygonAreaIsKept) {
  geos::Context c;
  // A "C" shape: triangles must not fill the notch.
  const std::vector<Vec2> shape = {{0, 0},   {30, 0},  {30, 10}, {10, 10}, {10, 20},
                                   {30, 20}, {30, 30}, {0, 30},  {0, 0}};
  const PreparedPolygon p = preparePolygon(c, {{{shape}}});
  EXPECT_NEAR(triangleArea(p.triangles), 30 * 30 - 20 * 10, 1e-9);
}

TEST(Triangulate, SelfIntersectingPolygonIsRepairedAndReported) {
  geos::Context c;
  const std::vector<Vec2> bowtie = {{0, 0}, {10, 10}, {10, 0}, {0, 10}, {0, 0}};
  const PreparedPolygon p = preparePolygon(c, {{{bowtie}}});
  EXPECT_NE(p.problem.find("Self-intersection"), std::string::npos) << p.problem;
  EXPECT_NEAR(triangleArea(p.triangles), 50, 1e-9);  // two triangles of 25 m² each
}

TEST(Triangulate, DegenerateRingIsAProblemNotACrash) {
  geos::Context c;
  const PreparedPolygon p = preparePolygon(c, {{{{{0, 0}, {1, 1}}}}});
  EXPECT_TRUE(p.triangles.empty());
  EXPECT_FALSE(p.problem.empty());
}

}  // namespace
}  // namespace idlib
