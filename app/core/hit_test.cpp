#include "core/hit_test.hpp"

#include <algorithm>

namespace idlib {
namespace {
double cross(Vec2 o, Vec2 a, Vec2 b) {
  return (a.x - o.x) * (b.y - o.y) - (a.y - o.y) * (b.x - o.x);
}

double distanceToSegment(Vec2 p, Vec2 a, Vec2 b) {
  const Vec2 ab = b - a;
  const double len2 = ab.x * ab.x + ab.y * ab.y;
  const double t =
      len2 > 0 ? std::clamp(((p.x - a.x) * ab.x + (p.y - a.y) * ab.y) / len2, 0.0, 1.0) : 0;
  return length(p - (a + ab * t));
}
}  // namespace

bool triangleContains(Vec2 a, Vec2 b, Vec2 c, Vec2 p) {
  const double d1 = cross(a, b, p), d2 = cross(b, c, p), d3 = cross(c, a, p);
  const bool negative = d1 < 0 || d2 < 0 || d3<0, positive = d1> 0 || d2 > 0 || d3 > 0;
  return !(negative && positive);
}

std::optional<FeatureRef> pickFeature(const std::vector<PickableLayer>& layers, const View& view,
                                      const Viewport& vp, Vec2 screen, double slack) {
  const Vec2 world = screenToWorld(view, vp, screen);
  for (auto it = layers.rbegin(); it != layers.rend(); ++it) {
    const Layer& layer = *it->layer;
    // Markers: nearest within reach.
    std::optional<std::size_t> best;
    double bestDistance = 0;
    for (const std::uint32_t f : layer.pointFeatures) {
      const double d = length(worldToScreen(view, vp, layer.features[f].anchor) - screen);
      if (d <= layer.features[f].markerSizePx / 2 + slack && (!best || d < bestDistance)) {
        best = f;
        bestDistance = d;
      }
    }
    if (best) return FeatureRef{it->index, *best};
    const double reach = slack * view.metresPerPoint;
    // Lines of line layers (polygon outlines are picked through their fill below).
    if (layer.fills.vertices.empty()) {
      for (std::size_t s = 0; s < layer.outlines.featureOfSegment.size(); ++s)
        if (distanceToSegment(world, layer.outlines.endpoints[2 * s],
                              layer.outlines.endpoints[2 * s + 1]) <= reach)
          return FeatureRef{it->index, layer.outlines.featureOfSegment[s]};
    }
    for (std::size_t f = layer.features.size(); f-- > 0;) {
      const Feature& feature = layer.features[f];
      // A transparent fill (e.g. a country drawn only as a border) is not a thing to point at.
      if (!feature.triangleVertexCount || feature.fill.a == 0 || !feature.bounds.contains(world))
        continue;
      const Vec2* v = layer.fills.vertices.data() + feature.firstTriangleVertex;
      for (std::uint32_t t = 0; t + 2 < feature.triangleVertexCount; t += 3)
        if (triangleContains(v[t], v[t + 1], v[t + 2], world)) return FeatureRef{it->index, f};
    }
  }
  return std::nullopt;
}

}  // namespace idlib
