// The timeline, docked at the bottom: transport controls, speed, time window and a typed date;
// a chart of people displaced; a track of the land each side held; and a strip with the events
// and control changes. The three share one time axis, which the wheel zooms; a shift-drag on any
// of them picks two dates to compare, whose controls sit at their left.
#include <SDL_scancode.h>
#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <array>
#include <cmath>

#include "core/compare_controls.hpp"
#include "core/date.hpp"
#include "core/format.hpp"
#include "core/style.hpp"
#include "core/time_axis.hpp"
#include "ui/panels/panels.hpp"

namespace idlib::panels {
namespace {

struct Speed {
  const char* label;
  double daysPerSecond;
};
constexpr std::array<Speed, 5> kSpeeds = {
    {{"1 day/s", 1}, {"3 days/s", 3}, {"1 week/s", 7}, {"2 weeks/s", 14}, {"1 month/s", 30}}};

// The panel's time axis: the part of the span on screen, mapped to a pixel range.
struct Axis {
  double from, to;
  float left, width;
  float x(double day) const {
    return left + static_cast<float>((day - from) / (to - from)) * width;
  }
  double day(float px) const {
    return from + std::clamp((px - left) / width, 0.f, 1.f) * (to - from);
  }
};

// Scrubbing, zooming and picking a range to compare (a drag with Shift held), shared by the
// chart, the control track and the strip.
void handleAxisInput(AppState& state, TimelinePanelState& panel, const Axis& axis) {
  const ImGuiIO& io = ImGui::GetIO();
  if (ImGui::IsItemActivated() && io.KeyShift) panel.rangeStart = axis.day(io.MousePos.x);
  if (ImGui::IsItemActive() && !panel.rangeStart) {
    state.playback.playing = false;
    state.playback.jumpTo(std::round(axis.day(io.MousePos.x)), state.timeline);
  }
  if (ImGui::IsItemDeactivated() && panel.rangeStart) {
    if (const auto range = rangeOfDrag(*panel.rangeStart, axis.day(io.MousePos.x))) {
      compareRange(state.comparison, *range);
      state.playback.playing = false;
      state.playback.jumpTo(range->b, state.timeline);
    }
    panel.rangeStart.reset();
  }
  if (ImGui::IsItemHovered() && io.MouseWheel != 0) {
    const double anchor = axis.day(io.MousePos.x), factor = std::pow(0.8, io.MouseWheel);
    const double first = state.timeline.first(), last = state.timeline.last();
    double from = anchor - (anchor - axis.from) * factor, to = anchor + (axis.to - anchor) * factor;
    if (to - from < 14) return;  // two weeks at least
    if (from < first) to += first - from, from = first;
    if (to > last) from -= to - last, to = last;
    state.timelineFrom = std::max(first, from);
    state.timelineTo = std::min(last, to);
  }
}

void drawDateLine(ImDrawList* draw, const Axis& axis, double date, float top, float bottom) {
  if (date < axis.from || date > axis.to) return;
  const float x = axis.x(date);
  draw->AddLine({x, top}, {x, bottom}, IM_COL32(215, 48, 31, 255), 2.5f);
}

// The dates compared (or the range being dragged): a shaded band from A to B, A's edge marked.
void drawRangeBand(const AppState& state, const TimelinePanelState& panel, ImDrawList* draw,
                   const Axis& axis, float top, float bottom) {
  double from = 0, to = 0;
  if (panel.rangeStart) {
    from = *panel.rangeStart;
    to = axis.day(ImGui::GetIO().MousePos.x);
  } else if (state.comparison.mode != CompareMode::Off) {
    from = state.comparison.before;
    to = state.playback.date;
  } else {
    return;
  }
  const float a = std::clamp(axis.x(from), axis.left, axis.left + axis.width);
  const float b = std::clamp(axis.x(to), axis.left, axis.left + axis.width);
  draw->AddRectFilled({std::min(a, b), top}, {std::max(a, b), bottom}, IM_COL32(49, 104, 189, 45));
  if (from >= axis.from && from <= axis.to) {
    draw->AddLine({a, top}, {a, bottom}, IM_COL32(49, 104, 189, 230), 2);
    const float u = ImGui::GetFontSize() / 15;
    draw->AddText({a + 3 * u, top}, IM_COL32(49, 104, 189, 255), "A");
  }
}

void drawChart(AppState& state, TimelinePanelState& panel, const Axis& axis, float height) {
  const Displacement& d = state.displacement;
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  ImGui::InvisibleButton("##chart", {axis.width, height});
  handleAxisInput(state, panel, axis);
  const float u = ImGui::GetFontSize() / 15;  // the UI scale
  const float top = origin.y + 14 * u, bottom = origin.y + height - 2, plotHeight = bottom - top;
  draw->AddRectFilled(origin, {origin.x + axis.width, origin.y + height},
                      IM_COL32(250, 250, 252, 255), 3);

  // Scales: the cumulative line against the largest figure in view (at least a million, so
  // "nearly one million" reads as such); the weekly rate against its own maximum.
  double peak = 1e6, peakRate = 1;
  for (const auto& f : d.figures)
    if (f.measure == Measure::DisplacedCumulative && f.date >= axis.from && f.date <= axis.to)
      peak = std::max(peak, double(f.people));
  const auto columns = static_cast<int>(axis.width);
  std::vector<double> cumulative(static_cast<std::size_t>(columns)),
      rate(static_cast<std::size_t>(columns));
  for (int c = 0; c < columns; ++c) {
    const double day = axis.day(axis.left + static_cast<float>(c));
    cumulative[static_cast<std::size_t>(c)] = d.cumulativeAt(day);
    rate[static_cast<std::size_t>(c)] = d.weeklyRateAt(day);
    peakRate = std::max(peakRate, rate[static_cast<std::size_t>(c)]);
  }
  auto y = [&](double people) { return bottom - static_cast<float>(people / peak) * plotHeight; };
  float lastGridLabel = 1e9f;  // a short chart (a large UI scale) labels only every other line
  for (const double gridline : {250000.0, 500000.0, 750000.0, 1000000.0}) {
    if (gridline > peak) break;
    draw->AddLine({axis.left, y(gridline)}, {axis.left + axis.width, y(gridline)},
                  IM_COL32(225, 225, 230, 255));
    if (y(gridline) > lastGridLabel - ImGui::GetFontSize()) continue;
    draw->AddText({axis.left + 3 * u, y(gridline) - 13 * u}, IM_COL32(140, 140, 150, 255),
                  withThousands(static_cast<long long>(gridline)).c_str());
    lastGridLabel = y(gridline);
  }
  for (int c = 0; c < columns; ++c) {  // weekly rate: light bars
    const float h =
        static_cast<float>(rate[static_cast<std::size_t>(c)] / peakRate) * plotHeight * 0.6f;
    if (h > 0.5f)
      draw->AddLine({axis.left + c, bottom}, {axis.left + c, bottom - h},
                    IM_COL32(158, 202, 225, 160));
  }
  for (int c = 1; c < columns; ++c)  // cumulative: the line
    if (cumulative[static_cast<std::size_t>(c)] > 0 ||
        cumulative[static_cast<std::size_t>(c) - 1] > 0)
      draw->AddLine({axis.left + c - 1, y(cumulative[static_cast<std::size_t>(c) - 1])},
                    {axis.left + c, y(cumulative[static_cast<std::size_t>(c)])},
                    IM_COL32(23, 64, 139, 255), 2.0f);
  // The key, shorter where the window is too narrow for it.
  const char* key =
      "people displaced since 1 Dec 2019 (line, UN count) and per week (bars); orange: the "
      "articles' figures";
  if (ImGui::CalcTextSize(key).x > axis.width - 90 * u)
    key = "displaced since 1 Dec 2019 (UN), per week (bars), articles (orange)";
  draw->AddText({axis.left + 90 * u, origin.y}, IM_COL32(23, 64, 139, 255), key);
  // The articles' figures, as labelled points a presenter can point at.
  float lastLabelRight = -1e9f;
  for (const auto& f : d.figures) {
    if (!f.fromArticle() || f.measure == Measure::Population ||
        f.measure == Measure::RefugeesHosted)
      continue;
    if (f.date < axis.from || f.date > axis.to || f.people > peak) continue;
    const ImVec2 p{axis.x(f.date), y(static_cast<double>(f.people))};
    draw->AddCircleFilled(p, 4.5f * u, IM_COL32(230, 97, 1, 255));
    // "nearly one million (article 001, 24 Feb 2020)": the article is named by its file number.
    const auto seed = f.provenance.source.find("seeds/");
    const std::string label = withThousands(f.people) + " (article " +
                              f.provenance.source.substr(seed + 6, 3) + ", " +
                              formatDateLong(f.date) + ")";
    // Right of the point, or left of it where it would run past the chart's end.
    const float labelWidth = ImGui::CalcTextSize(label.c_str()).x;
    const float labelLeft =
        p.x + 6 * u + labelWidth > axis.left + axis.width ? p.x - 6 * u - labelWidth : p.x + 6 * u;
    if (labelLeft > lastLabelRight) {
      draw->AddText({labelLeft, p.y - 8 * u}, IM_COL32(150, 60, 0, 255), label.c_str());
      lastLabelRight = labelLeft + labelWidth;
    }
  }
  drawRangeBand(state, panel, draw, axis, origin.y, origin.y + height);
  drawDateLine(draw, axis, state.playback.date, origin.y, origin.y + height);

  if (ImGui::IsItemHovered()) {
    const double day = std::round(axis.day(ImGui::GetIO().MousePos.x));
    ImGui::BeginTooltip();
    ImGui::TextUnformatted(formatDateLong(static_cast<Day>(day)).c_str());
    ImGui::Text("Displaced since 1 Dec 2019: %s",
                withThousands(std::llround(d.cumulativeAt(day))).c_str());
    ImGui::Text("In the week before: %s", withThousands(std::llround(d.weeklyRateAt(day))).c_str());
    for (const auto& f : d.figures)
      if (std::abs(f.date - day) <= 1 && f.measure != Measure::Population)
        ImGui::BulletText("%s: %s (%s line %d)", formatDate(f.date).c_str(),
                          withThousands(f.people).c_str(), f.provenance.file.c_str(),
                          f.provenance.line);
    ImGui::TextDisabled(
        "UN OCHA and partners' cumulative series, linear between reports; wheel to zoom");
    ImGui::EndTooltip();
  }
}

// The colour of a side's band on the chart track: the legend's swatch; unrecorded ground grey.
ImU32 slotColour(std::size_t slot, Palette palette) {
  if (slot == kUnrecordedSlot) return IM_COL32(222, 222, 222, 255);
  const Rgba c = areaColor(static_cast<Controller>(slot), 1, palette);
  return IM_COL32(c.r, c.g, c.b, 255);
}

std::string slotName(std::size_t slot) {
  return slot == kUnrecordedSlot ? "not recorded"
                                 : std::string(controllerName(static_cast<Controller>(slot)));
}

// "1,234 km² (+56), 789,000 people (-1,200)": a side's figures and their change.
std::string sideFigures(const SideTotals& now, const SideTotals* before, std::size_t slot) {
  const auto change = [](double d) {
    const long long r = std::llround(d);
    return " (" + (r > 0 ? "+" + withThousands(r) : withThousands(r)) + ")";
  };
  std::string text = withThousands(std::llround(now.km2[slot])) + " km²";
  if (before) text += change(now.km2[slot] - before->km2[slot]);
  text += ", " + withThousands(std::llround(now.people[slot])) + " people";
  if (before) text += change(now.people[slot] - before->people[slot]);
  return text;
}

void controlTrackTooltip(const AppState& state, StatsRegion region, Day day) {
  const ControlStatsRow* row = statsAt(state.controlStats, day);
  ImGui::BeginTooltip();
  ImGui::TextUnformatted(formatDateLong(day).c_str());
  if (!row) {
    ImGui::TextDisabled("before the first record of control");
  } else {
    const ControlStatsRow* previous = previousRow(state.controlStats, row);
    ImGui::Text("%s, areas as of %s",
                region == StatsRegion::Idlib ? "Idlib governorate" : "All mapped land",
                formatDateLong(row->date).c_str());
    const SideTotals& now = row->in(region);
    for (std::size_t slot = 0; slot < kSideSlots; ++slot)
      if (now.km2[slot] >= 0.5 || (previous && previous->in(region).km2[slot] >= 0.5))
        ImGui::BulletText(
            "%s: %s", slotName(slot).c_str(),
            sideFigures(now, previous ? &previous->in(region) : nullptr, slot).c_str());
    if (previous)
      ImGui::TextDisabled("changes since the previous change of control, %s",
                          formatDateLong(previous->date).c_str());
  }
  ImGui::TextDisabled("areas of the localities' cells; people from the towns' populations");
  ImGui::EndTooltip();
}

// The land each side held, stacked, at every change of control (the areas' colours, unrecorded
// ground grey): a step from one change date to the next.
void drawControlTrack(AppState& state, TimelinePanelState& panel, const Axis& axis, float height) {
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  ImGui::InvisibleButton("##control", {axis.width, height});
  handleAxisInput(state, panel, axis);
  const float u = ImGui::GetFontSize() / 15;
  const float top = origin.y + 14 * u, bottom = origin.y + height - 1, plotHeight = bottom - top;
  draw->AddRectFilled(origin, {origin.x + axis.width, origin.y + height},
                      IM_COL32(250, 250, 252, 255), 3);
  const std::vector<ControlStatsRow>& series = state.controlStats;
  const StatsRegion region = panel.chartRegion;
  double most = 0;
  for (const ControlStatsRow& row : series)
    most = std::max(most, stackedTops(row.in(region), StackedMeasure::Km2).back());
  const Palette palette = state.highContrast ? Palette::Projector : Palette::Desk;
  const float right = axis.left + axis.width;
  if (most > 0)
    for (std::size_t i = 0; i < series.size(); ++i) {
      const double end = i + 1 < series.size() ? series[i + 1].date : axis.to + 1;
      if (end < axis.from || series[i].date > axis.to) continue;
      const float x0 = std::max(axis.left, axis.x(series[i].date));
      const float x1 = std::min(right, axis.x(end));
      const auto tops = stackedTops(series[i].in(region), StackedMeasure::Km2);
      double below = 0;
      for (std::size_t slot = 0; slot < kSideSlots; ++slot) {
        const float y0 = bottom - static_cast<float>(below / most) * plotHeight;
        const float y1 = bottom - static_cast<float>(tops[slot] / most) * plotHeight;
        if (y0 - y1 > 0.01f) draw->AddRectFilled({x0, y1}, {x1, y0}, slotColour(slot, palette));
        below = tops[slot];
      }
    }
  const char* key = region == StatsRegion::Idlib
                        ? "land held inside Idlib governorate, by side (km², the map's colours)"
                        : "land held in all the mapped region, by side (km², the map's colours)";
  draw->AddText({axis.left + 4 * u, origin.y}, IM_COL32(60, 60, 70, 255), key);
  drawRangeBand(state, panel, draw, axis, origin.y, origin.y + height);
  drawDateLine(draw, axis, state.playback.date, origin.y, origin.y + height);
  if (ImGui::IsItemHovered())
    controlTrackTooltip(state, region,
                        static_cast<Day>(std::round(axis.day(ImGui::GetIO().MousePos.x))));
}

// Years, months or days along the strip's foot as the axis zooms; a label that would run past
// the axis's end is drawn against it, one that would overlap its neighbour is left out.
void drawTicks(ImDrawList* draw, const Axis& axis, float axisY, float u) {
  const double pointsPerDay = axis.width / (axis.to - axis.from);
  float lastLabelRight = -1e9f;
  for (const AxisTick& tick : axisTicks(axis.from, axis.to, pointsPerDay, 36 * u)) {
    const float x = axis.x(tick.day);
    draw->AddLine({x, axisY - (tick.major ? 10.f : 4.f) * u}, {x, axisY},
                  IM_COL32(150, 150, 150, 255), u);
    if (tick.label.empty()) continue;
    const float width = ImGui::CalcTextSize(tick.label.c_str()).x;
    const float left = std::min(x + 3 * u, axis.left + axis.width - width - 2 * u);
    if (left < lastLabelRight + 4 * u) continue;
    draw->AddText({left, axisY}, IM_COL32(90, 90, 90, 255), tick.label.c_str());
    lastLabelRight = left + width;
  }
}

void drawStrip(AppState& state, TimelinePanelState& panel, const Axis& axis, float height) {
  const Timeline& t = state.timeline;
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  ImGui::InvisibleButton("##strip", {axis.width, height});
  handleAxisInput(state, panel, axis);
  draw->AddRectFilled(origin, {origin.x + axis.width, origin.y + height},
                      IM_COL32(245, 245, 242, 255), 3);
  const float u = ImGui::GetFontSize() / 15;  // the UI scale
  const float axisY = origin.y + height - 15 * u;
  drawTicks(draw, axis, axisY, u);
  // Events per pixel column, as a density strip with a tick wherever there is one.
  const auto columns = static_cast<std::size_t>(std::max(1.f, axis.width));
  std::vector<int> perColumn(columns, 0);
  for (std::size_t day = 0; day < state.eventsPerDay.size(); ++day) {
    const double d = t.first() + static_cast<double>(day);
    if (!state.eventsPerDay[day] || d < axis.from || d > axis.to) continue;
    perColumn[std::min(columns - 1, static_cast<std::size_t>(axis.x(d) - axis.left))] +=
        state.eventsPerDay[day];
  }
  const int most = std::max(1, *std::max_element(perColumn.begin(), perColumn.end()));
  const float barTop = origin.y + 4 * u, barHeight = height - 23 * u;
  for (std::size_t c = 0; c < columns; ++c) {
    if (!perColumn[c]) continue;
    const float x = axis.left + static_cast<float>(c);
    const float h = std::max(3 * u, barHeight * std::sqrt(static_cast<float>(perColumn[c]) / most));
    draw->AddLine({x, barTop + barHeight - h}, {x, barTop + barHeight}, IM_COL32(178, 24, 43, 230),
                  1.5f * u);
  }
  for (const Day d : t.controlChangeDates())
    if (d >= axis.from && d <= axis.to)
      draw->AddTriangleFilled({axis.x(d), axisY - 6 * u}, {axis.x(d) - 3 * u, axisY},
                              {axis.x(d) + 3 * u, axisY}, IM_COL32(118, 42, 131, 200));
  drawRangeBand(state, panel, draw, axis, origin.y, origin.y + height);
  drawDateLine(draw, axis, state.playback.date, origin.y, origin.y + height);

  if (ImGui::IsItemHovered()) {
    const Day day = static_cast<Day>(std::round(axis.day(ImGui::GetIO().MousePos.x)));
    const auto [first, last] = t.eventsBetween(day, day);
    ImGui::BeginTooltip();
    ImGui::TextUnformatted(formatDateLong(day).c_str());
    for (std::size_t i = first; i < last && i < first + 6; ++i)
      ImGui::BulletText("%s: %s", std::string(t.events[i].type()).c_str(),
                        std::string(t.events[i].location()).c_str());
    if (last - first > 6) ImGui::TextDisabled("and %zu more", last - first - 6);
    ImGui::TextDisabled(
        "events (red), control changes (purple); wheel to zoom, Shift+drag to compare two dates");
    ImGui::EndTooltip();
  }
}

// Each group of controls at its place in the desk's layout, which wraps them onto more rows
// where the window is too narrow for one: nothing is cut off at the window's edge.
void transport(AppState& state) {
  Playback& p = state.playback;
  const Timeline& t = state.timeline;
  const std::vector<ScreenRect>& groups = state.desk.timelineGroups;
  const auto group = [&](std::size_t i) {
    if (i < groups.size()) ImGui::SetCursorScreenPos({groups[i].x, groups[i].y});
  };
  auto button = [](const char* label, const char* tip, float width = 0) {
    const bool pressed = ImGui::Button(label, {width, 0});
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tip);
    ImGui::SameLine();
    return pressed;
  };
  group(0);
  if (button("|<", "Start of the data (Home)")) p.jumpTo(t.first(), t);
  if (button("<", "Previous event or change of control (Left)")) p.stepToPreviousEvent(t);
  // As wide for "Play" as for "Pause": the buttons beside it stay where they are.
  const float playWidth = std::max(ImGui::CalcTextSize("Play").x, ImGui::CalcTextSize("Pause").x) +
                          2 * ImGui::GetStyle().FramePadding.x;
  if (button(p.playing ? "Pause" : "Play", "Play or pause (Space)", playWidth)) {
    if (!p.playing && p.date >= t.last()) p.jumpTo(t.first(), t);
    p.playing = !p.playing;
  }
  if (button(">", "Next event or change of control (Right)")) p.stepToNextEvent(t);
  if (button(">|", "End of the data (End)")) p.jumpTo(t.last(), t);
  group(1);
  if (button("< figure", "Previous displacement figure (Shift+Left)"))
    if (const auto i = state.displacement.previousFigure(std::ceil(p.date)))
      p.jumpTo(state.displacement.figures[*i].date, t);
  if (button("figure >", "Next displacement figure (Shift+Right)"))
    if (const auto i = state.displacement.nextFigure(p.date))
      p.jumpTo(state.displacement.figures[*i].date, t);

