// The Articles panel (issue 13): an article's candidate events beside its text, with the dates,
// places, actors and figures the reader found coloured; a candidate is shown on the map at its
// date, and the analyst accepts it (edited if need be) into their events file, rejects it, or
// merges it with an event the map already has. Every decision is kept beside that file.
#include <fmt/format.h>
#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <cmath>

#include "core/date.hpp"
#include "core/format.hpp"
#include "core/text_safety.hpp"
#include "core/town_search.hpp"
#include "ui/panels/panels.hpp"

namespace idlib::panels {
namespace {

namespace fs = std::filesystem;

ImVec4 colourOf(HighlightKind kind) {
  switch (kind) {
    case HighlightKind::Date:
      return {0.05f, 0.35f, 0.75f, 1};  // blue
    case HighlightKind::Place:
      return {0.0f, 0.50f, 0.25f, 1};  // green
    case HighlightKind::Actor:
      return {0.50f, 0.20f, 0.60f, 1};  // purple
    case HighlightKind::Figure:
      return {0.80f, 0.35f, 0.0f, 1};  // orange
  }
  return {0, 0, 0, 1};
}

// The text index a file offset falls on (the text of HTML is shorter than its file).
std::size_t textIndexOf(const ArticleText& text, std::size_t fileOffset) {
  const auto it = std::lower_bound(text.offset.begin(), text.offset.end(), fileOffset);
  return static_cast<std::size_t>(it - text.offset.begin());
}

std::string candidateDate(const Candidate& c) {
  if (!c.first) return "";
  return formatDate(c.precision == MentionPrecision::Period && c.last ? *c.last : *c.first);
}

void say(ArticlesPanelState& panel, std::string message, bool error) {
  panel.message = std::move(message);
  panel.messageIsError = error;
}

// Where accepted rows may go: never the article, never the bundled data.
std::optional<std::string> refusedTarget(const AppState& state, const ArticlesPanelState& panel) {
  if (panel.acceptedFile.empty()) return "name the file accepted events go to";
  std::error_code ec;
  const fs::path target = fs::weakly_canonical(panel.acceptedFile, ec);
  if (target == fs::weakly_canonical(panel.article->path, ec))
    return "the accepted events cannot go into the article itself";
  const fs::path data = fs::weakly_canonical(state.dataDir, ec);
  if (!state.dataDir.empty() &&
      std::mismatch(data.begin(), data.end(), target.begin(), target.end()).first == data.end())
    return "the accepted events cannot go into the bundled data folder";
  if (target.extension() != ".csv") return "the accepted events go into a .csv file";
  return std::nullopt;
}

}  // namespace

void selectCandidate(AppState& state, ArticlesPanelState& panel, std::size_t i) {
  panel.selected = i;
  panel.scrollToSelected = true;
  panel.editing = panel.extraction.candidates[i];
  panel.editDate = candidateDate(panel.editing);
  const Candidate& c = panel.editing;
  if (c.first) {
    state.playback.playing = false;
    state.playback.jumpTo(c.precision == MentionPrecision::Period && c.last ? *c.last : *c.first,
                          state.timeline);
  }
  if (c.lat && c.lon) {
    // The place lands in the middle of the map left of the panel, not under it.
    View target = state.camera.view();
    const double middle = state.camera.viewport().width / 2;
    const double shown = (state.desk.desk.x + panel.left) / 2;
    target.centre = state.projection.forward(LonLat{*c.lon, *c.lat});
    if (panel.left > state.desk.desk.x + 200)
      target.centre.x += (middle - shown) * target.metresPerPoint;
    state.camera.flyTo(target);
  }
}

void decideOnCandidate(AppState& state, ArticlesPanelState& panel, Verdict verdict,
                       std::string eventId) {
  const std::size_t i = *panel.selected;
  if (const auto refused = refusedTarget(state, panel)) return say(panel, *refused, true);
  if (panel.verdicts[i])  // a second Accept would draw the event twice
    return say(panel, fmt::format("already {}", verdictName(*panel.verdicts[i])), true);
  Candidate c = panel.editing;
  if (verdict == Verdict::Accepted) {
    const auto day = parseDate(panel.editDate);
    if (!day)
      return say(panel, fmt::format("'{}' is not a date (YYYY-MM-DD)", panel.editDate), true);
    if (!c.lat || !c.lon) return say(panel, "the event needs a place on the map", true);
    c.first = c.last = *day;
    if (c.precision == MentionPrecision::Period) c.precision = MentionPrecision::Month;
    eventId = acceptedEventId(c, panel.article->path);
    if (auto problem =
            appendAcceptedEvent(panel.acceptedFile, acceptedEventRow(c, panel.article->path)))
      return say(panel, *problem, true);
    panel.reload.push_back(panel.acceptedFile);
  }
  const Decision d{panel.article->path, c.spanStart, c.spanEnd, verdict, eventId};
  if (auto problem = appendDecision(decisionsFileFor(panel.acceptedFile), d))
    return say(panel, *problem, true);
  if (state.acceptedEventsFile != panel.acceptedFile)
    state.articleDecisions = readDecisions(decisionsFileFor(panel.acceptedFile));
  else
    state.articleDecisions.push_back(d);
  state.acceptedEventsFile = panel.acceptedFile;
  panel.verdicts[i] = verdict;
  say(panel,
      verdict == Verdict::Accepted
          ? fmt::format("accepted as {} in {}", eventId, panel.acceptedFile)
      : verdict == Verdict::Merged ? fmt::format("merged with {}", eventId)
                                   : std::string("rejected"),
      false);
}

namespace {

// The timeline's events this candidate may be: the one its conflict names, and events at the
// same place within a fortnight of its date.
std::vector<std::size_t> mergeChoices(const AppState& state, const Candidate& c) {
  std::vector<std::size_t> choices;
  const std::string conflictId = c.conflict.substr(0, c.conflict.find(' '));
  for (std::size_t i = 0; i < state.timeline.events.size() && choices.size() < 20; ++i) {
    const EventRef e = state.timeline.events[i];
    const bool samePlace = !c.location.empty() && e.location() == c.location;
    const bool near = c.first && std::abs(e.date() - *c.first) <= 14;
    if ((!conflictId.empty() && e.id() == conflictId) || (samePlace && near)) choices.push_back(i);
  }
  return choices;
}

void optionalNumber(const char* label, std::optional<double>& value) {
  std::string text = value ? fmt::format("{}", static_cast<long long>(*value)) : "";
  if (ImGui::InputText(label, &text, ImGuiInputTextFlags_CharsDecimal))
    value = text.empty() ? std::nullopt : std::optional(std::atof(text.c_str()));
}

void editor(AppState& state, ArticlesPanelState& panel) {
  Candidate& c = panel.editing;
  const float em = ImGui::GetFontSize();
  ImGui::PushItemWidth(9 * em);
  ImGui::InputText("date", &panel.editDate);
  ImGui::SameLine();
  ImGui::InputText("type", &c.type);
  ImGui::InputText("actor 1", &c.actor1);
  ImGui::SameLine();
  ImGui::InputText("actor 2", &c.actor2);
  if (ImGui::InputText("place", &c.location, ImGuiInputTextFlags_EnterReturnsTrue)) {
    // A place typed by name takes the gazetteer's position, as the reader would have.
    const auto hits = panel.gazetteer->lookUp(splitList(foldName(c.location), ' '), true);
    if (!hits.empty()) {
      const GazetteerPlace& p = panel.gazetteer->places()[hits.front()];
      c.location = p.name;
      c.admin1 = p.admin1;
      c.lat = p.lat;
      c.lon = p.lon;
    }
  }
  ImGui::SameLine();
  ImGui::TextDisabled("%.4f°N %.4f°E", c.lat.value_or(0), c.lon.value_or(0));
  optionalNumber("killed", c.fatalities);
  ImGui::SameLine();
  optionalNumber("displaced", c.displaced);
  ImGui::PopItemWidth();
  if (!c.dateBasis.empty()) ImGui::TextWrapped("Date: %s", c.dateBasis.c_str());
  if (!c.conflict.empty())
    ImGui::TextColored({0.8f, 0.3f, 0, 1}, "Conflict: the record has %s", c.conflict.c_str());
  if (ImGui::Button("Accept")) decideOnCandidate(state, panel, Verdict::Accepted, "");
  ImGui::SameLine();
  if (ImGui::Button("Reject")) decideOnCandidate(state, panel, Verdict::Rejected, "");
  ImGui::SameLine();
  const std::vector<std::size_t> choices = mergeChoices(state, c);
  ImGui::BeginDisabled(choices.empty());
  ImGui::SetNextItemWidth(-1);
  if (ImGui::BeginCombo("##merge", "Merge with...")) {
    for (const std::size_t i : choices) {
      const EventRef e = state.timeline.events[i];
      const std::string label =
          fmt::format("{} {} {} ({})", formatDate(e.date()), e.type(), e.location(), e.id());
      if (ImGui::Selectable(label.c_str()))
        decideOnCandidate(state, panel, Verdict::Merged, std::string(e.id()));
    }
    ImGui::EndCombo();
  }
  ImGui::EndDisabled();
}

void candidateTable(AppState& state, ArticlesPanelState& panel, float height) {
  const float em = ImGui::GetFontSize();
  if (!ImGui::BeginTable(
          "##candidates", 6,
          ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY | ImGuiTableFlags_BordersInnerV,
          {0, height}))
    return;
  ImGui::TableSetupScrollFreeze(0, 1);
  ImGui::TableSetupColumn("decided", ImGuiTableColumnFlags_WidthFixed, 4.5f * em);
  ImGui::TableSetupColumn("date", ImGuiTableColumnFlags_WidthFixed, 5.4f * em);
  ImGui::TableSetupColumn("type", ImGuiTableColumnFlags_WidthFixed, 7 * em);
  ImGui::TableSetupColumn("place", ImGuiTableColumnFlags_WidthFixed, 7 * em);
  ImGui::TableSetupColumn("figures");
  ImGui::TableSetupColumn("conf.", ImGuiTableColumnFlags_WidthFixed, 2.5f * em);
  ImGui::TableHeadersRow();
  const auto& candidates = panel.extraction.candidates;
  for (std::size_t i = 0; i < candidates.size(); ++i) {
    const Candidate& c = candidates[i];
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::PushID(static_cast<int>(i));
    const std::string verdict =
        panel.verdicts[i] ? std::string(verdictName(*panel.verdicts[i])) : "";
    if (ImGui::Selectable(verdict.empty() ? "-" : verdict.c_str(), panel.selected == i,
                          ImGuiSelectableFlags_SpanAllColumns))
      selectCandidate(state, panel, i);
    ImGui::PopID();
    ImGui::TableNextColumn();
    if (!c.conflict.empty()) ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.8f, 0.3f, 0, 1));
    ImGui::TextUnformatted(candidateDate(c).c_str());
    if (!c.conflict.empty()) ImGui::PopStyleColor();
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(c.type.c_str());
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(c.location.c_str());
    ImGui::TableNextColumn();
    std::string figures;
    for (const FigureMention& f : c.figures)
      figures +=
          fmt::format("{}{} {}", figures.empty() ? "" : "; ", f.amount, countedName(f.counts));
    ImGui::TextUnformatted(figures.c_str());
    ImGui::TableNextColumn();
    ImGui::Text("%.2f", c.confidence);
  }
  ImGui::EndTable();
}

