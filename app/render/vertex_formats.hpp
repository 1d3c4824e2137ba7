#pragma once
// What the shaders receive per vertex or per instance, and how each layout is declared to GL.
#include <cstddef>

#include "core/color.hpp"
#include "core/geometry.hpp"
#include "render/gl_objects.hpp"
#include "render/shader_program.hpp"

namespace idlib {

struct FillVertex {  // fill.vert
  float x, y;
  Rgba color;
  float feature;
  float coverage;  // areas of control: 1 where the data reaches, 0 at its edge
};
struct LineInstance {  // line.vert: one segment
  float x0, y0, x1, y1;
  Rgba color;
  float width;
  float feature;
  // How strongly each end is drawn (the front line fading with the areas); below 1 the end has
  // no round cap, so the pieces of a fading line meet end to end and no joint is drawn twice.
  float coverage0 = 1, coverage1 = 1;
};
struct PointInstance {  // point.vert
  float x, y;
  Rgba color;
  float size;
  float feature;
};
struct DatedMarkInstance {  // dated_point.vert, place_circle.vert
  float x, y;
  float dates[4];
  Rgba color;
  float size;
  float index;
  float source;  // events: Event::sourceIndex; posts: 0
};

struct FlowInstance {  // flow.vert: one displacement flow
  float ax, ay, bx, by;
  float width, start, end;
  Rgba color;
  float index;
};
struct ArrivalInstance {  // arrivals.vert: one destination's symbol
  float x, y;
  float row;
  float index;
};

// Creates a VAO over a new static buffer holding `items`, with the attribute layout of T.
template <class T>
gl::VertexArray makeVertexArray(const T* items, std::size_t count, gl::Buffer& buffer);

// Binds `vao` so that instanced draws start at instance `firstInstance` of `buffer` (GL 3.3 has
// no base instance): a sub-range of data uploaded once is drawn without touching the data.
template <class T>
void startInstancesAt(const gl::VertexArray& vao, const gl::Buffer& buffer,
                      std::size_t firstInstance);

// The view transform every map shader shares.
struct ViewTransform {
  Vec2 centre;
  float scaleX = 1, scaleY = 1;  // world metres -> NDC
  float viewportW = 1, viewportH = 1, pixelRatio = 1;
};
void setViewUniforms(ShaderProgram& p, const ViewTransform& v);
void setColorUniform(ShaderProgram& p, const char* name, Rgba c);

}  // namespace idlib
