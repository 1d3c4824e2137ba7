#version 330 core
// The circles where events' places may lie (events with a place radius, dated_point's layout):
// each a band of 2 (u_segments + 1) vertices around its rim. A quad over the whole circle cost
// every pixel of the province inside it, shaded one by one on a software rasteriser.
layout(location = 0) in vec2 a_position;
// (date, place radius in metres, 1 if the date is known only to a week or more, -)
layout(location = 1) in vec4 a_dates;
layout(location = 2) in vec4 a_color;
layout(location = 5) in float a_source;  // the source's index (Event::sourceIndex)

uniform vec2 u_centre;
uniform vec2 u_scale;
uniform vec2 u_viewportPx;
uniform float u_pixelRatio;
uniform float u_opacity;
uniform float u_date;    // days since the shader epoch, fractional while playing
uniform float u_window;  // how many days an event stays on the map
uniform uint u_hiddenSources;  // bit i: source i hidden (the 32nd and later share bit 31)
uniform int u_segments;        // sides of the band; the renderer's choice for the biggest circle

out vec4 v_color;
out vec2 v_offset;
out float v_reach;
flat out int v_dashed;

void main() {
  float reach = a_dates.y * u_scale.x * 0.5 * u_viewportPx.x;
  float age = u_date - a_dates.x;
  // As dated_point's events: shown from its day for u_window days, fading to a quarter.
  float alpha = (age >= 0.0 && age < max(u_window, 1.0)) ? mix(1.0, 0.25, age / max(u_window, 1.0)) : 0.0;
  int source = int(a_source + 0.5);
  if (((u_hiddenSources >> uint(min(source, 31))) & 1u) != 0u) alpha = 0.0;
  // Even vertices inside the rim, odd ones outside; the outer side's chords stay beyond it.
  float band = 0.9 * u_pixelRatio + 1.0;
  float sides = float(u_segments);
  float angle = 6.28318531 * float(gl_VertexID / 2) / sides;
  float r = (gl_VertexID % 2 == 1) ? (reach + band) / cos(3.14159265 / sides) : max(reach - band, 0.0);
  vec2 offset = r * vec2(cos(angle), sin(angle));
  vec2 centre = (a_position - u_centre) * u_scale;
  gl_Position = alpha > 0.0 && reach > 0.0 ? vec4(centre + offset / (0.5 * u_viewportPx), 0.0, 1.0)
                                           : vec4(2.0, 2.0, 2.0, 1.0);
  v_offset = offset;
  v_reach = reach;
  v_dashed = a_dates.z > 0.5 ? 1 : 0;
  v_color = vec4(a_color.rgb, a_color.a * alpha * u_opacity);
}
