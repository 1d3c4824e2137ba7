#include "core/desk_layout.hpp"

#include <algorithm>
#include <cmath>

namespace idlib {
namespace {

// Fits `r` into `area`: clipped to it, never negative.
ScreenRect clipped(ScreenRect r, const ScreenRect& area) {
  const float x0 = std::clamp(r.x, area.x, area.right()),
              y0 = std::clamp(r.y, area.y, area.bottom());
  const float x1 = std::clamp(r.right(), x0, area.right()),
              y1 = std::clamp(r.bottom(), y0, area.bottom());
  return {x0, y0, x1 - x0, y1 - y0};
}

}  // namespace

DeskLayout deskLayout(float windowWidth, float windowHeight, float uiScale, float overlayScale) {
  const float s = uiScale, o = overlayScale > 0 ? overlayScale : uiScale;
  DeskLayout l;
  l.window = {0, 0, windowWidth, windowHeight};
  l.menuBar = {0, 0, windowWidth, std::round(21 * s)};
  // The control row wraps where the window is too narrow for it (inside the panel's padding of
  // 8 points); the timeline grows by the rows added, and keeps its height while the window can
  // spare it, else gives way to the map.
  const float em = 15 * s, padding = 8 * s, rowHeight = 25 * s;
  std::array<float, kTimelineControlEms.size()> widths;
  std::transform(kTimelineControlEms.begin(), kTimelineControlEms.end(), widths.begin(),
                 [&](float ems) { return ems * em; });
  l.timelineGroups =
      wrapIntoRows(widths, {padding, 0, windowWidth - 2 * padding, 0}, em, rowHeight);
  const float rows = std::round(l.timelineGroups.back().y / rowHeight) + 1;
  const float controlsHeight = 9 * s + rows * rowHeight;
  const float timelineHeight = std::min(kTimelinePoints * s + (rows - 1) * rowHeight,
                                        std::max(windowHeight * 0.45f, controlsHeight + 60 * s));
  l.timeline = {0, windowHeight - timelineHeight, windowWidth, timelineHeight};
  l.timelineControls = {0, l.timeline.y, windowWidth, controlsHeight};
  for (ScreenRect& group : l.timelineGroups)
    group.y += l.timeline.y + padding;
  l.map = {0, l.menuBar.bottom(), windowWidth, l.timeline.y - l.menuBar.bottom()};
  // The scale bar's box as the renderer draws it: 8..(14 + 160 + 8) overlay points from the left,
  // 44..8 above the timeline (MapRenderer::drawOverlay).
  l.scaleBar = {8 * o, l.map.bottom() - 44 * o, 174 * o, 36 * o};
  // The legend's box at its largest (every dated layer on): 10 overlay points from the right,
  // 34 above the timeline (MapRenderer::drawLegend).
  l.legend = {windowWidth - 310 * o, l.map.bottom() - 344 * o, 300 * o, 310 * o};

  const float gap = 8 * s;
  l.desk = clipped({gap, l.map.y + gap, windowWidth - 2 * gap, l.scaleBar.y - gap - l.map.y - gap},
                   l.map);
  const ScreenRect& d = l.desk;
  const float column = std::min(330 * s, d.w * 0.3f);
  // Left: Find (its box, with room for eight results) and Layers just below its box.
  l.find = clipped({d.x, d.y, column, 250 * s}, d);
  l.layers = clipped({d.x, d.y + 66 * s, column, 330 * s}, d);
  // Right: Story (collapsed), the event list below its title, Details to the left of both,
  // below the map's date and subtitle (as are the windows in the centre).
  const float belowDate = d.y + 72 * s;
  const float right = std::min(400 * s, d.w * 0.32f);
  l.story = clipped({d.right() - right, d.y, right, 320 * s}, d);
  // The event list ends above the legend; where that leaves it too short, it starts collapsed.
  const float eventsTop = d.y + 30 * s, besideLegend = l.legend.y - gap - eventsTop;
  l.compact = besideLegend < 200 * s;
  l.events = clipped(
      {d.right() - right, eventsTop, right, l.compact ? 380 * s : std::min(380 * s, besideLegend)},
      d);
  const float detailsWidth = std::min(360 * s, d.w * 0.28f);
  l.details =
      clipped({d.right() - right - gap - detailsWidth, belowDate, detailsWidth, 380 * s}, d);
  // Centre: the notices and the Export window, as tall as the desk allows.
  const float noticesWidth = std::min(620 * s, d.w), exportWidth = std::min(500 * s, d.w);
  l.notices = clipped({d.x + (d.w - noticesWidth) / 2, belowDate, noticesWidth, 220 * s}, d);
  l.exporter = clipped({d.x + (d.w - exportWidth) / 2, belowDate, exportWidth, d.h}, d);
  return l;
}

std::vector<ScreenRect> wrapIntoRows(std::span<const float> widths, const ScreenRect& area,
                                     float gap, float rowHeight) {
  std::vector<ScreenRect> placed;
  float x = area.x, y = area.y;
  for (const float width : widths) {
    if (x > area.x && x + width > area.right()) x = area.x, y += rowHeight;
    placed.push_back({x, y, width, rowHeight});
    x += width + gap;
  }
  return placed;
}

ScreenRect keepOnDesk(ScreenRect panel, const ScreenRect& desk) {
  panel.w = std::min(panel.w, desk.w);
  panel.h = std::min(panel.h, desk.h);
  panel.x = std::clamp(panel.x, desk.x, desk.right() - panel.w);
  panel.y = std::clamp(panel.y, desk.y, desk.bottom() - panel.h);
  return panel;
}

ScreenRect followResize(ScreenRect panel, const ScreenRect& before, const ScreenRect& after) {
  const float centreX = panel.x + panel.w / 2, centreY = panel.y + panel.h / 2;
  panel.x +=
      centreX > before.x + before.w / 2 ? after.right() - before.right() : after.x - before.x;
  panel.y +=
      centreY > before.y + before.h / 2 ? after.bottom() - before.bottom() : after.y - before.y;
  return panel;
}

float autoUiScale(float displayWidth, float displayHeight, float dpi) {
  const float fromDpi = dpi > 0 ? dpi / 96 : 1;
  const float fromSize = std::min(displayWidth / 1920, displayHeight / 1080);
  return std::clamp(std::floor(std::max(fromDpi, fromSize) * 4) / 4, 1.f, 3.f);
}

WindowSize initialWindowSize(int usableWidth, int usableHeight) {
  // Four fifths of the display, but at least 1280x720 where the display has it.
  const int w = std::max(usableWidth * 4 / 5, std::min(1280, usableWidth));
  const int h = std::max(usableHeight * 4 / 5, std::min(720, usableHeight));
  return {w, h};
}

}  // namespace idlib
