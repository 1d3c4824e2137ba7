#include "ui/layer_loader.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>

#include "geo/table_sample.hpp"
#include "geo/timeline_loader.hpp"
#include "ui/layer_list.hpp"
#include "ui/sdl_window.hpp"

namespace idlib {

BackgroundLoader::BackgroundLoader(std::vector<LoadRequest> requests,
                                   std::optional<std::string> dataDir,
                                   std::vector<EventSource> extraEventSources)
    : requests_(std::move(requests)), jobs_(requests_.size() + (dataDir ? 1 : 0)) {
  progress_.onPreview = [this](Layer preview) { previewReady(std::move(preview)); };
  // The bundled layers and the user's are read side by side: a big file of the user's starts at
  // once, not after the bundled ones, which show while it is read.
  const auto users = std::stable_partition(requests_.begin(), requests_.end(), [](const auto& r) {
    return r.role != LayerRole::Generic;
  });
  const auto loadEach = [this](std::stop_token stop, auto from, auto to) {
    for (auto request = from; request != to && !stop.stop_requested(); ++request) {
      showing(std::filesystem::path(request->path).filename().string());
      add(loadVectorSource(*request, &progress_));
    }
    std::lock_guard lock(mutex_);
    allLoaded_ = --layerWorkersLeft_ == 0;
  };
  layerWorkersLeft_ = users == requests_.end() ? 1 : 2;
  worker_ = std::jthread(loadEach, requests_.begin(), users);
  if (users != requests_.end()) userWorker_ = std::jthread(loadEach, users, requests_.end());
  // On a thread of its own: the timeline does not wait for a big layer's read.
  if (!dataDir) return;
  datedPending_ = true;
  datedWorker_ = std::jthread(
      [this, dataDir = *dataDir, extra = std::move(extraEventSources)](std::stop_token stop) {
        if (!stop.stop_requested()) loadDated(dataDir, extra);
        std::lock_guard lock(mutex_);
        datedPending_ = false;
      });
}

BackgroundLoader::BackgroundLoader(DroppedSources dropped) : jobs_(dropped.files.size() + 1) {
  progress_.onPreview = [this](Layer preview) { previewReady(std::move(preview)); };
  worker_ = std::jthread([this, dropped = std::move(dropped)](std::stop_token stop) {
    std::vector<EventSource> eventSources = dropped.eventSources;
    std::vector<std::string> newFiles;
    for (const EventSource& mapped : dropped.mappedEvents) {
      eventSources.push_back(mapped);
      newFiles.push_back(mapped.path);
    }
    for (const std::string& file : dropped.files) {
      if (stop.stop_requested()) {  // cancelled: what loaded is kept, the rest is said
        add({{}, {{Severity::Info, fmt::format("{}: not loaded (loading was cancelled)", file)}}});
        continue;
      }
      showing(std::filesystem::path(file).filename().string());
      if (hasEventColumns(file)) {
        eventSources.push_back({file});
        newFiles.push_back(file);
        add({{},
             {{Severity::Info, fmt::format("{}: read as events (it has event_date, latitude "
                                           "and longitude columns)",
                                           file)}}});
      } else if (wantsColumnMapping(file)) {
        {
          std::lock_guard lock(mutex_);
          unmapped_.push_back(file);
        }
        add({{},
             {{Severity::Info, fmt::format("{}: a table without ACLED's columns or a geometry; "
                                           "the column-mapping dialog asks how to read it",
                                           file)}}});
      } else {
        add(loadVectorSource(userLayer(file), &progress_));
      }
    }
    if (!newFiles.empty() && !stop.stop_requested())
      loadDated(dropped.dataDir, eventSources, newFiles);
    std::lock_guard lock(mutex_);
    allLoaded_ = true;
  });
}

BackgroundLoader::~BackgroundLoader() {
  worker_.request_stop();
  userWorker_.request_stop();
  datedWorker_.request_stop();
}

void BackgroundLoader::showing(std::string what) {
  std::lock_guard lock(mutex_);
  current_ = std::move(what);
}

void BackgroundLoader::previewReady(Layer preview) {
  std::lock_guard lock(mutex_);
  finished_.layers.push_back(std::move(preview));
  wakeEventLoop();  // shown at once, not at the next progress redraw
}

void BackgroundLoader::add(LoadResult result) {
  std::lock_guard lock(mutex_);
  for (auto& id : result.withdrawnPreviews)
    finished_.withdrawnPreviews.push_back(std::move(id));
  for (auto& l : result.layers)
    finished_.layers.push_back(std::move(l));
  for (auto& n : result.notices)
    finished_.notices.push_back(std::move(n));
  ++completed_;
  wakeEventLoop();
}

void BackgroundLoader::loadDated(const std::string& dataDir,
                                 const std::vector<EventSource>& eventSources,
                                 const std::vector<std::string>& newFiles) {
  showing("events, posts and areas of control");
  DatedData dated = loadDatedData(dataDir, eventSources);
  // Read again, the other files would say again what they said the first time.
  if (!newFiles.empty())
    std::erase_if(dated.notices, [&](const Notice& n) {
      return std::none_of(newFiles.begin(), newFiles.end(),
                          [&](const std::string& file) { return n.message.starts_with(file); });
    });
  std::lock_guard lock(mutex_);
  dated_ = std::move(dated);
  ++completed_;
  wakeEventLoop();
}

std::optional<DatedData> BackgroundLoader::takeDatedData() {
  std::lock_guard lock(mutex_);
  return std::exchange(dated_, std::nullopt);
}

std::vector<std::string> BackgroundLoader::takeUnmapped() {
  std::lock_guard lock(mutex_);
  return std::exchange(unmapped_, {});
}

LoadResult BackgroundLoader::takeFinished() {
  std::lock_guard lock(mutex_);
  return std::exchange(finished_, {});
}

bool BackgroundLoader::done() const {
  std::lock_guard lock(mutex_);
  return allLoaded_ && !datedPending_ && finished_.layers.empty() && finished_.notices.empty() &&
         finished_.withdrawnPreviews.empty() && !dated_ && unmapped_.empty();
}

float BackgroundLoader::fraction() const {
  std::lock_guard lock(mutex_);
  const auto total = progress_.featuresTotal.load();
  // Reading is the first half of a layer's work, triangulating the second.
  const float within =
      total ? static_cast<float>(progress_.featuresRead.load() + progress_.featuresDone.load()) /
                  (2.f * static_cast<float>(total))
            : 0.f;
  if (jobs_ == 0) return 1.f;
  return std::min(1.f, (completed_ + std::min(within, 0.99f)) / static_cast<float>(jobs_));
}

std::string BackgroundLoader::current() const {
  std::lock_guard lock(mutex_);
  return current_;
}

namespace {

// The preview standing in for a layer with this id, if any.
std::optional<std::size_t> previewOf(const AppState& state, const std::string& id) {
  for (std::size_t i = 0; i < state.layers.size(); ++i)
    if (state.layers[i].layer.preview && state.layers[i].layer.id == id) return i;
  return std::nullopt;
}

// Removes the preview at `index`: it was never one of the user's layers of its own.
LayerEntry takePreview(AppState& state, std::size_t index) {
  LayerEntry entry = std::move(state.layers[index]);
  state.layers.erase(state.layers.begin() + static_cast<std::ptrdiff_t>(index));
  if (entry.layer.role == LayerRole::Generic) --state.userLayerCount;
  state.hovered.reset();
  state.selected.reset();
  return entry;
}

}  // namespace

std::size_t addLoadedLayer(AppState& state, Layer layer) {
  const std::optional<std::size_t> preview = previewOf(state, layer.id);
  if (!preview) return state.addLayer(std::move(layer));
  const LayerEntry replaced = takePreview(state, *preview);
  const std::size_t index = state.addLayer(std::move(layer));
  state.layers[index].visible = replaced.visible;
  state.layers[index].opacity = replaced.opacity;
  return index;
}

void withdrawPreviews(AppState& state, const std::vector<std::string>& ids) {
  for (const std::string& id : ids)
    if (const std::optional<std::size_t> preview = previewOf(state, id)) {
      takePreview(state, *preview);
      forgetTownSearch(state);
    }
}

}  // namespace idlib
