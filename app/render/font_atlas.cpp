#include "render/font_atlas.hpp"

#include <fmt/format.h>
#include <fontconfig/fontconfig.h>
#include <stb_truetype.h>

#include <fstream>
#include <iterator>
#include <stdexcept>

namespace idlib {
namespace {

constexpr int kAtlasSize = 1024;
constexpr float kBasePx = 32;  // glyphs are rasterised at this size
constexpr int kPadding = 8;    // distance field reach, base pixels
constexpr unsigned char kOnEdge = 128;
constexpr float kDistScale = 128.0f / kPadding;  // field units per base pixel
constexpr int kSolid = 4;                        // side of the opaque block at the atlas origin

// Decodes one UTF-8 sequence; invalid bytes become U+FFFD.
char32_t nextCodepoint(std::string_view s, std::size_t& i) {
  const auto b = static_cast<unsigned char>(s[i++]);
  if (b < 0x80) return b;
  const int extra = b >= 0xf0 ? 3 : b >= 0xe0 ? 2 : b >= 0xc0 ? 1 : -1;
  if (extra < 0 || i + extra > s.size()) return 0xfffd;
  char32_t c = b & (0x3f >> extra);
  for (int k = 0; k < extra; ++k)
    c = (c << 6) | (static_cast<unsigned char>(s[i++]) & 0x3f);
  return c;
}

}  // namespace

struct FontAtlas::FontInfo : stbtt_fontinfo {};

std::string FontAtlas::findFontFile(const std::string& pattern) {
  FcConfig* config = FcInitLoadConfigAndFonts();
  FcPattern* pat = FcNameParse(reinterpret_cast<const FcChar8*>(pattern.c_str()));
  FcConfigSubstitute(config, pat, FcMatchPattern);
  FcDefaultSubstitute(pat);
  FcResult result;
  FcPattern* match = FcFontMatch(config, pat, &result);
  std::string file;
  FcChar8* path = nullptr;
  if (match && FcPatternGetString(match, FC_FILE, 0, &path) == FcResultMatch)
    file = reinterpret_cast<const char*>(path);
  if (match) FcPatternDestroy(match);
  FcPatternDestroy(pat);
  FcConfigDestroy(config);
  return file;
}

FontAtlas::FontAtlas(const std::string& ttfPath) : info_(new FontInfo{}) {
  std::ifstream in(ttfPath, std::ios::binary);
  ttf_.assign(std::istreambuf_iterator<char>(in), {});
  if (ttf_.empty() ||
      !stbtt_InitFont(info_, ttf_.data(), stbtt_GetFontOffsetForIndex(ttf_.data(), 0))) {
    delete info_;
    throw std::runtime_error(fmt::format("{}: not a TrueType font stb_truetype can read", ttfPath));
  }
  baseScale_ = stbtt_ScaleForPixelHeight(info_, kBasePx);
  int ascent = 0, descent = 0, gap = 0;
  stbtt_GetFontVMetrics(info_, &ascent, &descent, &gap);
  ascent_ = ascent * baseScale_ / kBasePx;
  descent_ = descent * baseScale_ / kBasePx;
  lineGap_ = gap * baseScale_ / kBasePx;
  pixels_.assign(kAtlasSize * kAtlasSize, 0);
  for (int y = 0; y < kSolid; ++y)
    for (int x = 0; x < kSolid; ++x)
      pixels_[y * kAtlasSize + x] = 255;
  penX_ = kSolid + 1;
  for (char32_t c = 32; c < 127; ++c)
    glyph(c);
}

FontAtlas::~FontAtlas() {
  delete info_;
}

const FontAtlas::Glyph& FontAtlas::glyph(char32_t c) {
  if (auto it = glyphs_.find(c); it != glyphs_.end()) return it->second;
  int index = stbtt_FindGlyphIndex(info_, static_cast<int>(c));
  if (index == 0 && c != 0xfffd) return glyphs_[c] = glyph(0xfffd);
  int advance = 0, lsb = 0;
  stbtt_GetGlyphHMetrics(info_, index, &advance, &lsb);
  Glyph g{};
  g.advance = advance * baseScale_;
  int w = 0, h = 0, xoff = 0, yoff = 0;
  unsigned char* sdf = stbtt_GetGlyphSDF(info_, baseScale_, index, kPadding, kOnEdge, kDistScale,
                                         &w, &h, &xoff, &yoff);
  if (sdf) {
    if (penX_ + w + 1 > kAtlasSize) {
      penX_ = 0;
      penY_ += rowHeight_ + 1;
      rowHeight_ = 0;
    }
    if (penY_ + h + 1 <= kAtlasSize) {
      for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x)
          pixels_[(penY_ + y) * kAtlasSize + penX_ + x] = sdf[y * w + x];
      g = {static_cast<float>(penX_) / kAtlasSize,
           static_cast<float>(penY_) / kAtlasSize,
           static_cast<float>(penX_ + w) / kAtlasSize,
           static_cast<float>(penY_ + h) / kAtlasSize,
           static_cast<float>(xoff),
           static_cast<float>(yoff),
           static_cast<float>(w),
           static_cast<float>(h),
           g.advance};
      penX_ += w + 1;
      rowHeight_ = std::max(rowHeight_, h);
      dirty_ = true;
    }
    stbtt_FreeSDF(sdf, nullptr);
  }
  return glyphs_[c] = g;
}

float FontAtlas::measure(std::string_view s, float px) {
  float width = 0;
  for (std::size_t i = 0; i < s.size();)
    width += glyph(nextCodepoint(s, i)).advance;
  return width * px / kBasePx;
}

void FontAtlas::layout(std::string_view s, float px, float left, float top,
                       std::vector<GlyphQuad>& out) {
  const float k = px / kBasePx;
  const float baseline = top + ascent(px);
  float pen = left;
  for (std::size_t i = 0; i < s.size();) {
    const Glyph& g = glyph(nextCodepoint(s, i));
    if (g.w > 0) {
      const float x0 = pen + g.xoff * k, y0 = baseline + g.yoff * k;
      out.push_back({x0, y0, x0 + g.w * k, y0 + g.h * k, g.u0, g.v0, g.u1, g.v1});
    }
    pen += g.advance * k;
  }
}

GlyphQuad FontAtlas::solid(float x0, float y0, float x1, float y1) const {
  const float c = (kSolid / 2.0f) / kAtlasSize;
  return {x0, y0, x1, y1, c, c, c, c};
}

float FontAtlas::distancePerPixel(float px) const {
  return kDistScale / 255.0f * kBasePx / px;
}

void FontAtlas::bind() {
  if (!texture_) {
    texture_ = gl::makeTexture();
    glBindTexture(GL_TEXTURE_2D, texture_.id());
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
  }
  glBindTexture(GL_TEXTURE_2D, texture_.id());
  if (dirty_) {
    glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_R8, kAtlasSize, kAtlasSize, 0, GL_RED, GL_UNSIGNED_BYTE,
                 pixels_.data());
    dirty_ = false;
  }
}

}  // namespace idlib
