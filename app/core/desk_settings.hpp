#pragma once
// The panels' places as Dear ImGui saves them (its ini text, in points), kept with the UI scale
// and the window they were laid out in: a desk saved on a 1280x720 screen (scale 1) and opened
// on a 4K one (scale 2) has every panel twice the size, not squeezed to half of what its text
// needs, and as far from the window's nearer edges as before, scaled.
#include <string>
#include <string_view>

namespace idlib {

struct DeskScreen {
  float uiScale = 1;
  float width = 0, height = 0;  // the window, in points; 0: not known
};

// ImGui's ini text with the screen noted on its first line ("; ui scale 2, window 3072x1728"),
// as written to disk.
std::string deskSettingsToSave(std::string_view imguiIni, const DeskScreen& screen);

// The text ImGui reads back on `screen`. Saved at another scale or in another window, each
// window's size is scaled by the ratio of the scales and its place keeps its scaled distance
// from the window's nearer edges (the left or the right, the top or the bottom), as a panel
// follows a resize. Saved without its scale (an older file): nothing, so the panels start at
// their places for this screen.
std::string deskSettingsToLoad(std::string_view saved, const DeskScreen& screen);

}  // namespace idlib
