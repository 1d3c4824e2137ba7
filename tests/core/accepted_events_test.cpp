// An analyst's accepted-events file (issue 13): rows that quote nothing, cite the article's bytes,
// and a file that is not one of ours is left alone.
#include "core/accepted_events.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace idlib {
namespace {

namespace fs = std::filesystem;

struct Folder {
  fs::path path = fs::temp_directory_path() /
                  ("accepted-" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) +
                   "-" + ::testing::UnitTest::GetInstance()->current_test_info()->name());
  Folder() { fs::create_directories(path); }
  ~Folder() { fs::remove_all(path); }
};

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

Candidate aCandidate() {
  Candidate c;
  c.first = c.last = *parseDate("2019-05-09");
  c.type = "shelling/air strike";
  c.location = "Kafr Nabudah";
  c.lat = 35.4;
  c.lon = 36.5;
  c.geoPrecision = "town";
  c.dateBasis = "'on Thursday', a formula? =1+1";
  c.spanStart = 120;
  c.spanEnd = 180;
  return c;
}

TEST(AcceptedEvents, ARowCitesTheArticleBytesAndNeutralisesFormulas) {
  const std::string row = acceptedEventRow(aCandidate(), "/home/a/notes, May.txt");
  EXPECT_NE(row.find("2019-05-09,day,shelling/air strike"), std::string::npos) << row;
  EXPECT_NE(row.find("\"/home/a/notes, May.txt [bytes 120-180]\""), std::string::npos) << row;
  EXPECT_NE(row.find(",120,180\n"), std::string::npos) << row;
  const auto ref = parseArticleSpanSource("/home/a/notes, May.txt [bytes 120-180]");
  ASSERT_TRUE(ref);
  EXPECT_EQ(ref->article, "/home/a/notes, May.txt");
  EXPECT_EQ(ref->start, 120u);
  EXPECT_EQ(ref->end, 180u);
  EXPECT_FALSE(parseArticleSpanSource("Reuters, 2020-02-03"));
  EXPECT_FALSE(parseArticleSpanSource("a.txt [bytes 9-3]"));
  EXPECT_FALSE(parseArticleSpanSource("a.txt [bytes 1-2]x"));
  EXPECT_FALSE(parseArticleSpanSource(" [bytes 1-2]"));
  // A hostile cell of a megabyte is refused, not a stack overflow.
  EXPECT_FALSE(parseArticleSpanSource(std::string(1 << 20, 'a') + " [bytes 1-x]"));
  // A period longer than a month is dated by its end, to the year the reader knows.
  Candidate period = aCandidate();
  period.precision = MentionPrecision::Period;
  period.first = *parseDate("2019-04-01");
  EXPECT_NE(acceptedEventRow(period, "a.txt").find("2019-05-09,year,"), std::string::npos);
}

TEST(AcceptedEvents, TheFileIsCreatedWithItsHeaderThenAppendedTo) {
  Folder f;
  const fs::path file = f.path / "new folder" / "accepted.csv";
  ASSERT_EQ(appendAcceptedEvent(file, "row one\n"), std::nullopt);
  ASSERT_EQ(appendAcceptedEvent(file, "row two\n"), std::nullopt);
  EXPECT_EQ(slurp(file), std::string(acceptedEventsHeader()) + "row one\nrow two\n");
}

TEST(AcceptedEvents, AnotherTableIsLeftAsItIs) {
  Folder f;
  const fs::path file = f.path / "acled.csv";
  std::ofstream(file) << "event_date,latitude,longitude,notes\n2020-01-01,35,36,x\n";
  const auto problem = appendAcceptedEvent(file, "row\n");
  ASSERT_TRUE(problem);
  EXPECT_NE(problem->find(file.string() + ", line 1: not an accepted-events file"),
            std::string::npos)
      << *problem;
  EXPECT_EQ(slurp(file), "event_date,latitude,longitude,notes\n2020-01-01,35,36,x\n");
  EXPECT_TRUE(appendAcceptedEvent(f.path, "row\n"));  // a folder
}

TEST(AcceptedEvents, DecisionsAreKeptAndReadBackWithOddArticleNames) {
  Folder f;
  const fs::path events = f.path / "accepted.csv";
  const fs::path decisions = decisionsFileFor(events);
  EXPECT_EQ(decisions, f.path / "accepted.decisions.csv");
  const Decision merged{"/tmp/a \"quoted\", name.txt", 5, 60, Verdict::Merged, "a002-03"};
  ASSERT_EQ(appendDecision(decisions, merged), std::nullopt);
  ASSERT_EQ(appendDecision(decisions, {"b.txt", 1, 2, Verdict::Rejected, ""}), std::nullopt);
  const std::vector<Decision> read = readDecisions(decisions);
  ASSERT_EQ(read.size(), 2u);
  EXPECT_EQ(read[0].article, merged.article);
  EXPECT_EQ(read[0].start, 5u);
  EXPECT_EQ(read[0].end, 60u);
  EXPECT_EQ(read[0].verdict, Verdict::Merged);
  EXPECT_EQ(read[0].eventId, "a002-03");
  EXPECT_EQ(read[1].verdict, Verdict::Rejected);
  EXPECT_TRUE(readDecisions(f.path / "none.csv").empty());
  // The events file is not a decisions file: it is refused, not appended to.
  ASSERT_EQ(appendAcceptedEvent(events, "r\n"), std::nullopt);
  EXPECT_TRUE(appendDecision(events, merged));
}

TEST(AcceptedEvents, TheWordsAreReadBackBoundedAndAChangedArticleIsSaid) {
  Folder f;
  const fs::path article = f.path / "a.txt";
  std::ofstream(article) << "0123456789";
  EXPECT_EQ(readArticleWords({article.string(), 2, 5}).words, "234");
  EXPECT_NE(readArticleWords({article.string(), 8, 20}).problem.find("the article changed"),
            std::string::npos);
  EXPECT_NE(readArticleWords({(f.path / "gone.txt").string(), 0, 1}).problem.find("cannot be read"),
            std::string::npos);
}

TEST(AcceptedEvents, TheDefaultFileFollowsXdgDataHome) {
  const char* before = std::getenv("XDG_DATA_HOME");
  const std::string saved = before ? before : "";
  ::setenv("XDG_DATA_HOME", "/tmp/xdg-data", 1);
  EXPECT_EQ(defaultAcceptedEventsFile(), fs::path("/tmp/xdg-data/idlib-atlas/accepted-events.csv"));
  if (before)
    ::setenv("XDG_DATA_HOME", saved.c_str(), 1);
  else
    ::unsetenv("XDG_DATA_HOME");
}

}  // namespace
}  // namespace idlib
