#include "ui/extract_command.hpp"

#include <fmt/format.h>

#include <cstdio>
#include <fstream>
#include <sstream>

#include "core/article_extract.hpp"
#include "core/format.hpp"
#include "core/text_safety.hpp"
#include "geo/timeline_loader.hpp"
#include "ui/app_state.hpp"

namespace idlib {
namespace {

constexpr std::uintmax_t kMaxArticleBytes = 8u << 20;  // a long article is ~100 KB

// The article's bytes, or a message naming the file and what is wrong with it.
struct ArticleFile {
  std::string bytes, error;
};
ArticleFile failed(std::string message) {
  return {"", std::move(message)};
}

ArticleFile readArticle(const std::string& path) {
  std::error_code ec;
  const auto status = std::filesystem::status(path, ec);
  if (ec || !std::filesystem::exists(status))
    return failed(fmt::format("--extract '{}': no such file", path));
  if (!std::filesystem::is_regular_file(status))
    return failed(fmt::format("--extract '{}': not a file (a folder or a device)", path));
  const auto size = std::filesystem::file_size(path, ec);
  if (ec)
    return failed(fmt::format("--extract '{}': cannot read its size: {}", path, ec.message()));
  if (size > kMaxArticleBytes)
    return failed(fmt::format("--extract '{}': {} MB is too big for an article (at most {} MB)",
                              path, size >> 20, kMaxArticleBytes >> 20));
  std::ifstream in(path, std::ios::binary);
  if (!in) return failed(fmt::format("--extract '{}': cannot open it for reading", path));
  std::ostringstream bytes;
  bytes << in.rdbuf();
  std::string text = std::move(bytes).str();
  if (text.find('\0') != std::string::npos)
    return failed(fmt::format(
        "--extract '{}': a binary file, not a text article (UTF-8 text or HTML)", path));
  return {std::move(text), ""};
}

// Towns (with every spelling), governorates and countries, as the map loads them.
std::vector<GazetteerPlace> bundledGazetteer(const std::string& dataDir,
                                             std::vector<Notice>& notices) {
  std::vector<GazetteerPlace> places;
  for (const LoadRequest& request : bundledLayers(dataDir)) {
    LoadResult loaded = loadVectorSource(request);
    notices.insert(notices.end(), loaded.notices.begin(), loaded.notices.end());
    const PlaceKind kind = request.role == LayerRole::Towns       ? PlaceKind::Town
                           : request.role == LayerRole::Countries ? PlaceKind::Country
                                                                  : PlaceKind::Province;
    for (const Layer& layer : loaded.layers)
      for (const Feature& f : layer.features) {
        if (f.name.empty()) continue;
        GazetteerPlace p{f.name, {f.name}, kind, "", f.anchorLonLat.lon, f.anchorLonLat.lat,
                         f.rank};
        for (const char* field : {"alt_names", "geonames_name"})
          if (const std::string* more = f.attribute(field))
            for (std::string& s : splitList(*more, ';'))
              p.spellings.push_back(std::move(s));
        if (const std::string* g = f.attribute("governorate")) p.admin1 = *g;
        if (kind == PlaceKind::Province) p.admin1 = f.name;
        places.push_back(std::move(p));
      }
  }
  return places;
}

PlaceKind kindOf(PlacePrecision p) {
  if (p == PlacePrecision::Region) return PlaceKind::Province;
  if (p == PlacePrecision::Country) return PlaceKind::Country;
  return PlaceKind::Town;
}

}  // namespace

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
  const ArticleFile read = readArticle(o.extract);
  if (!read.error.empty()) {
    printError(read.error);
    return 1;
  }
  const std::string& bytes = read.bytes;
  const ArticleText article = looksLikeHtml(bytes) ? htmlArticle(bytes) : plainArticle(bytes);

  std::vector<Notice> notices;
  std::vector<GazetteerPlace> places = bundledGazetteer(o.dataDir, notices);
  // The timeline: its events for the conflict check, and its places (Tehran, Geneva...) as
  // places the gazetteer may lack.
  TimelineSources sources = bundledTimelineSources(o.dataDir);
  for (EventSource& source : eventSourcesOf(o))
    sources.events.push_back(std::move(source));
  sources.posts.clear();
  sources.controlChanges.clear();
  const TimelineLoad load = loadTimeline(sources);
  notices.insert(notices.end(), load.notices.begin(), load.notices.end());
  printNotices(notices);
  std::vector<KnownEvent> known;
  std::vector<std::string> named;
  for (const GazetteerPlace& p : places)
    named.push_back(p.name);
  for (const EventRef e : load.timeline.events) {
    known.push_back({std::string(e.id()), e.date(), std::string(e.type()), std::string(e.actor1()),
                     std::string(e.actor2()), std::string(e.location()), std::string(e.admin1())});
    const std::string location(e.location());
    if (location.empty() || location.ends_with(" province") ||
        std::find(named.begin(), named.end(), location) != named.end())
      continue;
    named.push_back(location);
    const LonLat at = e.where();
    places.push_back(
        {location, {location}, kindOf(e.place()), std::string(e.admin1()), at.lon, at.lat, 0});
  }
  const Gazetteer gazetteer(std::move(places));
  const Extraction extraction = extractArticle(article, gazetteer, known, options);
  const std::string text = o.format == "json" ? candidatesJson(extraction, o.extract)
                                              : candidatesCsv(extraction, o.extract);
  std::fwrite(text.data(), 1, text.size(), stdout);
  return 0;
}

}  // namespace idlib
