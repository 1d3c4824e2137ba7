#pragma once
// A story: cues a presenter steps through, each a date (or a range to play), a camera view, the
// layers to show, events to highlight, a caption and speaker notes. Stored as a small text file
// people edit by hand:
//
//   title = The war in Idlib, 2018-2020
//
//   [cue]
//   title = Khan Shaykhun falls
//   date = 2019-08-21
//   until = 2019-08-31            (optional: play on to this date)
//   speed = 2                     (optional: days per second while playing; default 7)
//   view = 36.65,35.55,9.5        (optional: LON,LAT,ZOOM; default: keep the view)
//   layers = areas, front, posts, events   (optional: default all)
//   highlight = a000-01           (optional: event ids)
//   hold = 4                      (optional: seconds a video stays on the cue; default 4)
//   compare = 2019-04-30          (optional: a before/after of this date and the cue's date)
//   compare-mode = swipe          (optional: swipe, side-by-side or change; default swipe)
//   caption = ... (required; cite the source)
//   notes = ... (optional: for the presenter's screen)
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/cli_values.hpp"
#include "core/compare.hpp"
#include "core/date.hpp"
#include "core/diagnostics.hpp"

namespace idlib {

// The layers a cue can switch; names as written in story files.
inline constexpr std::string_view kStoryLayers[] = {"areas", "front",    "posts", "events",
                                                    "flows", "arrivals", "towns", "boundaries"};

struct Cue {
  std::string title;
  Day date = 0;
  std::optional<Day> until;
  double daysPerSecond = 7;
  std::optional<ViewArgument> view;
  std::optional<std::vector<std::string>> layers;
  std::vector<std::string> highlight;
  double holdSeconds = 4;
  std::optional<Day> compare;  // date A of a before/after, beside the cue's date
  CompareMode compareMode = CompareMode::Swipe;
  std::string caption, notes;
  int line = 0;  // where the cue starts in its file
};

struct Story {
  std::string title;
  std::vector<Cue> cues;
};

struct StoryLoad {
  Story story;
  std::vector<Notice> notices;  // each names the file and line; invalid cues are left out
};

StoryLoad parseStory(std::string_view text, const std::string& fileName);
std::string serializeStory(const Story& story);

}  // namespace idlib
