#version 330 core
// Dated marks (events, observation posts): one instanced quad per mark. Visibility, status and
// fade are decided here from u_date, so scrubbing changes only uniforms, never the buffers. The
// circle where an event's place may lie is place_circle's.
layout(location = 0) in vec2 a_position;
// events: (date, place radius in metres, 1 if the date is known only to a week or more, 1 if the
// position only stands in for a region); posts: (established, encircled, withdrawn, -)
layout(location = 1) in vec4 a_dates;
layout(location = 2) in vec4 a_color;
layout(location = 3) in float a_size;   // diameter, logical points
layout(location = 4) in float a_index;
layout(location = 5) in float a_source;  // events: the source's index (Event::sourceIndex)

uniform vec2 u_centre;
uniform vec2 u_scale;
uniform vec2 u_viewportPx;
uniform float u_pixelRatio;
uniform float u_opacity;
uniform float u_date;        // days since the shader epoch, fractional while playing
uniform float u_window;      // events: how many days an event stays on the map
uniform int u_mode;          // 0: events, 1: observation posts
uniform float u_highlight;   // index of the hovered/selected mark, or -1
// Events of several sources: each marker's ring in its source's colour (u_sourceRings 1), and the
// sources the Layers panel hides (bit i: source i; the 32nd and later share bit 31).
uniform int u_sourceRings;
uniform vec4 u_sourceColors[5];  // core's kEventSourceColors
uniform uint u_hiddenSources;

out vec4 v_color;
out vec2 v_offset;
out float v_radius;
flat out int v_shape;       // 0 disc, 1 diamond, 2 hollow square with a cross, 3 hollow disc
flat out vec3 v_ring;       // events of several sources: the source's colour around the symbol
out float v_ringWidth;      // pixels; 0: no ring

const vec2 kCorners[6] = vec2[6](vec2(-1, -1), vec2(1, -1), vec2(1, 1), vec2(-1, -1), vec2(1, 1), vec2(-1, 1));

// Okabe–Ito colours, distinct for the common forms of colour blindness.
const vec3 kActive = vec3(0.0, 0.447, 0.698);     // blue
const vec3 kEncircled = vec3(0.902, 0.624, 0.0);  // orange
const vec3 kWithdrawn = vec3(0.45, 0.45, 0.45);   // grey

// As core's eventSourceColor: the bundled events' ink is theirs alone, the user's sources cycle.
vec3 sourceColor(int s) { return u_sourceColors[s == 0 ? 0 : 1 + (s - 1) % 4].rgb; }

void main() {
  float alpha = 1.0;
  vec4 color = a_color;
  int shape = 0;
  int dot = 1;
  float ringWidth = 0.0;
  int source = int(a_source + 0.5);
  if (u_mode == 0) {
    // A rough date: a hollow mark. A stand-in position: no dot (only place_circle's circle).
    shape = a_dates.z > 0.5 ? 3 : 0;
    dot = a_dates.w > 0.5 ? 0 : 1;
    float age = u_date - a_dates.x;
    // Shown from its day for u_window days, fading from full to a quarter.
    alpha = (age >= 0.0 && age < max(u_window, 1.0)) ? mix(1.0, 0.25, age / max(u_window, 1.0)) : 0.0;
    if (((u_hiddenSources >> uint(min(source, 31))) & 1u) != 0u) alpha = 0.0;
    if (u_sourceRings == 1) ringWidth = 2.2 * u_pixelRatio;
  } else {
    if (u_date < a_dates.x) alpha = 0.0;
    else if (u_date >= a_dates.z) { color.rgb = kWithdrawn; shape = 2; }
    else if (u_date >= a_dates.y) { color.rgb = kEncircled; shape = 1; }
    else { color.rgb = kActive; shape = 0; }
  }
  bool highlighted = abs(a_index - u_highlight) < 0.5;
  float radius = 0.5 * a_size * u_pixelRatio * (highlighted ? 1.5 : 1.0);
  vec2 corner = kCorners[gl_VertexID] * (radius + ringWidth + 2.0 * u_pixelRatio);
  vec2 centre = (a_position - u_centre) * u_scale;
  // Hidden marks collapse to nothing instead of costing fragments.
  gl_Position = alpha > 0.0 && dot == 1 ? vec4(centre + corner / (0.5 * u_viewportPx), 0.0, 1.0) : vec4(2.0, 2.0, 2.0, 1.0);
  v_offset = corner;
  v_radius = radius;
  v_shape = shape;
  v_ring = sourceColor(source);
  v_ringWidth = ringWidth;
  v_color = vec4(color.rgb, color.a * alpha * u_opacity);
}
