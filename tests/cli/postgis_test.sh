#!/usr/bin/env bash
# Layers and events from a real PostgreSQL + PostGIS: a throwaway cluster in a temporary folder,
# reached on a unix socket there, filled with ogr2ogr from the bundled geodata, always stopped and
# removed. Skips (exit 77) where Debian's postgresql-15 and postgresql-15-postgis-3 are missing.
# Usage: postgis_test.sh PATH/TO/idlib-atlas OUTPUT_DIR
set -u
bin=$1
out=$2
geodata=$(cd "$(dirname "$0")/../../geodata" && pwd)
rm -rf "$out" && mkdir -p "$out"

. "$(dirname "${BASH_SOURCE[0]}")/pg_cluster.sh"
pg_cluster_check "$(command -v ogr2ogr)"
. "$(dirname "${BASH_SOURCE[0]}")/expect.sh"
pg_cluster_start "$out"
tmp=$pg_tmp port=$pg_port password=$pg_password  # PGPASSWORD is how the tests below log in
conn="PG:$pg_conninfo"
ogr2ogr -f PostgreSQL "$conn" "$geodata/towns.geojson" -nln towns -lco GEOMETRY_NAME=geom >>"$out/setup.log" 2>&1
expect "ogr2ogr loads the towns into PostGIS" test $? -eq 0
# Ground within about 3 km of Saraqib, a polygon the bundled map has no marker on.
ogr2ogr -f PostgreSQL "$conn" "$geodata/towns.geojson" -nln saraqib_area -dialect sqlite \
  -sql "SELECT name, ST_Buffer(geometry, 0.03) AS geometry FROM towns WHERE name = 'Saraqib'" >>"$out/setup.log" 2>&1
expect "ogr2ogr loads a polygon around Saraqib" test $? -eq 0
# The events of 3 February 2020 as a table of their own (columns as the CSV names them).
ogr2ogr -f PostgreSQL "$conn" "$geodata/events.csv" -nln february_events \
  -where "event_date = '2020-02-03'" >>"$out/setup.log" 2>&1
expect "ogr2ogr loads an events table" test $? -eq 0

# Tables as layers (tables=a,b): the first user colour, #0072b2 (a 43% fill over the opposition's
# green 144,206,181 gives about 82,166,180), south of Saraqib; the towns as points.
run "$bin" --export "$out/pg.png" --size 800x600 --view 36.8006,35.8636,11 \
  --layer "$conn tables=saraqib_area,towns"
expect "--layer 'PG:... tables=saraqib_area,towns' exits 0 (rc=$rc)" test "$rc" -eq 0
expect "both tables are drawn (4 bundled layers + 2)" contains "6 layers"
rgb=($(for b in 1 2 3; do gdallocationinfo -valonly -b $b -wgs84 "$out/pg.png" 36.80591 35.845; done))
expect "south of Saraqib is the PostGIS polygon's blue (got ${rgb[*]})" \
  test "${rgb[0]:-255}" -lt 100 -a "${rgb[2]:-0}" -gt 170
run "$bin" --export "$out/bundled.png" --size 800x600 --view 36.8006,35.8636,11
rgb=($(for b in 1 2 3; do gdallocationinfo -valonly -b $b -wgs84 "$out/bundled.png" 36.80591 35.845; done))
expect "without it the same place is the opposition's green (got ${rgb[*]})" test "${rgb[0]:-0}" -gt 130

# An events table, its connection written as the PostGIS dialog writes it (libpq's quoted values):
# the rows are printed as --events prints them.
run "$bin" --event-file "PG:host='$tmp' port='$port' dbname='atlas' user='atlas' tables=february_events" --events --from 2020-02-03 --to 2020-02-03
expect "--event-file PG:... --events exits 0 (rc=$rc)" test "$rc" -eq 0
expect "the PostGIS events are listed" grep -q '^a004-01,2020-02-03,day,shelling/air strike' <<<"$output"

