#pragma once
// A GLSL program built from two of the embedded shaders/ files, with its uniform locations cached.
#include <string>
#include <string_view>
#include <unordered_map>

#include "render/gl_objects.hpp"

namespace idlib {

class ShaderProgram {
 public:
  // Compiles `<name>.vert.glsl` and `<name>.frag.glsl`; throws with the file name and the
  // driver's log when either fails.
  explicit ShaderProgram(std::string_view name);
  void use() const { glUseProgram(program_.id()); }
  GLint uniform(const char* name);

 private:
  gl::Program program_;
  std::unordered_map<std::string, GLint> uniforms_;
};

}  // namespace idlib
