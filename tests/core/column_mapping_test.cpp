// A table's own columns read as events: the date formats, --columns' text and its errors, and a
// row renamed by a mapping.
#include "core/column_mapping.hpp"

#include <gtest/gtest.h>

namespace idlib {
namespace {

ColumnMapping parsed(std::string_view text) {
  auto result = parseColumnMapping(text);
  if (auto* error = std::get_if<std::string>(&result)) ADD_FAILURE() << *error;
  return std::get<ColumnMapping>(result);
}

std::string errorOf(std::string_view text) {
  auto result = parseColumnMapping(text);
  return std::holds_alternative<std::string>(result) ? std::get<std::string>(result) : "";
}

TEST(ColumnMapping, DateFormatsReadTheSameDay) {
  const Day may9 = makeDay(2020, 5, 9);
  EXPECT_EQ(parseDateAs("2020-05-09", DateFormat::Any), may9);
  EXPECT_EQ(parseDateAs("9-May-20", DateFormat::Any), may9);
  EXPECT_EQ(parseDateAs("2020/05/09", DateFormat::Any), may9);  // GDAL's date fields
  EXPECT_EQ(parseDateAs("2020-05-09T14:30:00Z", DateFormat::Any), may9);
  EXPECT_EQ(parseDateAs("09/05/2020", DateFormat::DayMonthYear), may9);
  EXPECT_EQ(parseDateAs("9.5.20", DateFormat::DayMonthYear), may9);
  EXPECT_EQ(parseDateAs("05/09/2020", DateFormat::MonthDayYear), may9);
  EXPECT_EQ(parseDateAs("5/9/2020 10:00", DateFormat::MonthDayYear), may9);
  EXPECT_EQ(parseDateAs("20200509", DateFormat::Compact), may9);
  EXPECT_EQ(parseDateAs("20200509151500", DateFormat::Compact), may9);
  EXPECT_EQ(parseDateAs("1588982400", DateFormat::UnixSeconds), may9);
  EXPECT_EQ(parseDateAs("1589068799", DateFormat::UnixSeconds), may9);  // its last second
}

TEST(ColumnMapping, TwoDigitYearsAroundTheCenturyTurn) {
  EXPECT_EQ(parseDateAs("31/12/99", DateFormat::DayMonthYear), makeDay(1999, 12, 31));
  EXPECT_EQ(parseDateAs("01/01/00", DateFormat::DayMonthYear), makeDay(2000, 1, 1));
  EXPECT_EQ(parseDateAs("12/31/99", DateFormat::MonthDayYear), makeDay(1999, 12, 31));
  EXPECT_EQ(parseDateAs("29/02/00", DateFormat::DayMonthYear), makeDay(2000, 2, 29));
  EXPECT_EQ(parseDateAs("946684799", DateFormat::UnixSeconds), makeDay(1999, 12, 31));
  EXPECT_EQ(parseDateAs("946684800", DateFormat::UnixSeconds), makeDay(2000, 1, 1));
}

TEST(ColumnMapping, WrongDatesInAFormatAreNotDates) {
  EXPECT_FALSE(parseDateAs("13/13/2020", DateFormat::DayMonthYear));
  EXPECT_FALSE(parseDateAs("31/04/2020", DateFormat::DayMonthYear));
  EXPECT_FALSE(parseDateAs("09/05/2020", DateFormat::Compact));
  EXPECT_FALSE(parseDateAs("2020-05-09", DateFormat::DayMonthYear));
  EXPECT_FALSE(parseDateAs("20201309", DateFormat::Compact));
  EXPECT_FALSE(parseDateAs("9/5/202", DateFormat::DayMonthYear));
  EXPECT_FALSE(parseDateAs("soon", DateFormat::UnixSeconds));
  EXPECT_FALSE(parseDateAs("1e300", DateFormat::UnixSeconds));
  EXPECT_FALSE(parseDateAs("", DateFormat::Any));
}

TEST(ColumnMapping, ColumnsTextReadsKeysColumnsFormatAndGeometry) {
  const ColumnMapping m =
      parsed("date=Date of incident, lat=Y,lon=X,type=Kind,notes=الوصف,date_format=d/m/y");
  EXPECT_EQ(m.date, "Date of incident");
  EXPECT_EQ(m.latitude, "Y");
  EXPECT_EQ(m.longitude, "X");
  EXPECT_EQ(m.type, "Kind");
  EXPECT_EQ(m.notes, "الوصف");
  EXPECT_EQ(m.dateFormat, "d/m/y");
  EXPECT_FALSE(m.useGeometry);
  EXPECT_EQ(columnMappingText(m),
            "date=Date of incident,lat=Y,lon=X,type=Kind,notes=الوصف,date_format=d/m/y");
  const ColumnMapping g = parsed("date=when,place=geometry");
  EXPECT_TRUE(g.useGeometry);
  EXPECT_EQ(parsed(columnMappingText(g)), g);
}

TEST(ColumnMapping, MalformedColumnsTextSaysWhichItemAndWhy) {
  EXPECT_EQ(errorOf("date=Date,lat"),
            "--columns 'lat': expected KEY=COLUMN, e.g. date=Date,lat=Y,lon=X");
  EXPECT_EQ(errorOf("date=Date,lat="), "--columns 'lat=': no column named after 'lat='");
  EXPECT_EQ(errorOf("date=A,date=B"), "--columns 'date=B': 'date' is given twice");
  EXPECT_EQ(errorOf("latitude=Y"),
            "--columns 'latitude=Y': unknown key 'latitude' (keys: date, lat, lon, type, actor1, "
            "actor2, location, notes, fatalities, source, date_format, place)");
  EXPECT_EQ(errorOf("date=D,date_format=dd.mm.yyyy"),
            "--columns 'date_format=dd.mm.yyyy': the date format is not one of any, d/m/y, "
            "m/d/y, yyyymmdd, unix");
  EXPECT_EQ(errorOf("place=centre"),
            "--columns 'place=centre': place= takes only 'geometry' (else give lat= and lon=)");
  EXPECT_EQ(errorOf("lat=Y,place=geometry"),
            "--columns 'lat=Y,place=geometry': give either place=geometry or lat= and lon=, not "
            "both");
  EXPECT_EQ(errorOf(" , "),
            "--columns ' , ': names no column (expected e.g. date=Date,lat=Y,lon=X)");
}

TEST(ColumnMapping, AMappingThatDoesNotFitTheTableNamesTheColumn) {
  const std::vector<std::string> columns = {"Date", "Lat", "Long", "Kind"};
  EXPECT_FALSE(mappingProblem("n.csv", parsed("date=Date,lat=Lat,lon=Long"), columns, false));
  EXPECT_EQ(mappingProblem("n.csv", parsed("date=Date,lat=Y,lon=Long"), columns, false),
            "n.csv: lat=Y: the table has no column 'Y'; found: Date, Lat, Long, Kind; table "
            "skipped");
  EXPECT_EQ(mappingProblem("n.csv", parsed("date=Date,type=Kind"), columns, false),
            "n.csv: no column for the Latitude (give lat=COLUMN); no column for the Longitude "
            "(give lon=COLUMN); found: Date, Lat, Long, Kind; table skipped");
  EXPECT_EQ(mappingProblem("n.csv", parsed("date=Date,place=geometry"), columns, false),
            "n.csv: place=geometry: the table has no geometry (give lat= and lon=); found: Date, "
            "Lat, Long, Kind; table skipped");
  EXPECT_FALSE(mappingProblem("p.gpkg", parsed("date=Date,place=geometry"), columns, true));
  ColumnMapping badFormat = parsed("date=Date,lat=Lat,lon=Long");
  badFormat.dateFormat = "dd.mm";  // as a hand-edited workspace might hold it
  EXPECT_EQ(mappingProblem("n.csv", badFormat, columns, false),
            "n.csv: date_format=dd.mm: not one of any, d/m/y, m/d/y, yyyymmdd, unix; found: "
            "Date, Lat, Long, Kind; table skipped");
}

TEST(ColumnMapping, ARowIsRenamedToAcledsColumnsAndItsDateRewritten) {
  Row row{{{"Date", "31/12/99"}, {"Y", "35.93"}, {"X", "36.63"}, {"Kind", "shelling"}},
          "n.csv",
          2,
          true};
  std::vector<Notice> notices;
  ASSERT_TRUE(applyMapping(parsed("date=Date,lat=Y,lon=X,type=Kind,date_format=d/m/y"), row,
                           std::nullopt, notices));
  EXPECT_TRUE(notices.empty());
  EXPECT_EQ(row.get("event_date"), "1999-12-31");
  EXPECT_EQ(row.get("latitude"), "35.93");
  EXPECT_EQ(row.get("event_type"), "shelling");
}

TEST(ColumnMapping, ARowsPlaceFromItsGeometry) {
  Row row{{{"when", "2020-05-09"}}, "p.gpkg", 4, false};
  std::vector<Notice> notices;
  const ColumnMapping m = parsed("date=when,place=geometry");
  ASSERT_TRUE(applyMapping(m, row, LonLat{36.63, 35.93}, notices));
  EXPECT_EQ(row.get("latitude"), "35.9300000");
  EXPECT_EQ(row.get("longitude"), "36.6300000");
  Row without{{{"when", "2020-05-09"}}, "p.gpkg", 5, false};
  EXPECT_FALSE(applyMapping(m, without, std::nullopt, notices));
  ASSERT_EQ(notices.size(), 1u);
  EXPECT_EQ(notices[0].message,
            "p.gpkg feature 5: has no geometry (the mapping takes the place from it); row skipped");
}

TEST(ColumnMapping, ADateNotInTheMappingsFormatNamesTheColumn) {
  Row row{
      {{"Date of incident", "2020-05-09"}, {"Lat", "35.9"}, {"Long", "36.6"}}, "n.csv", 3, true};
  std::vector<Notice> notices;
  EXPECT_FALSE(applyMapping(parsed("date=Date of incident,lat=Lat,lon=Long,date_format=m/d/y"), row,
                            std::nullopt, notices));
  ASSERT_EQ(notices.size(), 1u);
  EXPECT_EQ(notices[0].message,
            "n.csv line 3: Date of incident '2020-05-09' is not a date in the format m/d/y (e.g. "
            "05/09/2020); row skipped");
}

TEST(ColumnMapping, ADateTheAppCannotReadSuggestsAFormat) {
  Row row{{{"Date", "28/02/2020"}, {"Lat", "35.9"}, {"Long", "36.6"}}, "n.csv", 4, true};
  std::vector<Notice> notices;
  EXPECT_FALSE(applyMapping(parsed("date=Date,lat=Lat,lon=Long"), row, std::nullopt, notices));
  ASSERT_EQ(notices.size(), 1u);
  EXPECT_EQ(notices[0].message,
            "n.csv line 4: Date '28/02/2020' is not a date (e.g. 2020-05-09, 9 May 2020, "
            "9-May-20); for another form give date_format=d/m/y, m/d/y, yyyymmdd or unix; row "
            "skipped");
}

}  // namespace
}  // namespace idlib
