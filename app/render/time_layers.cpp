#include "render/time_layers.hpp"

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "core/event_source_key.hpp"
#include "core/style.hpp"

namespace idlib {
namespace {
constexpr float kNever = 1e7f;  // a date far beyond any data, for "not yet" / "never"
// Areas and front lines are not features; their index (-1) must never match the highlight.
constexpr float kNoHighlight = -1e6f;
constexpr float kFrontWidthPt = 3.0f;  // the desk's front line

static_assert(kEventSourceColors.size() == 5, "dated_point.vert.glsl's u_sourceColors[5]");

float shaderDay(std::optional<Day> d, float otherwise) {
  return d ? static_cast<float>(*d - kShaderEpoch) : otherwise;
}
}  // namespace

float flowWidthPoints(long people) {
  return static_cast<float>(static_cast<double>(people) / kPeoplePerFlowPoint);
}

Rgba hatchColor(Controller gainer, Palette scheme) {
  const Rgba hue = controllerColor(gainer, scheme);
  if (scheme == Palette::Desk) return {hue.r, hue.g, hue.b, 255};
  const auto darker = [](std::uint8_t v) { return static_cast<std::uint8_t>(v * 55 / 100); };
  return {darker(hue.r), darker(hue.g), darker(hue.b), 255};
}

TimeLayerRenderer::TimeLayerRenderer()
    : fill_("fill"),
      line_("line"),
      marks_("dated_point"),
      placeCircles_("place_circle"),
      flows_("flow"),
      arrivals_("arrivals"),
      hatch_("hatch") {}

void TimeLayerRenderer::upload(const Timeline& timeline, const ControlAreas& areas,
                               const Displacement& displacement) {
  ++uploads_;
  // Every snapshot's areas in one buffer, every snapshot's front line in another.
  std::vector<FillVertex> fills;
  std::vector<LineInstance> lines;
  areaRanges_.clear();
  frontRanges_.clear();
  for (const ControlSnapshot& snap : areas.snapshots) {
    const auto first = static_cast<GLint>(fills.size());
    for (std::size_t t = 0; t < snap.triangleController.size(); ++t) {
      // The side, not its colour: the palette is chosen when drawing (fill.vert's u_sides).
      const auto side = static_cast<float>(snap.triangleController[t]);
      for (int k = 0; k < 3; ++k) {
        const Vec2 p = snap.triangles[3 * t + k];
        fills.push_back({static_cast<float>(p.x), static_cast<float>(p.y), Rgba{}, side,
                         snap.coverage[3 * t + k]});
      }
    }
    areaRanges_.push_back({first, static_cast<GLsizei>(fills.size() - first)});
    const auto firstLine = static_cast<GLint>(lines.size());
    for (const FrontSegment& s : snap.front)  // fading with the areas it separates
      lines.push_back({static_cast<float>(s.a.x), static_cast<float>(s.a.y),
                       static_cast<float>(s.b.x), static_cast<float>(s.b.y), palette::kFrontLine,
                       kFrontWidthPt, -1, s.coverageA, s.coverageB});
    frontRanges_.push_back({firstLine, static_cast<GLsizei>(lines.size() - firstLine)});
  }
  areaVao_ =
      fills.empty() ? gl::VertexArray() : makeVertexArray(fills.data(), fills.size(), areaBuffer_);
  uploadCells(areas);
  // A cell differs between two snapshots only where its locality changes hands at the second.
  const std::vector<Day>& dates = timeline.controlChangeDates();  // the snapshots' dates
  changeBoxes_.assign(areas.snapshots.size(), Box{});
  for (const ControlCell& cell : areas.cells)
    for (const ControlChange& change : timeline.localities.at(cell.locality).history) {
      const auto next = std::lower_bound(dates.begin(), dates.end(), change.date);
      const auto k = next - dates.begin();
      if (next == dates.begin() || next == dates.end() || *next != change.date ||
          static_cast<std::size_t>(k) > changeBoxes_.size())
        continue;
      for (const Vec2 p : cell.triangles)
        changeBoxes_[static_cast<std::size_t>(k) - 1].extend(p);
    }
  frontVao_ =
      lines.empty() ? gl::VertexArray() : makeVertexArray(lines.data(), lines.size(), frontBuffer_);

  std::vector<DatedMarkInstance> posts;
  for (std::size_t i = 0; i < timeline.posts.size(); ++i) {
    const ObservationPost& p = timeline.posts[i];
    if (!std::isfinite(p.position.x)) continue;
    // A post with no known establishment date is shown from the start of the data.
    posts.push_back({static_cast<float>(p.position.x),
                     static_cast<float>(p.position.y),
                     {shaderDay(p.established, -kNever), shaderDay(p.encircled, kNever),
                      shaderDay(p.withdrawn, kNever), 0},
                     rgb(0x0072b2),
                     13.0f,
                     static_cast<float>(i),
                     0});
  }
  posts_ = static_cast<GLsizei>(posts.size());
  postVao_ =
      posts.empty() ? gl::VertexArray() : makeVertexArray(posts.data(), posts.size(), postBuffer_);
  uploadEvents(timeline.events);
  uploadFlows(displacement, timeline.first(), timeline.last());
}

void TimeLayerRenderer::uploadCells(const ControlAreas& areas) {
  std::vector<FillVertex> vertices;
  cellRanges_.clear();
  for (const ControlCell& cell : areas.cells) {
    const auto first = static_cast<GLint>(vertices.size());
    for (const Vec2 p : cell.triangles)
      vertices.push_back({static_cast<float>(p.x), static_cast<float>(p.y), Rgba{}, 0, 1});
    cellRanges_.push_back({first, static_cast<GLsizei>(vertices.size() - first)});
  }
  cellVao_ = vertices.empty() ? gl::VertexArray()
                              : makeVertexArray(vertices.data(), vertices.size(), cellBuffer_);
}

void TimeLayerRenderer::uploadFlows(const Displacement& d, Day firstDay, Day lastDay) {
  ++uploads_;
  std::vector<FlowInstance> flows;
  flows.reserve(d.flows.size());
  for (std::size_t i = 0; i < d.flows.size(); ++i) {
    const DisplacementFlow& f = d.flows[i];
    flows.push_back({static_cast<float>(f.a.x), static_cast<float>(f.a.y),
                     static_cast<float>(f.b.x), static_cast<float>(f.b.y),
                     flowWidthPoints(f.people), static_cast<float>(f.start - kShaderEpoch),
                     static_cast<float>(f.end - kShaderEpoch), rgb(0x2166ac),
                     static_cast<float>(i)});
  }
  flows_count_ = static_cast<GLsizei>(flows.size());
  flowVao_ =
      flows.empty() ? gl::VertexArray() : makeVertexArray(flows.data(), flows.size(), flowBuffer_);

  // The running arrivals per destination and day, as a float texture the symbols read.
  std::vector<ArrivalInstance> symbols;
  for (std::size_t i = 0; i < d.destinations.size(); ++i)
    symbols.push_back({static_cast<float>(d.destinations[i].position.x),
                       static_cast<float>(d.destinations[i].position.y), static_cast<float>(i),
                       static_cast<float>(i)});
  destinations_ = static_cast<GLsizei>(symbols.size());
  arrivalVao_ = symbols.empty() ? gl::VertexArray()
                                : makeVertexArray(symbols.data(), symbols.size(), arrivalBuffer_);
  if (symbols.empty()) return;
  for (const auto& f : d.flows)
    firstDay = std::min(firstDay, f.start);
  GLint maxSize = 0;
  glGetIntegerv(GL_MAX_TEXTURE_SIZE, &maxSize);
  const int days = std::clamp(lastDay - firstDay + 1, 1, static_cast<int>(maxSize));
  arrivalFirstDay_ = firstDay;
  const std::vector<float> table = d.arrivalsTable(firstDay, days);
  arrivalTable_ = gl::makeTexture();
  glBindTexture(GL_TEXTURE_2D, arrivalTable_.id());
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_NEAREST);
  glPixelStorei(GL_UNPACK_ALIGNMENT, 4);
  glTexImage2D(GL_TEXTURE_2D, 0, GL_R32F, days, destinations_, 0, GL_RED, GL_FLOAT, table.data());

