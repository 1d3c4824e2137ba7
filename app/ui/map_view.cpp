#include "ui/map_view.hpp"

#include <SDL_scancode.h>
#include <fmt/format.h>
#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <filesystem>

#include "core/accepted_events.hpp"
#include "core/control_stats.hpp"
#include "core/date.hpp"
#include "core/event_source_key.hpp"
#include "core/format.hpp"
#include "core/place_report.hpp"
#include "core/style.hpp"
#include "core/text_safety.hpp"
#include "core/utf8_text.hpp"
#include "core/visual_text.hpp"

namespace idlib {
namespace {

std::string degrees(LonLat p) {
  return fmt::format("{:.4f}°{} {:.4f}°{}", std::abs(p.lat), p.lat >= 0 ? 'N' : 'S',
                     std::abs(p.lon), p.lon >= 0 ? 'E' : 'W');
}

std::string governorateOf(const Feature& f) {
  for (const char* field : {"governorate", "admin1_name", "admin"})
    if (const std::string* v = f.attribute(field)) return *v;
  return {};
}

// Where a dated mark comes from: the same three lines under every kind of mark. A tooltip cites
// it as a reader would; the file and line it was read from are for the Details panel (`full`).
void provenanceLines(const Provenance& p, bool full) {
  ImGui::Separator();
  if (full) {
    ImGui::TextDisabled("Source (%s line %d):", p.file.c_str(), p.line);
    ImGui::TextUnformatted(p.source.c_str());
  } else {
    ImGui::TextDisabled("Source:");
    ImGui::TextUnformatted(citationFor(p.source).c_str());
  }
  if (!p.confidence.empty()) ImGui::TextDisabled("Confidence: %s", p.confidence.c_str());
}

// Where a mark's description wraps: a tooltip at a readable width, the Details panel at its edge.
// "Saraqib, Saraqeb, Idlib, Idlib (760)": the place and its districts as ACLED names them
// (admin3, admin2, admin1; repeats left out) and the country's ISO number.
std::string eventPlaceLine(const Event& e) {
  std::vector<const std::string*> parts;
  for (const std::string* part : {&e.location, &e.admin3, &e.admin2, &e.admin1})
    if (!part->empty() &&
        std::none_of(parts.begin(), parts.end(), [&](const std::string* p) { return *p == *part; }))
      parts.push_back(part);
  std::string line;
  for (const std::string* part : parts)
    line += (line.empty() ? "" : ", ") + *part;
  if (!e.iso.empty()) line += " (" + e.iso + ")";
  return line;
}

float wrapAt(bool full) {
  return full ? 0.f : ImGui::GetFontSize() * 28;
}

// At most `bytes` of `text`, cut between characters, "…" where cut: a legend stays narrow.
std::string shortened(const std::string& text, std::size_t bytes = 40) {
  if (text.size() <= bytes) return text;
  std::size_t end = 0;
  while (end < bytes - 3) {
    const std::size_t n = utf8SequenceLength(std::string_view(text).substr(end));
    if (n == 0 || end + n > bytes - 3) break;
    end += n;
  }
  return text.substr(0, end) + "…";
}

// A user layer's legend rows (as drawn: the fill's opacity and the layer's) and its labels.
void addUserLayer(FrameDescription& frame, const LayerEntry& e) {
  const Layer& layer = e.layer;
  LayerLegend legend{visualOrder(shortened(layer.title)), "●", {}};
  if (!layer.fills.vertices.empty())
    legend.symbol.clear();
  else if (layer.pointFeatures.empty())
    legend.symbol = "━";
  const float alpha = (legend.symbol.empty() ? layer.symbology.fillOpacity : 1.f) * e.opacity;
  for (LegendEntry row : layer.legend) {
    row.label = visualOrder(shortened(row.label));
    row.colour.a = static_cast<std::uint8_t>(std::lround(std::clamp(alpha, 0.f, 1.f) * 255));
    legend.entries.push_back(std::move(row));
  }
  frame.layerLegends.push_back(std::move(legend));
  const std::string& field = layer.symbology.labelField;
  if (field.empty()) return;
  // The analyst asked for these: they win over the towns' labels where both would overlap.
  constexpr double kUserLabelPriority = 1e9;
  for (const Feature& f : layer.features)
    if (const std::string* text = f.attribute(field); text && !trim(*text).empty())
      frame.labels.push_back({visualOrder(shortened(std::string(trim(*text)))), f.anchor,
                              kUserLabelPriority, 12.f,
                              f.triangleVertexCount > 0 ? 0.f : f.markerSizePx / 2});
}

// The area of control under the pointer and the nearest locality's say, as a click shows in full.
void areaTooltip(const AppState& state, LonLat where, Vec2 world) {
  if (!state.timelineLoaded || !state.timeLayers.areas) return;
  const Day date = static_cast<Day>(std::floor(state.playback.date));
  const PlaceReport r = placeReport(state.timeline, state.controlAreas, where, world, date, 0);
  if (!r.controller) return;
  ImGui::Text("Held by: %s", std::string(controllerLongName(*r.controller)).c_str());
  if (r.nearest && r.nearestKm <= kControlReachMetres / 1000)
    if (const ControlChange* c = r.nearest->changeAt(date)) {
      ImGui::PushTextWrapPos(wrapAt(false));  // a citation can be long: the tooltip stays narrow
      ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
      ImGui::TextWrapped("%s, %.1f km: %s", r.nearest->name.c_str(), r.nearestKm,
                         describeControl(*c).c_str());
      ImGui::TextWrapped("%s", citationFor(c->provenance.source).c_str());
      ImGui::PopStyleColor();
      ImGui::PopTextWrapPos();
    }
}

// The dated layers at `at`'s date, as the state's switches show them; the pointer's picks only
// where the analyst looks at the frame's own date.
TimeFrame datedLayers(const AppState& state, const Playback& at, bool pointer) {
  TimeFrame t;
  t.date = at.date;
  t.windowDays = at.windowDays;
  const SnapshotBlend blend = snapshotBlend(state.timeline, at);
  t.snapshot = blend.snapshot;
  t.crossfade = blend.crossfade;
  t.showAreas = state.timeLayers.areas;
  t.showFront = state.timeLayers.front;
  t.showPosts = state.timeLayers.posts;
  t.showEvents = state.timeLayers.events;
  t.areasOpacity = state.timeLayers.areasOpacity;
  t.eventsOpacity = state.timeLayers.eventsOpacity;
  t.eventSources = state.eventList.sources;
  t.hiddenEventSources = hiddenSourceBits(state.timeLayers.hiddenEventSources);
  t.showFlows = state.timeLayers.flows;
  t.showArrivals = state.timeLayers.arrivals;
  t.flowRange = state.displacement.flowsThatMayShow(t.date, t.windowDays);
  t.eventRange = state.timeline.eventsBetween(
      static_cast<Day>(std::floor(t.date - std::max(1.0, t.windowDays))),
      static_cast<Day>(std::floor(t.date)));
  if (state.cueEvent) t.highlightEvent = static_cast<int>(*state.cueEvent);
  // The cue's event is the story's emphasis: the audience sees it; the pointer's picks it does
  // not.
  for (const DatedPick* pick : {&state.hoveredMark, &state.selectedMark}) {
    if (!pointer) break;
    if (pick->kind == DatedPick::Kind::Event) t.highlightEvent = static_cast<int>(pick->index);
    if (pick->kind == DatedPick::Kind::Post) t.highlightPost = static_cast<int>(pick->index);
    if (pick->kind == DatedPick::Kind::Flow) t.highlightFlow = static_cast<int>(pick->index);
    if (pick->kind == DatedPick::Kind::Arrivals)
      t.highlightArrivals = static_cast<int>(pick->index);
  }
  return t;
}

// Date A beside the slider's date B: A's layers (still, with no highlight: the picks and the
// cue's event belong to B), and for the change map the cells that changed hands since A.
ComparisonFrame comparisonFrame(const AppState& state, const Comparison& c) {
  ComparisonFrame out;
  out.mode = c.mode;
  out.swipe = c.swipe;
  out.beforeText = formatDateLong(c.before);
  Playback at = state.playback;
  at.date = c.before;
  at.playing = false;
  out.before = datedLayers(state, at, false);
  out.before.highlightEvent = -1;
  if (c.mode != CompareMode::Change) return out;
  const Day b = static_cast<Day>(std::floor(state.playback.date));
  for (const HandChange& h : changedHands(state.timeline, c.before, b)) {
    const auto& cells = state.controlAreas.cellOfLocality;
    // A locality sharing its position with another has no cell of its own: that one's speaks.
    if (h.locality < cells.size() && cells[h.locality] >= 0)
      out.changed.push_back({static_cast<std::uint32_t>(cells[h.locality]), h.after});
  }
  return out;
}

}  // namespace

Viewer viewerOf(const AppState& state) {
  return state.presenting ? Viewer::Audience : Viewer::Analyst;
}

FrameDescription describeFrame(const AppState& state, const View& view, const Viewport& viewport,
                               float pixelRatio, Viewer viewer) {
  const bool pointer = viewer == Viewer::Analyst;
  FrameDescription frame;
  frame.view = view;
  frame.viewport = viewport;
  frame.pixelRatio = pixelRatio;
  // Web Mercator and Equal Earth stretch with latitude: the scale bar holds at the centre. The
  // local plane is true to scale around Idlib as it is.
  if (state.plane != MapPlane::Local)
    frame.planeScale = planeScaleAt(state.projection, view.centre);
  frame.attribution = state.attribution();
  frame.date = state.playback.date;
  frame.windowDays = state.playback.windowDays;
  for (std::size_t i = 0; i < state.layers.size(); ++i) {
    const LayerEntry& e = state.layers[i];
    if (!e.visible || e.opacity <= 0.f || !shownAtScale(e.layer.role, view.metresPerPoint))
      continue;
    int highlight = -1;
    if (pointer && state.selected && state.selected->layer == i)
      highlight = static_cast<int>(state.selected->feature);
    else if (pointer && state.hovered && state.hovered->layer == i)
      highlight = static_cast<int>(state.hovered->feature);
    frame.layers.push_back({&e.layer, e.opacity, highlight});
    if (e.layer.role == LayerRole::Generic) addUserLayer(frame, e);
    if (e.layer.role != LayerRole::Towns && e.layer.role != LayerRole::Villages) continue;
    // Small towns are labelled only when zoomed in far enough for them to matter; villages
    // (drawn only then) give way to any town, then to bigger villages.
    const bool villages = e.layer.role == LayerRole::Villages;
    const double minimumPopulation = frame.view.metresPerPoint > 600   ? 20000
                                     : frame.view.metresPerPoint > 250 ? 5000
                                                                       : 0;
    const Box shown = visibleWorld(view, viewport);
    for (const std::uint32_t f : e.layer.pointFeatures) {
      const Feature& feature = e.layer.features[f];
      if (feature.rank < minimumPopulation || (villages && !shown.contains(feature.anchor)))
        continue;
      const float size = villages                ? 11.f
                         : feature.rank >= 40000 ? 15.f
                         : feature.rank >= 10000 ? 13.f
                                                 : 11.5f;
      const double priority = villages ? -1e7 + feature.rank : feature.rank;
      frame.labels.push_back(
          {feature.name, feature.anchor, priority, size, feature.markerSizePx / 2});
    }
  }
  if (state.timelineLoaded) {
    frame.time = datedLayers(state, state.playback, pointer);
    frame.dateText = formatDateLong(static_cast<Day>(std::floor(state.playback.date)));
    frame.subtitle = displacedSubtitle(state.displacement, state.playback.date);
    if (state.comparison.mode != CompareMode::Off)
      frame.comparison = comparisonFrame(state, state.comparison);
  }
  if (const auto cue = state.presenter ? state.presenter->captionCue() : std::nullopt)
    frame.caption = state.presenter->story().cues[*cue].caption;
  frame.uiScale = state.uiScale;
  frame.highContrast = state.highContrast;
  frame.black = state.presenting && state.blackScreen;
  return frame;
}

std::string displacedSubtitle(const Displacement& d, double day) {
  const auto start = d.seriesStart();
  if (!start || d.series().empty() || day < *start) return {};
  // Shown through the offensive and for two months after the series' last figure.
  if (day > d.figures[d.series().back()].date + 60) return {};
  return fmt::format("{} people displaced since {} (UN count)",
                     withThousands(std::llround(d.cumulativeAt(day) / 1000) * 1000),
                     formatDateLong(*start));
}

DatedPick pickDatedMark(const AppState& state, Vec2 screen) {
  if (!state.timelineLoaded) return {};
  const View& v = state.camera.view();
  const Viewport& vp = state.camera.viewport();
  const Day today = static_cast<Day>(std::floor(state.playback.date));
  auto near = [&](Vec2 world, double radius) {
    return length(worldToScreen(v, vp, world) - screen) <= radius;
  };
  if (state.timeLayers.posts)
    for (std::size_t i = 0; i < state.timeline.posts.size(); ++i) {
      const ObservationPost& p = state.timeline.posts[i];
      if (std::isfinite(p.position.x) && p.statusAt(today) != PostStatus::NotYetEstablished &&
          near(p.position, 9))
        return {DatedPick::Kind::Post, i};
    }
  if (state.timeLayers.events) {
    // Only the events on the map now: a binary search, then the few in the window.
    const auto [first, last] = state.timeline.eventsBetween(
        static_cast<Day>(std::ceil(state.playback.date - std::max(1.0, state.playback.windowDays))),
        today);
    for (std::size_t i = last; i-- > first;) {
      const EventRef e = state.timeline.events[i];
      if (isHidden(state.timeLayers.hiddenEventSources, e.sourceIndex())) continue;
      // A province-wide event is drawn as its circle, without a dot: picked on the circle.
      const double rim = placeRadiusMetres(e.place()) / v.metresPerPoint;
      const bool hit =
          placeIsStandIn(e.place())
              ? rim > 0 && std::abs(length(worldToScreen(v, vp, e.position()) - screen) - rim) <= 4
              : near(e.position(), eventSize(e) / 2 + 3);
      if (hit) return {DatedPick::Kind::Event, i};
    }
  }
  const Displacement& d = state.displacement;
  if (state.timeLayers.arrivals)
    for (std::size_t i = 0; i < d.destinations.size(); ++i) {
      const double people = d.arrivalsAt(i, state.playback.date);
      const double radius = kSymbolPointsPerRootPerson * std::sqrt(people);
      if (people >= 1 && near(d.destinations[i].position, std::max(radius, 4.0)))
        return {DatedPick::Kind::Arrivals, i};
    }
  if (state.timeLayers.flows) {
    // The same curve the shader draws, sampled in screen space.
    const auto [first, last] = d.flowsThatMayShow(state.playback.date, state.playback.windowDays);
    for (std::size_t i = last; i-- > first;) {
      const DisplacementFlow& f = d.flows[i];
      if (!Displacement::flowVisible(f, state.playback.date, state.playback.windowDays)) continue;
      const Vec2 p0 = worldToScreen(v, vp, f.a), p2 = worldToScreen(v, vp, f.b), chord = p2 - p0;
      // Screen y points down, the shader's up: the bulge's normal flips sign.
      const Vec2 p1 = (p0 + p2) * 0.5 + Vec2{chord.y, -chord.x} * 0.22;
      const double reach = std::max(4.0, flowWidthPoints(f.people) / 2.0 + 2);
      for (int k = 0; k <= 48; ++k) {
        const double t = k / 48.0;
        const Vec2 p = p0 * ((1 - t) * (1 - t)) + p1 * (2 * t * (1 - t)) + p2 * (t * t);
        if (length(p - screen) <= reach) return {DatedPick::Kind::Flow, i};
      }
    }
  }
  if (state.timeLayers.front) {
    if (const auto s = snapshotBlend(state.timeline, state.playback).snapshot;
        s && *s < state.controlAreas.snapshots.size()) {
      const auto& front = state.controlAreas.snapshots[*s].front;
      const Vec2 world = screenToWorld(v, vp, screen);
      const double reach = 5 * v.metresPerPoint;
      for (std::size_t i = 0; i < front.size(); ++i) {
        const Vec2 ab = front[i].b - front[i].a;
        const double len2 = ab.x * ab.x + ab.y * ab.y;
        const double t =
            len2 > 0
                ? std::clamp(
                      ((world.x - front[i].a.x) * ab.x + (world.y - front[i].a.y) * ab.y) / len2,
                      0.0, 1.0)
                : 0;
        if (length(world - (front[i].a + ab * t)) <= reach) return {DatedPick::Kind::Front, i};
      }
    }
  }
  return {};
}

namespace {

// The words of the analyst's article an event rests on (accepted from it) or that also report
// it (merged with it in the Articles panel), read again from the article file.
void articleWordsLines(const AppState& state, const Event& e) {
  auto quote = [](const ArticleSpanRef& ref) {
    const ArticleWords words = readArticleWords(ref);
    ImGui::TextDisabled("%s", std::filesystem::path(ref.article).filename().string().c_str());
    if (words.problem.empty())
      ImGui::TextWrapped("\"%s\"", escapeControlCharacters(words.words).c_str());
    else
      ImGui::TextColored({0.75f, 0.1f, 0.1f, 1}, "%s", words.problem.c_str());
  };
  // Only the analyst's own accepted events point into files this way: a table from elsewhere
  // cannot make the panel read any file it names.
  if (state.acceptedEventsFile.empty()) return;
  std::error_code ec;
  const bool accepted =
      std::filesystem::equivalent(e.provenance.file, state.acceptedEventsFile, ec);
  if (const auto ref = accepted ? parseArticleSpanSource(e.provenance.source) : std::nullopt) {
    ImGui::TextDisabled("The article's words:");
    quote(*ref);
  }
  for (const Decision& d : state.articleDecisions)
    if (d.verdict == Verdict::Merged && d.eventId == e.id) {
      ImGui::TextDisabled("Also reported (merged in the Articles panel):");
      quote({d.article, d.start, d.end});
    }
}

}  // namespace

void describeDatedMark(const AppState& state, const DatedPick& pick, bool full) {
  const Day today = static_cast<Day>(std::floor(state.playback.date));
  if (pick.kind == DatedPick::Kind::Event) {
    const Event e = state.timeline.events[pick.index].toEvent();
    ImGui::Text("%s — %s", formatDate(e.date).c_str(), visualOrder(e.type).c_str());
    ImGui::TextDisabled("%s", visualOrder(eventPlaceLine(e)).c_str());
    ImGui::TextDisabled("Place: %s. Date: %s.", std::string(placePrecisionWords(e.place)).c_str(),
                        std::string(datePrecisionWords(e.precision)).c_str());
    if (!e.actor1.empty())
      ImGui::Text("%s",
                  visualOrder(e.actor1 + (e.actor2.empty() ? "" : "  vs  ") + e.actor2).c_str());
    if (e.fatalities) ImGui::Text("Killed: %ld", *e.fatalities);
    if (e.displaced) ImGui::Text("Displaced: %ld", *e.displaced);
    if (e.attacks) ImGui::Text("Attacks: %ld", *e.attacks);
    ImGui::PushTextWrapPos(wrapAt(full));
    if (full && !(e.assocActor1.empty() && e.assocActor2.empty()))
      ImGui::TextDisabled(
          "With: %s", visualOrder(e.assocActor1 +
                                  (e.assocActor1.empty() || e.assocActor2.empty() ? "" : "  vs  ") +
                                  e.assocActor2)
                          .c_str());
    ImGui::TextUnformatted(visualOrder(e.notes).c_str());
    if (full && !e.dateBasis.empty()) ImGui::TextDisabled("Date: %s", e.dateBasis.c_str());
    if (full && e.timestamp)
      ImGui::TextDisabled("Recorded: %s (timestamp %lld)",
                          formatDate(static_cast<Day>(std::floor(*e.timestamp / 86400.0))).c_str(),
                          *e.timestamp);
    provenanceLines(e.provenance, full);
    if (full) articleWordsLines(state, e);
    ImGui::PopTextWrapPos();
  } else if (pick.kind == DatedPick::Kind::Post) {
    const ObservationPost& p = state.timeline.posts[pick.index];
    ImGui::Text("Turkish observation post %s%s",
                p.number.empty() ? "" : ("no. " + p.number + ": ").c_str(), p.name.c_str());
    ImGui::Text("On %s: %s", formatDate(today).c_str(),
                std::string(postStatusName(p.statusAt(today))).c_str());
    auto line = [](const char* what, const std::optional<Day>& d, DatePrecision prec) {
      ImGui::TextDisabled("%s: %s%s", what, d ? formatDate(*d).c_str() : "not recorded",
                          d && prec != DatePrecision::Day
                              ? (" (" + std::string(precisionName(prec)) + ")").c_str()
                              : "");
    };
    line("Established", p.established, p.establishedPrecision);
    line("Encircled", p.encircled, p.encircledPrecision);
    line("Withdrawn", p.withdrawn, p.withdrawnPrecision);
    ImGui::PushTextWrapPos(wrapAt(full));
    if (full) ImGui::TextUnformatted(p.notes.c_str());
    if (full) ImGui::TextDisabled("Position: %s", p.locationNote.c_str());
    provenanceLines(p.provenance, full);
    ImGui::PopTextWrapPos();
  } else if (pick.kind == DatedPick::Kind::Flow) {
    const DisplacementFlow& f = state.displacement.flows[pick.index];
    ImGui::Text("%s people displaced", withThousands(f.people).c_str());
    ImGui::Text("%s  to  %s", formatDate(f.start).c_str(), formatDate(f.end).c_str());
    ImGui::PushTextWrapPos(wrapAt(full));
    ImGui::Text("From: %s", f.origin.c_str());
    ImGui::Text("To: %s", f.destination.c_str());
    if (full || !f.inTotals) ImGui::TextDisabled("%s", f.notes.c_str());
    provenanceLines(f.provenance, full);
    ImGui::PopTextWrapPos();
  } else if (pick.kind == DatedPick::Kind::Arrivals) {
    const Displacement& d = state.displacement;
    const Destination& dest = d.destinations[pick.index];
    ImGui::PushTextWrapPos(wrapAt(full));
    ImGui::Text("%s", dest.name.c_str());
    ImGui::Text("%s people arrived by %s",
                withThousands(std::llround(d.arrivalsAt(pick.index, state.playback.date))).c_str(),
                formatDate(today).c_str());
    ImGui::TextDisabled(
        "Sum of the counted flows ending here, each spread evenly over its period:");
    for (const DisplacementFlow& f : d.flows)
      if (f.destinationIndex == pick.index && f.inTotals) {
        const std::string source =
            full ? fmt::format("{} line {}", f.provenance.file, f.provenance.line)
                 : citationFor(f.provenance.source);
        ImGui::BulletText("%s: %s, %s to %s (%s)", f.id.c_str(), withThousands(f.people).c_str(),
                          formatDate(f.start).c_str(), formatDate(f.end).c_str(), source.c_str());
      }
    ImGui::PopTextWrapPos();
  } else if (pick.kind == DatedPick::Kind::Front) {
    const auto s = snapshotBlend(state.timeline, state.playback).snapshot;
    if (!s) return;
    const FrontSegment& seg = state.controlAreas.snapshots[*s].front[pick.index];
    ImGui::TextUnformatted("Front line");
    ImGui::TextDisabled("Between the areas around these localities:");
    ImGui::PushTextWrapPos(wrapAt(full));
    for (const std::uint32_t l : {seg.localityA, seg.localityB}) {
      const Locality& loc = state.timeline.localities[l];
      const ControlChange* c = loc.changeAt(today);
      if (!c) continue;
      ImGui::Text("%s: %s", loc.name.c_str(), describeControl(*c).c_str());
      if (full)
        ImGui::TextDisabled("%s line %d: %s", c->provenance.file.c_str(), c->provenance.line,
                            c->provenance.source.c_str());
      else
        ImGui::TextDisabled("%s", citationFor(c->provenance.source).c_str());
    }
    ImGui::PopTextWrapPos();
  }
}

void focusFeature(AppState& state, const FeatureRef& ref) {
  const Feature* f = state.feature(ref);
  if (!f) return;
  state.selected = ref;
  View target = state.camera.view();
  target.centre = f->anchor;
  if (f->bounds.width() > 0 || f->bounds.height() > 0) {
    target = fitting(f->bounds, state.camera.viewport(), 60);
  } else {
    target.metresPerPoint = std::min(target.metresPerPoint, metresPerPointAtZoom(11));
  }
  state.camera.flyTo(target);
}

void updateMapInteraction(AppState& state) {
  ImGuiIO& io = ImGui::GetIO();
  const Vec2 mouse{io.MousePos.x, io.MousePos.y};
  const bool mouseOnMap = !io.WantCaptureMouse && ImGui::IsMousePosValid();

  if (mouseOnMap) {
    if (ImGui::IsMouseDragging(ImGuiMouseButton_Left, 2.0f))
      state.camera.pan({io.MouseDelta.x, io.MouseDelta.y});
    if (io.MouseWheel != 0) state.camera.zoomSmoothly(mouse, std::pow(1.25, io.MouseWheel));
    if (ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left)) state.camera.zoomSmoothly(mouse, 2.0);
  }
  // The audience sees no pointer state: while presenting nothing is hovered, nothing tooltipped.
  if (mouseOnMap && !state.presenting) {
    state.hoveredMark = pickDatedMark(state, mouse);
    state.hovered = state.hoveredMark.kind == DatedPick::Kind::None
                        ? pickFeature(state.visibleLayers(), state.camera.view(),
                                      state.camera.viewport(), mouse)
                        : std::nullopt;
    if (ImGui::IsMouseReleased(ImGuiMouseButton_Left) &&
        ImGui::GetMouseDragDelta(ImGuiMouseButton_Left, 2.0f).x == 0 &&
        ImGui::GetMouseDragDelta(ImGuiMouseButton_Left, 2.0f).y == 0) {
      state.selected = state.hovered;
      state.selectedMark = state.hoveredMark;
      // Anywhere else, the Details panel says what was there at the slider's date.
      if (state.hoveredMark.kind == DatedPick::Kind::None && state.timelineLoaded)
        state.selectedPlace = state.projection.inverseLonLat(
            screenToWorld(state.camera.view(), state.camera.viewport(), mouse));
      else
        state.selectedPlace.reset();
    }
  } else {
    state.hovered.reset();
    state.hoveredMark = {};
  }

