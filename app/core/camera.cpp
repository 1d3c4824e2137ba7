#include "core/camera.hpp"

#include <algorithm>
#include <cmath>

namespace idlib {
namespace {
// Web-map metres per 256-pixel tile pixel at zoom 0 on the equator, scaled to the latitude of the
// map projection's centre (35.9°N).
constexpr double kMetresPerPointZoom0 = 156543.03392804097 * 0.81010159;
constexpr double kMinMetresPerPoint = 0.5;
constexpr double kMaxMetresPerPoint = 100000;  // a world overview on a small window
}  // namespace

double metresPerPointAtZoom(double zoom) {
  return kMetresPerPointZoom0 / std::exp2(zoom);
}
double zoomAtMetresPerPoint(double m) {
  return std::log2(kMetresPerPointZoom0 / m);
}

Vec2 worldToScreen(const View& v, const Viewport& vp, Vec2 w) {
  return {vp.width / 2 + (w.x - v.centre.x) / v.metresPerPoint,
          vp.height / 2 - (w.y - v.centre.y) / v.metresPerPoint};
}

Vec2 screenToWorld(const View& v, const Viewport& vp, Vec2 s) {
  return {v.centre.x + (s.x - vp.width / 2) * v.metresPerPoint,
          v.centre.y - (s.y - vp.height / 2) * v.metresPerPoint};
}

Box visibleWorld(const View& v, const Viewport& vp) {
  Box b;
  b.extend(screenToWorld(v, vp, {0, 0}));
  b.extend(screenToWorld(v, vp, {vp.width, vp.height}));
  return b;
}

View zoomedAbout(const View& v, const Viewport& vp, Vec2 anchor, double factor) {
  const Vec2 before = screenToWorld(v, vp, anchor);
  View out = v;
  out.metresPerPoint =
      std::clamp(v.metresPerPoint / factor, kMinMetresPerPoint, kMaxMetresPerPoint);
  const Vec2 after = screenToWorld(out, vp, anchor);
  out.centre = out.centre + (before - after);
  return out;
}

View panned(const View& v, Vec2 d) {
  View out = v;
  out.centre = {v.centre.x - d.x * v.metresPerPoint, v.centre.y + d.y * v.metresPerPoint};
  return out;
}

View fitting(const Box& box, const Viewport& vp, double margin) {
  const double w = std::max(1.0, vp.width - 2 * margin), h = std::max(1.0, vp.height - 2 * margin);
  return {box.centre(), std::clamp(std::max(box.width() / w, box.height() / h), kMinMetresPerPoint,
                                   kMaxMetresPerPoint)};
}

// van Wijk & Nuij's path works with the visible width w; u is the distance travelled, r a helper.
Flight::Flight(const View& from, const View& to, const Viewport& vp, double speed)
    : from_(from), to_(to), vpWidth_(vp.width) {
  const double w0 = from.metresPerPoint * vpWidth_, w1 = to.metresPerPoint * vpWidth_;
  const double dx = to.centre.x - from.centre.x, dy = to.centre.y - from.centre.y;
  const double d2 = dx * dx + dy * dy;
  const double rho2 = rho_ * rho_;
  if (d2 < 1e-6 * w0 * w0) {
    straight_ = true;
    S_ = std::abs(std::log(w1 / w0)) / rho_;
  } else {
    u1_ = std::sqrt(d2);
    const double b0 = (w1 * w1 - w0 * w0 + rho2 * rho2 * d2) / (2 * w0 * rho2 * u1_);
    const double b1 = (w1 * w1 - w0 * w0 - rho2 * rho2 * d2) / (2 * w1 * rho2 * u1_);
    r0_ = std::log(std::sqrt(b0 * b0 + 1) - b0);
    const double r1 = std::log(std::sqrt(b1 * b1 + 1) - b1);
    S_ = (r1 - r0_) / rho_;
  }
  duration_ = std::clamp(S_ / speed, 0.25, 3.0);
}

double easeInOut(double t) {
  t = std::clamp(t, 0.0, 1.0);
  return t * t * (3 - 2 * t);
}

View Flight::at(double seconds) const {
  // Eased in time: the camera starts and stops gently instead of at full speed.
  const double t = easeInOut(seconds / duration_);
  if (t >= 1.0) return to_;
  const double s = t * S_;
  const double w0 = from_.metresPerPoint * vpWidth_;
  if (straight_) {
    const double k = std::exp(rho_ * s * (to_.metresPerPoint > from_.metresPerPoint ? 1 : -1));
    return {from_.centre + (to_.centre - from_.centre) * t, from_.metresPerPoint * k};
  }
  const double coshr0 = std::cosh(r0_);
  const double u = w0 / (rho_ * rho_) * (coshr0 * std::tanh(rho_ * s + r0_) - std::sinh(r0_));
  const double w = w0 * coshr0 / std::cosh(rho_ * s + r0_);
  const Vec2 dir = (to_.centre - from_.centre) * (1.0 / u1_);
  return {from_.centre + dir * u, w / vpWidth_};
}

void Camera::setView(const View& v) {
  view_ = v;
  flight_.reset();
  zoomRemaining_ = 1.0;
}

void Camera::pan(Vec2 d) {
  flight_.reset();
  view_ = panned(view_, d);
}

void Camera::zoomSmoothly(Vec2 anchor, double factor) {
  flight_.reset();
  zoomRemaining_ *= factor;
  zoomAnchor_ = anchor;
}

void Camera::flyTo(const View& target) {
  zoomRemaining_ = 1.0;
  flight_.emplace(view_, target, viewport_);
  flightTime_ = 0;
}

void Camera::replane(const std::function<View(const View&)>& convert) {
  const std::optional<View> flyingTo = flight_ ? std::optional(flight_->to()) : std::nullopt;
  view_ = convert(view_);
  if (flyingTo) flyTo(convert(*flyingTo));
}

bool Camera::advance(double dt) {
  if (flight_) {
    flightTime_ += dt;
    view_ = flight_->at(flightTime_);
    if (flightTime_ >= flight_->durationSeconds()) flight_.reset();
    return true;
  }
  if (zoomRemaining_ != 1.0) {
    // Apply a frame-rate independent share of the remaining zoom (about 90 % in 0.15 s).
    const double share = 1.0 - std::exp(-dt * 15.0);
    double step = std::pow(zoomRemaining_, share);
    if (std::abs(std::log(zoomRemaining_)) < 1e-3) step = zoomRemaining_;
    view_ = zoomedAbout(view_, viewport_, zoomAnchor_, step);
    zoomRemaining_ /= step;
    if (std::abs(std::log(zoomRemaining_)) < 1e-4) zoomRemaining_ = 1.0;
    return true;
  }
  return false;
}

}  // namespace idlib
