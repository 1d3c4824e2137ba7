#pragma once
#include <optional>
#include <variant>
#include <string>
#include <vector>

namespace idlib {

struct Options {
  std::vector<std::string> layers;  // --layer PATH, repeatable
  std::string exportPath;           // --export out.png
  std::string size = "1920x1080";   // --size WxH
  std::string view;                 // --view LON,LAT,ZOOM
  std::string dataDir;              // --data DIR
};

// Parses argv. Returns the options, or the exit code when parsing ends the program (--help,
// a bad option: the message is already printed).
std::variant<Options, int> parseCommandLine(int argc, char** argv);

int runInteractive(const Options& options);
int runExport(const Options& options);

}  // namespace idlib
