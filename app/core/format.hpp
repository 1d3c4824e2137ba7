#pragma once
// Small text helpers shared by the parsers and the UI.
#include <string>
#include <string_view>
#include <vector>

namespace idlib {

// 948000 -> "948,000": figures as people read them, whatever the process locale.
std::string withThousands(long long n);

// Without the white space at either end.
std::string_view trim(std::string_view s);
// "a, b,,c" -> {"a", "b", "c"}: items between `separator`s, trimmed, empty ones dropped.
std::vector<std::string> splitList(std::string_view s, char separator);

}  // namespace idlib
