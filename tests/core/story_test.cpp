#include "core/story.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/atomic_file.hpp"
#include "core/story_presenter.hpp"

namespace idlib {
namespace {

const char* kGood = R"(title = Test story

[cue]
title = Saraqib taken
date = 2020-02-06
view = 36.80,35.86,11
layers = areas, front, events
highlight = a002-03
caption = Government forces took Saraqib (article 002).
notes = Point at the junction.

[cue]
date = 2020-02-25
until = 2020-03-03
speed = 2
hold = 6
caption = Rebels retook it; the government came back (Reuters).
)";

TEST(Story, ReadsCues) {
  const StoryLoad load = parseStory(kGood, "test.story");
  EXPECT_TRUE(load.notices.empty()) << load.notices.front().message;
  EXPECT_EQ(load.story.title, "Test story");
  ASSERT_EQ(load.story.cues.size(), 2u);
  const Cue& a = load.story.cues[0];
  EXPECT_EQ(formatDate(a.date), "2020-02-06");
  ASSERT_TRUE(a.view);
  EXPECT_DOUBLE_EQ(a.view->zoom, 11);
  EXPECT_EQ(*a.layers, (std::vector<std::string>{"areas", "front", "events"}));
  EXPECT_EQ(a.highlight, std::vector<std::string>{"a002-03"});
  EXPECT_EQ(a.line, 3);
  const Cue& b = load.story.cues[1];
  EXPECT_EQ(formatDate(*b.until), "2020-03-03");
  EXPECT_DOUBLE_EQ(b.daysPerSecond, 2);
  EXPECT_DOUBLE_EQ(b.holdSeconds, 6);
  EXPECT_FALSE(b.layers.has_value());  // keeps what is shown
}

TEST(Story, BadCuesAreReportedWithTheLineAndTheRestStillRuns) {
  const std::string text = std::string(kGood) + R"(
[cue]
date = 2020-02-30
caption = a malformed date

[cue]
date = 2020-03-05
layers = areas, trenches
caption = an unknown layer

[cue]
date = 2020-03-06
)";
  const StoryLoad load = parseStory(text, "bad.story");
  EXPECT_EQ(load.story.cues.size(), 2u);  // the two good ones
  ASSERT_EQ(load.notices.size(), 3u);
  EXPECT_EQ(
      load.notices[0].message,
      "bad.story line 20: date '2020-02-30' is not a date (expected YYYY-MM-DD); cue skipped");
  EXPECT_EQ(load.notices[1].message,
            "bad.story line 25: unknown layer 'trenches' (expected any of areas, front, posts, "
            "events, flows, arrivals, "
            "towns, boundaries); cue skipped");
  EXPECT_EQ(load.notices[2].message,
            "bad.story line 28: cue has no caption (every cue needs one, citing its source); cue "
            "skipped");
}

// A cue with `line` in it, as the only cue of a story; the messages it gives.
std::vector<std::string> messagesFor(const std::string& line) {
  const std::string text = "[cue]\ndate = 2020-02-06\ncaption = c (source)\n" + line + "\n";
  std::vector<std::string> messages;
  for (const auto& n : parseStory(text, "s.story").notices)
    messages.push_back(n.message);
  return messages;
}

TEST(Story, HoldAndSpeedMustBeFiniteAndBoundedSoAVideoEnds) {
  const std::string hold = "(expected seconds, more than 0 and at most 600); cue skipped";
  const std::string speed = "(expected days per second, from 0.01 to 3650); cue skipped";
  EXPECT_EQ(messagesFor("hold = inf").at(0),
            "s.story line 4: hold 'inf' is not a finite number " + hold);
  EXPECT_EQ(messagesFor("hold = 1e9").at(0), "s.story line 4: hold '1e9' is out of range " + hold);
  EXPECT_EQ(messagesFor("hold = 0").at(0), "s.story line 4: hold '0' is out of range " + hold);
  EXPECT_EQ(messagesFor("hold = nan").at(0),
            "s.story line 4: hold 'nan' is not a finite number " + hold);
  EXPECT_EQ(messagesFor("speed = 1e-300").at(0),
            "s.story line 4: speed '1e-300' is out of range " + speed);
  EXPECT_EQ(messagesFor("speed = 5000").at(0),
            "s.story line 4: speed '5000' is out of range " + speed);
  // The bounds themselves are allowed.
  EXPECT_EQ(messagesFor("hold = 600").size(), 0u);
  EXPECT_EQ(messagesFor("speed = 0.01").size(), 0u);
  EXPECT_EQ(messagesFor("speed = 3650").size(), 0u);
}

