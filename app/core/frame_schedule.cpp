#include "core/frame_schedule.hpp"

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

}  // namespace idlib
