#include "geo/projection.hpp"

#include <proj.h>

#include <algorithm>
#include <cmath>
#include <optional>
#include <stdexcept>
#include <string>

namespace idlib {

void Projection::ContextDeleter::operator()(pj_ctx* c) const {
  proj_context_destroy(c);
}
void Projection::PjDeleter::operator()(PJconsts* p) const {
  proj_destroy(p);
}

Projection::Projection(Projection&&) noexcept = default;
Projection& Projection::operator=(Projection&&) noexcept = default;
Projection::~Projection() = default;

namespace {

// The map's planes from WGS 84 lon/lat: the projection step of the PROJ pipelines that
// proj_create_crs_to_crs chooses for them (`projinfo -s EPSG:4326 -t CRS`), longitude first as
// proj_normalize_for_visualization leaves them. Each is a conversion on WGS 84's ellipsoid, with
// no datum shift and no grid, so PROJ makes it without searching its database (several
// milliseconds each time, and every layer load makes one). The pipeline's first step, degrees
// to radians, is done by Projection itself with the same arithmetic: the same bits, and a
// quarter less time a point than PROJ's pipeline takes.
std::optional<std::string> planeProjection(std::string_view source, std::string_view target) {
  if (source != kLonLatCrs) return std::nullopt;
  if (target == kMapCrs)  // kMapCrs's own projection, its datum given as PROJ's step gives it
    return std::string(kMapCrs.substr(0, kMapCrs.find(" +datum="))) + " +ellps=WGS84";
  if (target == kWebMercatorCrs)
    return "+proj=webmerc +lat_0=0 +lon_0=0 +x_0=0 +y_0=0 +ellps=WGS84";
  if (target == kEqualEarthCrs) return "+proj=eqearth +lon_0=0 +x_0=0 +y_0=0 +ellps=WGS84";
  return std::nullopt;
}

// PROJ's unitconvert factor from degrees to radians: multiplied going in, divided coming out.
constexpr double kRadiansPerDegree = 0.017453292519943295;

}  // namespace

std::variant<Projection, std::string> Projection::create(std::string_view source,
                                                         std::string_view target) {
  Projection p;
  p.context_.reset(proj_context_create());
  proj_log_level(p.context_.get(), PJ_LOG_NONE);
  if (const auto projection = planeProjection(source, target)) {
    p.transform_.reset(proj_create(p.context_.get(), projection->c_str()));
    p.takesRadians_ = static_cast<bool>(p.transform_);
    if (p.takesRadians_) return p;
  }
  const std::string s(source), t(target);
  PJ* raw = proj_create_crs_to_crs(p.context_.get(), s.c_str(), t.c_str(), nullptr);
  if (!raw) {
    const int err = proj_context_errno(p.context_.get());
    return std::string("PROJ cannot transform from this CRS: ") +
           proj_context_errno_string(p.context_.get(), err);
  }
  // Axis order as maps draw it: longitude/easting first, whatever the CRS's authority says.
  PJ* normalized = proj_normalize_for_visualization(p.context_.get(), raw);
  proj_destroy(raw);
  if (!normalized) return std::string("PROJ cannot normalise the axis order of this CRS");
  p.transform_.reset(normalized);
  return p;
}

std::optional<Projection> Projection::clone() const {
  Projection p;
  p.context_.reset(proj_context_create());
  proj_log_level(p.context_.get(), PJ_LOG_NONE);
  p.transform_.reset(proj_clone(p.context_.get(), transform_.get()));
  if (!p.transform_) return std::nullopt;
  p.takesRadians_ = takesRadians_;
  return p;
}

std::string_view crsOf(MapPlane plane) {
  switch (plane) {
    case MapPlane::Local:
      return kMapCrs;
    case MapPlane::WebMercator:
      return kWebMercatorCrs;
    case MapPlane::EqualEarth:
      return kEqualEarthCrs;
  }
  return kMapCrs;
}

Projection Projection::lonLatToMap() {
  return lonLatTo(MapPlane::Local);
}

Projection Projection::lonLatTo(MapPlane plane) {
  auto result = create(kLonLatCrs, crsOf(plane));
  if (auto* p = std::get_if<Projection>(&result)) return std::move(*p);
  throw std::runtime_error("PROJ cannot build the map projection: " +
                           std::get<std::string>(result));
}

Vec2 Projection::forward(Vec2 p) const {
  if (takesRadians_) p = {p.x * kRadiansPerDegree, p.y * kRadiansPerDegree};
  const PJ_COORD c = proj_trans(transform_.get(), PJ_FWD, proj_coord(p.x, p.y, 0, 0));
  return {c.xy.x, c.xy.y};
}

Vec2 Projection::inverse(Vec2 p) const {
  const PJ_COORD c = proj_trans(transform_.get(), PJ_INV, proj_coord(p.x, p.y, 0, 0));
  if (takesRadians_ && c.xy.x != HUGE_VAL)
    return {c.xy.x / kRadiansPerDegree, c.xy.y / kRadiansPerDegree};
  return {c.xy.x, c.xy.y};
}

bool Projection::forwardInPlace(double* x, double* y, std::size_t count, std::size_t stride) const {
  const auto at = [stride](double* first, std::size_t i) -> double& {
    return *reinterpret_cast<double*>(reinterpret_cast<char*>(first) + i * stride);
  };
  if (takesRadians_)
    for (std::size_t i = 0; i < count; ++i) {
      at(x, i) *= kRadiansPerDegree;
      at(y, i) *= kRadiansPerDegree;
    }
  proj_trans_generic(transform_.get(), PJ_FWD, x, stride, count, y, stride, count, nullptr, 0, 0,
                     nullptr, 0, 0);
  for (std::size_t i = 0; i < count; ++i)
    if (!std::isfinite(at(x, i)) || at(x, i) == HUGE_VAL) return false;
  return true;
}

LonLatBox lonLatExtent(const Projection& lonLatToPlane, MapPlane plane, const Box& planeBox) {
  constexpr int kSteps = 16;
  const LonLatBox valid = validArea(plane);
  LonLatBox out{valid.east, valid.north, valid.west, valid.south};  // empty until a point lands
  bool any = false;
  // Sampled within what the plane draws at all: a view wider than the world still sees it whole.
  Box drawn;
  for (int k = 0; k <= kSteps; ++k) {
    const double lon = valid.west + valid.width() * k / kSteps;
    const double lat = valid.south + valid.height() * k / kSteps;
    for (const LonLat q : {LonLat{lon, valid.south}, LonLat{lon, valid.north}, LonLat{lon, 0},
                           LonLat{valid.west, lat}, LonLat{valid.east, lat}})
      if (const Vec2 v = lonLatToPlane.forward(q); std::isfinite(v.x) && std::isfinite(v.y))
        drawn.extend(v);
  }
  const Box box{{std::max(planeBox.min.x, drawn.min.x), std::max(planeBox.min.y, drawn.min.y)},
                {std::min(planeBox.max.x, drawn.max.x), std::min(planeBox.max.y, drawn.max.y)}};
  if (box.empty()) return {valid.west, valid.south, valid.west, valid.south};  // shows nothing
  for (int i = 0; i <= kSteps; ++i)
    for (int j = 0; j <= kSteps; ++j) {
      const Vec2 p{box.min.x + box.width() * i / kSteps, box.min.y + box.height() * j / kSteps};
      const LonLat q = lonLatToPlane.inverseLonLat(p);
      if (!std::isfinite(q.lon) || !std::isfinite(q.lat) || std::abs(q.lon) > 180 ||
          std::abs(q.lat) > 90)
        continue;
      // A point off the plane's area inverts to somewhere it does not show: not on the map.
      const Vec2 again = lonLatToPlane.forward(q);
      if (length(again - p) > 1e-3 * std::max(box.width(), 1.0)) continue;
      out = {std::min(out.west, q.lon), std::min(out.south, q.lat), std::max(out.east, q.lon),
             std::max(out.north, q.lat)};
      any = true;
    }
  if (!any) return valid;
  return {std::max(out.west, valid.west), std::max(out.south, valid.south),
          std::min(out.east, valid.east), std::min(out.north, valid.north)};
}

}  // namespace idlib