  // Legend circles nested on a shared bottom edge (offsets in points from the legend origin).
  std::vector<ArrivalInstance> circles;
  for (const long people : kLegendPeople)
    circles.push_back(
        {0,
         -static_cast<float>(kSymbolPointsPerRootPerson * std::sqrt(static_cast<double>(people))),
         -static_cast<float>(people), -1});
  legendVao_ = makeVertexArray(circles.data(), circles.size(), legendBuffer_);
}

void TimeLayerRenderer::drawFlows(const ViewTransform& v, const TimeFrame& f) {
  if (f.showArrivals && arrivalVao_) {
    setViewUniforms(arrivals_, v);
    glUniform1f(arrivals_.uniform("u_date"), static_cast<float>(f.date - kShaderEpoch));
    glUniform1f(arrivals_.uniform("u_firstDay"),
                static_cast<float>(arrivalFirstDay_ - kShaderEpoch));
    glUniform1f(arrivals_.uniform("u_radiusPerRootPerson"),
                static_cast<float>(kSymbolPointsPerRootPerson));
    glUniform1f(arrivals_.uniform("u_highlight"), static_cast<float>(f.highlightArrivals));
    glUniform1i(arrivals_.uniform("u_legend"), 0);
    glActiveTexture(GL_TEXTURE0);
    glBindTexture(GL_TEXTURE_2D, arrivalTable_.id());
    glUniform1i(arrivals_.uniform("u_arrivals"), 0);
    glBindVertexArray(arrivalVao_.id());
    glDrawArraysInstanced(GL_TRIANGLES, 0, 6, destinations_);
    ++drawCalls_;
  }
  const auto first = std::min(f.flowRange.first, static_cast<std::size_t>(flows_count_));
  const auto count = std::min(f.flowRange.second, static_cast<std::size_t>(flows_count_)) - first;
  if (!f.showFlows || !flowVao_ || count == 0) return;
  setViewUniforms(flows_, v);
  glUniform1f(flows_.uniform("u_date"), static_cast<float>(f.date - kShaderEpoch));
  glUniform1f(flows_.uniform("u_window"), static_cast<float>(f.windowDays));
  glUniform1f(flows_.uniform("u_highlight"), static_cast<float>(f.highlightFlow));
  glUniform1f(flows_.uniform("u_opacity"), 1);
  startInstancesAt<FlowInstance>(flowVao_, flowBuffer_, first);
  glDrawArraysInstanced(GL_TRIANGLE_STRIP, 0, 2 * (24 + 1),
                        static_cast<GLsizei>(count));  // see flow.vert.glsl
  ++drawCalls_;
}