// The article's text, word by word, wrapped to the panel: what the reader found in its colour,
// the selected candidate's words on a pale band. A click on a word selects its candidate.
void articleText(AppState& state, ArticlesPanelState& panel) {
  const ArticleText& text = panel.article->text;
  const std::string& t = text.text;
  std::optional<TextSpan> chosen;
  if (panel.selected) {
    const Candidate& c = panel.extraction.candidates[*panel.selected];
    chosen = TextSpan{textIndexOf(text, c.spanStart), textIndexOf(text, c.spanEnd)};
  }
  const float right = ImGui::GetCursorScreenPos().x + ImGui::GetContentRegionAvail().x;
  const float space = ImGui::CalcTextSize(" ").x;
  ImDrawList* draw = ImGui::GetWindowDrawList();
  std::size_t h = 0;  // the next highlight that may cover a word
  bool lineStart = true;
  for (std::size_t i = 0; i < t.size();) {
    if (t[i] == '\n') {
      const std::size_t run = t.find_first_not_of("\n\r ", i);
      if (!lineStart) ImGui::NewLine();
      if (std::string_view(t).substr(i, run - i).find("\n\n") != std::string_view::npos)
        ImGui::Spacing();
      lineStart = true;
      i = run == std::string::npos ? t.size() : run;
      continue;
    }
    if (t[i] == ' ' || t[i] == '\t' || t[i] == '\r') {
      ++i;
      continue;
    }
    const std::size_t end = std::min(t.find_first_of(" \t\r\n", i), t.size());
    const std::string word = escapeControlCharacters(t.substr(i, end - i));
    const ImVec2 size = ImGui::CalcTextSize(word.c_str());
    if (!lineStart) {
      ImGui::SameLine(0, space);
      if (ImGui::GetCursorScreenPos().x + size.x > right) ImGui::NewLine();
    }
    while (h < panel.highlights.size() && panel.highlights[h].span.end <= i)
      ++h;
    const bool marked = h < panel.highlights.size() && panel.highlights[h].span.begin <= i;
    if (chosen && i >= chosen->begin && i < chosen->end) {
      const ImVec2 at = ImGui::GetCursorScreenPos();
      draw->AddRectFilled(at, {at.x + size.x + space, at.y + size.y}, IM_COL32(255, 236, 150, 255));
    }
    if (marked) ImGui::PushStyleColor(ImGuiCol_Text, colourOf(panel.highlights[h].kind));
    ImGui::TextUnformatted(word.c_str());
    if (marked) ImGui::PopStyleColor();
    if (ImGui::IsItemClicked()) {
      const std::size_t fileOffset = text.fileOffset(i);
      const auto& all = panel.extraction.candidates;
      for (std::size_t k = 0; k < all.size(); ++k)
        if (all[k].spanStart <= fileOffset && fileOffset < all[k].spanEnd)
          selectCandidate(state, panel, k);
    }
    if (chosen && i == chosen->begin && panel.scrollToSelected) {
      ImGui::SetScrollHereY(0.3f);
      panel.scrollToSelected = false;
    }
    lineStart = false;
    i = end;
  }
}

