// idlib-atlas: the interactive map, or with --export a headless renderer.
#include "ui/command_line.hpp"

int main(int argc, char** argv) {
  auto parsed = idlib::parseCommandLine(argc, argv);
  if (const int* code = std::get_if<int>(&parsed)) return *code;
  const auto& options = std::get<idlib::Options>(parsed);
  return options.exportPath.empty() ? idlib::runInteractive(options) : idlib::runExport(options);
}
