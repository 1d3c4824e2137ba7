// The tables' row readers without GDAL: rows as a user might write them, and what they are told.
#include "core/table_rows.hpp"

#include <gtest/gtest.h>

#include <cmath>

namespace idlib {
namespace {

Row row(std::map<std::string, std::string, std::less<>> fields, int line = 7) {
  return {std::move(fields), "events.csv", line, true};
}

TEST(TableRows, AnEventRowGivesAnEventInDegrees) {
  std::vector<Notice> notices;
  const auto e = eventFromRow(row({{"event_id", "e1"},
                                   {"event_date", "3 February 2020"},
                                   {"time_precision", "2"},
                                   {"latitude", "35.8636"},
                                   {"longitude", "36.8006"},
                                   {"fatalities", "8"},
                                   {"source", "article 004"}}),
                              notices);
  ASSERT_TRUE(e);
  EXPECT_TRUE(notices.empty());
  EXPECT_EQ(formatDate(e->date), "2020-02-03");
  EXPECT_EQ(e->precision, DatePrecision::Week);
  EXPECT_DOUBLE_EQ(e->where.lat, 35.8636);
  EXPECT_DOUBLE_EQ(e->where.lon, 36.8006);
  EXPECT_EQ(e->fatalities, 8);
  EXPECT_EQ(e->provenance.file, "events.csv");
  EXPECT_EQ(e->provenance.line, 7);
}

// How precisely the place is known: our words and ACLED's numbers mean the same; a row that
// leaves its place name empty is at best region-wide; an unknown word is said and read as region.
TEST(TableRows, AnEventsPlacePrecisionInWordsOrAcledNumbers) {
  const auto place = [](std::string precision, std::string location = "Saraqib") {
    std::vector<Notice> notices;
    const auto e = eventFromRow(row({{"event_date", "2020-02-03"},
                                     {"latitude", "35.8"},
                                     {"longitude", "36.6"},
                                     {"location", location},
                                     {"geo_precision", precision}}),
                                notices);
    return std::pair(e->place, notices.size());
  };
  EXPECT_EQ(place("town"), std::pair(PlacePrecision::Town, std::size_t{0}));
  EXPECT_EQ(place("1"), std::pair(PlacePrecision::Town, std::size_t{0}));
  EXPECT_EQ(place(""), std::pair(PlacePrecision::Town, std::size_t{0}));
  EXPECT_EQ(place("2"), std::pair(PlacePrecision::NearTown, std::size_t{0}));
  EXPECT_EQ(place("region"), std::pair(PlacePrecision::Region, std::size_t{0}));
  EXPECT_EQ(place("3"), std::pair(PlacePrecision::Region, std::size_t{0}));
  EXPECT_EQ(place("country"), std::pair(PlacePrecision::Country, std::size_t{0}));
  EXPECT_EQ(place("town", ""), std::pair(PlacePrecision::Region, std::size_t{0}));
  EXPECT_EQ(place("street"), std::pair(PlacePrecision::Region, std::size_t{1}));
  EXPECT_EQ(placePrecisionWords(PlacePrecision::Region),
            "somewhere in the province (no precise place)");
  EXPECT_EQ(datePrecisionWords(DatePrecision::Week), "known only to the week");
}

// An ACLED export's further columns are kept as written (issue 11).
TEST(TableRows, AcledsFurtherColumnsAreKept) {
  std::vector<Notice> notices;
  const auto e = eventFromRow(row({{"event_id_cnty", "SYR900001"},
                                   {"event_date", "31-Dec-99"},
                                   {"latitude", "35.8137"},
                                   {"longitude", "36.6103"},
                                   {"actor1", "Test actor A"},
                                   {"assoc_actor_1", "Test group A1; Test group A2"},
                                   {"actor2", "Test actor B"},
                                   {"assoc_actor_2", "Test group B1"},
                                   {"iso", "760"},
                                   {"admin1", "Idlib"},
                                   {"admin2", "Ariha"},
                                   {"admin3", "Ariha"},
                                   {"notes", "A test row."},
                                   {"fatalities", "2"},
                                   {"timestamp", "1589500000"}}),
                              notices);
  ASSERT_TRUE(e);
  EXPECT_TRUE(notices.empty());
  EXPECT_EQ(e->date, makeDay(1999, 12, 31));
  EXPECT_EQ(e->assocActor1, "Test group A1; Test group A2");
  EXPECT_EQ(e->assocActor2, "Test group B1");
  EXPECT_EQ(e->iso, "760");
  EXPECT_EQ(e->admin2, "Ariha");
  EXPECT_EQ(e->admin3, "Ariha");
  EXPECT_EQ(e->timestamp, 1589500000);
  EXPECT_EQ(e->fatalities, 2);
  EXPECT_EQ(e->notes, "A test row.");
  EXPECT_TRUE(e->dateBasis.empty());  // dated by event_date, not the timestamp
}

// Without an event_date the row's timestamp (Unix seconds, when it was recorded) dates it, and
// the event says so; a table with a timestamp column but none named event_date is read.
TEST(TableRows, ATimestampDatesARowWithoutEventDate) {
  std::vector<Notice> notices;
  const auto e = eventFromRow(
      row({{"timestamp", "946684800"}, {"latitude", "35.8"}, {"longitude", "36.6"}}), notices);
  ASSERT_TRUE(e);
  EXPECT_EQ(e->date, makeDay(2000, 1, 1));
  EXPECT_NE(e->dateBasis.find("timestamp"), std::string::npos);
  EXPECT_FALSE(
      missingColumnsMessage("acled.csv", Table::Events, {"timestamp", "latitude", "longitude"}));
  EXPECT_FALSE(eventFromRow(
      row({{"timestamp", "soon"}, {"latitude", "35.8"}, {"longitude", "36.6"}}, 9), notices));
  EXPECT_EQ(notices.back().message,
            "events.csv line 9: timestamp 'soon' is not a date (expected Unix seconds, e.g. "
            "1588982400); row skipped");
}

TEST(TableRows, ABadRowIsNamedByFileAndLineAndSkipped) {
  std::vector<Notice> notices;
  EXPECT_FALSE(eventFromRow(
      row({{"event_date", "2020-02-31"}, {"latitude", "35.8"}, {"longitude", "36.8"}}, 12),
      notices));
  ASSERT_EQ(notices.size(), 1u);
  EXPECT_EQ(notices[0].message,
            "events.csv line 12: event_date '2020-02-31' is not a date (expected YYYY-MM-DD, 3 May "
            "2020 or 3-May-20); row "
            "skipped");
}

TEST(TableRows, AHugeCountIsNotACount) {
  // Converting 1e300 to a long is undefined; such a figure is a typo, reported as one.
  std::vector<Notice> notices;
  Row r = row({{"date", "2020-02-01"},
               {"people", "1e300"},
               {"measure", "displaced"},
               {"latitude", "35.8"},
               {"longitude", "36.8"}});
  r.file = "figures.csv";
  EXPECT_FALSE(figureFromRow(r, notices));
  ASSERT_EQ(notices.size(), 1u);
  EXPECT_EQ(notices[0].message,
            "figures.csv line 7: people '1e300' is not a count of people (expected a whole "
            "number, 0 or more); row skipped");
  notices.clear();
  const auto e = eventFromRow(row({{"event_date", "2020-02-01"},
                                   {"latitude", "35.8"},
                                   {"longitude", "36.8"},
                                   {"fatalities", "1e300"}}),
                              notices);
  ASSERT_TRUE(e);
  EXPECT_FALSE(e->fatalities.has_value());
}

TEST(TableRows, APostWithoutCoordinatesIsListedNotDrawn) {
  std::vector<Notice> notices;
  Row r = row({{"name", "Morek"}});
  r.file = "posts.csv";
  const auto p = postFromRow(r, notices);
  ASSERT_TRUE(p);
  EXPECT_TRUE(std::isnan(p->where.lon));
  ASSERT_EQ(notices.size(), 1u);
  EXPECT_EQ(notices[0].severity, Severity::Info);
  EXPECT_EQ(notices[0].message,
            "posts.csv line 7: post 'Morek' has no coordinates; it is listed but not drawn");
}

TEST(TableRows, ControlChangesGatherByLocality) {
  std::vector<Notice> notices;
  LocalityCollector localities;
  for (const char* date : {"2017-05-01", "2020-02-06"})
    localities.add(*controlChangeFromRow(row({{"locality", "Saraqib"},
                                              {"date", date},
                                              {"controller", "government"},
                                              {"latitude", "35.8636"},
                                              {"longitude", "36.8006"}}),
                                         notices));
  const auto all = localities.take();
  ASSERT_EQ(all.size(), 1u);
  EXPECT_EQ(all[0].history.size(), 2u);
  EXPECT_TRUE(notices.empty());
}

TEST(TableRows, AFlowMayNameAKnownPlaceInsteadOfCoordinates) {
  std::vector<Notice> notices;
  const std::vector<Locality> known = {{"Saraqib", {36.8006, 35.8636}, {}, {}}};
  Row r = row({{"people", "1000"},
               {"period_start", "2020-02-01"},
               {"period_end", "2020-02-10"},
               {"origin", "Saraqib"},
               {"destination", "Atmeh"},
               {"dest_lat", "36.31"},
               {"dest_lon", "36.62"}});
  r.file = "flows.csv";
  const auto f = flowFromRow(r, known, notices);
  ASSERT_TRUE(f);
  EXPECT_DOUBLE_EQ(f->from.lat, 35.8636);
  r.fields["origin"] = "Nowhere";
  EXPECT_FALSE(flowFromRow(r, known, notices));
  ASSERT_EQ(notices.size(), 1u);
  EXPECT_EQ(notices[0].message,
            "flows.csv line 7: origin 'Nowhere' is not a known place and has no coordinates; row "
            "skipped");
}

TEST(TableRows, MissingColumnsAreNamedWithThoseFound) {
  EXPECT_FALSE(missingColumnsMessage("events.csv", Table::Events,
                                     {"event_date", "latitude", "longitude", "notes"}));
  EXPECT_EQ(
      *missingColumnsMessage("events.csv", Table::Events, {"id", "date", "place", "longitude"}),
      "events.csv: no event_date, latitude columns; found: id, date, place, longitude; "
      "table skipped");
  EXPECT_EQ(*missingColumnsMessage("posts.csv", Table::Posts, {"title"}),
            "posts.csv: no name column; found: title; table skipped");
}

TEST(TableRows, ColumnNamesInTheMessageAreBoundedAndPrintable) {
  std::vector<std::string> columns = {std::string(1000, 'x'), "bad\x1b[31mred", "caf\xe9"};
  for (int i = 0; i < 100; ++i)
    columns.push_back("c" + std::to_string(i));
  const std::string message = *missingColumnsMessage("events.csv", Table::Events, columns);
  EXPECT_LT(message.size(), 600u);
  EXPECT_NE(message.find("found: " + std::string(40, 'x') + "..., bad?[31mred, caf\u00e9, c0"),
            std::string::npos)
      << message;
  EXPECT_NE(message.find(" and 83 more"), std::string::npos) << message;
}

TEST(TableRows, Latin1FieldsAreConvertedWithOneWarningPerFile) {
  std::vector<Notice> notices;
  TextRepair repair;
  Row first = row({{"notes", "caf\xe9"}, {"location", "Saraqib"}});
  Row second = row({{"notes", "na\xefve"}}, 8);
  repair.repair(first, notices);
  repair.repair(second, notices);
  EXPECT_EQ(first.get("notes"), "caf\u00e9");
  EXPECT_EQ(second.get("notes"), "na\u00efve");
  ASSERT_EQ(notices.size(), 1u);
  EXPECT_EQ(notices[0].message,
            "events.csv line 7: field 'notes' is not UTF-8; read as Latin-1 (Windows-1252); any "
            "later such fields in this file too");
}

}  // namespace
}  // namespace idlib