// The selected candidate where it is on the map, over the map but under the panels (never on
// the projector: panels and this mark are the analyst's own).
void markOnMap(const AppState& state, const ArticlesPanelState& panel) {
  if (!panel.selected) return;
  const Candidate& c = panel.editing;
  if (!c.lat || !c.lon) return;
  const Vec2 at = worldToScreen(state.camera.view(), state.camera.viewport(),
                                state.projection.forward(LonLat{*c.lon, *c.lat}));
  ImDrawList* draw = ImGui::GetBackgroundDrawList();
  const ImVec2 p(static_cast<float>(at.x), static_cast<float>(at.y));
  const float r = 0.8f * ImGui::GetFontSize();
  draw->AddCircle(p, r, IM_COL32(255, 255, 255, 255), 0, 5);
  draw->AddCircle(p, r, IM_COL32(230, 120, 0, 255), 0, 2.5f);
  const std::string label = fmt::format("candidate: {}", c.location.empty() ? "?" : c.location);
  draw->AddText({p.x + r + 4, p.y - r}, IM_COL32(120, 50, 0, 255), label.c_str());
}

}  // namespace

void openArticleIn(AppState& state, ArticlesPanelState& panel, const std::string& typed) {
  panel.open = panel.focus = true;
  panel.typedPath = typed;
  std::error_code ec;  // absolute: the rows cite it wherever the app is started from
  const std::string path = fs::absolute(typed, ec).lexically_normal().string();
  auto opened = openArticle(path);
  if (opened.index() == 1) return say(panel, std::get<1>(opened), true);
  panel.article = std::move(std::get<0>(opened));
  if (panel.acceptedFile.empty()) panel.acceptedFile = state.acceptedEventsFile;
  std::vector<const Layer*> layers;
  for (const LayerEntry& e : state.layers)
    layers.push_back(&e.layer);
  panel.gazetteer.emplace(gazetteerOf(layers, state.timeline));
  ExtractOptions options{path, parseDate(panel.publishedInput), NumericDateOrder::DayFirst};
  panel.extraction =
      extractArticle(panel.article->text, *panel.gazetteer, knownEventsOf(state.timeline), options);
  DateContext context{panel.extraction.published, panel.extraction.publishedAs,
                      NumericDateOrder::DayFirst};
  panel.highlights = articleHighlights(panel.article->text, *panel.gazetteer, context);
  // What was decided before on this article's candidates.
  panel.verdicts.assign(panel.extraction.candidates.size(), std::nullopt);
  for (const Decision& d : readDecisions(decisionsFileFor(panel.acceptedFile)))
    for (std::size_t i = 0; i < panel.verdicts.size(); ++i) {
      const Candidate& c = panel.extraction.candidates[i];
      if (d.article == path && d.start == c.spanStart && d.end == c.spanEnd)
        panel.verdicts[i] = d.verdict;
    }
  panel.selected.reset();
  say(panel,
      fmt::format(
          "{} candidates; published {} ({})", panel.extraction.candidates.size(),
          panel.extraction.published ? formatDate(*panel.extraction.published) : "unknown",
          panel.extraction.publishedAs.empty() ? "no date found" : panel.extraction.publishedAs),
      false);
}

