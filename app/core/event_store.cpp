#include "core/event_store.hpp"

#include <algorithm>
#include <limits>
#include <numeric>

#include "core/timeline.hpp"

namespace idlib {
namespace {

constexpr std::int32_t kNoCount = std::numeric_limits<std::int32_t>::min();
constexpr std::int64_t kNoTimestamp = std::numeric_limits<std::int64_t>::min();
constexpr int kArenaShift = 56;
constexpr std::uint64_t kOffsetMask = (std::uint64_t{1} << kArenaShift) - 1;
constexpr std::size_t kMaxBlocks = 255;

std::int32_t packCount(const std::optional<long>& n) {
  if (!n) return kNoCount;
  return static_cast<std::int32_t>(std::clamp<long>(*n, kNoCount + 1, 2147483647L));
}

std::optional<long> unpackCount(std::int32_t n) {
  return n == kNoCount ? std::nullopt : std::optional<long>(n);
}

void putLength(std::string& out, std::size_t n) {  // LEB128
  do {
    const auto low = static_cast<unsigned char>(n & 0x7f);
    n >>= 7;
    out.push_back(static_cast<char>(n ? low | 0x80 : low));
  } while (n);
}

// Reads a length-prefixed string at `at`; stops at the arena's end (the cache checks every
// event's texts when it opens, so this only guards).
std::string_view takeText(std::string_view arena, std::size_t& at) {
  std::size_t n = 0;
  for (int shift = 0; at < arena.size() && shift < 63; shift += 7) {
    const auto byte = static_cast<unsigned char>(arena[at++]);
    n |= std::size_t{byte & 0x7fu} << shift;
    if (!(byte & 0x80)) break;
  }
  n = std::min(n, arena.size() - at);
  const std::string_view s = arena.substr(at, n);
  at += n;
  return s;
}

// The order that sorts `dates`, equal dates keeping theirs. A table's dates span a few thousand
// days: counted per day, that is one pass, where a merge sort of a million took ~60 ms.
std::vector<std::size_t> dateOrder(const std::vector<Day>& dates) {
  std::vector<std::size_t> order(dates.size());
  if (dates.empty()) return order;
  const auto [lowest, highest] = std::minmax_element(dates.begin(), dates.end());
  const std::int64_t days = std::int64_t{*highest} - *lowest + 1;
  if (days > static_cast<std::int64_t>(4 * dates.size() + 4096)) {
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return dates[a] < dates[b]; });
    return order;
  }
  std::vector<std::size_t> next(static_cast<std::size_t>(days) + 1);  // first place of each day
  for (const Day d : dates)
    ++next[static_cast<std::size_t>(d - *lowest) + 1];
  std::partial_sum(next.begin(), next.end(), next.begin());
  for (std::size_t i = 0; i < dates.size(); ++i)
    order[next[static_cast<std::size_t>(dates[i] - *lowest)]++] = i;
  return order;
}

template <class T>
void permute(std::vector<T>& v, const std::vector<std::size_t>& order) {
  std::vector<T> out;
  out.reserve(v.size());
  for (const std::size_t i : order)
    out.push_back(v[i]);
  v = std::move(out);
}

// Moves `from`'s values to the end of `to` and frees `from` at once: a table of millions of
// events is never held twice over, only one column at a time.
template <class T>
void moveAppend(std::vector<T>& to, std::vector<T>& from) {
  to.insert(to.end(), from.begin(), from.end());
  std::vector<T>().swap(from);
}

}  // namespace

