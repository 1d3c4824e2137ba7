#version 330 core
// The cached layers, pixel for pixel (the textures are the viewport's size), premultiplied; while
// the areas of control fade to the next snapshot, that snapshot's image mixed in by u_mix.
uniform sampler2D u_image;
uniform sampler2D u_next;
uniform float u_mix;
uniform bool u_turnedOver;  // the images' rows run from the top
out vec4 o_color;

void main() {
  ivec2 at = ivec2(gl_FragCoord.xy);
  if (u_turnedOver) at.y = textureSize(u_image, 0).y - 1 - at.y;
  vec4 c = texelFetch(u_image, at, 0);
  if (u_mix > 0.0) c = mix(c, texelFetch(u_next, at, 0), u_mix);
  o_color = c;
}
