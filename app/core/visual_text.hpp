#pragma once
// Text for a renderer that neither shapes nor reorders it (Dear ImGui draws glyph after glyph,
// left to right): Arabic letters as their joined presentation forms, right-to-left runs in
// visual order, so a village's Arabic name reads as written instead of as loose letters backwards.
#include <string>
#include <string_view>

namespace idlib {

// Whether `utf8` holds a right-to-left letter (Hebrew, Arabic, Syriac, Thaana and their
// presentation forms).
bool hasRightToLeft(std::string_view utf8);

// `utf8` as it is drawn glyph by glyph from the left. Unchanged where it has no right-to-left
// letter, is not valid UTF-8, or is longer than a line of a panel ever is (64 KiB).
std::string visualOrder(std::string_view utf8);

}  // namespace idlib
