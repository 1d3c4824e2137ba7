#include "ui/event_export.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <initializer_list>
#include <utility>

#include "core/atomic_file.hpp"
#include "core/csv_quotes.hpp"
#include "core/date.hpp"
#include "core/event_source_key.hpp"
#include "core/format.hpp"

namespace idlib {
namespace {

using nlohmann::ordered_json;

std::string optionalNumber(const std::optional<long>& n) {
  return n ? std::to_string(*n) : std::string();
}

std::string lower(std::string_view text) {
  std::string s(text);
  for (char& c : s)
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// Whether any of `haystacks`, joined by spaces, holds `needle` (lower-cased), as one text.
bool contains(std::initializer_list<std::string_view> haystacks, const std::string& needle) {
  if (needle.empty()) return true;
  std::string joined;
  bool first = true;
  for (const std::string_view h : haystacks) {
    if (!std::exchange(first, false)) joined += ' ';
    joined += h;
  }
  return lower(joined).find(lower(needle)) != std::string::npos;
}

bool passes(EventRef e, const EventFilter& f, std::optional<Day> from, std::optional<Day> to) {
  return !isHidden(f.hiddenSources, e.sourceIndex()) && (f.type.empty() || e.type() == f.type) &&
         (!from || e.date() >= *from) && (!to || e.date() <= *to) &&
         contains({e.location(), e.admin1()}, f.place) &&
         contains({e.provenance().source}, f.source) &&
         contains({e.notes(), e.actor1(), e.actor2(), e.location(), e.type()}, f.text);
}

}  // namespace

ordered_json eventJson(const Event& e) {
  ordered_json j;
  j["event_id"] = e.id;
  j["event_date"] = formatDate(e.date);
  j["date_precision"] = precisionName(e.precision);
  j["geo_precision"] = placePrecisionName(e.place);
  j["event_type"] = e.type;
  j["actor1"] = e.actor1;
  j["actor2"] = e.actor2;
  j["assoc_actor_1"] = e.assocActor1;
  j["assoc_actor_2"] = e.assocActor2;
  j["location"] = e.location;
  j["admin1"] = e.admin1;
  j["admin2"] = e.admin2;
  j["admin3"] = e.admin3;
  j["iso"] = e.iso;
  j["latitude"] = e.where.lat;
  j["longitude"] = e.where.lon;
  if (e.fatalities) j["fatalities"] = *e.fatalities;
  if (e.displaced) j["displaced"] = *e.displaced;
  if (e.attacks) j["attacks"] = *e.attacks;
  j["notes"] = e.notes;
  if (e.timestamp) j["timestamp"] = *e.timestamp;
  j["source"] = e.provenance.source;
  j["citation"] = citationFor(e.provenance.source);  // as a caption or a reader cites it
  j["source_row"] = fmt::format("{} line {}", e.provenance.file, e.provenance.line);
  j["confidence"] = e.provenance.confidence;
  return j;
}

std::string eventsCsv(const std::vector<EventRef>& refs) {
  std::string out =
      "event_id,event_date,date_precision,event_type,actor1,actor2,location,latitude,longitude,"
      "geo_precision,fatalities,displaced,attacks,notes,source,citation,"
      // ACLED's further columns, after the app's own so that their places stay as they were.
      "assoc_actor_1,assoc_actor_2,admin1,admin2,admin3,iso,timestamp\n";
  for (const EventRef ref : refs) {
    const Event event = ref.toEvent();
    const Event* e = &event;
    out +=
        fmt::format("{},{},{},{},{},{},{},{:.5f},{:.5f},{},{},{},{},{},{},{},", csvField(e->id),
                    formatDate(e->date), precisionName(e->precision), csvField(e->type),
                    csvField(e->actor1), csvField(e->actor2), csvField(e->location), e->where.lat,
                    e->where.lon, placePrecisionName(e->place), optionalNumber(e->fatalities),
                    optionalNumber(e->displaced), optionalNumber(e->attacks), csvField(e->notes),
                    csvField(e->provenance.source), csvField(citationFor(e->provenance.source)));
    out +=
        fmt::format("{},{},{},{},{},{},{}\n", csvField(e->assocActor1), csvField(e->assocActor2),
                    csvField(e->admin1), csvField(e->admin2), csvField(e->admin3), csvField(e->iso),
                    e->timestamp ? std::to_string(*e->timestamp) : std::string());
  }
  return out;
}

std::string eventsGeoJson(const std::vector<EventRef>& events) {
  ordered_json features = ordered_json::array();
  for (const EventRef e : events)
    features.push_back(
        {{"type", "Feature"},
         {"properties", eventJson(e.toEvent())},
         {"geometry", {{"type", "Point"}, {"coordinates", {e.where().lon, e.where().lat}}}}});
  return ordered_json{{"type", "FeatureCollection"}, {"features", features}}.dump(1) + "\n";
}

std::vector<std::size_t> filteredEvents(const EventStore& events, const EventFilter& filter) {
  // A date still being typed leaves that end open.
  const std::optional<Day> from = parseDate(filter.from), to = parseDate(filter.to);
  std::vector<std::size_t> rows;
  for (std::size_t i = 0; i < events.size(); ++i)
    if (passes(events[i], filter, from, to)) rows.push_back(i);
  return rows;
}

EventsSaved saveEvents(const std::vector<EventRef>& events, const std::filesystem::path& path,
                       const ProtectedFiles& protectedFiles) {
  if (auto why = refuseOutput("Save events", path, {".csv", ".geojson"}, protectedFiles))
    return {false, std::move(*why)};
  const bool csv = lower(path.extension().string()) == ".csv";
  if (auto error = writeFileAtomically(path, csv ? eventsCsv(events) : eventsGeoJson(events)))
    return {false, std::move(*error)};
  return {true, fmt::format("wrote {} event{} to {}", events.size(), events.size() == 1 ? "" : "s",
                            path.string())};
}

}  // namespace idlib
