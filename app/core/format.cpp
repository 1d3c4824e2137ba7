#include "core/format.hpp"

#include <algorithm>
#include <cctype>
#include <iterator>
#include <optional>

#include "core/date.hpp"

namespace idlib {

std::string withThousands(long long n) {
  const std::string digits = std::to_string(n < 0 ? -n : n);
  std::string out = n < 0 ? "-" : "";
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front())))
    s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back())))
    s.remove_suffix(1);
  return s;
}

std::vector<std::string> splitList(std::string_view s, char separator) {
  std::vector<std::string> out;
  while (!s.empty()) {
    const auto end = s.find(separator);
    const auto item = trim(s.substr(0, end));
    if (!item.empty()) out.emplace_back(item);
    if (end == std::string_view::npos) break;
    s.remove_prefix(end + 1);
  }
  return out;
}

std::string eventListSummary(std::size_t shown, std::size_t total) {
  if (total == 0) return "No events loaded";
  if (shown == 0) return "No events match the filter";
  const std::string all = withThousands(static_cast<long long>(total)) + " events";
  if (shown == total) return all;
  return withThousands(static_cast<long long>(shown)) + " of " + all;
}

namespace {

bool isHexHash(std::string_view s) {
  return s.size() >= 8 && s.find_first_not_of("0123456789abcdefABCDEF") == std::string_view::npos;
}

// "seeds/004_e78f9370a36171e7.txt" -> "Article 004"; "/a/b/reference-facts.csv" ->
// "reference facts"; anything that is not a file name (a word, a web address) -> nothing.
std::optional<std::string> fileCitation(std::string_view token) {
  if (token.find("://") != std::string_view::npos || token.starts_with("www.")) return std::nullopt;
  const std::string_view name = token.substr(token.find_last_of('/') + 1);
  const auto dot = name.find_last_of('.');
  if (dot == std::string_view::npos || dot == 0) return std::nullopt;
  const std::string_view extension = name.substr(dot + 1);
  constexpr std::string_view kFileKinds[] = {"txt", "csv",  "json", "geojson",
                                             "md",  "gpkg", "story"};
  if (std::find(std::begin(kFileKinds), std::end(kFileKinds), extension) == std::end(kFileKinds))
    return std::nullopt;
  const std::string_view stem = name.substr(0, dot);
  if (const auto underscore = stem.find('_');
      underscore != std::string_view::npos && underscore > 0 &&
      std::all_of(stem.begin(), stem.begin() + underscore,
                  [](char c) { return std::isdigit(static_cast<unsigned char>(c)); }) &&
      isHexHash(stem.substr(underscore + 1)))
    return "Article " + std::string(stem.substr(0, underscore));
  std::string readable(stem);
  std::replace_if(
      readable.begin(), readable.end(), [](char c) { return c == '-' || c == '_'; }, ' ');
  return readable;
}

// One part of a source, its file names made readable; an article's "(2020-02-03)" as a long date.
std::string citePart(std::string_view part) {
  std::string out;
  bool article = false;
  while (!part.empty()) {
    const auto space = part.find(' ');
    std::string_view token = part.substr(0, space);
    // Punctuation around a file name stays: "(via reference-facts.csv)".
    const auto first = token.find_first_not_of("(['\"");
    const auto last = token.find_last_not_of(")],;:'\"");
    std::string piece(token);
    if (first != std::string_view::npos && last != std::string_view::npos && first <= last) {
      if (const auto file = fileCitation(token.substr(first, last - first + 1))) {
        piece = std::string(token.substr(0, first)) + *file + std::string(token.substr(last + 1));
        article = file->starts_with("Article ");
      } else if (const auto day = parseDate(token.substr(first, last - first + 1));
                 day && article && token.front() == '(') {
        piece = std::string(token.substr(0, first)) + formatDateLong(*day) +
                std::string(token.substr(last + 1));
        article = false;
      } else {
        article = false;
      }
    }
    if (!out.empty()) out += ' ';
    out += piece;
    if (space == std::string_view::npos) break;
    part.remove_prefix(space + 1);
  }
  return out;
}

}  // namespace

std::string citationFor(std::string_view source) {
  std::string out;
  for (const std::string& part : splitList(source, ';')) {
    if (!out.empty()) out += "; ";
    out += citePart(part);
  }
  return out;
}

}  // namespace idlib
