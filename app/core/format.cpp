#include "core/format.hpp"

#include <cctype>

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

}  // namespace idlib
