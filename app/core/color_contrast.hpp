#pragma once
// How far apart two colours look: WCAG 2 contrast ratio, and CIEDE2000 colour difference under
// normal vision and simulated colour-vision deficiency. Used to choose and check the palettes.
#include <string_view>

#include "core/color.hpp"

namespace idlib {

// WCAG 2.x relative luminance of an sRGB colour (alpha ignored), 0 (black) .. 1 (white).
double relativeLuminance(Rgba c);
// WCAG 2.x contrast ratio, 1 (same luminance) .. 21 (black on white). Non-text graphics need 3.
double contrastRatio(Rgba a, Rgba b);

struct Lab {
  double l = 0, a = 0, b = 0;
};
Lab toLab(Rgba c);  // CIE L*a*b*, D65 white
// CIEDE2000 (Sharma, Wu and Dalal 2005): about 1 is just noticeable, above 10 clearly different.
double ciede2000(const Lab& x, const Lab& y);

enum class Vision { Normal, Protan, Deutan, Tritan };
std::string_view visionName(Vision v);
// How `c` looks with a full (severity 1) deficiency, Machado, Oliveira and Fernandes 2009.
Rgba simulateVision(Rgba c, Vision v);
// CIEDE2000 between the two colours as seen with `v`.
double colourDifference(Rgba a, Rgba b, Vision v);

}  // namespace idlib
