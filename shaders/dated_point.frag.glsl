#version 330 core
in vec4 v_color;
in vec2 v_offset;
in float v_radius;
flat in int v_shape;
in float v_reach;
flat in int v_dot;
flat in int v_dashed;
flat in vec3 v_ring;
in float v_ringWidth;
uniform float u_pixelRatio;
out vec4 o_color;

// The circle where an event's place may lie: a thin dashed rim (never a fill: circles of many
// events in one province would stack and recolour the areas under them), dotted for a rough
// date. Dashes tell it from the solid front line. Premultiplied; nothing where there is none.
vec4 placeCircle(vec2 p) {
  if (v_reach <= 0.0) return vec4(0.0);
  float rim = clamp(0.5 - (abs(length(p) - v_reach) - 0.9 * u_pixelRatio), 0.0, 1.0);
  float period = (v_dashed == 1 ? 5.0 : 11.0) * u_pixelRatio;
  float on = (v_dashed == 1 ? 2.0 : 7.0) * u_pixelRatio;
  if (mod(atan(p.y, p.x) * v_reach, period) > on) rim = 0.0;
  float a = rim * v_color.a;
  return vec4(v_color.rgb * a, a);
}

void main() {
  vec2 p = v_offset;
  vec4 circle = placeCircle(p);
  if (v_dot == 0) {
    if (circle.a <= 0.0) discard;
    o_color = circle;
    return;
  }
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
  if (a <= 0.0 && circle.a <= 0.0) discard;
  o_color = vec4(rgb * a, a) + circle * (1.0 - a);
}
