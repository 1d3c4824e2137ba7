#version 330 core
// The change map's hatch (issue 14): the triangles of a locality's cell in the map plane; the
// fragment shader cuts the stripes.
layout(location = 0) in vec2 a_position;

uniform vec2 u_centre;  // world metres at the middle of the viewport
uniform vec2 u_scale;   // world metres -> normalised device coordinates

void main() {
  gl_Position = vec4((a_position - u_centre) * u_scale, 0.0, 1.0);
}
