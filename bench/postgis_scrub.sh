#!/usr/bin/env bash
# The PostGIS pushdown with 10 million events (issue 12): starts a throwaway PostgreSQL 15 +
# PostGIS (tests/cli/pg_cluster.sh), generates the rows in SQL, has the app's code create its
# indexes, then runs postgis-scrub (bench/postgis_scrub.cpp) and prints its figures.
# Usage: bench/postgis_scrub.sh BUILD_DIR [ROWS]   (ROWS: 10000000 unless given)
set -u
build=${1:?usage: postgis_scrub.sh BUILD_DIR [ROWS]}
rows=${2:-10000000}
out=$(mktemp -d /tmp/atlas-scrub.XXXXXX)
. "$(dirname "${BASH_SOURCE[0]}")/../tests/cli/pg_cluster.sh"
pg_cluster_check
pg_cluster_start "$out"

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
"${POSTGIS_SCRUB:-$build/bench/postgis-scrub}" "$pg_conninfo" acled --create-indexes
echo "table and indexes: $(psql_atlas -d atlas -tAc "SELECT pg_size_pretty(pg_total_relation_size('acled'))")"
psql_atlas -d atlas -c "EXPLAIN ANALYZE SELECT count(*) FROM acled WHERE event_date >= '2019-04-01' AND event_date < '2019-05-01' AND geom && ST_MakeEnvelope(35.9, 35.2, 37.3, 36.4, 4326)"
