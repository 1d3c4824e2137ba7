#pragma once
// The map's cartography: which colour each bundled feature gets. Idlib stands out, the rest of
// Syria is quiet, neighbouring countries are muted, borders between countries are strong.
#include "core/color.hpp"
#include "core/layer.hpp"

namespace idlib::palette {

inline constexpr Rgba kSea = rgb(0xc9dce6);
inline constexpr Rgba kIdlib = rgb(0xf2cf8a);
inline constexpr Rgba kSyria = rgb(0xf4efe4);
inline constexpr Rgba kNeighbour = rgb(0xe2e0dc);
inline constexpr Rgba kAdminLine = rgb(0x9a9184);
inline constexpr Rgba kIdlibLine = rgb(0x8c5a12);
inline constexpr Rgba kCountryLine = rgb(0x3b3633);
inline constexpr Rgba kTown = rgb(0x2b2b2b);
inline constexpr Rgba kTownHalo = rgb(0xffffff);
inline constexpr Rgba kHighlight = rgb(0xd7301f);

}  // namespace idlib::palette

namespace idlib {

// Sets each feature's fill and outline from the layer's role and attributes.
void applyStyle(Layer& layer, int userLayerNumber = 0);

}  // namespace idlib
