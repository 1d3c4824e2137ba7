#pragma once
// Where the analyst's panels go, as a pure function of the window's size and the UI scale: the
// timeline docks at the bottom, the scale bar keeps its corner above it, and every panel lies on
// the map between the menu bar and that band, inside the window.
#include <array>
#include <span>
#include <string_view>
#include <vector>

namespace idlib {

// A rectangle in window points, y down.
struct ScreenRect {
  float x = 0, y = 0, w = 0, h = 0;
  float right() const { return x + w; }
  float bottom() const { return y + h; }
  bool intersects(const ScreenRect& o) const {
    return x < o.right() && o.x < right() && y < o.bottom() && o.y < bottom();
  }
  bool inside(const ScreenRect& o) const {
    return x >= o.x && y >= o.y && right() <= o.right() && bottom() <= o.bottom();
  }
  friend bool operator==(const ScreenRect&, const ScreenRect&) = default;
};

struct DeskLayout {
  ScreenRect window, menuBar, map, timeline, timelineControls, scaleBar, legend;
  // The timeline's control groups (kTimelineControlEms' order), wrapped onto as many rows of
  // timelineControls as the window's width needs.
  std::vector<ScreenRect> timelineGroups;
  // Where panels may lie: the map, less a band above the timeline as tall as the scale bar's.
  ScreenRect desk;
  // Each panel's place and its largest size (auto-sized panels grow up to it).
  ScreenRect find, layers, events, details, story, notices, exporter;
  // Too short for the event list above the map's legend: the list starts collapsed.
  bool compact = false;
  std::vector<ScreenRect> panels() const {
    return {find, layers, events, details, story, notices, exporter};
  }
};

inline constexpr float kTimelinePoints = 214;  // the timeline's height at UI scale 1

// The timeline's controls in groups that stay together, each as wide as this many ems of the UI
// font (15 points at UI scale 1), room to spare: |< < Play > >|, < figure figure >, the speed,
// the time window, the typed date and Go, the three ranges, and the date (or the typed date's
// error) at the end.
inline constexpr std::array<float, 7> kTimelineControlEms = {11.5f, 9, 7, 11.6f, 9.2f, 17.3f, 11};

// `widths` laid left to right from `area`'s corner, `gap` apart, a new row of `rowHeight`
// wherever the next one would run past `area`'s right edge; a group wider than `area` has a row
// to itself.
std::vector<ScreenRect> wrapIntoRows(std::span<const float> widths, const ScreenRect& area,
                                     float gap, float rowHeight);

// `overlayScale` is the map overlay's own scale (the scale bar's size), by default the UI's.
DeskLayout deskLayout(float windowWidth, float windowHeight, float uiScale, float overlayScale = 0);

// A panel the user moved or resized, or one remembered from a larger window, brought back onto
// the desk: moved first, shrunk only if it cannot fit.
ScreenRect keepOnDesk(ScreenRect panel, const ScreenRect& desk);

// A panel's place once the desk changed from `before` to `after` (the window was resized): a
// panel nearer the right edge keeps its distance from it, and one nearer the bottom from that.
ScreenRect followResize(ScreenRect panel, const ScreenRect& before, const ScreenRect& after);

// The UI scale for a display: its DPI over the usual 96, or its size over 1920x1080 (a 4K screen
// of unknown DPI is 2), in quarter steps from 1 to 3.
float autoUiScale(float displayWidth, float displayHeight, float dpi);

// The window's first size: most of the usable display, never larger than it.
struct WindowSize {
  int width = 0, height = 0;
};
WindowSize initialWindowSize(int usableWidth, int usableHeight);

}  // namespace idlib
