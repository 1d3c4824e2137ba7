#pragma once
// Which projected plane the map is drawn on. Regional views keep an accurate local transverse
// Mercator; wider views switch to a world projection (Web Mercator, Equal Earth for the whole
// world). The CRS strings live in geo/projection.hpp; here only the choice and its limits.
#include <cmath>
#include <optional>
#include <string_view>

#include "core/camera.hpp"

namespace idlib {

enum class MapPlane { Local, WebMercator, EqualEarth };
// What the user asked for (View → Projection, --projection): one plane, or chosen by the view.
enum class ProjectionChoice { Automatic, Local, WebMercator, EqualEarth };

// A box in degrees of longitude and latitude.
struct LonLatBox {
  double west = 0, south = 0, east = 0, north = 0;
  double width() const { return east - west; }
  double height() const { return north - south; }
  bool contains(const LonLatBox& o) const {
    return o.west >= west && o.east <= east && o.south >= south && o.north <= north;
  }
  bool intersects(const LonLatBox& o) const {
    return o.west <= east && o.east >= west && o.south <= north && o.north >= south;
  }
};

// Longitude of the local plane's central meridian and latitude of its origin (Idlib).
inline constexpr double kLocalCentreLon = 36.7, kLocalCentreLat = 35.9;

// Where a plane draws: geometry is clipped to this box before projecting. The local transverse
// Mercator is kept to ±30° of its meridian, where its scale error stays under 15 %; Web
// Mercator stops at ±85.05° as web maps do; Equal Earth draws the whole globe.
LonLatBox validArea(MapPlane plane);

// The plane for a view showing `visible` (degrees): local while the view stays within the local
// plane's accurate area and spans under 20° of longitude, Equal Earth when it shows most of the
// world (120° of longitude or more), else Web Mercator. `current`, the plane shown now, is kept
// a little longer (a fifth of each threshold), so a view near one does not flip back and forth.
MapPlane automaticPlane(const LonLatBox& visible, std::optional<MapPlane> current = {});
MapPlane planeFor(ProjectionChoice choice, const LonLatBox& visible,
                  std::optional<MapPlane> current = {});
std::optional<MapPlane> fixedPlane(ProjectionChoice choice);  // none for Automatic

// "auto", "local", "webmercator", "equalearth" (--projection); nothing for anything else.
std::optional<ProjectionChoice> parseProjectionChoice(std::string_view text);
std::string_view choiceName(ProjectionChoice choice);  // as parseProjectionChoice reads it
std::string_view planeLabel(MapPlane plane);           // for menus and messages

// Plane metres per point at web-map zoom `zoom`: Web Mercator counts as web maps do; the other
// planes are near true scale, so the zoom is read at Idlib's latitude (35.9°N).
double metresPerPointAtZoom(double zoom, MapPlane plane);
double zoomAtMetresPerPoint(double metresPerPoint, MapPlane plane);

// Definitions.
namespace map_plane_detail {
constexpr double kLocalHalfWidthDegrees = 30;
constexpr double kLocalMaxSpanDegrees = 20;
constexpr double kWorldOverviewSpanDegrees = 120;
constexpr double kWebMercatorMaxLat = 85.05112878;
// Web-map metres per point at zoom 0 on the equator; the local zoom's is this times cos 35.9°.
constexpr double kWebMetresPerPointZoom0 = 156543.03392804097;
}  // namespace map_plane_detail

inline LonLatBox validArea(MapPlane plane) {
  switch (plane) {
    case MapPlane::Local:
      return {kLocalCentreLon - map_plane_detail::kLocalHalfWidthDegrees, -90,
              kLocalCentreLon + map_plane_detail::kLocalHalfWidthDegrees, 90};
    case MapPlane::WebMercator:
      return {-180, -map_plane_detail::kWebMercatorMaxLat, 180,
              map_plane_detail::kWebMercatorMaxLat};
    case MapPlane::EqualEarth:
      return {-180, -90, 180, 90};
  }
  return {-180, -90, 180, 90};
}

inline MapPlane automaticPlane(const LonLatBox& visible, std::optional<MapPlane> current) {
  // The plane shown now is left only past the full threshold, entered at four fifths of it.
  const auto kept = [&](double degrees, MapPlane plane) {
    return current == plane ? degrees : degrees * 0.8;
  };
  if (visible.width() < kept(map_plane_detail::kLocalMaxSpanDegrees, MapPlane::Local) &&
      validArea(MapPlane::Local).contains(visible))
    return MapPlane::Local;
  const double overview = current == MapPlane::EqualEarth
                              ? map_plane_detail::kWorldOverviewSpanDegrees * 0.8
                              : map_plane_detail::kWorldOverviewSpanDegrees;
  return visible.width() >= overview ? MapPlane::EqualEarth : MapPlane::WebMercator;
}

inline std::optional<MapPlane> fixedPlane(ProjectionChoice choice) {
  switch (choice) {
    case ProjectionChoice::Local:
      return MapPlane::Local;
    case ProjectionChoice::WebMercator:
      return MapPlane::WebMercator;
    case ProjectionChoice::EqualEarth:
      return MapPlane::EqualEarth;
    case ProjectionChoice::Automatic:
      break;
  }
  return std::nullopt;
}

inline MapPlane planeFor(ProjectionChoice choice, const LonLatBox& visible,
                         std::optional<MapPlane> current) {
  return fixedPlane(choice).value_or(automaticPlane(visible, current));
}

inline std::optional<ProjectionChoice> parseProjectionChoice(std::string_view text) {
  for (auto c : {ProjectionChoice::Automatic, ProjectionChoice::Local,
                 ProjectionChoice::WebMercator, ProjectionChoice::EqualEarth})
    if (text == choiceName(c)) return c;
  return std::nullopt;
}

inline std::string_view choiceName(ProjectionChoice choice) {
  switch (choice) {
    case ProjectionChoice::Automatic:
      return "auto";
    case ProjectionChoice::Local:
      return "local";
    case ProjectionChoice::WebMercator:
      return "webmercator";
    case ProjectionChoice::EqualEarth:
      return "equalearth";
  }
  return "auto";
}

inline std::string_view planeLabel(MapPlane plane) {
  switch (plane) {
    case MapPlane::Local:
      return "Local transverse Mercator";
    case MapPlane::WebMercator:
      return "Web Mercator";
    case MapPlane::EqualEarth:
      return "Equal Earth";
  }
  return "";
}

inline double metresPerPointAtZoom(double zoom, MapPlane plane) {
  if (plane == MapPlane::WebMercator)
    return map_plane_detail::kWebMetresPerPointZoom0 / std::exp2(zoom);
  return metresPerPointAtZoom(zoom);
}

inline double zoomAtMetresPerPoint(double metresPerPoint, MapPlane plane) {
  if (plane == MapPlane::WebMercator)
    return std::log2(map_plane_detail::kWebMetresPerPointZoom0 / metresPerPoint);
  return zoomAtMetresPerPoint(metresPerPoint);
}

}  // namespace idlib
