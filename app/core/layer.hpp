#pragma once
// The dataset model: a layer is projected, triangulated geometry plus per-feature attributes.
// Built on a loader thread into plain vectors; render/ uploads it once.
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "core/color.hpp"
#include "core/geometry.hpp"
#include "core/layer_style.hpp"
#include "core/map_plane.hpp"
#include "core/temporal.hpp"

namespace idlib {

// How a layer is drawn. Roles give the bundled layers their cartography; user layers get
// `Generic` and a colour from the default cycle.
// Villages: the gazetteer's smaller places, drawn and labelled only when the map is zoomed in.
enum class LayerRole { Generic, Countries, Admin1, Towns, Villages };

// Villages appear from this scale in (a few kilometres across a screen's width of 1,000 points):
// farther out their thousands of points would bury the towns.
inline constexpr double kVillagesMaxMetresPerPoint = 60;
// Whether a layer of `role` is drawn (and can be picked) at a view of `metresPerPoint`.
inline bool shownAtScale(LayerRole role, double metresPerPoint) {
  return role != LayerRole::Villages || metresPerPoint <= kVillagesMaxMetresPerPoint;
}

struct LayerStyle {
  Rgba fill = rgb(0x9ecae1, 160);
  Rgba outline = rgb(0x3c6e8f);
  float outlineWidthPx = 1.0f;
  Rgba point = rgb(0x08519c);
  float pointSizePx = 7.0f;
};

struct Feature {
  std::int64_t fid = -1;
  std::string name;
  std::vector<std::pair<std::string, std::string>> attributes;  // field name, value as text
  Box bounds;
  Vec2 anchor;  // a point inside the feature: label and tooltip position
  LonLat anchorLonLat;
  Rgba fill;  // resolved by the layer's style (e.g. Idlib stands out)
  Rgba outline;
  Rgba marker;  // point features
  float outlineWidthPx = 1.0f;
  float markerSizePx = 6.0f;  // for point features
  double rank = 0;            // label priority: bigger towns win
  std::uint32_t firstTriangleVertex = 0, triangleVertexCount = 0;  // into PolygonMesh::vertices
  double area = 0;                                                 // m², of the validated polygon

  const std::string* attribute(std::string_view field) const {
    for (const auto& [k, v] : attributes)
      if (k == field) return &v;
    return nullptr;
  }
};

// Triangles as a flat list of vertices, three per triangle, each tagged with its feature.
struct PolygonMesh {
  std::vector<Vec2> vertices;
  std::vector<std::uint32_t> featureOfVertex;
};

// Line segments (pairs of points) tagged with their feature: outlines and line features.
struct SegmentList {
  std::vector<Vec2> endpoints;  // 2 per segment
  std::vector<std::uint32_t> featureOfSegment;
};

struct Layer {
  std::string id;  // unique, shown in the layer panel
  std::string title;
  std::string sourcePath;
  std::string sourceLayerName;
  std::string attribution;  // data source and licence, shown in the About panel
  std::string licence;      // a user layer's: from the file's metadata or typed; empty: unknown
  LayerRole role = LayerRole::Generic;
  LayerStyle style;
  Symbology symbology;               // a user layer's style (core/layer_style.hpp)
  std::vector<LegendEntry> legend;   // its rows, set by applySymbology
  MapPlane plane = MapPlane::Local;  // the plane its geometry is projected to
  std::vector<Feature> features;
  PolygonMesh fills;
  SegmentList outlines;
  std::vector<std::uint32_t> pointFeatures;  // indices of point features
  Box bounds;
  std::vector<std::string> fields;  // the source's field names, in its order
  // Moving with the timeline: the setting and each feature's period (see core/temporal.hpp).
  TemporalSetting time;
  std::vector<FeaturePeriod> periods;  // one per feature while time.mode is not Off
  // A big layer's first look while its full detail loads: the view's features only, simplified
  // to the view's pixel; replaced by the full layer (same id) when it comes.
  bool preview = false;
};

}  // namespace idlib
