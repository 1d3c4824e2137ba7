#pragma once
// Where Dear ImGui's windows (panels, menus, tooltips) lie on the screen this frame, so the map
// keeps its labels out from under them.
#include <vector>

#include "core/geometry.hpp"

namespace idlib {

// The visible top-level windows, logical points; call after ImGui::Render().
std::vector<Box> imguiWindowRects();

}  // namespace idlib
