#pragma once
// Comparing two dates on one screen: the map at an earlier date A beside the slider's date B.
#include <optional>
#include <string_view>

#include "core/date.hpp"

namespace idlib {

enum class CompareMode {
  Off,
  Swipe,       // a vertical divider: date A left of it, date B right of it, one shared view
  SideBySide,  // two synchronised maps, A on the left
  Change,      // date B, with the ground that changed hands since A hatched in the gainer's colour
};

// "swipe", "side-by-side", "change" (and "off"), as the command line and stories write them.
std::optional<CompareMode> parseCompareMode(std::string_view text);
std::string_view compareModeName(CompareMode mode);

struct Comparison {
  CompareMode mode = CompareMode::Off;
  Day before = 0;      // date A; date B is the slider's date
  float swipe = 0.5f;  // the divider's place, a share of the map's width from its left edge
  friend bool operator==(const Comparison&, const Comparison&) = default;
};

}  // namespace idlib