TEST(Story, AtMostAThousandCuesAndTheRestAreReportedOnce) {
  std::string text;
  for (int i = 0; i < 100000; ++i)
    text += "[cue]\ndate = 2020-02-06\ncaption = c (source)\n";
  const StoryLoad load = parseStory(text, "many.story");
  EXPECT_EQ(load.story.cues.size(), 1000u);
  ASSERT_EQ(load.notices.size(), 1u);
  EXPECT_EQ(load.notices[0].message,
            "many.story line 3001: more than 1,000 cues; this one and those after it are left out");
}

TEST(Story, AHugeLineIsReportedByItsLengthAndItsCueSkipped) {
  const std::string caption = "caption = " + std::string(5'000'000, 'x');
  const StoryLoad load =
      parseStory(std::string(kGood) + "\n[cue]\ndate = 2020-03-01\n" + caption + "\n", "big.story");
  EXPECT_EQ(load.story.cues.size(), 2u);  // the good ones; the huge one skipped
  ASSERT_EQ(load.notices.size(), 1u);
  EXPECT_EQ(load.notices[0].message,
            "big.story line 21 is 5,000,010 characters long; the limit is 4,096; cue skipped");
  // The message holds the length, not the text.
  EXPECT_LT(load.notices[0].message.size(), 200u);
}

TEST(Story, LineLengthsCountCharactersNotBytes) {
  // 3000 Arabic letters are 6000 bytes but within the limit of 4,096 characters.
  std::string arabic;
  for (int i = 0; i < 3000; ++i)
    arabic += "\u0625";
  EXPECT_EQ(messagesFor("notes = " + arabic).size(), 0u);
}

TEST(Story, ABadViewNamesTheStoryKeyNotTheCommandLineOption) {
  const auto messages = messagesFor("view = Idlib");
  ASSERT_EQ(messages.size(), 2u);  // and "no valid cue"
  EXPECT_EQ(messages[0],
            "s.story line 4: view 'Idlib': expected LON,LAT,ZOOM in decimal degrees, e.g. "
            "36.63,35.93,9; cue skipped");
  EXPECT_EQ(messages[0].find("--view"), std::string::npos);
}

TEST(Story, AFileOfNothingButBadLinesGivesABoundedListOfProblems) {
  std::string text;
  for (int i = 0; i < 100000; ++i)
    text += "junk\n";
  const StoryLoad load = parseStory(text, "junk.story");
  ASSERT_EQ(load.notices.size(), 102u);  // 100 listed, "more than 100", "no valid cue"
  EXPECT_EQ(load.notices[100].message,
            "junk.story: more than 100 problems; the rest are not listed");
}

TEST(Story, SavedTextReadsBackTheSame) {
  const Story original = parseStory(kGood, "a").story;
  const StoryLoad again = parseStory(serializeStory(original), "b");
  EXPECT_TRUE(again.notices.empty());
  EXPECT_EQ(serializeStory(again.story), serializeStory(original));
  EXPECT_EQ(again.story.cues[1].caption, original.cues[1].caption);
}

// Issue 14: a cue can be a before/after of an earlier date and its own.
TEST(Story, ACueComparesItsDateWithTheCompareDateInTheModeAsked) {
  const StoryLoad load = parseStory(R"([cue]
date = 2020-02-10
compare = 2020-02-01
caption = Saraqib before and after (al-Masdar)

[cue]
date = 2020-03-06
compare = 2019-04-30
compare-mode = change
caption = What the offensive took (Reuters)

[cue]
date = 2020-03-07
caption = No comparison (Reuters)
)",
                                    "c.story");
  EXPECT_TRUE(load.notices.empty()) << load.notices.front().message;
  ASSERT_EQ(load.story.cues.size(), 3u);
  EXPECT_EQ(load.story.cues[0].compare, makeDay(2020, 2, 1));
  EXPECT_EQ(load.story.cues[0].compareMode, CompareMode::Swipe);  // the default
  EXPECT_EQ(load.story.cues[1].compare, makeDay(2019, 4, 30));
  EXPECT_EQ(load.story.cues[1].compareMode, CompareMode::Change);
  EXPECT_FALSE(load.story.cues[2].compare);
  // Written back as read: the default mode is left out, the others named.
  const std::string saved = serializeStory(load.story);
  EXPECT_NE(saved.find("compare = 2020-02-01\ncaption"), std::string::npos) << saved;
  EXPECT_NE(saved.find("compare = 2019-04-30\ncompare-mode = change\n"), std::string::npos);
  const StoryLoad again = parseStory(saved, "again.story");
  EXPECT_TRUE(again.notices.empty());
  EXPECT_EQ(serializeStory(again.story), saved);
}

