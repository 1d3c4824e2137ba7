#version 330 core
in vec4 v_color;
in vec2 v_offset;
in float v_radius;
in float v_edge;
uniform vec4 u_ringColor;
uniform vec4 u_haloEdge;
uniform float u_pixelRatio;
out vec4 o_color;

void main() {
  float d = length(v_offset);
  float ring = 1.2 * u_pixelRatio;                             // light outline keeps dots readable
  float outer = clamp(v_radius + ring + 0.5 - d, 0.0, 1.0);    // disc with its ring
  float inner = clamp(v_radius + 0.5 - d, 0.0, 1.0);           // the dot itself
  vec3 rgb = mix(u_ringColor.rgb, v_color.rgb, inner);
  float a = outer * v_color.a;
  if (v_edge > 0.0) {  // hovered or selected: a dark edge around the ring
    rgb = mix(u_haloEdge.rgb, rgb, outer);
    a = clamp(v_radius + ring + v_edge + 0.5 - d, 0.0, 1.0) * v_color.a;
  }
  if (a <= 0.0) discard;
  o_color = vec4(rgb * a, a);
}
