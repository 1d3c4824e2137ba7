#version 330 core
in vec2 v_offset;
in float v_radius;
flat in int v_highlighted;
uniform float u_pixelRatio;
out vec4 o_color;

void main() {
  float d = length(v_offset);
  float ring = 1.5 * u_pixelRatio;
  float inside = clamp(v_radius + 0.5 - d, 0.0, 1.0);
  float stroke = clamp(ring - abs(d - v_radius) + 0.5, 0.0, 1.0);
  // Hovered or selected: the halo's dark edge (palette::kHaloEdge), never a data layer's red.
  vec3 line = v_highlighted == 1 ? vec3(0.10, 0.10, 0.10) : vec3(0.09, 0.25, 0.55);
  vec3 rgb = mix(vec3(0.26, 0.46, 0.79), line, stroke);
  float a = max(inside * 0.32, stroke * 0.95);
  if (a <= 0.0) discard;
  o_color = vec4(rgb * a, a);
}
