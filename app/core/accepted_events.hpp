#pragma once
// Candidates an analyst accepts from an article become rows of their own events file: the
// ACLED-style columns the app reads, with the article and the byte span of the words each row
// rests on, so the Details panel can show those words again later. The file is rewritten whole,
// atomically, at every decision.
#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/article_extract.hpp"

namespace idlib {

// Where accepted events are kept when the analyst names no other file:
// $XDG_DATA_HOME/idlib-atlas/accepted-events.csv, else ~/.local/share/...; none without either.
std::optional<std::filesystem::path> defaultAcceptedEventsFile();

// The header written to a new accepted-events file.
std::string_view acceptedEventsHeader();

// The id an accepted candidate's row gets: the article's name and the span's start.
std::string acceptedEventId(const Candidate& candidate, std::string_view articlePath);
// The CSV row of an accepted candidate (as edited by the analyst), citing `articlePath`.
std::string acceptedEventRow(const Candidate& candidate, std::string_view articlePath);

// Adds `row` to the events file `file`, creating it (and its folder) with the header when it is
// missing. Refuses, saying why and naming the file, one whose first line is not that header and
// one over 64 MB. Nothing on success.
std::optional<std::string> appendAcceptedEvent(const std::filesystem::path& file,
                                               std::string_view row);

// Every decision on a candidate (accepted, rejected, merged with a known event), one row each in
// the decisions file beside the events file (NAME.decisions.csv), so a reopened article shows
// what was decided and a merged event can show the words of the article that also reports it.
enum class Verdict { Accepted, Rejected, Merged };
std::string_view verdictName(Verdict v);  // "accepted", "rejected", "merged"
struct Decision {
  std::string article;
  std::size_t start = 0, end = 0;  // the candidate's span in the article file
  Verdict verdict = Verdict::Accepted;
  std::string eventId;  // the row written (accepted) or the known event (merged)
};
std::filesystem::path decisionsFileFor(const std::filesystem::path& eventsFile);
std::optional<std::string> appendDecision(const std::filesystem::path& decisionsFile,
                                          const Decision& decision);
// The decisions in the file (none when it is missing); rows it cannot read are skipped.
std::vector<Decision> readDecisions(const std::filesystem::path& decisionsFile);

// An event's source that points into an article: "PATH [bytes START-END]".
struct ArticleSpanRef {
  std::string article;
  std::size_t start = 0, end = 0;
};
std::string articleSpanSource(std::string_view articlePath, std::size_t start, std::size_t end);
std::optional<ArticleSpanRef> parseArticleSpanSource(std::string_view source);
// The words of `ref` read from the article file (at most 4,000 bytes), or why they cannot be.
struct ArticleWords {
  std::string words;
  std::string problem;
};
ArticleWords readArticleWords(const ArticleSpanRef& ref);

}  // namespace idlib