std::string_view EventRef::id() const {
  return store_->texts(index_).first;
}
Day EventRef::date() const {
  return store_->date_[index_];
}
DatePrecision EventRef::precision() const {
  return static_cast<DatePrecision>(store_->precision_[index_]);
}
std::string_view EventRef::type() const {
  return store_->pooled(Pooled::Type, index_);
}
std::string_view EventRef::actor1() const {
  return store_->pooled(Pooled::Actor1, index_);
}
std::string_view EventRef::actor2() const {
  return store_->pooled(Pooled::Actor2, index_);
}
std::string_view EventRef::location() const {
  return store_->pooled(Pooled::Location, index_);
}
std::string_view EventRef::admin1() const {
  return store_->pooled(Pooled::Admin1, index_);
}
std::string_view EventRef::assocActor1() const {
  return store_->pooled(Pooled::AssocActor1, index_);
}
std::string_view EventRef::assocActor2() const {
  return store_->pooled(Pooled::AssocActor2, index_);
}
std::string_view EventRef::admin2() const {
  return store_->pooled(Pooled::Admin2, index_);
}
std::string_view EventRef::admin3() const {
  return store_->pooled(Pooled::Admin3, index_);
}
std::string_view EventRef::iso() const {
  return store_->pooled(Pooled::Iso, index_);
}
std::optional<long long> EventRef::timestamp() const {
  const std::int64_t t = store_->timestamp_[index_];
  return t == kNoTimestamp ? std::nullopt : std::optional<long long>(t);
}
LonLat EventRef::where() const {
  return {store_->lon_[index_], store_->lat_[index_]};
}
Vec2 EventRef::position() const {
  return {store_->x_[index_], store_->y_[index_]};
}
PlacePrecision EventRef::place() const {
  return static_cast<PlacePrecision>(store_->place_[index_]);
}
std::optional<long> EventRef::fatalities() const {
  return unpackCount(store_->fatalities_[index_]);
}
std::optional<long> EventRef::displaced() const {
  return unpackCount(store_->displaced_[index_]);
}
std::optional<long> EventRef::attacks() const {
  return unpackCount(store_->attacks_[index_]);
}
std::string_view EventRef::notes() const {
  return store_->texts(index_).second;
}
std::string_view EventRef::dateBasis() const {
  return store_->pooled(Pooled::DateBasis, index_);
}
ProvenanceRef EventRef::provenance() const {
  return {store_->pooled(Pooled::File, index_), static_cast<int>(store_->line_[index_]),
          store_->pooled(Pooled::Source, index_), store_->pooled(Pooled::Confidence, index_)};
}
std::uint16_t EventRef::sourceIndex() const {
  return store_->source_[index_];
}

Event EventRef::toEvent() const {
  Event e;
  e.id = id();
  e.date = date();
  e.precision = precision();
  e.type = type();
  e.actor1 = actor1();
  e.actor2 = actor2();
  e.location = location();
  e.admin1 = admin1();
  e.assocActor1 = assocActor1();
  e.assocActor2 = assocActor2();
  e.admin2 = admin2();
  e.admin3 = admin3();
  e.iso = iso();
  e.timestamp = timestamp();
  e.where = where();
  e.position = position();
  e.place = place();
  e.fatalities = fatalities();
  e.displaced = displaced();
  e.attacks = attacks();
  e.notes = notes();
  e.dateBasis = dateBasis();
  const ProvenanceRef p = provenance();
  e.provenance = {std::string(p.file), p.line, std::string(p.source), std::string(p.confidence)};
  e.sourceIndex = sourceIndex();
  return e;
}

std::uint32_t EventStore::intern(std::string_view s) {
  if (const auto it = poolIndex_.find(s); it != poolIndex_.end()) return it->second;
  const auto id = static_cast<std::uint32_t>(pool_.size());
  pool_.emplace_back(s);
  poolIndex_.emplace(std::string(s), id);
  return id;
}

std::pair<std::string_view, std::string_view> EventStore::texts(std::size_t i) const {
  const std::uint64_t ref = text_[i];
  const std::string_view a = arena(static_cast<std::size_t>(ref >> kArenaShift));
  std::size_t at = static_cast<std::size_t>(ref & kOffsetMask);
  const std::string_view id = takeText(a, at);
  return {id, takeText(a, at)};
}

void EventStore::reserve(std::size_t n) {
  date_.reserve(n);
  precision_.reserve(n);
  place_.reserve(n);
  source_.reserve(n);
  lon_.reserve(n);
  lat_.reserve(n);
  x_.reserve(n);
  y_.reserve(n);
  line_.reserve(n);
  fatalities_.reserve(n);
  displaced_.reserve(n);
  attacks_.reserve(n);
  timestamp_.reserve(n);
  text_.reserve(n);
  for (auto& column : pooled_)
    column.reserve(n);
}

void EventStore::push_back(const Event& e) {
  date_.push_back(e.date);
  precision_.push_back(static_cast<std::uint8_t>(e.precision));
  place_.push_back(static_cast<std::uint8_t>(e.place));
  source_.push_back(e.sourceIndex);
  lon_.push_back(e.where.lon);
  lat_.push_back(e.where.lat);
  x_.push_back(e.position.x);
  y_.push_back(e.position.y);
  line_.push_back(static_cast<std::uint32_t>(std::max(0, e.provenance.line)));
  fatalities_.push_back(packCount(e.fatalities));
  displaced_.push_back(packCount(e.displaced));
  attacks_.push_back(packCount(e.attacks));
  timestamp_.push_back(e.timestamp ? *e.timestamp : kNoTimestamp);
  text_.push_back(ownText_.size());
  putLength(ownText_, e.id.size());
  ownText_ += e.id;
  putLength(ownText_, e.notes.size());
  ownText_ += e.notes;
  const std::string_view values[kPooledCount] = {e.type,
                                                 e.actor1,
                                                 e.actor2,
                                                 e.location,
                                                 e.admin1,
                                                 e.assocActor1,
                                                 e.assocActor2,
                                                 e.admin2,
                                                 e.admin3,
                                                 e.iso,
                                                 e.dateBasis,
                                                 e.provenance.file,
                                                 e.provenance.source,
                                                 e.provenance.confidence};
  for (std::size_t c = 0; c < kPooledCount; ++c)
    pooled_[c].push_back(intern(values[c]));
}

