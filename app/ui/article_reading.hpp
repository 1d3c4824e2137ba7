#pragma once
// What the article extractor needs from the app, for the command line and the Articles panel
// alike: the article file read safely, the gazetteer made of the loaded towns, governorates,
// countries and the timeline's own places, and the timeline's events for the conflict check.
#include <string>
#include <variant>
#include <vector>

#include "core/article_extract.hpp"
#include "core/event_source.hpp"
#include "core/layer.hpp"
#include "core/timeline.hpp"

namespace idlib {

struct OpenedArticle {
  std::string path;
  std::string bytes;  // the file as it is: spans are offsets into it
  ArticleText text;   // what the extractor reads (HTML without its tags)
};
// The article, or a message naming the file and what is wrong with it: missing, a folder,
// binary, over 8 MB.
std::variant<OpenedArticle, std::string> openArticle(const std::string& path);

// Towns (with every spelling), governorates and countries of these layers (by their role), then
// the places the timeline's events name that those lack (Tehran, Geneva...).
Gazetteer gazetteerOf(const std::vector<const Layer*>& layers, const Timeline& timeline);
std::vector<KnownEvent> knownEventsOf(const Timeline& timeline);

// `sources` and, when the file exists and is not among them, the analyst's accepted events.
std::vector<EventSource> withAcceptedEvents(std::vector<EventSource> sources,
                                            const std::string& acceptedFile);

}  // namespace idlib
