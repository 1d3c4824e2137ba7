#pragma once
// Headless rendering: the same frame the window draws, into an offscreen framebuffer.
#include <cstdint>
#include <vector>

#include "core/camera.hpp"
#include "geo/georeferenced_png.hpp"
#include "render/map_renderer.hpp"
#include "render/offscreen_target.hpp"
#include "ui/app_state.hpp"

namespace idlib {

struct RenderedImage {
  int width = 0, height = 0;
  std::vector<std::uint8_t> rgba;  // top row first
  PixelGrid grid;                  // where it lies in the map plane
};

// Loads every request synchronously into `state` (uploading to `renderer`); returns the notices.
std::vector<Notice> loadAll(AppState& state, MapRenderer& renderer,
                            const std::vector<LoadRequest>& requests);

// An export's PNG text: `title` ("Idlib Atlas, 20 February 2020") and the map's attribution.
PngText pngText(const AppState& state, std::string title);
// "Idlib Atlas, 20 February 2020": the title of a PNG of the map at the state's date.
std::string mapTitle(const AppState& state);

// Renders `state` at `view` into a width x height image (pixels). Needs a current GL context.
// Pass a `target` of that size to reuse it across frames (videos, posters) instead of making
// one; `pixelRatio` 2 draws as a HiDPI display does (the same map, twice the pixels per point).
// An image larger than 1920x1080 points is drawn larger still (see exportScale): 3840x2160 shows
// the same area as 1920x1080 with everything twice the size.
RenderedImage renderImage(const AppState& state, MapRenderer& renderer, const View& view, int width,
                          int height, OffscreenTarget* target = nullptr, float pixelRatio = 1);

}  // namespace idlib
