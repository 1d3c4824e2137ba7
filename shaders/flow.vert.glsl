#version 330 core
// Displacement flows: one instance per flow, drawn as a curved ribbon from origin to destination
// with an arrowhead, its width in proportion to the people. Whether it shows, and where its
// particles are, is computed here from u_date: scrubbing never touches the buffers.
layout(location = 0) in vec4 a_ends;     // origin x, y; destination x, y (world metres)
layout(location = 1) in vec3 a_flow;     // width (points), period start, period end (shader days)
layout(location = 2) in vec4 a_color;
layout(location = 3) in float a_index;

uniform vec2 u_centre;
uniform vec2 u_scale;
uniform vec2 u_viewportPx;
uniform float u_pixelRatio;
uniform float u_date;
uniform float u_window;
uniform float u_highlight;
uniform float u_opacity;

out vec4 v_color;
out float v_t;        // 0 at the origin, 1 at the destination
out float v_across;   // -1..1 across the ribbon
out float v_length;   // arc length, pixels
out float v_head;     // where the arrowhead starts (in t)
out float v_visible;

const int kSegments = 24;  // drawn as a triangle strip: two vertices per station, 2 * (24 + 1)

vec2 toPixels(vec2 world) { return (world - u_centre) * u_scale * 0.5 * u_viewportPx; }

void main() {
  vec2 p0 = toPixels(a_ends.xy), p2 = toPixels(a_ends.zw);
  vec2 chord = p2 - p0;
  float chordLength = max(length(chord), 1e-3);
  // The arc bulges to the left of the direction of travel, so opposite flows do not overlap.
  vec2 p1 = 0.5 * (p0 + p2) + vec2(-chord.y, chord.x) / chordLength * 0.22 * chordLength;

  float t = float(gl_VertexID / 2) / float(kSegments);
  vec2 corner = vec2(0.0, (gl_VertexID % 2) == 0 ? -1.0 : 1.0);
  vec2 position = mix(mix(p0, p1, t), mix(p1, p2, t), t);
  vec2 tangent = normalize(mix(p1 - p0, p2 - p1, t) + vec2(1e-6, 0.0));
  vec2 normal = vec2(-tangent.y, tangent.x);

  bool highlighted = abs(a_index - u_highlight) < 0.5;
  float width = max(a_flow.x, 1.5) * u_pixelRatio * (highlighted ? 1.3 : 1.0);
  float arcLength = chordLength * 1.03;
  float head = clamp((2.5 * width + 10.0 * u_pixelRatio) / arcLength, 0.04, 0.45);
  // Body of constant width, then an arrowhead narrowing to the destination.
  float halfWidth = t < 1.0 - head ? 0.5 * width : mix(0.5 * width + 5.0 * u_pixelRatio, 0.0, (t - (1.0 - head)) / head);
  position += normal * corner.y * (halfWidth + 1.0);

  // Shown while its period overlaps the window; after its end it fades out across the window.
  float start = a_flow.y, end = a_flow.z;
  float window = max(u_window, 1.0);
  float visible = (u_date >= start && u_date - window < end) ? 1.0 : 0.0;
  visible *= u_date > end ? mix(1.0, 0.35, (u_date - end) / window) : 1.0;

  gl_Position = visible > 0.0 ? vec4(position / (0.5 * u_viewportPx), 0.0, 1.0) : vec4(2.0, 2.0, 2.0, 1.0);
  v_t = t;
  v_across = corner.y * (halfWidth + 1.0) / max(halfWidth, 0.5);
  v_length = arcLength;
  v_head = 1.0 - head;
  v_visible = visible;
  // Hovered or selected: the halo's dark (palette::kHaloEdge), never a data layer's red.
  v_color = highlighted ? vec4(0.10, 0.10, 0.10, 1.0) : a_color;
}
