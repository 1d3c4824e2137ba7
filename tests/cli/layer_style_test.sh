#!/usr/bin/env bash
# --layer PATH --style SPEC (issue 11): a styled headless export, and what a bad style says.
# Usage: layer_style_test.sh PATH/TO/idlib-atlas OUTPUT_DIR
set -u
bin=$1
out=$2
rm -rf "$out" && mkdir -p "$out"
. "$(dirname "${BASH_SOURCE[0]}")/expect.sh"

# Two squares west of Idlib, a camp and a school; the file states its licence.
cat >"$out/sites.geojson" <<'JSON'
{"type":"FeatureCollection","name":"sites","license":"CC0 1.0 (test fixture)","features":[
 {"type":"Feature","properties":{"kind":"camp","name":"Camp"},"geometry":{"type":"Polygon",
  "coordinates":[[[36.20,35.72],[36.40,35.72],[36.40,35.87],[36.20,35.87],[36.20,35.72]]]}},
 {"type":"Feature","properties":{"kind":"school","name":"School"},"geometry":{"type":"Polygon",
  "coordinates":[[[36.44,35.72],[36.64,35.72],[36.64,35.87],[36.44,35.87],[36.44,35.72]]]}}]}
JSON
run "$bin" --export "$out/styled.png" --size 800x600 --view 36.4,35.7,10 --date 2017-05-01 \
  --layer "$out/sites.geojson" --style 'categories=kind,opacity=1,label=name'
expect "a styled --layer export exits 0 ($output)" test "$rc" -eq 0
# Tol's muted palette's first two colours, alphabetically: camp #cc6677, school #332288 (sampled clear
# of the towns' names and the front line).
camp="$(band 1 "$out/styled.png" 36.37 35.85),$(band 2 "$out/styled.png" 36.37 35.85),$(band 3 "$out/styled.png" 36.37 35.85)"
school="$(band 1 "$out/styled.png" 36.47 35.85),$(band 2 "$out/styled.png" 36.47 35.85),$(band 3 "$out/styled.png" 36.47 35.85)"
expect "the camp is muted rose (rgb $camp)" test "$camp" = "204,102,119"
expect "the school is muted indigo (rgb $school)" test "$school" = "51,34,136"
expect "the PNG's copyright names the file and its licence" \
  grep -qF 'source: sites.geojson, CC0 1.0 (test fixture)' <<<"$(gdalinfo "$out/styled.png")"

# A bad style stops the run before anything is read, saying what is wrong.
run "$bin" --export "$out/bad.png" --layer "$out/sites.geojson" --style 'colour=red'
expect "a malformed --style exits 2" test "$rc" -eq 2
expect "it says what is wrong" contains "--style 'colour=red': colour 'red': expected #RRGGBB"
expect "nothing is written" test ! -e "$out/bad.png"
run "$bin" --export "$out/bad.png" --style 'categories=kind' --layer "$out/sites.geojson"
expect "a --style before any --layer exits 2" test "$rc" -eq 2
expect "it says where --style goes" contains "put it after the --layer it styles"
# A field the layer lacks: named with the layer's fields; the layer is drawn in one colour.
run "$bin" --export "$out/nofield.png" --size 320x240 --layer "$out/sites.geojson" --style 'categories=type'
expect "a missing style field exits 1" test "$rc" -eq 1
expect "it names the field and the layer's fields" contains "sites has no field 'type' (its fields: kind, name)"
expect "the map is still written" test -s "$out/nofield.png"

finish "layer style"
