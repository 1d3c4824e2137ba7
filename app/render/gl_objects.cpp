#include "render/gl_objects.hpp"

namespace idlib::gl {

void deleteBuffer(GLuint id) {
  glDeleteBuffers(1, &id);
}
void deleteVertexArray(GLuint id) {
  glDeleteVertexArrays(1, &id);
}
void deleteTexture(GLuint id) {
  glDeleteTextures(1, &id);
}
void deleteFramebuffer(GLuint id) {
  glDeleteFramebuffers(1, &id);
}
void deleteRenderbuffer(GLuint id) {
  glDeleteRenderbuffers(1, &id);
}
void deleteProgram(GLuint id) {
  glDeleteProgram(id);
}

#define IDLIB_GEN(Type, gen) \
  Type make##Type() {        \
    GLuint id = 0;           \
    gen(1, &id);             \
    return Type(id);         \
  }
IDLIB_GEN(Buffer, glGenBuffers)
IDLIB_GEN(VertexArray, glGenVertexArrays)
IDLIB_GEN(Texture, glGenTextures)
IDLIB_GEN(Framebuffer, glGenFramebuffers)
IDLIB_GEN(Renderbuffer, glGenRenderbuffers)
#undef IDLIB_GEN

Buffer makeStaticBuffer(const void* data, std::size_t bytes) {
  Buffer b = makeBuffer();
  glBindBuffer(GL_ARRAY_BUFFER, b.id());
  glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(bytes), data, GL_STATIC_DRAW);
  return b;
}

void sampleNearest(GLuint id) {
  GLint bound = 0;
  glGetIntegerv(GL_TEXTURE_BINDING_2D, &bound);
  glBindTexture(GL_TEXTURE_2D, id);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_NEAREST);
  glBindTexture(GL_TEXTURE_2D, static_cast<GLuint>(bound));
}

}  // namespace idlib::gl
