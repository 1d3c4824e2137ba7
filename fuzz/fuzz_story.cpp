// Fuzzes the story reader (parseStory): whatever the text, the cues it keeps are within the
// bounds, and a story saved and read again saves the same.
#include <cmath>
#include <cstdint>
#include <string_view>

#include "core/story.hpp"

using namespace idlib;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const StoryLoad load = parseStory(text, "fuzz.story");
  if (load.story.cues.size() > 1000 || load.notices.size() > 102) __builtin_trap();
  for (const Cue& c : load.story.cues) {
    if (!(c.holdSeconds > 0 && c.holdSeconds <= 600)) __builtin_trap();
    if (!(c.daysPerSecond >= 0.01 && c.daysPerSecond <= 3650)) __builtin_trap();
    if (c.view && !(std::isfinite(c.view->zoom) && std::abs(c.view->centre.lat) <= 90))
      __builtin_trap();
  }
  const std::string saved = serializeStory(load.story);
  const StoryLoad again = parseStory(saved, "again.story");
  if (again.story.cues.size() != load.story.cues.size()) __builtin_trap();
  if (serializeStory(again.story) != saved) __builtin_trap();
  return 0;
}
