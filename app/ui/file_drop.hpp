#pragma once
// Files and folders dropped on the window: gathered from SDL's drop events, planned (planDrop)
// and loaded one drop at a time in the background, after the bundled data; a workspace among
// them is handed to the window to open.
#include <SDL.h>

#include <deque>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "ui/app_state.hpp"
#include "ui/layer_loader.hpp"

namespace idlib {

class FileDrops {
 public:
  // Takes SDL_DROPBEGIN, SDL_DROPFILE and SDL_DROPCOMPLETE; true when `event` was one of them.
  bool handle(const SDL_Event& event);
  // Files chosen in the app (File → Add layer…): loaded as a drop of them is.
  void open(std::vector<std::string> files) { waiting_.push_back(std::move(files)); }
  // Starts loading the next drop once the dated data is in and no drop is loading. What cannot
  // load goes to the Data problems window; the dropped files join the inputs no export may
  // overwrite.
  void update(AppState& state);
  // The drop being loaded, if any: the window takes its results like the first load's.
  BackgroundLoader* loader() const { return loader_.get(); }
  // A workspace dropped (or chosen with File > Open workspace...), for the window to open.
  std::optional<std::string> takeWorkspace() { return std::exchange(workspace_, std::nullopt); }
  // An article dropped (or chosen with File > Open article...), for the Articles panel.
  std::optional<std::string> takeArticle() { return std::exchange(article_, std::nullopt); }

 private:
  std::vector<std::string> gathering_;
  std::deque<std::vector<std::string>> waiting_;
  std::unique_ptr<BackgroundLoader> loader_;
  std::optional<std::string> workspace_, article_;
};

}  // namespace idlib
