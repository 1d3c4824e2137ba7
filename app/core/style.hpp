#pragma once
// The map's cartography: which colour each bundled feature gets. Idlib stands out, the rest of
// Syria is quiet, neighbouring countries are muted, borders between countries are strong.
#include "core/color.hpp"
#include "core/layer.hpp"
#include "core/timeline.hpp"

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
// Hover and selection: a white halo with a dark edge, a style no data layer uses (never the
// front line's red), drawn as a line: it never recolours the fills under it.
inline constexpr Rgba kHaloCore = rgb(0xffffff);
inline constexpr Rgba kHaloEdge = rgb(0x1a1a1a);

// Areas of control. Okabe–Ito hues, told apart with the common forms of colour blindness; the
// alpha is how strongly each is laid over kAreaGround (see areaColor).
inline constexpr Rgba kGovernment = rgb(0xd55e00, 105);
inline constexpr Rgba kOpposition = rgb(0x009e73, 105);
inline constexpr Rgba kTurkey = rgb(0x56b4e9, 130);
inline constexpr Rgba kSdf = rgb(0xcc79a7, 130);
inline constexpr Rgba kFrontLine = rgb(0xc4001d);
inline constexpr Rgba kDateText = rgb(0x1f1f1f);
// What an area of control is laid over, whatever base fill (Idlib's, Syria's, a neighbour's) is
// under it: a side must have one colour everywhere, the legend's.
inline constexpr Rgba kAreaGround = kSyria;

// The projector palette (--high-contrast): opaque, saturated sides that stay apart under
// protan, deutan and tritan vision and keep 3:1 contrast with the ground and with the black
// front line (README, "High contrast"; checked in color_contrast_test), and heavier lines.
namespace projector {
inline constexpr Rgba kGovernment = rgb(0xdd5500);
inline constexpr Rgba kOpposition = rgb(0x1a9850);
inline constexpr Rgba kTurkey = rgb(0x0066cc);
inline constexpr Rgba kSdf = rgb(0xaa3377);
inline constexpr Rgba kFrontLine = rgb(0x000000);
inline constexpr Rgba kFrontCasing = rgb(0xffffff);  // both sides of the black line
inline constexpr float kFrontWidthPt = 4.5f, kFrontCasingPt = 2.0f;
inline constexpr float kBoundaryDarken = 0.55f, kBoundaryExtraPt = 0.7f;
}  // namespace projector

}  // namespace idlib::palette

namespace idlib {

// Sets each feature's fill and outline from the layer's role and attributes.
void applyStyle(Layer& layer, int userLayerNumber = 0);

// Desk: the analyst's screen. Projector: --high-contrast, for a washed-out projector.
enum class Palette { Desk, Projector };
Rgba controllerColor(Controller c, Palette p = Palette::Desk);
// The opaque colour of a side's area, and of its legend swatch: controllerColor laid over
// kAreaGround at its alpha times `opacity` (the Layers panel's setting, 0..1).
Rgba areaColor(Controller c, float opacity = 1, Palette p = Palette::Desk);
Rgba frontLineColor(Palette p);
// Event markers by kind: violence, control, displacement, diplomacy, aid.
Rgba eventColor(std::string_view eventType);
// Marker diameter in points: bigger for more people killed or displaced.
float eventSize(EventRef e);
// How far an event's place may lie from its point, metres: 0 for a town, about a province's
// radius for a region. The map draws a circle of this radius; a region's has no dot, and a
// country's event (radius 0, no dot) is not drawn at all.
double placeRadiusMetres(PlacePrecision p);
// Whether the event's point only stands in for a region or a country (drawn without a dot).
bool placeIsStandIn(PlacePrecision p);

}  // namespace idlib
