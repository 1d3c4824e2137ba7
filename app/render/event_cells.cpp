#include "render/event_cells.hpp"

#include <algorithm>
#include <cmath>

namespace idlib {

float eventCellDiameter(std::int64_t count) {
  // Area in proportion to log-count: a thousand events read bigger than ten, a million does not
  // cover the map.
  const double steps = std::log10(1.0 + static_cast<double>(std::max<std::int64_t>(count, 0)));
  return static_cast<float>(std::clamp(9.0 + 6.5 * steps, 9.0, 48.0));
}

EventCellRenderer::EventCellRenderer() : marks_("dated_point") {}

void EventCellRenderer::upload(const std::vector<EventCellMark>& cells) {
  cells_ = cells;
  std::vector<DatedMarkInstance> marks;
  marks.reserve(cells.size());
  for (const EventCellMark& c : cells) {
    if (!std::isfinite(c.position.x) || !std::isfinite(c.position.y)) continue;
    // Dated day 0 and drawn at date 0 in a window of one day: always fully shown.
    marks.push_back({static_cast<float>(c.position.x),
                     static_cast<float>(c.position.y),
                     {0, 0, 0, 0},
                     kEventCellColor,
                     eventCellDiameter(c.count),
                     -1,
                     0});
  }
  count_ = static_cast<GLsizei>(marks.size());
  vao_ = marks.empty() ? gl::VertexArray() : makeVertexArray(marks.data(), marks.size(), buffer_);
}

void EventCellRenderer::draw(const ViewTransform& view, float opacity) {
  if (count_ == 0 || !vao_) return;
  marks_.use();
  setViewUniforms(marks_, view);
  glUniform1i(marks_.uniform("u_mode"), 0);
  glUniform1f(marks_.uniform("u_date"), 0);
  glUniform1f(marks_.uniform("u_window"), 1);
  glUniform1f(marks_.uniform("u_opacity"), opacity);
  glUniform1f(marks_.uniform("u_highlight"), -1e6f);
  glUniform1i(marks_.uniform("u_sourceRings"), 0);
  glUniform1ui(marks_.uniform("u_hiddenSources"), 0);
  glBindVertexArray(vao_.id());
  glDrawArraysInstanced(GL_TRIANGLES, 0, 6, count_);
}

}  // namespace idlib
