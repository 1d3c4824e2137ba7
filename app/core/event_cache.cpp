#include "core/event_cache.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <limits>
#include <system_error>

#include "core/timeline.hpp"

namespace idlib {

namespace fs = std::filesystem;

// The store's columns in the file's order, for the reader and the writer.
struct EventStoreAccess {
  template <class Store, class F>
  static void columns(Store& s, F&& f) {
    f(s.date_);
    f(s.precision_);
    f(s.place_);
    f(s.source_);
    f(s.lon_);
    f(s.lat_);
    f(s.x_);
    f(s.y_);
    f(s.line_);
    f(s.fatalities_);
    f(s.displaced_);
    f(s.attacks_);
    f(s.timestamp_);
    f(s.text_);
    for (auto& column : s.pooled_)
      f(column);
  }
  static std::size_t bytesPerEvent() {
    std::size_t n = 0;
    EventStore s;
    columns(s, [&](auto& v) { n += sizeof(v[0]); });
    return n;
  }
  static std::vector<std::string>& pool(EventStore& s) { return s.pool_; }
  static const std::vector<std::string>& pool(const EventStore& s) { return s.pool_; }
  static void reindexPool(EventStore& s) {
    s.poolIndex_.clear();
    for (std::size_t i = 0; i < s.pool_.size(); ++i)
      s.poolIndex_.emplace(s.pool_[i], static_cast<std::uint32_t>(i));
  }
  static const std::string& ownText(const EventStore& s) { return s.ownText_; }
  static std::string& ownTextMutable(EventStore& s) { return s.ownText_; }
  static bool hasBlocks(const EventStore& s) { return !s.blocks_.empty(); }
  static void useBlock(EventStore& s, std::shared_ptr<const TextBlock> block) {
    s.blocks_ = {std::move(block)};
    for (std::uint64_t& ref : s.text_)
      ref |= std::uint64_t{1} << 56;
  }
  static std::vector<std::uint64_t>& text(EventStore& s) { return s.text_; }
  static const std::vector<std::uint32_t>* pooled(const EventStore& s) { return s.pooled_; }
  static const std::vector<Day>& dates(const EventStore& s) { return s.date_; }
  static const std::vector<std::uint8_t>& precision(const EventStore& s) { return s.precision_; }
  static const std::vector<std::uint8_t>& place(const EventStore& s) { return s.place_; }
  static const std::vector<double>& lon(const EventStore& s) { return s.lon_; }
  static const std::vector<std::uint32_t>& lines(const EventStore& s) { return s.line_; }
  static const std::vector<double>& lat(const EventStore& s) { return s.lat_; }
  static std::pair<std::string_view, std::string_view> texts(const EventStore& s, std::size_t i) {
    return s.texts(i);
  }
};

namespace {

constexpr char kMagic[8] = {'I', 'D', 'L', 'E', 'V', 'T', 'S', '\n'};
constexpr std::uint32_t kVersion = 2;
constexpr std::uint32_t kMaxKeyBytes = 1 << 16;

// The file: this header, the key, the ids' and notes' arena, the columns (EventStoreAccess::
// columns' order, each `count` values), then the interned texts' lengths (uint32) and bytes. The
// arena comes before the columns so that a table's texts go into the file as they are read
// (version 1 had it last, and copied the texts there when the table had been read).
struct Header {
  char magic[8];
  std::uint32_t version;
  std::uint32_t keyBytes;
  std::uint64_t count;
  std::uint64_t poolCount;
  std::uint64_t poolBytes;
  std::uint64_t arenaBytes;
  std::uint32_t bodyCrc;    // of everything after the header
  std::uint32_t headerCrc;  // of the header up to here
};

std::uint32_t crc(std::uint32_t running, const void* data, std::size_t n) {
  // zlib takes a null buffer as a request for the initial value: an empty column's data() is
  // one, and would start the running checksum again.
  if (n == 0) return running;
  return static_cast<std::uint32_t>(
      crc32_z(running, static_cast<const Bytef*>(data), static_cast<z_size_t>(n)));
}

std::uint32_t headerCrc(const Header& h) {
  return crc(0, &h, offsetof(Header, headerCrc));
}

class Fd {
 public:
  explicit Fd(int fd) : fd_(fd) {}
  ~Fd() {
    if (fd_ >= 0) ::close(fd_);
  }
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  int get() const { return fd_; }

