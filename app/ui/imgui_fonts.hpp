#pragma once
// Dear ImGui's font: DejaVu Sans with every glyph the app's text uses (Latin with the marks of
// transliterated Arabic and Turkish names, dashes, arrows, symbols), and fontconfig's fallback
// fonts merged in for the ones DejaVu lacks, so no name or separator prints as "?".
#include <imgui.h>

#include <vector>

namespace idlib {

// The code points the UI font must draw.
std::vector<char32_t> uiCodepoints();

// Adds the font at `pixels` to `io`'s atlas and builds it. Returns false when fontconfig finds
// no font (ImGui keeps its own). `pixelAligned`: each glyph rasterised once and put on whole
// pixels (no sub-pixel positions), so the atlas reads the same sampled at its nearest texel.
bool addUiFont(ImGuiIO& io, float pixels, bool pixelAligned = false);

}  // namespace idlib
