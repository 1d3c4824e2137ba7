#pragma once
// Big polygons cut into grid cells before ear clipping, the way geojson-vt cuts vector tiles
// (its clip.js): split the box at its middle, clip every ring to each half along that one axis,
// and recurse until a cell's piece is small. Each level is O(n), so the whole cut is
// O(n log cells), and each cell's ear clipping sees only the few holes that touch it (bridging
// thousands of holes into one shell is quadratic). Valid rings stay valid pieces: a shell's
// piece may run along the cell's edge and back (zero-width), which ear clipping handles.
#include <cstddef>
#include <stop_token>
#include <string>
#include <vector>

#include "core/geometry.hpp"

namespace idlib {

struct TileCell {
  Box box;
  std::vector<std::vector<Vec2>> rings;  // [0]: the shell's piece in `box`, then the holes' pieces
};

struct TileOptions {
  std::size_t maxCellVertices = 1024;  // a piece with more is split again...
  int maxDepth = 20;                   // ...unless it has been split this many times
};

// The polygon (rings[0] the shell, the rest holes; closed or not) as cells covering it; cells
// inside a hole or outside the shell are left out.
std::vector<TileCell> cutIntoCells(std::vector<std::vector<Vec2>> rings,
                                   const TileOptions& options = {});

struct TiledTriangles {
  std::vector<Vec2> triangles;  // three vertices per triangle, cell after cell
  std::size_t cellsDone = 0;
  std::size_t repairedCells = 0;  // whose rings cross: repaired by GEOS, that cell alone
  std::string problem;            // GEOS's reason for the first of them
  bool exact = true;     // false: a cell GEOS could not repair either, drawn as ear-clipped
  bool stopped = false;  // `stop` came before every cell was done: the triangles are partial
};

// Ear-clips the cells on `threads` worker threads (std::jthread; 0: one per core), those that
// meet `first` (a view; empty: none) first. A cell whose triangles miss its area (crossing
// rings) is repaired and triangulated by GEOS on its own: repair costs what the cell costs, not
// what the continent does. `stop` is checked before each cell, so a stop costs at most one
// cell's work per thread.
TiledTriangles triangulateCells(const std::vector<TileCell>& cells, std::stop_token stop = {},
                                unsigned threads = 1, const Box& first = {});

}  // namespace idlib
