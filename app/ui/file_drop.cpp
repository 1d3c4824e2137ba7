#include "ui/file_drop.hpp"

#include "core/dropped_files.hpp"
#include "ui/command_line.hpp"

namespace idlib {

bool FileDrops::handle(const SDL_Event& event) {
  switch (event.type) {
    case SDL_DROPBEGIN:
      gathering_.clear();
      return true;
    case SDL_DROPFILE:
      if (event.drop.file) gathering_.emplace_back(event.drop.file);
      SDL_free(event.drop.file);
      return true;
    case SDL_DROPTEXT:
      SDL_free(event.drop.file);  // dropped text is not a file
      return true;
    case SDL_DROPCOMPLETE:
      if (!gathering_.empty()) waiting_.push_back(std::move(gathering_));
      gathering_.clear();
      return true;
    default:
      return false;
  }
}

void FileDrops::update(AppState& state) {
  if (loader_ && !loader_->done()) return;
  loader_.reset();
  // A drop's events are read with the bundled ones, so it waits for those.
  if (waiting_.empty() || !state.timelineLoaded) return;
  DropPlan plan = planDrop(waiting_.front());
  waiting_.pop_front();
  if (hasErrors(plan.problems) || (!plan.problems.empty() && plan.files.empty()))
    state.showNotices = true;
  printNotices(plan.problems);
  for (Notice& n : plan.problems)
    state.notices.push_back(std::move(n));
  if (!plan.workspaces.empty()) workspace_ = plan.workspaces.back();  // one replaces the other
  if (!plan.articles.empty()) article_ = plan.articles.back();        // the panel reads one
  if (plan.files.empty()) return;
  state.protectedFiles.inputs.insert(state.protectedFiles.inputs.end(), plan.files.begin(),
                                     plan.files.end());
  loader_ = std::make_unique<BackgroundLoader>(
      DroppedSources{std::move(plan.files), state.dataDir, state.eventSources});
}

}  // namespace idlib
