#version 330 core
// Polygon fills: world-space triangles, one colour per vertex (resolved from the feature's style).
// Fills are never tinted by hover or selection: that is drawn as a halo line instead.
layout(location = 0) in vec2 a_position;
layout(location = 1) in vec4 a_color;
layout(location = 2) in float a_feature;
layout(location = 3) in float a_coverage;  // areas of control: fades out where the data ends

uniform vec2 u_centre;  // world metres at the middle of the viewport
uniform vec2 u_scale;   // world metres -> normalised device coordinates
uniform float u_opacity;
// Areas of control (u_ground.a > 0): the colour is laid over this ground at its alpha times
// u_strength and drawn opaque, so a side looks the same over any base fill, as in the legend.
uniform vec4 u_ground;
uniform float u_strength;
// The sides' colours in the palette in force; an area's a_feature is its side (0..3).
uniform vec4 u_sides[4];

out vec4 v_color;

#include "feature_period.glsl"

void main() {
  if (!shownAtDate(a_feature)) {
    gl_Position = vec4(2.0, 2.0, 2.0, 1.0);  // outside the clip volume: not drawn at this date
    return;
  }
  gl_Position = vec4((a_position - u_centre) * u_scale, 0.0, 1.0);
  vec4 c = a_color;
  if (u_ground.a > 0.0) {
    c = u_sides[clamp(int(a_feature + 0.5), 0, 3)];
    c = vec4(mix(u_ground.rgb, c.rgb, c.a * u_strength), a_coverage);
  }
  v_color = vec4(c.rgb, c.a * u_opacity);
}
