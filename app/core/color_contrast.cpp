#include "core/color_contrast.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <numbers>

namespace idlib {
namespace {

using Linear = std::array<double, 3>;

double toLinear(std::uint8_t channel) {  // the sRGB transfer function, inverted
  const double c = channel / 255.0;
  return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
}

std::uint8_t fromLinear(double v) {
  v = std::clamp(v, 0.0, 1.0);
  const double c = v <= 0.0031308 ? 12.92 * v : 1.055 * std::pow(v, 1 / 2.4) - 0.055;
  return static_cast<std::uint8_t>(std::lround(c * 255));
}

Linear linear(Rgba c) {
  return {toLinear(c.r), toLinear(c.g), toLinear(c.b)};
}

// Machado et al. 2009, severity 1.0, applied to linear RGB. Table from the authors' page:
// https://www.inf.ufrgs.br/~oliveira/pubs_files/CVD_Simulation/CVD_Simulation.html
using Matrix = std::array<Linear, 3>;
constexpr Matrix kProtan = {{{0.152286, 1.052583, -0.204868},
                             {0.114503, 0.786281, 0.099216},
                             {-0.003882, -0.048116, 1.051998}}};
constexpr Matrix kDeutan = {{{0.367322, 0.860646, -0.227968},
                             {0.280085, 0.672501, 0.047413},
                             {-0.011820, 0.042940, 0.968881}}};
constexpr Matrix kTritan = {{{1.255528, -0.076749, -0.178779},
                             {-0.078411, 0.930809, 0.147602},
                             {0.004733, 0.691367, 0.303900}}};

double radians(double degrees) {
  return degrees * std::numbers::pi / 180;
}
double degrees(double radians) {
  return radians * 180 / std::numbers::pi;
}

}  // namespace

double relativeLuminance(Rgba c) {
  const Linear l = linear(c);
  return 0.2126 * l[0] + 0.7152 * l[1] + 0.0722 * l[2];
}

double contrastRatio(Rgba a, Rgba b) {
  const double x = relativeLuminance(a), y = relativeLuminance(b);
  return (std::max(x, y) + 0.05) / (std::min(x, y) + 0.05);
}

Lab toLab(Rgba c) {
  const Linear l = linear(c);
  // sRGB to XYZ (IEC 61966-2-1), relative to the D65 white.
  const double x = (0.4124564 * l[0] + 0.3575761 * l[1] + 0.1804375 * l[2]) / 0.95047;
  const double y = 0.2126729 * l[0] + 0.7151522 * l[1] + 0.0721750 * l[2];
  const double z = (0.0193339 * l[0] + 0.1191920 * l[1] + 0.9503041 * l[2]) / 1.08883;
  const auto f = [](double t) {
    constexpr double kEpsilon = 216.0 / 24389, kKappa = 24389.0 / 27;
    return t > kEpsilon ? std::cbrt(t) : (kKappa * t + 16) / 116;
  };
  return {116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))};
}

double ciede2000(const Lab& x, const Lab& y) {
  // Sharma, Wu and Dalal, "The CIEDE2000 color-difference formula: implementation notes,
  // supplementary test data, and mathematical observations", 2005: equations 1 to 22.
  const auto pow7 = [](double v) { return std::pow(v, 7); };
  const double meanC = (std::hypot(x.a, x.b) + std::hypot(y.a, y.b)) / 2;
  const double g = 0.5 * (1 - std::sqrt(pow7(meanC) / (pow7(meanC) + pow7(25))));
  const double a1 = (1 + g) * x.a, a2 = (1 + g) * y.a;
  const double c1 = std::hypot(a1, x.b), c2 = std::hypot(a2, y.b);
  const auto hue = [](double b, double a) {
    if (a == 0 && b == 0) return 0.0;
    const double h = degrees(std::atan2(b, a));
    return h < 0 ? h + 360 : h;
  };
  const double h1 = hue(x.b, a1), h2 = hue(y.b, a2);
  const bool achromatic = c1 * c2 == 0;

  double dh = achromatic ? 0 : h2 - h1;
  if (dh > 180) dh -= 360;
  if (dh < -180) dh += 360;
  const double dL = y.l - x.l, dC = c2 - c1;
  const double dH = 2 * std::sqrt(c1 * c2) * std::sin(radians(dh / 2));

  const double meanL = (x.l + y.l) / 2, meanCp = (c1 + c2) / 2;
  double meanH = h1 + h2;
  if (!achromatic) {
    if (std::abs(h1 - h2) <= 180)
      meanH /= 2;
    else
      meanH = (meanH < 360 ? meanH + 360 : meanH - 360) / 2;
  }
  const double t = 1 - 0.17 * std::cos(radians(meanH - 30)) + 0.24 * std::cos(radians(2 * meanH)) +
                   0.32 * std::cos(radians(3 * meanH + 6)) -
                   0.20 * std::cos(radians(4 * meanH - 63));
  const double dTheta = 30 * std::exp(-std::pow((meanH - 275) / 25, 2));
  const double rc = 2 * std::sqrt(pow7(meanCp) / (pow7(meanCp) + pow7(25)));
  const double sl = 1 + 0.015 * std::pow(meanL - 50, 2) / std::sqrt(20 + std::pow(meanL - 50, 2));
  const double sc = 1 + 0.045 * meanCp, sh = 1 + 0.015 * meanCp * t;
  const double rt = -std::sin(radians(2 * dTheta)) * rc;
  const double l = dL / sl, c = dC / sc, h = dH / sh;
  return std::sqrt(l * l + c * c + h * h + rt * c * h);
}

std::string_view visionName(Vision v) {
  switch (v) {
    case Vision::Normal:
      return "normal";
    case Vision::Protan:
      return "protan";
    case Vision::Deutan:
      return "deutan";
    case Vision::Tritan:
      return "tritan";
  }
  return "normal";
}

Rgba simulateVision(Rgba c, Vision v) {
  if (v == Vision::Normal) return c;
  const Matrix& m = v == Vision::Protan ? kProtan : v == Vision::Deutan ? kDeutan : kTritan;
  const Linear l = linear(c);
  const auto row = [&](int i) { return m[i][0] * l[0] + m[i][1] * l[1] + m[i][2] * l[2]; };
  return {fromLinear(row(0)), fromLinear(row(1)), fromLinear(row(2)), c.a};
}

double colourDifference(Rgba a, Rgba b, Vision v) {
  return ciede2000(toLab(simulateVision(a, v)), toLab(simulateVision(b, v)));
}

}  // namespace idlib
