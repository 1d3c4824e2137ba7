#include "ui/layer_loader.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>

#include "geo/table_sample.hpp"
#include "geo/timeline_loader.hpp"

namespace idlib {

BackgroundLoader::BackgroundLoader(std::vector<LoadRequest> requests,
                                   std::optional<std::string> dataDir,
                                   std::vector<EventSource> extraEventSources)
    : requests_(std::move(requests)), jobs_(requests_.size() + (dataDir ? 1 : 0)) {
  worker_ =
      std::jthread([this, dataDir, extra = std::move(extraEventSources)](std::stop_token stop) {
        for (const LoadRequest& request : requests_) {
          if (stop.stop_requested()) return;
          showing(std::filesystem::path(request.path).filename().string());
          add(loadVectorSource(request, &progress_));
        }
        if (dataDir && !stop.stop_requested()) loadDated(*dataDir, extra);
        std::lock_guard lock(mutex_);
        allLoaded_ = true;
      });
}

BackgroundLoader::BackgroundLoader(DroppedSources dropped) : jobs_(dropped.files.size() + 1) {
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
}

void BackgroundLoader::showing(std::string what) {
  std::lock_guard lock(mutex_);
  current_ = std::move(what);
}

void BackgroundLoader::add(LoadResult result) {
  std::lock_guard lock(mutex_);
  for (auto& l : result.layers)
    finished_.layers.push_back(std::move(l));
  for (auto& n : result.notices)
    finished_.notices.push_back(std::move(n));
  ++completed_;
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
  return allLoaded_ && finished_.layers.empty() && finished_.notices.empty() && !dated_ &&
         unmapped_.empty();
}

float BackgroundLoader::fraction() const {
  std::lock_guard lock(mutex_);
  const auto total = progress_.featuresTotal.load();
  const float within = total ? static_cast<float>(progress_.featuresDone.load()) / total : 0.f;
  if (jobs_ == 0) return 1.f;
  return std::min(1.f, (completed_ + std::min(within, 0.99f)) / static_cast<float>(jobs_));
}

std::string BackgroundLoader::current() const {
  std::lock_guard lock(mutex_);
  return current_;
}

}  // namespace idlib
