#version 330 core
in vec4 v_color;
in float v_t;
in float v_across;
in float v_length;
in float v_head;
in float v_visible;
uniform float u_date;
uniform float u_opacity;
uniform float u_pixelRatio;
out vec4 o_color;

void main() {
  float edge = clamp((1.0 - abs(v_across)) * 4.0, 0.0, 1.0);  // soft 1/4 of the half width
  float alpha = 0.62 * edge;
  vec3 rgb = v_color.rgb;
  // Chevrons pointing to the destination, travelling along with the date (a quarter of their
  // spacing per day): they move while playing and still show the direction when paused.
  float spacing = 26.0 * u_pixelRatio;
  float phase = fract(v_t * v_length / spacing - u_date * 0.25 - abs(v_across) * 0.3);
  if (v_t < v_head && phase < 0.28) rgb = mix(rgb, vec3(1.0), 0.6);
  float a = alpha * v_visible * u_opacity;
  if (a <= 0.0) discard;
  o_color = vec4(rgb * a, a);
}
