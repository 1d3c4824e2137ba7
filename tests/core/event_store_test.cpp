// The column-wise event store and its cache (issue 12): every field reads back as it was put,
// sorting and merging tables keep each event whole, the cache reopens the same events, and a
// cache that is stale, truncated, corrupted or hostile is refused with its reason, never trusted.
#include <fmt/format.h>
#include <gtest/gtest.h>
#include <malloc.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include <cctype>
#include <cstring>
#include <fstream>
#include <random>

#include "core/event_cache.hpp"
#include "core/timeline.hpp"

namespace idlib {
namespace {

namespace fs = std::filesystem;

Event fullEvent(int i) {
  Event e;
  e.id = "SYR" + std::to_string(i);
  e.date = makeDay(2019, 1 + i % 12, 1 + i % 28);
  e.precision = static_cast<DatePrecision>(i % 4);
  e.type = i % 2 ? "Battles" : "Explosions/Remote violence";
  e.actor1 = "Military Forces of Syria (2000-)";
  e.actor2 = i % 3 ? "Hayat Tahrir al-Sham" : "";
  e.location = "Saraqib " + std::to_string(i % 50);
  e.admin1 = "Idlib";
  e.assocActor1 = "assoc " + std::to_string(i % 7);
  e.assocActor2 = "";
  e.admin2 = "Idleb";
  e.admin3 = "Saraqab";
  e.iso = "760";
  e.timestamp = i % 5 ? std::optional<long long>(1600000000LL + i) : std::nullopt;
  e.where = {36.0 + i * 1e-5, 35.5 + i * 1e-5};
  e.position = {1000.5 + i, -2000.25 - i};
  e.place = static_cast<PlacePrecision>(i % 4);
  e.fatalities = i % 3 ? std::optional<long>(i % 9) : std::nullopt;
  e.displaced = i % 4 ? std::nullopt : std::optional<long>(1000 * i);
  e.attacks = i % 6 ? std::nullopt : std::optional<long>(2);
  e.notes = std::string(static_cast<std::size_t>(i % 300), 'n') + " \"quoted\", with commas";
  e.dateBasis = i % 2 ? "article date" : "";
  e.provenance = {"acled.csv", i + 2, "Syrian Observatory for Human Rights", "medium"};
  e.sourceIndex = static_cast<std::uint16_t>(i % 3);
  return e;
}

void expectSame(const Event& a, EventRef b) {
  EXPECT_EQ(a.id, b.id());
  EXPECT_EQ(a.date, b.date());
  EXPECT_EQ(a.precision, b.precision());
  EXPECT_EQ(a.type, b.type());
  EXPECT_EQ(a.actor1, b.actor1());
  EXPECT_EQ(a.actor2, b.actor2());
  EXPECT_EQ(a.location, b.location());
  EXPECT_EQ(a.admin1, b.admin1());
  EXPECT_EQ(a.assocActor1, b.assocActor1());
  EXPECT_EQ(a.assocActor2, b.assocActor2());
  EXPECT_EQ(a.admin2, b.admin2());
  EXPECT_EQ(a.admin3, b.admin3());
  EXPECT_EQ(a.iso, b.iso());
  EXPECT_EQ(a.timestamp, b.timestamp());
  EXPECT_EQ(a.where.lon, b.where().lon);  // degrees kept exactly: exports print them
  EXPECT_EQ(a.where.lat, b.where().lat);
  EXPECT_EQ(a.position.x, b.position().x);
  EXPECT_EQ(a.position.y, b.position().y);
  EXPECT_EQ(a.place, b.place());
  EXPECT_EQ(a.fatalities, b.fatalities());
  EXPECT_EQ(a.displaced, b.displaced());
  EXPECT_EQ(a.attacks, b.attacks());
  EXPECT_EQ(a.notes, b.notes());
  EXPECT_EQ(a.dateBasis, b.dateBasis());
  EXPECT_EQ(a.provenance.file, b.provenance().file);
  EXPECT_EQ(a.provenance.line, b.provenance().line);
  EXPECT_EQ(a.provenance.source, b.provenance().source);
  EXPECT_EQ(a.provenance.confidence, b.provenance().confidence);
  EXPECT_EQ(a.sourceIndex, b.sourceIndex());
}

EventStore storeOf(int n, int from = 0) {
  EventStore s;
  for (int i = from; i < from + n; ++i)
    s.push_back(fullEvent(i));
  return s;
}

TEST(EventStore, EveryFieldReadsBackAsItWasPut) {
  const EventStore s = storeOf(400);
  ASSERT_EQ(s.size(), 400u);
  for (int i = 0; i < 400; ++i)
    expectSame(fullEvent(i), s[static_cast<std::size_t>(i)]);
  EventStore copy;  // an owning copy puts back the same event
  copy.push_back(s[7].toEvent());
  expectSame(fullEvent(7), copy[0]);
}

TEST(EventStore, SortingByDateKeepsEachEventWholeAndSameDayOrder) {
  EventStore s = storeOf(300);
  s.sortByDate();
  ASSERT_TRUE(std::is_sorted(s.dates().begin(), s.dates().end()));
  for (std::size_t i = 0; i < s.size(); ++i) {
    const int original = std::stoi(std::string(s[i].id().substr(3)));
    expectSame(fullEvent(original), s[i]);
    if (i > 0 && s[i].date() == s[i - 1].date()) {  // stable: a day keeps the table's order
      EXPECT_LT(std::stoi(std::string(s[i - 1].id().substr(3))), original);
    }
  }
}

// Dates centuries apart are ordered as closely spaced ones are (the sort counts days only where
// they span few).
TEST(EventStore, SortingDatesCenturiesApartKeepsSameDayOrder) {
  EventStore s;
  const Day years[] = {makeDay(2020, 5, 1), makeDay(1, 1, 1), makeDay(9999, 12, 31),
                       makeDay(2020, 5, 1), makeDay(1, 1, 1)};
  for (int i = 0; i < 5; ++i) {
    Event e = fullEvent(i);
    e.date = years[i];
    s.push_back(e);
  }
  s.sortByDate();
  std::vector<std::string_view> ids;
  for (const EventRef e : s)
    ids.push_back(e.id());
  EXPECT_EQ(ids, (std::vector<std::string_view>{"SYR1", "SYR4", "SYR0", "SYR3", "SYR2"}));
}

TEST(EventStore, MergingTablesKeepsTheirTextsAndTypes) {
  EventStore a = storeOf(50);
  Event other = fullEvent(1000);
  other.type = "a type only the second table has";
  EventStore b;
  b.push_back(other);
  b.push_back(fullEvent(1001));
  a.append(std::move(b));
  ASSERT_EQ(a.size(), 52u);
  expectSame(other, a[50]);
  expectSame(fullEvent(1001), a[51]);
  expectSame(fullEvent(3), a[3]);
  const auto types = a.distinct(Pooled::Type);
  EXPECT_EQ(types.size(), 3u);
  EXPECT_NE(std::find(types.begin(), types.end(), "a type only the second table has"), types.end());
}

TEST(EventStore, TheTimelineReplacesItsEventsAndAnswersForTheNewOnes) {
  Timeline t;
  t.events = storeOf(10);
  t.finish();
  EventStore window;
  Event e = fullEvent(3);
  e.date = makeDay(2021, 6, 1);
  window.push_back(e);
  t.replaceEvents(std::move(window));  // as a database's time window arrives
  ASSERT_EQ(t.events.size(), 1u);
  EXPECT_EQ(t.eventsBetween(makeDay(2021, 6, 1), makeDay(2021, 6, 1)), std::make_pair(0ul, 1ul));
  EXPECT_EQ(t.last(), makeDay(2021, 6, 1));
}

// Heap bytes in use, as glibc counts them (none under a sanitizer's allocator).
std::size_t heapInUse() {
  const struct mallinfo2 m = mallinfo2();
  return m.uordblks + m.hblkhd;  // big blocks are mapped apart from the heap
}

bool sanitized() {
#if defined(__SANITIZE_ADDRESS__)
  return true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
  return true;
#endif
#endif
  return false;
}

class EventCache : public ::testing::Test {
 protected:
  void SetUp() override {
    dir = fs::temp_directory_path() /
          ("idlib-event-cache-" + std::to_string(::getpid()) + "-" +
           ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::create_directories(dir);
    file = eventCacheFile(dir, key);
  }
  void TearDown() override { fs::remove_all(dir); }

  std::string bytes() const {
    std::ifstream in(file, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), {}};
  }
  void rewrite(const std::string& content) const {
    std::ofstream(file, std::ios::binary | std::ios::trunc) << content;
  }
  // Writes `content` with its checksums made right again: what a hostile file would do.
  void rewriteSigned(std::string content) const {
    constexpr std::size_t kHeader = 56, kBodyCrcAt = 48, kHeaderCrcAt = 52;
    const auto body = static_cast<std::uint32_t>(crc32_z(
        0, reinterpret_cast<const Bytef*>(content.data()) + kHeader, content.size() - kHeader));
    std::memcpy(content.data() + kBodyCrcAt, &body, 4);
    const auto header = static_cast<std::uint32_t>(
        crc32_z(0, reinterpret_cast<const Bytef*>(content.data()), kHeaderCrcAt));
    std::memcpy(content.data() + kHeaderCrcAt, &header, 4);
    rewrite(content);
  }
  std::string refusal() const {
    const EventCacheRead r = readEventCache(file, key);
    EXPECT_FALSE(r.events);
    return r.problem;
  }

