#include "core/story_presenter.hpp"

#include <algorithm>
#include <cmath>

namespace idlib {
namespace {
constexpr double kShortestMoveSeconds = 1.2;  // a date-only move still takes this long
}

StoryPresenter::StoryPresenter(Story story, std::vector<std::optional<View>> views)
    : story_(std::move(story)), views_(std::move(views)) {
  views_.resize(story_.cues.size());
}

void StoryPresenter::enter(Phase p) {
  phase_ = p;
  phaseSeconds_ = 0;
}

void StoryPresenter::goTo(std::size_t i, Camera& camera, Playback& playback) {
  if (story_.cues.empty()) return;
  cue_ = std::min(i, story_.cues.size() - 1);
  started_ = true;
  moveSeconds_ = kShortestMoveSeconds;
  flight_.reset();
  camera.setView(camera.view());  // the presenter moves the camera now: stop any other motion
  if (const auto& target = views_[cue_]) {
    flight_.emplace(camera.view(), *target, camera.viewport());
    moveSeconds_ = std::max(moveSeconds_, flight_->durationSeconds());
  }
  fromDate_ = playback.date;
  playback.playing = false;
  enter(Phase::Moving);
}

void StoryPresenter::next(Camera& camera, Playback& playback) {
  if (!started_)
    goTo(0, camera, playback);
  else if (cue_ + 1 < story_.cues.size())
    goTo(cue_ + 1, camera, playback);
}

void StoryPresenter::previous(Camera& camera, Playback& playback) {
  if (started_ && cue_ > 0) goTo(cue_ - 1, camera, playback);
}

void StoryPresenter::advance(double seconds, Camera& camera, Playback& playback) {
  if (!started_ || story_.cues.empty()) return;
  elapsed_ += seconds;
  phaseSeconds_ += seconds;
  const Cue& c = story_.cues[cue_];
  switch (phase_) {
    case Phase::Moving:
      if (flight_) camera.setView(flight_->at(phaseSeconds_));  // clamps to the cue's view
      playback.date = fromDate_ + (c.date - fromDate_) * easeInOut(phaseSeconds_ / moveSeconds_);
      if (phaseSeconds_ >= moveSeconds_) {
        playback.date = c.date;
        flight_.reset();
        captionCue_ = cue_;  // the date has arrived: now the caption may say what happened
        if (c.until) {
          playback.playing = true;  // areas cross-fade while the range plays
          enter(Phase::Playing);
        } else {
          enter(Phase::Holding);
        }
      }
      break;
    case Phase::Playing:
      playback.date = std::min<double>(*c.until, c.date + phaseSeconds_ * c.daysPerSecond);
      if (playback.date >= *c.until) {
        playback.playing = false;
        enter(Phase::Holding);
      }
      break;
    case Phase::Holding:
      break;
  }
}

}  // namespace idlib