# --create-indexes (issue 12): the time window's indexes on the events table, made once; the CSV's
# date is text there (ogr2ogr), so only the position's GiST index is made, on the query's point.
run "$bin" --event-file "$conn tables=february_events" --create-indexes
expect "--create-indexes exits 0 (rc=$rc)" test "$rc" -eq 0
expect "it says the GiST index it made" contains 'CREATE INDEX IF NOT EXISTS "february_events_position_gist" ON "february_events" USING gist'
indexes=$(psql_atlas -d atlas -tAc "SELECT indexname FROM pg_indexes WHERE tablename = 'february_events'")
expect "the server has the index (got ${indexes//$'\n'/ })" grep -qx "february_events_position_gist" <<<"$indexes"
run "$bin" --event-file "$conn tables=february_events" --create-indexes
expect "--create-indexes again changes nothing and exits 0 (rc=$rc)" test "$rc" -eq 0
run "$bin" --event-file "$conn tables=no_such_table" --create-indexes
expect "--create-indexes on a missing table exits 1 (rc=$rc)" test "$rc" -eq 1
expect "... naming the table and the database" contains 'no table "no_such_table"'
run "$bin" --create-indexes
expect "--create-indexes without a PostGIS table exits 2 (rc=$rc)" test "$rc" -eq 2
expect "... and says how to give one" contains "tables=TABLE"

# A wrong password: the message names the host and database, never the password.
secret="not-the-password-$RANDOM"
run env -u PGPASSWORD "$bin" --export "$out/wrong.png" --size 320x240 \
  --layer "PG:host=$tmp port=$port dbname=atlas user=atlas password=$secret tables=towns"
expect "a wrong password exits 1 (rc=$rc)" test "$rc" -eq 1
expect "the message names the host" contains "host=$tmp"
expect "the message names the database" contains "dbname=atlas"
expect "the message says the password failed" contains "password authentication failed"
expect "the message never shows the password" test -z "$(grep -F -- "$secret" <<<"$output")"
run env -u PGPASSWORD "$bin" --event-file "PG:host=$tmp port=$port dbname=atlas user=atlas password='$secret' tables=february_events" --events
expect "a wrong password for events exits non-zero (rc=$rc)" test "$rc" -ne 0
expect "the events message never shows the password" test -z "$(grep -F -- "$secret" <<<"$output")"
expect "the events message names the database" contains "dbname=atlas"

# An export may not be refused for a connection string, which is no file.
run "$bin" --export "$out/PG:host=x.png" --size 320x240 --layer "$conn tables=towns"
expect "a PG: input never blocks an export's file name (rc=$rc)" test "$rc" -eq 0

# A workspace with a PostGIS layer and events table, both given with their password (issue 11):
# the file never holds it; opened again, libpq takes it from PGPASSWORD and the layer is drawn.
run "$bin" --layer "$conn password=$password tables=saraqib_area" \
  --event-file "PG:host='$tmp' port='$port' dbname='atlas' user='atlas' password='$password' tables=february_events" \
  --view 36.8006,35.8636,11 --date 2020-02-03 --save-workspace "$out/pg.workspace.json"
expect "--save-workspace with PostGIS sources exits 0 (rc=$rc)" test "$rc" -eq 0
expect "the workspace holds the connection" grep -qF "dbname=atlas" "$out/pg.workspace.json"
expect "the workspace never holds the password" test -z "$(grep -F -- "$password" "$out/pg.workspace.json")"
expect "... nor a password key" test -z "$(grep -i -- "password" "$out/pg.workspace.json")"
run "$bin" "$out/pg.workspace.json" --export "$out/pg-workspace.png" --size 800x600
expect "the PostGIS workspace opens again (rc=$rc)" test "$rc" -eq 0
rgb=($(for b in 1 2 3; do gdallocationinfo -valonly -b $b -wgs84 "$out/pg-workspace.png" 36.80591 35.845; done))
expect "... and draws the PostGIS polygon (got ${rgb[*]})" test "${rgb[0]:-255}" -lt 100 -a "${rgb[2]:-0}" -gt 170

finish "postgis"
