#pragma once
// Loads layers on worker threads so the window keeps drawing; the GL thread collects the
// finished layers each frame and uploads them.
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

#include "geo/vector_loader.hpp"
#include "ui/app_state.hpp"

namespace idlib {

// Files dropped on the window (see planDrop): a table with event columns joins the events, and
// the dated data is read again with it (`dataDir` and the `eventSources` loaded so far); any other
// file loads as a layer, as --layer does, except a plain table (no geometry, no event columns):
// that waits in takeUnmapped() for the column-mapping dialog. `mappedEvents`, described in that
// dialog, join the events as they are.
struct DroppedSources {
  std::vector<std::string> files;
  std::string dataDir;
  std::vector<EventSource> eventSources;
  std::vector<EventSource> mappedEvents{};
};

class BackgroundLoader {
 public:
  // Loads the layers and, beside them (if `dataDir` is set), the dated data and its control
  // areas.
  BackgroundLoader(std::vector<LoadRequest> requests, std::optional<std::string> dataDir,
                   std::vector<EventSource> extraEventSources = {});
  explicit BackgroundLoader(DroppedSources dropped);
  ~BackgroundLoader();  // stops after the current source
  // Stops now, in the middle of a big file too: the layers loaded stay, the one being read and
  // the rest are not added; done() comes true soon after.
  void cancel() {
    worker_.request_stop();
    userWorker_.request_stop();
    datedWorker_.request_stop();
    progress_.cancel();
  }
  bool cancelled() const { return worker_.get_stop_token().stop_requested(); }
  // What the map shows now: a big layer's first look (a preview) is cut for it.
  void setView(const LoadView& view) { progress_.setView(view); }
  // Layers and notices finished since the last call; a big layer comes first as a preview
  // (Layer::preview), then whole: add them with addLoadedLayer, which swaps one for the other.
  LoadResult takeFinished();
  std::optional<DatedData> takeDatedData();
  std::vector<std::string> takeUnmapped();  // dropped tables to ask the column mapping of
  bool done() const;                        // all loaded and taken: nothing more will come
  float fraction() const;                   // 0..1, for the progress bar
  std::string current() const;

 private:
  void showing(std::string what);
  void previewReady(Layer preview);
  void add(LoadResult result);
  // `newFiles` (dropped): only their notices are kept, the others were given before.
  void loadDated(const std::string& dataDir, const std::vector<EventSource>& eventSources,
                 const std::vector<std::string>& newFiles = {});

  std::vector<LoadRequest> requests_;
  LoadProgress progress_;
  mutable std::mutex mutex_;
  LoadResult finished_;
  std::optional<DatedData> dated_;
  std::vector<std::string> unmapped_;
  std::size_t jobs_ = 0, completed_ = 0;
  bool allLoaded_ = false;     // the layers, dropped files and their dated data
  int layerWorkersLeft_ = 1;   // worker_, and userWorker_ where it runs
  bool datedPending_ = false;  // the opening's dated data, read by datedWorker_
  std::string current_;
  std::jthread worker_;
  std::jthread userWorker_;  // the user's layers, beside the bundled ones
  std::jthread datedWorker_;
};

// Adds a loaded layer to the map; the full layer takes its preview's place (and keeps its
// visibility and opacity). Returns its index in state.layers.
std::size_t addLoadedLayer(AppState& state, Layer layer);
// Takes the previews away whose full layer did not come (LoadResult::withdrawnPreviews).
void withdrawPreviews(AppState& state, const std::vector<std::string>& ids);

}  // namespace idlib
