#include "core/hit_test.hpp"

#include <gtest/gtest.h>

namespace idlib {
namespace {

Layer squareAndTown() {
  Layer l;
  l.id = "test";
  Feature square;
  square.name = "square";
  square.bounds.extend(Vec2{0, 0});
  square.bounds.extend(Vec2{1000, 1000});
  square.triangleVertexCount = 6;
  square.fill = rgb(0xf2cf8a);
  l.fills.vertices = {{0, 0}, {1000, 0}, {1000, 1000}, {0, 0}, {1000, 1000}, {0, 1000}};
  l.fills.featureOfVertex.assign(6, 0);
  l.features.push_back(square);
  Feature town;
  town.name = "town";
  town.anchor = {500, 500};
  town.markerSizePx = 8;
  l.features.push_back(town);
  l.pointFeatures = {1};
  return l;
}

TEST(HitTest, MarkerWinsOverThePolygonUnderIt) {
  const Layer l = squareAndTown();
  const View v{{500, 500}, 10};
  const Viewport vp{200, 200};
  EXPECT_EQ(pickFeature({{&l, 0}}, v, vp, {102, 100})->feature, 1u);    // on the town
  EXPECT_EQ(pickFeature({{&l, 0}}, v, vp, {130, 100})->feature, 0u);    // inside the square
  EXPECT_FALSE(pickFeature({{&l, 0}}, v, vp, {199, 199}).has_value());  // outside
}

TEST(HitTest, TransparentFillsAreNotPicked) {
  Layer l = squareAndTown();
  l.features[0].fill.a = 0;  // a border-only country
  EXPECT_FALSE(pickFeature({{&l, 0}}, {{500, 500}, 10}, {200, 200}, {130, 100}).has_value());
}

}  // namespace
}  // namespace idlib
