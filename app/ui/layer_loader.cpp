#include "ui/layer_loader.hpp"

#include <algorithm>
#include <filesystem>

namespace idlib {

BackgroundLoader::BackgroundLoader(std::vector<LoadRequest> requests,
                                   std::optional<std::string> dataDir,
                                   std::vector<std::string> extraEventFiles)
    : requests_(std::move(requests)), wantDated_(dataDir.has_value()) {
  worker_ = std::jthread([this, dataDir, extra = std::move(extraEventFiles)](std::stop_token stop) {
    for (const LoadRequest& request : requests_) {
      if (stop.stop_requested()) return;
      {
        std::lock_guard lock(mutex_);
        current_ = std::filesystem::path(request.path).filename().string();
      }
      LoadResult result = loadVectorSource(request, &progress_);
      std::lock_guard lock(mutex_);
      for (auto& l : result.layers)
        finished_.layers.push_back(std::move(l));
      for (auto& n : result.notices)
        finished_.notices.push_back(std::move(n));
      ++completed_;
    }
    if (!dataDir || stop.stop_requested()) return;
    {
      std::lock_guard lock(mutex_);
      current_ = "events, posts and areas of control";
    }
    DatedData dated = loadDatedData(*dataDir, extra);
    std::lock_guard lock(mutex_);
    dated_ = std::move(dated);
    ++completed_;
  });
}

std::optional<DatedData> BackgroundLoader::takeDatedData() {
  std::lock_guard lock(mutex_);
  return std::exchange(dated_, std::nullopt);
}

BackgroundLoader::~BackgroundLoader() {
  worker_.request_stop();
}

LoadResult BackgroundLoader::takeFinished() {
  std::lock_guard lock(mutex_);
  return std::exchange(finished_, {});
}

bool BackgroundLoader::done() const {
  std::lock_guard lock(mutex_);
  return completed_ == requests_.size() + (wantDated_ ? 1 : 0);
}

float BackgroundLoader::fraction() const {
  std::lock_guard lock(mutex_);
  const auto total = progress_.featuresTotal.load();
  const float within = total ? static_cast<float>(progress_.featuresDone.load()) / total : 0.f;
  const auto jobs = static_cast<float>(requests_.size() + (wantDated_ ? 1 : 0));
  if (jobs == 0) return 1.f;
  return std::min(1.f, (completed_ + std::min(within, 0.99f)) / jobs);
}

std::string BackgroundLoader::current() const {
  std::lock_guard lock(mutex_);
  return current_;
}

}  // namespace idlib