 private:
  int fd_;
};

// A read-only mapping of a whole file; the cache's texts point into it.
class MappedFile : public TextBlock {
 public:
  MappedFile(void* base, std::size_t size, std::size_t textAt, std::size_t textBytes)
      : base_(base), size_(size), text_(static_cast<const char*>(base) + textAt, textBytes) {}
  ~MappedFile() override { ::munmap(base_, size_); }
  MappedFile(const MappedFile&) = delete;
  MappedFile& operator=(const MappedFile&) = delete;
  // Every kReadsPerRelease reads, the pages read before are given back: a query that prints the
  // notes of 100,000 events scattered over a 5M-row table would otherwise keep most of the
  // file's gigabyte of notes mapped in (issue 12). The pages are the file's, clean and read-only:
  // a text read again, or still held in a string_view, faults its page back from the page cache.
  std::string_view bytes() const override {
    if (reads_.fetch_add(1, std::memory_order_relaxed) % kReadsPerRelease == kReadsPerRelease - 1)
      release(textAt(), size_);
    return text_;
  }
  // Gives the pages of [from, to) back (they stay in the page cache); they come back when read.
  void release(std::size_t from = 0, std::size_t to = SIZE_MAX) const {
    const std::size_t page = static_cast<std::size_t>(::sysconf(_SC_PAGESIZE));
    from = from / page * page;
    to = std::min(to, size_);
    if (to > from) ::madvise(static_cast<char*>(base_) + from, to - from, MADV_DONTNEED);
  }
  // The checksum of [from, size), read in steps that are given back as it goes, so a big cache
  // never sits in memory whole while it is checked.
  std::uint32_t checksum(std::size_t from) const {
    std::uint32_t sum = 0;
    for (std::size_t at = from; at < size_; at += kStep) {
      const std::size_t n = std::min(kStep, size_ - at);
      sum = crc(sum, static_cast<const char*>(base_) + at, n);
      release(at, at + n);
    }
    return sum;
  }
  std::size_t textAt() const {
    return static_cast<std::size_t>(text_.data() - static_cast<const char*>(base_));
  }
  static constexpr std::size_t kStep = std::size_t{32} << 20;
  // A read maps its page and a few neighbours (64 kB): 512 of them, at most 32 MB.
  static constexpr std::uint32_t kReadsPerRelease = 512;

