#pragma once
#include <string>

namespace idlib {

struct ScaleBar {
  double metres = 0;  // a round length: 1, 2 or 5 times a power of ten
  double points = 0;  // its length on screen
  std::string label;  // "20 km", "500 m"
};

// The longest round length that fits in `maxPoints` at `metresPerPoint`.
ScaleBar scaleBarFor(double metresPerPoint, double maxPoints);

}  // namespace idlib
