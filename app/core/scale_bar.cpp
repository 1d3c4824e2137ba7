#include "core/scale_bar.hpp"

#include <fmt/format.h>

#include <cmath>

namespace idlib {

ScaleBar scaleBarFor(double metresPerPoint, double maxPoints) {
  const double maxMetres = metresPerPoint * maxPoints;
  const double power = std::pow(10.0, std::floor(std::log10(maxMetres)));
  double metres = power;
  for (double step : {5.0, 2.0, 1.0}) {
    if (step * power <= maxMetres) {
      metres = step * power;
      break;
    }
  }
  const std::string label =
      metres >= 1000 ? fmt::format("{:g} km", metres / 1000) : fmt::format("{:g} m", metres);
  return {metres, metres / metresPerPoint, label};
}

}  // namespace idlib
