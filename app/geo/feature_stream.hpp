#pragma once
// A layer's features read by GDAL on a thread of its own while the caller turns the ones before
// into rows (issue 12): with a second core, a big event table loads in about the time GDAL alone
// takes to read it. The features come in the layer's order, in batches; a few batches wait at
// most, so memory stays small.
#include <gdal/ogrsf_frmts.h>

#include <condition_variable>
#include <deque>
#include <exception>
#include <mutex>
#include <thread>
#include <utility>
#include <vector>

namespace idlib {

class FeatureStream {
 public:
  using Batch = std::vector<OGRFeatureUniquePtr>;

  // Starts reading `layer` from its first feature; the layer is not to be used until this ends.
  explicit FeatureStream(OGRLayer& layer) : reader_([this, &layer] { readAll(layer); }) {}
  ~FeatureStream() {
    const std::lock_guard lock(mutex_);
    stopped_ = true;  // a reader waiting for room gives up, and reader_ joins
    changed_.notify_all();
  }
  FeatureStream(const FeatureStream&) = delete;
  FeatureStream& operator=(const FeatureStream&) = delete;

  // Replaces `batch`, read, with the next features; false at the layer's end. The features read
  // go back to the reading thread to be freed there: memory GDAL allocated on that thread is
  // reused from its own caches. Rethrows what the reading thread threw.
  bool next(Batch& batch) {
    std::unique_lock lock(mutex_);
    if (!batch.empty()) spent_.push_back(std::move(batch));
    batch.clear();
    changed_.wait(lock, [&] { return !ready_.empty() || done_; });
    if (ready_.empty()) {
      if (failure_) std::rethrow_exception(failure_);
      return false;
    }
    batch = std::move(ready_.front());
    ready_.pop_front();
    changed_.notify_all();
    return true;
  }

 private:
  static constexpr std::size_t kBatch = 256;
  static constexpr std::size_t kBatchesAhead = 8;

  void readAll(OGRLayer& layer) {
    try {
      layer.ResetReading();
      Batch batch;
      for (OGRFeatureUniquePtr f(layer.GetNextFeature()); f; f.reset(layer.GetNextFeature())) {
        batch.push_back(std::move(f));
        if (batch.size() == kBatch && !hand(std::exchange(batch, {}))) return;
      }
      if (!batch.empty()) hand(std::move(batch));
    } catch (...) {
      const std::lock_guard lock(mutex_);
      failure_ = std::current_exception();
    }
    const std::lock_guard lock(mutex_);
    done_ = true;
    changed_.notify_all();
  }

  // Queues a batch once there is room; false when the caller has stopped reading. Frees the
  // batches the caller has read, outside the lock.
  bool hand(Batch batch) {
    std::deque<Batch> spent;
    {
      std::unique_lock lock(mutex_);
      changed_.wait(lock, [&] { return ready_.size() < kBatchesAhead || stopped_; });
      if (stopped_) return false;
      ready_.push_back(std::move(batch));
      spent.swap(spent_);
      changed_.notify_all();
    }
    return true;
  }

  std::mutex mutex_;
  std::condition_variable changed_;
  std::deque<Batch> ready_;
  std::deque<Batch> spent_;  // read by the caller, to be freed by the reading thread
  bool done_ = false, stopped_ = false;
  std::exception_ptr failure_;
  std::jthread reader_;  // last: starts once the rest is made, and is joined before it goes
};

}  // namespace idlib
