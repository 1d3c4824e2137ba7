#!/usr/bin/env bash
# The event store (issue 12) answers the queries as the struct-per-event timeline did: the files in
# tests/data/event_store were printed by the app before the change (the session's baseline
# binary), for the bundled events and a 60-row table in ACLED's 31 columns. Each query is run
# again and must print the same bytes: events on a day, in a window by type, a whole table as
# GeoJSON, and the place report of --at (events nearby, with distances and citations).
# usage: event_store_test.sh IDLIB_ATLAS SOURCE_DIR OUT_DIR
app=$1 src=$2 out=$3
. "$src/tests/cli/expect.sh"
data=$src/tests/data/event_store
rm -rf "$out" && mkdir -p "$out" && cd "$data" || exit 1
export XDG_CACHE_HOME="$out/cache"  # never the user's
same() {  # same NAME GOLDEN ARGS...: the app's stdout for ARGS is GOLDEN, byte for byte
  local name=$1 golden=$2
  shift 2
  "$app" --data "$src" "$@" >"$out/$golden" 2>"$out/$golden.err"
  expect "$name (exit code)" test $? -eq 0
  expect "$name" cmp -s "$golden" "$out/$golden" || diff "$golden" "$out/$golden" | head -20
}
same "all bundled events" bundled_all.csv --events
same "events on one day" bundled_day.csv --events --from 2020-02-03 --to 2020-02-03
same "a window of one type, as GeoJSON" bundled_window.geojson --events --from 2019-12-01 \
  --to 2020-02-29 --type 'shelling/air strike' --format geojson
same "place report at Saraqib" at_saraqib.json --at 36.8006,35.8636 --date 2020-02-20 --window 60
same "an ACLED table's year" acled_2019.csv --events --event-file acled60.csv --from 2019-01-01 \
  --to 2019-12-31
same "an ACLED table with the bundled events, every column" acled_all.geojson --events \
  --event-file acled60.csv --format geojson
finish event_store_cli
