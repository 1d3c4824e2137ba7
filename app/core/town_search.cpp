#include "core/town_search.hpp"

#include <unicode/translit.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <mutex>

namespace idlib {
namespace {

// ICU transliterators are expensive to create; one, guarded, serves the whole process.
std::string toAscii(std::string_view utf8) {
  static std::mutex mutex;
  static std::unique_ptr<icu::Transliterator> transliterator = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::Transliterator> t(
        icu::Transliterator::createInstance("Any-Latin; Latin-ASCII", UTRANS_FORWARD, status));
    return U_SUCCESS(status) ? std::move(t) : nullptr;
  }();
  icu::UnicodeString text = icu::UnicodeString::fromUTF8(
      icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
  if (transliterator) {
    std::lock_guard lock(mutex);
    transliterator->transliterate(text);
  }
  std::string out;
  text.toUTF8String(out);
  return out;
}

bool isVowel(char c) {
  return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y';
}

constexpr std::array<std::string_view, 14> kArticles = {"al", "el", "an",  "ash", "as", "at", "ad",
                                                        "ar", "az", "ath", "adh", "ul", "en", "es"};

std::string compact(std::string_view folded) {
  std::string out;
  for (char c : folded)
    if (c != ' ') out += c;
  return out;
}

}  // namespace

std::string foldName(std::string_view utf8) {
  const std::string ascii = toAscii(utf8);
  std::string out;
  bool space = false;
  for (char raw : ascii) {
    const auto c = static_cast<unsigned char>(raw);
    if (c == '\'' || c == '`' || c == '"') continue;  // ‘ayn and hamza marks are not letters
    if (std::isalnum(c)) {
      if (space && !out.empty()) out += ' ';
      out += static_cast<char>(std::tolower(c));
      space = false;
    } else {
      space = true;
    }
  }
  return out;
}

std::string nameSkeleton(std::string_view folded) {
  std::string out;
  std::size_t start = 0;
  while (start <= folded.size()) {
    std::size_t end = folded.find(' ', start);
    if (end == std::string_view::npos) end = folded.size();
    std::string_view word = folded.substr(start, end - start);
    start = end + 1;
    if (std::find(kArticles.begin(), kArticles.end(), word) != kArticles.end()) continue;
    // A final "h" after a vowel is the ta marbuta, written or not: Atmeh / Atme, Ariha / Arihah.
    if (word.size() > 2 && word.back() == 'h' && isVowel(word[word.size() - 2]))
      word.remove_suffix(1);
    for (char c : word) {
      if (isVowel(c)) continue;
      if (!out.empty() && out.back() == c) continue;
      out += c;
    }
  }
  return out;
}

TownSearch::TownSearch(std::vector<SearchEntry> entries) : entries_(std::move(entries)) {
  for (std::size_t i = 0; i < entries_.size(); ++i) {
    for (const auto& spelling : entries_[i].spellings) {
      std::string folded = foldName(spelling);
      if (folded.empty()) continue;
      std::string skeleton = nameSkeleton(folded);
      keys_.push_back({i, spelling, folded, compact(folded), std::move(skeleton)});
    }
  }
}

TownSearch::~TownSearch() = default;

std::vector<SearchHit> TownSearch::find(std::string_view query, std::size_t maxHits) const {
  const std::string folded = foldName(query);
  if (folded.empty()) return {};
  const std::string qCompact = compact(folded);
  const std::string skeleton = nameSkeleton(folded);

  std::vector<SearchHit> best(entries_.size());  // best hit per entry
  for (const auto& key : keys_) {
    int quality = 0;
    if (key.compact == qCompact)
      quality = 100;
    else if (key.compact.starts_with(qCompact))
      quality = 80;
    else if (skeleton.size() >= 2 && key.skeleton == skeleton)
      quality = 70;
    else if (skeleton.size() >= 3 && key.skeleton.starts_with(skeleton))
      quality = 50;
    else if (qCompact.size() >= 3 && key.compact.find(qCompact) != std::string::npos)
      quality = 30;
    if (quality > best[key.entry].quality) best[key.entry] = {key.entry, key.spelling, quality};
  }
  std::vector<SearchHit> hits;
  for (auto& h : best)
    if (h.quality > 0) hits.push_back(std::move(h));
  std::sort(hits.begin(), hits.end(), [&](const SearchHit& a, const SearchHit& b) {
    if (a.quality != b.quality) return a.quality > b.quality;
    return entries_[a.entry].rank > entries_[b.entry].rank;
  });
  if (hits.size() > maxHits) hits.resize(maxHits);
  return hits;
}

}  // namespace idlib
