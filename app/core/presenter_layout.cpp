#include "core/presenter_layout.hpp"

#include <algorithm>

namespace idlib {
namespace {

constexpr DisplayRect kNoDisplay{0, 0, 1280, 720};        // what to assume when SDL reports none
constexpr int kSpeakerWidth = 900, kSpeakerHeight = 640;  // on its own display
constexpr int kMargin = 40;

// The speaker's window on a display of its own: its usual size, centred, inside the display.
// Its text and widgets grow with the UI scale, and so does the window.
DisplayRect centredOn(const DisplayRect& d, float scale) {
  const int w = std::min(static_cast<int>(kSpeakerWidth * scale), std::max(1, d.w - 2 * kMargin));
  const int h = std::min(static_cast<int>(kSpeakerHeight * scale), std::max(1, d.h - 2 * kMargin));
  return {d.x + (d.w - w) / 2, d.y + (d.h - h) / 2, w, h};
}

}  // namespace

bool overlap(const DisplayRect& a, const DisplayRect& b) {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

bool contains(const DisplayRect& outer, const DisplayRect& inner) {
  return inner.x >= outer.x && inner.y >= outer.y && inner.x + inner.w <= outer.x + outer.w &&
         inner.y + inner.h <= outer.y + outer.h;
}

PresenterPlacement placePresenterWindows(std::span<const DisplayRect> displays, int audienceDisplay,
                                         std::optional<int> speakerDisplay, float uiScale) {
  const float s = std::max(1.0f, uiScale);
  const int count = static_cast<int>(displays.size());
  const auto display = [&](int i) { return count == 0 ? kNoDisplay : displays[i]; };
  PresenterPlacement p;
  p.audienceDisplay = std::clamp(audienceDisplay, 0, std::max(0, count - 1));
  const bool asked = speakerDisplay && *speakerDisplay >= 0 && *speakerDisplay < count;
  p.speakerDisplay = asked        ? *speakerDisplay
                     : count >= 2 ? (p.audienceDisplay + 1) % count
                                  : p.audienceDisplay;
  const DisplayRect screen = display(p.audienceDisplay);
  if (p.speakerDisplay != p.audienceDisplay) {
    p.audience = screen;
    p.speaker = centredOn(display(p.speakerDisplay), s);
    return p;
  }
  // One display for both: the speaker takes a column on the right (a third, within reason for
  // its UI scale), the audience's map the rest, side by side.
  const int column = std::clamp(screen.w / 3, std::min(static_cast<int>(360 * s), screen.w / 2),
                                std::min(static_cast<int>(640 * s), screen.w / 2));
  p.audienceFullscreen = false;
  p.audience = {screen.x, screen.y, screen.w - column, screen.h};
  p.speaker = {screen.x + screen.w - column, screen.y, column, screen.h};
  return p;
}

float speakerTextPixels(float uiScale) {
  return 22 * std::max(1.0f, uiScale);
}

}  // namespace idlib
