#include "core/csv_quotes.hpp"

#include <array>

namespace idlib {
namespace {

// The scan's state between blocks.
class QuoteScanner {
 public:
  void feed(std::string_view block) {
    for (const char c : block) {
      if (c == '"') {
        quoted_ = !quoted_;
        if (quoted_) openLine_ = line_, newlinesSinceOpen_ = 0;
      } else if (c == '\n') {
        ++line_;
        ++newlinesSinceOpen_;
      }
      last_ = c;
    }
  }
  std::optional<UnclosedQuote> result() const {
    if (!quoted_) return std::nullopt;
    // A final line end closes the last line; it does not begin another.
    const long after = newlinesSinceOpen_ - (last_ == '\n' ? 1 : 0);
    return UnclosedQuote{openLine_, after};
  }

 private:
  bool quoted_ = false;
  long line_ = 1, openLine_ = 0, newlinesSinceOpen_ = 0;
  char last_ = 0;
};

}  // namespace

std::optional<UnclosedQuote> findUnclosedQuote(std::istream& in) {
  QuoteScanner scanner;
  std::array<char, 64 * 1024> block;  // filled by read(); only gcount() bytes are used
  while (in) {
    in.read(block.data(), block.size());
    scanner.feed({block.data(), static_cast<std::size_t>(in.gcount())});
  }
  return scanner.result();
}

std::optional<UnclosedQuote> findUnclosedQuote(std::string_view text) {
  QuoteScanner scanner;
  scanner.feed(text);
  return scanner.result();
}

}  // namespace idlib
