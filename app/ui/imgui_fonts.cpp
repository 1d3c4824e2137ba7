#include "ui/imgui_fonts.hpp"

#include "render/font_atlas.hpp"

namespace idlib {

std::vector<char32_t> uiCodepoints() {
  // Latin, its extensions and modifier letters (ʿ ʾ), combining marks, Latin Extended Additional
  // (ḩ ḑ), punctuation (– — … ·), arrows, the legend's shapes and a few dingbats; Arabic and the
  // presentation forms its joined letters are drawn with (core/visual_text).
  constexpr std::pair<char32_t, char32_t> kRanges[] = {
      {0x20, 0x24f},    {0x2b0, 0x2ff},   {0x300, 0x36f},   {0x1e00, 0x1eff}, {0x2000, 0x206f},
      {0x2190, 0x21ff}, {0x2212, 0x2212}, {0x2248, 0x2248}, {0x2260, 0x2265}, {0x22a0, 0x22a0},
      {0x2500, 0x25ff}, {0x2713, 0x2717}, {0x2794, 0x2794}, {0x279c, 0x279c}, {0x2e3a, 0x2e3b},
      {0x0600, 0x06ff}, {0xfb50, 0xfbff}, {0xfe70, 0xfeff}};
  std::vector<char32_t> out;
  for (const auto [first, last] : kRanges)
    for (char32_t c = first; c <= last; ++c)
      out.push_back(c);
  return out;
}

bool addUiFont(ImGuiIO& io, float pixels, bool pixelAligned) {
  const auto fonts = FontAtlas::fontsCovering("DejaVu Sans", uiCodepoints());
  if (fonts.empty()) return false;
  // ImGui reads the ranges when the atlas is built: they live until Build() below.
  std::vector<ImVector<ImWchar>> ranges(fonts.size());
  for (std::size_t i = 0; i < fonts.size(); ++i) {
    ImFontGlyphRangesBuilder builder;
    for (const char32_t c : fonts[i].codepoints)
      if (c <= IM_UNICODE_CODEPOINT_MAX) builder.AddChar(static_cast<ImWchar>(c));
    builder.BuildRanges(&ranges[i]);
    ImFontConfig config;
    config.MergeMode = i > 0;  // the fallbacks fill the first font's gaps
    if (pixelAligned) config.OversampleH = 1, config.PixelSnapH = true;
    io.Fonts->AddFontFromFileTTF(fonts[i].file.c_str(), pixels, &config, ranges[i].Data);
  }
  return io.Fonts->Build();
}

}  // namespace idlib
