#!/usr/bin/env bash
# The PostGIS pushdown on the map (issue 12): an events table given as --event-file 'PG:...
# tables=T' is not loaded whole; a headless export asks the server for its date's time window
# and view, once, and draws the answer: the event markers of that window where they are, not the
# events outside it; zoomed out, discs of the counts per grid cell. A table without dates, a
# wrong password or a server gone is said, naming the table, and the map is still drawn.
# A throwaway PostgreSQL 15 + PostGIS (pg_cluster.sh) logs every statement, to count the queries.
# Usage: postgis_pushdown_test.sh PATH/TO/idlib-atlas OUTPUT_DIR   (exit 77: skipped)
set -u
bin=$1
out=$2
rm -rf "$out" && mkdir -p "$out"
. "$(dirname "${BASH_SOURCE[0]}")/pg_cluster.sh"
pg_cluster_check
. "$(dirname "${BASH_SOURCE[0]}")/expect.sh"
pg_cluster_start "$out" log_statement=all
conn="PG:$pg_conninfo"

# 50,000 "protests" (grey) over Syria, none within 0.3° of the test's places; three known events at
# places no bundled event or town marker is at: a battle (red) on 10 June 2019 and a displacement
# (blue) on 20 September 2019 at 36.40°E 35.60°N, a humanitarian event (green) at 36.46°E on
# 20 September; 500 battles at 38.00°E 35.00°N in June 2019 make one busy grid cell.
if ! psql_atlas -d atlas >"$out/fill.log" 2>&1 <<'SQL'; then
CREATE TABLE events AS
SELECT i AS event_id, DATE '2017-01-01' + (i % 1400)::int AS event_date,
       ST_SetSRID(ST_MakePoint(35.4 + 7.2 * ((i * 7919) % 100003) / 100003.0,
                               32.2 + 5.2 * ((i * 104729) % 99991) / 99991.0), 4326)::geometry(Point, 4326) AS geom,
       'protests'::text AS event_type
FROM generate_series(1::bigint, 50000) AS i;
DELETE FROM events WHERE geom && ST_MakeEnvelope(36.1, 35.3, 36.8, 35.9, 4326)
                      OR geom && ST_MakeEnvelope(37.7, 34.7, 38.3, 35.3, 4326);
INSERT INTO events VALUES
  (1000001, DATE '2019-06-10', ST_SetSRID(ST_MakePoint(36.40, 35.60), 4326), 'Battles'),
  (1000002, DATE '2019-09-20', ST_SetSRID(ST_MakePoint(36.40, 35.60), 4326), 'displacement'),
  (1000003, DATE '2019-09-20', ST_SetSRID(ST_MakePoint(36.46, 35.60), 4326), 'humanitarian');
INSERT INTO events
SELECT 2000000 + i, DATE '2019-06-01' + (i % 10), ST_SetSRID(ST_MakePoint(38.0, 35.0), 4326), 'Battles'
FROM generate_series(1, 500) AS i;
CREATE INDEX ON events USING gist (geom);
CREATE INDEX ON events (event_date);
CREATE TABLE no_dates AS SELECT event_id, geom FROM events LIMIT 10;
ANALYZE;
SQL
  cat "$out/fill.log"
  echo "FAIL: the test tables could not be made"
  exit 1
fi

log=$pg_tmp/server.log
rgb() { echo "$(band 1 "$1" "$2" "$3"),$(band 2 "$1" "$2" "$3"),$(band 3 "$1" "$2" "$3")"; }
# Window queries the server has run so far: rows (LIMIT) and cell counts (GROUP BY).
rows_queries() { grep -c 'LIMIT \$7' "$log"; }
cell_queries() { grep -c 'GROUP BY 1, 2' "$log"; }
red=178,24,43 blue=33,102,172 green=27,120,55 purple=106,61,154

before=$(rows_queries)
run "$bin" --export "$out/june.png" --size 800x600 --view 36.43,35.6,11 --date 2019-06-10 \
  --event-file "$conn tables=events"
expect "an export with a PostGIS events table exits 0 ($output)" test "$rc" -eq 0
expect "10 June 2019: the battle is drawn at 36.40°E 35.60°N" \
  test "$(rgb "$out/june.png" 36.40 35.60)" = "$red"
expect "... and the humanitarian event of 20 September is not drawn at 36.46°E" \
  test "$(rgb "$out/june.png" 36.46 35.60)" != "$green"
