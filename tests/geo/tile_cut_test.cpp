#include "geo/tile_cut.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <numbers>
#include <stop_token>

#include "geo/ring_ops.hpp"
#include "geo/triangulate.hpp"

namespace idlib {
namespace {

using Rings = std::vector<std::vector<Vec2>>;

double trianglesArea(const std::vector<Vec2>& t) {
  double sum = 0;
  for (std::size_t i = 0; i + 2 < t.size(); i += 3)
    sum += std::abs((t[i + 1].x - t[i].x) * (t[i + 2].y - t[i].y) -
                    (t[i + 2].x - t[i].x) * (t[i + 1].y - t[i].y)) /
           2;
  return sum;
}

// A 6,400 m square, its sides sampled every 2 m, with 64 x 64 = 4,096 square holes of 40 m on a
// 97 m pitch, so the cells' cut lines run through some of them.
constexpr double kSide = 6400, kPitch = 97, kHole = 40, kOffset = 80;
constexpr int kHolesPerRow = 64;

Rings squareWithHoles() {
  Rings rings(1);
  const auto edge = [&](Vec2 from, Vec2 step) {
    for (int i = 0; i < 3200; ++i)
      rings[0].push_back(from + step * i);
  };
  edge({0, 0}, {2, 0});
  edge({kSide, 0}, {0, 2});
  edge({kSide, kSide}, {-2, 0});
  edge({0, kSide}, {0, -2});
  rings[0].push_back({0, 0});
  for (int i = 0; i < kHolesPerRow; ++i)
    for (int j = 0; j < kHolesPerRow; ++j) {
      const double x = kOffset + kPitch * i, y = kOffset + kPitch * j;
      rings.push_back({{x, y}, {x, y + kHole}, {x + kHole, y + kHole}, {x + kHole, y}, {x, y}});
    }
  return rings;
}

// Inside the square and in none of its holes.
bool inPolygon(Vec2 p) {
  if (p.x <= 0 || p.y <= 0 || p.x >= kSide || p.y >= kSide) return false;
  const double i = std::floor((p.x - kOffset) / kPitch), j = std::floor((p.y - kOffset) / kPitch);
  if (i < 0 || j < 0 || i >= kHolesPerRow || j >= kHolesPerRow) return true;
  const double x = kOffset + kPitch * i, y = kOffset + kPitch * j;
  return !(p.x > x && p.x < x + kHole && p.y > y && p.y < y + kHole);
}

TEST(TileCut, AShellWithThousandsOfHolesIsCutIntoCellsOfFewHoles) {
  const std::vector<TileCell> cells = cutIntoCells(squareWithHoles(), {.maxCellVertices = 1024});
  ASSERT_GT(cells.size(), 16u);
  std::size_t mostHoles = 0;
  for (const TileCell& cell : cells)
    mostHoles = std::max(mostHoles, cell.rings.size() - 1);
  EXPECT_LT(mostHoles, 300u) << "each cell's ear clipping bridges only the holes it holds";
}

TEST(TileCut, TrianglesOfAllCellsCoverExactlyThePolygonAndNothingOutsideIt) {
  const Rings rings = squareWithHoles();
  const double area = kSide * kSide - kHolesPerRow * kHolesPerRow * kHole * kHole;
  const std::vector<TileCell> cells = cutIntoCells(rings, {.maxCellVertices = 1024});
  const TiledTriangles tiled = triangulateCells(cells, {}, 2);
  EXPECT_TRUE(tiled.exact);
  EXPECT_FALSE(tiled.stopped);
  EXPECT_EQ(tiled.cellsDone, cells.size());
  EXPECT_NEAR(trianglesArea(tiled.triangles), area, area * 1e-6);
  std::size_t outside = 0;
  for (std::size_t i = 0; i + 2 < tiled.triangles.size(); i += 3) {
    const Vec2 centre =
        (tiled.triangles[i] + tiled.triangles[i + 1] + tiled.triangles[i + 2]) * (1.0 / 3);
    if (!inPolygon(centre)) ++outside;
  }
  EXPECT_EQ(outside, 0u);
}

TEST(TileCut, ABigStarThroughPrepareLargePolygonKeepsItsArea) {
  // 200,000 vertices, 40 spikes: every cell holds pieces of spikes joined along its edges.
  std::vector<Vec2> star;
  constexpr int kPoints = 200'000;
  for (int i = 0; i < kPoints; ++i) {
    const double a = 2 * std::numbers::pi * i / kPoints;
    const double radius = 50'000 + 20'000 * std::cos(40 * a);
    star.push_back({radius * std::cos(a), radius * std::sin(a)});
  }
  star.push_back(star.front());
  const double area = std::abs(signedArea(star));
  geos::Context c;
  const PreparedPolygon p = prepareLargePolygon(c, {{{star}}}, {}, 2);
  EXPECT_TRUE(p.problem.empty()) << p.problem;
  // Exactly the area of its rings as drawn (simplified to 0.1 m), which is the input's nearly.
  EXPECT_NEAR(trianglesArea(p.triangles), p.area, p.area * 1e-6);
  EXPECT_NEAR(p.area, area, area * 1e-4);
  EXPECT_TRUE(insideRings({star}, p.interiorPoint));
}

TEST(TileCut, OnlyTheCellWhereRingsCrossIsRepairedAndTheRestIsEarClipped) {
  // The 4,096-hole square and, as a second part, a bow tie (its two lobes of 25 m² each).
  const std::vector<Vec2> bowtie = {{9000, 0}, {9010, 10}, {9010, 0}, {9000, 10}, {9000, 0}};
  geos::Context c;
  const PreparedPolygon p = prepareLargePolygon(c, {{squareWithHoles()}, {{bowtie}}}, {}, 2);
  EXPECT_TRUE(p.repaired);
  EXPECT_NE(p.problem.find("in 1 of its cells"), std::string::npos) << p.problem;
  const double area = kSide * kSide - kHolesPerRow * kHolesPerRow * kHole * kHole + 50;
  EXPECT_NEAR(trianglesArea(p.triangles), area, area * 1e-6);
}

TEST(TileCut, AStopBeforeTheFirstCellLeavesEveryCellUndone) {
  const std::vector<TileCell> cells = cutIntoCells(squareWithHoles(), {.maxCellVertices = 1024});
  std::stop_source stop;
  stop.request_stop();
  const TiledTriangles tiled = triangulateCells(cells, stop.get_token(), 2);
  EXPECT_TRUE(tiled.stopped);
  EXPECT_EQ(tiled.cellsDone, 0u);
  EXPECT_TRUE(tiled.triangles.empty());
  geos::Context c;
  EXPECT_TRUE(prepareLargePolygon(c, {{squareWithHoles()}}, stop.get_token(), 2).triangles.empty());
}

}  // namespace
}  // namespace idlib
