#pragma once
// Text for the map: glyphs rendered once as signed distance fields (stb_truetype) into one
// texture, so any size stays crisp and labels get a halo for free. Glyphs are added on first use;
// one the font lacks comes from the font fontconfig falls back on for it.
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "render/gl_objects.hpp"

namespace idlib {

struct GlyphQuad {
  float x0, y0, x1, y1;  // pixels
  float u0, v0, u1, v1;
};

class FontAtlas {
 public:
  // Asks fontconfig for a font file matching `pattern` (e.g. "DejaVu Sans:bold").
  static std::string findFontFile(const std::string& pattern);
  // The fonts fontconfig falls back on for `pattern`, best first, each with the code points of
  // `wanted` that it is the best to draw; code points no font has are left out.
  struct Coverage {
    std::string file;
    std::vector<char32_t> codepoints;
  };
  static std::vector<Coverage> fontsCovering(const std::string& pattern,
                                             const std::vector<char32_t>& wanted);

  // Throws when the file is not a usable font. Glyphs it lacks come from fontconfig's fallbacks
  // for `fallbackPattern`.
  explicit FontAtlas(const std::string& ttfPath, std::string fallbackPattern = "DejaVu Sans");
  ~FontAtlas();
  FontAtlas(const FontAtlas&) = delete;
  FontAtlas& operator=(const FontAtlas&) = delete;

  float measure(std::string_view utf8, float px);
  float ascent(float px) const { return ascent_ * px; }
  float lineHeight(float px) const { return (ascent_ - descent_ + lineGap_) * px; }
  // Quads for `utf8` with the top of its line box at `top` and the pen starting at `left`.
  void layout(std::string_view utf8, float px, float left, float top, std::vector<GlyphQuad>& out);
  // A quad filled solid (the atlas keeps an opaque block), for bars and panels.
  GlyphQuad solid(float x0, float y0, float x1, float y1) const;
  // Binds the atlas texture, uploading new glyphs first.
  void bind();
  // The distance-field units per pixel at size `px`, for halo widths.
  float distancePerPixel(float px) const;
  // Whether some font draws `c` (else it shows as the replacement mark).
  bool draws(char32_t c);

 private:
  struct Glyph {
    float u0, v0, u1, v1;
    float xoff, yoff, w, h;  // at the base size, pixels
    float advance;
  };
  struct Face;
  const Glyph& glyph(char32_t c);
  // The loaded face that has `c` (the main one first, then fallbacks), or none.
  std::pair<Face*, int> faceFor(char32_t c);
  Face* loadFace(const std::string& file);

  std::string fallbackPattern_;
  std::vector<std::unique_ptr<Face>> faces_;      // [0] is the main font
  float ascent_ = 0, descent_ = 0, lineGap_ = 0;  // per pixel of size
  std::unordered_map<char32_t, Glyph> glyphs_;
  std::vector<std::uint8_t> pixels_;
  int penX_ = 0, penY_ = 0, rowHeight_ = 0;
  bool dirty_ = true;
  gl::Texture texture_;
};

}  // namespace idlib
