#!/usr/bin/env bash
# Issue 12's figures, side by side in one run: each Idlib Atlas measurement next to GDAL's own
# in-process read of the same file (bench/gdal_read.cpp) and, for the world export, QGIS's
# (bench/qgis_export.py). Wall time and peak memory come from /usr/bin/time around each process;
# every run has a time limit (a run past it is reported as "> LIMIT s").
#
#   bench/fetch_issue12_data.sh DATA            # once: ~3 GB of inputs (npm, generated)
#   bench/issue12.sh --atlas BIN --bench BIN --gdal-read BIN --data DATA --out DIR
#
# Run from the repository root (the app finds its data there). Defaults: build/app/idlib-atlas,
# build/bench/idlib-bench, build/bench/gdal-read, the fetch script's DATA, OUT=out/issue12-DATE.
# --only a,b runs some groups: world, polygon, admin1, events, window. DISPLAY (an X server, e.g.
# Xvfb :76) enables the window figures (first frame, idle CPU, playback). Results: OUT/results.tsv
# (one line per run: name, wall_s, peak_mib, exit, cpu_s = user + system, extra) and
# OUT/summary.md.
set -uo pipefail
atlas=build/app/idlib-atlas bench=build/bench/idlib-bench gdal_read=build/bench/gdal-read
data="${IDLIB_BENCH_DATA:-${XDG_CACHE_HOME:-$HOME/.cache}/idlib-atlas-bench}"
out="out/issue12-$(date -u +%Y%m%dT%H%M%S)"
only="world,polygon,admin1,events,window"
limit=300              # seconds; the world file "never finishes" before issue 12
window_limit=120       # first frame in a window
repeat=3               # runs of the short measurements (the median is reported)
while [[ $# -gt 0 ]]; do
  case "$1" in
    --atlas) atlas=$2 ;;
    --bench) bench=$2 ;;
    --gdal-read) gdal_read=$2 ;;
    --data) data=$2 ;;
    --out) out=$2 ;;
    --only) only=$2 ;;
    --limit) limit=$2 ;;
    --repeat) repeat=$2 ;;
    *) echo "issue12.sh: unknown option $1 (see the comment at the top)" >&2; exit 2 ;;
  esac
  shift 2
done
for f in "$atlas" "$gdal_read" "$data/countries-land-10m.geojson" "$data/admin1.gpkg"; do
  [[ -e "$f" ]] || { echo "issue12.sh: $f is missing (build, or bench/fetch_issue12_data.sh)" >&2; exit 2; }
done
here="$(cd "$(dirname "$0")" && pwd)"
mkdir -p "$out"
results="$out/results.tsv"
: >"$results"
export SDL_VIDEODRIVER=offscreen
# A fresh cache and config per run unless a step says otherwise (the events cache lives there).
fresh_home() { rm -rf "${out:?}/home"; mkdir -p "$out/home/cache" "$out/home/config"; }
export XDG_CACHE_HOME="$out/home/cache" XDG_CONFIG_HOME="$out/home/config"
wants() { [[ ",$only," == *",$1,"* ]]; }
log() { echo "[$(date -u +%H:%M:%S)] $*" >&2; }

# measure NAME LIMIT CMD...: one run under /usr/bin/time and timeout; appends a line to results.
measure() {
  local name=$1 cap=$2
  shift 2
  log "$name: $*"
  /usr/bin/time -f "%e %M %x %U %S" -o "$out/$name.time" timeout -k 10 "$cap" "$@" \
    >"$out/$name.log" 2>&1
  local wall kb code user sys extra
  read -r wall kb code user sys <<<"$(tail -n 1 "$out/$name.time")"
  extra=$(grep -Eo '(features|points|seconds|register_seconds|peak_rss_mib|qgis_init_s|load_s|render_s|total_s)=[0-9.]+' \
    "$out/$name.log" | tr '\n' ' ')
  if [[ "$code" == 124 || "$code" == 137 ]] || grep -q "terminated by signal 9" "$out/$name.time"; then
    wall=">$cap"
  fi
  local cpu
  cpu=$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.2f", u + s }')
  printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$name" "$wall" "$((kb / 1024))" "$code" "$cpu" "$extra" \
    >>"$results"
  log "  -> wall ${wall} s, cpu ${cpu} s, peak $((kb / 1024)) MiB, exit $code $extra"
}
# measure_n NAME LIMIT CMD...: $repeat runs, named NAME.1 ...
measure_n() {
  local name=$1
  shift
  for i in $(seq 1 "$repeat"); do measure "$name.$i" "$@"; done
}

