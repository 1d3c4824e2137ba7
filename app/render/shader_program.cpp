#include "render/shader_program.hpp"

#include <fmt/format.h>

#include <stdexcept>
#include <vector>

#include "embedded_shaders.hpp"

namespace idlib {
namespace {

std::string_view sourceOf(const std::string& file) {
  for (const auto& s : shaders::kAll)
    if (s.name == file) return s.source;
  throw std::runtime_error(fmt::format("shader {} is not embedded (is it in shaders/?)", file));
}

// GLSL has no includes: a line `#include "NAME"` is replaced by the embedded file NAME, so
// code several shaders share is written once.
std::string withIncludes(std::string_view source) {
  std::string out;
  constexpr std::string_view kInclude = "#include \"";
  for (std::size_t at = 0; at < source.size();) {
    const std::size_t end = std::min(source.find('\n', at), source.size());
    const std::string_view line = source.substr(at, end - at);
    if (line.starts_with(kInclude) && line.ends_with('"'))
      out += sourceOf(std::string(line.substr(kInclude.size(), line.size() - kInclude.size() - 1)));
    else
      out += line;
    out += '\n';
    at = end + 1;
  }
  return out;
}

GLuint compile(GLenum type, const std::string& file) {
  const std::string source = withIncludes(sourceOf(file));
  const GLuint shader = glCreateShader(type);
  const char* text = source.data();
  const auto length = static_cast<GLint>(source.size());
  glShaderSource(shader, 1, &text, &length);
  glCompileShader(shader);
  GLint ok = 0;
  glGetShaderiv(shader, GL_COMPILE_STATUS, &ok);
  if (!ok) {
    GLint size = 0;
    glGetShaderiv(shader, GL_INFO_LOG_LENGTH, &size);
    std::vector<char> log(static_cast<std::size_t>(std::max(size, 1)));
    glGetShaderInfoLog(shader, size, nullptr, log.data());
    glDeleteShader(shader);
    throw std::runtime_error(fmt::format("shaders/{} does not compile:\n{}", file, log.data()));
  }
  return shader;
}

}  // namespace

ShaderProgram::ShaderProgram(std::string_view name) {
  const std::string base(name);
  const GLuint vs = compile(GL_VERTEX_SHADER, base + ".vert.glsl");
  const GLuint fs = compile(GL_FRAGMENT_SHADER, base + ".frag.glsl");
  program_ = gl::Program(glCreateProgram());
  glAttachShader(program_.id(), vs);
  glAttachShader(program_.id(), fs);
  glLinkProgram(program_.id());
  glDeleteShader(vs);
  glDeleteShader(fs);
  GLint ok = 0;
  glGetProgramiv(program_.id(), GL_LINK_STATUS, &ok);
  if (!ok) {
    char log[2048] = {};
    glGetProgramInfoLog(program_.id(), sizeof log, nullptr, log);
    throw std::runtime_error(fmt::format("shader program {} does not link:\n{}", base, log));
  }
}

GLint ShaderProgram::uniform(const char* name) {
  auto it = uniforms_.find(name);
  if (it == uniforms_.end())
    it = uniforms_.emplace(name, glGetUniformLocation(program_.id(), name)).first;
  return it->second;
}

}  // namespace idlib
