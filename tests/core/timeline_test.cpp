#include "core/timeline.hpp"

#include <gtest/gtest.h>

#include "core/playback.hpp"

namespace idlib {
namespace {

Timeline smallTimeline() {
  Timeline t;
  for (const char* d : {"2020-02-03", "2019-08-21", "2020-02-03", "2018-09-07"}) {
    Event e;
    e.date = *parseDate(d);
    t.events.push_back(e);
  }
  Locality saraqib{"Saraqib", {}, {}, {}};
  saraqib.history = {
      {*parseDate("2020-02-27"), Controller::Opposition, DatePrecision::Day, "", {}},
      {*parseDate("2017-05-01"), Controller::Opposition, DatePrecision::Day, "", {}},
      {*parseDate("2020-02-06"), Controller::Government, DatePrecision::Day, "", {}},
      {*parseDate("2020-03-02"), Controller::Government, DatePrecision::Day, "", {}}};
  t.localities.push_back(saraqib);
  t.finish();
  return t;
}

TEST(Timeline, EventsAreSortedAndTheSpanCoversEverything) {
  const Timeline t = smallTimeline();
  EXPECT_EQ(formatDate(t.events.front().date()), "2018-09-07");
  EXPECT_EQ(formatDate(t.first()), "2017-05-01");
  EXPECT_EQ(formatDate(t.last()), "2020-03-02");
}

TEST(Timeline, ControllerAtADate) {
  const Timeline t = smallTimeline();
  const Locality& s = t.localities[0];
  EXPECT_EQ(s.controllerAt(*parseDate("2020-02-05")), Controller::Opposition);
  EXPECT_EQ(s.controllerAt(*parseDate("2020-02-06")),
            Controller::Government);  // from the day itself
  EXPECT_EQ(s.controllerAt(*parseDate("2020-02-28")), Controller::Opposition);
  EXPECT_EQ(s.controllerAt(*parseDate("2020-03-03")), Controller::Government);
  EXPECT_FALSE(s.controllerAt(*parseDate("2017-01-01")).has_value());
}

TEST(Timeline, StepsToTheNextAndPreviousEventDate) {
  const Timeline t = smallTimeline();
  Playback p;
  p.date = *parseDate("2019-01-01");
  p.stepToNextEvent(t);
  EXPECT_EQ(formatDate(static_cast<Day>(p.date)), "2019-08-21");
  p.stepToNextEvent(t);
  EXPECT_EQ(formatDate(static_cast<Day>(p.date)), "2020-02-03");
  p.stepToPreviousEvent(t);
  EXPECT_EQ(formatDate(static_cast<Day>(p.date)), "2019-08-21");
  p.date += 0.5;  // mid-playback, half a day later: Left goes back to that day's event
  p.stepToPreviousEvent(t);
  EXPECT_EQ(formatDate(static_cast<Day>(p.date)), "2019-08-21");
}

// Saraqib changes hands on 6 and 27 February and 2 March 2020, days without an event: "next
// event" stops there too, and stays at the last one.
TEST(Timeline, StepsThroughControlChangesAsWellAsEvents) {
  const Timeline t = smallTimeline();
  Playback p;
  p.date = *parseDate("2020-02-03");
  std::vector<std::string> forward;
  for (int i = 0; i < 4; ++i) {
    p.stepToNextEvent(t);
    forward.push_back(formatDate(static_cast<Day>(p.date)));
  }
  EXPECT_EQ(forward,
            (std::vector<std::string>{"2020-02-06", "2020-02-27", "2020-03-02", "2020-03-02"}));
  p.stepToPreviousEvent(t);
  p.stepToPreviousEvent(t);
  p.stepToPreviousEvent(t);
  EXPECT_EQ(formatDate(static_cast<Day>(p.date)), "2020-02-03");
  p.date = *parseDate("2018-01-01");
  p.stepToPreviousEvent(t);  // back to the start of the data, where the first snapshot holds
  EXPECT_EQ(formatDate(static_cast<Day>(p.date)), "2017-05-01");
}

TEST(Timeline, SnapshotsAreFoundByDate) {
  const Timeline t = smallTimeline();
  ASSERT_EQ(t.controlChangeDates().size(), 4u);
  EXPECT_FALSE(t.snapshotAt(*parseDate("2017-04-30")).has_value());
  EXPECT_EQ(t.snapshotAt(*parseDate("2020-02-10")), 1u);
  EXPECT_EQ(t.snapshotAt(*parseDate("2020-02-27") + 0.7), 2u);
  EXPECT_EQ(t.snapshotAt(*parseDate("2021-01-01")), 3u);
}

TEST(Playback, PlaysAtItsSpeedAndStopsAtTheEnd) {
  const Timeline t = smallTimeline();
  Playback p;
  p.jumpTo(*parseDate("2020-02-01"), t);
  p.playing = true;
  p.daysPerSecond = 7;
  p.advance(0.5, t);
  EXPECT_DOUBLE_EQ(p.date, *parseDate("2020-02-01") + 3.5);
  p.advance(100, t);
  EXPECT_EQ(p.date, t.last());
  EXPECT_FALSE(p.playing);
}

TEST(Playback, ANewSnapshotFadesInJustBeforeItsDateWhilePlaying) {
  const Timeline t = smallTimeline();
  Playback p;
  p.daysPerSecond = 4;  // fades over 2 days
  p.date = *parseDate("2020-02-04");
  p.playing = true;
  EXPECT_FLOAT_EQ(snapshotBlend(t, p).crossfade, 0.0f);
  p.date = *parseDate("2020-02-05");  // one day before the change: half faded in
  EXPECT_FLOAT_EQ(snapshotBlend(t, p).crossfade, 0.5f);
  p.playing = false;  // a paused map shows one snapshot, no blend
  EXPECT_FLOAT_EQ(snapshotBlend(t, p).crossfade, 0.0f);
}

TEST(ObservationPost, StatusFollowsItsDates) {
  ObservationPost morek;
  morek.established = makeDay(2018, 4, 1);
  morek.encircled = makeDay(2019, 8, 23);
  morek.withdrawn = makeDay(2020, 10, 19);
  EXPECT_EQ(morek.statusAt(makeDay(2018, 1, 1)), PostStatus::NotYetEstablished);
  EXPECT_EQ(morek.statusAt(makeDay(2019, 8, 22)), PostStatus::Active);
  EXPECT_EQ(morek.statusAt(makeDay(2019, 8, 23)), PostStatus::Encircled);
  EXPECT_EQ(morek.statusAt(makeDay(2020, 11, 1)), PostStatus::Withdrawn);
}

TEST(Controllers, AlliesShareNoFrontLine) {
  EXPECT_TRUE(opposing(Controller::Government, Controller::Opposition));
  EXPECT_TRUE(opposing(Controller::Government, Controller::Turkey));
  EXPECT_FALSE(opposing(Controller::Opposition, Controller::Turkey));
  EXPECT_FALSE(opposing(Controller::Government, Controller::Government));
}

TEST(ControlChange, TheStartOfTheDataIsNotTheDateOfAChange) {
  ControlChange baseline{makeDay(2017, 5, 1),
                         Controller::Opposition,
                         DatePrecision::Day,
                         "Baseline (state at start of data). Opposition-held throughout.",
                         {}};
  EXPECT_TRUE(baseline.startsTheData());
  EXPECT_EQ(describeControl(baseline), "opposition, held before the data starts (see source)");

  ControlChange taken{makeDay(2019, 8, 23),
                      Controller::Government,
                      DatePrecision::Day,
                      "Taken in the 2019 offensive.",
                      {}};
  EXPECT_FALSE(taken.startsTheData());
  EXPECT_EQ(describeControl(taken), "government since 2019-08-23");
}

}  // namespace
}  // namespace idlib
