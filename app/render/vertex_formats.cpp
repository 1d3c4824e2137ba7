#include "render/vertex_formats.hpp"

namespace idlib {
namespace {

void attribute(GLuint index, GLint size, GLenum type, GLsizei stride, std::size_t offset,
               bool instanced) {
  glEnableVertexAttribArray(index);
  glVertexAttribPointer(index, size, type, type == GL_UNSIGNED_BYTE ? GL_TRUE : GL_FALSE, stride,
                        reinterpret_cast<const void*>(offset));
  if (instanced) glVertexAttribDivisor(index, 1);
}

void declare(const FillVertex*, std::size_t base = 0) {
  constexpr auto s = static_cast<GLsizei>(sizeof(FillVertex));
  attribute(0, 2, GL_FLOAT, s, base + offsetof(FillVertex, x), false);
  attribute(1, 4, GL_UNSIGNED_BYTE, s, base + offsetof(FillVertex, color), false);
  attribute(2, 1, GL_FLOAT, s, base + offsetof(FillVertex, feature), false);
  attribute(3, 1, GL_FLOAT, s, base + offsetof(FillVertex, coverage), false);
}
void declare(const LineInstance*, std::size_t base = 0) {
  constexpr auto s = static_cast<GLsizei>(sizeof(LineInstance));
  attribute(0, 2, GL_FLOAT, s, base + offsetof(LineInstance, x0), true);
  attribute(1, 2, GL_FLOAT, s, base + offsetof(LineInstance, x1), true);
  attribute(2, 4, GL_UNSIGNED_BYTE, s, base + offsetof(LineInstance, color), true);
  attribute(3, 1, GL_FLOAT, s, base + offsetof(LineInstance, width), true);
  attribute(4, 1, GL_FLOAT, s, base + offsetof(LineInstance, feature), true);
  attribute(5, 2, GL_FLOAT, s, base + offsetof(LineInstance, coverage0), true);
}
void declare(const PointInstance*, std::size_t base = 0) {
  constexpr auto s = static_cast<GLsizei>(sizeof(PointInstance));
  attribute(0, 2, GL_FLOAT, s, base + offsetof(PointInstance, x), true);
  attribute(1, 4, GL_UNSIGNED_BYTE, s, base + offsetof(PointInstance, color), true);
  attribute(2, 1, GL_FLOAT, s, base + offsetof(PointInstance, size), true);
  attribute(3, 1, GL_FLOAT, s, base + offsetof(PointInstance, feature), true);
}
void declare(const DatedMarkInstance*, std::size_t base = 0) {
  constexpr auto s = static_cast<GLsizei>(sizeof(DatedMarkInstance));
  attribute(0, 2, GL_FLOAT, s, base + offsetof(DatedMarkInstance, x), true);
  attribute(1, 4, GL_FLOAT, s, base + offsetof(DatedMarkInstance, dates), true);
  attribute(2, 4, GL_UNSIGNED_BYTE, s, base + offsetof(DatedMarkInstance, color), true);
  attribute(3, 1, GL_FLOAT, s, base + offsetof(DatedMarkInstance, size), true);
  attribute(4, 1, GL_FLOAT, s, base + offsetof(DatedMarkInstance, index), true);
  attribute(5, 1, GL_FLOAT, s, base + offsetof(DatedMarkInstance, source), true);
}

void declare(const FlowInstance*, std::size_t base = 0) {
  constexpr auto s = static_cast<GLsizei>(sizeof(FlowInstance));
  attribute(0, 4, GL_FLOAT, s, base + offsetof(FlowInstance, ax), true);
  attribute(1, 3, GL_FLOAT, s, base + offsetof(FlowInstance, width), true);
  attribute(2, 4, GL_UNSIGNED_BYTE, s, base + offsetof(FlowInstance, color), true);
  attribute(3, 1, GL_FLOAT, s, base + offsetof(FlowInstance, index), true);
}
void declare(const ArrivalInstance*, std::size_t base = 0) {
  constexpr auto s = static_cast<GLsizei>(sizeof(ArrivalInstance));
  attribute(0, 2, GL_FLOAT, s, base + offsetof(ArrivalInstance, x), true);
  attribute(1, 1, GL_FLOAT, s, base + offsetof(ArrivalInstance, row), true);
  attribute(2, 1, GL_FLOAT, s, base + offsetof(ArrivalInstance, index), true);
}

}  // namespace

template <class T>
gl::VertexArray makeVertexArray(const T* items, std::size_t count, gl::Buffer& buffer) {
  gl::VertexArray vao = gl::makeVertexArray();
  glBindVertexArray(vao.id());
  buffer = gl::makeStaticBuffer(items, count * sizeof(T));
  declare(items);
  glBindVertexArray(0);
  return vao;
}
template gl::VertexArray makeVertexArray(const FillVertex*, std::size_t, gl::Buffer&);
template gl::VertexArray makeVertexArray(const LineInstance*, std::size_t, gl::Buffer&);
template gl::VertexArray makeVertexArray(const PointInstance*, std::size_t, gl::Buffer&);
template gl::VertexArray makeVertexArray(const DatedMarkInstance*, std::size_t, gl::Buffer&);
template gl::VertexArray makeVertexArray(const FlowInstance*, std::size_t, gl::Buffer&);
template gl::VertexArray makeVertexArray(const ArrivalInstance*, std::size_t, gl::Buffer&);

template <class T>
void startInstancesAt(const gl::VertexArray& vao, const gl::Buffer& buffer,
                      std::size_t firstInstance) {
  glBindVertexArray(vao.id());
  glBindBuffer(GL_ARRAY_BUFFER, buffer.id());
  declare(static_cast<const T*>(nullptr), firstInstance * sizeof(T));
}
template void startInstancesAt<LineInstance>(const gl::VertexArray&, const gl::Buffer&,
                                             std::size_t);
template void startInstancesAt<DatedMarkInstance>(const gl::VertexArray&, const gl::Buffer&,
                                                  std::size_t);
template void startInstancesAt<FlowInstance>(const gl::VertexArray&, const gl::Buffer&,
                                             std::size_t);

void setViewUniforms(ShaderProgram& p, const ViewTransform& v) {
  p.use();
  glUniform2f(p.uniform("u_centre"), static_cast<float>(v.centre.x),
              static_cast<float>(v.centre.y));
  glUniform2f(p.uniform("u_scale"), v.scaleX, v.scaleY);
  glUniform2f(p.uniform("u_viewportPx"), v.viewportW, v.viewportH);
  glUniform1f(p.uniform("u_pixelRatio"), v.pixelRatio);
}

void setColorUniform(ShaderProgram& p, const char* name, Rgba c) {
  glUniform4f(p.uniform(name), c.r / 255.f, c.g / 255.f, c.b / 255.f, c.a / 255.f);
}

}  // namespace idlib
