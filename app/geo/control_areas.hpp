#pragma once
// Computes the areas of control and front lines with GEOS: a Voronoi cell around each locality,
// clipped to Syria's land within reach of a dated locality (fading out at the edge of that reach);
// each cell is triangulated once, a side's area at each change date is its cells' triangles, and
// the front line is the shared edge of cells whose controllers oppose.
#include <string>
#include <vector>

#include "core/control_areas.hpp"
#include "core/diagnostics.hpp"
#include "core/timeline.hpp"

namespace idlib {

// `landPath`: polygons of the land to clip to (the bundled admin1.geojson, whose feature named
// Idlib is the governorate the figures inside Idlib count); `townsPath`: points with a
// `population` field, counted in the cell they stand in (the bundled towns.geojson).
ControlAreas computeControlAreas(const Timeline& timeline, const std::string& landPath,
                                 std::vector<Notice>& notices, const std::string& townsPath = {});

}  // namespace idlib