  const float em = ImGui::GetFontSize();
  group(2);
  ImGui::SetNextItemWidth(6.7f * em);
  const auto current = std::find_if(kSpeeds.begin(), kSpeeds.end(), [&](const Speed& s) {
    return s.daysPerSecond == p.daysPerSecond;
  });
  if (ImGui::BeginCombo("##speed", current != kSpeeds.end() ? current->label : "custom")) {
    for (const Speed& s : kSpeeds)
      if (ImGui::Selectable(s.label, s.daysPerSecond == p.daysPerSecond))
        p.daysPerSecond = s.daysPerSecond;
    ImGui::EndCombo();
  }
  group(3);
  ImGui::SetNextItemWidth(11.3f * em);
  float window = static_cast<float>(p.windowDays);
  if (ImGui::SliderFloat("##window", &window, 1, 365, "events of the last %.0f days",
                         ImGuiSliderFlags_Logarithmic))
    p.windowDays = std::round(window);
  group(4);
  ImGui::SetNextItemWidth(6.7f * em);
  const bool enter = ImGui::InputTextWithHint("##date", "YYYY-MM-DD", &state.dateInput,
                                              ImGuiInputTextFlags_EnterReturnsTrue);
  const bool left = ImGui::IsItemDeactivatedAfterEdit();  // clicked or tabbed away
  ImGui::SameLine();
  const bool go = ImGui::Button("Go");
  if (const auto d = committedDate(state.dateInput, enter || go, left)) {
    p.playing = false;
    p.jumpTo(*d, t);
    state.dateInput.clear();
  }
  // Ranges of the timeline a presenter often wants.
  group(5);
  struct Range {
    const char* label;
    double from, to;
  };
  const std::array<Range, 3> ranges = {
      {{"All", static_cast<double>(t.first()), static_cast<double>(t.last())},
       {"2019 offensive", static_cast<double>(makeDay(2019, 4, 1)),
        static_cast<double>(makeDay(2019, 9, 30))},
       {"Winter 2019-20", static_cast<double>(makeDay(2019, 11, 15)),
        static_cast<double>(makeDay(2020, 3, 31))}}};
  for (const Range& r : ranges) {
    if (ImGui::SmallButton(r.label)) {
      state.timelineFrom = std::max<double>(t.first(), r.from);
      state.timelineTo = std::min<double>(t.last(), r.to);
    }
    ImGui::SameLine();
  }
  // The date shown, or what is wrong with the one typed, in the same place.
  group(6);
  if (!state.dateInput.empty() && !parseDate(state.dateInput))
    ImGui::TextColored({0.8f, 0.2f, 0.1f, 1}, "expected YYYY-MM-DD");
  else
    ImGui::TextUnformatted(formatDateLong(static_cast<Day>(std::floor(p.date))).c_str());
  // The chart and the strip start below the last row.
  const ScreenRect& controls = state.desk.timelineControls;
  ImGui::SetCursorScreenPos({ImGui::GetCursorScreenPos().x, controls.bottom()});
}

constexpr std::array<const char*, 4> kModeLabels = {"Off", "Swipe", "Side by side", "Change"};

void setMode(AppState& state, CompareMode mode) {
  const Timeline& t = state.timeline;
  setCompareMode(state.comparison, mode, static_cast<Day>(std::floor(state.playback.date)),
                 t.first(), t.last());
}

// Left of the charts: the compare mode, date A as typed, and which region the control track
// shows.
void compareControls(AppState& state, TimelinePanelState& panel, ImVec2 at, float width,
                     float trackTop) {
  ImGui::SetCursorScreenPos(at);
  compareModeCombo(state, "##compareMode", width);
  ImGui::SetNextItemWidth(width);
  const bool comparing = state.comparison.mode != CompareMode::Off;
  const std::string hint =
      comparing ? "A: " + formatDate(state.comparison.before) : std::string("compare with");
  const bool enter = ImGui::InputTextWithHint("##compareWith", hint.c_str(), &panel.compareInput,
                                              ImGuiInputTextFlags_EnterReturnsTrue);
  const bool left = ImGui::IsItemDeactivatedAfterEdit();
  if (ImGui::IsItemHovered())
    ImGui::SetTooltip(
        "Date A (YYYY-MM-DD, Enter), compared with the slider's date B; or Shift+drag a range on "
        "the timeline");
  if (const auto d = committedDate(panel.compareInput, enter, left)) {
    if (!comparing) setMode(state, CompareMode::Swipe);
    state.comparison.before = *d;
    panel.compareInput.clear();
  }
  if (!panel.compareInput.empty() && !parseDate(panel.compareInput))
    ImGui::TextColored({0.8f, 0.2f, 0.1f, 1}, "YYYY-MM-DD");
  ImGui::SetCursorScreenPos({at.x, std::max(trackTop, ImGui::GetCursorScreenPos().y)});
  ImGui::SetNextItemWidth(width);
  int region = panel.chartRegion == StatsRegion::Idlib ? 0 : 1;
  if (ImGui::Combo("##chartRegion", &region, "Idlib gov.\0All mapped\0"))
    panel.chartRegion = region == 0 ? StatsRegion::Idlib : StatsRegion::All;
  if (ImGui::IsItemHovered())
    ImGui::SetTooltip("The control track: inside Idlib governorate, or all the mapped land");
}

}  // namespace

