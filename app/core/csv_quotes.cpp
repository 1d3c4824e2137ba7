#include "core/csv_quotes.hpp"

#include <array>
#include <charconv>
#include <cstring>

#include "core/file_scan.hpp"

namespace idlib {
namespace {

// The scan's state between blocks.
class QuoteScanner {
 public:
  // memchr finds the quotes and line ends at memory speed: a loop over every byte took half a
  // second of a million-row table's first open (issue 12).
  void feed(std::string_view block) {
    const char* at = block.data();
    const char* const end = at + block.size();
    while (at < end) {
      const char* quote =
          static_cast<const char*>(std::memchr(at, '"', static_cast<std::size_t>(end - at)));
      if (!quote) quote = end;
      for (const char* lineEnd; (lineEnd = static_cast<const char*>(
                                     std::memchr(at, '\n', static_cast<std::size_t>(quote - at))));
           at = lineEnd + 1) {
        ++line_;
        ++newlinesSinceOpen_;
      }
      if (quote == end) break;
      quoted_ = !quoted_;
      if (quoted_) openLine_ = line_, newlinesSinceOpen_ = 0;
      at = quote + 1;
    }
    if (!block.empty()) last_ = block.back();
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

std::optional<UnclosedQuote> findUnclosedQuoteInFile(const std::string& path) {
  QuoteScanner scanner;
  scanFile(path, [&](std::string_view block) {
    scanner.feed(block);
    return false;
  });
  return scanner.result();
}

std::optional<UnclosedQuote> findUnclosedQuote(std::string_view text) {
  QuoteScanner scanner;
  scanner.feed(text);
  return scanner.result();
}

namespace {

// The boundary scan's state between blocks: inside quotes or not, and the record so far.
class RecordScanner {
 public:
  explicit RecordScanner(std::uint64_t from) : from_(from) {}

  // Scans `block` (the text's next bytes); true once the boundary is found.
  bool feed(std::string_view block) {
    const char* at = block.data();
    const char* const end = at + block.size();
    // The next quote, found once for all the line ends before it (a search per line would
    // scan the rest of the block again for every line of a file without quotes).
    const char* quote = nullptr;
    while (at < end) {
      if (!quote || quote < at) {
        quote = static_cast<const char*>(std::memchr(at, '"', static_cast<std::size_t>(end - at)));
        if (!quote) quote = end;
      }
      if (quoted_) {  // a line end here continues the field
        take(at, quote == end ? end : quote + 1);
        quoted_ = quote == end;
        continue;
      }
      const char* lineEnd =
          static_cast<const char*>(std::memchr(at, '\n', static_cast<std::size_t>(quote - at)));
      if (!lineEnd) {
        take(at, quote == end ? end : quote + 1);
        quoted_ = quote != end;
        continue;
      }
      take(at, lineEnd);
      // GDAL drops the line end (and a carriage return before it) and skips what is left empty.
      if (recordBytes_ > (lastIsReturn_ ? 1u : 0u)) ++records_;
      recordBytes_ = 0;
      lastIsReturn_ = false;
      at = lineEnd + 1;
      if (offset(block, at) >= from_) {
        boundary_ = RecordBoundary{offset(block, at), records_};
        return true;
      }
    }
    scanned_ += block.size();
    return false;
  }
  std::optional<RecordBoundary> boundary() const { return boundary_; }

 private:
  void take(const char*& at, const char* to) {
    if (to > at) lastIsReturn_ = to[-1] == '\r';
    recordBytes_ += static_cast<std::uint64_t>(to - at);
    at = to;
  }
  std::uint64_t offset(std::string_view block, const char* at) const {
    return scanned_ + static_cast<std::uint64_t>(at - block.data());
  }

  std::uint64_t from_, scanned_ = 0, recordBytes_ = 0;
  long records_ = 0;
  bool quoted_ = false, lastIsReturn_ = false;
  std::optional<RecordBoundary> boundary_;
};

}  // namespace

std::optional<RecordBoundary> findRecordBoundary(std::istream& in, std::uint64_t from) {
  RecordScanner scanner(from);
  std::array<char, 64 * 1024> block;
  while (in) {
    in.read(block.data(), block.size());
    if (scanner.feed({block.data(), static_cast<std::size_t>(in.gcount())})) break;
  }
  return scanner.boundary();
}

std::optional<RecordBoundary> findRecordBoundaryInFile(const std::string& path,
                                                       std::uint64_t from) {
  RecordScanner scanner(from);
  scanFile(path, [&](std::string_view block) { return scanner.feed(block); });
  return scanner.boundary();
}

bool separatedByCommas(std::string_view line) {
  if (line.find('\t') != std::string_view::npos) return false;
  bool quoted = false;
  for (const char c : line) {
    if (c == '"') quoted = !quoted;
    if (c == ',' && !quoted) return true;
  }
  return false;
}

std::string csvField(std::string_view text) {
  double number = 0;
  const auto parsed = std::from_chars(text.data(), text.data() + text.size(), number);
  const bool plainNumber =
      !text.empty() && parsed.ec == std::errc() && parsed.ptr == text.data() + text.size();
  std::string s(text);
  if (!s.empty() && !plainNumber &&
      std::string_view("=+-@\t\r").find(s[0]) != std::string_view::npos)
    s.insert(0, "'");
  if (s.find_first_of(",\"\n\r") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s)
    out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

std::vector<std::string> csvCells(std::string_view line) {
  std::vector<std::string> cells(1);
  bool quoted = false;
  for (std::size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (quoted && c == '"' && i + 1 < line.size() && line[i + 1] == '"') {
      cells.back() += '"';
      ++i;
    } else if (c == '"') {
      quoted = !quoted;
    } else if (c == ',' && !quoted) {
      cells.emplace_back();
    } else if (c != '\r' || quoted) {
      cells.back() += c;
    }
  }
  return cells;
}

}  // namespace idlib
