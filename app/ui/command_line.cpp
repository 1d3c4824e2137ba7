#include "ui/command_line.hpp"

#include <CLI/CLI.hpp>

#include "ui/app_state.hpp"

namespace idlib {

std::variant<Options, int> parseCommandLine(int argc, char** argv) {
  Options o;
  CLI::App app{"Idlib Atlas: the war in Idlib, north-west Syria, 2017-2020, on an interactive map.",
               "idlib-atlas"};
  app.add_option("--layer", o.layers, "Add a GDAL vector source (GeoPackage, GeoJSON, Shapefile, KML, CSV...); repeatable")
      ->type_name("PATH");
  app.add_option("--export", o.exportPath, "Render without a display and write a georeferenced PNG, then exit")
      ->type_name("OUT.png");
  app.add_option("--size", o.size, "Image size for --export")->type_name("WIDTHxHEIGHT")->capture_default_str();
  app.add_option("--view", o.view, "Map centre and zoom level (web-map levels; 9 shows the governorate)")
      ->type_name("LON,LAT,ZOOM");
  app.add_option("--data", o.dataDir, "Folder holding geodata/ (default: the bundled data)")->type_name("DIR");
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? 0 : 2;
  }
  if (o.dataDir.empty()) o.dataDir = defaultDataDir();
  return o;
}

}  // namespace idlib
