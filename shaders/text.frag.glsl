#version 330 core
in vec2 v_uv;
in vec4 v_color;
in vec4 v_halo;
uniform sampler2D u_atlas;
uniform float u_haloWidth;  // in distance-field units (0.5 is the glyph edge)
uniform int u_pass;         // 0: halos only, 1: glyphs only. Halos all go first, so a glyph's
                            // halo never covers its neighbour's ink.
out vec4 o_color;

void main() {
  float dist = texture(u_atlas, v_uv).r;
  float aa = max(fwidth(dist), 1e-4) * 0.75;
  vec4 c;
  if (u_pass == 0) {
    c = vec4(v_halo.rgb, v_halo.a * smoothstep(0.5 - u_haloWidth - aa, 0.5 - u_haloWidth + aa, dist));
  } else {
    c = vec4(v_color.rgb, v_color.a * smoothstep(0.5 - aa, 0.5 + aa, dist));
  }
  if (c.a <= 0.0) discard;
  o_color = vec4(c.rgb * c.a, c.a);
}
