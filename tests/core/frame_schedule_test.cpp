#include "core/frame_schedule.hpp"

#include <gtest/gtest.h>

namespace idlib {
namespace {

// Frames drawn with nothing happening: the settling frames after the window opens pass.
FrameSchedule settled() {
  FrameSchedule s;
  for (int i = 0; i < FrameSchedule::kSettleFrames; ++i)
    s.frameDrawn({});
  return s;
}

TEST(FrameSchedule, AnUntouchedPausedMapWaitsForTheNextEvent) {
  const FrameSchedule s = settled();
  EXPECT_EQ(s.maxWaitSeconds(), FrameSchedule::kForever);
  EXPECT_FALSE(s.drawAfterQuietWait());  // a spurious wake-up draws nothing
}

TEST(FrameSchedule, TheWindowDrawsItsFirstFramesWithoutWaiting) {
  FrameSchedule s;
  EXPECT_EQ(s.maxWaitSeconds(), 0);
}

TEST(FrameSchedule, PlaybackDrawsEveryFrame) {
  FrameSchedule s = settled();
  for (int i = 0; i < 10; ++i) {
    s.frameDrawn({.animating = true});
    EXPECT_EQ(s.maxWaitSeconds(), 0);
  }
}

TEST(FrameSchedule, InputDrawsAFewFramesMoreThenIdles) {
  FrameSchedule s = settled();
  s.frameDrawn({.input = true});
  for (int i = 0; i < FrameSchedule::kSettleFrames; ++i) {
    EXPECT_EQ(s.maxWaitSeconds(), 0) << "settling frame " << i;
    s.frameDrawn({});
  }
  EXPECT_EQ(s.maxWaitSeconds(), FrameSchedule::kForever);
}

TEST(FrameSchedule, PausingPlaybackSettlesThenIdles) {
  FrameSchedule s = settled();
  s.frameDrawn({.animating = true});
  for (int i = 0; i < FrameSchedule::kSettleFrames; ++i)
    s.frameDrawn({});
  EXPECT_EQ(s.maxWaitSeconds(), FrameSchedule::kForever);
}

TEST(FrameSchedule, ABackgroundLoadRedrawsItsProgressNowAndThen) {
  FrameSchedule s = settled();
  s.frameDrawn({.background = true});
  EXPECT_GT(s.maxWaitSeconds(), 0);
  EXPECT_LE(s.maxWaitSeconds(), FrameSchedule::kBackgroundPoll);
  EXPECT_TRUE(s.drawAfterQuietWait());
}

TEST(FrameSchedule, ATextBoxWithTheKeyboardKeepsItsCursorBlinking) {
  FrameSchedule s = settled();
  s.frameDrawn({.typing = true});
  EXPECT_EQ(s.maxWaitSeconds(), FrameSchedule::kBlinkPoll);
  EXPECT_TRUE(s.drawAfterQuietWait());
}

TEST(FrameSchedule, APresenterHoldingACueKeepsTheStoryClockInRealTime) {
  FrameSchedule s = settled();
  s.frameDrawn({.presenting = true});
  // Under the story's longest step (0.25 s), so a cue's hold lasts its real seconds.
  EXPECT_LT(s.maxWaitSeconds(), 0.25);
  EXPECT_GT(s.maxWaitSeconds(), 0);
  EXPECT_DOUBLE_EQ(s.animationSeconds(0.2), 0.2);
}

TEST(FrameSchedule, TimeAsleepIsNotAnimationTime) {
  FrameSchedule s = settled();
  // Space pressed after a minute idle: the play starts from the date shown, not a minute on.
  EXPECT_DOUBLE_EQ(s.animationSeconds(60), FrameSchedule::kFirstStepSeconds);
  s.frameDrawn({.animating = true});
  // Playing: the real time between frames, a slow machine's 0.2 s too.
  EXPECT_DOUBLE_EQ(s.animationSeconds(0.2), 0.2);
}

TEST(FrameRateMeter, ReportsFramesAndCpuPerFrameOnceASecond) {
  FrameRateMeter meter;
  const auto start = FrameRateMeter::Clock::time_point{};
  const auto at = [&](double seconds) {
    return start + std::chrono::duration_cast<FrameRateMeter::Clock::duration>(
                       std::chrono::duration<double>(seconds));
  };
  EXPECT_FALSE(meter.framePresented(at(0), 10.0));  // the first frame starts the count
  // 30 frames over one second, 0.6 s of CPU: 20 ms each.
  for (int i = 1; i < 30; ++i)
    EXPECT_FALSE(meter.framePresented(at(i / 30.0), 10.0 + 0.02 * i));
  const auto line = meter.framePresented(at(1.0), 10.6);
  ASSERT_TRUE(line);
  EXPECT_EQ(*line, "frame stats: 30.0 fps 20.0 cpu_ms/frame");
  EXPECT_FALSE(meter.framePresented(at(1.5), 10.7));  // the next second has begun
}

}  // namespace
}  // namespace idlib
