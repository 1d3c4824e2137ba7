#pragma once
// Coordinate transforms through PROJ. One Projection per thread: it owns its PROJ context.
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <variant>

#include "core/geometry.hpp"
#include "core/map_plane.hpp"

struct pj_ctx;
struct PJconsts;

namespace idlib {

// The map's plane: a transverse Mercator centred on Idlib governorate, in metres. Conformal, so
// shapes and the scale bar are right in every direction across the region.
inline constexpr std::string_view kMapCrs =
    "+proj=tmerc +lat_0=35.9 +lon_0=36.7 +k=1 +x_0=0 +y_0=0 +datum=WGS84 +units=m +no_defs "
    "+type=crs";
inline constexpr std::string_view kLonLatCrs = "EPSG:4326";
inline constexpr std::string_view kWebMercatorCrs = "EPSG:3857";
inline constexpr std::string_view kEqualEarthCrs = "EPSG:8857";  // WGS 84 / Equal Earth Greenwich

// The CRS of a map plane (kMapCrs for the local one).
std::string_view crsOf(MapPlane plane);

class Projection {
 public:
  // From `sourceCrs` (WKT, "EPSG:n" or a PROJ string) to `targetCrs`, with x = easting/longitude.
  static std::variant<Projection, std::string> create(std::string_view sourceCrs,
                                                      std::string_view targetCrs = kMapCrs);
  // Lon/lat (WGS 84) to the map plane and back; the transform everything else is drawn with.
  static Projection lonLatToMap();
  static Projection lonLatTo(MapPlane plane);

  // The same transform in a context of its own, for another thread: PROJ copies the operation
  // it already chose instead of searching its database again (milliseconds each time). None
  // when PROJ cannot copy it.
  std::optional<Projection> clone() const;

  Projection(Projection&&) noexcept;
  Projection& operator=(Projection&&) noexcept;
  ~Projection();

  Vec2 forward(Vec2 p) const;
  Vec2 inverse(Vec2 p) const;
  Vec2 forward(LonLat p) const { return forward(Vec2{p.lon, p.lat}); }
  LonLat inverseLonLat(Vec2 p) const {
    const Vec2 q = inverse(p);
    return {q.x, q.y};
  }
  // Transforms `count` points in place (x and y strided by `stride` bytes). Returns false when
  // a point could not be transformed (it becomes HUGE_VAL).
  bool forwardInPlace(double* x, double* y, std::size_t count, std::size_t stride) const;

 private:
  struct ContextDeleter {
    void operator()(pj_ctx* c) const;
  };
  struct PjDeleter {
    void operator()(PJconsts* p) const;
  };
  Projection() = default;
  std::unique_ptr<pj_ctx, ContextDeleter> context_;  // declared first: destroyed last
  std::unique_ptr<PJconsts, PjDeleter> transform_;
  // The transform is a plane's projection step alone: lon/lat in degrees are converted to and
  // from radians here, as the pipeline's unitconvert step would.
  bool takesRadians_ = false;
};

// The longitudes and latitudes `planeBox` shows on the plane `lonLatToPlane` projects to,
// sampled on a grid (points off the plane's valid area are left out), within the plane's
// valid area `plane`.
LonLatBox lonLatExtent(const Projection& lonLatToPlane, MapPlane plane, const Box& planeBox);

}  // namespace idlib
