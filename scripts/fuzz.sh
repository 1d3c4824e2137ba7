#!/usr/bin/env bash
# Builds the libFuzzer targets with clang in build-fuzz/ and runs each for SECONDS (default 60),
# one after another, seeded from the bundled data. Prints the executions each target survived.
# Exits 1 if any target crashed, hung or leaked, after printing the input that did it.
#
#   scripts/fuzz.sh [SECONDS_PER_TARGET]
#   IDLIB_FUZZ_RUNS=10000000 scripts/fuzz.sh 3600   # stop each at 10 million executions
#   IDLIB_FUZZ_TARGETS="fuzz_story fuzz_dates" scripts/fuzz.sh 30
#
# The corpus each target grows stays in build-fuzz/corpus/ and is reused by the next run.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
build=build-fuzz
targets=${IDLIB_FUZZ_TARGETS:-"fuzz_dates fuzz_event_row fuzz_post_row fuzz_control_change_row
  fuzz_figure_row fuzz_flow_row fuzz_csv_quotes fuzz_utf8 fuzz_story fuzz_cli_values
  fuzz_text_safety fuzz_workspace fuzz_column_mapping fuzz_symbology fuzz_event_cache
  fuzz_visual_text"}

cmake --preset fuzz >/dev/null
# shellcheck disable=SC2086
cmake --build --preset fuzz -j"$(nproc)" --target $targets >/dev/null

# Seeds from the bundled files, rebuilt each time (cheap), never committed.
seeds=$build/seeds
rm -rf "$seeds"
row_seeds() {  # TARGET CSV: the header with each data row, one seed per row
  local target=$1 csv=$2 header line n=0
  mkdir -p "$seeds/$target"
  header=$(head -n 1 "$csv")
  while IFS= read -r line; do
    n=$((n + 1))
    printf '%s\n%s\n' "$header" "$line" >"$seeds/$target/row$n"
  done < <(tail -n +2 "$csv")
}
row_seeds fuzz_event_row geodata/events.csv
row_seeds fuzz_post_row geodata/observation_posts.csv
row_seeds fuzz_control_change_row geodata/control_changes.csv
row_seeds fuzz_figure_row geodata/displacement_figures.csv
row_seeds fuzz_flow_row geodata/displacement_flows.csv
# Flows may name their places instead of giving coordinates: add the known localities.
for seed in "$seeds"/fuzz_flow_row/row*; do
  printf 'Idlib\nSaraqib\n' >>"$seed"
done
mkdir -p "$seeds"/{fuzz_dates,fuzz_csv_quotes,fuzz_utf8,fuzz_story,fuzz_cli_values,fuzz_text_safety}
mkdir -p "$seeds"/{fuzz_workspace,fuzz_column_mapping,fuzz_symbology,fuzz_event_cache,fuzz_visual_text}
# --columns text, then a table: the mapping and the dialog's guess from the same seed.
printf '%s\n%s\n%s\n' 'date=Date of incident,date_format=d/m/y,lat=Lat,lon=Long,type=Kind' \
  'Date of incident,Lat,Long,Kind' '09/05/2020,35.8,36.6,shelling' >"$seeds/fuzz_column_mapping/newsroom"
head -n 6 geodata/events.csv | sed '1i date=event_date,lat=latitude,lon=longitude' >"$seeds/fuzz_column_mapping/events"
for style in 'categories=kind,label=name' 'graduated=population,classes=4,method=equal' \
  'colour=#0072b2,opacity=0.3,outline=2'; do
  printf '%s' "$style" >"$seeds/fuzz_symbology/$(printf '%s' "$style" | md5sum | cut -c1-8)"
done
grep -ohE '[0-9]{4}-[0-9]{2}-[0-9]{2}' geodata/events.csv | sort -u | head -n 40 |
  while IFS= read -r date; do printf '%s' "$date" >"$seeds/fuzz_dates/$date"; done
cp geodata/*.csv "$seeds/fuzz_csv_quotes/"
cp geodata/*.csv "$seeds/fuzz_utf8/"
# Arabic names from the gazetteer, beside Latin ones.
grep -o -m 40 '"name_ar":"[^"]*"' geodata/villages.geojson >"$seeds/fuzz_visual_text/names"
cp assets/stories/*.story "$seeds/fuzz_story/"
sed -n 's/^view = //p' assets/stories/*.story | sort -u | while IFS= read -r view; do
  printf '%s' "$view" >"$seeds/fuzz_cli_values/view-${view//,/_}"
done

status=0
mkdir -p "$build/corpus" "$build/crashes" "$build/logs"
printf '%-26s %14s %8s\n' target executions seconds
for target in $targets; do
  corpus=$build/corpus/$target
  log=$build/logs/$target.log
  mkdir -p "$corpus"
  # Inputs up to 4 KiB: the bundled files are longer, but a parser's bugs show in short inputs
  # and short inputs run fast.
  limits=(-max_total_time="$seconds" -max_len=4096 -timeout=10 -print_final_stats=1
    -artifact_prefix="$build/crashes/$target-")
  [ -n "${IDLIB_FUZZ_RUNS:-}" ] && limits+=(-runs="$IDLIB_FUZZ_RUNS")
  started=$SECONDS
  dirs=("$corpus" "$seeds/$target")
  [ -d "fuzz/corpus/$target" ] && dirs+=("fuzz/corpus/$target")
  if "$build/fuzz/$target" "${limits[@]}" "${dirs[@]}" >"$log" 2>&1; then result=ok; else
    result=FAILED
    status=1
  fi
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
  printf '%-26s %14s %8s %s\n' "$target" "${runs:-?}" "$((SECONDS - started))" "$result"
  if [ "$result" = FAILED ]; then
    grep -E '^(==[0-9]+==ERROR|SUMMARY|artifact_prefix|Test unit written)' "$log" | sed 's/^/    /'
    echo "    full log: $log"
  fi
done
exit $status
