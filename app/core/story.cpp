#include "core/story.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <sstream>

#include "core/format.hpp"

namespace idlib {
namespace {

bool positiveNumber(std::string_view s, double& out) {
  const auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
  return ec == std::errc() && p == s.data() + s.size() && out > 0;
}

// A cue being read: its fields and whether any of them was wrong.
struct Draft {
  Cue cue;
  bool hasDate = false, valid = true;
};

}  // namespace

StoryLoad parseStory(std::string_view text, const std::string& fileName) {
  StoryLoad out;
  std::optional<Draft> draft;
  auto problem = [&](int line, const std::string& what) {
    out.notices.push_back({Severity::Error, fmt::format("{} line {}: {}", fileName, line, what)});
  };
  auto finishCue = [&] {
    if (!draft) return;
    Draft& d = *draft;
    if (d.valid && !d.hasDate) {
      problem(d.cue.line, "cue has no date (expected date = YYYY-MM-DD); cue skipped");
      d.valid = false;
    }
    if (d.valid && d.cue.caption.empty()) {
      problem(d.cue.line,
              "cue has no caption (every cue needs one, citing its source); cue skipped");
      d.valid = false;
    }
    if (d.valid && d.cue.until && *d.cue.until < d.cue.date) {
      problem(d.cue.line, "cue's until is before its date; cue skipped");
      d.valid = false;
    }
    if (d.valid) out.story.cues.push_back(std::move(d.cue));
    draft.reset();
  };

  std::istringstream lines{std::string(text)};
  std::string raw;
  for (int number = 1; std::getline(lines, raw); ++number) {
    const std::string_view line = trim(raw);
    if (line.empty() || line.front() == '#') continue;
    if (line == "[cue]") {
      finishCue();
      draft.emplace();
      draft->cue.line = number;
      continue;
    }
    const auto eq = line.find('=');
    if (eq == std::string_view::npos) {
      problem(number, fmt::format("expected 'key = value' or [cue], found '{}'", line));
      if (draft) draft->valid = false;
      continue;
    }
    const std::string key(trim(line.substr(0, eq)));
    const std::string_view value = trim(line.substr(eq + 1));
    if (!draft) {
      if (key == "title")
        out.story.title = value;
      else
        problem(number,
                fmt::format("'{}' before the first [cue] (only title may stand there)", key));
      continue;
    }
    Cue& c = draft->cue;
    auto fail = [&](const std::string& what) {
      problem(number, what + "; cue skipped");
      draft->valid = false;
    };
    if (key == "title") {
      c.title = value;
    } else if (key == "date" || key == "until") {
      const auto d = parseDate(value);
      if (!d) {
        fail(fmt::format("{} '{}' is not a date (expected YYYY-MM-DD)", key, value));
      } else if (key == "date") {
        c.date = *d;
        draft->hasDate = true;
      } else {
        c.until = *d;
      }
    } else if (key == "speed" || key == "hold") {
      double v = 0;
      if (!positiveNumber(value, v))
        fail(fmt::format("{} '{}' is not a positive number", key, value));
      else
        (key == "speed" ? c.daysPerSecond : c.holdSeconds) = v;
    } else if (key == "view") {
      const auto v = parseViewArgument(value);
      if (const auto* error = std::get_if<std::string>(&v))
        fail("view: " + *error);
      else
        c.view = std::get<ViewArgument>(v);
    } else if (key == "layers") {
      c.layers = splitList(value, ',');
      for (const auto& name : *c.layers)
        if (std::find(std::begin(kStoryLayers), std::end(kStoryLayers), name) ==
            std::end(kStoryLayers))
          fail(
              fmt::format("unknown layer '{}' (expected any of areas, front, posts, events, flows, "
                          "arrivals, towns, "
                          "boundaries)",
                          name));
    } else if (key == "highlight") {
      c.highlight = splitList(value, ',');
    } else if (key == "caption") {
      c.caption = value;
    } else if (key == "notes") {
      c.notes = value;
    } else {
      fail(fmt::format("unknown key '{}'", key));
    }
  }
  finishCue();
  if (out.story.cues.empty())
    out.notices.push_back({Severity::Error, fmt::format("{}: no valid cue", fileName)});
  return out;
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
    out += fmt::format("caption = {}\n", c.caption);
    if (!c.notes.empty()) out += fmt::format("notes = {}\n", c.notes);
  }
  return out;
}

}  // namespace idlib