TEST(Story, ABadCompareDateOrModeNamesTheFileLineAndWhatWasExpected) {
  // The only cue is skipped: its problem first, then "no valid cue".
  const auto first = [](const std::string& line) { return messagesFor(line).at(0); };
  EXPECT_EQ(first("compare = 2020-02-31"),
            "s.story line 4: compare '2020-02-31' is not a date (expected YYYY-MM-DD: date A of "
            "a before/after beside the cue's date); cue skipped");
  EXPECT_EQ(first("compare = 2020-02-01\ncompare-mode = sideways"),
            "s.story line 5: compare-mode 'sideways' is not a mode (expected swipe, side-by-side "
            "or change); cue skipped");
  // "off" is no way to compare: a cue that does not compare has no compare line.
  EXPECT_EQ(first("compare = 2020-02-01\ncompare-mode = off"),
            "s.story line 5: compare-mode 'off' is not a mode (expected swipe, side-by-side or "
            "change); cue skipped");
  EXPECT_EQ(first("compare-mode = change"),
            "s.story line 1: cue has a compare-mode but no compare date (expected compare = "
            "YYYY-MM-DD); cue skipped");
  EXPECT_TRUE(messagesFor("compare = 2020-02-01\ncompare-mode = side-by-side").empty());
}

TEST(Story, TheBundledStoryIsValidAndCitesItsSources) {
  std::ifstream in(std::string(IDLIB_DATA_DIR) + "/assets/stories/idlib-2018-2020.story");
  std::stringstream text;
  text << in.rdbuf();
  const StoryLoad load = parseStory(text.str(), "idlib-2018-2020.story");
  EXPECT_TRUE(load.notices.empty()) << load.notices.front().message;
  EXPECT_GE(load.story.cues.size(), 8u);
  for (const Cue& c : load.story.cues)
    EXPECT_NE(c.caption.find('('), std::string::npos) << c.title << ": no source";
}

