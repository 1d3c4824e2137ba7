#pragma once
// The layers that change with the date: areas of control, the front line, observation posts and
// events. Everything is uploaded once; a frame sets uniforms (date, window) and draws.
#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "core/camera.hpp"
#include "core/control_areas.hpp"
#include "core/displacement.hpp"
#include "core/style.hpp"
#include "core/timeline.hpp"
#include "render/gl_objects.hpp"
#include "render/shader_program.hpp"
#include "render/vertex_formats.hpp"

namespace idlib {

// Days in the shaders count from here, so fractional playback dates keep their precision in floats.
inline constexpr Day kShaderEpoch = 16436;  // 2015-01-01

struct TimeFrame {
  double date = 0;                      // fractional day while playing
  double windowDays = 30;               // events of the last N days
  std::optional<std::size_t> snapshot;  // control snapshot in force
  float crossfade = 0;                  // 0..1 share of the next snapshot, while playing towards it
  bool showAreas = true, showFront = true, showPosts = true, showEvents = true, showFlows = true,
       showArrivals = true;
  float areasOpacity = 1, eventsOpacity = 1;
  int highlightEvent = -1, highlightPost = -1;
  // The events' sources by Event::sourceIndex (names, for the legend): with more than one, each
  // marker wears a ring of its source's colour (core/event_source_key). Bit i hides source i's
  // events (the 32nd and later share bit 31).
  std::vector<std::string> eventSources;
  std::uint32_t hiddenEventSources = 0;
  // Indices [first, last) of the events (sorted by date, as uploaded) inside the time window.
  std::pair<std::size_t, std::size_t> eventRange{0, 0};
  // Likewise for the flows (sorted by start): those that may overlap the window.
  std::pair<std::size_t, std::size_t> flowRange{0, 0};
  int highlightFlow = -1, highlightArrivals = -1;
  double displacedSoFar = -1;  // the chart's cumulative figure at this date, or -1 for none
};

// A locality's cell that changed hands between two dates compared, and the side that gained it.
struct ChangedCell {
  std::uint32_t cell = 0;  // index into ControlAreas::cells
  Controller gainer = Controller::Government;
  friend bool operator==(const ChangedCell&, const ChangedCell&) = default;
};
// The stripes over ground that changed hands: the gainer's hue, strong enough to read over its
// own area (the desk's areas lay the hue thinly over the ground; the projector's are the hue
// itself, so there the stripes are the hue darkened).
Rgba hatchColor(Controller gainer, Palette scheme);

// How displacement is drawn: flow width and symbol area in proportion to people.
inline constexpr double kPeoplePerFlowPoint = 20000;         // 1 point of width per 20,000 people
inline constexpr double kSymbolPointsPerRootPerson = 0.045;  // radius: 100,000 people = 14 pt
inline constexpr std::array<long, 2> kLegendPeople = {500000, 100000};
float flowWidthPoints(long people);

class TimeLayerRenderer {
 public:
  TimeLayerRenderer();
  // Uploads everything dated; call again when the data changes.
  void upload(const Timeline& timeline, const ControlAreas& areas,
              const Displacement& displacement);
  // Uploads the flows, which must be sorted by start (as Displacement keeps them).
  void uploadFlows(const Displacement& displacement, Day firstDay, Day lastDay);
  // Uploads every locality's cell, for the change map's hatch.
  void uploadCells(const ControlAreas& areas);
  // Uploads the events, which must be sorted by date (as Timeline keeps them).
  void uploadEvents(const EventStore& events);

  // Under the boundaries, in the sides' colours of `scheme`.
  void drawAreas(const ViewTransform& v, const TimeFrame& f, Palette scheme);
  void drawFront(const ViewTransform& v, const TimeFrame& f, Palette scheme);  // over them
  // Diagonal stripes in each gainer's hatchColor over the cells that changed hands, over the
  // areas and under the lines; `uiScale` widens them for a projector.
  void drawHatch(const ViewTransform& v, const std::vector<ChangedCell>& cells, Palette scheme,
                 float uiScale);
  void drawFlows(const ViewTransform& v,
                 const TimeFrame& f);  // flows and arrivals, under the marks
  void drawMarks(const ViewTransform& v, const TimeFrame& f);  // posts and events, over towns
  // Where the areas and front line of control snapshot `snapshot` and the next differ (map
  // plane): the cells that change hands between them. Empty where none does.
  Box changeAfter(std::size_t snapshot) const;
  // The legend's reference circles (kLegendPeople), their shared bottom point at `origin` (pixels).
  void drawArrivalLegend(const ViewTransform& v, Vec2 origin);
  std::size_t drawCalls() const { return drawCalls_; }  // since resetDrawCalls
  void resetDrawCalls() { drawCalls_ = 0; }
  // Counts the uploads: an image of these layers kept by the window is stale once it changes.
  std::uint64_t uploads() const { return uploads_; }

 private:
  struct Range {
    GLint first = 0;
    GLsizei count = 0;
  };
  // The circles of events with a place radius, drawn before the marks, over the events' window.
  void drawPlaceCircles(const ViewTransform& v, const TimeFrame& f);

  ShaderProgram fill_, line_, marks_, placeCircles_, flows_, arrivals_, hatch_;
  gl::VertexArray cellVao_;  // every locality's cell (ControlAreas::cells), for the hatch
  gl::Buffer cellBuffer_;
  std::vector<Range> cellRanges_;
  gl::VertexArray areaVao_, frontVao_, postVao_, eventVao_, flowVao_, arrivalVao_, legendVao_;
  gl::Buffer areaBuffer_, frontBuffer_, postBuffer_, eventBuffer_, flowBuffer_, arrivalBuffer_,
      legendBuffer_;
  gl::Texture arrivalTable_;
  Day arrivalFirstDay_ = 0;
  GLsizei flows_count_ = 0, destinations_ = 0;
  std::vector<Range> areaRanges_, frontRanges_;
  std::vector<Box> changeBoxes_;  // changeAfter's, one per snapshot
  GLsizei posts_ = 0, events_ = 0;
  // The events with a place circle, by date as the events are: their buffer, their dates (days
  // since the shader epoch) and the biggest radius, metres.
  gl::VertexArray circleVao_;
  gl::Buffer circleBuffer_;
  std::vector<float> circleDays_;
  double biggestCircleMetres_ = 0;
  std::size_t drawCalls_ = 0;
  std::uint64_t uploads_ = 0;
};

}  // namespace idlib