 private:
  void* base_;
  std::size_t size_;
  std::string_view text_;
  mutable std::atomic<std::uint32_t> reads_{0};  // const, and read from more than one thread
};

std::uint64_t fnv1a(std::string_view s) {
  std::uint64_t h = 14695981039346656037ULL;
  for (const char c : s)
    h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ULL;
  return h;
}

// Whether an arena holds two length-prefixed texts at `at`; moves `at` past them.
bool textsFit(std::string_view arena, std::size_t& at) {
  for (int field = 0; field < 2; ++field) {
    std::uint64_t n = 0;
    for (int shift = 0;; shift += 7) {
      if (at >= arena.size() || shift > 56) return false;
      const auto byte = static_cast<unsigned char>(arena[at++]);
      n |= std::uint64_t{byte & 0x7fu} << shift;
      if (!(byte & 0x80)) break;
    }
    if (n > arena.size() - at) return false;
    at += n;
  }
  return true;
}

// The reasons a well-sized cache can still be unusable: values no loader would have made.
std::optional<std::string> implausible(const EventStore& s) {
  using A = EventStoreAccess;
  const std::size_t poolSize = A::pool(s).size();
  for (std::size_t c = 0; c < kPooledCount; ++c)
    for (const std::uint32_t id : A::pooled(s)[c])
      if (id >= poolSize) return "a text refers past the table of texts";
  const Day earliest = makeDay(1, 1, 1), latest = makeDay(9999, 12, 31);
  for (const Day d : A::dates(s))
    if (d < earliest || d > latest) return "a date is out of range";
  for (const std::uint8_t p : A::precision(s))
    if (p > static_cast<std::uint8_t>(DatePrecision::Year)) return "a date precision is unknown";
  for (const std::uint8_t p : A::place(s))
    if (p >= kPlacePrecisionCount) return "a place precision is unknown";
  for (const std::uint32_t line : A::lines(s))
    if (line > static_cast<std::uint32_t>(std::numeric_limits<int>::max()))
      return "a line number is out of range";
  for (std::size_t i = 0; i < s.size(); ++i)
    if (!(std::abs(A::lon(s)[i]) <= 180 && std::abs(A::lat(s)[i]) <= 90))
      return "a position is off the globe";
  return std::nullopt;
}

}  // namespace

std::optional<fs::path> eventCacheFolder() {
  if (const char* xdg = std::getenv("XDG_CACHE_HOME"); xdg && *xdg)
    return fs::path(xdg) / "idlib-atlas" / "events";
  if (const char* home = std::getenv("HOME"); home && *home)
    return fs::path(home) / ".cache" / "idlib-atlas" / "events";
  return std::nullopt;
}

std::optional<std::string> eventCacheKey(const fs::path& table, std::string_view reading) {
  std::error_code error;
  const fs::path canonical = fs::canonical(table, error);
  if (error) return std::nullopt;
  const auto size = fs::file_size(canonical, error);
  if (error) return std::nullopt;
  const auto modified = fs::last_write_time(canonical, error);
  if (error) return std::nullopt;
  return fmt::format("{}\n{}\n{}\n{}", canonical.string(), size,
                     modified.time_since_epoch().count(), reading);
}

fs::path eventCacheFile(const fs::path& folder, std::string_view key) {
  return folder / fmt::format("{:016x}.events", fnv1a(key));
}

// A cache file being written: the header's room and the key, then the body as it comes, its
// checksum kept as it goes. The file has no name until it is complete, so nothing is left behind
// however the program ends; then it is linked under its name, replacing the cache before it.
class CacheFileWriter {
 public:
  CacheFileWriter(fs::path file, std::string_view key) : file_(std::move(file)) {
    std::error_code error;
    fs::create_directories(file_.parent_path(), error);
    fd_ = ::open(file_.parent_path().c_str(), O_TMPFILE | O_RDWR | O_CLOEXEC, 0644);
    if (fd_ < 0) {  // a file system without unnamed files: a named one, removed if unfinished
      temporary_ = file_.string() + fmt::format(".{}.tmp", ::getpid());
      fd_ = ::open(temporary_.c_str(), O_CREAT | O_TRUNC | O_RDWR | O_CLOEXEC, 0644);
    }
    if (fd_ < 0) {
      why_ = fmt::format("{}: {}", file_.parent_path().string(), std::strerror(errno));
      return;
    }
    const Header room{};
    write(&room, sizeof room);
    write(key.data(), key.size());
    keySum_ = crc(0, key.data(), key.size());
    keyEnd_ = size_;
  }
  ~CacheFileWriter() {
    if (fd_ >= 0) ::close(fd_);
    if (!temporary_.empty() && !named_) {
      std::error_code error;
      fs::remove(temporary_, error);
    }
  }
  CacheFileWriter(const CacheFileWriter&) = delete;
  CacheFileWriter& operator=(const CacheFileWriter&) = delete;