TEST(AtomicFile, ReplacesTheWholeFileOrNothing) {
  const auto dir =
      std::filesystem::temp_directory_path() / ("idlib-atomic-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  const auto path = dir / "story.story";
  ASSERT_FALSE(writeFileAtomically(path, "first version, rather long\n").has_value());
  ASSERT_FALSE(writeFileAtomically(path, "second\n").has_value());
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  EXPECT_EQ(text.str(), "second\n");
  // A folder that is not there: an error naming the file; nothing written.
  const auto error = writeFileAtomically(dir / "missing" / "x.story", "data");
  ASSERT_TRUE(error.has_value());
  EXPECT_NE(error->find("x.story"), std::string::npos);
  std::size_t files = 0;
  for ([[maybe_unused]] const auto& entry : std::filesystem::directory_iterator(dir))
    ++files;
  EXPECT_EQ(files, 1u);  // no temporary file left behind
  std::filesystem::remove_all(dir);
}

TEST(StoryPresenter, MovesEaseTheDateWithoutJumpsThenPlayThenHold) {
  Story story = parseStory(kGood, "t").story;
  Camera camera;
  camera.setViewport({800, 600});
  camera.setView({{0, 0}, 500});
  Playback playback;
  playback.date = makeDay(2019, 1, 1);
  StoryPresenter p(story, {View{{10000, 5000}, 40}, std::nullopt});
  p.goTo(0, camera, playback);
  const double dt = 1.0 / 30;
  double previous = playback.date, biggestStep = 0;
  while (p.phase() == StoryPresenter::Phase::Moving) {
    camera.advance(dt);
    p.advance(dt, camera, playback);
    EXPECT_GE(playback.date, previous);  // monotonic towards the cue
    biggestStep = std::max(biggestStep, playback.date - previous);
    previous = playback.date;
  }
  EXPECT_EQ(playback.date, makeDay(2020, 2, 6));
  EXPECT_EQ(camera.view(), (View{{10000, 5000}, 40}));
  // 401 days over at least 1.2 s at 30 fps, eased: no step is more than a few percent of it.
  EXPECT_LT(biggestStep, 401 * 0.06);
  EXPECT_EQ(p.phase(), StoryPresenter::Phase::Holding);
  p.next(camera, playback);
  for (int i = 0; i < 30 * 10 && p.phase() != StoryPresenter::Phase::Holding; ++i)
    p.advance(dt, camera, playback);
  EXPECT_EQ(playback.date, makeDay(2020, 3, 3));  // played to `until`
  EXPECT_FALSE(p.holdDone());
  for (int i = 0; i < 30 * 6 + 1; ++i)
    p.advance(dt, camera, playback);
  EXPECT_TRUE(p.holdDone());
  p.next(camera, playback);  // the last cue stays
  EXPECT_EQ(p.cue(), 1u);
  p.previous(camera, playback);
  EXPECT_EQ(p.cue(), 0u);
}

// Steps the presenter towards cue 1 at `fps` for `fifths` fifths of a second (a whole number of
// frames at 5 and at 60 fps), as the window's loop does, and returns the camera's view then.
View viewAfter(int fifths, int fps) {
  Story story = parseStory(kGood, "t").story;
  Camera camera;
  camera.setViewport({800, 600});
  camera.setView({{0, 0}, 500});
  Playback playback;
  StoryPresenter p(story, {View{{0, 0}, 500}, View{{40000, -20000}, 60}});
  p.goTo(1, camera, playback);
  const int frames = fifths * fps / 5;
  for (int i = 0; i < frames; ++i) {
    camera.advance(1.0 / fps);
    p.advance(1.0 / fps, camera, playback);
  }
  return camera.view();
}

TEST(StoryPresenter, TheCameraMovesInSecondsNotFrames) {
  const View start{{0, 0}, 500}, end{{40000, -20000}, 60};
  const double duration = Flight(start, end, {800, 600}).durationSeconds();
  ASSERT_GT(duration, 1.0);  // a real move, several frames long even at 5 fps
  const int moveFifths = static_cast<int>(std::floor(duration * 5));
  for (const int fifths : {2, 5, moveFifths / 2, moveFifths - 1}) {
    const double seconds = fifths / 5.0;
    const View slow = viewAfter(fifths, 5), fast = viewAfter(fifths, 60);
    EXPECT_NEAR(slow.centre.x, fast.centre.x, 1e-6 * 40000) << seconds << " s";
    EXPECT_NEAR(slow.centre.y, fast.centre.y, 1e-6 * 40000) << seconds << " s";
    EXPECT_NEAR(slow.metresPerPoint, fast.metresPerPoint, 1e-6 * 500) << seconds << " s";
    // Mid-move at 5 fps: somewhere between, not cut to the end.
    EXPECT_NE(slow, end) << seconds << " s";
    EXPECT_NE(slow, start) << seconds << " s";
  }
  EXPECT_EQ(viewAfter(moveFifths + 1, 5), end);
  EXPECT_EQ(viewAfter(moveFifths + 1, 60), end);
}

TEST(StoryPresenter, ACaptionAppearsOnlyOnceItsCuesDateHasArrived) {
  Story story = parseStory(kGood, "t").story;
  Camera camera;
  camera.setViewport({800, 600});
  Playback playback;
  playback.date = makeDay(2019, 1, 1);
  StoryPresenter p(story, {View{{10000, 5000}, 40}, View{{-30000, 5000}, 200}});
  EXPECT_FALSE(p.captionCue());
  p.goTo(0, camera, playback);
  const double dt = 1.0 / 5;  // a slow machine
  for (int i = 0; i < 100 && p.phase() == StoryPresenter::Phase::Moving; ++i) {
    EXPECT_FALSE(p.captionCue()) << "a caption before its date, at " << playback.date;
    p.advance(dt, camera, playback);
  }
  EXPECT_EQ(playback.date, story.cues[0].date);
  EXPECT_EQ(p.captionCue(), 0u);

  p.next(camera, playback);
  ASSERT_LT(playback.date, story.cues[1].date);
  bool sawTheDateArrive = false;
  for (int i = 0; i < 100 && p.phase() == StoryPresenter::Phase::Moving; ++i) {
    p.advance(dt, camera, playback);
    if (playback.date < story.cues[1].date)
      EXPECT_EQ(p.captionCue(), 0u) << "cue 1's caption before its date, at " << playback.date;
    else
      sawTheDateArrive = true;
  }
  EXPECT_TRUE(sawTheDateArrive);
  EXPECT_EQ(p.captionCue(), 1u);
}

}  // namespace
}  // namespace idlib
