#include "render/font_atlas.hpp"

#include <fmt/format.h>
#include <fontconfig/fontconfig.h>
#include <stb_truetype.h>

#include <algorithm>
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

// A font file held in memory with stb_truetype's view of it.
struct FontAtlas::Face {
  std::string file;
  std::vector<unsigned char> ttf;
  stbtt_fontinfo info{};
  float scale = 1;  // stb scale for the base pixel size
};

namespace {

// fontconfig's handles, released in reverse order of creation.
struct FcConfigDeleter {
  void operator()(FcConfig* c) const { FcConfigDestroy(c); }
};
struct FcPatternDeleter {
  void operator()(FcPattern* p) const { FcPatternDestroy(p); }
};
struct FcFontSetDeleter {
  void operator()(FcFontSet* s) const { FcFontSetDestroy(s); }
};

std::unique_ptr<FcPattern, FcPatternDeleter> substitutedPattern(FcConfig* config,
                                                                const std::string& pattern) {
  std::unique_ptr<FcPattern, FcPatternDeleter> pat(
      FcNameParse(reinterpret_cast<const FcChar8*>(pattern.c_str())));
  if (!pat) return pat;
  FcConfigSubstitute(config, pat.get(), FcMatchPattern);
  FcDefaultSubstitute(pat.get());
  return pat;
}

}  // namespace

std::string FontAtlas::findFontFile(const std::string& pattern) {
  const std::unique_ptr<FcConfig, FcConfigDeleter> config(FcInitLoadConfigAndFonts());
  const auto pat = substitutedPattern(config.get(), pattern);
  if (!pat) return {};
  FcResult result;
  const std::unique_ptr<FcPattern, FcPatternDeleter> match(
      FcFontMatch(config.get(), pat.get(), &result));
  FcChar8* path = nullptr;
  if (match && FcPatternGetString(match.get(), FC_FILE, 0, &path) == FcResultMatch)
    return reinterpret_cast<const char*>(path);
  return {};
}

std::vector<FontAtlas::Coverage> FontAtlas::fontsCovering(const std::string& pattern,
                                                          const std::vector<char32_t>& wanted) {
  const std::unique_ptr<FcConfig, FcConfigDeleter> config(FcInitLoadConfigAndFonts());
  const auto pat = substitutedPattern(config.get(), pattern);
  if (!pat) return {};
  FcResult result;
  // fontconfig's own fallback order for the pattern: the fonts a desktop would substitute.
  const std::unique_ptr<FcFontSet, FcFontSetDeleter> fonts(
      FcFontSort(config.get(), pat.get(), FcFalse, nullptr, &result));
  std::vector<Coverage> out;
  if (!fonts) return out;
  for (const char32_t c : wanted)
    for (int i = 0; i < fonts->nfont; ++i) {
      FcCharSet* charset = nullptr;
      FcChar8* file = nullptr;
      if (FcPatternGetCharSet(fonts->fonts[i], FC_CHARSET, 0, &charset) != FcResultMatch ||
          !FcCharSetHasChar(charset, c) ||
          FcPatternGetString(fonts->fonts[i], FC_FILE, 0, &file) != FcResultMatch)
        continue;
      const std::string path = reinterpret_cast<const char*>(file);
      auto it = std::find_if(out.begin(), out.end(), [&](const auto& f) { return f.file == path; });
      if (it == out.end()) it = out.insert(out.end(), {path, {}});
      it->codepoints.push_back(c);
      break;
    }
  return out;
}

FontAtlas::FontAtlas(const std::string& ttfPath, std::string fallbackPattern)
    : fallbackPattern_(std::move(fallbackPattern)) {
  const Face* main = loadFace(ttfPath);
  if (!main)
    throw std::runtime_error(fmt::format("{}: not a TrueType font stb_truetype can read", ttfPath));
  int ascent = 0, descent = 0, gap = 0;
  stbtt_GetFontVMetrics(&main->info, &ascent, &descent, &gap);
  ascent_ = ascent * main->scale / kBasePx;
  descent_ = descent * main->scale / kBasePx;
  lineGap_ = gap * main->scale / kBasePx;
  pixels_.assign(kAtlasSize * kAtlasSize, 0);
  for (int y = 0; y < kSolid; ++y)
    for (int x = 0; x < kSolid; ++x)
      pixels_[y * kAtlasSize + x] = 255;
  penX_ = kSolid + 1;
}

FontAtlas::~FontAtlas() = default;

FontAtlas::Face* FontAtlas::loadFace(const std::string& file) {
  for (const auto& face : faces_)
    if (face->file == file) return face.get();
  auto face = std::make_unique<Face>();
  face->file = file;
  std::ifstream in(file, std::ios::binary);
  face->ttf.assign(std::istreambuf_iterator<char>(in), {});
  const int offset = face->ttf.empty() ? -1 : stbtt_GetFontOffsetForIndex(face->ttf.data(), 0);
  if (offset < 0 || !stbtt_InitFont(&face->info, face->ttf.data(), offset)) return nullptr;
  face->scale = stbtt_ScaleForPixelHeight(&face->info, kBasePx);
  faces_.push_back(std::move(face));
  return faces_.back().get();
}

std::pair<FontAtlas::Face*, int> FontAtlas::faceFor(char32_t c) {
  for (const auto& face : faces_)
    if (const int index = stbtt_FindGlyphIndex(&face->info, static_cast<int>(c)))
      return {face.get(), index};
  // Not in any font loaded yet: ask fontconfig once for this code point.
  for (const Coverage& font : fontsCovering(fallbackPattern_, {c}))
    if (Face* face = loadFace(font.file))
      if (const int index = stbtt_FindGlyphIndex(&face->info, static_cast<int>(c)))
        return {face, index};
  return {nullptr, 0};
}

bool FontAtlas::draws(char32_t c) {
  return faceFor(c).first != nullptr;
}

const FontAtlas::Glyph& FontAtlas::glyph(char32_t c) {
  if (auto it = glyphs_.find(c); it != glyphs_.end()) return it->second;
  const auto [face, index] = faceFor(c);
  if (!face && c != 0xfffd) return glyphs_[c] = glyph(0xfffd);
  if (!face) return glyphs_[c] = Glyph{};
  int advance = 0, lsb = 0;
  stbtt_GetGlyphHMetrics(&face->info, index, &advance, &lsb);
  Glyph g{};
  g.advance = advance * face->scale;
  int w = 0, h = 0, xoff = 0, yoff = 0;
  unsigned char* sdf = stbtt_GetGlyphSDF(&face->info, face->scale, index, kPadding, kOnEdge,
                                         kDistScale, &w, &h, &xoff, &yoff);
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