  bool ok() const { return why_.empty(); }
  const std::string& why() const { return why_; }
  int fd() const { return fd_; }
  std::uint64_t size() const { return size_; }

  // Appends to the body, counted in its checksum.
  void put(const void* data, std::size_t n) {
    write(data, n);
    afterKey_ = crc(afterKey_, data, n);
  }
  // Appends what `from` put after its key, copied by the kernel (no trip through this process);
  // its checksum joins this one's without reading the bytes again. False where that fails.
  bool putAllOf(const CacheFileWriter& from) {
    const std::uint64_t bytes = from.size_ - from.keyEnd_;
    auto in = static_cast<loff_t>(from.keyEnd_);
    for (std::uint64_t left = bytes; ok() && left > 0;) {
      const ssize_t done = ::copy_file_range(from.fd_, &in, fd_, nullptr, left, 0);
      if (done < 0 && errno == EINTR) continue;
      if (done <= 0) {
        why_ = done < 0 ? std::strerror(errno) : "nothing copied";
        return false;
      }
      left -= static_cast<std::uint64_t>(done);
      size_ += static_cast<std::uint64_t>(done);
    }
    afterKey_ = static_cast<std::uint32_t>(
        crc32_combine(afterKey_, from.afterKey_, static_cast<z_off_t>(bytes)));
    return ok();
  }
  // Writes the header (with the body's checksum) and gives the file its name.
  bool finish(Header h) {
    // The body is the key and what follows it.
    h.bodyCrc = static_cast<std::uint32_t>(
        crc32_combine(keySum_, afterKey_, static_cast<z_off_t>(size_ - keyEnd_)));
    h.headerCrc = headerCrc(h);
    if (ok() && ::pwrite(fd_, &h, sizeof h, 0) != static_cast<ssize_t>(sizeof h))
      why_ = std::strerror(errno);
    // No fsync: waiting for hundreds of megabytes to reach the disk cost a first open a third of
    // a second. A crash before they do leaves a file whose checksums fail, refused and read again.
    if (ok() && temporary_.empty()) {  // unnamed: linked under a passing name, then renamed
      temporary_ = file_.string() + fmt::format(".{}.tmp", ::getpid());
      std::error_code error;
      fs::remove(temporary_, error);
      const std::string self = fmt::format("/proc/self/fd/{}", fd_);
      if (::linkat(AT_FDCWD, self.c_str(), AT_FDCWD, temporary_.c_str(), AT_SYMLINK_FOLLOW) != 0)
        why_ = std::strerror(errno);
    }
    if (!ok()) return false;
    std::error_code error;
    fs::rename(temporary_, file_, error);
    if (error) {
      why_ = error.message();
      return false;
    }
    named_ = true;
    return true;
  }

 private:
  void write(const void* data, std::size_t n) {
    for (auto* at = static_cast<const char*>(data); ok() && n > 0;) {
      const ssize_t done = ::write(fd_, at, n);
      if (done < 0 && errno == EINTR) continue;
      if (done <= 0) {
        why_ = done < 0 ? std::strerror(errno) : "nothing written";
        return;
      }
      at += done;
      n -= static_cast<std::size_t>(done);
      size_ += static_cast<std::uint64_t>(done);
    }
  }

