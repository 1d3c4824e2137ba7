#!/usr/bin/env bash
# Workspaces on the command line (issue 11): `idlib-atlas WORKSPACE.json` opens one (also with
# --export), --save-workspace writes one; files that moved are named and the rest opens.
# Usage: workspace_test.sh PATH/TO/idlib-atlas OUTPUT_DIR
set -u
bin=$1
out=$2
rm -rf "$out" && mkdir -p "$out/study/data"
. "$(dirname "${BASH_SOURCE[0]}")/expect.sh"
red() { gdallocationinfo -valonly -b 1 -wgs84 "$1" "$2" "$3"; }

# A user's layer: a square west of Jisr al-Shughur, in open country the bundled map shows as the
# opposition's green at 1 March 2019 (red 144).
cat >"$out/study/data/zone.geojson" <<'JSON'
{"type":"FeatureCollection","features":[
 {"type":"Feature","properties":{"name":"Zone"},
  "geometry":{"type":"Polygon","coordinates":[[[36.40,35.70],[36.50,35.70],[36.50,35.80],[36.40,35.80],[36.40,35.70]]]}}]}
JSON
cp "$out/study/data/zone.geojson" "$out/study/data/other.geojson"
cat >"$out/study/idlib.workspace.json" <<'JSON'
{"idlib_atlas_workspace": 1,
 "layers": [{"path": "data/zone.geojson", "name": "My zone", "opacity": 1}],
 "view": {"longitude": 36.45, "latitude": 35.72, "zoom": 11},
 "date": "2019-03-01"}
JSON

# Exported headless from the workspace: its view, its date, its layer (relative to the workspace,
# whatever the current folder), under its name in the legend.
run "$bin" "$out/study/idlib.workspace.json" --export "$out/ws.png" --size 800x600
expect "an export of a workspace exits 0 (rc=$rc)" test "$rc" -eq 0
expect "... with the workspace's layer (4 bundled + 1)" contains "5 layers"
run "$bin" --export "$out/plain.png" --size 800x600 --view 36.45,35.72,11 --date 2019-03-01
inside=$(red "$out/ws.png" 36.45 35.75) ground=$(red "$out/plain.png" 36.45 35.75)
expect "the workspace's layer is drawn where it is (red $inside, without it $ground)" \
  test "${inside:-255}" -lt "$((${ground:-0} - 30))"
outside=$(red "$out/ws.png" 36.30 35.62) ground_out=$(red "$out/plain.png" 36.30 35.62)
expect "... and the map around it is the same view and date (red $outside / $ground_out)" \
  test "${outside:-0}" -eq "${ground_out:-1}"
# The command line goes before the workspace: another date, the same layer.
run "$bin" "$out/study/idlib.workspace.json" --export "$out/later.png" --size 800x600 --date 2020-03-05
expect "--date overrides the workspace's date" test "$(gdalinfo "$out/later.png" | grep -c '5 March 2020')" -ge 1

# Saved from the command line and opened again: the same picture.
run "$bin" --layer "$out/study/data/zone.geojson" --view 36.45,35.72,11 --date 2019-03-01 \
  --window 14 --save-workspace "$out/study/saved.workspace.json"
expect "--save-workspace exits 0 (rc=$rc)" test "$rc" -eq 0
expect "the saved workspace names the layer relative to itself" \
  grep -qF '"path": "data/zone.geojson"' "$out/study/saved.workspace.json"
expect "... and holds the date and the window" \
  grep -qF '"date": "2019-03-01"' "$out/study/saved.workspace.json"
run "$bin" "$out/study/saved.workspace.json" --export "$out/saved.png" --size 800x600
expect "the saved workspace exports (rc=$rc)" test "$rc" -eq 0
expect "... the same picture as the command line it was saved from" \
  test "$(red "$out/saved.png" 36.45 35.75)" -eq "$(red "$out/ws.png" 36.45 35.75)"
# A world view saved in Web Mercator keeps its zoom: it is read back in the same plane.
run "$bin" --projection webmercator --view 10,20,3 --save-workspace "$out/study/world.workspace.json"
expect "a Web Mercator view is saved at its zoom (rc=$rc)" \
  grep -qE '"zoom": 3(\.0+)?[,}]?$' "$out/study/world.workspace.json"
run "$bin" --export "$out/x.png" --save-workspace "$out/study/plain.json"
expect "a workspace's name must end in .workspace.json (rc=$rc)" test "$rc" -eq 2
expect "... and the message says so" contains "plain.workspace.json"

# Comparing two dates (issue 14): saved with the workspace, and its export is the same swipe, the
# divider a quarter of the way across (white from top to bottom there), where the map alone is not.
pixel() { gdallocationinfo -valonly -b "$1" "$2" "$3" "$4"; }  # pixel BAND FILE X Y
run "$bin" --view 36.80,35.86,10 --date 2020-02-10 --compare 2020-02-01 --swipe 0.25 \
  --save-workspace "$out/study/swipe.workspace.json"
