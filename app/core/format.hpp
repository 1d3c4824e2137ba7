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
// "a, b,,c" -> {"a", "b", "c"}: items between `separator`s, trimmed, empty ones dropped.
std::vector<std::string> splitList(std::string_view s, char separator);

}  // namespace idlib