void TimeLayerRenderer::drawArrivalLegend(const ViewTransform& v, Vec2 origin) {
  if (!arrivalTable_ || !legendVao_) return;
  setViewUniforms(arrivals_, v);
  glUniform1i(arrivals_.uniform("u_legend"), 1);
  glUniform2f(arrivals_.uniform("u_legendOrigin"), static_cast<float>(origin.x),
              static_cast<float>(origin.y));
  glUniform1f(arrivals_.uniform("u_highlight"), kNoHighlight);
  glUniform1f(arrivals_.uniform("u_radiusPerRootPerson"),
              static_cast<float>(kSymbolPointsPerRootPerson));
  glActiveTexture(GL_TEXTURE0);
  glBindTexture(GL_TEXTURE_2D, arrivalTable_.id());
  glBindVertexArray(legendVao_.id());
  glDrawArraysInstanced(GL_TRIANGLES, 0, 6, static_cast<GLsizei>(kLegendPeople.size()));
}

void TimeLayerRenderer::uploadEvents(const EventStore& events) {
  ++uploads_;
  std::vector<DatedMarkInstance> marks;
  marks.reserve(events.size());
  for (std::size_t i = 0; i < events.size(); ++i) {
    const EventRef e = events[i];
    const Vec2 position = e.position();
    const PlacePrecision place = e.place();
    marks.push_back(
        {static_cast<float>(position.x),
         static_cast<float>(position.y),
         {static_cast<float>(e.date() - kShaderEpoch), static_cast<float>(placeRadiusMetres(place)),
          e.precision() == DatePrecision::Day ? 0.0f : 1.0f, placeIsStandIn(place) ? 1.0f : 0.0f},
         eventColor(e.type()),
         eventSize(e),
         static_cast<float>(i),
         static_cast<float>(e.sourceIndex())});
  }
  events_ = static_cast<GLsizei>(marks.size());
  eventVao_ =
      marks.empty() ? gl::VertexArray() : makeVertexArray(marks.data(), marks.size(), eventBuffer_);
  std::vector<DatedMarkInstance> circles;
  circleDays_.clear();
  biggestCircleMetres_ = 0;
  for (const DatedMarkInstance& m : marks)
    if (m.dates[1] > 0) {
      circles.push_back(m);
      circleDays_.push_back(m.dates[0]);
      biggestCircleMetres_ = std::max(biggestCircleMetres_, static_cast<double>(m.dates[1]));
    }
  circleVao_ = circles.empty() ? gl::VertexArray()
                               : makeVertexArray(circles.data(), circles.size(), circleBuffer_);
}

