#pragma once
// Who, where and how many in an article's words: places from the app's gazetteer (every spelling,
// folded and as consonant skeletons, as core/town_search compares them), actors from a small
// lexicon the project writes, and figures with what they count ("nearly one million displaced").
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/article_text.hpp"

namespace idlib {

enum class PlaceKind { Town, Province, Country };
std::string_view geoPrecisionName(PlaceKind kind);  // "town", "region", "country"

// One place of the gazetteer, as plain data (the caller reads towns, governorates and countries).
struct GazetteerPlace {
  std::string name;
  std::vector<std::string> spellings;  // the name and its alternative spellings
  PlaceKind kind = PlaceKind::Town;
  std::string admin1;  // the governorate or province a town is in; a province's own name
  double lon = 0, lat = 0;
  double rank = 0;  // population: the bigger of two same-named towns comes first
};

class Gazetteer {
 public:
  explicit Gazetteer(std::vector<GazetteerPlace> places);
  const std::vector<GazetteerPlace>& places() const { return places_; }
  // Places spelled `words` (folded words, e.g. {"maarat", "al", "numan"}), best first; exact
  // spellings before consonant skeletons.
  std::vector<std::size_t> lookUp(const std::vector<std::string>& foldedWords,
                                  bool allowSkeleton) const;

 private:
  std::vector<GazetteerPlace> places_;
  std::unordered_map<std::string, std::vector<std::size_t>> byCompact_, bySkeleton_;
};

struct PlaceMention {
  TextSpan span;
  std::vector<std::size_t>
      places;  // into Gazetteer::places(), best first; more than one: ambiguous
};
std::vector<PlaceMention> findPlaces(std::string_view text, const std::vector<Word>& words,
                                     const Gazetteer& gazetteer);

struct ActorMention {
  TextSpan span;
  std::string actor;  // "Syrian government forces", "Turkey", "UN", ...
};
std::vector<ActorMention> findActors(std::string_view text, const std::vector<Word>& words);

enum class Counted {
  Displaced,
  Killed,
  SoldiersKilled,
  Injured,
  Refugees,
  Attacks,
  Population,
  People
};
std::string_view countedName(Counted c);  // "displaced", "killed", ...

struct FigureMention {
  TextSpan span;       // the qualifier, the number and the counted noun
  double value = 0;    // 0 for vague amounts ("hundreds")
  std::string amount;  // as written: "nearly one million", "hundreds"
  Counted counts = Counted::People;
};
// Figures among `words`; numbers inside `dates` (spans of date mentions) are not figures.
std::vector<FigureMention> findFigures(std::string_view text, const std::vector<Word>& words,
                                       const std::vector<TextSpan>& dates);

// ACLED's event types where the words fit, plus "Displacement" and "Statement".
struct TypeCue {
  TextSpan span;
  std::string type;
};
std::vector<TypeCue> findTypeCues(std::string_view text, const std::vector<Word>& words);

// A word folded for matching: lower-case ASCII, apostrophes and a possessive 's dropped.
std::string foldWord(std::string_view utf8);

}  // namespace idlib
