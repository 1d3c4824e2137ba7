#version 330 core
// Point markers: one instanced quad per point, sized in logical points.
layout(location = 0) in vec2 a_position;
layout(location = 1) in vec4 a_color;
layout(location = 2) in float a_size;   // diameter, logical points
layout(location = 3) in float a_feature;

uniform vec2 u_centre;
uniform vec2 u_scale;
uniform vec2 u_viewportPx;
uniform float u_pixelRatio;
uniform float u_opacity;
uniform float u_highlight;  // hovered/selected feature: larger, ringed in dark, same colour
uniform vec4 u_ringColor;

out vec4 v_color;
out vec2 v_offset;  // from the centre, pixels
out float v_radius;
out float v_edge;  // pixels of dark edge around the ring; 0 unless highlighted

const vec2 kCorners[6] = vec2[6](vec2(-1, -1), vec2(1, -1), vec2(1, 1), vec2(-1, -1), vec2(1, 1), vec2(-1, 1));

#include "feature_period.glsl"

void main() {
  if (!shownAtDate(a_feature)) {
    gl_Position = vec4(2.0, 2.0, 2.0, 1.0);  // outside the clip volume: not drawn at this date
    return;
  }
  bool highlighted = abs(a_feature - u_highlight) < 0.5;
  float radius = 0.5 * a_size * u_pixelRatio * (highlighted ? 1.6 : 1.0);
  v_edge = highlighted ? 1.2 * u_pixelRatio : 0.0;
  vec2 corner = kCorners[gl_VertexID] * (radius + 2.0 * u_pixelRatio + v_edge);
  vec2 centre = (a_position - u_centre) * u_scale;
  gl_Position = vec4(centre + corner / (0.5 * u_viewportPx), 0.0, 1.0);
  v_offset = corner;
  v_radius = radius;
  v_color = vec4(a_color.rgb, a_color.a * u_opacity);
}
