#pragma once
// Steps through a story. Moving to a cue flies the camera there and eases the date (no jumps);
// then the cue's date range plays, if it has one; then the cue holds. The live presenter and
// the video exporter drive the same object with the same time steps, so a video shows exactly
// what the audience saw.
#include <optional>
#include <vector>

#include "core/camera.hpp"
#include "core/playback.hpp"
#include "core/story.hpp"

namespace idlib {

class StoryPresenter {
 public:
  enum class Phase { Moving, Playing, Holding };

  // `views[i]`: cue i's view in the map plane, or nothing to keep the view as it is.
  StoryPresenter(Story story, std::vector<std::optional<View>> views);

  const Story& story() const { return story_; }
  std::size_t cue() const { return cue_; }
  Phase phase() const { return phase_; }
  double elapsedSeconds() const { return elapsed_; }
  bool started() const { return started_; }

  // Starts moving to cue `i` from wherever the map is now.
  void goTo(std::size_t i, Camera& camera, Playback& playback);
  void next(Camera& camera, Playback& playback);      // stays on the last cue
  void previous(Camera& camera, Playback& playback);  // stays on the first cue
  // Moves time on by `seconds`: the date here (the camera advances its own flight).
  void advance(double seconds, Playback& playback);
  // Whether the current cue has been held for its hold time (unattended runs move on then).
  bool holdDone() const {
    return phase_ == Phase::Holding && phaseSeconds_ >= story_.cues[cue_].holdSeconds;
  }

 private:
  void enter(Phase p);
  Story story_;
  std::vector<std::optional<View>> views_;
  std::size_t cue_ = 0;
  bool started_ = false;
  Phase phase_ = Phase::Holding;
  double phaseSeconds_ = 0, elapsed_ = 0;
  double moveSeconds_ = 1, fromDate_ = 0;
};

// The smooth start and stop used for date moves: 0 -> 0, 1 -> 1, flat at both ends.
double easeInOut(double t);

}  // namespace idlib
