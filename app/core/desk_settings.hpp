#pragma once
// The panels' places as Dear ImGui saves them (its ini text, in points), kept with the UI scale
// they were laid out at: a desk saved on a 1280x720 screen (scale 1) and opened on a 4K one
// (scale 2) has every panel twice the size, not squeezed to half of what its text needs.
#include <string>
#include <string_view>

namespace idlib {

// ImGui's ini text with the scale noted on its first line ("; ui scale 2"), as written to disk.
std::string deskSettingsToSave(std::string_view imguiIni, float uiScale);

// The text ImGui reads back at `uiScale`: saved at another scale, each window's place and size
// scaled by the ratio; saved without its scale (an older file), nothing, so the panels start at
// their places for this screen.
std::string deskSettingsToLoad(std::string_view saved, float uiScale);

}  // namespace idlib
