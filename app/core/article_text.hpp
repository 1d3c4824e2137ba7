#pragma once
// The text an article extractor reads: plain UTF-8 as it is, or HTML with its tags stripped, with
// every byte of the text mapped back to its offset in the file (provenance is file offsets), and
// ICU's sentence and word boundaries as byte spans.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace idlib {

// A byte span [begin, end) into ArticleText::text.
struct TextSpan {
  std::size_t begin = 0, end = 0;
  bool operator==(const TextSpan&) const = default;
};

struct ArticleText {
  std::string text;                   // what the extractor reads
  std::vector<std::uint32_t> offset;  // text byte i comes from file byte offset[i]; size text+1

  std::size_t fileOffset(std::size_t textIndex) const { return offset[textIndex]; }
  std::string_view view(TextSpan s) const {
    return std::string_view(text).substr(s.begin, s.end - s.begin);
  }
};

// A word as ICU's word iterator finds it (letters or digits; punctuation and spaces are skipped).
struct Word {
  TextSpan span;
  bool numeric = false;  // all digits (with , or . inside)
  bool capital = false;  // starts with an upper-case letter
};

bool looksLikeHtml(std::string_view bytes);
// The file's bytes as the text, offsets one to one.
ArticleText plainArticle(std::string_view bytes);
// Tags, comments, <script> and <style> removed, block tags made line breaks, the common entities
// decoded; each text byte keeps the file offset it came from.
ArticleText htmlArticle(std::string_view html);
// Sentences (ICU's sentence break iterator), trimmed of surrounding white space; empty ones
// dropped.
std::vector<TextSpan> sentencesOf(std::string_view text);
// The words of `within` (ICU's word break iterator).
std::vector<Word> wordsOf(std::string_view text, TextSpan within);

}  // namespace idlib
