#version 330 core
// The cached layers, pixel for pixel (the texture is the viewport's size), premultiplied.
uniform sampler2D u_image;
out vec4 o_color;

void main() {
  o_color = texelFetch(u_image, ivec2(gl_FragCoord.xy), 0);
}