bool compareModeCombo(AppState& state, const char* id, float width) {
  const auto current = static_cast<std::size_t>(state.comparison.mode);
  // "Compare: Swipe" where it fits, else the mode alone ("Side by side").
  std::string preview = std::string("Compare: ") + kModeLabels[current];
  const float arrow = ImGui::GetFrameHeight() + 2 * ImGui::GetStyle().FramePadding.x;
  if (ImGui::CalcTextSize(preview.c_str()).x > width - arrow) preview = kModeLabels[current];
  ImGui::SetNextItemWidth(width);
  bool changed = false;
  if (ImGui::BeginCombo(id, preview.c_str())) {
    for (std::size_t i = 0; i < kModeLabels.size(); ++i)
      if (ImGui::Selectable(kModeLabels[i], i == current) && i != current) {
        setMode(state, static_cast<CompareMode>(i));
        changed = true;
      }
    ImGui::EndCombo();
  }
  if (ImGui::IsItemHovered())
    ImGui::SetTooltip(
        "Compare date A with the slider's date B: a swipe divider ([ and ] move it), "
        "two maps side by side, or the ground that changed hands (Esc: off)");
  return changed;
}

bool compareModeMenu(AppState& state) {
  bool changed = false;
  for (std::size_t i = 0; i < kModeLabels.size(); ++i) {
    const auto mode = static_cast<CompareMode>(i);
    if (ImGui::MenuItem(kModeLabels[i], i == 0 ? "Esc" : nullptr, state.comparison.mode == mode) &&
        state.comparison.mode != mode) {
      setMode(state, mode);
      changed = true;
    }
  }
  return changed;
}

