#pragma once
// Events counted per grid cell (a PostGIS table seen zoomed out, issue 12): one disc per cell,
// its area growing with the count, drawn with the event markers' shader so it looks like them.
#include <cstdint>
#include <vector>

#include "core/color.hpp"
#include "core/geometry.hpp"
#include "render/gl_objects.hpp"
#include "render/shader_program.hpp"
#include "render/vertex_formats.hpp"

namespace idlib {

struct EventCellMark {
  Vec2 position;  // the cell's centre on the map plane
  std::int64_t count = 0;
};

// The disc's diameter in points for `count` events: its area grows with the count, from an event
// marker's size (9 pt) for one to 48 pt for a million or more.
float eventCellDiameter(std::int64_t count);
inline constexpr Rgba kEventCellColor = rgb(0x6a3d9a);  // no event type's colour (core/style)

class EventCellRenderer {
 public:
  EventCellRenderer();
  // Replaces the cells drawn (none: nothing is drawn).
  void upload(const std::vector<EventCellMark>& cells);
  void draw(const ViewTransform& view, float opacity);
  bool empty() const { return count_ == 0; }
  const std::vector<EventCellMark>& cells() const { return cells_; }  // as uploaded

 private:
  ShaderProgram marks_;
  gl::VertexArray vao_;
  gl::Buffer buffer_;
  GLsizei count_ = 0;
  std::vector<EventCellMark> cells_;
};

}  // namespace idlib
