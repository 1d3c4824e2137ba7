#version 330 core
// Lines of constant screen width: each instance is one segment, expanded here into a quad around
// it in pixels; the fragment shader cuts a capsule out of the quad, which also rounds the joins.
layout(location = 0) in vec2 a_p0;
layout(location = 1) in vec2 a_p1;
layout(location = 2) in vec4 a_color;
layout(location = 3) in float a_width;  // logical points
layout(location = 4) in float a_feature;
layout(location = 5) in vec2 a_coverage;  // at p0 and p1: the front line fades with the areas

uniform vec2 u_centre;
uniform vec2 u_scale;         // world -> NDC
uniform vec2 u_viewportPx;    // framebuffer pixels
uniform float u_pixelRatio;   // framebuffer pixels per logical point
uniform float u_opacity;
uniform float u_highlight;  // feature drawn as the hover/selection halo, or -1
// The halo, a style no data line has: 0 draws ordinary lines (the highlighted feature too),
// 1 only the highlighted feature, wide and dark (the edge), 2 its white core over that.
uniform int u_haloPass;
uniform vec4 u_haloColor;
// The projector's heavier lines (0 and 0 leave a line as it is): points added to every width,
// and how far each colour moves towards u_ink.
uniform float u_extraWidth;
uniform float u_inkShare;
uniform vec4 u_ink;

out vec4 v_color;
out vec2 v_local;       // fragment position relative to p0, in pixels, along/across the segment
out float v_length;     // segment length in pixels
out float v_halfWidth;  // in pixels
out vec2 v_coverage;

const vec2 kCorners[6] = vec2[6](vec2(0, -1), vec2(1, -1), vec2(1, 1), vec2(0, -1), vec2(1, 1), vec2(0, 1));

#include "feature_period.glsl"

void main() {
  if (!shownAtDate(a_feature)) {
    gl_Position = vec4(2.0, 2.0, 2.0, 1.0);  // outside the clip volume: not drawn at this date
    return;
  }
  bool halo = u_haloPass > 0;
  if (halo && abs(a_feature - u_highlight) >= 0.5) {
    gl_Position = vec4(2.0, 2.0, 2.0, 1.0);  // outside the clip volume: nothing drawn
    return;
  }
  vec2 s0 = (a_p0 - u_centre) * u_scale * 0.5 * u_viewportPx;
  vec2 s1 = (a_p1 - u_centre) * u_scale * 0.5 * u_viewportPx;
  vec2 d = s1 - s0;
  float len = length(d);
  vec2 dir = len > 1e-4 ? d / len : vec2(1, 0);
  vec2 normal = vec2(-dir.y, dir.x);

  // The halo: 1.5 pt of white each side of the line's middle, edged with 1 pt of dark.
  float halfWidth = !halo ? 0.5 * (a_width + u_extraWidth) * u_pixelRatio : (u_haloPass == 1 ? 2.5 : 1.5) * u_pixelRatio;
  float extent = halfWidth + 1.0;  // one more pixel for anti-aliasing
  vec2 corner = kCorners[gl_VertexID];
  float along = corner.x * (len + 2.0 * extent) - extent;
  float across = corner.y * extent;
  vec2 pixel = s0 + dir * along + normal * across;

  gl_Position = vec4(pixel / (0.5 * u_viewportPx), 0.0, 1.0);
  v_local = vec2(along, across);
  v_length = len;
  v_halfWidth = halfWidth;
  v_coverage = a_coverage;
  vec4 c = halo ? u_haloColor : vec4(mix(a_color.rgb, u_ink.rgb, u_inkShare), a_color.a);
  v_color = vec4(c.rgb, c.a * u_opacity);
}