void TimeLayerRenderer::drawAreas(const ViewTransform& v, const TimeFrame& f, Palette scheme) {
  drawCalls_ = 0;
  if (!f.showAreas || !f.snapshot || !areaVao_) return;
  setViewUniforms(fill_, v);
  for (int side = 0; side < kControllerCount; ++side) {
    const std::string name = "u_sides[" + std::to_string(side) + "]";
    setColorUniform(fill_, name.c_str(), controllerColor(static_cast<Controller>(side), scheme));
  }
  // Opaque over one ground: the legend's colour inside and outside every governorate.
  setColorUniform(fill_, "u_ground", palette::kAreaGround);
  glUniform1f(fill_.uniform("u_strength"), f.areasOpacity);
  glBindVertexArray(areaVao_.id());
  auto draw = [&](std::size_t s, float opacity) {
    if (s >= areaRanges_.size() || opacity <= 0 || f.areasOpacity <= 0) return;
    glUniform1f(fill_.uniform("u_opacity"), opacity);
    glDrawArrays(GL_TRIANGLES, areaRanges_[s].first, areaRanges_[s].count);
    ++drawCalls_;
  };
  // While playing towards the next change, the next snapshot fades in over the current one.
  draw(*f.snapshot, 1.0f);
  draw(*f.snapshot + 1, f.crossfade);
}

void TimeLayerRenderer::drawHatch(const ViewTransform& v, const std::vector<ChangedCell>& cells,
                                  Palette scheme, float uiScale) {
  if (cells.empty() || !cellVao_) return;
  setViewUniforms(hatch_, v);
  // Stripes 10 points apart along a row, 3.5 wide: a row of a dozen points crosses both a
  // stripe and the area between two.
  const float points = v.pixelRatio * std::max(uiScale, 1.0f);
  glUniform1f(hatch_.uniform("u_periodPx"), std::round(10 * points));
  glUniform1f(hatch_.uniform("u_stripePx"), std::round(3.5f * points));
  glBindVertexArray(cellVao_.id());
  for (const ChangedCell& c : cells) {
    if (c.cell >= cellRanges_.size() || cellRanges_[c.cell].count == 0) continue;
    setColorUniform(hatch_, "u_color", hatchColor(c.gainer, scheme));
    glDrawArrays(GL_TRIANGLES, cellRanges_[c.cell].first, cellRanges_[c.cell].count);
    ++drawCalls_;
  }
}

void TimeLayerRenderer::drawFront(const ViewTransform& v, const TimeFrame& f, Palette scheme) {
  if (!f.showFront || !f.snapshot || !frontVao_) return;
  setViewUniforms(line_, v);
  glUniform1f(line_.uniform("u_highlight"), kNoHighlight);
  auto draw = [&](std::size_t s, float opacity) {
    if (s >= frontRanges_.size() || opacity <= 0 || frontRanges_[s].count == 0) return;
    glUniform1f(line_.uniform("u_opacity"), opacity);
    startInstancesAt<LineInstance>(frontVao_, frontBuffer_,
                                   static_cast<std::size_t>(frontRanges_[s].first));
    glDrawArraysInstanced(GL_TRIANGLES, 0, 6, frontRanges_[s].count);
    ++drawCalls_;
  };
  const bool fading = f.crossfade > 0 && *f.snapshot + 1 < frontRanges_.size();
  // Desk: the uploaded red line. Projector: a white casing, then a heavy black line over it, so
  // the line reads on every side's colour however washed out the projector.
  namespace projector = palette::projector;
  struct Pass {
    float extraWidth, inkShare;
    Rgba ink;
  };
  const float extra = projector::kFrontWidthPt - kFrontWidthPt;
  const std::vector<Pass> passes =
      scheme == Palette::Desk
          ? std::vector<Pass>{{0, 0, {}}}
          : std::vector<Pass>{{extra + 2 * projector::kFrontCasingPt, 1, projector::kFrontCasing},
                              {extra, 1, projector::kFrontLine}};
  for (const Pass& pass : passes) {
    glUniform1f(line_.uniform("u_extraWidth"), pass.extraWidth);
    glUniform1f(line_.uniform("u_inkShare"), pass.inkShare);
    setColorUniform(line_, "u_ink", pass.ink);
    draw(*f.snapshot, fading ? 1.0f - f.crossfade : 1.0f);
    if (fading) draw(*f.snapshot + 1, f.crossfade);
  }
}