void articles(AppState& state, ArticlesPanelState& panel) {
  if (!panel.open) return;
  if (!panel.waiting.empty() && state.timelineLoaded)
    openArticleIn(state, panel, std::exchange(panel.waiting, {}));
  const ScreenRect& d = state.desk.desk;
  const ScreenRect place{d.x + d.w * 0.42f, d.y + d.h * 0.04f, d.w * 0.56f, d.h * 0.9f};
  if (std::exchange(panel.focus, false)) ImGui::SetNextWindowFocus();
  if (beginPanel("Articles", place, state, &panel.open)) {
    panel.left = ImGui::GetWindowPos().x;
    const float em = ImGui::GetFontSize();
    ImGui::SetNextItemWidth(-11 * em);
    const bool typed =
        ImGui::InputTextWithHint("##article", "an article: a .txt or .html file", &panel.typedPath,
                                 ImGuiInputTextFlags_EnterReturnsTrue);
    ImGui::SameLine();
    ImGui::SetNextItemWidth(6.5f * em);
    ImGui::InputTextWithHint("##published", "published", &panel.publishedInput);
    ImGui::SameLine();
    if (ImGui::Button("Read") || typed) openArticleIn(state, panel, panel.typedPath);
    ImGui::SetNextItemWidth(-1);
    ImGui::InputTextWithHint("##accepted", "accepted events go to: a .csv file",
                             &panel.acceptedFile);
    if (!panel.message.empty())
      ImGui::TextColored(panel.messageIsError ? ImVec4(0.75f, 0.1f, 0.1f, 1)
                                              : ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled),
                         "%s", panel.message.c_str());
    if (panel.article) {
      candidateTable(state, panel, ImGui::GetContentRegionAvail().y * 0.3f);
      if (panel.selected) editor(state, panel);
      ImGui::BeginChild("##text", {0, 0}, true);
      articleText(state, panel);
      ImGui::EndChild();
    }
  }
  ImGui::End();
  markOnMap(state, panel);
}

}  // namespace idlib::panels
