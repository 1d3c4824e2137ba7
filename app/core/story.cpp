#include "core/story.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cmath>

#include "core/format.hpp"

namespace idlib {
namespace {

// Bounds that keep a story's video finite and its parsing small, whatever the file says.
constexpr std::size_t kLongestLine = 4096;  // characters
constexpr std::size_t kMostCues = 1000;
constexpr std::size_t kMostProblems = 100;

// A range of numbers, and how a message says it.
struct Bounds {
  double low, high;
  bool lowIncluded;
  std::string_view expected;
  bool contains(double v) const { return (lowIncluded ? v >= low : v > low) && v <= high; }
};
constexpr Bounds kHoldSeconds{0, 600, false, "seconds, more than 0 and at most 600"};
// The same range as --days-per-second on the command line.
constexpr Bounds kDaysPerSecond{0.01, 3650, true, "days per second, from 0.01 to 3650"};

std::optional<double> finiteNumber(std::string_view s) {
  double v = 0;
  const auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || p != s.data() + s.size() || !std::isfinite(v)) return std::nullopt;
  return v;
}

// UTF-8 characters in `s`: the bytes that do not continue a sequence.
std::size_t characters(std::string_view s) {
  return static_cast<std::size_t>(std::count_if(
      s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

// A cue being read: its fields and whether any of them was wrong.
struct Draft {
  Cue cue;
  bool hasDate = false, valid = true;
  bool sawCompareMode = false;  // compare-mode means nothing without compare
};

// Reads a story line by line; each problem names the file and line.
class StoryParser {
 public:
  explicit StoryParser(const std::string& fileName) : fileName_(fileName) {}

  // False once the story has as many cues as it may: the rest is not read.
  bool line(int number, std::string_view raw) {
    number_ = number;
    if (raw.size() > kLongestLine && characters(raw) > kLongestLine) {
      tooLong(raw);
      return true;
    }
    const std::string_view line = trim(raw);
    if (line.empty() || line.front() == '#') return true;
    if (line == "[cue]") return startCue();
    const auto eq = line.find('=');
    if (eq == std::string_view::npos) {
      fail(fmt::format("expected 'key = value' or [cue], found '{}'", line), false);
      return true;
    }
    field(trim(line.substr(0, eq)), trim(line.substr(eq + 1)));
    return true;
  }

  StoryLoad finish() {
    finishCue();
    if (out_.story.cues.empty())
      out_.notices.push_back({Severity::Error, fmt::format("{}: no valid cue", fileName_)});
    return std::move(out_);
  }

 private:
  const std::string& fileName_;
  StoryLoad out_;
  std::optional<Draft> draft_;
  std::size_t cuesSeen_ = 0, problems_ = 0;
  int number_ = 0;

  void problem(int line, const std::string& what) {
    report(fmt::format("{} line {}: {}", fileName_, line, what));
  }
  // Listed up to a bound, so a file of nothing but bad lines cannot fill memory with messages.
  void report(std::string message) {
    if (++problems_ <= kMostProblems)
      out_.notices.push_back({Severity::Error, std::move(message)});
    else if (problems_ == kMostProblems + 1)
      out_.notices.push_back(
          {Severity::Error, fmt::format("{}: more than {} problems; the rest are not listed",
                                        fileName_, kMostProblems)});
  }
  // A problem on the current line; it spoils the cue being read, if any.
  void fail(const std::string& what, bool mentionsCue = true) {
    if (!draft_) {
      problem(number_, what);
      return;
    }
    problem(number_, mentionsCue ? what + "; cue skipped" : what);
    draft_->valid = false;
  }
  void tooLong(std::string_view raw) {
    // Only the length is reported: the text itself may be megabytes.
    const std::string what = fmt::format(
        "{} line {} is {} characters long; the limit is {}", fileName_, number_,
        withThousands(static_cast<long long>(characters(raw))), withThousands(kLongestLine));
    report(draft_ ? what + "; cue skipped" : what);
    if (draft_) draft_->valid = false;
  }

  bool startCue() {
    finishCue();
    if (++cuesSeen_ > kMostCues) {
      problem(number_, fmt::format("more than {} cues; this one and those after it are left out",
                                   withThousands(kMostCues)));
      return false;
    }
    draft_.emplace();
    draft_->cue.line = number_;
    return true;
  }

  void finishCue() {
    if (!draft_) return;
    Draft& d = *draft_;
    auto skip = [&](std::string_view why) {
      if (d.valid) problem(d.cue.line, fmt::format("{}; cue skipped", why));
      d.valid = false;
    };
    if (!d.hasDate) skip("cue has no date (expected date = YYYY-MM-DD)");
    if (d.cue.caption.empty()) skip("cue has no caption (every cue needs one, citing its source)");
    if (d.cue.until && *d.cue.until < d.cue.date) skip("cue's until is before its date");
    if (d.sawCompareMode && !d.cue.compare)
      skip("cue has a compare-mode but no compare date (expected compare = YYYY-MM-DD)");
    if (d.valid) out_.story.cues.push_back(std::move(d.cue));
    draft_.reset();
  }

  void field(std::string_view key, std::string_view value) {
    if (!draft_) {
      if (key == "title")
        out_.story.title = value;
      else
        problem(number_,
                fmt::format("'{}' before the first [cue] (only title may stand there)", key));
      return;
    }
    Cue& c = draft_->cue;
    if (key == "title")
      c.title = value;
    else if (key == "date" || key == "until")
      date(key, value);
    else if (key == "speed")
      bounded(key, value, kDaysPerSecond, c.daysPerSecond);
    else if (key == "hold")
      bounded(key, value, kHoldSeconds, c.holdSeconds);
    else if (key == "view")
      view(value);
    else if (key == "layers")
      layers(value);
    else if (key == "highlight")
      c.highlight = splitList(value, ',');
    else if (key == "compare")
      compare(value);
    else if (key == "compare-mode")
      compareMode(value);
    else if (key == "caption")
      c.caption = value;
    else if (key == "notes")
      c.notes = value;
    else
      fail(fmt::format("unknown key '{}'", key));
  }

  void date(std::string_view key, std::string_view value) {
    const auto d = parseDate(value);
    if (!d) {
      fail(fmt::format("{} '{}' is not a date (expected YYYY-MM-DD)", key, value));
    } else if (key == "date") {
      draft_->cue.date = *d;
      draft_->hasDate = true;
    } else {
      draft_->cue.until = *d;
    }
  }

  void compare(std::string_view value) {
    if (const auto d = parseDate(value))
      draft_->cue.compare = *d;
    else
      fail(
          fmt::format("compare '{}' is not a date (expected YYYY-MM-DD: date A of a "
                      "before/after beside the cue's date)",
                      value));
  }

  void compareMode(std::string_view value) {
    const auto mode = parseCompareMode(value);
    if (!mode || *mode == CompareMode::Off)
      fail(fmt::format("compare-mode '{}' is not a mode (expected swipe, side-by-side or change)",
                       value));
    else
      draft_->cue.compareMode = *mode;
    draft_->sawCompareMode = true;
  }

  // A finite number within `bounds`, or a message saying what was expected.
  void bounded(std::string_view key, std::string_view value, const Bounds& bounds, double& out) {
    const auto v = finiteNumber(value);
    if (!v)
      fail(
          fmt::format("{} '{}' is not a finite number (expected {})", key, value, bounds.expected));
    else if (!bounds.contains(*v))
      fail(fmt::format("{} '{}' is out of range (expected {})", key, value, bounds.expected));
    else
      out = *v;
  }

  void view(std::string_view value) {
    const auto v = parseViewArgument(value, "view");
    if (const auto* error = std::get_if<std::string>(&v))
      fail(*error);
    else
      draft_->cue.view = std::get<ViewArgument>(v);
  }

  void layers(std::string_view value) {
    draft_->cue.layers = splitList(value, ',');
    for (const auto& name : *draft_->cue.layers)
      if (std::find(std::begin(kStoryLayers), std::end(kStoryLayers), name) ==
          std::end(kStoryLayers))
        fail(
            fmt::format("unknown layer '{}' (expected any of areas, front, posts, events, flows, "
                        "arrivals, towns, boundaries)",
                        name));
  }
};

}  // namespace

StoryLoad parseStory(std::string_view text, const std::string& fileName) {
  StoryParser parser(fileName);
  // Lines are views into `text`: a huge line is measured, never copied.
  int number = 1;
  for (std::size_t start = 0; start < text.size(); ++number) {
    const std::size_t end = std::min(text.find('\n', start), text.size());
    if (!parser.line(number, text.substr(start, end - start))) break;
    start = end + 1;
  }
  return parser.finish();
}

std::string serializeStory(const Story& story) {
  std::string out = "# Idlib Atlas story: one [cue] per step; see README.md, \"Stories\".\n";
  if (!story.title.empty()) out += fmt::format("title = {}\n", story.title);
  auto number = [](double v) { return fmt::format("{:g}", v); };
  for (const Cue& c : story.cues) {
    out += "\n[cue]\n";
    if (!c.title.empty()) out += fmt::format("title = {}\n", c.title);
    out += fmt::format("date = {}\n", formatDate(c.date));
    if (c.until)
      out += fmt::format("until = {}\nspeed = {}\n", formatDate(*c.until), number(c.daysPerSecond));
    if (c.view)
      out += fmt::format("view = {:.4f},{:.4f},{:.2f}\n", c.view->centre.lon, c.view->centre.lat,
                         c.view->zoom);
    if (c.layers) {
      std::string list;
      for (const auto& l : *c.layers)
        list += (list.empty() ? "" : ", ") + l;
      out += fmt::format("layers = {}\n", list);
    }
    if (!c.highlight.empty()) {
      std::string list;
      for (const auto& h : c.highlight)
        list += (list.empty() ? "" : ", ") + h;
      out += fmt::format("highlight = {}\n", list);
    }
    if (c.holdSeconds != 4) out += fmt::format("hold = {}\n", number(c.holdSeconds));
    if (c.compare) {
      out += fmt::format("compare = {}\n", formatDate(*c.compare));
      if (c.compareMode != CompareMode::Swipe)
        out += fmt::format("compare-mode = {}\n", compareModeName(c.compareMode));
    }
    out += fmt::format("caption = {}\n", c.caption);
    if (!c.notes.empty()) out += fmt::format("notes = {}\n", c.notes);
  }
  return out;
}

}  // namespace idlib
