#pragma once
// The date the map shows and how it moves: scrubbing, playing at a speed, stepping to events.
#include <optional>

#include "core/timeline.hpp"

namespace idlib {

struct Playback {
  double date = 0;  // fractional day
  bool playing = false;
  double daysPerSecond = 7;  // from a day to a month per second
  double windowDays = 30;    // events of the last N days stay on the map
  friend bool operator==(const Playback&, const Playback&) = default;

  // Moves the date on by `seconds` of playback; stops at the end of the span.
  void advance(double seconds, const Timeline& timeline);
  void stepToNextEvent(const Timeline& timeline);
  void stepToPreviousEvent(const Timeline& timeline);
  void jumpTo(double day, const Timeline& timeline);  // clamped to the span
};

// Which control snapshot to draw and how much of the next one to fade in: while playing, a
// change fades in over the half second of playback before its date.
struct SnapshotBlend {
  std::optional<std::size_t> snapshot;
  float crossfade = 0;
};
SnapshotBlend snapshotBlend(const Timeline& timeline, const Playback& playback);

}  // namespace idlib
