#include "core/style.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdlib>

namespace idlib {
namespace {

bool isSyrian(const Feature& f) {
  const std::string* admin = f.attribute("admin");
  return admin && *admin == "Syria";
}

// Colour-blind-safe cycle (Okabe–Ito) for layers the user adds.
constexpr std::array<Rgba, 6> kUserColours = {rgb(0x0072b2), rgb(0xd55e00), rgb(0x009e73),
                                              rgb(0xcc79a7), rgb(0xe69f00), rgb(0x56b4e9)};

}  // namespace

void applyStyle(Layer& layer, int userLayerNumber) {
  switch (layer.role) {
    case LayerRole::Countries:
      layer.style.outline = palette::kCountryLine;
      layer.style.outlineWidthPx = 1.6f;
      break;
    case LayerRole::Admin1:
      layer.style.outline = palette::kAdminLine;
      layer.style.outlineWidthPx = 0.8f;
      break;
    case LayerRole::Towns:
    case LayerRole::Villages:
      layer.style.point = palette::kTown;
      layer.style.pointSizePx = 6.0f;
      break;
    case LayerRole::Generic: {
      // The user's colour, else the next of the cycle (kept: a restyle keeps the layer's colour).
      if (!layer.symbology.colour)
        layer.symbology.colour =
            kUserColours[static_cast<std::size_t>(userLayerNumber) % kUserColours.size()];
      const Rgba c = *layer.symbology.colour;
      layer.style.fill = {c.r, c.g, c.b, 110};
      layer.style.outline = c;
      layer.style.outlineWidthPx = 1.5f;
      layer.style.point = c;
      break;
    }
  }
  for (auto& f : layer.features) {
    f.fill = layer.style.fill;
    f.outline = layer.style.outline;
    f.outlineWidthPx = layer.style.outlineWidthPx;
    f.marker = layer.style.point;
    f.markerSizePx = layer.style.pointSizePx;
    if (const std::string* population = f.attribute("population")) {
      f.rank = std::atof(population->c_str());
      // Marker area grows with the town: 4 pt for villages up to 9 pt for cities of 100,000+.
      f.markerSizePx =
          static_cast<float>(std::clamp(4.0 + 5.0 * std::sqrt(f.rank / 100000.0), 4.0, 9.0));
    }
    if (layer.role == LayerRole::Countries) {
      // Syria is filled by its governorates; Turkey has only its border provinces in admin1, so
      // the country fills the rest (in the same colour) instead of leaving Anatolia as sea.
      const std::string* a3 = f.attribute("adm0_a3");
      const bool covered = a3 && *a3 == "SYR";
      f.fill = covered ? Rgba{0, 0, 0, 0} : palette::kNeighbour;
    } else if (layer.role == LayerRole::Admin1) {
      const bool syrian = isSyrian(f);
      f.fill =
          syrian ? (f.name == "Idlib" ? palette::kIdlib : palette::kSyria) : palette::kNeighbour;
      if (syrian && f.name == "Idlib") {
        f.outline = palette::kIdlibLine;
        f.outlineWidthPx = 2.2f;
      }
    }
  }
  if (layer.role == LayerRole::Generic) applySymbology(layer);
}

Rgba controllerColor(Controller c, Palette p) {
  namespace projector = palette::projector;
  const bool desk = p == Palette::Desk;
  switch (c) {
    case Controller::Government:
      return desk ? palette::kGovernment : projector::kGovernment;
    case Controller::Opposition:
      return desk ? palette::kOpposition : projector::kOpposition;
    case Controller::Turkey:
      return desk ? palette::kTurkey : projector::kTurkey;
    case Controller::Sdf:
      return desk ? palette::kSdf : projector::kSdf;
  }
  return desk ? palette::kOpposition : projector::kOpposition;
}

Rgba frontLineColor(Palette p) {
  return p == Palette::Projector ? palette::projector::kFrontLine : palette::kFrontLine;
}

Rgba areaColor(Controller c, float opacity, Palette p) {
  const Rgba side = controllerColor(c, p);
  const float share = side.a / 255.f * std::clamp(opacity, 0.f, 1.f);
  // Rounded as the GPU rounds the same mix when it writes the framebuffer.
  const auto mix = [&](std::uint8_t ground, std::uint8_t top) {
    return static_cast<std::uint8_t>(std::lround(ground + (top - ground) * share));
  };
  const Rgba g = palette::kAreaGround;
  return {mix(g.r, side.r), mix(g.g, side.g), mix(g.b, side.b), 255};
}

Rgba eventColor(std::string_view type) {
  if (type == "battle" || type == "shelling/air strike" || type == "casualties" ||
      type == "Battles" || type == "Explosions/Remote violence" ||
      type == "Violence against civilians")
    return rgb(0xb2182b);
  if (type == "control change" || type == "Strategic developments") return rgb(0x762a83);
  if (type == "displacement") return rgb(0x2166ac);
  if (type == "humanitarian") return rgb(0x1b7837);
  if (type == "military deployment") return rgb(0x333333);
  return rgb(0x5e5e5e);  // statements, agreements, anything else
}

double placeRadiusMetres(PlacePrecision p) {
  switch (p) {
    case PlacePrecision::Town:
      return 0;
    case PlacePrecision::NearTown:
      return 10000;  // ACLED's "near the town": within about 10 km
    case PlacePrecision::Region:
      // Idlib governorate in admin1.geojson, 5,648 km² (UTM 37N), is a disc of 42 km radius.
      return 42000;
    case PlacePrecision::Country:
      return 0;  // a whole country has no place on this map: listed, not drawn
  }
  return 0;
}

bool placeIsStandIn(PlacePrecision p) {
  return p == PlacePrecision::Region || p == PlacePrecision::Country;
}

float eventSize(EventRef e) {
  const double people =
      static_cast<double>(e.fatalities().value_or(0)) + e.displaced().value_or(0) / 1000.0;
  return static_cast<float>(std::clamp(9.0 + 3.0 * std::log10(1.0 + people), 9.0, 22.0));
}

}  // namespace idlib
