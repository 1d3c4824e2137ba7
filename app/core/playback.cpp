#include "core/playback.hpp"

#include <algorithm>
#include <cmath>

namespace idlib {

void Playback::advance(double seconds, const Timeline& timeline) {
  if (!playing) return;
  date += seconds * daysPerSecond;
  if (date >= timeline.last()) {
    date = timeline.last();
    playing = false;
  }
}

// Control changes count as events here: the map changes on their dates too.
void Playback::stepToNextEvent(const Timeline& timeline) {
  if (const auto d = timeline.nextMoment(date)) date = *d;
}

void Playback::stepToPreviousEvent(const Timeline& timeline) {
  if (const auto d = timeline.previousMoment(std::ceil(date))) date = *d;
}

void Playback::jumpTo(double day, const Timeline& timeline) {
  date =
      std::clamp(day, static_cast<double>(timeline.first()), static_cast<double>(timeline.last()));
}

SnapshotBlend snapshotBlend(const Timeline& timeline, const Playback& playback) {
  SnapshotBlend blend{timeline.snapshotAt(playback.date), 0};
  const auto& dates = timeline.controlChangeDates();
  if (!playback.playing || !blend.snapshot || *blend.snapshot + 1 >= dates.size()) return blend;
  const double next = dates[*blend.snapshot + 1];
  const double gap = next - dates[*blend.snapshot];
  const double fadeDays = std::min(gap, std::max(0.5, playback.daysPerSecond * 0.5));
  blend.crossfade =
      static_cast<float>(std::clamp((playback.date - (next - fadeDays)) / fadeDays, 0.0, 1.0));
  return blend;
}

}  // namespace idlib
