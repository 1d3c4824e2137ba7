// The column-mapping dialog's view of tables as GDAL reads them: a GDELT-like TSV, a newsroom's
// spreadsheet turned into XLSX by GDAL's ogr2ogr (GDALVectorTranslate) in the test, a GeoPackage
// of points in Web Mercator; the guess made from what was read. Rows written for these tests.
#include "geo/table_sample.hpp"

#include <gdal/gdal_utils.h>
#include <gdal/ogrsf_frmts.h>
#include <gtest/gtest.h>

#include "fixtures.hpp"

namespace idlib {
namespace {

TableSample sampled(const std::string& path) {
  auto read = readTableSample(path);
  if (auto* why = std::get_if<std::string>(&read)) ADD_FAILURE() << *why;
  return std::get<TableSample>(read);
}

// ogr2ogr SOURCE to DESTINATION with `arguments`, through GDAL's library (no shell).
void translate(const std::string& source, const std::string& destination,
               std::vector<std::string> arguments,
               std::vector<std::string> openOptions = {"AUTODETECT_TYPE=NO"}) {
  GDALAllRegister();
  std::vector<char*> argv, open;
  for (auto& a : arguments)
    argv.push_back(a.data());
  argv.push_back(nullptr);
  for (auto& o : openOptions)
    open.push_back(o.data());
  open.push_back(nullptr);
  GDALDatasetH in = GDALOpenEx(source.c_str(), GDAL_OF_VECTOR, nullptr, open.data(), nullptr);
  ASSERT_NE(in, nullptr) << source;
  GDALVectorTranslateOptions* options = GDALVectorTranslateOptionsNew(argv.data(), nullptr);
  int failed = 0;
  GDALDatasetH out = GDALVectorTranslate(destination.c_str(), nullptr, 1, &in, options, &failed);
  GDALVectorTranslateOptionsFree(options);
  ASSERT_NE(out, nullptr) << destination;
  GDALClose(out);
  GDALClose(in);
}

TEST(TableSample, GdeltLikeTsvIsGuessed) {
  test::TempDir dir;
  const auto path = dir.file("gdelt.tsv").string();
  test::writeText(path,
                  "GLOBALEVENTID\tSQLDATE\tActor1Name\tActor2Name\tEventRootCode\tActionGeo_"
                  "FullName\tActionGeo_Lat\tActionGeo_Long\n"
                  "900000001\t20200509\tTEST GROUP A\tTEST GROUP B\t19\tAriha, Idlib, "
                  "Syria\t35.8137\t36.6103\n");
  const TableSample s = sampled(path);
  ASSERT_EQ(s.columns.size(), 8u);  // read with tabs, not as one column
  EXPECT_FALSE(s.hasGeometry);
  const ColumnGuess g = guessColumns(s);
  EXPECT_EQ(g.mapping.date, "SQLDATE");
  EXPECT_EQ(g.mapping.latitude, "ActionGeo_Lat");
  const auto preview = previewRows(s, g.mapping);
  ASSERT_EQ(preview.size(), 1u);
  EXPECT_EQ(preview[0].where, path + " line 2");
  EXPECT_EQ(preview[0].date, makeDay(2020, 5, 9));
}

TEST(TableSample, NewsroomSpreadsheetAsXlsx) {
  test::TempDir dir;
  const auto csv = dir.file("newsroom.csv").string();
  const auto xlsx = dir.file("newsroom.xlsx").string();
  test::writeText(csv,
                  "Date of incident,Town,Lat,Long,Kind,Killed\n"
                  "09/05/2020,Ariha,35.8137,36.6103,shelling,0\n"
                  "28/02/2020,Saraqib,35.8636,36.8006,clashes,3\n");
  translate(csv, xlsx, {"-f", "XLSX"});
  const TableSample s = sampled(xlsx);
  EXPECT_EQ(s.columns, (std::vector<std::string>{"Date of incident", "Town", "Lat", "Long", "Kind",
                                                 "Killed"}));
  ASSERT_EQ(s.rows.size(), 2u);
  const ColumnGuess g = guessColumns(s);
  EXPECT_EQ(g.mapping.date, "Date of incident");
  EXPECT_EQ(g.mapping.dateFormat, "d/m/y");
  EXPECT_EQ(g.mapping.latitude, "Lat");
  EXPECT_EQ(g.mapping.longitude, "Long");
  EXPECT_EQ(g.mapping.fatalities, "Killed");
  const auto preview = previewRows(s, g.mapping);
  EXPECT_EQ(preview[1].where, xlsx + " line 3");  // the sheet's row, as a spreadsheet shows it
  EXPECT_EQ(preview[1].date, makeDay(2020, 2, 28));
  EXPECT_EQ(preview[1].type, "clashes");
  EXPECT_EQ(preview[1].problem, "");
}

TEST(TableSample, GeoPackagePointsInWebMercatorComeBackInDegrees) {
  test::TempDir dir;
  const auto csv = dir.file("points.csv").string();
  const auto gpkg = dir.file("points.gpkg").string();
  test::writeText(csv, "X,Y,when,kind\n36.6103,35.8137,2020-05-09,shelling\n");
  translate(csv, gpkg,
            {"-f", "GPKG", "-s_srs", "EPSG:4326", "-t_srs", "EPSG:3857", "-select", "when,kind",
             "-nln", "points"},
            {"AUTODETECT_TYPE=NO", "X_POSSIBLE_NAMES=X", "Y_POSSIBLE_NAMES=Y"});
  const TableSample s = sampled(gpkg);
  EXPECT_TRUE(s.hasGeometry);
  EXPECT_EQ(s.columns, (std::vector<std::string>{"when", "kind"}));
  ASSERT_EQ(s.points.size(), 1u);
  ASSERT_TRUE(s.points[0]);
  EXPECT_NEAR(s.points[0]->lon, 36.6103, 1e-6);
  EXPECT_NEAR(s.points[0]->lat, 35.8137, 1e-6);
  const ColumnGuess g = guessColumns(s);
  EXPECT_TRUE(g.mapping.useGeometry);
  EXPECT_EQ(g.mapping.date, "when");
  EXPECT_EQ(previewRows(s, g.mapping)[0].problem, "");
}

TEST(TableSample, WhatGdalCannotReadIsSaid) {
  test::TempDir dir;
  const auto path = dir.file("notes.txt").string();
  test::writeText(path, "\x01\x02 not a table");
  const auto read = readTableSample(path);
  ASSERT_TRUE(std::holds_alternative<std::string>(read));
  EXPECT_TRUE(std::get<std::string>(read).starts_with(path + ": is not a table GDAL can read"))
      << std::get<std::string>(read);
}

}  // namespace
}  // namespace idlib
