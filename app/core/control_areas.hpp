#pragma once
// Areas of control and the front line at each date on which control changed, derived from the
// localities' histories (see geo/control_areas.hpp for how they are computed).
#include <cstdint>
#include <optional>
#include <vector>

#include "core/date.hpp"
#include "core/geometry.hpp"
#include "core/timeline.hpp"

namespace idlib {

// Areas reach only as far as the data supports: this far from the nearest dated locality, fading
// out over the last stretch, so the map never shows control where nothing was recorded and never
// ends at a straight cut.
inline constexpr double kControlReachMetres = 20000;
inline constexpr double kControlFadeMetres = 9000;

// A stretch of front line: the shared edge of two localities' cells whose controllers oppose.
struct FrontSegment {
  Vec2 a, b;
  std::uint32_t localityA = 0, localityB = 0;  // indices into Timeline::localities
  // How strongly each end is drawn: the coverage of the areas it separates (1 in the core,
  // falling to 0 at the edge of the data's reach), so the line fades with them.
  float coverageA = 1, coverageB = 1;
};

struct ControlSnapshot {
  Day date = 0;
  std::vector<Vec2> triangles;                 // three vertices per triangle
  std::vector<Controller> triangleController;  // one per triangle
  // One per vertex: 1 where the data reaches, falling to 0 at the edge of what it supports.
  std::vector<float> coverage;
  std::vector<FrontSegment> front;
};

// A locality's Voronoi cell on the mapped land, measured in an equal-area projection.
struct ControlCell {
  std::size_t locality = 0;     // index into Timeline::localities
  double km2 = 0;               // its area
  double km2InIdlib = 0;        // the part inside Idlib governorate
  double people = 0;            // the towns' populations inside it (see ControlAreas)
  double peopleInIdlib = 0;     // of them, those inside Idlib governorate
  std::vector<Vec2> triangles;  // the whole cell, three vertices per triangle (map plane)
};

struct ControlAreas {
  std::vector<ControlSnapshot> snapshots;    // one per Timeline::controlChangeDates(), same order
  std::vector<std::int32_t> cellOfLocality;  // -1 where two localities share a position
  std::vector<ControlCell> cells;            // indexed by cellOfLocality
  // The mapped land (every cell together) and its part inside Idlib governorate, in km².
  double landKm2 = 0, idlibKm2 = 0;

  // Which controller holds `p` in snapshot `s`, if `p` is inside the mapped area.
  std::optional<Controller> controllerAt(std::size_t s, Vec2 p) const;
};

}  // namespace idlib
