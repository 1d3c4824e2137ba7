#pragma once
// Parsing of command-line values, with messages that say what was expected.
#include <string>
#include <string_view>
#include <variant>

#include "core/geometry.hpp"

namespace idlib {

struct ViewArgument {
  LonLat centre;
  double zoom = 9;
  friend bool operator==(const ViewArgument& a, const ViewArgument& b) {
    return a.centre.lon == b.centre.lon && a.centre.lat == b.centre.lat && a.zoom == b.zoom;
  }
};

struct SizeArgument {
  int width = 0, height = 0;
};

// Either the value or an error message.
template <class T>
using Parsed = std::variant<T, std::string>;

// "LON,LAT,ZOOM"; messages name the value as `name` shows it: "--view" on the command line,
// "view" in a story file.
Parsed<ViewArgument> parseViewArgument(std::string_view text, std::string_view name = "--view");
Parsed<SizeArgument> parseSizeArgument(std::string_view text);  // "WIDTHxHEIGHT"

}  // namespace idlib
