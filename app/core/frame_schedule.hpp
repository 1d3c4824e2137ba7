#pragma once
// When the window draws: a frame only when something on it may have changed. Paused and
// untouched, the loop sleeps in the event queue; input, playback, a camera or story move, a
// background load or an export bring frames back. Pure decisions, kept apart from SDL so they
// can be tested: the window reports what happened, the schedule says how long it may wait.
#include <chrono>
#include <ctime>
#include <limits>
#include <optional>
#include <string>

namespace idlib {

// What the window saw in the frame just drawn (or the wait just ended).
struct FrameActivity {
  bool input = false;       // events were handled (keys, pointer, window, a drop)
  bool animating = false;   // playback, a camera flight or smooth zoom, a story's move, an export
  bool background = false;  // a load, a listing or a query running on another thread
  bool typing = false;      // a text box has the keyboard: its cursor blinks
  bool presenting = false;  // presenter mode holding a cue: its clock and the speaker's timer run
};

class FrameSchedule {
 public:
  static constexpr double kForever = std::numeric_limits<double>::infinity();
  // Dear ImGui settles a few frames after input (hover, a window brought to the front, a popup
  // closing): that many frames are drawn after the last event.
  static constexpr int kSettleFrames = 3;
  // Progress bars are redrawn this often while work runs in the background (what finishes wakes
  // the window at once): each redraw of a software-rendered window takes CPU from the load.
  static constexpr double kBackgroundPoll = 0.5;
  // A text cursor's blink (ImGui: on 0.8 s of every 1.2 s) and a presenter's second counter.
  static constexpr double kBlinkPoll = 0.4;
  static constexpr double kPresentingPoll = 0.2;  // under the story's longest step (0.25 s)
  // The longest step of animation time one frame takes after the loop slept: time asleep is
  // not time the map moved (a smooth zoom or a play started by that input begins from there).
  static constexpr double kFirstStepSeconds = 1.0 / 60;

  // Records what the frame just drawn saw.
  void frameDrawn(const FrameActivity& activity);
  // How long the loop may wait for an event before it must draw: 0 draws at once, kForever
  // waits for the next event (the watcher of Ctrl+C posts one).
  double maxWaitSeconds() const;
  // Whether a wait that ended with nothing (a timeout, no event) still needs a frame: a
  // progress bar, a blinking cursor or a ticking clock does; an idle map does not.
  bool drawAfterQuietWait() const;
  // The animation time of the next frame, given the real seconds since the last one.
  double animationSeconds(double elapsed) const;

 private:
  FrameActivity last_;
  int settleFramesLeft_ = kSettleFrames;  // the first frames after opening settle too
};

// Frames presented per second and the process's CPU time per frame, over each second of
// frames: what a benchmark of the window reads (IDLIB_FRAME_STATS=1 makes the window print it).
class FrameRateMeter {
 public:
  using Clock = std::chrono::steady_clock;
  // Counts a presented frame at `now` with the process's CPU time `cpuSeconds` so far; once a
  // second or more has passed since the last report, returns the next line, e.g.
  // "frame stats: 31.0 fps 24.6 cpu_ms/frame".
  std::optional<std::string> framePresented(Clock::time_point now, double cpuSeconds);
  // The process's CPU time so far (all threads, e.g. the software rasteriser's), in seconds.
  static double processCpuSeconds();

 private:
  std::optional<Clock::time_point> since_;
  double cpuSince_ = 0;
  int frames_ = 0;
};

}  // namespace idlib
