#include "core/frame_schedule.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace idlib {

void FrameSchedule::frameDrawn(const FrameActivity& activity) {
  if (activity.input || activity.animating)
    settleFramesLeft_ = kSettleFrames;
  else if (settleFramesLeft_ > 0)
    --settleFramesLeft_;
  last_ = activity;
}

double FrameSchedule::maxWaitSeconds() const {
  if (last_.animating || settleFramesLeft_ > 0) return 0;
  double wait = kForever;
  if (last_.background) wait = std::min(wait, kBackgroundPoll);
  if (last_.typing) wait = std::min(wait, kBlinkPoll);
  if (last_.presenting) wait = std::min(wait, kPresentingPoll);
  return wait;
}

bool FrameSchedule::drawAfterQuietWait() const {
  return maxWaitSeconds() != kForever;
}

double FrameSchedule::animationSeconds(double elapsed) const {
  // A presenter's clock runs while a cue holds: its frames come at most kPresentingPoll apart.
  const bool clockRan = last_.animating || last_.presenting;
  return clockRan ? elapsed : std::min(elapsed, kFirstStepSeconds);
}

std::optional<std::string> FrameRateMeter::framePresented(Clock::time_point now,
                                                          double cpuSeconds) {
  if (!since_) {  // the first frame starts the count
    since_ = now;
    cpuSince_ = cpuSeconds;
    return std::nullopt;
  }
  ++frames_;
  const double seconds = std::chrono::duration<double>(now - *since_).count();
  if (seconds < 1.0) return std::nullopt;
  std::string line = fmt::format("frame stats: {:.1f} fps {:.1f} cpu_ms/frame", frames_ / seconds,
                                 1e3 * (cpuSeconds - cpuSince_) / frames_);
  since_ = now;
  cpuSince_ = cpuSeconds;
  frames_ = 0;
  return line;
}

double FrameRateMeter::processCpuSeconds() {
  timespec t{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) * 1e-9;
}

}  // namespace idlib
