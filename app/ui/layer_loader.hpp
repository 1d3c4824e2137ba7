#pragma once
// Loads layers on a worker thread so the window keeps drawing; the GL thread collects the
// finished layers each frame and uploads them.
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

#include "geo/vector_loader.hpp"
#include "ui/app_state.hpp"

namespace idlib {

class BackgroundLoader {
 public:
  // Loads the layers, then (if `dataDir` is set) the dated data and its control areas.
  BackgroundLoader(std::vector<LoadRequest> requests, std::optional<std::string> dataDir,
                   std::vector<std::string> extraEventFiles = {});
  ~BackgroundLoader();  // stops after the current source
  // Layers and notices finished since the last call.
  LoadResult takeFinished();
  std::optional<DatedData> takeDatedData();
  bool done() const;
  float fraction() const;  // 0..1, for the progress bar
  std::string current() const;

 private:
  std::vector<LoadRequest> requests_;
  LoadProgress progress_;
  mutable std::mutex mutex_;
  LoadResult finished_;
  std::optional<DatedData> dated_;
  bool wantDated_ = false;
  std::size_t completed_ = 0;
  std::string current_;
  std::jthread worker_;
};

}  // namespace idlib