  // Held keys pan smoothly; taps (zoom, steps in time) come as events through mapKey.
  if (!io.WantCaptureKeyboard && !state.presenting) {
    const float step = 400.0f * io.DeltaTime;  // points per second of holding a key
    if (ImGui::IsKeyDown(SDL_SCANCODE_A)) state.camera.pan({step, 0});
    if (ImGui::IsKeyDown(SDL_SCANCODE_D)) state.camera.pan({-step, 0});
    if (ImGui::IsKeyDown(SDL_SCANCODE_UP) || ImGui::IsKeyDown(SDL_SCANCODE_W))
      state.camera.pan({0, step});
    if (ImGui::IsKeyDown(SDL_SCANCODE_DOWN) || ImGui::IsKeyDown(SDL_SCANCODE_S))
      state.camera.pan({0, -step});
  }

  if (state.hoveredMark.kind != DatedPick::Kind::None) {
    ImGui::BeginTooltip();
    describeDatedMark(state, state.hoveredMark, false);
    ImGui::EndTooltip();
  } else if (mouseOnMap && !state.presenting) {
    const Vec2 world = screenToWorld(state.camera.view(), state.camera.viewport(), mouse);
    const LonLat where = state.projection.inverseLonLat(world);
    ImGui::BeginTooltip();
    if (const Feature* f = state.hovered ? state.feature(*state.hovered) : nullptr) {
      ImGui::TextUnformatted(visualOrder(f->name).c_str());
      if (const std::string gov = governorateOf(*f); !gov.empty())
        ImGui::TextDisabled("%s", gov.c_str());
    }
    ImGui::TextDisabled("%s", degrees(where).c_str());
    areaTooltip(state, where, world);
    ImGui::EndTooltip();
  }
}