void EventStore::append(EventStore&& other) {
  if (other.empty()) return;
  if (empty() && pool_.empty() && ownText_.empty() && blocks_.empty()) {
    *this = std::move(other);
    return;
  }
  std::vector<std::uint32_t> remap(other.pool_.size());
  for (std::size_t i = 0; i < remap.size(); ++i)
    remap[i] = intern(other.pool_[i]);
  for (std::size_t c = 0; c < kPooledCount; ++c) {
    pooled_[c].reserve(pooled_[c].size() + other.pooled_[c].size());
    for (const std::uint32_t id : other.pooled_[c])
      pooled_[c].push_back(remap[id]);
    std::vector<std::uint32_t>().swap(other.pooled_[c]);
  }
  // Texts: owned ones are copied; mapped blocks join this store's, as long as refs can name them.
  const bool keepBlocks = blocks_.size() + other.blocks_.size() <= kMaxBlocks;
  const std::uint64_t ownShift = ownText_.size();
  const std::uint64_t blockShift = blocks_.size();
  if (keepBlocks) {
    ownText_ += other.ownText_;
    blocks_.insert(blocks_.end(), other.blocks_.begin(), other.blocks_.end());
  }
  text_.reserve(text_.size() + other.text_.size());
  for (std::size_t i = 0; i < other.text_.size(); ++i) {
    const std::uint64_t ref = other.text_[i];
    const std::uint64_t block = ref >> kArenaShift;
    if (!keepBlocks) {
      const auto [id, notes] = other.texts(i);
      text_.push_back(ownText_.size());
      putLength(ownText_, id.size());
      ownText_ += id;
      putLength(ownText_, notes.size());
      ownText_ += notes;
    } else if (block == 0) {
      text_.push_back(ref + ownShift);
    } else {
      text_.push_back(((block + blockShift) << kArenaShift) | (ref & kOffsetMask));
    }
  }
  if (keepBlocks) std::vector<std::uint64_t>().swap(other.text_);
  moveAppend(date_, other.date_);
  moveAppend(precision_, other.precision_);
  moveAppend(place_, other.place_);
  moveAppend(source_, other.source_);
  moveAppend(lon_, other.lon_);
  moveAppend(lat_, other.lat_);
  moveAppend(x_, other.x_);
  moveAppend(y_, other.y_);
  moveAppend(line_, other.line_);
  moveAppend(fatalities_, other.fatalities_);
  moveAppend(displaced_, other.displaced_);
  moveAppend(attacks_, other.attacks_);
  moveAppend(timestamp_, other.timestamp_);
  other.clear();
}

void EventStore::sortByDate() {
  if (std::is_sorted(date_.begin(), date_.end())) return;
  const std::vector<std::size_t> order = dateOrder(date_);
  permute(date_, order);
  permute(precision_, order);
  permute(place_, order);
  permute(source_, order);
  permute(lon_, order);
  permute(lat_, order);
  permute(x_, order);
  permute(y_, order);
  permute(line_, order);
  permute(fatalities_, order);
  permute(displaced_, order);
  permute(attacks_, order);
  permute(timestamp_, order);
  permute(text_, order);
  for (auto& column : pooled_)
    permute(column, order);
}

std::vector<std::string_view> EventStore::distinct(Pooled column) const {
  std::vector<bool> used(pool_.size());
  for (const std::uint32_t id : pooled_[static_cast<std::size_t>(column)])
    used[id] = true;
  std::vector<std::string_view> out;
  for (std::size_t i = 0; i < used.size(); ++i)
    if (used[i]) out.emplace_back(pool_[i]);
  return out;
}

std::size_t EventStore::residentBytes() const {
  const std::size_t perEvent =
      sizeof(Day) + 2 + 2 + 4 * sizeof(double) + 4 + 3 * 4 + 8 + 8 + kPooledCount * 4;
  std::size_t bytes = perEvent * date_.capacity() + ownText_.capacity();
  for (const std::string& s : pool_)
    bytes += sizeof(std::string) + s.capacity() + 2 * sizeof(void*) + sizeof(std::string);
  return bytes;
}

}  // namespace idlib
