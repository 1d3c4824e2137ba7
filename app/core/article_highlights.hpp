#pragma once
// The words of an article the extractor read as dates, places, actors and figures, for the
// Articles panel to colour: spans into ArticleText::text, in order.
#include <vector>

#include "core/article_dates.hpp"
#include "core/article_facts.hpp"
#include "core/article_text.hpp"

namespace idlib {

enum class HighlightKind { Date, Place, Actor, Figure };

struct Highlight {
  TextSpan span;
  HighlightKind kind = HighlightKind::Date;
};

std::vector<Highlight> articleHighlights(const ArticleText& article, const Gazetteer& gazetteer,
                                         const DateContext& context);

}  // namespace idlib
