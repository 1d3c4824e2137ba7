#pragma once
// The map camera: which part of the projected plane is on screen, in logical points (the unit of
// SDL's window coordinates; the renderer multiplies by the display's pixel ratio).
#include <functional>
#include <optional>

#include "core/geometry.hpp"

namespace idlib {

// A zoom level as web maps count it (each step doubles the scale), measured at the projection's
// centre latitude so that `--view 36.6,35.9,9` means what a GIS user expects.
double metresPerPointAtZoom(double zoom);
double zoomAtMetresPerPoint(double metresPerPoint);

struct View {
  Vec2 centre;                  // projected metres
  double metresPerPoint = 500;  // scale
  friend bool operator==(const View&, const View&) = default;
};

struct Viewport {
  double width = 1, height = 1;  // logical points
};

Vec2 worldToScreen(const View& v, const Viewport& vp, Vec2 world);  // y down, origin top-left
Vec2 screenToWorld(const View& v, const Viewport& vp, Vec2 screen);
Box visibleWorld(const View& v, const Viewport& vp);

// Zoom by `factor` (>1 zooms in) keeping the world point under `screenAnchor` fixed.
View zoomedAbout(const View& v, const Viewport& vp, Vec2 screenAnchor, double factor);
View panned(const View& v, Vec2 screenDelta);
// The view that fits `box` with a margin of `marginPoints` on every side.
View fitting(const Box& box, const Viewport& vp, double marginPoints = 24);

// The smooth start and stop of camera and date moves: 0 -> 0, 1 -> 1, flat at both ends.
double easeInOut(double t);

// Zoom-and-pan flight from one view to another along the path that feels shortest (van Wijk and
// Nuij, "Smooth and efficient zooming and panning", 2003): zoom out, pan, zoom in.
class Flight {
 public:
  Flight(const View& from, const View& to, const Viewport& vp, double speed = 1.2);
  double durationSeconds() const { return duration_; }
  View at(double seconds) const;  // eased in time; clamps to the end view
  const View& to() const { return to_; }

 private:
  View from_, to_;
  double vpWidth_, u1_ = 0, r0_ = 0, rho_ = 1.4142135623730951, S_ = 0, duration_ = 0;
  bool straight_ = false;
};

// The camera the window drives: the current view plus any smooth motion in progress.
class Camera {
 public:
  const View& view() const { return view_; }
  void setView(const View& v);
  void setViewport(const Viewport& vp) { viewport_ = vp; }
  const Viewport& viewport() const { return viewport_; }

  void pan(Vec2 screenDelta);
  // Wheel and key zoom: eased towards the target over a few frames, anchored at the cursor.
  void zoomSmoothly(Vec2 screenAnchor, double factor);
  void flyTo(const View& target);
  // The same place on another map plane: `convert` takes a view from the old plane to the new.
  // A flight goes on towards its end, converted; a wheel zoom goes on.
  void replane(const std::function<View(const View&)>& convert);
  bool animating() const { return flight_.has_value() || zoomRemaining_ != 1.0; }
  // Advances motion by `dt` seconds. Returns true if the view changed.
  bool advance(double dt);

 private:
  View view_;
  Viewport viewport_;
  std::optional<Flight> flight_;
  double flightTime_ = 0;
  double zoomRemaining_ = 1.0;  // factor still to apply
  Vec2 zoomAnchor_;
};

}  // namespace idlib
