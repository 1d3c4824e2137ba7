#!/usr/bin/env bash
# The PostGIS pushdown (geo/postgis_events) against a real server: a throwaway PostgreSQL 15 +
# PostGIS cluster (pg_cluster.sh) holding 200,000 generated events, then the live tests in
# tests/geo/postgis_events_live_test.cpp, which compute the expected answers from the same formulas.
# Skips (exit 77) where the server's packages are missing.
# Usage: postgis_events_test.sh PATH/TO/postgis_events_tests OUTPUT_DIR
set -u
tests=$1
out=$2
rm -rf "$out" && mkdir -p "$out"
. "$(dirname "${BASH_SOURCE[0]}")/pg_cluster.sh"
pg_cluster_check
pg_cluster_start "$out"

# Row i: a day of 2019-2020, a point in a 2 x 1.5 degree box over Idlib, one of three types.
# latlon_events is the first 2,000 as ogr2ogr writes a CSV (every column text); slow_events waits
# 30 s before its rows, so only a cancel ends its queries; the last name needs quoting.
if ! psql_atlas -d atlas >"$out/fill.log" 2>&1 <<'SQL'; then
CREATE TABLE events AS
SELECT i AS event_id, DATE '2019-01-01' + (i % 730)::int AS event_date,
       ST_SetSRID(ST_MakePoint(35.5 + (i * 7919 % 1000) / 1000.0 * 2.0,
                               35.0 + (i * 104729 % 1000) / 1000.0 * 1.5), 4326)::geometry(Point, 4326) AS geom,
       (ARRAY['battles', 'shelling', 'protests'])[1 + i % 3] AS event_type
FROM generate_series(1::bigint, 200000) AS i;
CREATE TABLE latlon_events AS
SELECT event_id::text, event_date::text, ST_Y(geom)::text AS latitude, ST_X(geom)::text AS longitude,
       event_type::varchar AS event_type
FROM events WHERE event_id <= 2000;
CREATE VIEW slow_events AS SELECT e.* FROM events e, (SELECT pg_sleep(30)) AS wait;
CREATE TABLE "team ""b"" events" AS SELECT * FROM events WHERE event_id <= 20000;
ANALYZE;
SQL
  cat "$out/fill.log"
  echo "FAIL: the test tables could not be made"
  exit 1
fi

ATLAS_PG_CONNINFO=$pg_conninfo "$tests" --gtest_output="xml:$out/results.xml"
