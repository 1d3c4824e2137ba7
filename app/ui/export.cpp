#include "ui/export.hpp"

#include <fmt/format.h>

#include <cstdio>
#include <variant>

#include "core/cli_values.hpp"
#include "geo/projection.hpp"
#include "render/offscreen_target.hpp"
#include "ui/command_line.hpp"
#include "ui/map_view.hpp"
#include "ui/sdl_window.hpp"

namespace idlib {

std::vector<Notice> loadAll(AppState& state, MapRenderer& renderer, const std::vector<LoadRequest>& requests) {
  std::vector<Notice> notices;
  for (const LoadRequest& request : requests) {
    LoadResult result = loadVectorSource(request);
    for (Layer& layer : result.layers) {
      const std::size_t index = state.addLayer(std::move(layer));
      renderer.upload(state.layers[index].layer);
    }
    notices.insert(notices.end(), result.notices.begin(), result.notices.end());
  }
  state.notices.insert(state.notices.end(), notices.begin(), notices.end());
  return notices;
}

RenderedImage renderImage(const AppState& state, MapRenderer& renderer, const View& view, int width, int height) {
  const Viewport viewport{static_cast<double>(width), static_cast<double>(height)};
  OffscreenTarget target(width, height);
  target.bind();
  renderer.draw(describeFrame(state, view, viewport, 1.0f));
  RenderedImage image{width, height, target.readPixels(), {}};
  image.grid = {view.centre.x - width / 2.0 * view.metresPerPoint,
                view.centre.y + height / 2.0 * view.metresPerPoint, view.metresPerPoint};
  glBindFramebuffer(GL_FRAMEBUFFER, 0);
  return image;
}

int runExport(const Options& options) {
  const auto size = parseSizeArgument(options.size);
  if (const auto* error = std::get_if<std::string>(&size)) {
    std::fprintf(stderr, "idlib-atlas: %s\n", error->c_str());
    return 2;
  }
  std::optional<ViewArgument> viewArgument;
  if (!options.view.empty()) {
    const auto parsed = parseViewArgument(options.view);
    if (const auto* error = std::get_if<std::string>(&parsed)) {
      std::fprintf(stderr, "idlib-atlas: %s\n", error->c_str());
      return 2;
    }
    viewArgument = std::get<ViewArgument>(parsed);
  }
  const auto [width, height] = std::get<SizeArgument>(size);
  std::optional<Day> startDate;
  if (!startDateOf(options, startDate)) return 2;

  auto opened = GlWindow::open(GlWindow::Mode::Headless, 64, 64);
  if (const auto* error = std::get_if<std::string>(&opened)) {
    std::fprintf(stderr, "idlib-atlas: cannot render headless: %s\n", error->c_str());
    return 3;
  }
  try {
    MapRenderer renderer;
    AppState state;
    state.dataDir = options.dataDir;
    std::vector<LoadRequest> requests = bundledLayers(options.dataDir);
    for (const auto& path : options.layers) requests.push_back(userLayer(path));
    auto notices = loadAll(state, renderer, requests);
    DatedData dated = loadDatedData(options.dataDir, options.eventFiles);
    notices.insert(notices.end(), dated.notices.begin(), dated.notices.end());
    state.setTimeline(std::move(dated), startDate);
    state.playback.windowDays = options.windowDays;
    renderer.timeLayers().upload(state.timeline, state.controlAreas, state.displacement);
    printNotices(notices);

    const Viewport viewport{static_cast<double>(width), static_cast<double>(height)};
    View view = idlibHomeView(viewport);
    if (viewArgument) view = {state.projection.forward(viewArgument->centre), metresPerPointAtZoom(viewArgument->zoom)};
    const RenderedImage image = renderImage(state, renderer, view, width, height);
    if (auto error = writeGeoreferencedPng(options.exportPath, image.rgba.data(), width, height, image.grid, kMapCrs)) {
      std::fprintf(stderr, "idlib-atlas: %s\n", error->c_str());
      return 1;
    }
    std::printf("wrote %s (%dx%d, %.1f m per pixel, %zu layers)\n", options.exportPath.c_str(), width, height,
                view.metresPerPoint, state.layers.size());
    return hasErrors(notices) ? 1 : 0;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "idlib-atlas: %s\n", e.what());
    return 1;
  }
}

}  // namespace idlib
