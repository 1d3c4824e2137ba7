#pragma once
// A layer that moves with the timeline (core/temporal.hpp) on the GPU: each feature's period in
// a texture the fill, line and point shaders read by feature index, so moving the slider only
// changes a uniform; nothing is re-uploaded or re-triangulated.
#include <optional>

#include "core/layer.hpp"
#include "render/gl_objects.hpp"
#include "render/shader_program.hpp"

namespace idlib {

class FeaturePeriods {
 public:
  // Sets `p`'s date uniforms for `layer` at `date` (fractional days) with events' time window,
  // rebuilding the periods first if the layer's time setting changed; with the setting Off,
  // switches the filter off.
  void bind(ShaderProgram& p, const Layer& layer, double date, double windowDays);

 private:
  gl::Texture texture_;
  std::optional<TemporalSetting> builtFor_;
};

}  // namespace idlib
