#pragma once
// The map's plane follows the view: a regional view stays on the local transverse Mercator, a
// wider one goes to Web Mercator, the whole world to Equal Earth (or the plane the user picked
// in View → Projection). The layers are read again for the new plane in the background; the
// switch happens when they are in, so layers, marks and camera always share one plane.
#include <memory>
#include <optional>
#include <vector>

#include "ui/app_state.hpp"
#include "ui/layer_loader.hpp"

namespace idlib {

class MapRenderer;

// How to read `layer` again onto `plane`; none for a layer that cannot be re-read (a database
// table, whose connection string is not kept): it is moved point by point instead.
std::optional<LoadRequest> reloadRequest(const Layer& layer, MapPlane plane);
// Gives `layer` the geometry of `fresh` (the same source read onto another plane), keeping its
// name, style, colours, licence and time setting.
void adoptGeometry(Layer& layer, Layer&& fresh);
// Moves `layer` from one plane to another vertex by vertex (for layers that cannot be re-read).
void movePointwise(Layer& layer, const Projection& from, const Projection& to);

class PlaneFollower {
 public:
  // Call once a frame. Starts reading the layers again for the plane the choice and view call
  // for (not while `othersLoading`: layers still coming are read for the plane shown); switches
  // once they are read. Returns true on the frame it switched or re-read layers: they and the
  // dated data were uploaded again.
  bool update(AppState& state, MapRenderer& renderer, bool othersLoading = false);
  bool switching() const { return loader_ != nullptr; }
  std::optional<MapPlane> target() const { return target_; }

 private:
  void finish(AppState& state, MapRenderer& renderer);

  std::unique_ptr<BackgroundLoader> loader_;
  std::optional<MapPlane> target_;
  std::vector<Layer> read_;  // the layers read so far for target_
};

}  // namespace idlib
