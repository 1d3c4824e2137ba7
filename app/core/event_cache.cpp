#include "core/event_cache.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/statfs.h>
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
#include <future>
#include <limits>
#include <optional>
#include <span>
#include <system_error>
#include <utility>
#include <vector>

#include "core/block_writer.hpp"
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
  // Gives `take` the bytes of [from, to) a step at a time, each given back after, so a big cache
  // never sits in memory whole while it is read.
  template <class Take>
  void steps(std::size_t from, std::size_t to, Take&& take) const {
    for (std::size_t at = from; at < to; at += kStep) {
      const std::size_t n = std::min(kStep, to - at);
      take(std::string_view(static_cast<const char*>(base_) + at, n));
      release(at, at + n);
    }
  }
  // The share of the pages of [from, to) in the page cache, as mincore says (none where it
  // cannot); `from` is a whole number of pages.
  double residentShare(std::size_t from, std::size_t to) const {
    const std::size_t page = static_cast<std::size_t>(::sysconf(_SC_PAGESIZE));
    std::vector<unsigned char> resident((to - from + page - 1) / page);
    if (resident.empty() ||
        ::mincore(static_cast<char*>(base_) + from, to - from, resident.data()) != 0)
      return 0;
    const auto in = std::count_if(resident.begin(), resident.end(),
                                  [](unsigned char r) { return (r & 1) != 0; });
    return static_cast<double>(in) / static_cast<double>(resident.size());
  }
  std::size_t size() const { return size_; }
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
// checksum kept as it goes, in whole blocks by direct I/O where the file system has it. The file
// has no name until it is complete, so nothing is left behind however the program ends; then it
// is linked under its name, replacing the cache before it. A part of it (`part()`) is written at
// once by another thread, further on in the same file.
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
    BlockWriter::tryDirect(fd_);
    out_.emplace(fd_, 0);
    const Header room{};
    write(&room, sizeof room);
    write(key.data(), key.size());
    keySum_ = crc(0, key.data(), key.size());
    begin_ = size();
  }
  ~CacheFileWriter() {
    if (whole_) whole_->limit_ = kNoLimit;  // a part never taken: the whole may write over it
    if (fd_ >= 0) ::close(fd_);
    if (!temporary_.empty() && !named_) {
      std::error_code error;
      fs::remove(temporary_, error);
    }
  }
  CacheFileWriter(const CacheFileWriter&) = delete;
  CacheFileWriter& operator=(const CacheFileWriter&) = delete;

  // A writer for what comes after this one's body, `room` bytes on at most: where the file
  // system leaves unwritten bytes as a hole and can cut one out (ext4, XFS), a part of this
  // file, written at once by another thread; nothing elsewhere. This one writes no further than
  // where the part starts, while it lives.
  std::unique_ptr<CacheFileWriter> part(std::uint64_t room) {
    struct statfs fs {};
    constexpr long kExt4 = 0xEF53, kXfs = 0x58465342;
    if (!ok() || ::fstatfs(fd_, &fs) != 0 || (fs.f_type != kExt4 && fs.f_type != kXfs) ||
        room > kNoLimit / 4)
      return nullptr;
    constexpr std::uint64_t kStep = std::uint64_t{1} << 20;  // a whole number of blocks
    const std::uint64_t at = (size() + room + kStep - 1) / kStep * kStep;
    const int fd = ::fcntl(fd_, F_DUPFD_CLOEXEC, 0);
    if (fd < 0) return nullptr;
    limit_ = at;
    return std::unique_ptr<CacheFileWriter>(new CacheFileWriter(*this, fd, at));
  }

  bool ok() const { return why_.empty(); }
  const std::string& why() const { return why_; }
  int fd() const { return fd_; }
  std::uint64_t begin() const { return begin_; }  // where what is put starts
  std::uint64_t size() const { return out_ ? out_->end() : 0; }

  // Appends to the body, counted in its checksum.
  void put(const void* data, std::size_t n) {
    if (ok() && size() + n > limit_) why_ = "the texts ran into the part after them";
    write(data, n);
    afterKey_ = crc(afterKey_, data, n);
  }
  // Appends what `from` put after its key (or, a part, from its start), after zeros that end
  // this one's body at a whole block: this file's own part by cutting out the hole before it
  // (its bytes stay where they are on disk), another by the kernel's copy; the checksums are
  // joined without reading the bytes again. Returns where `from`'s bytes now start.
  std::optional<std::uint64_t> putAllOf(CacheFileWriter& from) {
    if (from.whole_ == this) limit_ = kNoLimit;
    padToBlock();
    if (from.ok() && !from.out_->flush()) from.why_ = std::strerror(errno);
    if (!from.ok()) why_ = from.why();
    if (!ok()) return std::nullopt;
    const std::uint64_t at = size(), bytes = from.size() - from.begin_;
    const bool cut = from.whole_ == this && bytes > 0 &&
                     ::fallocate(fd_, FALLOC_FL_COLLAPSE_RANGE, static_cast<off_t>(at),
                                 static_cast<off_t>(from.begin_ - at)) == 0;
    if (!cut) copy(from.fd_, from.begin_, at, bytes);
    out_.emplace(fd_, at + bytes);  // on from the last block `from` wrote
    afterKey_ = static_cast<std::uint32_t>(
        crc32_combine(afterKey_, from.afterKey_, static_cast<z_off_t>(bytes)));
    return ok() ? std::optional(at) : std::nullopt;
  }
  // Everything put written, and the file open for reads and writes of any size.
  void readable() {
    if (ok() && !out_->flush()) why_ = std::strerror(errno);
    BlockWriter::buffered(fd_);
  }
  // Writes the header (with the body's checksum) and gives the file its name.
  bool finish(Header h) {
    // The body is the key and what follows it.
    h.bodyCrc = static_cast<std::uint32_t>(
        crc32_combine(keySum_, afterKey_, static_cast<z_off_t>(size() - begin_)));
    h.headerCrc = headerCrc(h);
    readable();
    // The last block was written whole, and a part not taken left its bytes beyond the end.
    if (ok() && ::ftruncate(fd_, static_cast<off_t>(size())) != 0) why_ = std::strerror(errno);
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
  static constexpr std::uint64_t kNoLimit = std::numeric_limits<std::int64_t>::max();

  CacheFileWriter(CacheFileWriter& whole, int fd, std::uint64_t at)
      : fd_(fd), begin_(at), whole_(&whole) {
    out_.emplace(fd_, at);
  }

  void write(const void* data, std::size_t n) {
    if (ok() && !out_->write(data, n)) why_ = std::strerror(errno);
  }
  // Zeros to a whole block, counted in the checksum, and everything written.
  void padToBlock() {
    static constexpr char kZeros[BlockWriter::kBlock] = {};
    put(kZeros, (BlockWriter::kBlock - size() % BlockWriter::kBlock) % BlockWriter::kBlock);
    if (ok() && !out_->pad()) why_ = std::strerror(errno);
  }
  // Copies `bytes` of `fd` from `from` to `to` in this file, by the kernel where it can (the
  // same file's bytes to a place below them, that may overlap, a step at a time).
  void copy(int fd, std::uint64_t from, std::uint64_t to, std::uint64_t bytes) {
    BlockWriter::buffered(fd);
    BlockWriter::buffered(fd_);
    constexpr std::uint64_t kStep = std::uint64_t{1} << 20;
    for (std::uint64_t done = 0; ok() && done < bytes;) {
      auto in = static_cast<loff_t>(from + done), out = static_cast<loff_t>(to + done);
      const ssize_t n = ::copy_file_range(fd, &in, fd_, &out, std::min(kStep, bytes - done), 0);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) why_ = n < 0 ? std::strerror(errno) : "nothing copied";
      if (n > 0) done += static_cast<std::uint64_t>(n);
    }
  }

  fs::path file_, temporary_;
  int fd_ = -1;
  std::string why_;
  std::optional<BlockWriter> out_;
  std::uint64_t begin_ = 0;                     // where what is put starts: after the key, or a
                                                // part's place
  std::atomic<std::uint64_t> limit_{kNoLimit};  // where a part starts, while it is written
  CacheFileWriter* whole_ = nullptr;            // a part's: the writer of the file it is part of
  std::uint32_t keySum_ = 0, afterKey_ = 0;     // checksums of the key and of what follows it
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