expect "one window query for the export (got $(($(rows_queries) - before)))" \
  test "$(($(rows_queries) - before))" -eq 1
expect "... for 2019-05-12 to 2019-06-10 (30 days)" \
  grep -q "\$1 = '2019-05-12', \$2 = '2019-06-10'" "$log"

before=$(rows_queries)
run "$bin" --export "$out/september.png" --size 800x600 --view 36.43,35.6,11 --date 2019-09-20 \
  --event-file "$conn tables=events"
expect "the export of 20 September exits 0 ($output)" test "$rc" -eq 0
expect "20 September 2019: the displacement is drawn where the battle was, not the battle" \
  test "$(rgb "$out/september.png" 36.40 35.60)" = "$blue"
expect "... and the humanitarian event at 36.46°E" \
  test "$(rgb "$out/september.png" 36.46 35.60)" = "$green"
expect "one window query again (got $(($(rows_queries) - before)))" \
  test "$(($(rows_queries) - before))" -eq 1

run "$bin" --export "$out/bundled.png" --size 800x600 --view 36.43,35.6,11 --date 2019-09-20
expect "without the table, neither colour is there ($(rgb "$out/bundled.png" 36.40 35.60))" \
  test "$(rgb "$out/bundled.png" 36.40 35.60)" != "$blue" -a \
  "$(rgb "$out/bundled.png" 36.46 35.60)" != "$green"

# Zoomed out (Syria and around, over 5° wide): counts per grid cell, not rows. The busy cell is
# the one holding 38.00°E 35.00°N, of the size the query asked for ($7); its disc is at its centre.
before_rows=$(rows_queries) before_cells=$(cell_queries)
run "$bin" --export "$out/zoomed_out.png" --size 800x600 --view 38,35,6 --date 2019-06-10 \
  --event-file "$conn tables=events"
expect "a zoomed-out export exits 0 ($output)" test "$rc" -eq 0
expect "it asks for cell counts once, and for no rows" \
  test "$(($(cell_queries) - before_cells))" -eq 1 -a "$(($(rows_queries) - before_rows))" -eq 0
size=$(grep -o "\$7 = '[0-9.e-]*'" "$log" | tail -1 | grep -o "[0-9.e-]*'" | tr -d "'")
read -r cx cy <<<"$(awk -v s="$size" 'BEGIN {
  x = 38.0 / s; y = 35.0 / s; fx = int(x); fy = int(y); if (fx > x) fx--; if (fy > y) fy--
  printf "%.6f %.6f\n", (fx + 0.5) * s, (fy + 0.5) * s }')"
expect "the busy cell ($size° wide, centre $cx,$cy) is drawn as a count's disc" \
  test "$(rgb "$out/zoomed_out.png" "$cx" "$cy")" = "$purple"
expect "... not there on the export without the table" \
  test "$(run "$bin" --export "$out/zoomed_bundled.png" --size 800x600 --view 38,35,6 \
    --date 2019-06-10; rgb "$out/zoomed_bundled.png" "$cx" "$cy")" != "$purple"

# Problems are said, naming the table and what was expected; the map is still drawn.
run "$bin" --export "$out/no_dates.png" --size 400x300 --view 36.43,35.6,11 --date 2019-06-10 \
  --event-file "$conn tables=no_dates"
expect "a table without dates exits 1 (rc=$rc)" test "$rc" -eq 1
expect "... naming it and the column expected ($output)" contains '"no_dates" has no event_date column'
expect "... and the map is drawn" test -s "$out/no_dates.png"

wrong="wrong-$RANDOM$RANDOM"
run env -u PGPASSWORD "$bin" --export "$out/password.png" --size 400x300 --date 2019-06-10 \
  --event-file "PG:host='$pg_tmp' port='$pg_port' dbname='atlas' user='atlas' password='$wrong' tables=events"
expect "a wrong password exits 1 (rc=$rc)" test "$rc" -eq 1
expect "... says so for the table ($output)" contains 'events table events'
expect "... and never shows the password" test "$(grep -c -- "$wrong" <<<"$output")" -eq 0

pg_cluster_stop
run timeout 60 "$bin" --export "$out/gone.png" --size 400x300 --date 2019-06-10 \
  --event-file "$conn tables=events"
expect "a server gone exits 1, not hanging (rc=$rc)" test "$rc" -eq 1
expect "... naming the table ($output)" contains 'events table events'
expect "... and the map is drawn" test -s "$out/gone.png"
finish postgis_pushdown
