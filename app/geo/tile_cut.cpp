#include "geo/tile_cut.hpp"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <numeric>
#include <optional>
#include <thread>
#include <utility>

#include "geo/geos_context.hpp"
#include "geo/ring_ops.hpp"
#include "geo/triangulate.hpp"

namespace idlib {
namespace {

using Ring = std::vector<Vec2>;
using Rings = std::vector<Ring>;

double along(Vec2 p, int axis) {
  return axis == 0 ? p.x : p.y;
}

// Where the edge a-b crosses the line `axis` = m; the same point whichever way the edge runs.
Vec2 crossing(Vec2 a, Vec2 b, int axis, double m) {
  if (along(a, axis) > along(b, axis)) std::swap(a, b);
  const double t = (m - along(a, axis)) / (along(b, axis) - along(a, axis));
  return axis == 0 ? Vec2{m, a.y + (b.y - a.y) * t} : Vec2{a.x + (b.x - a.x) * t, m};
}

void push(Ring& ring, Vec2 p) {
  if (ring.empty() || !(ring.back() == p)) ring.push_back(p);
}

// An open ring of at least 3 points, or nothing.
void tidy(Ring& ring) {
  while (ring.size() > 1 && ring.front() == ring.back())
    ring.pop_back();
  if (ring.size() < 3) ring.clear();
}

// The (open) ring's parts on each side of the line `axis` = m: Sutherland–Hodgman against one
// line, both sides in one pass.
void split(const Ring& ring, int axis, double m, Ring& low, Ring& high) {
  const std::size_t n = ring.size();
  low.reserve(n / 2 + 8);
  high.reserve(n / 2 + 8);
  for (std::size_t i = 0; i < n; ++i) {
    const Vec2 a = ring[i == 0 ? n - 1 : i - 1], b = ring[i];
    const double ca = along(a, axis), cb = along(b, axis);
    if ((ca < m && cb > m) || (ca > m && cb < m)) {
      const Vec2 x = crossing(a, b, axis, m);
      push(low, x);
      push(high, x);
    }
    if (cb <= m) push(low, b);
    if (cb >= m) push(high, b);
  }
  tidy(low);
  tidy(high);
}

class Cutter {
 public:
  Cutter(const TileOptions& options, std::vector<TileCell>& out) : options_(options), out_(out) {}

  void cut(Rings rings, const Box& box, int depth) {
    std::size_t count = 0;
    for (const Ring& ring : rings)
      count += ring.size();
    if (count <= options_.maxCellVertices || depth >= options_.maxDepth) {
      emit(std::move(rings), box);
      return;
    }
    const int axis = box.width() >= box.height() ? 0 : 1;
    const double m = along(box.centre(), axis);
    Box lowBox = box, highBox = box;
    (axis == 0 ? lowBox.max.x : lowBox.max.y) = m;
    (axis == 0 ? highBox.min.x : highBox.min.y) = m;
    Rings low, high;
    bool lowShell = false, highShell = false;  // the shell reaches that side
    for (std::size_t k = 0; k < rings.size(); ++k) {
      Ring ring = std::move(rings[k]);
      const auto [lo, hi] = std::minmax_element(ring.begin(), ring.end(), [axis](Vec2 a, Vec2 b) {
        return along(a, axis) < along(b, axis);
      });
      Ring l, h;
      if (along(*hi, axis) <= m)
        l = std::move(ring);
      else if (along(*lo, axis) >= m)
        h = std::move(ring);
      else
        split(ring, axis, m, l, h);
      if (k == 0) {
        lowShell = !l.empty();
        highShell = !h.empty();
      }
      // A hole's piece where the shell has none is outside the polygon: dropped.
      if (lowShell && !l.empty()) low.push_back(std::move(l));
      if (highShell && !h.empty()) high.push_back(std::move(h));
    }
    rings = {};  // the halves hold what is needed: free the parent before recursing
    if (!low.empty()) cut(std::move(low), lowBox, depth + 1);
    if (!high.empty()) cut(std::move(high), highBox, depth + 1);
  }

