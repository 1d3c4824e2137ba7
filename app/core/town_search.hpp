#pragma once
// Finds towns by name however they are spelled: "Saraqeb" or "Saraqib", "Maarat al-Numan" or
// "Ma‘arrat an Nu‘mān". Names are folded to ASCII (ICU's Any-Latin; Latin-ASCII), then compared
// in full and as a consonant skeleton, which is how Arabic transliterations differ.
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace idlib {

// Lower-case ASCII words without apostrophes or diacritics: "Ma‘arrat an-Nu‘mān" -> "maarrat an
// numan".
std::string foldName(std::string_view utf8);
// Consonants only, articles and doubled letters dropped: "maarrat an numan" -> "mrtnmn".
std::string nameSkeleton(std::string_view folded);

struct SearchEntry {
  std::string name;                    // the name shown
  std::vector<std::string> spellings;  // name and alternative names
  double rank = 0;                     // bigger towns first when matches tie (e.g. population)
  std::size_t payload = 0;             // caller's index (e.g. feature number)
};

struct SearchHit {
  std::size_t entry = 0;
  std::string matchedSpelling;
  int quality = 0;  // higher is better
};

class TownSearch {
 public:
  explicit TownSearch(std::vector<SearchEntry> entries);
  ~TownSearch();
  const std::vector<SearchEntry>& entries() const { return entries_; }
  std::vector<SearchHit> find(std::string_view query, std::size_t maxHits = 12) const;

 private:
  struct Key {
    std::size_t entry;
    std::string spelling, folded, compact, skeleton;
  };
  std::vector<SearchEntry> entries_;
  std::vector<Key> keys_;
};

}  // namespace idlib
