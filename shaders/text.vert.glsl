#version 330 core
// Screen-space quads textured from the signed-distance-field glyph atlas: labels, the scale bar,
// attribution. Positions are in framebuffer pixels, origin top-left.
layout(location = 0) in vec4 a_rect;   // x0, y0, x1, y1
layout(location = 1) in vec4 a_uv;     // u0, v0, u1, v1
layout(location = 2) in vec4 a_color;
layout(location = 3) in vec4 a_halo;   // halo colour; alpha 0 for none

uniform vec2 u_viewportPx;

out vec2 v_uv;
out vec4 v_color;
out vec4 v_halo;

const vec2 kCorners[6] = vec2[6](vec2(0, 0), vec2(1, 0), vec2(1, 1), vec2(0, 0), vec2(1, 1), vec2(0, 1));

void main() {
  vec2 c = kCorners[gl_VertexID];
  vec2 p = mix(a_rect.xy, a_rect.zw, c);
  gl_Position = vec4(p.x / u_viewportPx.x * 2.0 - 1.0, 1.0 - p.y / u_viewportPx.y * 2.0, 0.0, 1.0);
  v_uv = mix(a_uv.xy, a_uv.zw, c);
  v_color = a_color;
  v_halo = a_halo;
}
