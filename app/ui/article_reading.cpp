#include "ui/article_reading.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <unordered_set>

#include "core/format.hpp"

namespace idlib {
namespace {

constexpr std::uintmax_t kMaxArticleBytes = 8u << 20;  // a long article is ~100 KB

PlaceKind kindOf(LayerRole role) {
  if (role == LayerRole::Towns) return PlaceKind::Town;
  if (role == LayerRole::Countries) return PlaceKind::Country;
  return PlaceKind::Province;
}

PlaceKind kindOf(PlacePrecision p) {
  if (p == PlacePrecision::Region) return PlaceKind::Province;
  if (p == PlacePrecision::Country) return PlaceKind::Country;
  return PlaceKind::Town;
}

}  // namespace

std::variant<OpenedArticle, std::string> openArticle(const std::string& path) {
  namespace fs = std::filesystem;
  std::error_code ec;
  const auto status = fs::status(path, ec);
  if (ec || !fs::exists(status)) return fmt::format("'{}': no such file", path);
  if (!fs::is_regular_file(status))
    return fmt::format("'{}': not a file (a folder or a device)", path);
  const auto size = fs::file_size(path, ec);
  if (ec) return fmt::format("'{}': cannot read its size: {}", path, ec.message());
  if (size > kMaxArticleBytes)
    return fmt::format("'{}': {} MB is too big for an article (at most {} MB)", path, size >> 20,
                       kMaxArticleBytes >> 20);
  std::ifstream in(path, std::ios::binary);
  if (!in) return fmt::format("'{}': cannot open it for reading", path);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  OpenedArticle article{path, std::move(bytes).str(), {}};
  if (article.bytes.find('\0') != std::string::npos)
    return fmt::format("'{}': a binary file, not a text article (UTF-8 text or HTML)", path);
  article.text =
      looksLikeHtml(article.bytes) ? htmlArticle(article.bytes) : plainArticle(article.bytes);
  return article;
}

Gazetteer gazetteerOf(const std::vector<const Layer*>& layers, const Timeline& timeline) {
  std::vector<GazetteerPlace> places;
  std::unordered_set<std::string> named;
  for (const Layer* layer : layers) {
    // Villages stay out: thousands of small places' names would be read into ordinary words.
    if (layer->role == LayerRole::Generic || layer->role == LayerRole::Villages) continue;
    const PlaceKind kind = kindOf(layer->role);
    for (const Feature& f : layer->features) {
      if (f.name.empty()) continue;
      GazetteerPlace p{f.name, {f.name}, kind, "", f.anchorLonLat.lon, f.anchorLonLat.lat, f.rank};
      for (const char* field : {"alt_names", "geonames_name"})
        if (const std::string* more = f.attribute(field))
          for (std::string& s : splitList(*more, ';'))
            p.spellings.push_back(std::move(s));
      if (const std::string* g = f.attribute("governorate")) p.admin1 = *g;
      if (kind == PlaceKind::Province) p.admin1 = f.name;
      named.insert(p.name);
      places.push_back(std::move(p));
    }
  }
  for (const EventRef e : timeline.events) {
    const std::string location(e.location());
    if (location.empty() || location.ends_with(" province") || !named.insert(location).second)
      continue;
    const LonLat at = e.where();
    places.push_back(
        {location, {location}, kindOf(e.place()), std::string(e.admin1()), at.lon, at.lat, 0});
  }
  return Gazetteer(std::move(places));
}

std::vector<KnownEvent> knownEventsOf(const Timeline& timeline) {
  std::vector<KnownEvent> known;
  known.reserve(timeline.events.size());
  for (const EventRef e : timeline.events)
    known.push_back({std::string(e.id()), e.date(), std::string(e.type()), std::string(e.actor1()),
                     std::string(e.actor2()), std::string(e.location()), std::string(e.admin1())});
  return known;
}

std::vector<EventSource> withAcceptedEvents(std::vector<EventSource> sources,
                                            const std::string& acceptedFile) {
  std::error_code ec;
  const bool listed = std::any_of(sources.begin(), sources.end(),
                                  [&](const EventSource& s) { return s.path == acceptedFile; });
  if (!acceptedFile.empty() && !listed && std::filesystem::is_regular_file(acceptedFile, ec))
    sources.push_back({acceptedFile});
  return sources;
}

}  // namespace idlib
