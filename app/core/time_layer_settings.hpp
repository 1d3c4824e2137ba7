#pragma once
// Which of the dated layers (areas of control, front line, posts, events, flows, arrivals) are
// shown, and how strongly: set in the Layers panel, by a story's cue and by a workspace.
#include <vector>

namespace idlib {

struct TimeLayerSettings {
  bool areas = true, front = true, posts = true, events = true, flows = true, arrivals = true;
  float areasOpacity = 1.0f, eventsOpacity = 1.0f;
  std::vector<bool> hiddenEventSources;  // by Event::sourceIndex; missing: shown
  friend bool operator==(const TimeLayerSettings&, const TimeLayerSettings&) = default;
};

}  // namespace idlib
