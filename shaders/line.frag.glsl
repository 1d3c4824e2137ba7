#version 330 core
in vec4 v_color;
in vec2 v_local;
in float v_length;
in float v_halfWidth;
in vec2 v_coverage;  // at the two ends
out vec4 o_color;

void main() {
  // Distance from the segment [0, length] on the x axis: a capsule.
  float x = clamp(v_local.x, 0.0, v_length);
  // A fading end has no cap: the next piece of the line starts there, end to end.
  if ((v_local.x < 0.0 && v_coverage.x < 1.0) || (v_local.x > v_length && v_coverage.y < 1.0))
    discard;
  float dist = length(v_local - vec2(x, 0.0));
  // Thin lines keep their weight as coverage instead of disappearing.
  float w = max(v_halfWidth, 0.5);
  float coverage = clamp(w + 0.5 - dist, 0.0, 1.0) * min(1.0, v_halfWidth / 0.5);
  float a = v_color.a * coverage * mix(v_coverage.x, v_coverage.y, x / max(v_length, 1e-4));
  if (a <= 0.0) discard;
  o_color = vec4(v_color.rgb * a, a);
}