EventCacheBuilder EventCacheBuilder::laterPart(std::uint64_t textBound) {
  EventCacheBuilder later(file_.string() + ".part", key_);
  if (spillFailed_ || key_.size() > kMaxKeyBytes) return later;
  if (!out_) out_ = std::make_unique<CacheFileWriter>(file_, key_);
  later.out_ = out_->part(textBound);
  return later;
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
  std::uint64_t before = spilled_;
  EventStore theirs;
  if (other.spilled_ == 0 || copySpilledTexts(other, before))
    theirs = std::move(other.events_);  // what it had not spilled is still in its memory
  else
    theirs = std::move(other).take();  // all its texts back in memory
  other.out_.reset();  // a part of this one's file: this one may now write where it was
  for (std::uint64_t& ref : A::text(theirs))
    ref += before;
  events_.append(std::move(theirs));  // adds this one's unspilled texts' size
  if (A::ownText(events_).size() >= kSpillBytes) spill();
}

// Brings the texts `other` spilled after this one's, `at` where they start in the arena; false
// (nothing counted, no more spills) where that fails.
bool EventCacheBuilder::copySpilledTexts(EventCacheBuilder& other, std::uint64_t& at) {
  if (spillFailed_ || other.spillFailed_ || !EventStoreAccess::ownText(events_).empty() ||
      !other.out_)
    return false;
  if (!out_) out_ = std::make_unique<CacheFileWriter>(file_, key_);
  if (const auto start = out_->ok() ? out_->putAllOf(*other.out_) : std::nullopt) {
    spilled_ = out_->size() - out_->begin();  // with the zeros that end each one's
    at = *start - out_->begin();
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
  const auto mapped = mapArena(out_->fd(), out_->size(), out_->begin(), arenaBytes);
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
    const std::uint64_t from = out_->begin();
    out_->readable();
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

namespace {

// Gives `take` the bytes [from, to) of a cache in order, a step at a time: each step from the page
// cache where it is there, else read straight from the disk (direct I/O, as BlockWriter wrote it),
// so checking a cache just written does not copy it into fresh pages of the page cache. False
// where a read fails.
template <class Take>
bool readBody(int fd, const MappedFile& mapped, std::size_t from, std::size_t to, Take&& take) {
  constexpr std::size_t kStep = std::size_t{4} << 20;  // a whole number of blocks
  // The same file opened again for direct I/O (its path may name another by now), once needed.
  std::optional<Fd> direct;
  std::unique_ptr<char, decltype(&std::free)> buffer(nullptr, &std::free);
  for (std::size_t at = from / kStep * kStep; at < to; at += kStep) {
    const std::size_t end = std::min(at + kStep, mapped.size());
    const std::size_t first = std::max(at, from), last = std::min(end, to);
    const bool cached = mapped.residentShare(at, end) >= 0.9;
    if (!cached && !direct) {
      direct.emplace(
          ::open(fmt::format("/proc/self/fd/{}", fd).c_str(), O_RDONLY | O_DIRECT | O_CLOEXEC));
      buffer.reset(static_cast<char*>(std::aligned_alloc(BlockWriter::kBlock, kStep)));
    }
    if (cached || direct->get() < 0 || !buffer) {
      mapped.steps(first, last, take);
      continue;
    }
    for (std::size_t done = 0; done < end - at;) {
      // Whole blocks: the last step's are cut short at the file's end.
      const std::size_t want =
          (end - at - done + BlockWriter::kBlock - 1) / BlockWriter::kBlock * BlockWriter::kBlock;
      const ssize_t n =
          ::pread(direct->get(), buffer.get() + done, want, static_cast<off_t>(at + done));
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) return false;
      done += static_cast<std::size_t>(n);
    }
    take(std::string_view(buffer.get() + (first - at), last - first));
  }
  return true;
}

}  // namespace

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
  std::string stored(h.keyBytes, '\0');
  if (::pread(fd.get(), stored.data(), stored.size(), sizeof h) !=
      static_cast<ssize_t>(stored.size()))
    return refuse("truncated (shorter than its key)");

  // The body read once for its checksum, the columns and interned texts after the arena copied
  // out as they pass; the key and the arena on a thread of their own meanwhile.
  EventStore store;
  std::vector<std::span<char>> into;
  A::columns(store, [&](auto& v) {
    v.resize(h.count);
    into.emplace_back(reinterpret_cast<char*>(v.data()), h.count * sizeof(v[0]));
  });
  std::string lengths(4 * h.poolCount, '\0'), pooled(h.poolBytes, '\0');
  into.emplace_back(lengths.data(), lengths.size());
  into.emplace_back(pooled.data(), pooled.size());
  const std::uint64_t columnsAt = arenaAt + h.arenaBytes;
  auto arenaSum = std::async(std::launch::async, [&]() -> std::optional<std::uint32_t> {
    std::uint32_t sum = 0;
    const bool read = readBody(fd.get(), *mapped, sizeof h, columnsAt, [&](std::string_view step) {
      sum = crc(sum, step.data(), step.size());
    });
    return read ? std::optional(sum) : std::nullopt;
  });
  std::uint32_t restSum = 0;
  auto next = into.begin();
  std::size_t filled = 0;  // of *next
  const bool restRead = readBody(fd.get(), *mapped, columnsAt, size, [&](std::string_view step) {
    restSum = crc(restSum, step.data(), step.size());
    while (!step.empty() && next != into.end()) {
      const std::size_t n = std::min(step.size(), next->size() - filled);
      if (n > 0) std::memcpy(next->data() + filled, step.data(), n);  // an empty column's is null
      step.remove_prefix(n);
      if ((filled += n) == next->size()) ++next, filled = 0;
    }
  });
  const std::optional<std::uint32_t> keyAndArenaSum = arenaSum.get();
  const bool read = restRead && keyAndArenaSum;
  const auto sum = static_cast<std::uint32_t>(
      read ? crc32_combine(*keyAndArenaSum, restSum, static_cast<z_off_t>(size - columnsAt)) : 0);
  if (!read) return refuse("could not be read");
  if (sum != h.bodyCrc) return refuse("corrupted (checksum mismatch)");
  if (stored != key) return refuse("made for another file or version");
  std::vector<std::string>& pool = A::pool(store);
  pool.resize(h.poolCount);
  std::uint64_t poolAt = 0;
  for (std::size_t i = 0; i < pool.size(); ++i) {
    std::uint32_t n = 0;
    std::memcpy(&n, lengths.data() + 4 * i, sizeof n);
    if (n > h.poolBytes - poolAt) return refuse("its table of texts is longer than stored");
    pool[i].assign(pooled, poolAt, n);
    poolAt += n;
  }
  if (poolAt != h.poolBytes) return refuse("its table of texts is shorter than stored");
  A::reindexPool(store);
  if (auto why = implausible(store)) return refuse(*why);
  // The texts themselves are read only when asked for, never past the arena (EventStore::texts).
  for (const std::uint64_t offset : A::text(store))
    if (offset >= h.arenaBytes) return refuse("an event's texts start past the file's end");
  A::useBlock(store, mapped);
  mapped->release();  // the notes stay on disk until a panel reads them
  return {std::move(store), ""};
}

}  // namespace idlib
