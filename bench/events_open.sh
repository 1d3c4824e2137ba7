#!/bin/sh
# An events table's first open and its reopenings from the cache, beside GDAL's own read of the
# same file (issue 12), for one or more builds of the app, alternating, so that they share the
# machine's hour:
#
#   python3 bench/acled_sample.py 1000000 /tmp/acled1m.csv
#   bench/events_open.sh /tmp/acled1m.csv 3 /work/before/idlib-atlas build/app/idlib-atlas
#
# Each round, for each binary: a fresh cache folder, the first open (GDAL reads the table, the
# cache is written, January 2020's events are printed), then two reopenings from the cache; then
# build/bench/gdal-read on the file. Wall time, CPU and the peak resident memory (/usr/bin/time).
set -eu

FILE=$1
ROUNDS=$2
shift 2
for round in $(seq "$ROUNDS"); do
  for app in "$@"; do
    cache=$(mktemp -d)
    for run in first reopen reopen; do
      XDG_CACHE_HOME=$cache /usr/bin/time -f "$app $run %e s, %U s user, %S s system, %M KB" \
        "$app" --events --from 2020-01-01 --to 2020-01-31 --event-file "$FILE" 2>&1 >/dev/null |
        tail -n 1
    done
    rm -rf "$cache"
  done
  /usr/bin/time -f "gdal-read %e s, %U s user, %S s system, %M KB" build/bench/gdal-read "$FILE" 2>&1 |
    tail -n 1
done
