#pragma once
// How much larger an export draws the map's symbols and text than a desk window does: its size
// over 1920x1080, never below 1, so a 3840x2160 image is the 1920x1080 one at twice the size and
// not the same text lost in four times the pixels.
#include <algorithm>

namespace idlib {

inline constexpr double kReferenceWidth = 1920, kReferenceHeight = 1080;

// `width` x `height` in logical points (pixels over the pixel ratio).
constexpr float exportScale(double width, double height) {
  return static_cast<float>(
      std::max(1.0, std::min(width / kReferenceWidth, height / kReferenceHeight)));
}

}  // namespace idlib
