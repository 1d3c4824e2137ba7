#pragma once
// From an article to candidate events: for each sentence, the date, place, actors, figures and
// type its words give, with the file span they rest on and a confidence; a candidate that matches
// a known event of the timeline by type, actors and place on another date is flagged, not merged.
#include <optional>
#include <string>
#include <vector>

#include "core/article_dates.hpp"
#include "core/article_facts.hpp"
#include "core/article_text.hpp"

namespace idlib {

// An event of the loaded timeline, as the conflict check needs it.
struct KnownEvent {
  std::string id;
  Day date = 0;
  std::string type, actor1, actor2, location, admin1;
};

struct ExtractOptions {
  std::string articlePath;       // provenance: the file the spans point into
  std::optional<Day> published;  // --published; else the dateline; else inferred
  NumericDateOrder order = NumericDateOrder::DayFirst;
};

struct Candidate {
  std::optional<Day> first, last;  // none: neither the sentence nor the article dates it
  MentionPrecision precision = MentionPrecision::Day;
  std::string dateBasis;
  std::string type, actor1, actor2;
  std::string location, admin1, geoPrecision;
  std::optional<double> lat, lon;
  std::string placeBasis;  // "ambiguous: ..." or "the article's most-named place"
  std::optional<double> fatalities, displaced, attacks;
  std::vector<FigureMention> figures;      // every figure the candidate rests on
  std::size_t spanStart = 0, spanEnd = 0;  // file byte offsets [start, end)
  double confidence = 0;
  std::string conflict;  // "a003-01 2018-09-07": a known event that matches on another date
};

struct Extraction {
  std::optional<Day> published;
  std::string publishedAs;           // "--published", "dateline", "inferred latest date", or empty
  std::optional<TextSpan> dateline;  // the words of the dateline, when it gave the date
  std::vector<Candidate> candidates;
};

Extraction extractArticle(const ArticleText& article, const Gazetteer& gazetteer,
                          const std::vector<KnownEvent>& known, const ExtractOptions& options);

// The project's event types and ACLED's, brought to one family ("shelling/air strike" and
// "Explosions/Remote violence" are one).
std::string typeFamily(std::string_view type);

// The candidates as the events CSV (its columns plus span_start, span_end, conflict), or JSON.
std::string candidatesCsv(const Extraction& extraction, const std::string& articlePath);
std::string candidatesJson(const Extraction& extraction, const std::string& articlePath);

}  // namespace idlib
