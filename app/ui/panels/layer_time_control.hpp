#pragma once
// The "time" button of a layer's row in the Layers panel: whether and how the layer moves with
// the timeline (mode, start and end fields), as QGIS's temporal controller does.
#include <cstddef>

#include "ui/app_state.hpp"

namespace idlib::panels {

// Draws the button (on the current line) and its popup for layer `index`; nothing for layers
// without fields. A change re-reads the features' dates; values that are not dates become notices.
void drawLayerTimeControl(AppState& state, std::size_t index);

}  // namespace idlib::panels
