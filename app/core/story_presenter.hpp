#pragma once
// Steps through a story. Moving to a cue flies the camera there and eases the date (no jumps);
// then the cue's date range plays, if it has one; then the cue holds. Camera and date follow
// one clock in seconds, whatever the frame rate: a slow machine shows fewer frames of the same
// move, never a cut. The live presenter and the video exporter (whose clock is the video's)
// drive the same object with the same time steps, so a video shows what the audience saw.
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
  // Moves time on by `seconds`: the camera along the move's flight, and the date.
  void advance(double seconds, Camera& camera, Playback& playback);
  // The cue whose caption the audience sees: a new cue's caption only once the date has
  // arrived at the cue's date (the one before stays up during the move); none before the first.
  std::optional<std::size_t> captionCue() const { return captionCue_; }
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
  std::optional<Flight> flight_;  // the move's camera path, timed by phaseSeconds_
  std::optional<std::size_t> captionCue_;
};

}  // namespace idlib
