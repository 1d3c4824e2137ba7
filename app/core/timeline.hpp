#pragma once
// The dated data: events from the articles, observation posts, and localities' control history.
// Queries cost O(log n) so the UI can ask them every frame while scrubbing.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.hpp"
#include "core/event_store.hpp"
#include "core/geometry.hpp"

namespace idlib {

// Where a row came from, for "where does this come from?".
struct Provenance {
  std::string file;
  int line = 0;
  std::string source;      // article file name and date, or the public record named
  std::string confidence;  // high / medium / low, with why
};

// How precisely an event's place is known: ACLED's geo_precision 1 (the town itself), 2 (near the
// town, or a small part of a district) and 3 (a larger region: its coordinates stand in for a
// province), and our "country" for statements made for a whole country.
enum class PlacePrecision { Town, NearTown, Region, Country };
inline constexpr int kPlacePrecisionCount = 4;
// "town", "near", "region", "country" (also "province"), or ACLED's 1, 2, 3; empty reads as town.
std::optional<PlacePrecision> parsePlacePrecision(std::string_view text);
std::string_view placePrecisionName(PlacePrecision p);  // "town", "near", "region", "country"
// For people: "the town itself", "somewhere in the province (no precise place)".
std::string_view placePrecisionWords(PlacePrecision p);
// For people: "the exact day", "known only to the week".
std::string_view datePrecisionWords(DatePrecision p);

// One event as a row owns it, while it is read or built; the timeline keeps events in an
// EventStore (column-wise) and hands out EventRef views with the same names.
struct Event {
  std::string id;
  Day date = 0;
  DatePrecision precision = DatePrecision::Day;
  std::string type, actor1, actor2, location, admin1;
  // ACLED's further columns, kept as written: associated actors, districts, the country's code.
  std::string assocActor1, assocActor2, admin2, admin3, iso;
  std::optional<long long> timestamp;  // ACLED's: when the row was last recorded (Unix seconds)
  LonLat where;
  Vec2 position;  // map plane; for a region or a country, only a stand-in for the whole
  PlacePrecision place = PlacePrecision::Town;
  std::optional<long> fatalities, displaced, attacks;
  std::string notes, dateBasis;
  Provenance provenance;
  std::uint16_t sourceIndex = 0;  // its table: 0 the bundled events, then the user's (DatedData)
};

enum class PostStatus { NotYetEstablished, Active, Encircled, Withdrawn };
std::string_view postStatusName(PostStatus s);

struct ObservationPost {
  std::string id, name, number;
  LonLat where;
  Vec2 position;
  std::string locationNote, notes;
  std::optional<Day> established, encircled, withdrawn;
  DatePrecision establishedPrecision = DatePrecision::Day, encircledPrecision = DatePrecision::Day,
                withdrawnPrecision = DatePrecision::Day;
  Provenance provenance;

  PostStatus statusAt(Day day) const;
};

enum class Controller : std::uint8_t { Government, Opposition, Turkey, Sdf };
inline constexpr int kControllerCount = 4;
std::optional<Controller> parseController(std::string_view text);
std::string_view controllerName(Controller c);      // "government"
std::string_view controllerLongName(Controller c);  // "Syrian government and allies"
// Whether a boundary between the two is a front line (allies' boundaries are not).
bool opposing(Controller a, Controller b);

struct ControlChange {
  Day date = 0;
  Controller controller = Controller::Opposition;
  DatePrecision precision = DatePrecision::Day;
  std::string notes;
  Provenance provenance;

  // Whether the row only records who held the place when the data begins (its notes start
  // "Baseline"): its date is the start of the data, not the date control changed.
  bool startsTheData() const;
};

// Who holds the place and since when, for tooltips, the Details panel and --at:
// "government since 2019-08-23", or "opposition, held before the data starts (see source)".
std::string describeControl(const ControlChange& c);

struct Locality {
  std::string name;
  LonLat where;
  Vec2 position;
  std::vector<ControlChange> history;  // sorted by date

  // The controller on `day`, or nothing before the first record.
  std::optional<Controller> controllerAt(Day day) const;
  const ControlChange* changeAt(Day day) const;  // the record in force on `day`
};

class Timeline {
 public:
  EventStore events;  // sorted by date after finish()
  std::vector<ObservationPost> posts;
  std::vector<Locality> localities;

  // Sorts and indexes; call after filling the vectors.
  void finish();
  // Puts `store` in place of the events (e.g. a time window read from a database) and indexes
  // them; the rest stays. For the UI thread, between frames.
  void replaceEvents(EventStore store);

  Day first() const { return first_; }
  Day last() const { return last_; }
  const std::vector<Day>& controlChangeDates() const { return changeDates_; }

  // Events with first <= date <= last, as a range of indices into `events`.
  std::pair<std::size_t, std::size_t> eventsBetween(Day first, Day last) const;
  // The first event strictly after / last strictly before `day` (fractional days allowed).
  std::optional<std::size_t> nextEvent(double day) const;
  std::optional<std::size_t> previousEvent(double day) const;
  // The first date strictly after / last strictly before `day` on which something happens: an
  // event or a control change. Where "next event" and "previous event" stop.
  std::optional<Day> nextMoment(double day) const;
  std::optional<Day> previousMoment(double day) const;
  // Index of the control snapshot in force on `day` (into controlChangeDates), if any.
  std::optional<std::size_t> snapshotAt(double day) const;

 private:
  Day first_ = 0, last_ = 0;
  std::vector<Day> changeDates_;
};

}  // namespace idlib
