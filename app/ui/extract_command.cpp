#include "ui/extract_command.hpp"

#include <fmt/format.h>

#include <cstdio>

#include "core/article_extract.hpp"
#include "core/text_safety.hpp"
#include "geo/timeline_loader.hpp"
#include "ui/app_state.hpp"
#include "ui/article_reading.hpp"

namespace idlib {

int runExtract(const Options& o) {
  if (o.format != "csv" && o.format != "json") {
    printError(fmt::format("--format '{}': --extract prints csv or json", o.format));
    return 2;
  }
  ExtractOptions options;
  options.articlePath = o.extract;
  if (!o.published.empty()) {
    options.published = parseDate(o.published);
    if (!options.published) {
      printError(fmt::format("--published '{}': expected a date, YYYY-MM-DD", o.published));
      return 2;
    }
  }
  options.order =
      o.dateOrder == "month-first" ? NumericDateOrder::MonthFirst : NumericDateOrder::DayFirst;
  auto opened = openArticle(o.extract);
  if (opened.index() == 1) {
    printError("--extract " + std::get<1>(opened));
    return 1;
  }
  const OpenedArticle& article = std::get<0>(opened);

  // The gazetteer: the bundled towns, governorates and countries as the map loads them, and the
  // places the timeline's events name; the events for the conflict check.
  std::vector<Notice> notices;
  std::vector<Layer> layers;
  for (const LoadRequest& request : bundledLayers(o.dataDir)) {
    LoadResult loaded = loadVectorSource(request);
    notices.insert(notices.end(), loaded.notices.begin(), loaded.notices.end());
    for (Layer& layer : loaded.layers)
      layers.push_back(std::move(layer));
  }
  const TimelineLoad load = loadEventTables(o);
  notices.insert(notices.end(), load.notices.begin(), load.notices.end());
  printNotices(notices);
  std::vector<const Layer*> places;
  for (const Layer& layer : layers)
    places.push_back(&layer);
  const Gazetteer gazetteer = gazetteerOf(places, load.timeline);
  const Extraction extraction =
      extractArticle(article.text, gazetteer, knownEventsOf(load.timeline), options);
  const std::string text = o.format == "json" ? candidatesJson(extraction, o.extract)
                                              : candidatesCsv(extraction, o.extract);
  std::fwrite(text.data(), 1, text.size(), stdout);
  return 0;
}

}  // namespace idlib
