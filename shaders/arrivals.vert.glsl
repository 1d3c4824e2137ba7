#version 330 core
// Proportional symbols for people arrived at each destination. The running totals live in a
// float texture (one row per destination, one texel per day), uploaded once; the symbol reads
// its size at u_date, so it grows as the date advances with no work on the CPU.
layout(location = 0) in vec2 a_position;  // world metres; screen pixels in legend mode
layout(location = 1) in float a_row;       // texture row; in legend mode, minus the people shown
layout(location = 2) in float a_index;

uniform vec2 u_centre;
uniform vec2 u_scale;
uniform vec2 u_viewportPx;
uniform float u_pixelRatio;
uniform float u_date;
uniform float u_firstDay;      // shader day of texture column 0
uniform float u_radiusPerRootPerson;  // points per sqrt(person): area in proportion to people
uniform float u_highlight;
uniform int u_legend;
uniform vec2 u_legendOrigin;  // pixels: where legend circles' offsets start
uniform sampler2D u_arrivals;

out vec2 v_offset;
out float v_radius;
flat out int v_highlighted;

const vec2 kCorners[6] = vec2[6](vec2(-1, -1), vec2(1, -1), vec2(1, 1), vec2(-1, -1), vec2(1, 1), vec2(-1, 1));

float arrivals(float day, int row) {
  int width = textureSize(u_arrivals, 0).x;
  float x = clamp(day - u_firstDay, 0.0, float(width - 1));
  int i = int(floor(x));
  float a = texelFetch(u_arrivals, ivec2(i, row), 0).r;
  float b = texelFetch(u_arrivals, ivec2(min(i + 1, width - 1), row), 0).r;
  return mix(a, b, fract(x));
}

void main() {
  float people = u_legend == 1 ? -a_row : arrivals(u_date, int(a_row));
  float radius = u_radiusPerRootPerson * sqrt(max(people, 0.0)) * u_pixelRatio;
  vec2 corner = kCorners[gl_VertexID] * (radius + 2.0 * u_pixelRatio);
  vec2 legendPx = u_legendOrigin + a_position * u_pixelRatio;
  vec2 centre = u_legend == 1 ? vec2(legendPx.x / u_viewportPx.x * 2.0 - 1.0, 1.0 - legendPx.y / u_viewportPx.y * 2.0)
                              : (a_position - u_centre) * u_scale;
  gl_Position = people >= 1.0 ? vec4(centre + corner / (0.5 * u_viewportPx), 0.0, 1.0) : vec4(2.0, 2.0, 2.0, 1.0);
  v_offset = corner;
  v_radius = radius;
  v_highlighted = abs(a_index - u_highlight) < 0.5 ? 1 : 0;
}
