#pragma once
// Writes a rendered map as a PNG that GIS tools place correctly: a world file (.wld) and the CRS
// in a PAM sidecar (.png.aux.xml). All files appear at once: written beside the target under
// temporary names, then renamed.
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace idlib {

// Map coordinates of the top-left corner and the size of one pixel, in metres.
struct PixelGrid {
  double originX = 0, originY = 0;
  double pixelSize = 1;
};

// What a PNG says about itself (its Title and Copyright text chunks), for people: what the image
// shows, and whose data it is as the map's attribution says, never a file name.
struct PngText {
  std::string title, copyright;
};

// Returns an error message, or nothing on success. `rgba` is top row first.
std::optional<std::string> writeGeoreferencedPng(const std::filesystem::path& path,
                                                 const std::uint8_t* rgba, int width, int height,
                                                 const PixelGrid& grid, std::string_view crs,
                                                 const PngText& text = {});

// The same without georeferencing (posters, which show several maps): just the PNG, atomically.
std::optional<std::string> writePng(const std::filesystem::path& path, const std::uint8_t* rgba,
                                    int width, int height, const PngText& text = {});

}  // namespace idlib
