#include "core/accepted_events.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <vector>

#include "core/atomic_file.hpp"
#include "core/csv_quotes.hpp"
#include "core/date.hpp"

namespace idlib {
namespace {

constexpr std::uintmax_t kMaxEventsFileBytes = 64u << 20;
constexpr std::size_t kMaxQuotedBytes = 4000;

std::string count(const std::optional<double>& v) {
  return v ? fmt::format("{}", static_cast<long long>(*v)) : std::string();
}

// The reader knows day, week, month and year: a longer period is dated by its end, to the year
// (or the month when it is no longer), and the basis says which words gave it.
std::string_view precisionForReader(const Candidate& c) {
  if (c.precision != MentionPrecision::Period) return mentionPrecisionName(c.precision);
  return c.first && c.last && *c.last - *c.first <= 31 ? "month" : "year";
}

Day rowDate(const Candidate& c) {
  return c.precision == MentionPrecision::Period && c.last ? *c.last : *c.first;
}

// "report 6 Feb.txt" -> "report-6-Feb": ids stay one word whatever the file is called.
std::string idStem(std::string_view articlePath) {
  std::string stem = std::filesystem::path(articlePath).stem().string();
  for (char& ch : stem)
    if (!std::isalnum(static_cast<unsigned char>(ch))) ch = '-';
  return stem.empty() ? "article" : stem.substr(0, 40);
}

std::string readWhole(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return std::move(bytes).str();
}

constexpr std::string_view kDecisionsHeader = "article,span_start,span_end,decision,event_id\n";

// Appends `row` to a table whose first line must be `header` (written when the file is new).
std::optional<std::string> appendRow(const std::filesystem::path& file, std::string_view header,
                                     std::string_view row, std::string_view what) {
  std::error_code ec;
  std::string content;
  if (std::filesystem::exists(file, ec)) {
    if (!std::filesystem::is_regular_file(file, ec))
      return fmt::format("{}: not a file; name a CSV file", file.string());
    if (std::filesystem::file_size(file, ec) > kMaxEventsFileBytes)
      return fmt::format("{}: over 64 MB; name a new file", file.string());
    content = readWhole(file);
    std::string_view firstLine = std::string_view(content).substr(0, content.find('\n'));
    if (firstLine.ends_with('\r')) firstLine.remove_suffix(1);
    if (!content.empty() && firstLine != header.substr(0, header.size() - 1))
      return fmt::format(
          "{}, line 1: not {} of Idlib Atlas (expected the columns {}); it is left as it is: "
          "name a new file",
          file.string(), what, header.substr(0, header.size() - 1));
  } else {
    std::filesystem::create_directories(file.parent_path(), ec);
  }
  if (content.empty()) content = header;
  if (content.back() != '\n') content += '\n';
  content += row;
  return writeFileAtomically(file, content);
}

}  // namespace

std::string_view verdictName(Verdict v) {
  switch (v) {
    case Verdict::Accepted:
      return "accepted";
    case Verdict::Rejected:
      return "rejected";
    case Verdict::Merged:
      return "merged";
  }
  return "";
}

std::filesystem::path decisionsFileFor(const std::filesystem::path& eventsFile) {
  std::filesystem::path file = eventsFile;
  return file.replace_extension(".decisions.csv");
}

std::optional<std::string> appendDecision(const std::filesystem::path& decisionsFile,
                                          const Decision& d) {
  return appendRow(decisionsFile, kDecisionsHeader,
                   fmt::format("{},{},{},{},{}\n", csvField(d.article), d.start, d.end,
                               verdictName(d.verdict), csvField(d.eventId)),
                   "a decisions file");
}

std::vector<Decision> readDecisions(const std::filesystem::path& decisionsFile) {
  std::error_code ec;
  std::vector<Decision> decisions;
  if (!std::filesystem::is_regular_file(decisionsFile, ec) ||
      std::filesystem::file_size(decisionsFile, ec) > kMaxEventsFileBytes)
    return decisions;
  std::istringstream in(readWhole(decisionsFile));
  std::string line;
  std::getline(in, line);  // the header
  while (std::getline(in, line)) {
    const std::vector<std::string> cells = csvCells(line);
    if (cells.size() != 5) continue;
    Decision d{cells[0], 0, 0, Verdict::Accepted, cells[4]};
    try {
      d.start = std::stoull(cells[1]);
      d.end = std::stoull(cells[2]);
    } catch (const std::exception&) {
      continue;
    }
    if (cells[3] == "rejected")
      d.verdict = Verdict::Rejected;
    else if (cells[3] == "merged")
      d.verdict = Verdict::Merged;
    else if (cells[3] != "accepted")
      continue;
    decisions.push_back(std::move(d));
  }
  return decisions;
}

std::optional<std::filesystem::path> defaultAcceptedEventsFile() {
  std::filesystem::path base;
  if (const char* data = std::getenv("XDG_DATA_HOME"); data && *data) {
    base = data;
  } else if (const char* home = std::getenv("HOME"); home && *home) {
    base = std::filesystem::path(home) / ".local" / "share";
  } else {
    return std::nullopt;
  }
  return base / "idlib-atlas" / "accepted-events.csv";
}

std::string_view acceptedEventsHeader() {
  return "event_id,event_date,date_precision,event_type,actor1,actor2,location,admin1,latitude,"
         "longitude,geo_precision,fatalities,displaced,attacks,notes,source,date_basis,"
         "confidence,span_start,span_end\n";
}

std::string articleSpanSource(std::string_view articlePath, std::size_t start, std::size_t end) {
  return fmt::format("{} [bytes {}-{}]", articlePath, start, end);
}

std::optional<ArticleSpanRef> parseArticleSpanSource(std::string_view source) {
  // By hand, not std::regex: libstdc++'s recursion would overflow the stack on a long cell.
  constexpr std::string_view kOpen = " [bytes ";
  const std::size_t open = source.rfind(kOpen);
  if (open == std::string_view::npos || open == 0 || !source.ends_with(']')) return std::nullopt;
  const std::string_view range =
      source.substr(open + kOpen.size(), source.size() - open - kOpen.size() - 1);
  ArticleSpanRef ref{std::string(source.substr(0, open))};
  const char* end = range.data() + range.size();
  const auto first = std::from_chars(range.data(), end, ref.start);
  if (first.ec != std::errc() || first.ptr == end || *first.ptr != '-') return std::nullopt;
  const auto last = std::from_chars(first.ptr + 1, end, ref.end);
  if (last.ec != std::errc() || last.ptr != end || ref.end < ref.start) return std::nullopt;
  return ref;
}

ArticleWords readArticleWords(const ArticleSpanRef& ref) {
  std::error_code ec;  // never a device or a pipe: a read there could block the window
  if (!std::filesystem::is_regular_file(ref.article, ec))
    return {{}, fmt::format("{}: cannot be read (moved or deleted?)", ref.article)};
  std::ifstream in(ref.article, std::ios::binary);
  if (!in) return {{}, fmt::format("{}: cannot be read (moved or deleted?)", ref.article)};
  const std::size_t length = std::min(ref.end - ref.start, kMaxQuotedBytes);
  std::string words(length, '\0');
  in.seekg(static_cast<std::streamoff>(ref.start));
  in.read(words.data(), static_cast<std::streamsize>(length));
  if (static_cast<std::size_t>(in.gcount()) != length)
    return {{},
            fmt::format("{}: shorter than bytes {}-{}: the article changed since", ref.article,
                        ref.start, ref.end)};
  if (length < ref.end - ref.start) words += "…";
  return {std::move(words), {}};
}

std::string acceptedEventId(const Candidate& c, std::string_view articlePath) {
  return fmt::format("{}-{}", idStem(articlePath), c.spanStart);
}

std::string acceptedEventRow(const Candidate& c, std::string_view articlePath) {
  const std::vector<std::string> cells = {acceptedEventId(c, articlePath),
                                          c.first ? formatDate(rowDate(c)) : "",
                                          std::string(precisionForReader(c)),
                                          c.type,
                                          c.actor1,
                                          c.actor2,
                                          c.location,
                                          c.admin1,
                                          c.lat ? fmt::format("{:.5f}", *c.lat) : "",
                                          c.lon ? fmt::format("{:.5f}", *c.lon) : "",
                                          c.geoPrecision,
                                          count(c.fatalities),
                                          count(c.displaced),
                                          count(c.attacks),
                                          "accepted from the article by the analyst",
                                          articleSpanSource(articlePath, c.spanStart, c.spanEnd),
                                          c.dateBasis,
                                          fmt::format("{:.2f} (extractor), accepted", c.confidence),
                                          std::to_string(c.spanStart),
                                          std::to_string(c.spanEnd)};
  std::string row;
  for (std::size_t i = 0; i < cells.size(); ++i)
    row += (i ? "," : "") + csvField(cells[i]);
  return row + '\n';
}

std::optional<std::string> appendAcceptedEvent(const std::filesystem::path& file,
                                               std::string_view row) {
  return appendRow(file, acceptedEventsHeader(), row, "an accepted-events file");
}

}  // namespace idlib
