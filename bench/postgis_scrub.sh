#!/usr/bin/env bash
# The PostGIS pushdown with 10 million events (issue 12): starts a throwaway PostgreSQL 15 +
# PostGIS (tests/cli/pg_cluster.sh), generates the rows in SQL, has the app's code create its
# indexes, then runs postgis-scrub (bench/postgis_scrub.cpp) and prints its figures; then the app
# itself (BUILD_DIR/app/idlib-atlas) scrubs a month at the Idlib view a day a frame, as a headless
# video with and without the table: the difference per frame is a window asked for, waited for,
# installed and uploaded; its peak memory is the app's with the 10M-row table open.
# Usage: bench/postgis_scrub.sh BUILD_DIR [ROWS]   (ROWS: 10000000 unless given;
#        POSTGIS_SCRUB_APP_ONLY=1 skips postgis-scrub and measures the app alone)
set -u
build=${1:?usage: postgis_scrub.sh BUILD_DIR [ROWS]}
rows=${2:-10000000}
out=$(mktemp -d /tmp/atlas-scrub.XXXXXX)
. "$(dirname "${BASH_SOURCE[0]}")/../tests/cli/pg_cluster.sh"
pg_cluster_check
pg_cluster_start "$out" log_statement=all  # the app's queries are counted below

# Rows in date order (as an events table grows), 2017-2020, spread over Syria's box with a
# multiplicative hash; four types, an actor and a note of about 60 characters each.
echo "generating $rows rows..."
start=$(date +%s.%N)
psql_atlas -d atlas <<SQL || exit 1
CREATE TABLE acled AS
SELECT i AS event_id, DATE '2017-01-01' + (i * 1461 / $rows)::int AS event_date,
       ST_SetSRID(ST_MakePoint(35.4 + 7.2 * ((i * 7919) % 100003) / 100003.0,
                               32.2 + 5.2 * ((i * 104729) % 99991) / 99991.0), 4326)::geometry(Point, 4326) AS geom,
       (ARRAY['Battles', 'Explosions/Remote violence', 'Violence against civilians', 'Protests'])[1 + i % 4] AS event_type,
       'Military Forces of Syria (2000-)'::text AS actor1,
       'Reported by a local source; casualties not confirmed by a second source ' || i AS notes
FROM generate_series(1::bigint, $rows) AS i;
SQL
echo "generated in $(echo "$(date +%s.%N) - $start" | bc) s; table size: $(psql_atlas -d atlas -tAc "SELECT pg_size_pretty(pg_total_relation_size('acled'))")"
if [ -n "${POSTGIS_SCRUB_APP_ONLY:-}" ]; then  # only the app's figures: the same indexes, by psql
  psql_atlas -d atlas -c 'CREATE INDEX ON acled USING gist (geom)' -c 'CREATE INDEX ON acled (event_date)' -c 'ANALYZE acled'
else
  "${POSTGIS_SCRUB:-$build/bench/postgis-scrub}" "$pg_conninfo" acled --create-indexes
fi
echo "table and indexes: $(psql_atlas -d atlas -tAc "SELECT pg_size_pretty(pg_total_relation_size('acled'))")"
psql_atlas -d atlas -c "EXPLAIN ANALYZE SELECT count(*) FROM acled WHERE event_date >= '2019-04-01' AND event_date < '2019-05-01' AND geom && ST_MakeEnvelope(35.9, 35.2, 37.3, 36.4, 4326)"
app=${IDLIB_ATLAS:-$build/app/idlib-atlas}
if [ -x "$app" ]; then
  queries() { grep -c 'LIMIT \$7' "$pg_tmp/server.log"; }
  before=$(queries)
  echo "the app: 30 frames at the Idlib view, 2019-04-01 to 2019-04-30 a day a frame (1280x720)"
  for table in none acled; do
    extra=()
    [ "$table" = acled ] && extra=(--event-file "PG:$pg_conninfo tables=acled")
    IDLIB_POSTGIS_STATS=1 SDL_VIDEODRIVER=offscreen /usr/bin/time -f "  $table: %e s wall, %U s user + %S s system CPU, peak RSS %M KB" \
      "$app" --export-video "$out/scrub_$table.mp4" --size 1280x720 --view 36.65,35.8,10 \
      --from 2019-04-01 --to 2019-04-30 --days-per-second 30 --fps 30 "${extra[@]}" >"$out/app_$table.log" 2>&1
    grep -v '^idlib-atlas: frame\|: window ' "$out/app_$table.log"
  done
  # Each window from asking to installed in the timeline (IDLIB_POSTGIS_STATS), in milliseconds.
  grep -o '[0-9]* rows, [0-9]* cells, [0-9]* ms' "$out/app_acled.log" | awk '{ print $5, $1 }' | sort -n |
    awk '{ ms[NR] = $1; rows += $2 } END { if (NR) printf "  %d windows asked for and installed: p50 %d ms, p90 %d ms, max %d ms, %d rows a window\n", NR, ms[int((NR + 1) / 2)], ms[int(NR * 0.9 + 0.5)], ms[NR], rows / NR }'
  echo "  window queries the app sent: $(($(queries) - before))"
fi

