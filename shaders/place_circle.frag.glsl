#version 330 core
in vec4 v_color;
in vec2 v_offset;
in float v_reach;
flat in int v_dashed;
uniform float u_pixelRatio;
out vec4 o_color;

// The circle where an event's place may lie: a thin dashed rim (never a fill: circles of many
// events in one province would stack and recolour the areas under them), dotted for a rough
// date. Dashes tell it from the solid front line. Premultiplied.
void main() {
  vec2 p = v_offset;
  float rim = clamp(0.5 - (abs(length(p) - v_reach) - 0.9 * u_pixelRatio), 0.0, 1.0);
  float period = (v_dashed == 1 ? 5.0 : 11.0) * u_pixelRatio;
  float on = (v_dashed == 1 ? 2.0 : 7.0) * u_pixelRatio;
  if (mod(atan(p.y, p.x) * v_reach, period) > on) rim = 0.0;
  float a = rim * v_color.a;
  if (a <= 0.0) discard;
  o_color = vec4(v_color.rgb * a, a);
}
