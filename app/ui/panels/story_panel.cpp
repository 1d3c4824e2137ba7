// The analyst's story editor: cues in order, add the current view as a cue, edit, reorder,
// delete, save (atomically), and present.
#include <imgui.h>
#include <imgui_stdlib.h>

#include "core/atomic_file.hpp"
#include "core/date.hpp"
#include "ui/panels/panels.hpp"
#include "ui/story_mode.hpp"

namespace idlib::panels {

void story(AppState& state) {
  if (!state.timelineLoaded) return;
  ImGui::SetNextWindowCollapsed(true, ImGuiCond_FirstUseEver);
  if (!beginPanel("Story", state.desk.story, state)) {
    ImGui::End();
    return;
  }
  Story& s = state.story;
  ImGui::SetNextItemWidth(-1);
  if (ImGui::InputTextWithHint("##title", "story title", &s.title)) state.storyChanged = true;
  if (ImGui::Button("Add cue from current view")) {
    s.cues.push_back(cueFromCurrentView(state));
    state.storyChanged = true;
  }
  ImGui::SameLine();
  if (ImGui::Button("Present (F5)")) state.presenting = true;  // the window enters presenter mode
  ImGui::SameLine();
  const bool save = ImGui::Button(state.storyChanged ? "Save*" : "Save");
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", state.storyPath.c_str());
  if (save) {
    if (auto error = writeFileAtomically(state.storyPath, serializeStory(s)))
      state.notices.push_back({Severity::Error, *error});
    else
      state.storyChanged = false;
  }

  std::optional<std::size_t> remove, moveUp, moveDown;
  for (std::size_t i = 0; i < s.cues.size(); ++i) {
    Cue& c = s.cues[i];
    ImGui::PushID(static_cast<int>(i));
    const bool open =
        ImGui::TreeNode("cue", "%zu. %s  (%s)", i + 1, c.title.c_str(), formatDate(c.date).c_str());
    ImGui::SameLine(ImGui::GetWindowWidth() - 7.3f * ImGui::GetFontSize());
    if (ImGui::SmallButton("go")) {
      if (!state.presenter)
        state.presenter = std::make_unique<StoryPresenter>(s, resolveViews(state, s));
      presentCue(state, i);
    }
    ImGui::SameLine();
    if (ImGui::SmallButton("^")) moveUp = i;
    ImGui::SameLine();
    if (ImGui::SmallButton("v")) moveDown = i;
    ImGui::SameLine();
    if (ImGui::SmallButton("x")) remove = i;
    if (open) {
      bool changed = ImGui::InputText("title", &c.title);
      std::string date = formatDate(c.date);
      if (ImGui::InputText("date", &date, ImGuiInputTextFlags_EnterReturnsTrue))
        if (const auto d = parseDate(date)) c.date = *d, changed = true;
      if (ImGui::Button("Set date and view to now")) {
        const Cue now = cueFromCurrentView(state);
        c.date = now.date;
        c.view = now.view;
        c.layers = now.layers;
        changed = true;
      }
      changed |= ImGui::InputTextMultiline("caption", &c.caption, {-1, 60});
      changed |= ImGui::InputTextMultiline("notes", &c.notes, {-1, 50});
      if (changed) {
        state.storyChanged = true;
        state.presenter.reset();  // its copy of the cues is out of date
      }
      ImGui::TreePop();
    }
    ImGui::PopID();
  }
  if (remove) s.cues.erase(s.cues.begin() + static_cast<long>(*remove));
  if (moveUp && *moveUp > 0) std::swap(s.cues[*moveUp], s.cues[*moveUp - 1]);
  if (moveDown && *moveDown + 1 < s.cues.size())
    std::swap(s.cues[*moveDown], s.cues[*moveDown + 1]);
  if (remove || (moveUp && *moveUp > 0) || (moveDown && *moveDown + 1 < s.cues.size())) {
    state.storyChanged = true;
    state.presenter.reset();  // its copy of the cues is out of date
  }
  ImGui::End();
}

}  // namespace idlib::panels