expect "--save-workspace while comparing exits 0 (rc=$rc)" test "$rc" -eq 0
expect "... and the workspace holds the comparison" \
  grep -qF '"mode": "swipe"' "$out/study/swipe.workspace.json"
run "$bin" "$out/study/swipe.workspace.json" --export "$out/swipe.png" --size 800x600
expect "the comparing workspace exports (rc=$rc)" test "$rc" -eq 0
run "$bin" --view 36.80,35.86,10 --date 2020-02-10 --export "$out/unswiped.png" --size 800x600
white=0 plain_white=0
for band in 1 2 3; do
  [ "$(pixel $band "$out/swipe.png" 200 500)" = 255 ] && white=$((white + 1))
  [ "$(pixel $band "$out/unswiped.png" 200 500)" = 255 ] && plain_white=$((plain_white + 1))
done
expect "... with the divider where it was saved" test "$white" -eq 3
expect "... which the map alone does not show there" test "$plain_white" -lt 3

# Its events table (ACLED's columns) is read as --event-file is, by every mode: --events lists it.
cat >"$out/study/data/acled.csv" <<'CSV'
event_id_cnty,event_date,event_type,location,latitude,longitude,source
WS1,9-May-20,Shelling/artillery/missile attack,Test place,35.70,36.70,workspace_test
CSV
printf '{"idlib_atlas_workspace": 1, "event_sources": [{"path": "data/acled.csv", "name": "ACLED"}]}' \
  >"$out/study/events.workspace.json"
run "$bin" "$out/study/events.workspace.json" --events --from 2020-05-09 --to 2020-05-09
expect "--events with a workspace exits 0 (rc=$rc)" test "$rc" -eq 0
expect "... and lists the workspace's events" contains "2020-05-09"

# Hidden in the workspace: not drawn.
sed 's/"opacity": 1}/"opacity": 1, "visible": false}/' "$out/study/idlib.workspace.json" >"$out/study/hidden.workspace.json"
run "$bin" "$out/study/hidden.workspace.json" --export "$out/hidden.png" --size 800x600
expect "a layer hidden in the workspace is not drawn" \
  test "$(red "$out/hidden.png" 36.45 35.75)" -eq "${ground:-1}"

# Files that moved: named (the workspace and the file), the rest opens, exit 0.
cat >"$out/study/moved.workspace.json" <<'JSON'
{"idlib_atlas_workspace": 1,
 "layers": [{"path": "data/gone.geojson", "name": "Gone"},
            {"path": "data/zone.geojson", "name": "My zone"}],
 "event_sources": [{"path": "data/acled-gone.csv", "name": "ACLED"}],
 "view": {"longitude": 36.45, "latitude": 35.72, "zoom": 11},
 "date": "2019-03-01"}
JSON
run "$bin" "$out/study/moved.workspace.json" --export "$out/moved.png" --size 800x600
expect "a workspace with moved files exits 0 (rc=$rc)" test "$rc" -eq 0
expect "... names the workspace and the missing layer" \
  contains "moved.workspace.json: layer 'Gone': $out/study/data/gone.geojson is not there (moved or deleted?)"
expect "... and the missing events table" contains "events 'ACLED': $out/study/data/acled-gone.csv is not there"
expect "... and opens the rest" test "$(red "$out/moved.png" 36.45 35.75)" -eq "${inside:-1}"

# Not a workspace: a clear message and exit 2.
run "$bin" "$out/study/data/zone.geojson" --export "$out/x.png"
expect "a GeoJSON given as a workspace exits 2 (rc=$rc)" test "$rc" -eq 2
expect "... and points at --layer" contains "expected an Idlib Atlas workspace"
printf '{"idlib_atlas_workspace": 1, "layers": [{"path": "a.gpkg", "opacity": 2}]}' >"$out/bad.workspace.json"
run "$bin" "$out/bad.workspace.json" --export "$out/x.png"
expect "a bad value exits 2 (rc=$rc)" test "$rc" -eq 2
expect "... and names the file and the key" \
  contains "bad.workspace.json: layers[0].opacity: expected a number from 0 to 1"
run "$bin" "$out/none.workspace.json" --export "$out/x.png"
expect "a missing workspace exits 2 (rc=$rc)" test "$rc" -eq 2
expect "... and names it" contains "none.workspace.json: cannot read the workspace"
run "$bin" "$out/study/idlib.workspace.json" --export "$out/study/idlib.workspace.json"
expect "an export never overwrites the workspace (rc=$rc)" test "$rc" -eq 2

finish "workspace"
