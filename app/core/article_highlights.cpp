#include "core/article_highlights.hpp"

#include <algorithm>

namespace idlib {

std::vector<Highlight> articleHighlights(const ArticleText& article, const Gazetteer& gazetteer,
                                         const DateContext& context) {
  std::vector<Highlight> out;
  const std::vector<Word> words = wordsOf(article.text, {0, article.text.size()});
  for (const PlaceMention& p : findPlaces(article.text, words, gazetteer))
    out.push_back({p.span, HighlightKind::Place});
  std::size_t w = 0;
  for (const TextSpan& sentence : sentencesOf(article.text)) {
    std::vector<Word> here;  // dates are read sentence by sentence, as the extractor reads them
    while (w < words.size() && words[w].span.begin < sentence.begin)
      ++w;
    while (w < words.size() && words[w].span.end <= sentence.end)
      here.push_back(words[w++]);
    std::vector<TextSpan> dates;
    for (const DateMention& d : findDates(article.text, here, context)) {
      out.push_back({d.span, HighlightKind::Date});
      dates.push_back(d.span);
    }
    for (const FigureMention& f : findFigures(article.text, here, dates))
      out.push_back({f.span, HighlightKind::Figure});
    for (const ActorMention& a : findActors(article.text, here))
      out.push_back({a.span, HighlightKind::Actor});
  }
  std::sort(out.begin(), out.end(),
            [](const Highlight& a, const Highlight& b) { return a.span.begin < b.span.begin; });
  return out;
}

}  // namespace idlib
