#include "render/feature_periods.hpp"

#include <algorithm>
#include <vector>

#include "render/time_layers.hpp"

namespace idlib {
namespace {

// Texels per row (the shaders' `% 4096`), within every GL 3.3 driver's texture size.
constexpr int kPeriodRow = 4096;
// "Never" in shader days: an undated feature's start, an open period's end.
constexpr float kNever = 1e9f;

gl::Texture makePeriodTexture(const Layer& layer) {
  const int n = static_cast<int>(layer.features.size());
  const int width = std::clamp(n, 1, kPeriodRow);
  const int height = std::max(1, (n + kPeriodRow - 1) / kPeriodRow);
  std::vector<float> texels(static_cast<std::size_t>(width) * height * 2, kNever);
  for (std::size_t i = 0; i < layer.periods.size(); ++i) {
    const FeaturePeriod& p = layer.periods[i];
    if (p.start) texels[2 * i] = static_cast<float>(*p.start - kShaderEpoch);
    if (p.end) texels[2 * i + 1] = static_cast<float>(*p.end - kShaderEpoch);
  }
  gl::Texture texture = gl::makeTexture();
  glBindTexture(GL_TEXTURE_2D, texture.id());
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_NEAREST);
  glTexImage2D(GL_TEXTURE_2D, 0, GL_RG32F, width, height, 0, GL_RG, GL_FLOAT, texels.data());
  return texture;
}

}  // namespace

void FeaturePeriods::bind(ShaderProgram& p, const Layer& layer, double date, double windowDays) {
  const TimeMode mode = layer.time.mode;
  glUniform1i(p.uniform("u_timeMode"), static_cast<int>(mode));
  if (mode == TimeMode::Off) return;
  if (builtFor_ != layer.time) {  // other fields or mode, chosen in the Layers panel
    texture_ = makePeriodTexture(layer);
    builtFor_ = layer.time;
  }
  // Unit 1: unit 0 belongs to the font atlas and the arrivals table.
  glActiveTexture(GL_TEXTURE1);
  glBindTexture(GL_TEXTURE_2D, texture_.id());
  glActiveTexture(GL_TEXTURE0);
  glUniform1i(p.uniform("u_periods"), 1);
  glUniform1f(p.uniform("u_date"), static_cast<float>(date - kShaderEpoch));
  glUniform1f(p.uniform("u_window"), static_cast<float>(windowDays));
}

}  // namespace idlib
