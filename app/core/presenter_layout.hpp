#pragma once
// Where presenter mode puts its two windows: the audience's map and the speaker's notes. With a
// second display each gets its own; on one display they share it side by side, so the speaker's
// window never covers what the audience sees.
#include <optional>
#include <span>

namespace idlib {

struct DisplayRect {  // desktop coordinates in screen points, as SDL reports displays
  int x = 0, y = 0, w = 0, h = 0;
  friend bool operator==(const DisplayRect&, const DisplayRect&) = default;
};
bool overlap(const DisplayRect& a, const DisplayRect& b);
bool contains(const DisplayRect& outer, const DisplayRect& inner);

struct PresenterPlacement {
  int audienceDisplay = 0, speakerDisplay = 0;
  DisplayRect audience, speaker;
  bool audienceFullscreen = true;  // false: it shares its display with the speaker's window
};

// `displays`: each display's usable bounds. `audienceDisplay`: --display (clamped to those
// there are). `speakerDisplay`: --presenter-display or the speaker's menu; when absent or not
// there, the display after the audience's, or the audience's own when it is the only one.
// `uiScale`: the speaker's window grows with its text (speakerTextPixels).
PresenterPlacement placePresenterWindows(std::span<const DisplayRect> displays, int audienceDisplay,
                                         std::optional<int> speakerDisplay, float uiScale = 1);

// The speaker's text in pixels at a UI scale (the desk's display scale times --ui-scale): 22 at
// scale 1, growing with it, never smaller.
float speakerTextPixels(float uiScale);

}  // namespace idlib
