#include "core/article_facts.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <cmath>
#include <optional>

#include "core/town_search.hpp"

namespace idlib {
namespace {

bool isApostrophe(std::string_view s, std::size_t i, std::size_t& length) {
  const auto c = static_cast<unsigned char>(s[i]);
  if (c == '\'' || c == '`') return (length = 1);
  // ’ ‘ (U+2019, U+2018), ʿ ʾ (U+02BF, U+02BE)
  if (c == 0xe2 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80 &&
      (static_cast<unsigned char>(s[i + 2]) == 0x99 ||
       static_cast<unsigned char>(s[i + 2]) == 0x98))
    return (length = 3);
  if (c == 0xca && i + 1 < s.size() &&
      (static_cast<unsigned char>(s[i + 1]) == 0xbf ||
       static_cast<unsigned char>(s[i + 1]) == 0xbe))
    return (length = 2);
  return false;
}

std::string joined(const std::vector<std::string>& words, std::string_view separator) {
  std::string out;
  for (const auto& w : words) {
    if (!out.empty() && !w.empty()) out += separator;
    out += w;
  }
  return out;
}

std::string_view wordText(std::string_view text, const Word& w) {
  return text.substr(w.span.begin, w.span.end - w.span.begin);
}

bool allUpper(std::string_view s) {
  bool letter = false;
  for (char c : s) {
    if (std::islower(static_cast<unsigned char>(c))) return false;
    letter |= std::isupper(static_cast<unsigned char>(c)) != 0;
  }
  return letter;
}

bool isArticle(const std::string& w) {
  return w == "al" || w == "el" || w == "an" || w == "ash" || w == "as" || w == "ar" || w == "ad" ||
         w == "at" || w == "az";
}

// Folded words of a whole sentence, computed once.
std::vector<std::string> foldAll(std::string_view text, const std::vector<Word>& words) {
  std::vector<std::string> out;
  out.reserve(words.size());
  for (const Word& w : words)
    out.push_back(foldWord(wordText(text, w)));
  return out;
}

}  // namespace

std::string foldWord(std::string_view utf8) {
  if (utf8.ends_with("'s"))
    utf8.remove_suffix(2);
  else if (utf8.ends_with("\xe2\x80\x99s"))
    utf8.remove_suffix(4);
  std::string out;
  bool other = false;
  for (std::size_t i = 0; i < utf8.size();) {
    std::size_t length = 0;
    if (isApostrophe(utf8, i, length)) {
      i += length;
      continue;
    }
    const auto c = static_cast<unsigned char>(utf8[i]);
    if (c >= 0x80) other = true;
    if (std::isalnum(c)) out += static_cast<char>(std::tolower(c));
    ++i;
  }
  if (!other) return out;
  std::string folded = foldName(utf8);  // diacritics and other scripts through ICU
  folded.erase(std::remove(folded.begin(), folded.end(), ' '), folded.end());
  return folded;
}

std::string_view geoPrecisionName(PlaceKind kind) {
  switch (kind) {
    case PlaceKind::Town:
      return "town";
    case PlaceKind::Province:
      return "region";
    case PlaceKind::Country:
      return "country";
  }
  return "town";
}

Gazetteer::Gazetteer(std::vector<GazetteerPlace> places) : places_(std::move(places)) {
  for (std::size_t i = 0; i < places_.size(); ++i) {
    std::vector<std::string> seen;
    for (const std::string& spelling : places_[i].spellings) {
      const std::string folded = foldName(spelling);
      std::string compact = folded;
      compact.erase(std::remove(compact.begin(), compact.end(), ' '), compact.end());
      if (compact.empty() || std::find(seen.begin(), seen.end(), compact) != seen.end()) continue;
      seen.push_back(compact);
      byCompact_[compact].push_back(i);
      const std::string skeleton = nameSkeleton(folded);
      if (skeleton.size() >= 4) {
        auto& list = bySkeleton_[skeleton];
        if (std::find(list.begin(), list.end(), i) == list.end()) list.push_back(i);
      }
    }
  }
  auto byRank = [&](std::size_t a, std::size_t b) { return places_[a].rank > places_[b].rank; };
  for (auto* map : {&byCompact_, &bySkeleton_})
    for (auto& [key, list] : *map)
      std::stable_sort(list.begin(), list.end(), byRank);
}

std::vector<std::size_t> Gazetteer::lookUp(const std::vector<std::string>& foldedWords,
                                           bool allowSkeleton) const {
  if (auto it = byCompact_.find(joined(foldedWords, "")); it != byCompact_.end()) return it->second;
  if (!allowSkeleton) return {};
  const std::string skeleton = nameSkeleton(joined(foldedWords, " "));
  if (skeleton.size() < 4) return {};
  if (auto it = bySkeleton_.find(skeleton); it != bySkeleton_.end()) return it->second;
  return {};
}

std::vector<PlaceMention> findPlaces(std::string_view text, const std::vector<Word>& words,
                                     const Gazetteer& gazetteer) {
  const std::vector<std::string> folded = foldAll(text, words);
  std::vector<PlaceMention> out;
  const auto& places = gazetteer.places();
  for (std::size_t i = 0; i < words.size();) {
    std::size_t used = 0;
    std::vector<std::size_t> found;
    if (words[i].capital && !words[i].numeric) {
      for (std::size_t n = std::min<std::size_t>(4, words.size() - i); n >= 1 && found.empty();
           --n) {
        std::vector<std::string> gram(folded.begin() + static_cast<long>(i),
                                      folded.begin() + static_cast<long>(i + n));
        bool properNoun = true;  // every word capitalised, or an Arabic article
        std::size_t letters = 0;
        for (std::size_t k = 0; k < n; ++k) {
          properNoun &= words[i + k].capital || isArticle(gram[k]);
          letters += gram[k].size();
        }
        if (isArticle(gram.back()) && n > 1) continue;
        found = gazetteer.lookUp(gram, properNoun && letters >= 5);
        used = n;
      }
    }
    if (found.empty()) {
      ++i;
      continue;
    }
    PlaceMention m{{words[i].span.begin, words[i + used - 1].span.end}, {}};
    const std::string next = i + used < words.size() ? folded[i + used] : "";
    const bool provinceWord = next == "province" || next == "governorate";
    const bool townWords =
        (i >= 2 && (folded[i - 2] == "city" || folded[i - 2] == "town") && folded[i - 1] == "of") ||
        next == "city";
    auto keep = [&](PlaceKind kind) {
      for (std::size_t p : found)
        if (places[p].kind == kind) m.places.push_back(p);
    };
    if (provinceWord) {
      keep(PlaceKind::Province);
      if (!m.places.empty()) {
        m.span.end = words[i + used].span.end;
        ++used;
      }
    } else if (townWords) {
      keep(PlaceKind::Town);
    } else {
      keep(PlaceKind::Province);  // a governorate and its capital: the province first
      keep(PlaceKind::Country);
      keep(PlaceKind::Town);
    }
    if (m.places.empty()) m.places = found;
    if (m.places.size() > 5) m.places.resize(5);
    out.push_back(std::move(m));
    i += used;
  }
  return out;
}

namespace {

struct LexiconEntry {
  std::string_view phrase;  // folded words, space-separated
  std::string_view actor;
};
constexpr std::array<LexiconEntry, 63> kActors = {{
    {"syrian government forces", "Syrian government forces"},
    {"syrian government", "Syrian government forces"},
    {"government forces", "Syrian government forces"},
    {"pro government forces", "Syrian government forces"},
    {"regime forces", "Syrian government forces"},
    {"syrian regime", "Syrian government forces"},
    {"assad regime", "Syrian government forces"},
    {"regime", "Syrian government forces"},
    {"syrian army", "Syrian government forces"},
    {"syrian arab army", "Syrian government forces"},
    {"troops loyal to assad", "Syrian government forces"},
    {"bashar al assad", "Syrian government forces"},
    {"assad", "Syrian government forces"},
    {"damascus", "Syrian government forces"},
    {"russia", "Russia"},
    {"russian", "Russia"},
    {"moscow", "Russia"},
    {"kremlin", "Russia"},
    {"putin", "Russia"},
    {"turkey", "Turkey"},
    {"turkish", "Turkey"},
    {"ankara", "Turkey"},
    {"erdogan", "Turkey"},
    {"iran", "Iran"},
    {"iranian", "Iran"},
    {"tehran", "Iran"},
    {"hezbollah", "Hezbollah"},
    {"hayat tahrir al sham", "HTS"},
    {"tahrir al sham", "HTS"},
    {"hts", "HTS"},
    {"nusra front", "HTS"},
    {"national liberation front", "Opposition factions (NLF)"},
    {"nlf", "Opposition factions (NLF)"},
    {"free syrian army", "Opposition factions"},
    {"syrian national army", "Opposition factions"},
    {"opposition forces", "Opposition factions"},
    {"opposition", "Opposition factions"},
    {"rebels", "Opposition factions"},
    {"rebel", "Opposition factions"},
    {"jihadists", "Opposition factions"},
    {"united nations", "UN"},
    {"un", "UN"},
    {"unhcr", "UN"},
    {"ocha", "UN"},
    {"unicef", "UN"},
    {"wfp", "UN"},
    {"security council", "UN"},
    {"white helmets", "White Helmets"},
    {"civil defense", "White Helmets"},
    {"civil defence", "White Helmets"},
    {"amnesty international", "Amnesty International"},
    {"human rights watch", "Human Rights Watch"},
    {"doctors without borders", "MSF"},
    {"msf", "MSF"},
    {"relief agencies", "Aid agencies"},
    {"united states", "United States"},
    {"us", "United States"},
    {"washington", "United States"},
    {"trump", "United States"},
    {"eu", "EU"},
    {"european union", "EU"},
    {"ypg", "YPG (SDF)"},
    {"daesh", "ISIS"},
}};

}  // namespace

std::vector<ActorMention> findActors(std::string_view text, const std::vector<Word>& words) {
  const std::vector<std::string> folded = foldAll(text, words);
  std::vector<ActorMention> out;
  for (std::size_t i = 0; i < words.size();) {
    std::size_t used = 0;
    std::string_view actor;
    for (std::size_t n = std::min<std::size_t>(4, words.size() - i); n >= 1 && actor.empty(); --n) {
      std::vector<std::string> gram(folded.begin() + static_cast<long>(i),
                                    folded.begin() + static_cast<long>(i + n));
      const std::string phrase = joined(gram, " ");
      for (const LexiconEntry& e : kActors)
        if (e.phrase == phrase) {
          // "us" and "un" are words too: only US, U.S., UN, U.N. name them.
          if ((phrase == "us" || phrase == "un" || phrase == "eu") &&
              !allUpper(wordText(text, words[i])))
            continue;
          actor = e.actor;
          used = n;
          break;
        }
    }
    if (actor.empty()) {
      ++i;
      continue;
    }
    out.push_back({{words[i].span.begin, words[i + used - 1].span.end}, std::string(actor)});
    i += used;
  }
  return out;
}

std::string_view countedName(Counted c) {
  switch (c) {
    case Counted::Displaced:
      return "displaced";
    case Counted::Killed:
      return "killed";
    case Counted::SoldiersKilled:
      return "soldiers killed";
    case Counted::Injured:
      return "injured";
    case Counted::Refugees:
      return "refugees";
    case Counted::Attacks:
      return "attacks";
    case Counted::Population:
      return "population";
    case Counted::People:
      return "people";
  }
  return "people";
}

namespace {

std::optional<double> numericValue(std::string_view s) {
  std::string digits;
  for (char c : s) {
    if (c == ',') continue;
    if (!std::isdigit(static_cast<unsigned char>(c)) && c != '.') return std::nullopt;
    digits += c;
  }
  double v = 0;
  auto [p, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), v);
  if (ec != std::errc() || p != digits.data() + digits.size()) return std::nullopt;
  return v;
}

std::optional<double> numberWord(const std::string& w) {
  static constexpr std::array<std::string_view, 20> kUnits = {
      "zero",     "one",     "two",     "three",     "four",     "five",    "six",
      "seven",    "eight",   "nine",    "ten",       "eleven",   "twelve",  "thirteen",
      "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"};
  static constexpr std::array<std::string_view, 8> kTens = {
      "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"};
  for (std::size_t i = 1; i < kUnits.size(); ++i)
    if (w == kUnits[i]) return static_cast<double>(i);
  for (std::size_t i = 0; i < kTens.size(); ++i)
    if (w == kTens[i]) return static_cast<double>(20 + 10 * i);
  return std::nullopt;
}

std::optional<double> scaleWord(const std::string& w) {
  if (w == "hundred") return 1e2;
  if (w == "thousand") return 1e3;
  if (w == "million") return 1e6;
  if (w == "billion") return 1e9;
  return std::nullopt;
}

bool vagueWord(const std::string& w) {
  return w == "dozens" || w == "hundreds" || w == "thousands" || w == "millions" || w == "scores" ||
         w == "tens";
}

bool notCounted(const std::string& w) {  // units that make a number something other than a count
  static constexpr std::array<std::string_view, 16> kUnits = {
      "years", "year",    "days", "day",        "weeks",      "week",  "months",  "month",
      "hours", "minutes", "km",   "kilometres", "kilometers", "miles", "percent", "per"};
  return std::find(kUnits.begin(), kUnits.end(), w) != kUnits.end();
}

std::optional<Counted> nounCount(const std::string& w, bool killing) {
  if (w == "attacks" || w == "strikes" || w == "airstrikes" || w == "raids" || w == "hospitals" ||
      w == "facilities")
    return Counted::Attacks;
  if (w == "refugees" || w == "refugee") return Counted::Refugees;
  if (w == "soldiers" || w == "troops" || w == "fighters")
    return killing ? Counted::SoldiersKilled : Counted::People;
  if (w == "displaced" || w == "idps") return Counted::Displaced;
  if (w == "dead" || w == "deaths") return Counted::Killed;
  if (w == "people" || w == "civilians" || w == "syrians" || w == "residents" || w == "families" ||
      w == "children" || w == "civilian" || w == "persons" || w == "inhabitants" || w == "babies" ||
      w == "population")
    return Counted::People;
  return std::nullopt;
}

std::optional<Counted> cueCount(const std::string& w) {
  if (w.starts_with("displace") || w == "fled" || w.starts_with("flee") || w == "pushing" ||
      w == "exodus" || w == "uprooted" || w == "forced")
    return Counted::Displaced;
  if (w == "killed" || w == "killing" || w == "dead" || w == "died" || w == "deaths" || w == "toll")
    return Counted::Killed;
  if (w == "wounded" || w == "injured") return Counted::Injured;
  if (w == "population" || w == "inhabitants" || w == "hosts" || w == "hosting")
    return Counted::Population;
  return std::nullopt;
}

constexpr std::array<std::string_view, 14> kQualifiers = {
    "nearly", "almost",    "about", "around", "some", "approximately", "roughly",
    "over",   "estimated", "least", "than",   "to",   "many",          "another"};

}  // namespace