bool mapKey(AppState& state, const SDL_KeyboardEvent& event) {
  const SDL_Keysym& key = event.keysym;
  const bool ctrl = key.mod & KMOD_CTRL, shift = key.mod & KMOD_SHIFT;
  if (ctrl && key.sym == SDLK_f) return state.focusSearch = true;
  if (ctrl || state.presenting) return false;
  const Viewport& vp = state.camera.viewport();
  const Vec2 centre{vp.width / 2, vp.height / 2};
  switch (key.sym) {
    case SDLK_EQUALS:
    case SDLK_PLUS:
    case SDLK_KP_PLUS:
      state.camera.zoomSmoothly(centre, 2.0);
      return true;
    case SDLK_MINUS:
    case SDLK_KP_MINUS:
      state.camera.zoomSmoothly(centre, 0.5);
      return true;
    case SDLK_h:
      state.camera.flyTo(idlibHomeView(vp, state.plane));
      return true;
    case SDLK_ESCAPE:
      state.selected.reset();
      state.selectedMark = {};
      state.selectedPlace.reset();
      return true;
    default:
      break;
  }
  if (!state.timelineLoaded) return false;
  Playback& p = state.playback;
  const Timeline& t = state.timeline;
  switch (key.sym) {
    case SDLK_SPACE:
      if (!event.repeat) p.playing = !p.playing;  // holding Space is one toggle
      return true;
    case SDLK_RIGHT:
      if (!shift)
        p.stepToNextEvent(t);
      else if (const auto i = state.displacement.nextFigure(p.date))
        p.jumpTo(state.displacement.figures[*i].date, t);
      return true;
    case SDLK_LEFT:
      if (!shift)
        p.stepToPreviousEvent(t);
      else if (const auto i = state.displacement.previousFigure(std::ceil(p.date)))
        p.jumpTo(state.displacement.figures[*i].date, t);
      return true;
    case SDLK_HOME:
      p.jumpTo(t.first(), t);
      return true;
    case SDLK_END:
      p.jumpTo(t.last(), t);
      return true;
    default:
      return false;
  }
}

}  // namespace idlib