void timeline(AppState& state, TimelinePanelState& panel) {
  if (!state.timelineLoaded) return;
  const ScreenRect& place = state.desk.timeline;
  ImGui::SetNextWindowPos({place.x, place.y});
  ImGui::SetNextWindowSize({place.w, place.h});
  ImGui::Begin(
      "Timeline", nullptr,
      ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings);
  transport(state);
  if (state.timelineTo <= state.timelineFrom) {
    state.timelineFrom = state.timeline.first();
    state.timelineTo = state.timeline.last();
  }
  // The compare controls take a column at the left; the charts and the strip share the rest.
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  const float em = ImGui::GetFontSize(), gap = ImGui::GetStyle().ItemSpacing.x;
  const float controlsWidth = std::round(8.4f * em);
  const float available = ImGui::GetContentRegionAvail().y,
              spacing = ImGui::GetStyle().ItemSpacing.y;
  const float chartHeight = std::floor(available * 0.36f),
              trackHeight = std::floor(available * 0.26f);
  const Axis axis{state.timelineFrom, state.timelineTo, origin.x + controlsWidth + gap,
                  ImGui::GetContentRegionAvail().x - controlsWidth - gap};
  compareControls(state, panel, origin, controlsWidth, origin.y + chartHeight + spacing);
  ImGui::SetCursorScreenPos({axis.left, origin.y});
  drawChart(state, panel, axis, chartHeight);
  ImGui::SetCursorScreenPos({axis.left, ImGui::GetCursorScreenPos().y});
  drawControlTrack(state, panel, axis, trackHeight);
  ImGui::SetCursorScreenPos({axis.left, ImGui::GetCursorScreenPos().y});
  drawStrip(state, panel, axis, ImGui::GetContentRegionAvail().y);
  ImGui::End();
}

}  // namespace idlib::panels