  fs::path file_, temporary_;
  int fd_ = -1;
  std::string why_;
  std::uint64_t size_ = 0;
  std::uint64_t keyEnd_ = 0;                 // where what is put after the key starts
  std::uint32_t keySum_ = 0, afterKey_ = 0;  // checksums of the key and of what follows it
  bool named_ = false;
};

namespace {

// After the arena (`arenaBytes`, already put): the columns and the interned texts, then the
// header; the file gets its name. Returns why it could not.
std::optional<std::string> finishCacheFile(CacheFileWriter& out, std::string_view key,
                                           const EventStore& events, std::uint64_t arenaBytes) {
  using A = EventStoreAccess;
  A::columns(events, [&](const auto& v) { out.put(v.data(), v.size() * sizeof(v[0])); });
  const std::vector<std::string>& pool = A::pool(events);
  std::vector<std::uint32_t> lengths;
  lengths.reserve(pool.size());
  std::string texts;
  for (const std::string& s : pool) {
    lengths.push_back(static_cast<std::uint32_t>(s.size()));
    texts += s;
  }
  out.put(lengths.data(), lengths.size() * sizeof lengths[0]);
  out.put(texts.data(), texts.size());
  Header h{};
  std::memcpy(h.magic, kMagic, sizeof kMagic);
  h.version = kVersion;
  h.keyBytes = static_cast<std::uint32_t>(key.size());
  h.count = events.size();
  h.poolCount = pool.size();
  h.poolBytes = texts.size();
  h.arenaBytes = arenaBytes;
  if (out.finish(h)) return std::nullopt;
  return fmt::format("could not be written: {}", out.why());
}

// Where a cache's arena starts: after the header and the key.
std::uint64_t arenaOffset(std::size_t keyBytes) {
  return sizeof(Header) + keyBytes;
}

// The texts' arena of the cache file just written (open as `fd`), mapped.
std::shared_ptr<const MappedFile> mapArena(int fd, std::uint64_t size, std::uint64_t arenaAt,
                                           std::uint64_t arenaBytes) {
  void* base = ::mmap(nullptr, size, PROT_READ, MAP_PRIVATE, fd, 0);
  if (base == MAP_FAILED) return nullptr;
  return std::make_shared<MappedFile>(base, size, arenaAt, arenaBytes);
}

// Texts are spilled to disk in steps of this size.
constexpr std::size_t kSpillBytes = std::size_t{16} << 20;

}  // namespace

std::optional<std::string> writeEventCache(const fs::path& file, std::string_view key,
                                           const EventStore& events) {
  using A = EventStoreAccess;
  if (A::hasBlocks(events)) return "the events are already mapped from a cache";
  if (key.size() > kMaxKeyBytes) return "the table's name is too long for a cache";
  CacheFileWriter out(file, key);
  const std::string& text = A::ownText(events);
  out.put(text.data(), text.size());
  if (auto error = finishCacheFile(out, key, events, text.size()))
    return fmt::format("{}: {}", file.string(), *error);
  return std::nullopt;
}

EventCacheBuilder::EventCacheBuilder(fs::path file, std::string key)
    : file_(std::move(file)), key_(std::move(key)) {}
EventCacheBuilder::~EventCacheBuilder() = default;
EventCacheBuilder::EventCacheBuilder(EventCacheBuilder&&) noexcept = default;
EventCacheBuilder& EventCacheBuilder::operator=(EventCacheBuilder&&) noexcept = default;

void EventCacheBuilder::add(const Event& e) {
  events_.push_back(e);
  // The store numbers its texts from its own; those spilled come first in the arena.
  EventStoreAccess::text(events_).back() += spilled_;
  if (EventStoreAccess::ownTextMutable(events_).size() >= kSpillBytes) spill();
}

void EventCacheBuilder::spill() {
  std::string& text = EventStoreAccess::ownTextMutable(events_);
  if (spillFailed_ || text.empty()) return;
  // Made at the first spill: a small table never touches the disk before its cache is written.
  if (!out_) {
    if (key_.size() > kMaxKeyBytes) {
      spillFailed_ = true;
      return;
    }
    out_ = std::make_unique<CacheFileWriter>(file_, key_);
  }
  out_->put(text.data(), text.size());
  if (!out_->ok()) {
    // What was written before still reads back; this text and later ones stay in memory, and
    // no cache is written.
    spillFailed_ = true;
    return;
  }
  spilled_ += text.size();
  text.clear();
  // Room for one step and a long note, so the texts' buffer does not double past it.
  constexpr std::size_t kRoom = kSpillBytes + (std::size_t{1} << 20);
  if (text.capacity() > kRoom) {
    std::string room;
    room.reserve(kRoom);
    text.swap(room);
  }
}

void EventCacheBuilder::append(EventCacheBuilder&& other) {
  using A = EventStoreAccess;
  // The other's texts come after all of this one's: its arena offsets shift by what is before.
  spill();
  const std::uint64_t before = spilled_;
  EventStore theirs;
  if (other.spilled_ == 0 || copySpilledTexts(other))
    theirs = std::move(other.events_);  // what it had not spilled is still in its memory
  else
    theirs = std::move(other).take();  // all its texts back in memory
  for (std::uint64_t& ref : A::text(theirs))
    ref += before;
  events_.append(std::move(theirs));  // adds this one's unspilled texts' size
  if (A::ownText(events_).size() >= kSpillBytes) spill();
}

// Copies the texts `other` spilled to its file after this one's; false (nothing counted, no more
// spills) where that fails.
bool EventCacheBuilder::copySpilledTexts(const EventCacheBuilder& other) {
  if (spillFailed_ || other.spillFailed_ || !EventStoreAccess::ownText(events_).empty() ||
      !other.out_)
    return false;
  if (!out_) out_ = std::make_unique<CacheFileWriter>(file_, key_);
  if (out_->ok() && out_->putAllOf(*other.out_)) {
    spilled_ += other.spilled_;
    return true;
  }
  spillFailed_ = true;
  return false;
}

std::optional<std::string> EventCacheBuilder::write() {
  using A = EventStoreAccess;
  if (written_) return "the events are already mapped from a cache";
  if (key_.size() > kMaxKeyBytes) return "the table's name is too long for a cache";
  if (spillFailed_)
    return fmt::format("{}: could not be written: {}", file_.string(),
                       out_ ? out_->why() : "no file for the texts");
  if (!out_) out_ = std::make_unique<CacheFileWriter>(file_, key_);
  const std::string& own = A::ownText(events_);
  out_->put(own.data(), own.size());
  const std::uint64_t arenaBytes = spilled_ + own.size();
  // Where it fails, the texts spilled before stay in the file for take(); the rest are here.
  if (auto error = finishCacheFile(*out_, key_, events_, arenaBytes))
    return fmt::format("{}: {}", file_.string(), *error);
  const auto mapped = mapArena(out_->fd(), out_->size(), arenaOffset(key_.size()), arenaBytes);
  if (!mapped) return fmt::format("{}: could not be mapped after writing", file_.string());
  std::string().swap(A::ownTextMutable(events_));  // its memory goes (assigning "" would keep it)
  A::useBlock(events_, mapped);
  mapped->release();  // the notes stay on disk until a panel reads them
  out_.reset();
  spilled_ = 0;
  written_ = true;
  return std::nullopt;
}

EventStore EventCacheBuilder::take() && {
  if (!written_ && spilled_ > 0) {
    // Back into memory, in the arena's order. Texts that cannot be read back are left zeros:
    // those events' ids and notes read as empty, never past the text.
    std::string all(spilled_, '\0');
    const std::uint64_t from = arenaOffset(key_.size());
    for (std::uint64_t at = 0; at < spilled_;) {
      const ssize_t n =
          ::pread(out_->fd(), all.data() + at, spilled_ - at, static_cast<off_t>(from + at));
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) break;
      at += static_cast<std::uint64_t>(n);
    }
    std::string& own = EventStoreAccess::ownTextMutable(events_);
    all += own;
    own = std::move(all);
    spilled_ = 0;
  }
  out_.reset();
  return std::move(events_);
}

