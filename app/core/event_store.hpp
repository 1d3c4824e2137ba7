#pragma once
// Events stored column-wise (issue 12): dates, positions and kinds as packed arrays, the short
// texts that repeat (types, actors, places, sources) interned, ids and notes in a text arena that
// can live in a memory-mapped cache file. About 130 bytes per event stay resident, against about a
// kilobyte for a struct of strings. Consumers read an event through EventRef, a light view whose
// accessors are named as Event's members.
#include <cstdint>
#include <functional>
#include <iterator>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/date.hpp"
#include "core/geometry.hpp"

namespace idlib {

struct Event;
enum class PlacePrecision;
class EventStore;

// Where a row came from, as views into the store (valid while the store is not changed).
struct ProvenanceRef {
  std::string_view file;
  int line = 0;
  std::string_view source, confidence;
};

// Read-only view of one event; cheap to copy, valid while its store is not changed.
class EventRef {
 public:
  EventRef(const EventStore& store, std::size_t index) : store_(&store), index_(index) {}

  std::size_t index() const { return index_; }
  std::string_view id() const;
  Day date() const;
  DatePrecision precision() const;
  std::string_view type() const;
  std::string_view actor1() const;
  std::string_view actor2() const;
  std::string_view location() const;
  std::string_view admin1() const;
  std::string_view assocActor1() const;
  std::string_view assocActor2() const;
  std::string_view admin2() const;
  std::string_view admin3() const;
  std::string_view iso() const;
  std::optional<long long> timestamp() const;
  LonLat where() const;
  Vec2 position() const;
  PlacePrecision place() const;
  std::optional<long> fatalities() const;
  std::optional<long> displaced() const;
  std::optional<long> attacks() const;
  std::string_view notes() const;
  std::string_view dateBasis() const;
  ProvenanceRef provenance() const;
  std::uint16_t sourceIndex() const;

  Event toEvent() const;  // an owning copy, for code that edits or keeps one

  friend bool operator==(EventRef a, EventRef b) {
    return a.store_ == b.store_ && a.index_ == b.index_;
  }

 private:
  const EventStore* store_;
  std::size_t index_;
};

// Text columns kept interned: few distinct values in ACLED-style tables.
enum class Pooled : std::uint8_t {
  Type,
  Actor1,
  Actor2,
  Location,
  Admin1,
  AssocActor1,
  AssocActor2,
  Admin2,
  Admin3,
  Iso,
  DateBasis,
  File,
  Source,
  Confidence,
  Count
};
inline constexpr std::size_t kPooledCount = static_cast<std::size_t>(Pooled::Count);

// Bytes of text that stay put while the store lives: an owned string or a mapped cache file. A
// mapped file may give back the pages read so far on a read; their bytes stay readable.
class TextBlock {
 public:
  virtual ~TextBlock() = default;
  virtual std::string_view bytes() const = 0;
};

class EventStore {
 public:
  class Iterator {
   public:
    using iterator_category = std::random_access_iterator_tag;
    using value_type = EventRef;
    using difference_type = std::ptrdiff_t;
    using reference = EventRef;
    using pointer = void;
    Iterator() = default;
    Iterator(const EventStore* s, std::size_t i) : store_(s), i_(i) {}
    EventRef operator*() const { return {*store_, i_}; }
    EventRef operator[](difference_type d) const { return {*store_, i_ + d}; }
    Iterator& operator++() { return ++i_, *this; }
    Iterator operator++(int) { return {store_, i_++}; }
    Iterator& operator--() { return --i_, *this; }
    Iterator operator--(int) { return {store_, i_--}; }
    Iterator& operator+=(difference_type d) { return i_ += d, *this; }
    Iterator& operator-=(difference_type d) { return i_ -= d, *this; }
    friend Iterator operator+(Iterator a, difference_type d) { return a += d; }
    friend Iterator operator+(difference_type d, Iterator a) { return a += d; }
    friend Iterator operator-(Iterator a, difference_type d) { return a -= d; }
    friend difference_type operator-(Iterator a, Iterator b) {
      return static_cast<difference_type>(a.i_) - static_cast<difference_type>(b.i_);
    }
    friend bool operator==(Iterator a, Iterator b) { return a.i_ == b.i_; }
    friend auto operator<=>(Iterator a, Iterator b) { return a.i_ <=> b.i_; }

   private:
    const EventStore* store_ = nullptr;
    std::size_t i_ = 0;
  };

  std::size_t size() const { return date_.size(); }
  bool empty() const { return date_.empty(); }
  EventRef operator[](std::size_t i) const { return {*this, i}; }
  EventRef front() const { return {*this, 0}; }
  EventRef back() const { return {*this, size() - 1}; }
  Iterator begin() const { return {this, 0}; }
  Iterator end() const { return {this, size()}; }

  // Adds one event (its strings interned, its texts copied into the store).
  void push_back(const Event& e);
  // Moves every event of `other` to the end of this store (its mapped texts stay mapped).
  void append(EventStore&& other);
  void reserve(std::size_t n);
  void clear() { *this = EventStore{}; }
  // Orders by date, keeping the order of events on the same day (as std::stable_sort).
  void sortByDate();
  // Places event i on another map plane (when the view's projection changes).
  void setPosition(std::size_t i, Vec2 p) {
    x_[i] = p.x;
    y_[i] = p.y;
  }
  // Says every event comes from table `source` (a cached table may be another source now).
  void setSourceIndex(std::uint16_t source) { source_.assign(size(), source); }

  const std::vector<Day>& dates() const { return date_; }
  // The distinct values of one interned column, e.g. the event types, in no particular order.
  std::vector<std::string_view> distinct(Pooled column) const;
  // The memory the store holds (columns, interned strings, owned texts; not mapped files).
  std::size_t residentBytes() const;

 private:
  friend class EventRef;
  friend struct EventStoreAccess;  // the cache's reader and writer

  std::string_view pooled(Pooled column, std::size_t i) const {
    return pool_[pooled_[static_cast<std::size_t>(column)][i]];
  }
  std::uint32_t intern(std::string_view s);
  // Id and notes of event i, as the text arena holds them: two length-prefixed strings.
  std::pair<std::string_view, std::string_view> texts(std::size_t i) const;
  std::string_view arena(std::size_t a) const {
    return a == 0 ? std::string_view(ownText_) : blocks_[a - 1]->bytes();
  }

  std::vector<Day> date_;
  std::vector<std::uint8_t> precision_, place_;
  std::vector<std::uint16_t> source_;
  std::vector<double> lon_, lat_;
  std::vector<double> x_, y_;  // the map plane: a world plane needs doubles for centimetres
  std::vector<std::uint32_t> line_;
  std::vector<std::int32_t> fatalities_, displaced_, attacks_;  // kNoCount: none
  std::vector<std::int64_t> timestamp_;                         // kNoTimestamp: none
  std::vector<std::uint64_t> text_;  // arena (top 8 bits; 0 = ownText_) and offset of id, notes
  std::vector<std::uint32_t> pooled_[kPooledCount];
  struct TextHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  std::vector<std::string> pool_;
  std::unordered_map<std::string, std::uint32_t, TextHash, std::equal_to<>> poolIndex_;
  std::string ownText_;
  std::vector<std::shared_ptr<const TextBlock>> blocks_;  // arena k is blocks_[k - 1]
};

}  // namespace idlib