// More people than have ever lived in the region: a misreading (or a hostile text), not a count.
constexpr double kLargestFigure = 1e9;

std::vector<FigureMention> findFigures(std::string_view text, const std::vector<Word>& words,
                                       const std::vector<TextSpan>& dates) {
  const std::vector<std::string> f = foldAll(text, words);
  auto at = [&](std::size_t i) -> const std::string& {
    static const std::string empty;
    return i < f.size() ? f[i] : empty;
  };
  std::size_t nextDate = 0;  // words and dates are both in text order: a cursor, no rescans
  auto inDate = [&](const Word& w) {
    while (nextDate < dates.size() && dates[nextDate].end <= w.span.begin)
      ++nextDate;
    return nextDate < dates.size() && w.span.begin >= dates[nextDate].begin &&
           w.span.end <= dates[nextDate].end;
  };
  bool killing = false;
  for (const auto& w : f)
    killing |= cueCount(w) == Counted::Killed;

  std::vector<FigureMention> out;
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (inDate(words[i])) continue;
    std::size_t k = i;
    double value = 0;
    bool vague = false, wordNumber = false;
    if (words[k].numeric) {
      const auto v = numericValue(wordText(text, words[k]));
      if (!v) continue;
      value = *v;
      ++k;
    } else if (const auto v = numberWord(at(k))) {
      value = *v;
      wordNumber = true;
      ++k;
      if (const auto more = numberWord(at(k)); more && value >= 20 && *more < 10)
        value += *more, ++k;
    } else if (at(k) == "half" && at(k + 1) == "a" && scaleWord(at(k + 2))) {
      value = 0.5;
      k += 1;
    } else if (at(k) == "a" && (at(k + 1) == "million" || at(k + 1) == "thousand")) {
      value = 1;
    } else if (vagueWord(at(k))) {
      vague = true;
      ++k;
      if (at(k) == "of" || at(k) == "more") ++k;
    } else {
      continue;
    }
    if (at(k) == "a") ++k;
    if (!vague)
      while (const auto scale = scaleWord(at(k))) {
        value *= *scale;
        ++k;
      }
    if (notCounted(at(k))) continue;
    const std::size_t numberEnd = k;  // one past the amount's words
    // What it counts: a noun within the next words, or the nearest cue in the sentence.
    std::optional<Counted> counts;
    bool noun = false;
    for (std::size_t n = k; n < std::min(words.size(), k + 4) && !counts; ++n) {
      if (at(n) == "and" || at(n) == "or") break;
      if ((counts = nounCount(at(n), killing))) {
        noun = true;
        k = n + 1;
      }
    }
    if (wordNumber && !noun && value < 100) continue;  // "one way", "nine brutal years"
    if (!noun && !vague && value < 10) continue;
    if (!counts || *counts == Counted::People) {
      std::optional<Counted> cue;
      std::size_t best = 11;
      for (std::size_t n = i >= 10 ? i - 10 : 0; n < std::min(words.size(), k + 10); ++n)
        if (const auto c = cueCount(at(n))) {
          const std::size_t distance = n < i ? i - n : n - i;
          if (distance < best) best = distance, cue = c;
        }
      if (cue) counts = cue;
    }
    if (!counts) continue;
    std::size_t start = i;  // the qualifier belongs to the figure's words
    while (start > 0 &&
           std::find(kQualifiers.begin(), kQualifiers.end(), at(start - 1)) != kQualifiers.end()) {
      if (at(start - 1) == "to" && at(start - 2) != "up") break;
      --start;
      if ((at(start) == "than" || at(start) == "least" || at(start) == "many") && start > 0)
        --start;
    }
    if (value > kLargestFigure) continue;  // "99999999999999999999 killed" is no figure
    FigureMention m;
    m.span = {words[start].span.begin, words[k - 1].span.end};
    m.value = vague ? 0 : std::round(value);
    m.amount = std::string(text.substr(words[start].span.begin,
                                       words[numberEnd - 1].span.end - words[start].span.begin));
    m.counts = *counts;
    out.push_back(std::move(m));
    i = k - 1;
  }
  return out;
}