EventCacheRead readEventCache(const fs::path& file, std::string_view key) {
  using A = EventStoreAccess;
  const Fd fd(::open(file.c_str(), O_RDONLY | O_CLOEXEC));
  if (fd.get() < 0) return {};  // no cache yet
  auto refuse = [&](std::string_view why) {
    return EventCacheRead{std::nullopt, fmt::format("{}: {}", file.string(), why)};
  };
  struct stat st {};
  if (::fstat(fd.get(), &st) != 0 || !S_ISREG(st.st_mode)) return refuse("not a regular file");
  const auto size = static_cast<std::uint64_t>(st.st_size);
  Header h{};
  if (size < sizeof h || ::pread(fd.get(), &h, sizeof h, 0) != static_cast<ssize_t>(sizeof h))
    return refuse("truncated (shorter than its header)");
  if (std::memcmp(h.magic, kMagic, sizeof kMagic) != 0) return refuse("not an events cache");
  if (headerCrc(h) != h.headerCrc) return refuse("its header is corrupted");
  if (h.version != kVersion) return refuse(fmt::format("version {}, not {}", h.version, kVersion));
  // Every size is bounded by the file's before any arithmetic, so nothing below can overflow.
  const std::uint64_t perEvent = A::bytesPerEvent();
  if (h.keyBytes > kMaxKeyBytes || h.count > size / perEvent || h.poolCount > size / 4 ||
      h.poolBytes > size || h.arenaBytes > size ||
      sizeof h + h.keyBytes + 4 * h.poolCount + h.poolBytes + perEvent * h.count + h.arenaBytes !=
          size)
    return refuse("its sizes do not add up to the file's (truncated?)");

  void* base = ::mmap(nullptr, size, PROT_READ, MAP_PRIVATE, fd.get(), 0);
  if (base == MAP_FAILED) return refuse(std::strerror(errno));
  const std::uint64_t arenaAt = arenaOffset(h.keyBytes);
  const auto mapped = std::make_shared<MappedFile>(base, size, arenaAt, h.arenaBytes);
  const char* at = static_cast<const char*>(base) + sizeof h;
  if (mapped->checksum(sizeof h) != h.bodyCrc) return refuse("corrupted (checksum mismatch)");
  if (std::string_view(at, h.keyBytes) != key) return refuse("made for another file or version");
  at += h.keyBytes + h.arenaBytes;

  EventStore store;
  const char* const start = static_cast<const char*>(base);
  A::columns(store, [&](auto& v) {
    v.resize(h.count);
    if (h.count) std::memcpy(v.data(), at, h.count * sizeof(v[0]));
    mapped->release(static_cast<std::size_t>(at - start),
                    static_cast<std::size_t>(at - start) + h.count * sizeof(v[0]));
    at += h.count * sizeof(v[0]);
  });
  std::vector<std::string>& pool = A::pool(store);
  pool.resize(h.poolCount);
  const char* lengths = at;
  at += 4 * h.poolCount;
  std::uint64_t poolLeft = h.poolBytes;
  for (std::string& s : pool) {
    std::uint32_t n = 0;
    std::memcpy(&n, lengths, sizeof n);
    lengths += sizeof n;
    if (n > poolLeft) return refuse("its table of texts is longer than stored");
    s.assign(at, n);
    at += n;
    poolLeft -= n;
  }
  if (poolLeft != 0) return refuse("its table of texts is shorter than stored");
  A::reindexPool(store);
  if (auto why = implausible(store)) return refuse(*why);
  const std::string_view arena = mapped->bytes();
  std::size_t released = 0;  // texts are read in order: what lies behind is given back
  for (const std::uint64_t offset : A::text(store)) {
    if (std::size_t next = offset; offset >= arena.size() || !textsFit(arena, next))
      return refuse("an event's texts run past the file's end");
    if (offset > released + MappedFile::kStep) {
      mapped->release(mapped->textAt() + released, mapped->textAt() + offset);
      released = offset;
    }
  }
  A::useBlock(store, mapped);
  mapped->release();  // the notes stay on disk until a panel reads them
  return {std::move(store), ""};
}

}  // namespace idlib
