// Speed of the article extractor (issue 13): a 10,000-word article, written here from sentences
// of the kinds the extractor reads, against the bundled gazetteer's towns, governorates and
// countries. Goal: under 50 ms an article. Usage: idlib-extract-bench [DATA_DIR]
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <sys/resource.h>
#include <algorithm>
#include <chrono>
#include <fstream>

#include "core/article_extract.hpp"

namespace {

std::vector<idlib::GazetteerPlace> gazetteerFrom(const std::string& dataDir) {
  std::vector<idlib::GazetteerPlace> places;
  const std::pair<const char*, idlib::PlaceKind> files[] = {
      {"towns", idlib::PlaceKind::Town},
      {"admin1", idlib::PlaceKind::Province},
      {"countries", idlib::PlaceKind::Country}};
  for (const auto& [name, kind] : files) {
    std::ifstream in(dataDir + "/geodata/" + name + ".geojson");
    const auto doc = nlohmann::json::parse(in);
    for (const auto& f : doc["features"]) {
      const auto& p = f["properties"];
      idlib::GazetteerPlace g{p.value("name", ""), {p.value("name", "")}, kind, "", 0, 0, 0};
      const std::string alt = p.contains("alt_names") && p["alt_names"].is_string()
                                  ? p["alt_names"].get<std::string>()
                                  : "";
      for (std::size_t start = 0; start < alt.size();) {
        const std::size_t end = std::min(alt.find(';', start), alt.size());
        if (end > start) g.spellings.push_back(alt.substr(start, end - start));
        start = end + 1;
      }
      if (kind == idlib::PlaceKind::Province) g.admin1 = g.name;
      places.push_back(std::move(g));
    }
  }
  return places;
}

double cpuSeconds() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return static_cast<double>(u.ru_utime.tv_sec + u.ru_stime.tv_sec) +
         static_cast<double>(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

}  // namespace

int main(int argc, char** argv) {
  const std::string dataDir = argc > 1 ? argv[1] : IDLIB_DATA_DIR;
  const idlib::Gazetteer gazetteer(gazetteerFrom(dataDir));
  const char* sentences[] = {
      "Regime artillery shelled Saraqeb last Friday, killing 4 civilians and wounding a dozen "
      "more.",
      "Some 30,000 people have fled Khan Sheikhoun in the past two weeks, aid workers said on "
      "Monday.",
      "Turkish troops reinforced an observation post near Maarat al-Numan on 6 February 2020.",
      "The UN said nearly half a million people had been displaced since December across Idlib "
      "province.",
      "Talks between Ankara and Moscow stalled, and the weather in the valley stayed cold and wet.",
  };
  std::string text = " date 2020-02-10 ";
  std::size_t words = 0;
  while (words < 10000)
    for (const char* s : sentences) {
      text += s;
      text += (words % 7 == 0) ? "\n\n" : " ";
      words +=
          static_cast<std::size_t>(std::count(s, s + std::char_traits<char>::length(s), ' ')) + 1;
    }
  const idlib::ArticleText article = idlib::plainArticle(text);
  std::vector<double> ms;
  std::size_t candidates = 0;
  const double cpu0 = cpuSeconds();
  for (int run = 0; run < 7; ++run) {
    const auto t0 = std::chrono::steady_clock::now();
    candidates = idlib::extractArticle(article, gazetteer, {}, {}).candidates.size();
    ms.push_back(
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count());
  }
  std::sort(ms.begin(), ms.end());
  fmt::print(
      "extract: {} words, {} bytes, {} candidates; median {:.1f} ms, best {:.1f} ms over 7 runs "
      "({:.2f} CPU s in all); goal < 50 ms\n",
      words, text.size(), candidates, ms[3], ms[0], cpuSeconds() - cpu0);
  return 0;
}
