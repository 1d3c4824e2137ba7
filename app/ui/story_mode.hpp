#pragma once
// Between stories and the map: loading story files, turning cues into views and layer choices,
// and making a cue from what the analyst sees.
#include <optional>
#include <string>
#include <vector>

#include "core/story.hpp"
#include "ui/app_state.hpp"
#include "ui/export.hpp"

namespace idlib {

// Reads and parses a story file; a missing or unreadable file is a notice too.
StoryLoad loadStoryFile(const std::string& path);
std::string defaultStoryPath(const std::string& dataDir);

// Each cue's view in the map plane (nothing where the cue keeps the view).
std::vector<std::optional<View>> resolveViews(const AppState& state, const Story& story);
// Shows the cue's layers, highlights its events, and compares its date with its compare date
// (or stops comparing).
void applyCue(AppState& state, const Cue& cue);
// A cue from the current date, view, visible layers and selected event.
Cue cueFromCurrentView(const AppState& state);

// Starts presenting `state.story` from its first cue (presenter mode and story exports).
void startPresenting(AppState& state);
// What the analyst had before presenter mode, given back on leaving it: cues change the view,
// the layers and the date, and entering clears the selection the audience must not see.
struct AnalystDesk {
  struct LayerLook {
    bool visible = true;
    float opacity = 1;
    friend bool operator==(const LayerLook&, const LayerLook&) = default;
  };
  View view;
  std::vector<LayerLook> layers;  // by index into AppState::layers
  TimeLayerSettings timeLayers;
  Playback playback;
  std::optional<FeatureRef> selected;
  DatedPick selectedMark;
  bool showAbout = false, showNotices = false;  // the panels that open and close
  Comparison comparison;                        // a cue's compare date replaces it
  friend bool operator==(const AnalystDesk&, const AnalystDesk&) = default;
};
AnalystDesk analystDesk(const AppState& state);
// Presenter mode's state (the window's side is PresenterMode's): returns the desk to give back.
AnalystDesk enterPresenting(AppState& state);
void leavePresenting(AppState& state, const AnalystDesk& desk);
// Moves the story on by `seconds`, applying a new cue's layers when it begins.
void advanceStory(AppState& state, double seconds);
void presentNext(AppState& state);
void presentPrevious(AppState& state);
void presentCue(AppState& state, std::size_t cue);

// The view cue `cue` shows: its own, else the last one before it that sets one, else home.
View cueView(const AppState& state, std::size_t cue);
// A small render of cue `cue` as the audience will see it once it has arrived: its view (the
// region the audience's window shows), its date and its layers; the state is left as it was.
// For the speaker's window; needs the renderer's GL context to be current.
RenderedImage renderCueThumbnail(AppState& state, MapRenderer& renderer, std::size_t cue, int width,
                                 int height);

}  // namespace idlib
