#include "ui/workspace_state.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>

#include "core/atomic_file.hpp"
#include "core/text_safety.hpp"
#include "ui/command_line.hpp"
#include "ui/layer_list.hpp"
#include "ui/story_mode.hpp"

namespace idlib {
namespace fs = std::filesystem;
namespace {

// A file named relative to where the app was started, named absolutely: the workspace may be
// saved elsewhere.
std::string absoluteSource(const std::string& source) {
  if (!isLocalFile(source)) return source;
  std::error_code ec;
  const fs::path absolute = fs::absolute(source, ec);
  return ec ? source : absolute.lexically_normal().string();
}

bool isSavedAs(const WorkspaceLayer& saved, const Layer& layer) {
  if (saved.bundled != LayerRole::Generic) return saved.bundled == layer.role;
  return layer.role == LayerRole::Generic && layer.sourcePath == redactSecrets(saved.path) &&
         (saved.sourceLayer.empty() || saved.sourceLayer == layer.sourceLayerName);
}

std::optional<std::size_t> savedIndex(const Workspace& workspace, const Layer& layer) {
  for (std::size_t i = 0; i < workspace.layers.size(); ++i)
    if (isSavedAs(workspace.layers[i], layer)) return i;
  return std::nullopt;
}

// The workspace's comparison as --compare, --compare-mode and --swipe, where the command line
// left them open; the swipe's place only for a swipe (--swipe is refused for the others).
void fillComparison(Options& o, const Comparison& saved) {
  o.compare = formatDate(saved.before);
  if (o.compareMode.empty()) o.compareMode = compareModeName(saved.mode);
  if (o.swipe.empty() && parseCompareMode(o.compareMode) == CompareMode::Swipe)
    o.swipe = fmt::format("{}", saved.swipe);
}

}  // namespace

Workspace captureWorkspace(const AppState& state, bool exportOpen) {
  Workspace w;
  for (const LayerEntry& e : state.layers) {
    const Layer& l = e.layer;
    WorkspaceLayer saved{.bundled = l.role,
                         .name = l.title,
                         .visible = e.visible,
                         .opacity = e.opacity,
                         .time = l.time};
    if (l.role == LayerRole::Generic) {
      saved.path = absoluteSource(l.sourcePath);
      saved.sourceLayer = l.sourceLayerName;
      saved.style = l.symbology;  // its colour too: opened again, it keeps it
      saved.licence = l.licence;
    }
    w.layers.push_back(std::move(saved));
  }
  for (EventSource source : state.eventSources) {
    source.path = absoluteSource(source.path);
    w.eventSources.push_back(std::move(source));
  }
  const View& view = state.camera.view();
  w.view = ViewArgument{state.projection.inverseLonLat(view.centre),
                        zoomAtMetresPerPoint(view.metresPerPoint, state.plane)};
  if (state.timelineLoaded) w.date = static_cast<Day>(std::floor(state.playback.date));
  w.windowDays = state.playback.windowDays;
  if (state.timelineLoaded && state.comparison.mode != CompareMode::Off)
    w.comparison = state.comparison;
  w.datedLayers = state.timeLayers;
  w.panels = {.about = state.showAbout, .dataProblems = state.showNotices, .exporter = exportOpen};
  w.highContrast = state.highContrast;
  if (state.storyPath != defaultStoryPath(state.dataDir)) w.story = absoluteSource(state.storyPath);
  return w;
}

std::optional<std::string> saveWorkspace(const AppState& state, const fs::path& file,
                                         bool exportOpen) {
  return writeFileAtomically(file, serializeWorkspace(captureWorkspace(state, exportOpen), file));
}

bool openWorkspaceOption(Options& o, bool windowGiven) {
  auto read = readWorkspaceFile(o.workspacePath);
  if (const auto* error = std::get_if<std::string>(&read)) {
    printError(*error);
    return false;
  }
  Workspace& w = o.workspace.emplace(std::move(std::get<Workspace>(read)));
  o.workspaceNotices = takeOutMissingFiles(w, o.workspacePath);
  printNotices(o.workspaceNotices);
  if (o.date.empty() && w.date) o.date = formatDate(*w.date);
  if (o.view.empty() && w.view)
    o.view = fmt::format("{},{},{}", w.view->centre.lon, w.view->centre.lat, w.view->zoom);
  if (!windowGiven) o.windowDays = w.windowDays;
  if (o.compare.empty() && w.comparison) fillComparison(o, *w.comparison);
  if (o.story.empty()) o.story = w.story;
  o.highContrast = o.highContrast || w.highContrast;
  return true;
}

std::vector<LoadRequest> workspaceLayerRequests(const Workspace& workspace) {
  std::vector<LoadRequest> requests;
  for (const WorkspaceLayer& saved : workspace.layers) {
    if (saved.bundled != LayerRole::Generic) continue;
    LoadRequest request = userLayer(saved.path);
    request.onlyLayer = saved.sourceLayer;
    request.title = saved.name;
    request.symbology = saved.style;
    requests.push_back(std::move(request));
  }
  return requests;
}

void applyWorkspaceLayer(AppState& state, std::size_t index, const Workspace& workspace) {
  LayerEntry& entry = state.layers.at(index);
  const auto saved = savedIndex(workspace, entry.layer);
  if (!saved) return;
  const WorkspaceLayer& s = workspace.layers[*saved];
  if (!s.name.empty()) entry.layer.title = s.name;
  entry.visible = s.visible;
  entry.opacity = s.opacity;
  if (!s.licence.empty() && s.licence != entry.layer.licence) setLicence(entry.layer, s.licence);
  if (entry.layer.time == s.time) return;
  for (const DateProblem& p : applyTemporalSetting(entry.layer, s.time))
    state.notices.push_back({Severity::Warning, fmt::format("{}: {}", entry.layer.sourcePath,
                                                            describe(entry.layer, p))});
}

void orderLayersAsIn(AppState& state, const Workspace& workspace) {
  // The places of the layers the workspace names, filled in its order; the others stay.
  std::vector<std::size_t> places;
  std::vector<std::pair<std::size_t, std::string>> named;  // saved index, layer id
  std::vector<std::string> order;
  for (std::size_t i = 0; i < state.layers.size(); ++i) {
    order.push_back(state.layers[i].layer.id);
    if (const auto saved = savedIndex(workspace, state.layers[i].layer)) {
      places.push_back(i);
      named.emplace_back(*saved, state.layers[i].layer.id);
    }
  }
  std::stable_sort(named.begin(), named.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  for (std::size_t k = 0; k < places.size(); ++k)
    order[places[k]] = named[k].second;
  // Each layer moved to its place from above it: moveLayer keeps selection and search right.
  for (std::size_t target = 0; target < order.size(); ++target) {
    const auto at =
        std::find_if(state.layers.begin() + static_cast<std::ptrdiff_t>(target), state.layers.end(),
                     [&](const LayerEntry& e) { return e.layer.id == order[target]; });
    if (at != state.layers.end())
      moveLayer(state, static_cast<std::size_t>(at - state.layers.begin()), target);
  }
}

void applyWorkspaceSettings(AppState& state, const Workspace& workspace) {
  state.timeLayers = workspace.datedLayers;
  state.showAbout = workspace.panels.about;
  state.showNotices = workspace.panels.dataProblems;
}

std::optional<OpeningWorkspace> openWorkspace(AppState& state, const fs::path& file) {
  auto read = readWorkspaceFile(file);
  if (const auto* error = std::get_if<std::string>(&read)) {
    printError(*error);
    state.notices.push_back({Severity::Error, *error});
    state.showNotices = true;
    return std::nullopt;
  }
  OpeningWorkspace opening{std::move(std::get<Workspace>(read)), nullptr};
  Workspace& w = opening.workspace;
  std::vector<Notice> notices = takeOutMissingFiles(w, file);

  for (std::size_t i = state.layers.size(); i-- > 0;)
    if (canRemoveLayer(state, i)) removeLayer(state, i);
  for (std::size_t i = 0; i < state.layers.size(); ++i)
    applyWorkspaceLayer(state, i, w);
  orderLayersAsIn(state, w);
  applyWorkspaceSettings(state, w);
  state.playback.windowDays = w.windowDays;
  state.highContrast = w.highContrast;
  state.comparison = w.comparison.value_or(Comparison{});
  if (w.view) state.camera.flyTo(mapView(state, *w.view));

  state.storyPath = w.story.empty() ? defaultStoryPath(state.dataDir) : w.story;
  StoryLoad story = loadStoryFile(state.storyPath);
  state.story = std::move(story.story);
  state.storyChanged = false;
  notices.insert(notices.end(), story.notices.begin(), story.notices.end());

  std::vector<fs::path>& inputs = state.protectedFiles.inputs;
  inputs.push_back(file);
  for (const WorkspaceLayer& layer : w.layers)
    if (!layer.path.empty()) inputs.emplace_back(layer.path);
  for (const EventSource& source : w.eventSources)
    inputs.emplace_back(source.path);
  state.workspacePath = fs::absolute(file).string();

  printNotices(notices);
  if (std::any_of(notices.begin(), notices.end(),
                  [](const Notice& n) { return n.severity != Severity::Info; }))
    state.showNotices = true;
  for (Notice& n : notices)
    state.notices.push_back(std::move(n));
  opening.loader =
      std::make_unique<BackgroundLoader>(workspaceLayerRequests(w), state.dataDir, w.eventSources);
  return opening;
}

std::string suggestedWorkspacePath(const AppState& state) {
  if (!state.workspacePath.empty()) return state.workspacePath;
  const char* home = std::getenv("HOME");
  return (fs::path(home && *home ? home : ".") / "idlib-atlas.workspace.json").string();
}

}  // namespace idlib