namespace {

struct CueEntry {
  std::string_view word;
  std::string_view type;
};
constexpr std::string_view kRemote = "Explosions/Remote violence";
constexpr std::string_view kBattles = "Battles";
constexpr std::string_view kCivilians = "Violence against civilians";
constexpr std::string_view kStrategic = "Strategic developments";
constexpr std::string_view kDisplacement = "Displacement";
constexpr std::string_view kStatement = "Statement";
constexpr std::array<CueEntry, 58> kCues = {{
    {"shelling", kRemote},       {"shelled", kRemote},
    {"artillery", kRemote},      {"airstrike", kRemote},
    {"airstrikes", kRemote},     {"strikes", kRemote},
    {"bombing", kRemote},        {"bombings", kRemote},
    {"bombs", kRemote},          {"bombed", kRemote},
    {"bombardment", kRemote},    {"missile", kRemote},
    {"missiles", kRemote},       {"rockets", kRemote},
    {"drone", kRemote},          {"raids", kRemote},
    {"attacks", kRemote},        {"clashes", kBattles},
    {"clash", kBattles},         {"fighting", kBattles},
    {"battle", kBattles},        {"offensive", kBattles},
    {"assault", kBattles},       {"captured", kBattles},
    {"capturing", kBattles},     {"takeover", kBattles},
    {"seized", kBattles},        {"recaptured", kBattles},
    {"retook", kBattles},        {"massacre", kCivilians},
    {"executed", kCivilians},    {"agreement", kStrategic},
    {"ceasefire", kStrategic},   {"ceasefires", kStrategic},
    {"deal", kStrategic},        {"convoy", kStrategic},
    {"deployed", kStrategic},    {"reinforce", kStrategic},
    {"reinforcing", kStrategic}, {"summit", kStrategic},
    {"talks", kStrategic},       {"displaced", kDisplacement},
    {"fled", kDisplacement},     {"fleeing", kDisplacement},
    {"flee", kDisplacement},     {"displacement", kDisplacement},
    {"said", kStatement},        {"says", kStatement},
    {"told", kStatement},        {"stated", kStatement},
    {"statement", kStatement},   {"warned", kStatement},
    {"urged", kStatement},       {"tweet", kStatement},
    {"communique", kStatement},  {"rejected", kStatement},
    {"meeting", kStatement},     {"met", kStatement},
}};

}  // namespace

std::vector<TypeCue> findTypeCues(std::string_view text, const std::vector<Word>& words) {
  std::vector<TypeCue> out;
  for (const Word& w : words) {
    const std::string folded = foldWord(wordText(text, w));
    for (const CueEntry& e : kCues)
      if (folded == e.word) {
        out.push_back({w.span, std::string(e.type)});
        break;
      }
  }
  return out;
}

}  // namespace idlib
