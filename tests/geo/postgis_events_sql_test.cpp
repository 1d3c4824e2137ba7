// The SQL of the PostGIS pushdown, without a server: names quoted, values only as parameters,
// GDAL's connection string split into libpq's conninfo and the table. The queries' answers are
// checked against a real server by tests/geo/postgis_events_live_test.cpp.
#include <gtest/gtest.h>

#include "geo/postgis_events.hpp"

namespace idlib {
namespace {

TEST(PostgisEventsSql, QuotesIdentifiersAsPostgresqlDoes) {
  EXPECT_EQ(quoteIdentifier("events"), "\"events\"");
  EXPECT_EQ(quoteIdentifier("Événements 2020"), "\"Événements 2020\"");
  EXPECT_EQ(quoteIdentifier("x\"; DROP TABLE t; --"), "\"x\"\"; DROP TABLE t; --\"");
  PostgisEventTable t;
  t.schema = "team";
  t.table = "a\"b";
  EXPECT_EQ(qualifiedName(t), "\"team\".\"a\"\"b\"");
}

TEST(PostgisEventsSql, WindowValuesAreParametersNeverText) {
  PostgisEventTable t;
  t.table = "acled";
  t.geometryColumn = "geom";
  t.typeColumn = "event_type";
  const std::string rows = windowRowsSql(t);
  EXPECT_NE(rows.find("\"event_date\" >= $1::date AND \"event_date\" < $2::date + 1"),
            std::string::npos)
      << rows;
  EXPECT_NE(
      rows.find(
          "\"geom\" && ST_MakeEnvelope($3::float8, $4::float8, $5::float8, $6::float8, 4326)"),
      std::string::npos)
      << rows;
  EXPECT_NE(rows.find("LIMIT $7::bigint"), std::string::npos) << rows;
  const std::string cells = windowCellsSql(t);
  EXPECT_NE(cells.find("floor(ST_X(\"geom\") / $7::float8)::bigint"), std::string::npos) << cells;
  EXPECT_NE(cells.find("count(*)"), std::string::npos);
  EXPECT_NE(cells.find("GROUP BY 1, 2"), std::string::npos);
}

TEST(PostgisEventsSql, AnotherProjectionIsTransformedOnTheServer) {
  PostgisEventTable t;
  t.table = "events";
  t.geometryColumn = "geom";
  t.srid = 3857;
  const std::string rows = windowRowsSql(t);
  EXPECT_NE(
      rows.find("ST_Transform(ST_MakeEnvelope($3::float8, $4::float8, $5::float8, $6::float8, "
                "4326), 3857)"),
      std::string::npos)
      << rows;
  EXPECT_NE(rows.find("ST_X(ST_Transform(\"geom\", 4326))"), std::string::npos) << rows;
}

TEST(PostgisEventsSql, IndexesMatchTheQueriesExpressions) {
  PostgisEventTable t;
  t.table = "events";  // longitude and latitude columns: the index is on the query's point
  const auto statements = createIndexStatements(t);
  ASSERT_EQ(statements.size(), 3u);
  const std::string point =
      "ST_SetSRID(ST_MakePoint(\"longitude\"::float8, \"latitude\"::float8), 4326)";
  EXPECT_EQ(statements[0],
            "CREATE INDEX IF NOT EXISTS \"events_position_gist\" ON \"events\" USING gist ((" +
                point + "))");
  EXPECT_NE(windowRowsSql(t).find(point + " && "), std::string::npos);
  EXPECT_EQ(statements[1],
            "CREATE INDEX IF NOT EXISTS \"events_date_btree\" ON \"events\" (\"event_date\")");
  EXPECT_EQ(statements[2], "ANALYZE \"events\"");
  t.dateIsText = true;  // a cast per row: no date index, said in the README
  EXPECT_EQ(createIndexStatements(t).size(), 2u);
}

TEST(PostgisEventsSql, GdalConnectionBecomesConninfoAndTable) {
  const auto target = parsePostgisTarget(
      "PG:host='/tmp/a b' port='5432' dbname='atlas' user='me' password='p\\'w x' "
      "tables=team.acled,other");
  EXPECT_EQ(target.conninfo,
            "host='/tmp/a b' port='5432' dbname='atlas' user='me' password='p\\'w x'");
  EXPECT_EQ(target.table, "team.acled");
  const auto plain = parsePostgisTarget("PG:dbname=atlas tables=events(geom) schemas=public");
  EXPECT_EQ(plain.conninfo, "dbname=atlas");
  EXPECT_EQ(plain.table, "events");
}

}  // namespace
}  // namespace idlib
