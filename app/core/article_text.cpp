#include "core/article_text.hpp"

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <memory>

namespace idlib {
namespace {

bool isSpace(char c) {
  return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f';
}

// `text` as UTF-16 with, for each UTF-16 index (and one past the end), its UTF-8 byte offset.
struct Utf16Text {
  icu::UnicodeString string;
  std::vector<std::size_t> byteOf;
};
Utf16Text toUtf16(std::string_view text, std::size_t base) {
  Utf16Text out;
  out.byteOf.reserve(text.size() + 1);
  std::size_t i = 0;
  while (i < text.size()) {
    const auto c = static_cast<unsigned char>(text[i]);
    std::size_t length = c < 0x80 ? 1 : c >> 5 == 6 ? 2 : c >> 4 == 14 ? 3 : c >> 3 == 30 ? 4 : 1;
    if (i + length > text.size()) length = 1;
    UChar32 cp = c;
    if (length > 1) {
      cp = c & (0x7f >> length);
      for (std::size_t k = 1; k < length; ++k) {
        const auto cc = static_cast<unsigned char>(text[i + k]);
        if ((cc & 0xc0) != 0x80) {
          length = 1;
          cp = 0xfffd;
          break;
        }
        cp = (cp << 6) | (cc & 0x3f);
      }
    } else if (c >= 0x80) {
      cp = 0xfffd;  // a stray byte: one replacement character, still mapped
    }
    if (cp > 0x10ffff || U_IS_SURROGATE(cp)) cp = 0xfffd;  // ICU would drop it: spans would shift
    out.string.append(cp);
    const int units = U16_LENGTH(cp);
    for (int u = 0; u < units; ++u)
      out.byteOf.push_back(base + i);
    i += length;
  }
  out.byteOf.push_back(base + text.size());
  return out;
}

std::unique_ptr<icu::BreakIterator> breakIterator(bool sentences, const icu::UnicodeString& s) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::BreakIterator> it(
      sentences ? icu::BreakIterator::createSentenceInstance(icu::Locale::getEnglish(), status)
                : icu::BreakIterator::createWordInstance(icu::Locale::getEnglish(), status));
  if (U_FAILURE(status)) return nullptr;
  it->setText(s);
  return it;
}

struct Entity {
  std::string_view name, utf8;
};
constexpr std::array<Entity, 12> kEntities = {{{"amp", "&"},
                                               {"lt", "<"},
                                               {"gt", ">"},
                                               {"quot", "\""},
                                               {"apos", "'"},
                                               {"nbsp", " "},
                                               {"rsquo", "\xe2\x80\x99"},
                                               {"lsquo", "\xe2\x80\x98"},
                                               {"rdquo", "\xe2\x80\x9d"},
                                               {"ldquo", "\xe2\x80\x9c"},
                                               {"mdash", "\xe2\x80\x94"},
                                               {"ndash", "\xe2\x80\x93"}}};

bool blockTag(std::string_view tag) {
  static constexpr std::array<std::string_view, 14> kBlocks = {
      "p",  "br", "div", "li", "h1",    "h2",      "h3",
      "h4", "h5", "h6",  "tr", "title", "section", "article"};
  std::string name;
  for (char c : tag) {
    if (c == '/' && name.empty()) continue;
    if (!std::isalnum(static_cast<unsigned char>(c))) break;
    name += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return std::find(kBlocks.begin(), kBlocks.end(), name) != kBlocks.end();
}

bool startsWithNoCase(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(s[i])) != prefix[i]) return false;
  return true;
}

}  // namespace

bool looksLikeHtml(std::string_view bytes) {
  const std::string_view head = bytes.substr(0, 2048);
  for (std::string_view marker : {"<!doctype html", "<html", "<body", "<p>", "<div", "<head"})
    for (std::size_t i = head.find('<'); i != std::string_view::npos; i = head.find('<', i + 1))
      if (startsWithNoCase(head.substr(i), marker)) return true;
  return false;
}

