#pragma once
#include <cstdint>

namespace idlib {

// An sRGB colour with straight alpha, 8 bits per channel (what the GPU receives).
struct Rgba {
  std::uint8_t r = 0, g = 0, b = 0, a = 255;
  friend bool operator==(Rgba, Rgba) = default;
};

constexpr Rgba rgb(std::uint32_t hex, std::uint8_t alpha = 255) {
  return {static_cast<std::uint8_t>(hex >> 16), static_cast<std::uint8_t>(hex >> 8),
          static_cast<std::uint8_t>(hex), alpha};
}

}  // namespace idlib
