#include "ui/layer_loader.hpp"

#include <algorithm>
#include <filesystem>

namespace idlib {

BackgroundLoader::BackgroundLoader(std::vector<LoadRequest> requests)
    : requests_(std::move(requests)) {
  worker_ = std::jthread([this](std::stop_token stop) {
    for (const LoadRequest& request : requests_) {
      if (stop.stop_requested()) return;
      {
        std::lock_guard lock(mutex_);
        current_ = std::filesystem::path(request.path).filename().string();
      }
      LoadResult result = loadVectorSource(request, &progress_);
      std::lock_guard lock(mutex_);
      for (auto& l : result.layers) finished_.layers.push_back(std::move(l));
      for (auto& n : result.notices) finished_.notices.push_back(std::move(n));
      ++completed_;
    }
  });
}

BackgroundLoader::~BackgroundLoader() { worker_.request_stop(); }

LoadResult BackgroundLoader::takeFinished() {
  std::lock_guard lock(mutex_);
  return std::exchange(finished_, {});
}

bool BackgroundLoader::done() const {
  std::lock_guard lock(mutex_);
  return completed_ == requests_.size();
}

float BackgroundLoader::fraction() const {
  std::lock_guard lock(mutex_);
  const auto total = progress_.featuresTotal.load();
  const float within = total ? static_cast<float>(progress_.featuresDone.load()) / total : 0.f;
  if (requests_.empty()) return 1.f;
  return std::min(1.f, (completed_ + std::min(within, 0.99f)) / static_cast<float>(requests_.size()));
}

std::string BackgroundLoader::current() const {
  std::lock_guard lock(mutex_);
  return current_;
}

}  // namespace idlib
