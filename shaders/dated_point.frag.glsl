#version 330 core
in vec4 v_color;
in vec2 v_offset;
in float v_radius;
flat in int v_shape;
flat in vec3 v_ring;
in float v_ringWidth;
uniform float u_pixelRatio;
out vec4 o_color;

void main() {
  vec2 p = v_offset;
  float d;  // signed distance to the symbol's edge, pixels (negative inside)
  if (v_shape == 1) d = (abs(p.x) + abs(p.y)) * 0.7071 - v_radius * 0.85;   // diamond
  else if (v_shape == 2) d = max(abs(p.x), abs(p.y)) - v_radius * 0.8;     // square
  else d = length(p) - v_radius;                                          // disc
  float ring = 1.3 * u_pixelRatio;
  // Of several sources, the symbol (its type's colour) wears a ring of its source's colour, and
  // the white edge goes round both.
  float outer = clamp(0.5 - (d - v_ringWidth - ring), 0.0, 1.0);
  float inner = clamp(0.5 - d, 0.0, 1.0);
  vec3 around = mix(vec3(1.0), v_ring, clamp(0.5 - (d - v_ringWidth), 0.0, 1.0) * step(0.001, v_ringWidth));
  vec3 symbol = v_color.rgb;
  if (v_shape == 3) {
    // A rough date: a ring of the colour, white inside, readable without colour.
    float band = max(1.6 * u_pixelRatio, v_radius * 0.3);
    symbol = mix(vec3(1.0), v_color.rgb, clamp(0.5 + (d + band), 0.0, 1.0));
  }
  vec3 rgb = mix(around, symbol, inner);
  if (v_shape == 2) {
    // Withdrawn: a hollow square with a cross, readable without colour.
    float edge = abs(d + ring) < ring ? 1.0 : 0.0;
    float cross = min(abs(p.x - p.y), abs(p.x + p.y)) < ring * 0.8 && d < 0.0 ? 1.0 : 0.0;
    float mark = max(edge, cross);
    rgb = mix(vec3(1.0), v_color.rgb, mark);
    outer = max(mark, clamp(0.5 - d, 0.0, 1.0) * 0.85);
  }
  float a = outer * v_color.a;
  if (a <= 0.0) discard;
  o_color = vec4(rgb * a, a);
}
