#pragma once
// What is under the cursor: the top-most marker, line or polygon of the visible layers.
#include <optional>
#include <vector>

#include "core/camera.hpp"
#include "core/layer.hpp"

namespace idlib {

struct FeatureRef {
  std::size_t layer = 0, feature = 0;
  friend bool operator==(const FeatureRef&, const FeatureRef&) = default;
};

struct PickableLayer {
  const Layer* layer = nullptr;
  std::size_t index = 0;  // returned in FeatureRef::layer
};

// `layers` bottom to top. Markers win within their radius plus `slackPoints`, then lines, then
// polygons that contain the point.
std::optional<FeatureRef> pickFeature(const std::vector<PickableLayer>& layers, const View& view,
                                      const Viewport& viewport, Vec2 screen,
                                      double slackPoints = 4);

bool triangleContains(Vec2 a, Vec2 b, Vec2 c, Vec2 p);

}  // namespace idlib
