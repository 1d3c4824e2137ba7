#version 330 core
// Diagonal stripes fixed to the framebuffer's pixels, u_periodPx apart along a row and
// u_stripePx wide, in u_color; between them nothing is drawn, so the area's own colour shows.
uniform vec4 u_color;
uniform float u_periodPx;
uniform float u_stripePx;
out vec4 o_color;

void main() {
  if (mod(gl_FragCoord.x + gl_FragCoord.y, u_periodPx) >= u_stripePx) discard;
  o_color = vec4(u_color.rgb * u_color.a, u_color.a);  // premultiplied
}
