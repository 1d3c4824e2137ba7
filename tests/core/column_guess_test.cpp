// The column-mapping dialog's guess from names and values, and its preview, on the starts of
// tables as analysts have them: GDELT-like, a newsroom's spreadsheet in English or Arabic, a
// GeoPackage of points. The rows are written for these tests, not taken from any dataset.
#include "core/column_guess.hpp"

#include <gtest/gtest.h>

#include "core/format.hpp"

namespace idlib {
namespace {

// A table from lines of `separator`-separated text, the first its header (no quoting needed).
TableSample table(std::string file, const std::vector<std::string>& lines, char separator = ',') {
  TableSample s;
  s.file = std::move(file);
  const auto cells = [&](const std::string& line) {
    std::vector<std::string> out;
    std::size_t start = 0;
    for (std::size_t i = 0; i <= line.size(); ++i)
      if (i == line.size() || line[i] == separator) {
        out.emplace_back(trim(std::string_view(line).substr(start, i - start)));
        start = i + 1;
      }
    return out;
  };
  s.columns = cells(lines.front());
  for (std::size_t i = 1; i < lines.size(); ++i) {
    Row row{{}, s.file, static_cast<int>(i) + 1, true};
    const auto values = cells(lines[i]);
    for (std::size_t c = 0; c < s.columns.size() && c < values.size(); ++c)
      if (!values[c].empty()) row.fields[s.columns[c]] = values[c];
    s.rows.push_back(std::move(row));
  }
  return s;
}

TEST(ColumnGuess, GdeltLikeTableByItsNamesAndCompactDates) {
  const auto s = table(
      "gdelt.tsv",
      {"GLOBALEVENTID\tSQLDATE\tActor1Name\tActor2Name\tEventRootCode\tActor1Geo_Lat\tActor1Geo_"
       "Long\tActionGeo_FullName\tActionGeo_Lat\tActionGeo_Long\tSOURCEURL",
       "900000001\t20200509\tTEST GROUP A\tTEST GROUP B\t19\t36.2\t37.1\tAriha, Idlib, "
       "Syria\t35.8137\t36.6103\thttps://example.org/a",
       "900000002\t20200228\tTEST GROUP A\t\t18\t36.2\t37.1\tSaraqib, Idlib, "
       "Syria\t35.8636\t36.8006\thttps://example.org/b"},
      '\t');
  const ColumnGuess g = guessColumns(s);
  EXPECT_EQ(g.mapping.date, "SQLDATE");
  EXPECT_EQ(g.mapping.dateFormat, "yyyymmdd");
  EXPECT_EQ(g.mapping.latitude, "ActionGeo_Lat");  // the event's place, not its actor's
  EXPECT_EQ(g.mapping.longitude, "ActionGeo_Long");
  EXPECT_EQ(g.mapping.type, "EventRootCode");
  EXPECT_EQ(g.mapping.actor1, "Actor1Name");
  EXPECT_EQ(g.mapping.actor2, "Actor2Name");
  EXPECT_EQ(g.mapping.location, "ActionGeo_FullName");
  EXPECT_EQ(g.mapping.source, "SOURCEURL");
  const auto preview = previewRows(s, g.mapping);
  ASSERT_EQ(preview.size(), 2u);
  EXPECT_EQ(preview[0].date, makeDay(2020, 5, 9));
  EXPECT_DOUBLE_EQ(preview[0].place->lat, 35.8137);
  EXPECT_EQ(preview[0].type, "19");
  EXPECT_EQ(preview[1].problem, "");
}

TEST(ColumnGuess, NewsroomSheetWithDayFirstDatesAndLatLong) {
  const auto s =
      table("newsroom.csv", {"No.,Date of incident,Town,Lat,Long,Kind,Killed,Summary",
                             "1,09/05/2020,Ariha,35.8137,36.6103,shelling,0,Test row.",
                             "2,28/02/2020,Saraqib,35.8636,36.8006,clashes,3,Test row 2."});
  const ColumnGuess g = guessColumns(s);
  EXPECT_EQ(g.mapping.date, "Date of incident");
  EXPECT_EQ(g.mapping.dateFormat, "d/m/y");  // 28/02 has a day above 12
  EXPECT_EQ(g.mapping.latitude, "Lat");
  EXPECT_EQ(g.mapping.longitude, "Long");
  EXPECT_EQ(g.mapping.location, "Town");
  EXPECT_EQ(g.mapping.type, "Kind");
  EXPECT_EQ(g.mapping.fatalities, "Killed");
  EXPECT_EQ(g.mapping.notes, "Summary");
  const auto preview = previewRows(s, g.mapping);
  EXPECT_EQ(preview[1].date, makeDay(2020, 2, 28));
  EXPECT_EQ(preview[1].type, "clashes");
}

TEST(ColumnGuess, ArabicHeaders) {
  // التاريخ date, خط العرض latitude, خط الطول longitude, نوع الحادثة type of incident,
  // المكان place, الوصف description.
  const auto s = table("arabic.csv", {"التاريخ,المكان,خط العرض,خط الطول,نوع الحادثة,الوصف",
                                      "2020-05-09,أريحا,35.8137,36.6103,قصف,سطر اختبار",
                                      "2020-02-28,سراقب,35.8636,36.8006,اشتباكات,سطر اختبار"});
  const ColumnGuess g = guessColumns(s);
  EXPECT_EQ(g.mapping.date, "التاريخ");
  EXPECT_EQ(g.mapping.dateFormat, "");  // read as the app reads dates
  EXPECT_EQ(g.mapping.latitude, "خط العرض");
  EXPECT_EQ(g.mapping.longitude, "خط الطول");
  EXPECT_EQ(g.mapping.type, "نوع الحادثة");
  EXPECT_EQ(g.mapping.location, "المكان");
  EXPECT_EQ(g.mapping.notes, "الوصف");
  EXPECT_EQ(previewRows(s, g.mapping)[0].type, "قصف");
}

TEST(ColumnGuess, UnnamedColumnsByTheirValues) {
  // Headers that say nothing: the date by its values, the place by numbers with decimals in
  // range (latitude the one within ±90 where the other is beyond).
  const auto s =
      table("sheet.csv", {"A,B,C,D", "x,12/31/2019,136.8,35.8", "y,1/2/2020,136.6,35.9"});
  const ColumnGuess g = guessColumns(s);
  EXPECT_EQ(g.mapping.date, "B");
  EXPECT_EQ(g.mapping.dateFormat, "m/d/y");  // 12/31: a month above 12 otherwise
  EXPECT_EQ(g.mapping.latitude, "D");
  EXPECT_EQ(g.mapping.longitude, "C");
}

TEST(ColumnGuess, AmbiguousDayAndMonthIsSaid) {
  const auto s = table("n.csv", {"date,lat,lon", "01/02/2020,35.8,36.6", "03/04/2020,35.9,36.7"});
  const ColumnGuess g = guessColumns(s);
  EXPECT_EQ(g.mapping.dateFormat, "d/m/y");
  bool said = false;
  for (const auto& r : g.reasons)
    said = said || r.find("d/m/y and m/d/y both fit") != std::string::npos;
  EXPECT_TRUE(said);
}

TEST(ColumnGuess, TimestampOnlyWhereTheNameSaysSo) {
  // An id of ten digits reads as seconds too; only a column named as a timestamp is taken.
  const auto s = table(
      "acled.csv", {"event_id,timestamp,latitude,longitude", "1589000000,1588982400,35.8,36.6"});
  const ColumnGuess g = guessColumns(s);
  EXPECT_EQ(g.mapping.date, "timestamp");
  EXPECT_EQ(g.mapping.dateFormat, "unix");
  EXPECT_EQ(previewRows(s, g.mapping)[0].date, makeDay(2020, 5, 9));
}

TEST(ColumnGuess, PointsWithoutCoordinateColumnsTakeTheGeometry) {
  auto s = table("points.gpkg", {"fid,name,when,kind", "1,Ariha,2020-05-09,shelling"});
  s.hasGeometry = true;
  s.points = {LonLat{36.6103, 35.8137}};
  const ColumnGuess g = guessColumns(s);
  EXPECT_TRUE(g.mapping.useGeometry);
  EXPECT_EQ(g.mapping.date, "when");
  EXPECT_EQ(g.mapping.type, "kind");
  const auto preview = previewRows(s, g.mapping);
  ASSERT_TRUE(preview[0].place);
  EXPECT_NEAR(preview[0].place->lon, 36.6103, 1e-6);
}

// A real sheet's first rows hold typos: one bad date or coordinate in four does not hide the
// column; the preview shows the row. Two of four would.
TEST(ColumnGuess, ATypoInTheFirstRowsDoesNotHideTheColumn) {
  const auto s = table("n.csv", {"Date of incident,Lat,Long", "09/05/2020,35.8137,36.6103",
                                 "10/05/2020,35.8636,36.8006", "31/31/2020,35.8636,36.8006",
                                 "11/05/2020,95.5,36.8006"});
  const ColumnGuess g = guessColumns(s);
  EXPECT_EQ(g.mapping.date, "Date of incident");
  EXPECT_EQ(g.mapping.dateFormat, "d/m/y");
  EXPECT_EQ(g.mapping.latitude, "Lat");
  EXPECT_EQ(g.mapping.longitude, "Long");
  const auto preview = previewRows(s, g.mapping);
  EXPECT_EQ(preview[0].problem, "");
  EXPECT_NE(preview[2].problem, "");
  EXPECT_NE(preview[3].problem, "");
  const auto twoBad = table("n.csv", {"when", "09/05/2020", "x", "y", "10/05/2020"});
  EXPECT_TRUE(guessColumns(twoBad).mapping.date.empty());
}

TEST(ColumnGuess, PreviewSaysEachRowsProblem) {
  const auto s = table("n.csv", {"Date,Lat,Long", "09/05/2020,35.8,36.6", "31/31/2020,35.8,36.6",
                                 "10/05/2020,95,36.6"});
  ColumnMapping m;
  m.date = "Date";
  m.dateFormat = "d/m/y";
  m.latitude = "Lat";
  m.longitude = "Long";
  const auto preview = previewRows(s, m);
  ASSERT_EQ(preview.size(), 3u);
  EXPECT_EQ(preview[0].problem, "");
  EXPECT_EQ(preview[1].where, "n.csv line 3");
  EXPECT_EQ(preview[1].problem,
            "Date '31/31/2020' is not a date in the format d/m/y (e.g. 09/05/2020, 9.5.20); row "
            "skipped");
  EXPECT_FALSE(preview[1].date);
  EXPECT_NE(preview[2].problem.find("outside the world"), std::string::npos) << preview[2].problem;
}

TEST(ColumnGuess, NothingToGoOnIsSaid) {
  const auto s = table("words.csv", {"who,what", "a,b"});
  const ColumnGuess g = guessColumns(s);
  EXPECT_TRUE(g.mapping.date.empty());
  EXPECT_TRUE(g.mapping.latitude.empty());
  EXPECT_FALSE(g.mapping.useGeometry);
  ASSERT_GE(g.reasons.size(), 2u);
  EXPECT_EQ(g.reasons[0], "Date: no column reads as dates in the first rows; pick one");
}

}  // namespace
}  // namespace idlib
