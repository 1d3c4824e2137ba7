#pragma once
// Small text helpers shared by the parsers and the UI.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace idlib {

// 948000 -> "948,000": figures as people read them, whatever the process locale.
std::string withThousands(long long n);

// Above the event list: "12 of 412 events", or "No events match the filter" so that an empty
// list never looks like a list still loading.
std::string eventListSummary(std::size_t shown, std::size_t total);

// Without the white space at either end.
std::string_view trim(std::string_view s);
// A source as the audience reads it: "seeds/004_e78f9370a36171e7.txt (2020-02-03) ; Reuters,
// 'Title', 2020-02-03" -> "Article 004 (3 February 2020); Reuters, 'Title', 2020-02-03". Article
// files become "Article NNN", other file names or paths (absolute ones too) a readable name
// ("reference facts"); outlets, titles and web addresses stay. The file names themselves are for
// the analyst's Details panel.
std::string citationFor(std::string_view source);

// "a, b,,c" -> {"a", "b", "c"}: items between `separator`s, trimmed, empty ones dropped.
std::vector<std::string> splitList(std::string_view s, char separator);

}  // namespace idlib
