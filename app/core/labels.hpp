#pragma once
// Greedy label placement: labels are tried in priority order (bigger towns first) at a few
// positions around their marker; one that would overlap an already placed label, or a box the
// screen already uses (the legend, the caption, a panel), is dropped.
#include <cstdint>
#include <vector>

#include "core/geometry.hpp"

namespace idlib {

struct LabelCandidate {
  Vec2 anchor;       // marker position on screen, logical points
  double width = 0;  // text box size
  double height = 0;
  double markerRadius = 4;
  double priority = 0;  // higher wins
  std::uint32_t id = 0;
};

struct PlacedLabel {
  std::uint32_t id = 0;
  Vec2 topLeft;  // of the text box, screen points
};

// `occupied`: screen boxes no label may touch (the overlays and panels drawn over the map).
std::vector<PlacedLabel> placeLabels(std::vector<LabelCandidate> candidates, const Box& screen,
                                     double padding = 2, const std::vector<Box>& occupied = {});

}  // namespace idlib