void TimeLayerRenderer::drawMarks(const ViewTransform& v, const TimeFrame& f) {
  setViewUniforms(marks_, v);
  glUniform1f(marks_.uniform("u_date"), static_cast<float>(f.date - kShaderEpoch));
  glUniform1f(marks_.uniform("u_window"), static_cast<float>(f.windowDays));
  if (f.showPosts && postVao_) {
    glUniform1i(marks_.uniform("u_mode"), 1);
    glUniform1f(marks_.uniform("u_opacity"), 1);
    glUniform1f(marks_.uniform("u_highlight"), static_cast<float>(f.highlightPost));
    glBindVertexArray(postVao_.id());
    glDrawArraysInstanced(GL_TRIANGLES, 0, 6, posts_);
    ++drawCalls_;
  }
  if (f.showEvents && eventVao_) {
    drawPlaceCircles(v, f);
    marks_.use();
    glUniform1i(marks_.uniform("u_mode"), 0);
    glUniform1f(marks_.uniform("u_opacity"), f.eventsOpacity);
    glUniform1f(marks_.uniform("u_highlight"), static_cast<float>(f.highlightEvent));
    glUniform1i(marks_.uniform("u_sourceRings"), f.eventSources.size() > 1 ? 1 : 0);
    glUniform1ui(marks_.uniform("u_hiddenSources"), f.hiddenEventSources);
    for (std::size_t i = 0; i < kEventSourceColors.size(); ++i)
      setColorUniform(marks_, ("u_sourceColors[" + std::to_string(i) + "]").c_str(),
                      kEventSourceColors[i]);
    // Events are stored by date: draw only the run inside the time window (found by binary
    // search on the CPU); the shader fades each by its age.
    const auto first = std::min(f.eventRange.first, static_cast<std::size_t>(events_));
    const auto count = std::min(f.eventRange.second, static_cast<std::size_t>(events_)) - first;
    if (count > 0) {
      startInstancesAt<DatedMarkInstance>(eventVao_, eventBuffer_, first);
      glDrawArraysInstanced(GL_TRIANGLES, 0, 6, static_cast<GLsizei>(count));
      ++drawCalls_;
    }
  }
}

Box TimeLayerRenderer::changeAfter(std::size_t snapshot) const {
  return snapshot < changeBoxes_.size() ? changeBoxes_[snapshot] : Box{};
}

void TimeLayerRenderer::drawPlaceCircles(const ViewTransform& v, const TimeFrame& f) {
  if (!circleVao_) return;
  // The events' window as days (the shader decides each one's fade, as dated_point's does).
  const auto date = static_cast<float>(f.date - kShaderEpoch);
  const float window = std::max(static_cast<float>(f.windowDays), 1.0f);
  const auto first = std::lower_bound(circleDays_.begin(), circleDays_.end(), date - window - 1);
  const auto last = std::upper_bound(first, circleDays_.end(), date + 1);
  if (first == last) return;
  // Sides enough that a side strays under 2 pixels from the biggest circle (clamped as a double:
  // a view zoomed far in asks for more than an int holds).
  const double reachPx = biggestCircleMetres_ * v.scaleX * 0.5 * v.viewportW;
  const double wanted = reachPx > 2 ? std::ceil(M_PI / std::acos(1 - 2 / reachPx)) : 8;
  const int sides = static_cast<int>(std::clamp(wanted, 8.0, 128.0));
  setViewUniforms(placeCircles_, v);
  glUniform1f(placeCircles_.uniform("u_date"), date);
  glUniform1f(placeCircles_.uniform("u_window"), static_cast<float>(f.windowDays));
  glUniform1f(placeCircles_.uniform("u_opacity"), f.eventsOpacity);
  glUniform1ui(placeCircles_.uniform("u_hiddenSources"), f.hiddenEventSources);
  glUniform1i(placeCircles_.uniform("u_segments"), sides);
  startInstancesAt<DatedMarkInstance>(circleVao_, circleBuffer_,
                                      static_cast<std::size_t>(first - circleDays_.begin()));
  glDrawArraysInstanced(GL_TRIANGLE_STRIP, 0, 2 * (sides + 1), static_cast<GLsizei>(last - first));
  ++drawCalls_;
}

}  // namespace idlib
