// Dear ImGui's SDL2 and OpenGL 3 backends, as Debian ships them, with libepoxy as GL loader.
#include <epoxy/gl.h>

#include "imgui_impl_opengl3.cpp"
#include "imgui_impl_sdl.cpp"
