#include "core/article_extract.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <map>

#include "core/csv_quotes.hpp"

namespace idlib {
namespace {

constexpr int kUndatedWindowDays = 30;  // an undated sentence: what happened up to publication

int precisionRank(MentionPrecision p) {
  switch (p) {
    case MentionPrecision::Day:
      return 0;
    case MentionPrecision::Week:
      return 1;
    case MentionPrecision::Month:
      return 2;
    case MentionPrecision::Period:
      return 3;
    case MentionPrecision::Year:
      return 4;
  }
  return 5;
}

int typeRank(std::string_view type) {
  static constexpr std::array<std::string_view, 6> kOrder = {
      "Explosions/Remote violence", "Battles",      "Violence against civilians",
      "Strategic developments",     "Displacement", "Statement"};
  for (std::size_t i = 0; i < kOrder.size(); ++i)
    if (kOrder[i] == type) return static_cast<int>(i);
  return 9;
}

std::string lowerAscii(std::string_view s) {
  std::string out;
  for (char c : s)
    if (std::isalnum(static_cast<unsigned char>(c)) || c == ' ')
      out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// Where the article's words come from: --published, the dateline, or the latest full date.
void findPublication(const ArticleText& article, const std::vector<Word>& words,
                     const ExtractOptions& options, Extraction& out) {
  if (options.published) {
    out.published = options.published;
    out.publishedAs = "--published";
    return;
  }
  if (const auto dateline = findDateline(article.text, words)) {
    out.published = dateline->first;
    out.dateline = dateline->span;
    out.publishedAs = "dateline";
    return;
  }
  DateContext none;
  none.order = options.order;
  for (const DateMention& m : findDates(article.text, words, none))
    if (m.yearGiven && m.precision != MentionPrecision::Year &&
        (!out.published || m.last > *out.published))
      out.published = m.last;
  if (out.published) out.publishedAs = "inferred latest date";
}

// The place an article names most: where its undated, unplaced sentences are taken to be.
std::optional<std::size_t> mostNamedPlace(const std::vector<PlaceMention>& mentions) {
  std::map<std::size_t, int> counts;
  for (const PlaceMention& m : mentions)
    ++counts[m.places.front()];
  std::optional<std::size_t> best;
  for (const auto& [place, n] : counts)
    if (!best || n > counts[*best]) best = place;
  return best;
}

struct SentenceFacts {
  std::vector<DateMention> dates;
  std::vector<PlaceMention> places;
  std::vector<ActorMention> actors;
  std::vector<FigureMention> figures;
  std::vector<TypeCue> cues;
  bool quoted = false;  // the sentence quotes someone's words
  std::vector<Word> words;
  std::string_view text;
  // Whether "in", "at", "near"... comes within the three words before `span`.
  bool locative(TextSpan span) const {
    static constexpr std::array<std::string_view, 12> kPrepositions = {
        "in",     "at",   "near",    "around", "outside", "into",
        "across", "from", "towards", "toward", "on",      "inside"};
    std::size_t i = 0;
    while (i < words.size() && words[i].span.begin < span.begin)
      ++i;
    for (std::size_t back = 1; back <= 3 && back <= i; ++back) {
      const std::string w = foldWord(text.substr(
          words[i - back].span.begin, words[i - back].span.end - words[i - back].span.begin));
      if (std::find(kPrepositions.begin(), kPrepositions.end(), w) != kPrepositions.end())
        return true;
    }
    return false;
  }
};

void setPlace(Candidate& c, const GazetteerPlace& p) {
  c.location = p.kind == PlaceKind::Province ? p.name + " province" : p.name;
  c.admin1 = p.kind == PlaceKind::Country ? "" : p.admin1;
  c.geoPrecision = std::string(geoPrecisionName(p.kind));
  c.lat = p.lat;
  c.lon = p.lon;
}

std::string placeLabel(const GazetteerPlace& p) {
  return fmt::format("{} ({}{})", p.name, geoPrecisionName(p.kind),
                     p.kind == PlaceKind::Town && !p.admin1.empty() ? ", " + p.admin1 : "");
}

bool sameActor(const Candidate& c, const KnownEvent& e) {
  const std::string known = lowerAscii(e.actor1 + " " + e.actor2);
  for (const std::string& a : {c.actor1, c.actor2}) {
    if (a.empty()) continue;
    const std::string folded = lowerAscii(a);
    if (known.find(folded) != std::string::npos) return true;
    // "Syrian government forces" and "Syrian government" are one actor.
    if (folded.starts_with("syrian government") &&
        known.find("syrian government") != std::string::npos)
      return true;
  }
  return false;
}

bool samePlace(const Candidate& c, const KnownEvent& e) {
  auto strip = [](std::string s) {
    s = lowerAscii(s);
    if (s.ends_with(" province")) s.resize(s.size() - 9);
    return s;
  };
  return !c.location.empty() && strip(c.location) == strip(e.location);
}

// A known event like the candidate on another date (and none on its date): the conflict.
std::string conflictOf(const Candidate& c, const std::vector<KnownEvent>& known) {
  if (!c.first) return {};
  const std::string family = typeFamily(c.type);
  const KnownEvent* other = nullptr;
  for (const KnownEvent& e : known) {
    if (typeFamily(e.type) != family || !samePlace(c, e) || !sameActor(c, e)) continue;
    if (e.date >= *c.first && e.date <= *c.last) return {};
    const int distance = e.date < *c.first ? *c.first - e.date : e.date - *c.last;
    if (distance <= 45 && (!other || std::abs(other->date - *c.first) > distance)) other = &e;
  }
  return other ? fmt::format("{} {}", other->id, formatDate(other->date)) : std::string();
}

void widen(TextSpan span, bool& any, TextSpan& covered) {
  if (!any) covered = span;
  covered.begin = std::min(covered.begin, span.begin);
  covered.end = std::max(covered.end, span.end);
  any = true;
}

std::vector<Candidate> candidatesOf(const ArticleText& article, const SentenceFacts& s,
                                    const Gazetteer& gazetteer, const Extraction& ex,
                                    std::optional<std::size_t> mainPlace) {
  if (s.cues.empty() && s.figures.empty()) return {};
  if (s.places.empty() && s.actors.empty() && s.figures.empty()) return {};
  Candidate c;
  TextSpan covered;
  bool any = false;
  double confidence = 0.35;
  // Date: the most precise the sentence gives; else up to the publication.
  const DateMention* date = nullptr;
  for (const DateMention& d : s.dates)
    if (!date || precisionRank(d.precision) < precisionRank(date->precision)) date = &d;
  if (date) {
    c.first = date->first;
    c.last = date->last;
    c.precision = date->precision;
    c.dateBasis = date->basis;
    widen(date->span, any, covered);
    confidence += date->relative ? 0.15 : 0.2;
  } else if (ex.published) {
    c.first = *ex.published - kUndatedWindowDays;
    c.last = *ex.published;
    c.precision = MentionPrecision::Period;
    c.dateBasis = fmt::format("no date in the sentence: the {} days up to the {} {}",
                              kUndatedWindowDays, ex.publishedAs, shortDate(*ex.published));
  } else {
    c.dateBasis = "no date in the sentence and no publication date";
  }
  if (ex.publishedAs == "inferred latest date" && c.first)
    c.dateBasis += " (publication date inferred)";
  // Type: the strongest cue; quoted words are a statement; a displacement figure is displacement.
  for (const TypeCue& cue : s.cues)
    if (c.type.empty() || typeRank(cue.type) < typeRank(c.type)) c.type = cue.type;
  const bool quotes = s.quoted && std::any_of(s.cues.begin(), s.cues.end(), [](const TypeCue& cue) {
                        return cue.type == "Statement";
                      });
  if (quotes) c.type = "Statement";
  const TypeCue* typeCue = nullptr;
  for (const TypeCue& cue : s.cues)
    if (cue.type == c.type && !typeCue) typeCue = &cue;
  if (typeCue) widen(typeCue->span, any, covered);
  // Place: the one nearest the type's word (the summit "in Tehran", not the Idlib it is about);
  // else the first; else the article's most-named place.
  const auto& places = gazetteer.places();
  if (!s.places.empty()) {
    const PlaceMention* nearest = &s.places.front();
    // Nearest the type's word, a place after "in", "at", "near"... before one that is not, a
    // town or province before a country ("in Syria's Idlib province").
    auto score = [&](const PlaceMention& p) {
      std::size_t d = 0;
      if (typeCue)
        d = p.span.begin > typeCue->span.begin ? p.span.begin - typeCue->span.begin
                                               : typeCue->span.begin - p.span.begin;
      if (!s.locative(p.span)) d += 10000;
      if (places[p.places.front()].kind == PlaceKind::Country) d += 5000;
      return d;
    };
    for (const PlaceMention& p : s.places)
      if (score(p) < score(*nearest)) nearest = &p;
    const PlaceMention& p = *nearest;
    setPlace(c, places[p.places.front()]);
    widen(p.span, any, covered);
    confidence += 0.15;
    if (p.places.size() > 1) {
      std::vector<std::string> labels;
      for (std::size_t i : p.places)
        labels.push_back(placeLabel(places[i]));
      c.placeBasis = fmt::format("ambiguous: {}", fmt::join(labels, " or "));
    }
  } else if (mainPlace) {
    setPlace(c, places[*mainPlace]);
    c.placeBasis = "the article's most-named place";
  }
  // Actors: the first two distinct.
  for (const ActorMention& a : s.actors) {
    if (c.actor1.empty())
      c.actor1 = a.actor;
    else if (c.actor2.empty() && a.actor != c.actor1)
      c.actor2 = a.actor;
    else
      continue;
    widen(a.span, any, covered);
  }
  if (!c.actor1.empty()) confidence += 0.1;
  const bool displacement =
      std::any_of(s.figures.begin(), s.figures.end(),
                  [](const FigureMention& f) { return f.counts == Counted::Displaced; });
  if (displacement) c.type = "Displacement";
  if (c.type.empty()) c.type = "Statement";
  c.confidence = std::min(0.95, confidence);

  // One candidate per figure of a kind: the first of each kind rides on the first candidate.
  std::vector<Candidate> out{c};
  auto slot = [](Candidate& k, const FigureMention& f) -> std::optional<double>* {
    switch (f.counts) {
      case Counted::Killed:
      case Counted::SoldiersKilled:
        return &k.fatalities;
      case Counted::Displaced:
        return &k.displaced;
      case Counted::Attacks:
        return &k.attacks;
      default:
        return nullptr;
    }
  };
  // "seven soldiers and one civilian": one count of the same kind.
  std::vector<FigureMention> figures;
  for (const FigureMention& f : s.figures) {
    if (!figures.empty() && slot(out.front(), f) &&
        slot(out.front(), figures.back()) == slot(out.front(), f) && f.value > 0 &&
        figures.back().value > 0) {
      FigureMention& prev = figures.back();
      const std::string_view gap = s.text.substr(prev.span.end, f.span.begin - prev.span.end);
      if (gap == " and ") {
        prev.value += f.value;
        prev.amount = std::string(s.text.substr(prev.span.begin, f.span.end - prev.span.begin));
        prev.span.end = f.span.end;
        continue;
      }
    }
    figures.push_back(f);
  }
  for (const FigureMention& f : figures) {
    Candidate* target = &out.front();
    if (auto* column = slot(*target, f); column && column->has_value()) {
      out.push_back(c);
      target = &out.back();
    }
    if (auto* column = slot(*target, f); column && f.value > 0) *column = f.value;
    target->figures.push_back(f);
  }
  for (Candidate& k : out) {
    bool anyHere = any;
    TextSpan span = covered;
    for (const FigureMention& f : k.figures)
      widen(f.span, anyHere, span);
    k.spanStart = article.fileOffset(span.begin);
    k.spanEnd = span.end > span.begin ? article.fileOffset(span.end - 1) + 1 : k.spanStart;
    if (!k.figures.empty()) k.confidence = std::min(0.95, k.confidence + 0.05);
  }
  return out;
}

std::string number(const std::optional<double>& v) {
  return v ? fmt::format("{}", static_cast<long long>(*v)) : std::string();
}

std::string notesOf(const Candidate& c) {
  std::vector<std::string> parts;
  for (const FigureMention& f : c.figures)
    parts.push_back(
        fmt::format("{} ({}{})", f.amount, countedName(f.counts),
                    f.value > 0 ? fmt::format(": {}", static_cast<long long>(f.value)) : ""));
  std::string notes = parts.empty() ? "" : fmt::format("figures: {}", fmt::join(parts, "; "));
  if (!c.placeBasis.empty())
    notes += (notes.empty() ? "" : ". ") + std::string("place: ") + c.placeBasis;
  return notes;
}

}  // namespace

std::string typeFamily(std::string_view type) {
  const std::string t = lowerAscii(type);
  if (t == "shellingair strike" || t == "explosionsremote violence") return "remote";
  if (t == "battle" || t == "battles" || t == "control change") return "battle";
  if (t == "agreement" || t == "military deployment" || t == "strategic developments")
    return "strategic";
  if (t == "statement") return "statement";
  if (t == "displacement" || t == "humanitarian") return "displacement";
  if (t == "casualties" || t == "violence against civilians") return "civilians";
  return t;
}

Extraction extractArticle(const ArticleText& article, const Gazetteer& gazetteer,
                          const std::vector<KnownEvent>& known, const ExtractOptions& options) {
  Extraction out;
  const std::vector<Word> words = wordsOf(article.text, {0, article.text.size()});
  findPublication(article, words, options, out);
  DateContext context;
  context.published = out.published;
  context.order = options.order;
  if (!out.publishedAs.empty())
    context.publishedAs =
        out.publishedAs == "--published" ? "publication date (--published)" : out.publishedAs;

  const std::vector<PlaceMention> allPlaces = findPlaces(article.text, words, gazetteer);
  const auto mainPlace = allPlaces.empty() ? std::nullopt : mostNamedPlace(allPlaces);
  std::size_t w = 0;
  std::size_t nextPlace = 0;
  for (const TextSpan& sentence : sentencesOf(article.text)) {
    std::vector<Word> here;
    while (w < words.size() && words[w].span.begin < sentence.begin)
      ++w;
    while (w < words.size() && words[w].span.end <= sentence.end)
      here.push_back(words[w++]);
    if (here.empty()) continue;
    SentenceFacts s;
    // The dateline is the publication, not a date of what the sentence reports.
    std::erase_if(here, [&](const Word& word) {
      return out.dateline && word.span.begin >= out.dateline->begin &&
             word.span.end <= out.dateline->end;
    });
    if (here.empty()) continue;
    s.dates = findDates(article.text, here, context);
    std::vector<TextSpan> dateSpans;
    for (const DateMention& d : s.dates)
      dateSpans.push_back(d.span);
    // Places are in text order: skip those before the sentence, take those within it.
    while (nextPlace < allPlaces.size() && allPlaces[nextPlace].span.begin < sentence.begin)
      ++nextPlace;
    for (std::size_t p = nextPlace; p < allPlaces.size() && allPlaces[p].span.begin < sentence.end;
         ++p)
      if (allPlaces[p].span.end <= sentence.end) s.places.push_back(allPlaces[p]);
    s.actors = findActors(article.text, here);
    s.figures = findFigures(article.text, here, dateSpans);
    s.cues = findTypeCues(article.text, here);
    s.words = here;
    s.text = article.text;
    const std::string_view sentenceText =
        std::string_view(article.text).substr(sentence.begin, sentence.end - sentence.begin);
    s.quoted = sentenceText.find('"') != std::string_view::npos ||
               sentenceText.find("\xe2\x80\x9c") != std::string_view::npos ||
               sentenceText.find("\xe2\x80\x9d") != std::string_view::npos;
    for (Candidate& c : candidatesOf(article, s, gazetteer, out, mainPlace)) {
      c.conflict = conflictOf(c, known);
      out.candidates.push_back(std::move(c));
    }
  }
  return out;
}

std::string candidatesCsv(const Extraction& ex, const std::string& articlePath) {
  std::string out =
      "event_id,event_date,date_precision,event_type,actor1,actor2,location,admin1,latitude,"
      "longitude,geo_precision,fatalities,displaced,attacks,notes,source,date_basis,confidence,"
      "span_start,span_end,conflict\n";
  for (std::size_t i = 0; i < ex.candidates.size(); ++i) {
    const Candidate& c = ex.candidates[i];
    const std::vector<std::string> fields = {
        fmt::format("c{:03}", i + 1),
        c.first ? formatDate(c.precision == MentionPrecision::Period ? *c.last : *c.first) : "",
        std::string(mentionPrecisionName(c.precision)),
        c.type,
        c.actor1,
        c.actor2,
        c.location,
        c.admin1,
        c.lat ? fmt::format("{:.4f}", *c.lat) : "",
        c.lon ? fmt::format("{:.4f}", *c.lon) : "",
        c.geoPrecision,
        number(c.fatalities),
        number(c.displaced),
        number(c.attacks),
        notesOf(c),
        articlePath,
        c.dateBasis,
        fmt::format("{:.2f}", c.confidence),
        std::to_string(c.spanStart),
        std::to_string(c.spanEnd),
        c.conflict};
    for (std::size_t f = 0; f < fields.size(); ++f)
      out += (f ? "," : "") + csvField(fields[f]);
    out += '\n';
  }
  return out;
}

std::string candidatesJson(const Extraction& ex, const std::string& articlePath) {
  nlohmann::json doc;
  doc["article"] = articlePath;
  doc["published"] = ex.published ? nlohmann::json(formatDate(*ex.published)) : nlohmann::json();
  doc["published_from"] = ex.publishedAs;
  auto& list = doc["candidates"] = nlohmann::json::array();
  for (std::size_t i = 0; i < ex.candidates.size(); ++i) {
    const Candidate& c = ex.candidates[i];
    auto optional = [](const std::optional<double>& v) {
      return v ? nlohmann::json(*v) : nlohmann::json();
    };
    nlohmann::json figures = nlohmann::json::array();
    for (const FigureMention& f : c.figures)
      figures.push_back(
          {{"value", f.value}, {"amount", f.amount}, {"counts", countedName(f.counts)}});
    list.push_back({
        {"event_id", fmt::format("c{:03}", i + 1)},
        {"event_date", c.first ? nlohmann::json(formatDate(
                                     c.precision == MentionPrecision::Period ? *c.last : *c.first))
                               : nlohmann::json()},
        {"date_first", c.first ? nlohmann::json(formatDate(*c.first)) : nlohmann::json()},
        {"date_last", c.last ? nlohmann::json(formatDate(*c.last)) : nlohmann::json()},
        {"date_precision", mentionPrecisionName(c.precision)},
        {"event_type", c.type},
        {"actor1", c.actor1},
        {"actor2", c.actor2},
        {"location", c.location},
        {"admin1", c.admin1},
        {"latitude", optional(c.lat)},
        {"longitude", optional(c.lon)},
        {"geo_precision", c.geoPrecision},
        {"fatalities", optional(c.fatalities)},
        {"displaced", optional(c.displaced)},
        {"attacks", optional(c.attacks)},
        {"figures", figures},
        {"notes", notesOf(c)},
        {"source", articlePath},
        {"date_basis", c.dateBasis},
        {"confidence", std::round(c.confidence * 100) / 100},
        {"span_start", c.spanStart},
        {"span_end", c.spanEnd},
        {"conflict", c.conflict},
    });
  }
  return doc.dump(2) + "\n";
}

}  // namespace idlib
