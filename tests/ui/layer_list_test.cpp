// The Layers panel's list operations (issue 11): move, remove, rename, zoom to a layer.
#include "ui/layer_list.hpp"

#include <gtest/gtest.h>

#include "core/camera.hpp"

namespace idlib {
namespace {

Layer layer(const std::string& title, LayerRole role, Box bounds = {}) {
  Layer l;
  l.id = l.title = title;
  l.role = role;
  l.bounds = bounds;
  if (role == LayerRole::Towns) {  // one searchable point
    Feature f;
    f.name = title + " town";
    l.features.push_back(f);
    l.pointFeatures.push_back(0);
  }
  return l;
}

class LayerList : public ::testing::Test {
 protected:
  void SetUp() override {
    state.camera.setViewport({800, 600});
    state.addLayer(layer("admin", LayerRole::Admin1));
    state.addLayer(layer("mine", LayerRole::Generic, Box{{0, 0}, {1000, 1000}}));
    state.addLayer(layer("towns", LayerRole::Towns));
    state.addLayer(layer("other", LayerRole::Generic));
  }
  std::vector<std::string> titles() const {
    std::vector<std::string> out;
    for (const LayerEntry& e : state.layers)
      out.push_back(e.layer.title);
    return out;
  }
  AppState state;
};

TEST_F(LayerList, UserLayersGoBelowTheTowns) {
  EXPECT_EQ(titles(), (std::vector<std::string>{"admin", "mine", "other", "towns"}));
}

TEST_F(LayerList, MovingALayerReordersTheListAndTheSelectionFollows) {
  state.selected = FeatureRef{3, 0};    // a town
  state.hovered = FeatureRef{1, 0};     // mine
  ASSERT_TRUE(moveLayer(state, 3, 0));  // towns to the bottom
  EXPECT_EQ(titles(), (std::vector<std::string>{"towns", "admin", "mine", "other"}));
  EXPECT_EQ(state.selected->layer, 0u);
  EXPECT_EQ(state.hovered->layer, 2u);
  // The search finds the town in its layer's new place.
  townSearchOf(state);
  EXPECT_EQ(state.townSearchLayer, std::vector<std::size_t>{0});
  ASSERT_TRUE(moveLayer(state, 0, 3));  // and back to the top
  EXPECT_EQ(titles(), (std::vector<std::string>{"admin", "mine", "other", "towns"}));
  EXPECT_EQ(state.selected->layer, 3u);
  EXPECT_FALSE(moveLayer(state, 0, 4));
  EXPECT_FALSE(moveLayer(state, 9, 0));
}

TEST_F(LayerList, OnlyUserLayersAreRemovedAndIndicesAboveShiftDown) {
  state.selected = FeatureRef{3, 0};
  state.hovered = FeatureRef{1, 0};
  EXPECT_FALSE(removeLayer(state, 0));  // bundled boundaries
  EXPECT_FALSE(removeLayer(state, 3));  // bundled towns
  EXPECT_FALSE(removeLayer(state, 7));
  ASSERT_TRUE(removeLayer(state, 1));
  EXPECT_EQ(titles(), (std::vector<std::string>{"admin", "other", "towns"}));
  EXPECT_FALSE(state.hovered);  // it was on the removed layer
  EXPECT_EQ(state.selected->layer, 2u);
  townSearchOf(state);
  EXPECT_EQ(state.townSearchLayer, std::vector<std::size_t>{2});
}

TEST_F(LayerList, RenamingChangesOnlyTheShownNameAndRefusesAnEmptyOne) {
  ASSERT_TRUE(renameLayer(state, 1, "  Control, ISW 2019  "));
  EXPECT_EQ(state.layers[1].layer.title, "Control, ISW 2019");
  EXPECT_EQ(state.layers[1].layer.id, "mine");  // the source is the same
  EXPECT_FALSE(renameLayer(state, 1, " \t\n"));
  EXPECT_EQ(state.layers[1].layer.title, "Control, ISW 2019");
  EXPECT_FALSE(renameLayer(state, 9, "x"));
}

TEST_F(LayerList, ZoomToLayerFitsItsBounds) {
  state.camera.setView({{50000, 50000}, 5000});
  ASSERT_TRUE(zoomToLayer(state, 1));
  for (int i = 0; i < 200 && state.camera.animating(); ++i)
    state.camera.advance(0.05);
  const View v = state.camera.view();
  EXPECT_NEAR(v.centre.x, 500, 1);
  EXPECT_NEAR(v.centre.y, 500, 1);
  // 1000 m across fits the 800x600 viewport less its margins: each side shows all of it.
  EXPECT_LE(v.metresPerPoint * (600 - 120), 1000 * 1.01);
  EXPECT_GE(v.metresPerPoint * (600 - 120), 1000 * 0.99);
  EXPECT_FALSE(zoomToLayer(state, 2));  // "other" has no features, no bounds
}

}  // namespace
}  // namespace idlib