  fs::path dir, file;
  std::string key = "/data/acled.csv\n123\n456\nevents v1";
};

TEST_F(EventCache, ReopensTheSameEvents) {
  const EventStore s = storeOf(500);
  ASSERT_FALSE(writeEventCache(file, key, s));
  const EventCacheRead r = readEventCache(file, key);
  ASSERT_TRUE(r.events) << r.problem;
  ASSERT_EQ(r.events->size(), 500u);
  for (int i = 0; i < 500; ++i)
    expectSame(fullEvent(i), (*r.events)[static_cast<std::size_t>(i)]);
  // A mapped table merges with others and its texts stay readable.
  EventStore merged = storeOf(3, 9000);
  EventStore reopened = std::move(*readEventCache(file, key).events);
  merged.append(std::move(reopened));
  merged.sortByDate();
  std::size_t found = 0;
  for (const EventRef e : merged)
    if (e.id() == "SYR499") expectSame(fullEvent(499), e), ++found;
  EXPECT_EQ(found, 1u);
}

// A table whose rows were all refused still caches: its empty columns count for nothing in the
// checksum (zlib takes their null buffers as a fresh start).
TEST_F(EventCache, AnEmptyTableIsCachedAndReopened) {
  ASSERT_FALSE(writeEventCache(file, key, EventStore{}));
  const EventCacheRead r = readEventCache(file, key);
  ASSERT_TRUE(r.events) << r.problem;
  EXPECT_EQ(r.events->size(), 0u);
}

TEST_F(EventCache, NoCacheIsNoProblem) {
  const EventCacheRead r = readEventCache(file, key);
  EXPECT_FALSE(r.events);
  EXPECT_EQ(r.problem, "");
}

TEST_F(EventCache, AnotherTablesCacheIsRefused) {
  ASSERT_FALSE(writeEventCache(file, key, storeOf(5)));
  key += " changed";  // another size or time: eventCacheKey differs
  EXPECT_NE(refusal().find("made for another file"), std::string::npos);
}

TEST_F(EventCache, EveryTruncationIsRefused) {
  ASSERT_FALSE(writeEventCache(file, key, storeOf(20)));
  const std::string whole = bytes();
  for (std::size_t n = 0; n < whole.size(); n += n < 200 ? 1 : 97) {
    rewrite(whole.substr(0, n));
    EXPECT_FALSE(refusal().empty()) << n;
  }
}

TEST_F(EventCache, AnyFlippedByteIsRefused) {
  ASSERT_FALSE(writeEventCache(file, key, storeOf(20)));
  const std::string whole = bytes();
  for (std::size_t at = 0; at < whole.size(); at += 13) {
    std::string bad = whole;
    bad[at] = static_cast<char>(bad[at] ^ 0x5a);
    rewrite(bad);
    EXPECT_FALSE(refusal().empty()) << at;
  }
}

TEST_F(EventCache, AHostileCacheWithRightChecksumsIsRefusedForItsValues) {
  const std::size_t n = 20;
  ASSERT_FALSE(writeEventCache(file, key, storeOf(static_cast<int>(n))));
  const std::string whole = bytes();
  std::uint64_t arenaBytes = 0;  // the ids' and notes' arena lies between the key and the columns
  std::memcpy(&arenaBytes, whole.data() + 40, sizeof arenaBytes);
  const std::size_t columns = 56 + key.size() + arenaBytes;
  const std::size_t fixed = 4 + 1 + 1 + 2 + 8 + 8 + 8 + 8 + 4 + 4 + 4 + 4 + 8;  // before texts
  auto patched = [&](std::size_t at, const void* value, std::size_t size) {
    std::string bad = whole;
    std::memcpy(bad.data() + at, value, size);
    rewriteSigned(bad);
    return refusal();
  };
  const std::int32_t farDate = 2000000000;
  EXPECT_NE(patched(columns + 4 * 3, &farDate, 4).find("date is out of range"), std::string::npos);
  const std::uint64_t farText = 1ull << 40;
  EXPECT_NE(patched(columns + n * fixed + 8 * 2, &farText, 8).find("texts start past"),
            std::string::npos);
  const std::uint32_t farType = 4000000;
  EXPECT_NE(patched(columns + n * (fixed + 8) + 4 * 5, &farType, 4).find("refers past"),
            std::string::npos);
  const std::uint8_t badPlace = 9;
  EXPECT_NE(patched(columns + n * 5 + 1, &badPlace, 1).find("place precision"), std::string::npos);
  const double offGlobe = 1e300;
  EXPECT_NE(patched(columns + n * 8 + 8, &offGlobe, 8).find("off the globe"), std::string::npos);
  // A text whose length runs past the arena is read only as far as the arena (texts are read
  // when asked for, not all when the cache opens).
  std::string longText = whole;
  longText[56 + key.size()] = '\xff';  // the first id's length: 16,383 bytes
  longText[56 + key.size() + 1] = '\x7f';
  rewriteSigned(longText);
  const EventCacheRead opened = readEventCache(file, key);
  ASSERT_TRUE(opened.events) << opened.problem;
  EXPECT_EQ((*opened.events)[0].id().size(), arenaBytes - 2);  // the rest of the arena
  for (const EventRef e : *opened.events)
    EXPECT_LE(e.notes().size(), arenaBytes);
  std::string badVersion = whole;
  badVersion[8] = 9;
  rewriteSigned(badVersion);
  EXPECT_NE(refusal().find("version 9"), std::string::npos);
}

// 200,000 ACLED-like events with 150-300 bytes of notes each, through the cache: what stays on
// the heap is the columns, not the notes (the million-row figure is in bench/, BENCHMARKS.md).
TEST_F(EventCache, AReopenedTableKeepsAtMost150BytesAnEventOnTheHeap) {
  if (sanitized()) GTEST_SKIP() << "the sanitizer's allocator is not glibc's";
  constexpr int n = 200000;
  {
    EventStore s;
    s.reserve(n);
    std::mt19937 random(7);
    for (int i = 0; i < n; ++i) {
      Event e = fullEvent(i % 1000);
      e.id = "SYR" + std::to_string(i);
      e.notes = std::string(150 + random() % 150, 'x');
      s.push_back(e);
    }
    ASSERT_FALSE(writeEventCache(file, key, s));
  }
  const std::size_t before = heapInUse();
  EventCacheRead r = readEventCache(file, key);
  const std::size_t after = heapInUse();
  ASSERT_TRUE(r.events) << r.problem;
  ASSERT_EQ(r.events->size(), static_cast<std::size_t>(n));
  EXPECT_EQ((*r.events)[n - 1].id(), "SYR199999");
  EXPECT_GE((*r.events)[n - 1].notes().size(), 150u);
  EXPECT_LE(static_cast<double>(after - before) / n, 150.0);
}

// A big table's events, as read, with notes long enough that the builder puts its texts on disk.
Event bigNotesEvent(int i) {
  Event e = fullEvent(i % 1000);
  e.id = "SYR" + std::to_string(i);
  e.notes = std::string(1500, static_cast<char>('a' + i % 26)) + " of " + e.id;
  return e;
}
constexpr int kBigNotesEvents = 40000;  // 60 MB of notes: several steps (16 MB) to disk

TEST_F(EventCache, ABuiltCacheGivesEveryEventBackWithItsTextsReadFromTheFile) {
  const std::size_t before = heapInUse();
  EventCacheBuilder building(file, key);
  for (int i = 0; i < kBigNotesEvents; ++i)
    building.add(bigNotesEvent(i));
  const std::size_t read = heapInUse();  // the notes of all but the last step are on disk
  ASSERT_FALSE(building.write());
  const EventStore built = std::move(building).take();
  const std::size_t after = heapInUse();
  ASSERT_EQ(built.size(), static_cast<std::size_t>(kBigNotesEvents));
  for (int i = 0; i < kBigNotesEvents; i += 997)
    expectSame(bigNotesEvent(i), built[static_cast<std::size_t>(i)]);
  expectSame(bigNotesEvent(kBigNotesEvents - 1), built.back());
  if (!sanitized()) {  // notes of 1.5 kB an event: on the heap, they would be ten times more
    EXPECT_LE(static_cast<double>(read - before) / kBigNotesEvents, 700.0);
    EXPECT_LE(static_cast<double>(after - before) / kBigNotesEvents, 300.0);
  }
  const EventCacheRead reopened = readEventCache(file, key);
  ASSERT_TRUE(reopened.events) << reopened.problem;
  for (int i = 0; i < kBigNotesEvents; i += 997)
    expectSame(bigNotesEvent(i), (*reopened.events)[static_cast<std::size_t>(i)]);
}

// Kilobytes of `file` this process has mapped in, as /proc/self/smaps counts them.
std::size_t residentKbOf(const fs::path& file) {
  std::ifstream smaps("/proc/self/smaps");
  const std::string name = fs::canonical(file).string();
  std::size_t kb = 0;
  bool inFile = false;
  for (std::string line; std::getline(smaps, line);) {
    const bool header = !line.empty() && std::isxdigit(static_cast<unsigned char>(line[0])) &&
                        line.find('-') < line.find(' ');
    if (header)
      inFile = line.size() >= name.size() &&
               line.compare(line.size() - name.size(), name.size(), name) == 0;
    else if (inFile && line.rfind("Rss:", 0) == 0)
      kb += std::stoul(line.substr(4));
  }
  return kb;
}

// Printing the notes of every event of a big table (a query's export, a search of the notes)
// gives the file's pages back as it goes: what stays mapped in is a small part of the notes,
// and every note, even one read before its page was given back, still reads right.
TEST_F(EventCache, ReadingEveryNoteKeepsLittleOfTheFileInMemoryAndEveryNoteRight) {
  {
    EventCacheBuilder building(file, key);
    for (int i = 0; i < kBigNotesEvents; ++i)
      building.add(bigNotesEvent(i));
    ASSERT_FALSE(building.write());
  }
  const EventCacheRead r = readEventCache(file, key);
  ASSERT_TRUE(r.events) << r.problem;
  const EventStore& events = *r.events;
  const std::string_view firstNotes = events.front().notes();  // read before any give-back
  for (int pass = 0; pass < 2; ++pass)
    for (int i = 0; i < kBigNotesEvents; ++i)
      ASSERT_EQ(events[static_cast<std::size_t>(i)].notes(), bigNotesEvent(i).notes) << i;
  EXPECT_EQ(firstNotes, bigNotesEvent(0).notes);
  EXPECT_EQ(events[7].id(), "SYR7");
  // 60 MB of notes were read, twice; their pages would all stay mapped in without the give-back.
  EXPECT_LE(residentKbOf(file), 16u * 1024);
}

TEST_F(EventCache, ATableLeftUncachedGetsTheTextsItPutOnDiskBack) {
  EventStore kept;
  {
    EventCacheBuilder building(file, key);
    for (int i = 0; i < kBigNotesEvents; ++i)
      building.add(bigNotesEvent(i));
    kept = std::move(building).take();  // never written: e.g. the table had a bad row
  }
  EXPECT_FALSE(fs::exists(file));
  EXPECT_TRUE(fs::is_empty(dir));  // the texts' file had no name and is gone
  ASSERT_EQ(kept.size(), static_cast<std::size_t>(kBigNotesEvents));
  for (int i = 0; i < kBigNotesEvents; i += 997)
    expectSame(bigNotesEvent(i), kept[static_cast<std::size_t>(i)]);
  expectSame(bigNotesEvent(kBigNotesEvents - 1), kept.back());
}

// A table read in two halves at once (issue 12): the second half's builder, its texts on disk,
// joins the first's; the whole reads back in order, from memory and from the cache written. The
// second's texts are in a file of their own, or (where the file system allows) further on in the
// first's file, the gap between cut out: the cache then holds no hole and no second copy.
TEST_F(EventCache, TwoBuildersJoinedGiveEveryEventInOrderWithItsTexts) {
  const int half = kBigNotesEvents / 2 + 123;  // neither half a whole number of steps
  for (const bool ownFile : {true, false})
    for (const bool written : {true, false}) {
      SCOPED_TRACE(fmt::format("own file {}, written {}", ownFile, written));
      EventCacheBuilder first(file, key);
      EventCacheBuilder second = ownFile ? EventCacheBuilder(fs::path(file.string() + ".half"), key)
                                         : first.laterPart(std::uint64_t{100} << 20);
      for (int i = 0; i < kBigNotesEvents; ++i)
        (i < half ? first : second).add(bigNotesEvent(i));
      first.append(std::move(second));
      ASSERT_EQ(first.size(), static_cast<std::size_t>(kBigNotesEvents));
      if (written) {
        ASSERT_FALSE(first.write());
      }
      const EventStore joined = std::move(first).take();
      for (int i = 0; i < kBigNotesEvents; i += 331)
        expectSame(bigNotesEvent(i), joined[static_cast<std::size_t>(i)]);
      expectSame(bigNotesEvent(half - 1), joined[static_cast<std::size_t>(half - 1)]);
      expectSame(bigNotesEvent(half), joined[static_cast<std::size_t>(half)]);
      expectSame(bigNotesEvent(kBigNotesEvents - 1), joined.back());
      if (!written) continue;
      const EventCacheRead reopened = readEventCache(file, key);
      ASSERT_TRUE(reopened.events) << reopened.problem;
      for (int i = 0; i < kBigNotesEvents; i += 331)
        expectSame(bigNotesEvent(i), (*reopened.events)[static_cast<std::size_t>(i)]);
      EXPECT_EQ(std::distance(fs::directory_iterator(dir), fs::directory_iterator()), 1);
      struct stat st {};
      ASSERT_EQ(::stat(file.c_str(), &st), 0);
      EXPECT_LT(st.st_size, 70 << 20);                         // 60 MB of notes, and the columns
      EXPECT_GE(st.st_blocks * 512, st.st_size - (64 << 10));  // no hole left
    }
}

// A second half that is not kept (it had something to say, and the first half reads its rows
// again) leaves the first free to write on over where its texts were.
TEST_F(EventCache, APartNotKeptLeavesTheFileToTheFirst) {
  EventCacheBuilder first(file, key);
  {
    EventCacheBuilder second = first.laterPart(std::uint64_t{1} << 20);
    for (int i = 0; i < kBigNotesEvents / 2; ++i)
      second.add(bigNotesEvent(i));
  }
  for (int i = 0; i < kBigNotesEvents; ++i)
    first.add(bigNotesEvent(i));
  ASSERT_FALSE(first.write());
  const EventCacheRead reopened = readEventCache(file, key);
  ASSERT_TRUE(reopened.events) << reopened.problem;
  ASSERT_EQ(reopened.events->size(), static_cast<std::size_t>(kBigNotesEvents));
  for (int i = 0; i < kBigNotesEvents; i += 331)
    expectSame(bigNotesEvent(i), (*reopened.events)[static_cast<std::size_t>(i)]);
  expectSame(bigNotesEvent(kBigNotesEvents - 1), reopened.events->back());
}

}  // namespace
}  // namespace idlib
