#pragma once
// Move-only owners of OpenGL objects. They must be created and destroyed on the GL thread.
#include <epoxy/gl.h>

#include <utility>

namespace idlib::gl {

template <void (*Delete)(GLuint)>
class Object {
 public:
  Object() = default;
  explicit Object(GLuint id) : id_(id) {}
  Object(Object&& o) noexcept : id_(std::exchange(o.id_, 0)) {}
  Object& operator=(Object&& o) noexcept {
    if (this != &o) {
      reset();
      id_ = std::exchange(o.id_, 0);
    }
    return *this;
  }
  Object(const Object&) = delete;
  Object& operator=(const Object&) = delete;
  ~Object() { reset(); }
  GLuint id() const { return id_; }
  explicit operator bool() const { return id_ != 0; }
  void reset() {
    if (id_) Delete(id_);
    id_ = 0;
  }

 private:
  GLuint id_ = 0;
};

void deleteBuffer(GLuint id);
void deleteVertexArray(GLuint id);
void deleteTexture(GLuint id);
void deleteFramebuffer(GLuint id);
void deleteRenderbuffer(GLuint id);
void deleteProgram(GLuint id);

using Buffer = Object<deleteBuffer>;
using VertexArray = Object<deleteVertexArray>;
using Texture = Object<deleteTexture>;
using Framebuffer = Object<deleteFramebuffer>;
using Renderbuffer = Object<deleteRenderbuffer>;
using Program = Object<deleteProgram>;

Buffer makeBuffer();
VertexArray makeVertexArray();
Texture makeTexture();
Framebuffer makeFramebuffer();
Renderbuffer makeRenderbuffer();

// Uploads `bytes` into a new static array buffer.
Buffer makeStaticBuffer(const void* data, std::size_t bytes);

// Samples the texture `id` (made by another, e.g. Dear ImGui's backend) at its nearest texel.
void sampleNearest(GLuint id);

}  // namespace idlib::gl
