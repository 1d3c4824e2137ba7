#include "geo/georeferenced_png.hpp"

#include <fmt/format.h>
#include <gdal/cpl_error.h>
#include <gdal/cpl_string.h>
#include <gdal/gdal_priv.h>
#include <gdal/ogr_spatialref.h>
#include <unistd.h>

#include <system_error>
#include <vector>

#include "core/interrupt.hpp"
#include "geo/gdal_drivers.hpp"

namespace idlib {
namespace fs = std::filesystem;

namespace {

struct Georeference {
  PixelGrid grid;
  std::string_view crs;
};

std::optional<std::string> writePngFile(const fs::path& path, const std::uint8_t* rgba, int width,
                                        int height, const std::optional<Georeference>& georeference,
                                        const PngText& text) {
  registerGdalDrivers();
  CPLPushErrorHandler(CPLQuietErrorHandler);
  struct PopHandler {
    ~PopHandler() { CPLPopErrorHandler(); }
  } pop;

  GDALDriver* mem = GetGDALDriverManager()->GetDriverByName("MEM");
  GDALDriver* png = GetGDALDriverManager()->GetDriverByName("PNG");
  if (!mem || !png) return "GDAL was built without its MEM or PNG driver";
  GDALDatasetUniquePtr image(mem->Create("", width, height, 4, GDT_Byte, nullptr));
  const std::size_t pixels = static_cast<std::size_t>(width) * height;
  std::vector<std::uint8_t> band(pixels);
  for (int b = 0; b < 4; ++b) {
    for (std::size_t i = 0; i < pixels; ++i)
      band[i] = rgba[i * 4 + b];
    if (image->GetRasterBand(b + 1)->RasterIO(GF_Write, 0, 0, width, height, band.data(), width,
                                              height, GDT_Byte, 0, 0) != CE_None)
      return fmt::format("{}: could not fill the image ({})", path.string(), CPLGetLastErrorMsg());
    image->GetRasterBand(b + 1)->SetColorInterpretation(
        static_cast<GDALColorInterp>(GCI_RedBand + b));
  }
  if (georeference) {
    const PixelGrid& grid = georeference->grid;
    double transform[6] = {grid.originX, grid.pixelSize, 0, grid.originY, 0, -grid.pixelSize};
    image->SetGeoTransform(transform);
    OGRSpatialReference srs;
    if (srs.SetFromUserInput(std::string(georeference->crs).c_str()) != OGRERR_NONE)
      return fmt::format("{}: the map CRS could not be described", path.string());
    image->SetSpatialRef(&srs);
  }

  // Write under a temporary stem in the same folder, so the renames below are atomic.
  const fs::path folder = path.has_parent_path() ? path.parent_path() : fs::path(".");
  const fs::path temp = folder / fmt::format(".{}.{}.tmp.png", path.stem().string(), getpid());
  const fs::path tempWorld = fs::path(temp).replace_extension(".wld");
  const fs::path tempAux = fs::path(temp.string() + ".aux.xml");
  const TemporaryFileGuard guards[] = {TemporaryFileGuard(temp), TemporaryFileGuard(tempWorld),
                                       TemporaryFileGuard(tempAux)};
  CPLStringList options;
  // zlib's level 2, not 6: a map's flat colours compress nearly as well, in half the time.
  options.SetNameValue("ZLEVEL", "2");
  if (georeference) options.SetNameValue("WORLDFILE", "YES");
  if (!text.title.empty()) options.SetNameValue("TITLE", text.title.c_str());
  if (!text.copyright.empty()) options.SetNameValue("COPYRIGHT", text.copyright.c_str());
  GDALDatasetUniquePtr written(
      png->CreateCopy(temp.c_str(), image.get(), FALSE, options.List(), nullptr, nullptr));
  if (!written)
    return fmt::format("{}: cannot write the PNG ({})", path.string(), CPLGetLastErrorMsg());
  written.reset();  // flushes the PNG and its .aux.xml

  std::error_code ec;
  for (const auto& [from, to] :
       {std::pair{tempWorld, fs::path(path).replace_extension(".wld")},
        std::pair{tempAux, fs::path(path.string() + ".aux.xml")}, std::pair{temp, path}}) {
    if (!fs::exists(from)) continue;
    fs::rename(from, to, ec);
    if (ec)
      return fmt::format("{}: cannot move the finished file into place ({})", to.string(),
                         ec.message());
  }
  return std::nullopt;
}

}  // namespace

std::optional<std::string> writeGeoreferencedPng(const fs::path& path, const std::uint8_t* rgba,
                                                 int width, int height, const PixelGrid& grid,
                                                 std::string_view crs, const PngText& text) {
  return writePngFile(path, rgba, width, height, Georeference{grid, crs}, text);
}

std::optional<std::string> writePng(const fs::path& path, const std::uint8_t* rgba, int width,
                                    int height, const PngText& text) {
  return writePngFile(path, rgba, width, height, std::nullopt, text);
}

}  // namespace idlib
