#!/usr/bin/env bash
# --control-stats as an analyst runs it: the area and people each side held, the change between
# two dates with the localities that changed hands, and the messages for bad options.
# Usage: control_stats_test.sh PATH/TO/idlib-atlas OUTPUT_DIR
set -u
bin=$1
out=$2
rm -rf "$out" && mkdir -p "$out"
. "$(dirname "${BASH_SOURCE[0]}")/expect.sh"

run "$bin" --control-stats --from 2020-02-01 --to 2020-02-10 --format json
expect "--control-stats exits 0 (rc=$rc)" test "$rc" -eq 0
printf '%s' "$output" >"$out/stats.json"
check() {  # check PYTHON-EXPRESSION: true when it holds for the JSON as `d`
  python3 -c "import json,sys; d=json.load(open(sys.argv[1])); sys.exit(0 if ($1) else 1)" "$out/stats.json"
}
expect "the region defaults to Idlib governorate" check 'd["region"] == "idlib"'
expect "the series starts with the state in force on --from" check 'd["series"][0]["date"] <= "2020-02-01"'
expect "every row's sides add up to its land" \
  check 'all(abs(sum(s["km2"] for s in r["sides"].values()) - r["land_km2"]) < 1e-6 * r["land_km2"] for r in d["series"])'
expect "Saraqib changed hands, opposition to government, citing its source" \
  check 'any(c["locality"] == "Saraqib" and c["from"] == "opposition" and c["to"] == "government" and c["date"] == "2020-02-06" and c["source"] for c in d["change"]["changed_hands"])'
expect "the government gained ground between the dates" check 'd["change"]["sides"]["government"]["km2"] > 0'
expect "the bases of the figures are stated" check '"equal-area" in d["area_basis"] and "GeoNames" in d["people_basis"]'

run "$bin" --control-stats --region all
expect "CSV by default (rc=$rc)" test "$rc" -eq 0
expect "the CSV has its header" grep -q '^record,date,region,side,km2,share_percent,people,locality,from,to,source,confidence$' <<<"$output"
expect "one series row per side and date" test "$(grep -c '^series,' <<<"$output")" -eq $(($(grep -c '^series,.*,government,' <<<"$output") * 5))
expect "Saraqib's changes are listed over the whole span" grep -q '^locality,.*,Saraqib,' <<<"$output"

run "$bin" --control-stats --region syria
expect "a bad region exits 2 (rc=$rc)" test "$rc" -eq 2
expect "and names the option" contains "--region"
run "$bin" --control-stats --from 2020-13-01
expect "a bad date exits 2 (rc=$rc)" test "$rc" -eq 2
expect "and says what was expected" contains "--from '2020-13-01': expected a date, YYYY-MM-DD"
run "$bin" --control-stats --from 2020-03-01 --to 2020-02-01
expect "--to before --from exits 2 (rc=$rc)" test "$rc" -eq 2
run "$bin" --control-stats --format geojson
expect "geojson is refused for --control-stats (rc=$rc)" test "$rc" -eq 2

finish control_stats_cli