ArticleText plainArticle(std::string_view bytes) {
  ArticleText a;
  a.text.assign(bytes);
  a.offset.resize(bytes.size() + 1);
  for (std::size_t i = 0; i <= bytes.size(); ++i)
    a.offset[i] = static_cast<std::uint32_t>(i);
  return a;
}

ArticleText htmlArticle(std::string_view html) {
  ArticleText a;
  auto emit = [&](std::string_view s, std::size_t from) {
    for (char c : s) {
      a.text += c;
      a.offset.push_back(static_cast<std::uint32_t>(from));
    }
  };
  std::size_t i = 0;
  while (i < html.size()) {
    const char c = html[i];
    if (c == '<') {
      const std::string_view rest = html.substr(i);
      std::size_t end;
      if (rest.starts_with("<!--")) {
        end = html.find("-->", i);
        end = end == std::string_view::npos ? html.size() : end + 3;
      } else if (startsWithNoCase(rest, "<script") || startsWithNoCase(rest, "<style")) {
        const std::string_view close = startsWithNoCase(rest, "<script") ? "</script" : "</style";
        std::size_t k = i + 1;
        while (k < html.size() && !startsWithNoCase(html.substr(k), close))
          ++k;
        end = html.find('>', k);
        end = end == std::string_view::npos ? html.size() : end + 1;
      } else {
        end = html.find('>', i);
        end = end == std::string_view::npos ? html.size() : end + 1;
        if (blockTag(html.substr(i + 1, end - i - 1))) emit("\n", i);
      }
      i = end;
    } else if (c == '&') {
      const std::size_t near = html.substr(i, 10).find(';');  // entities are short: no scan
      const std::size_t semi = near == std::string_view::npos ? near : i + near;
      bool decoded = false;
      if (semi != std::string_view::npos && semi - i <= 8) {
        const std::string_view name = html.substr(i + 1, semi - i - 1);
        for (const Entity& e : kEntities)
          if (name == e.name) {
            emit(e.utf8, i);
            decoded = true;
          }
        if (!decoded && name == "#39") {
          emit("'", i);
          decoded = true;
        }
      }
      if (decoded) {
        i = semi + 1;
      } else {
        emit("&", i);
        ++i;
      }
    } else {
      emit(std::string_view(&html[i], 1), i);
      ++i;
    }
  }
  a.offset.push_back(static_cast<std::uint32_t>(html.size()));
  return a;
}

std::vector<TextSpan> sentencesOf(std::string_view text) {
  std::vector<TextSpan> out;
  const Utf16Text u = toUtf16(text, 0);
  auto it = breakIterator(true, u.string);
  if (!it) return {{0, text.size()}};
  for (int32_t start = it->first(), end = it->next(); end != icu::BreakIterator::DONE;
       start = end, end = it->next()) {
    std::size_t b = u.byteOf[start], e = u.byteOf[end];
    while (b < e && isSpace(text[b]))
      ++b;
    while (e > b && isSpace(text[e - 1]))
      --e;
    if (b < e) out.push_back({b, e});
  }
  return out;
}

std::vector<Word> wordsOf(std::string_view text, TextSpan within) {
  std::vector<Word> out;
  const std::string_view part = text.substr(within.begin, within.end - within.begin);
  const Utf16Text u = toUtf16(part, within.begin);
  auto it = breakIterator(false, u.string);
  if (!it) return out;
  for (int32_t start = it->first(), end = it->next(); end != icu::BreakIterator::DONE;
       start = end, end = it->next()) {
    if (it->getRuleStatus() == UBRK_WORD_NONE) continue;
    Word w;
    w.span = {u.byteOf[start], u.byteOf[end]};
    const UChar32 first = u.string.char32At(start);
    // Scripts without case (Arabic) count as capitalised: their names are names too.
    w.capital = u_isupper(first) || u_istitle(first) ||
                (u_isalpha(first) && !u_hasBinaryProperty(first, UCHAR_CASED));
    w.numeric = u_isdigit(first) != 0;
    out.push_back(w);
  }
  return out;
}

}  // namespace idlib
