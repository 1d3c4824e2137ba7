#include "ui/story_mode.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/format.hpp"

namespace idlib {

StoryLoad loadStoryFile(const std::string& path) {
  // A story is a few kilobytes of text; a bigger file is the wrong file, not a longer story.
  constexpr std::uintmax_t kLargestStory = 4 * 1024 * 1024;
  auto refuse = [&](const std::string& why) -> StoryLoad {
    return {{}, {{Severity::Error, fmt::format("{}: {}", path, why)}}};
  };
  std::error_code error;
  if (std::filesystem::is_directory(path, error)) return refuse("is a folder, not a story file");
  const std::uintmax_t size = std::filesystem::file_size(path, error);
  if (!error && size > kLargestStory)
    return refuse(fmt::format("is {:.1f} MB; a story file may be at most 4 MB (is it a story?)",
                              static_cast<double>(size) / (1024 * 1024)));
  std::ifstream in(path, std::ios::binary);
  if (!in) return refuse("cannot read the story file");
  std::string text(error ? kLargestStory : size, '\0');
  in.read(text.data(), static_cast<std::streamsize>(text.size()));
  text.resize(static_cast<std::size_t>(in.gcount()));
  return parseStory(text, path);
}

std::string defaultStoryPath(const std::string& dataDir) {
  return dataDir + "/assets/stories/idlib-2018-2020.story";
}

std::vector<std::optional<View>> resolveViews(const AppState& state, const Story& story) {
  std::vector<std::optional<View>> views;
  for (const Cue& c : story.cues)
    views.push_back(c.view ? std::optional(mapView(state, *c.view)) : std::nullopt);
  return views;
}

void applyCue(AppState& state, const Cue& cue) {
  // A cue with a compare date is a before/after of it and the cue's date; one without ends any.
  state.comparison.mode = cue.compare ? cue.compareMode : CompareMode::Off;
  if (cue.compare) state.comparison.before = *cue.compare;
  state.cueEvent.reset();
  for (std::size_t i = 0; i < state.timeline.events.size() && !cue.highlight.empty(); ++i)
    if (state.timeline.events[i].id() == cue.highlight.front()) state.cueEvent = i;
  if (!cue.layers) return;
  auto on = [&](std::string_view name) {
    return std::find(cue.layers->begin(), cue.layers->end(), name) != cue.layers->end();
  };
  TimeLayerSettings& t = state.timeLayers;
  t.areas = on("areas");
  t.front = on("front");
  t.posts = on("posts");
  t.events = on("events");
  t.flows = on("flows");
  t.arrivals = on("arrivals");
  for (LayerEntry& e : state.layers) {
    if (e.layer.role == LayerRole::Towns) e.visible = on("towns");
    if (e.layer.role == LayerRole::Admin1 || e.layer.role == LayerRole::Countries)
      e.visible = on("boundaries");
  }
}

Cue cueFromCurrentView(const AppState& state) {
  Cue c;
  c.date = static_cast<Day>(std::floor(state.playback.date));
  c.title = formatDateLong(c.date);
  const View& v = state.camera.view();
  c.view = ViewArgument{state.projection.inverseLonLat(v.centre),
                        zoomAtMetresPerPoint(v.metresPerPoint, state.plane)};
  std::vector<std::string> layers;
  const TimeLayerSettings& t = state.timeLayers;
  for (const auto& [on, name] : {std::pair{t.areas, "areas"},
                                 {t.front, "front"},
                                 {t.posts, "posts"},
                                 {t.events, "events"},
                                 {t.flows, "flows"},
                                 {t.arrivals, "arrivals"}})
    if (on) layers.emplace_back(name);
  bool towns = false, boundaries = false;
  for (const LayerEntry& e : state.layers) {
    towns |= e.layer.role == LayerRole::Towns && e.visible;
    boundaries |=
        (e.layer.role == LayerRole::Admin1 || e.layer.role == LayerRole::Countries) && e.visible;
  }
  if (towns) layers.emplace_back("towns");
  if (boundaries) layers.emplace_back("boundaries");
  c.layers = layers;
  if (state.selectedMark.kind == DatedPick::Kind::Event) {
    const Event e = state.timeline.events[state.selectedMark.index].toEvent();
    if (!e.id.empty()) c.highlight.push_back(e.id);
    c.caption = e.notes + " (" + citationFor(e.provenance.source) + ")";
  } else {
    c.caption = "Caption: what the audience should see, and its source.";
  }
  return c;
}

void startPresenting(AppState& state) {
  state.presenter = std::make_unique<StoryPresenter>(state.story, resolveViews(state, state.story));
  presentCue(state, 0);
}

AnalystDesk analystDesk(const AppState& state) {
  AnalystDesk desk{state.camera.view(), {},
                   state.timeLayers,    state.playback,
                   state.selected,      state.selectedMark,
                   state.showAbout,     state.showNotices,
                   state.comparison};
  for (const LayerEntry& e : state.layers)
    desk.layers.push_back({e.visible, e.opacity});
  return desk;
}

AnalystDesk enterPresenting(AppState& state) {
  AnalystDesk desk = analystDesk(state);
  state.presenting = true;
  state.blackScreen = false;
  state.selected.reset();
  state.selectedMark = {};
  if (!state.story.cues.empty()) startPresenting(state);
  return desk;
}

void leavePresenting(AppState& state, const AnalystDesk& desk) {
  state.presenting = false;
  state.blackScreen = false;
  state.presenter.reset();
  state.cueEvent.reset();
  state.camera.setView(desk.view);  // also stops a cue's flight
  // A layer added while presenting keeps its own settings.
  for (std::size_t i = 0; i < std::min(desk.layers.size(), state.layers.size()); ++i) {
    state.layers[i].visible = desk.layers[i].visible;
    state.layers[i].opacity = desk.layers[i].opacity;
  }
  state.timeLayers = desk.timeLayers;
  state.playback = desk.playback;
  state.selected = desk.selected;
  state.selectedMark = desk.selectedMark;
  state.showAbout = desk.showAbout;
  state.showNotices = desk.showNotices;
  state.comparison = desk.comparison;
}

void presentCue(AppState& state, std::size_t cue) {
  if (!state.presenter || state.story.cues.empty()) return;
  state.presenter->goTo(cue, state.camera, state.playback);
  applyCue(state, state.presenter->story().cues[state.presenter->cue()]);
}

void presentNext(AppState& state) {
  if (state.presenter)
    presentCue(state, state.presenter->started() ? state.presenter->cue() + 1 : 0);
}

void presentPrevious(AppState& state) {
  if (state.presenter && state.presenter->cue() > 0) presentCue(state, state.presenter->cue() - 1);
}

View cueView(const AppState& state, std::size_t cue) {
  for (std::size_t i = std::min(cue + 1, state.story.cues.size()); i-- > 0;)
    if (const auto& v = state.story.cues[i].view) return mapView(state, *v);
  return state.homeView;
}

namespace {

// What a thumbnail changes, given back however rendering ends. The presenter is put aside so
// that the thumbnail carries no caption: the speaker's window prints the captions.
class ThumbnailScope {
 public:
  explicit ThumbnailScope(AppState& state)
      : state_(state),
        desk_(analystDesk(state)),
        cueEvent_(state.cueEvent),
        presenter_(std::move(state.presenter)) {}
  ~ThumbnailScope() {
    for (std::size_t i = 0; i < std::min(desk_.layers.size(), state_.layers.size()); ++i)
      state_.layers[i].visible = desk_.layers[i].visible;
    state_.timeLayers = desk_.timeLayers;
    state_.playback = desk_.playback;
    state_.cueEvent = cueEvent_;
    state_.comparison = desk_.comparison;
    state_.presenter = std::move(presenter_);
  }
  ThumbnailScope(const ThumbnailScope&) = delete;
  ThumbnailScope& operator=(const ThumbnailScope&) = delete;

 private:
  AppState& state_;
  AnalystDesk desk_;
  std::optional<std::size_t> cueEvent_;
  std::unique_ptr<StoryPresenter> presenter_;
};

}  // namespace

RenderedImage renderCueThumbnail(AppState& state, MapRenderer& renderer, std::size_t cue, int width,
                                 int height) {
  const ThumbnailScope scope(state);
  Cue c = state.story.cues.at(cue);
  // A cue without layers keeps those of the cue before it that has some, as presenting does.
  for (std::size_t i = cue + 1; !c.layers && i-- > 0;)
    c.layers = state.story.cues[i].layers;
  applyCue(state, c);
  state.playback.date = c.date;
  state.playback.playing = false;
  // Drawn at half the pixels per point, so labels and the date keep their place relative to
  // the map; the region is the one the audience's window shows.
  constexpr float kPixelRatio = 0.5f;
  View view = cueView(state, cue);
  view.metresPerPoint *= state.camera.viewport().width * kPixelRatio / width;
  return renderImage(state, renderer, view, width, height, nullptr, kPixelRatio);
}

void advanceStory(AppState& state, double seconds) {
  if (state.presenter) state.presenter->advance(seconds, state.camera, state.playback);
}

}  // namespace idlib