fresh_home
if wants world; then
  measure gdal_world "$limit" "$gdal_read" "$data/countries-land-10m.geojson"
  measure atlas_world_export "$limit" "$atlas" --size 1920x1080 --export "$out/world_countries_home.png" \
    --layer "$data/countries-land-10m.geojson"
  # An image keeps a big layer at its view's detail; saving a workspace loads it whole, at every
  # detail, as the window does.
  measure atlas_world_full_load "$limit" "$atlas" --save-workspace "$out/world.workspace.json" \
    --layer "$data/countries-land-10m.geojson"
fi
if wants polygon; then
  measure gdal_polygon1m "$limit" "$gdal_read" "$data/polygon1m.geojson"
  measure atlas_polygon1m_export "$limit" "$atlas" --size 1920x1080 --export "$out/polygon1m_home.png" \
    --layer "$data/polygon1m.geojson"
  measure atlas_polygon1m_full_load "$limit" "$atlas" --save-workspace "$out/polygon1m.workspace.json" \
    --layer "$data/polygon1m.geojson"
fi
if wants admin1; then
  measure_n gdal_admin1 60 "$gdal_read" "$data/admin1.gpkg"
  measure_n atlas_nolayer_export 120 "$atlas" --size 1920x1080 --export "$out/nolayer_home.png"
  measure_n atlas_admin1_export 120 "$atlas" --size 1920x1080 --export "$out/admin1_home.png" --layer "$data/admin1.gpkg"
  measure_n atlas_admin1_world_export 120 "$atlas" --size 1920x1080 --export "$out/admin1_world.png" --view 0,0,2.8 \
    --layer "$data/admin1.gpkg"
  measure_n qgis_admin1_world 120 /usr/bin/python3 "$here/qgis_export.py" "$data/admin1.gpkg" \
    "$out/qgis_admin1_world.png"
  if [[ -x "$bench" ]]; then
    log "idlib-bench: GDAL's read vs the app's load of world admin-1, in one process"
    timeout -k 10 600 "$bench" --benchmark_repetitions="$repeat" \
      --benchmark_filter='^(GdalReadWorldAdmin1|LoadReprojectTriangulateWorldAdmin1)' \
      --benchmark_out="$out/bench_admin1.json" --benchmark_out_format=json \
      >"$out/bench_admin1.log" 2>&1 || log "idlib-bench failed: see $out/bench_admin1.log"
  fi
fi
if wants events; then
  range=(--events --from 2020-01-01 --to 2020-01-31)
  measure_n atlas_events_bundled 120 "$atlas" "${range[@]}"
  for rows in 1m 5m; do
    [[ -s "$data/acled$rows.csv" ]] || { log "no $data/acled$rows.csv: skipped"; continue; }
    measure "gdal_acled$rows" "$limit" "$gdal_read" "$data/acled$rows.csv"
    fresh_home
    measure "atlas_events_$rows" "$limit" "$atlas" "${range[@]}" --event-file "$data/acled$rows.csv"
    # The 1M file again, with the cache the first run may have left in XDG_CACHE_HOME.
    [[ $rows == 1m ]] && measure "atlas_events_${rows}_reopen" "$limit" "$atlas" "${range[@]}" \
      --event-file "$data/acled$rows.csv"
    du -sk "$out/home/cache" |
      awk -v n="cache_$rows" '{ print n "\t-\t" int($1 / 1024) "\t0\t-\t(MiB on disk)" }' >>"$results"
  done
fi
if wants window && [[ -n "${DISPLAY:-}" ]]; then
  (unset SDL_VIDEODRIVER
   log "first frame of the world file in a window (DISPLAY=$DISPLAY)"
   "$here/first_frame.sh" "$atlas" "$data/countries-land-10m.geojson" "$window_limit" \
     >"$out/first_frame_world.log" 2>&1
   "$here/first_frame.sh" "$atlas" "$data/polygon1m.geojson" "$window_limit" \
     >"$out/first_frame_polygon1m.log" 2>&1
   if [[ -x "$here/window_fps.sh" ]]; then
     log "idle CPU and playback (bench/window_fps.sh)"
     "$here/window_fps.sh" "$atlas" >"$out/window_fps.log" 2>&1
   fi)
  for f in world polygon1m; do
    printf 'first_frame_%s\t%s\t-\t0\t-\t\n' "$f" \
      "$(grep -o 'first_frame_s=.*' "$out/first_frame_$f.log" | cut -d= -f2)" >>"$results"
  done
fi
/usr/bin/python3 "$here/issue12_summary.py" "$out" >"$out/summary.md"
cat "$out/summary.md"
