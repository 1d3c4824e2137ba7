#pragma once
// The "style" button of a user layer's row in the Layers panel: one colour, categories by a
// field or classes of a number, the fill's opacity, the outline's width, labels from a field
// (core/layer_style.hpp); and the layer's licence, asked for once where the file says none.
#include <cstddef>

#include "ui/app_state.hpp"

namespace idlib::panels {

// Draws the button (on the current line) and its popup for layer `index`; nothing for the
// bundled layers. A change recolours the layer; the renderer rewrites its colours when it draws.
void drawLayerStyleControl(AppState& state, std::size_t index);

}  // namespace idlib::panels