 private:
  // A cell whose shell piece has no area, or lies all inside one hole, draws nothing.
  void emit(Rings rings, const Box& box) {
    const double shell = std::abs(signedArea(rings[0]));
    if (shell <= 0) return;
    std::erase_if(rings, [](const Ring& r) { return signedArea(r) == 0; });
    for (std::size_t k = 1; k < rings.size(); ++k)
      if (std::abs(signedArea(rings[k])) >= shell * (1 - 1e-9)) return;
    out_.push_back({box, std::move(rings)});
  }

  const TileOptions& options_;
  std::vector<TileCell>& out_;
};

}  // namespace

std::vector<TileCell> cutIntoCells(std::vector<std::vector<Vec2>> rings,
                                   const TileOptions& options) {
  std::vector<TileCell> cells;
  for (Ring& ring : rings)
    tidy(ring);
  if (rings.empty() || rings[0].empty()) return cells;
  std::erase_if(rings, [](const Ring& r) { return r.empty(); });
  Box box;
  for (const Vec2& p : rings[0])
    box.extend(p);
  Cutter(options, cells).cut(std::move(rings), box, 0);
  return cells;
}

namespace {

// Triangles for one cell: ear clipping, or where its triangles miss the piece's area (rings that
// cross), GEOS's repair and triangulation of that cell alone.
struct CellResult {
  std::vector<Vec2> triangles;
  std::string problem;  // GEOS's reason, where it repaired the cell
  bool exact = true, repaired = false, done = false;
};

void triangulateCell(const TileCell& cell, std::optional<geos::Context>& context, CellResult& out) {
  out.done = true;
  if (earClip(cell.rings, out.triangles, true)) return;
  if (!context) context.emplace();
  PreparedPolygon repaired = preparePolygon(*context, {PolygonRings{cell.rings}});
  if (repaired.triangles.empty()) {
    out.exact = false;  // GEOS could not either: drawn as ear clipping leaves it
    return;
  }
  out.triangles = std::move(repaired.triangles);
  out.problem = std::move(repaired.problem);
  out.repaired = true;
}

}  // namespace

TiledTriangles triangulateCells(const std::vector<TileCell>& cells, std::stop_token stop,
                                unsigned threads, const Box& first) {
  std::vector<std::size_t> order(cells.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  if (!first.empty())
    std::stable_partition(order.begin(), order.end(),
                          [&](std::size_t i) { return cells[i].box.intersects(first); });
  std::vector<CellResult> results(cells.size());
  std::atomic<std::size_t> next{0};
  // Each worker takes the next cell until none is left or a stop comes (the caller's or, for a
  // pool, the jthread's own when the pool is torn down early).
  const auto work = [&](std::stop_token own) {
    std::optional<geos::Context> context;  // made only when a cell needs repair
    while (!stop.stop_requested() && !own.stop_requested()) {
      const std::size_t k = next.fetch_add(1, std::memory_order_relaxed);
      if (k >= order.size()) return;
      triangulateCell(cells[order[k]], context, results[order[k]]);
    }
  };
  if (threads == 0) threads = std::max(1u, std::thread::hardware_concurrency());
  threads = static_cast<unsigned>(std::min<std::size_t>(threads, cells.size()));
  if (threads <= 1) {
    work({});
  } else {
    std::vector<std::jthread> pool;
    for (unsigned t = 0; t < threads; ++t)
      pool.emplace_back(work);
    for (std::jthread& t : pool)
      t.join();  // before the destructor, which would ask the workers to stop
  }

  TiledTriangles out;
  if (results.size() == 1 && results[0].done) {  // most parts: one cell, nothing to join
    out.cellsDone = 1;
    out.exact = results[0].exact;
    out.repairedCells = results[0].repaired ? 1 : 0;
    out.problem = std::move(results[0].problem);
    out.triangles = std::move(results[0].triangles);
    return out;
  }
  std::size_t total = 0;
  for (const CellResult& r : results)
    total += r.triangles.size();
  out.triangles.reserve(total);
  for (CellResult& r : results) {
    if (!r.done) continue;
    ++out.cellsDone;
    out.exact = out.exact && r.exact;
    out.repairedCells += r.repaired ? 1 : 0;
    if (out.problem.empty()) out.problem = std::move(r.problem);
    out.triangles.insert(out.triangles.end(), r.triangles.begin(), r.triangles.end());
    std::vector<Vec2>().swap(r.triangles);
  }
  out.stopped = out.cellsDone < cells.size();
  return out;
}

}  // namespace idlib
