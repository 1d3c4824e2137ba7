// Shared by the vertex shaders that draw layers' features (included by ShaderProgram).
// Layers that move with the timeline (core/temporal.hpp): each feature's (start, end) in shader
// days at texel `feature` of u_periods, never = 1e9. Mode 0 shows every feature.
uniform int u_timeMode;  // 0 off, 1 period, 2 accumulate, 3 window
uniform sampler2D u_periods;
uniform float u_date;    // shader days
uniform float u_window;  // days
bool shownAtDate(float feature) {
  if (u_timeMode == 0) return true;
  int i = int(feature + 0.5);
  vec2 p = texelFetch(u_periods, ivec2(i % 4096, i / 4096), 0).rg;
  if (u_timeMode == 1) return p.x <= u_date && u_date < p.y;
  if (u_timeMode == 2) return p.x <= u_date;
  return u_date - u_window < p.x && p.x <= u_date;
}
