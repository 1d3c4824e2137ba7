#pragma once
// Exporting from the app: a PNG of the current view at any size, a poster, or a video recorded a
// few frames per UI frame (with a progress bar) on its own copy of the scene, so the analyst's
// view is left as it was.
#include <memory>
#include <optional>
#include <string>
#include <variant>

#include "ui/app_state.hpp"
#include "ui/video_export.hpp"

namespace idlib {

struct ExportSettings {
  enum class Kind { Png, Video, Poster } kind = Kind::Png;
  std::string path = "idlib-atlas.png";
  int width = 1920, height = 1080;
  bool story = false;  // video: the whole story, else the date range
  double from = 0, to = 0, daysPerSecond = 7;
  std::string fromTyped, toTyped;  // the date boxes' text, kept while the user edits it
  int fps = 30, panels = 6;
};

// The current view, showing the same area in a width x height image.
View viewForSize(const AppState& state, int width);

// What the Export button does: refuse (saying why: see refuseOutput), ask before replacing a file
// that exists, or export.
struct ExportCheck {
  enum class Next { Refuse, AskToReplace, Export } next = Next::Export;
  std::string why;  // for Refuse
};
ExportCheck checkExport(const AppState& state, const ExportSettings& settings);

// PNG and poster: written at once. Returns an error, or nothing.
std::optional<std::string> exportStill(AppState& state, MapRenderer& renderer,
                                       const ExportSettings& settings);

class VideoJob {
 public:
  static std::variant<std::unique_ptr<VideoJob>, std::string> start(AppState& state,
                                                                    const ExportSettings& settings);
  ~VideoJob();
  // Records frames for about `seconds`; false once finished (then see error()).
  bool step(AppState& state, MapRenderer& renderer, double seconds);
  float progress() const;
  const std::optional<std::string>& error() const { return error_; }
  std::string summary() const;

 private:
  struct Scene;
  VideoJob() = default;
  std::unique_ptr<Scene> scene_;
  std::unique_ptr<VideoEncoder> encoder_;
  std::unique_ptr<FrameRecorder> recorder_;
  std::optional<std::string> error_;
  std::string path_;
  int fps_ = 30;
};

}  // namespace idlib
