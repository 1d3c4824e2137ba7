// The date slider: transport controls, speed, time window, a typed date, and a strip with a tick
// for every day that has events, their density, and the control changes.
#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <array>
#include <cmath>

#include "core/date.hpp"
#include "ui/panels/panels.hpp"

namespace idlib::panels {
namespace {

struct Speed {
  const char* label;
  double daysPerSecond;
};
constexpr std::array<Speed, 5> kSpeeds = {
    {{"1 day/s", 1}, {"3 days/s", 3}, {"1 week/s", 7}, {"2 weeks/s", 14}, {"1 month/s", 30}}};

void drawStrip(AppState& state, float height) {
  const Timeline& t = state.timeline;
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  const float width = ImGui::GetContentRegionAvail().x;
  ImGui::InvisibleButton("##strip", {width, height});
  const double span = std::max(1, t.last() - t.first());
  auto xOf = [&](double day) { return origin.x + static_cast<float>((day - t.first()) / span) * width; };
  auto dayAt = [&](float x) { return t.first() + std::clamp((x - origin.x) / width, 0.f, 1.f) * span; };

  draw->AddRectFilled(origin, {origin.x + width, origin.y + height}, IM_COL32(245, 245, 242, 255), 3);
  // Years and months along the bottom.
  const float axisY = origin.y + height - 14;
  for (int year = 2017; year <= 2021; ++year)
    for (unsigned month = 1; month <= 12; ++month) {
      const Day d = makeDay(year, month, 1);
      if (d < t.first() || d > t.last()) continue;
      const float x = xOf(d);
      draw->AddLine({x, axisY - (month == 1 ? 10.f : 4.f)}, {x, axisY}, IM_COL32(150, 150, 150, 255));
      if (month == 1) draw->AddText({x + 3, axisY}, IM_COL32(90, 90, 90, 255), std::to_string(year).c_str());
    }
  // Event density per pixel column, then a tick wherever there is at least one event.
  const auto columns = static_cast<std::size_t>(std::max(1.f, width));
  std::vector<int> perColumn(columns, 0);
  for (std::size_t d = 0; d < state.eventsPerDay.size(); ++d)
    perColumn[std::min(columns - 1, static_cast<std::size_t>(d / span * static_cast<double>(columns)))] += state.eventsPerDay[d];
  const int most = std::max(1, *std::max_element(perColumn.begin(), perColumn.end()));
  const float barTop = origin.y + 4, barHeight = height - 22;
  for (std::size_t c = 0; c < columns; ++c) {
    if (!perColumn[c]) continue;
    const float x = origin.x + static_cast<float>(c);
    const float h = std::max(3.f, barHeight * std::sqrt(static_cast<float>(perColumn[c]) / most));
    draw->AddLine({x, barTop + barHeight - h}, {x, barTop + barHeight}, IM_COL32(33, 102, 172, 230), 1.5f);
  }
  // Control changes: small marks under the strip.
  for (const Day d : t.controlChangeDates())
    draw->AddTriangleFilled({xOf(d), axisY - 6}, {xOf(d) - 3, axisY}, {xOf(d) + 3, axisY}, IM_COL32(118, 42, 131, 200));
  // The current date.
  const float x = xOf(state.playback.date);
  draw->AddLine({x, origin.y}, {x, origin.y + height}, IM_COL32(215, 48, 31, 255), 2.5f);
  draw->AddTriangleFilled({x - 6, origin.y}, {x + 6, origin.y}, {x, origin.y + 8}, IM_COL32(215, 48, 31, 255));

  if (ImGui::IsItemActive()) {  // click or drag to scrub
    state.playback.playing = false;
    state.playback.jumpTo(std::round(dayAt(ImGui::GetIO().MousePos.x)), t);
  }
  if (ImGui::IsItemHovered()) {
    const Day day = static_cast<Day>(std::round(dayAt(ImGui::GetIO().MousePos.x)));
    const auto [first, last] = t.eventsBetween(day, day);
    ImGui::BeginTooltip();
    ImGui::TextUnformatted(formatDateLong(day).c_str());
    for (std::size_t i = first; i < last && i < first + 6; ++i)
      ImGui::BulletText("%s: %s", t.events[i].type.c_str(), t.events[i].location.c_str());
    if (last - first > 6) ImGui::TextDisabled("and %zu more", last - first - 6);
    ImGui::EndTooltip();
  }
}

}  // namespace

void timeline(AppState& state) {
  if (!state.timelineLoaded) return;
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  const float height = kTimelineHeight;
  ImGui::SetNextWindowPos({vp->WorkPos.x, vp->WorkPos.y + vp->WorkSize.y - height});
  ImGui::SetNextWindowSize({vp->WorkSize.x, height});
  ImGui::Begin("Timeline", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings);
  Playback& p = state.playback;
  const Timeline& t = state.timeline;

  if (ImGui::Button("|<")) p.jumpTo(t.first(), t);
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Start of the data (Home)");
  ImGui::SameLine();
  if (ImGui::Button("<")) p.stepToPreviousEvent(t);
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Previous event (Left)");
  ImGui::SameLine();
  if (ImGui::Button(p.playing ? "Pause" : "Play", {60, 0})) {
    if (!p.playing && p.date >= t.last()) p.jumpTo(t.first(), t);
    p.playing = !p.playing;
  }
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Play or pause (Space)");
  ImGui::SameLine();
  if (ImGui::Button(">")) p.stepToNextEvent(t);
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Next event (Right)");
  ImGui::SameLine();
  if (ImGui::Button(">|")) p.jumpTo(t.last(), t);
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("End of the data (End)");

  ImGui::SameLine(0, 18);
  ImGui::SetNextItemWidth(110);
  const auto current = std::find_if(kSpeeds.begin(), kSpeeds.end(), [&](const Speed& s) { return s.daysPerSecond == p.daysPerSecond; });
  if (ImGui::BeginCombo("##speed", current != kSpeeds.end() ? current->label : "custom")) {
    for (const Speed& s : kSpeeds)
      if (ImGui::Selectable(s.label, s.daysPerSecond == p.daysPerSecond)) p.daysPerSecond = s.daysPerSecond;
    ImGui::EndCombo();
  }
  ImGui::SameLine(0, 18);
  ImGui::SetNextItemWidth(180);
  float window = static_cast<float>(p.windowDays);
  if (ImGui::SliderFloat("##window", &window, 1, 365, "events of the last %.0f days", ImGuiSliderFlags_Logarithmic))
    p.windowDays = std::round(window);

  ImGui::SameLine(0, 18);
  ImGui::SetNextItemWidth(110);
  const bool go = ImGui::InputTextWithHint("##date", "YYYY-MM-DD", &state.dateInput, ImGuiInputTextFlags_EnterReturnsTrue);
  ImGui::SameLine();
  if (ImGui::Button("Go") || go) {
    if (const auto d = parseDate(state.dateInput)) {
      p.playing = false;
      p.jumpTo(*d, t);
      state.dateInput.clear();
    }
  }
  if (!state.dateInput.empty() && !parseDate(state.dateInput)) {
    ImGui::SameLine();
    ImGui::TextColored({0.8f, 0.2f, 0.1f, 1}, "expected YYYY-MM-DD");
  }
  ImGui::SameLine(0, 18);
  ImGui::Text("%s   (%s to %s)", formatDateLong(static_cast<Day>(std::floor(p.date))).c_str(), formatDate(t.first()).c_str(),
              formatDate(t.last()).c_str());

  drawStrip(state, ImGui::GetContentRegionAvail().y);
  ImGui::End();
}

}  // namespace idlib::panels
