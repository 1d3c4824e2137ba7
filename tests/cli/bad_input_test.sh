#!/usr/bin/env bash
# The bad-input matrix (issue 9): what a hostile or careless user gives the command line.
# Each case generates its bad input here, runs the app under a time limit in a folder of its own,
# and checks the exit code, that nothing crashed or hung, that the message names the file (and
# line or feature) and the cause, and that the rest of the data still loads.
# Usage: bad_input_test.sh PATH/TO/idlib-atlas OUTPUT_DIR
set -u
bin=$(realpath "$1")
out=$2
src=$(cd "$(dirname "$0")/../.." && pwd)   # the source tree: its bundled data is copied, never written
rm -rf "$out" && mkdir -p "$out/logs" "$out/in"
out=$(cd "$out" && pwd)
limit=${BAD_INPUT_TIMEOUT:-60}    # seconds a run may take before it counts as a hang
# How soon a run must end after SIGINT/SIGTERM. The app gives itself 0.7 s and then ends the process
# itself; the margin is for a loaded CI machine (before the fix a load ran on for minutes).
signal_grace_ms=3000
export LC_ALL=C.UTF-8
passed=0 failed=0 n=0 name="" ok=1

# --- the harness --------------------------------------------------------------------------------

finish_case() {
  [ -n "$name" ] || return 0
  if [ "$ok" -eq 1 ]; then passed=$((passed + 1)); echo "ok   $n $name"; else failed=$((failed + 1)); fi
}
case_() {  # case_ NAME: starts a case in a fresh folder of its own, the working directory
  finish_case
  n=$((n + 1)) name=$1 ok=1
  dir=$out/c$(printf %03d "$n")
  mkdir -p "$dir" && cd "$dir" || exit 1
  err=$out/logs/$n.stderr so=$out/logs/$n.stdout
}
check() {  # check WHAT CMD...: one assertion of the current case
  local what=$1
  shift
  if ! "$@"; then ok=0; echo "FAIL $n $name: $what"; fi
}
run() {  # run CMD...: the app under a time limit; sets rc; stdout in $so, stderr in $err
  timeout -s KILL "$limit" "$@" >"$so" 2>"$err"
  rc=$?
  sane
}
sane() {  # what holds for every run: no crash, no hang, every message ours, on one line, escaped
  check "no hang (killed after ${limit}s)" test "$rc" -ne 137
  if [ "${signal_case:-0}" -eq 0 ]; then
    check "no crash (exit $rc)" test "$rc" -lt 128
  fi
  check "no sanitizer report" not grep -qE 'AddressSanitizer|LeakSanitizer|runtime error:' "$err"
  check "every stderr line starts 'idlib-atlas: ' (got: $(grep -av -e '^idlib-atlas: ' -e '^$' "$err" | head -c 200 | tr '\n\033' '|~'))" \
    not grep -aqv -e '^idlib-atlas: ' -e '^$' "$err"
  check "no raw ESC byte on stderr" not grep -aqP '\x1b' "$err"
}
not() { ! "$@"; }
rc_is() { check "exit $1 (got $rc)" test "$rc" -eq "$1"; }
says() {  # says PHRASE...: one stderr line holds every phrase
  local line
  line=$(grep -aF -- "$1" "$err")
  shift
  local p
  for p in "$@"; do line=$(grep -aF -- "$p" <<<"$line"); done
  [ -n "$line" ]
}
err_has() { check "stderr says: $*  (got: $(head -c 300 "$err" | tr '\n' '|'))" says "$@"; }
err_lacks() { check "stderr does not say '$1'" not grep -aqF -- "$1" "$err"; }
is_png() { [ -s "$1" ] && [ "$(head -c 4 "$1" | tail -c 3)" = PNG ]; }
is_video() { [ -s "$1" ] && [ -n "$(ffprobe -v error -show_entries format=format_name -of csv=p=0 "file:$1" 2>/dev/null)" ]; }
png_written() { check "the PNG $1 is written" is_png "$1"; }
nothing_at() { check "nothing is written at $1" test ! -e "$1"; }
no_hidden() { check "no hidden temp files in ${1:-.} ($(find "${1:-.}" -name '.?*' | head -3 | tr '\n' ' '))" \
  test -z "$(find "${1:-.}" -name '.?*')"; }
bundled_events() {  # the bundled events still load: the 3 February shelling and the whole table
  check "the bundled event a004-01 is still printed" grep -q '^a004-01,2020-02-03,day,shelling/air strike' "$so"
  check "all bundled events are printed ($(grep -c '^a00' "$so"))" test "$(grep -c '^a00' "$so")" -ge 40
}
unchanged() { check "$1 is unchanged" cmp -s "$1" "$2"; }

# A 64x64 export is the cheapest render; a 3-frame video the cheapest video.
small=(--size 64x64)
video=(--from 2020-01-01 --to 2020-01-03 --days-per-second 2 --fps 2 --size 64x64)
header='event_date,event_type,actor1,actor2,location,latitude,longitude,fatalities,notes,source'
good_row='2020-02-01,battle,Actor A,Actor B,Saraqib,35.8636,36.8006,0,GOODROW,test'
polygon() {  # polygon NAME COORDS: a one-feature GeoJSON
  printf '{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"name":"%s"},"geometry":{"type":"Polygon","coordinates":[[%s]]}}]}\n' "$1" "$2"
}
square='[36.40,35.70],[36.50,35.70],[36.50,35.80],[36.40,35.80],[36.40,35.70]'
story_good=$'title = Test\n[cue]\ndate = 2020-02-01\nhold = 1\ncaption = The good cue.\n'
story_run() {  # story_run FILE: the story as a short video
  run "$bin" --export-video "$dir/story.mp4" --story "$1" --fps 2 --size 64x64
}
story_partial() {  # a bad cue beside a good one: reported, and the good cue still exported
  rc_is 1
  check "the video of the good cue is written" is_video "$dir/story.mp4"
}

# Shared inputs, generated once: a copy of the bundled data (never the repository's own files)
# and a polygon of a million vertices whose load takes many seconds.
cp -r "$src/geodata" "$src/assets" "$out/in/" && mkdir -p "$out/data" && mv "$out/in/geodata" "$out/in/assets" "$out/data/"
python3 - "$out/in/big.geojson" <<'PY'
import math, sys
n = 1000000
with open(sys.argv[1], 'w') as f:
    f.write('{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"name":"Big"},'
            '"geometry":{"type":"Polygon","coordinates":[[')
    f.write(','.join('[%.6f,%.6f]' % (36.6 + 0.3 * math.cos(2 * math.pi * i / n) * (1 + 0.01 * (i % 2)),
                                      35.8 + 0.2 * math.sin(2 * math.pi * i / n)) for i in range(n)))
    f.write(',[36.900000,35.800000]]]}}]}\n')
PY
random_bytes() {  # random_bytes FILE SIZE SEED: the same bytes on every run
  python3 -c 'import random, sys; random.seed(int(sys.argv[3])); open(sys.argv[1], "wb").write(bytes(random.getrandbits(8) for _ in range(int(sys.argv[2]))))' "$@"
}

# --- missing files ------------------------------------------------------------------------------

case_ "missing --layer: named, the map still written, exit 1"
run "$bin" --export "$dir/m.png" "${small[@]}" --layer "$dir/nowhere.geojson"
rc_is 1; err_has "$dir/nowhere.geojson: file not found"; png_written "$dir/m.png"

case_ "missing --layer in a folder that does not exist, a name with spaces"
run "$bin" --export "$dir/m.png" "${small[@]}" --layer "$dir/no such dir/my layer.gpkg"
rc_is 1; err_has "$dir/no such dir/my layer.gpkg: file not found"; png_written "$dir/m.png"

case_ "missing --event-file: named, the bundled events still print, exit 1"
run "$bin" --events --event-file "$dir/nowhere.csv"
rc_is 1; err_has "$dir/nowhere.csv: file not found"; bundled_events

case_ "missing --story: named, exit 1, no video"
run "$bin" --export-video "$dir/story.mp4" --story "$dir/nowhere.story" --fps 2 --size 64x64
rc_is 1; err_has "$dir/nowhere.story"; check "the cause is given" grep -aqE 'not found|cannot read' "$err"
nothing_at "$dir/story.mp4"; no_hidden

# --- empty files --------------------------------------------------------------------------------

case_ "empty --event-file: 'is empty', the bundled events still print"
: >empty.csv
run "$bin" --events --event-file "$dir/empty.csv"
rc_is 1; err_has "$dir/empty.csv: is empty"; err_lacks "()"; bundled_events

case_ "empty --layer: 'is empty', the map still written"
: >empty.geojson
run "$bin" --export "$dir/m.png" "${small[@]}" --layer "$dir/empty.geojson"
rc_is 1; err_has "$dir/empty.geojson: is empty"; png_written "$dir/m.png"

case_ "empty --story: named, exit 1, no video"
: >empty.story
story_run "$dir/empty.story"
rc_is 1; err_has "$dir/empty.story"; check "the cause is given" grep -aqE 'is empty|no valid cue' "$err"
nothing_at "$dir/story.mp4"

case_ "a GeoJSON without features: a warning, the map written, exit 0"
echo '{"type":"FeatureCollection","features":[]}' >none.geojson
run "$bin" --export "$dir/m.png" "${small[@]}" --layer "$dir/none.geojson"
rc_is 0; err_has "$dir/none.geojson" "no features"; png_written "$dir/m.png"

# --- folders given as files ---------------------------------------------------------------------

case_ "a folder as --event-file: 'is a folder'"
mkdir -p folder.csv
run "$bin" --events --event-file "$dir/folder.csv"
rc_is 1; err_has "$dir/folder.csv: is a folder"; err_lacks "()"; bundled_events

case_ "an empty folder as --layer: named, the map still written"
mkdir -p emptydir
run "$bin" --export "$dir/m.png" "${small[@]}" --layer "$dir/emptydir"
rc_is 1; err_has "$dir/emptydir"; err_lacks "()"; png_written "$dir/m.png"

case_ "a folder as --story: 'is a folder'"
mkdir -p folder.story
story_run "$dir/folder.story"
rc_is 1; err_has "$dir/folder.story: is a folder"; nothing_at "$dir/story.mp4"

# --- pipes and devices given as files -----------------------------------------------------------

case_ "a named pipe as --layer: named at once, no wait for a writer, the map still written"
mkfifo pipe.geojson
run "$bin" --export "$dir/m.png" "${small[@]}" --layer "$dir/pipe.geojson"
rc_is 1; err_has "$dir/pipe.geojson: is a named pipe"; png_written "$dir/m.png"

case_ "a named pipe as --event-file: named at once, the bundled events still print"
mkfifo pipe.csv
run "$bin" --events --event-file "$dir/pipe.csv"
rc_is 1; err_has "$dir/pipe.csv: is a named pipe"; bundled_events

case_ "a device as --layer: 'is a device', the map still written"
run "$bin" --export "$dir/m.png" "${small[@]}" --layer /dev/zero
rc_is 1; err_has "/dev/zero: is a device"; png_written "$dir/m.png"

case_ "a folder where the PNG should go: exit 1 or 2, the folder untouched"
mkdir -p taken.png
run "$bin" --export "$dir/taken.png" "${small[@]}"
check "exit 1 or 2 (got $rc)" test "$rc" -eq 1 -o "$rc" -eq 2
err_has "$dir/taken.png"; check "the folder is still a folder" test -d taken.png; no_hidden

# --- binary files -------------------------------------------------------------------------------

case_ "random bytes as --event-file: 'is not a table GDAL can read'"
random_bytes rand.csv 65536 1
run "$bin" --events --event-file "$dir/rand.csv"
rc_is 1; err_has "$dir/rand.csv: is not a table GDAL can read"; err_lacks "()"; bundled_events

case_ "random bytes as --layer (.geojson): named, the map still written"
random_bytes rand.geojson 65536 2
run "$bin" --export "$dir/m.png" "${small[@]}" --layer "$dir/rand.geojson"
rc_is 1; err_has "$dir/rand.geojson"; err_lacks "()"; png_written "$dir/m.png"

case_ "random bytes as a Shapefile (.shp/.shx/.dbf): named, the map still written"
random_bytes rand.shp 20000 3; random_bytes rand.shx 2000 4; random_bytes rand.dbf 5000 5
run "$bin" --export "$dir/m.png" "${small[@]}" --layer "$dir/rand.shp"
rc_is 1; err_has "$dir/rand.shp"; png_written "$dir/m.png"

case_ "random bytes as --story: reported by line, escaped, no video"
random_bytes rand.story 20000 6
story_run "$dir/rand.story"
rc_is 1; err_has "$dir/rand.story"; nothing_at "$dir/story.mp4"
check "the messages are bounded ($(wc -c <"$err") bytes)" test "$(wc -c <"$err")" -lt 200000

case_ "a PNG image given as --event-file: not a table"
printf '\x89PNG\r\n\x1a\n' >image.csv && random_bytes tail.bin 4000 7 && cat tail.bin >>image.csv
run "$bin" --events --event-file "$dir/image.csv"
rc_is 1; err_has "$dir/image.csv: is not a table GDAL can read"; bundled_events

# --- truncated files ----------------------------------------------------------------------------

case_ "a GeoJSON cut mid-way: named with GDAL's reason, the map still written"
head -c 3000 "$src/geodata/admin1.geojson" >cut.geojson
run "$bin" --export "$dir/m.png" "${small[@]}" --layer "$dir/cut.geojson"
rc_is 1; err_has "$dir/cut.geojson" "GDAL"; err_lacks "()"; png_written "$dir/m.png"

case_ "a CSV cut mid-row: the last line reported, the other rows load"
printf '%s\n%s\n2020-02-02,battle,Actor A,,Binnish,35.95' "$header" "$good_row" >cut.csv
run "$bin" --events --event-file "$dir/cut.csv"
rc_is 1; err_has "$dir/cut.csv line 3"; check "the good row loads" grep -q GOODROW "$so"; bundled_events

case_ "a CSV cut inside a quoted field: 'never closed' at the line it opens"
printf '%s\n%s\n2020-02-02,battle,A,,Binnish,35.95,36.71,0,"the notes go on and' "$header" "$good_row" >cutq.csv
run "$bin" --events --event-file "$dir/cutq.csv"
rc_is 1; err_has "$dir/cutq.csv line 3" "never closed"; check "the good row loads" grep -q GOODROW "$so"; bundled_events

case_ "a Shapefile whose .shp is cut: named, no crash"
polygon Cut "$square" >sq.geojson && ogr2ogr -f "ESRI Shapefile" cut.shp sq.geojson && truncate -s 150 cut.shp
run "$bin" --export "$dir/m.png" "${small[@]}" --layer "$dir/cut.shp"
rc_is 0; err_has "$dir/cut.shp"; png_written "$dir/m.png"

# --- invalid geometry ---------------------------------------------------------------------------

case_ "a self-intersecting polygon: named by feature, repaired, exit 0"
polygon Bowtie '[36.4,35.7],[36.5,35.8],[36.5,35.7],[36.4,35.8],[36.4,35.7]' >bowtie.geojson
run "$bin" --export "$dir/m.png" "${small[@]}" --layer "$dir/bowtie.geojson"
rc_is 0; err_has "$dir/bowtie.geojson: feature 0 'Bowtie'" "invalid polygon"; png_written "$dir/m.png"
check "the layer is drawn (5 layers)" grep -q '5 layers' "$so"

case_ "a ring of 2 points: named by feature, skipped, exit 1"
polygon Two '[36.4,35.7],[36.5,35.8]' >two.geojson
run "$bin" --export "$dir/m.png" "${small[@]}" --layer "$dir/two.geojson"
rc_is 1; err_has "$dir/two.geojson: feature 0 'Two'" "invalid polygon"; png_written "$dir/m.png"

case_ "one bad feature among good ones: the good ones still drawn"
printf '{"type":"FeatureCollection","features":[
{"type":"Feature","properties":{"name":"Good"},"geometry":{"type":"Polygon","coordinates":[[%s]]}},
{"type":"Feature","properties":{"name":"Bad"},"geometry":{"type":"Polygon","coordinates":[[[36.4,35.7],[36.5,35.8]]]}}]}\n' "$square" >mixed.geojson
run "$bin" --export "$dir/m.png" "${small[@]}" --layer "$dir/mixed.geojson"
rc_is 1; err_has "$dir/mixed.geojson: feature 1 'Bad'"; png_written "$dir/m.png"
check "the layer is drawn (5 layers)" grep -q '5 layers' "$so"

case_ "coordinates outside the CRS's range: named by feature, skipped"
polygon Far '[500,95],[501,95],[501,96],[500,95]' >far.geojson
run "$bin" --export "$dir/m.png" "${small[@]}" --layer "$dir/far.geojson"
rc_is 0; err_has "$dir/far.geojson: feature 0 'Far'" "outside"; png_written "$dir/m.png"

case_ "NaN-like and huge coordinates: no crash"
polygon Huge '[1e308,1e308],[-1e308,1e308],[1e308,-1e308],[1e308,1e308]' >huge.geojson
run "$bin" --export "$dir/m.png" "${small[@]}" --layer "$dir/huge.geojson"
rc_is 0; err_has "$dir/huge.geojson: feature 0 'Huge'"; png_written "$dir/m.png"

# --- missing or wrong CRS -----------------------------------------------------------------------

case_ "a .shp without .prj in degrees: warned, drawn as WGS 84, exit 0"
polygon NoPrj "$square" >sq.geojson && ogr2ogr -f "ESRI Shapefile" noprj.shp sq.geojson && rm -f noprj.prj
run "$bin" --export "$dir/m.png" "${small[@]}" --layer "$dir/noprj.shp"
rc_is 0; err_has "$dir/noprj.shp: no coordinate reference system"; png_written "$dir/m.png"
check "the layer is drawn (5 layers)" grep -q '5 layers' "$so"

case_ "a .shp without .prj in metres: cannot be placed, exit 1"
polygon Metres '[300000,3960000],[310000,3960000],[310000,3970000],[300000,3960000]' >m.geojson
ogr2ogr -f "ESRI Shapefile" metres.shp m.geojson && rm -f metres.prj
run "$bin" --export "$dir/m.png" "${small[@]}" --layer "$dir/metres.shp"
rc_is 1; err_has "$dir/metres.shp: no coordinate reference system"; png_written "$dir/m.png"

case_ "a .prj of garbage: named, treated as no CRS"
polygon Garbage "$square" >sq.geojson && ogr2ogr -f "ESRI Shapefile" garbage.shp sq.geojson
echo 'GEOGCS[garbage' >garbage.prj
run "$bin" --export "$dir/m.png" "${small[@]}" --layer "$dir/garbage.shp"
rc_is 0; err_has "$dir/garbage.shp" "coordinate reference system"; png_written "$dir/m.png"

case_ "a GeoJSON with an absurd crs member: named, exit 0"
printf '{"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::999999"}},"features":[{"type":"Feature","properties":{"name":"Z"},"geometry":{"type":"Polygon","coordinates":[[%s]]}}]}\n' "$square" >absurd.geojson
run "$bin" --export "$dir/m.png" "${small[@]}" --layer "$dir/absurd.geojson"
rc_is 0; err_has "$dir/absurd.geojson" "crs not found"; png_written "$dir/m.png"

# --- event rows: dates, columns, header, encodings, quotes, sizes -------------------------------

bad_date_case() {  # bad_date_case VALUE: one bad row between good ones
  printf '%s\n%s\n%s,battle,A,,Binnish,35.95,36.71,0,bad,test\n%s\n' "$header" "$good_row" "$1" "${good_row/GOODROW/GOODTOO}" >bad.csv
  run "$bin" --events --event-file "$dir/bad.csv"
  rc_is 1; err_has "$dir/bad.csv line 3: event_date" "is not a date"; bundled_events
  check "the good rows around it load" test "$(grep -cE 'GOODROW|GOODTOO' "$so")" -eq 2
}
case_ "event_date 2020-02-30: 'line 3: event_date ... is not a date', the rest loads"
bad_date_case 2020-02-30
case_ "event_date 'yesterday'"
bad_date_case yesterday
case_ "event_date 31/12/2019 (day first)"
bad_date_case 31/12/2019
case_ "event_date 2020-13-45"
bad_date_case 2020-13-45
case_ "event_date 99999999-01-01 (an overflowing year)"
bad_date_case 99999999-01-01

case_ "missing columns: one message 'no event_date ... found:' listing the columns, no per-row errors"
printf 'id,date,place\n1,2020-01-01,Saraqib\n2,2020-01-02,Binnish\n' >nocols.csv
run "$bin" --events --event-file "$dir/nocols.csv"
rc_is 1; err_has "$dir/nocols.csv" "no event_date" "found:" "id, date, place"
check "no per-row errors" not grep -aq 'nocols.csv line' "$err"; bundled_events

case_ "no latitude/longitude columns: named, no per-row errors"
printf 'event_date,event_type,location\n2020-01-01,battle,Saraqib\n' >nocoords.csv
run "$bin" --events --event-file "$dir/nocoords.csv"
rc_is 1; err_has "$dir/nocoords.csv" "latitude" "found:"
check "no per-row errors" not grep -aq 'nocoords.csv line' "$err"; bundled_events

case_ "a missing header (the first line is data): 'no event_date ... found:'"
printf '%s\n2020-02-02,battle,A,,Binnish,35.95,36.71,0,x,test\n' "$good_row" >nohead.csv
run "$bin" --events --event-file "$dir/nohead.csv"
rc_is 1; err_has "$dir/nohead.csv" "no event_date" "found"
check "no per-row errors" not grep -aq 'nohead.csv line' "$err"; bundled_events

case_ "a header moved below a title line: 'no event_date ... found:'"
printf 'ACLED export, Idlib\n\n%s\n%s\n' "$header" "$good_row" >moved.csv
run "$bin" --events --event-file "$dir/moved.csv"
rc_is 1; err_has "$dir/moved.csv" "no event_date" "found:"
check "no per-row errors" not grep -aq 'moved.csv line' "$err"; bundled_events

case_ "columns in another order and extra columns: loads, exit 0"
printf 'longitude,extra,notes,latitude,event_type,event_date\n36.8006,zzz,GOODROW,35.8636,battle,2020-02-01\n' >order.csv
run "$bin" --events --event-file "$dir/order.csv"
rc_is 0; check "the row loads" grep -q 'GOODROW' "$so"; bundled_events

case_ "a BOM at the start of a CSV: loads, exit 0"
printf '\xef\xbb\xbf%s\n%s\n' "$header" "$good_row" >bom.csv
run "$bin" --events --event-file "$dir/bom.csv"
rc_is 0; check "the row loads" grep -q 'GOODROW' "$so"; bundled_events
check "no BOM in the output" not grep -aqP '\xef\xbb\xbf' "$so"

case_ "a BOM and CRLF line ends: loads, exit 0"
printf '\xef\xbb\xbf%s\r\n%s\r\n' "$header" "$good_row" >bomcrlf.csv
run "$bin" --events --event-file "$dir/bomcrlf.csv"
rc_is 0; check "the row loads" grep -q 'GOODROW' "$so"; bundled_events
check "no CR left in the notes" not grep -aqP 'GOODROW\r' "$so"

case_ "Latin-1 bytes in notes: 'is not UTF-8; read as Latin-1' with file and line, output is UTF-8"
printf '%s\n%s\n2020-02-02,battle,A,,Binnish,35.95,36.71,0,caf\xe9 LATIN,test\n' "$header" "$good_row" >latin.csv
run "$bin" --events --event-file "$dir/latin.csv"
rc_is 0; err_has "$dir/latin.csv line 3" "is not UTF-8; read as Latin-1"
check "the text is converted (café)" grep -q 'café LATIN' "$so"
check "stdout is valid UTF-8" iconv -f UTF-8 -t UTF-8 "$so" -o /dev/null; bundled_events

case_ "Latin-1 bytes in location: converted, the row loads"
printf '%s\n2020-02-02,battle,A,,Ma\xe2rat al-Nu\xe2man,35.65,36.67,0,LOC,test\n' "$header" >latin2.csv
run "$bin" --events --event-file "$dir/latin2.csv"
rc_is 0; err_has "$dir/latin2.csv line 2" "is not UTF-8; read as Latin-1"
check "the row loads, converted" grep -q 'Maârat al-Nuâman' "$so"
check "stdout is valid UTF-8" iconv -f UTF-8 -t UTF-8 "$so" -o /dev/null

case_ "a 5 MB notes field: loads, no hang, the rest loads"
{ printf '%s\n%s\n2020-02-02,battle,A,,Binnish,35.95,36.71,0,' "$header" "$good_row"; head -c 5000000 /dev/zero | tr '\0' x; printf ',test\n'; } >hugefield.csv
run "$bin" --events --event-file "$dir/hugefield.csv"
rc_is 0; check "the good row loads" grep -q GOODROW "$so"; bundled_events

case_ "an unclosed quote: 'line N' where it opens and 'never closed', the rows before it load"
printf '%s\n%s\n2020-02-02,battle,A,,Binnish,35.95,36.71,0,"opens here,test\n2020-02-03,battle,A,,Sarmin,35.9,36.72,0,x,test\n2020-02-04,battle,A,,Taftanaz,35.99,36.78,0,y,test\n' "$header" "$good_row" >quote.csv
run "$bin" --events --event-file "$dir/quote.csv"
rc_is 1; err_has "$dir/quote.csv line 3" "never closed"; check "the good row loads" grep -q GOODROW "$so"; bundled_events

case_ "a quote left open on the last line"
printf '%s\n%s\n2020-02-02,battle,A,,"Binnish,35.95,36.71,0,x,test\n' "$header" "$good_row" >quote2.csv
run "$bin" --events --event-file "$dir/quote2.csv"
rc_is 1; err_has "$dir/quote2.csv line 3" "never closed"; check "the good row loads" grep -q GOODROW "$so"

# --- stories ------------------------------------------------------------------------------------

bad_cue_case() {  # bad_cue_case KEY VALUE PHRASE...: a bad cue after the good one, its KEY on line 8
  printf '%s[cue]\ndate = 2020-02-02\n%s = %s\ncaption = The bad cue.\n' "$story_good" "$1" "$2" >bad.story
  local key=$1 value=$2
  shift 2
  story_run "$dir/bad.story"
  story_partial; err_has "$dir/bad.story line 8: $key '$value'" "$@"
}
case_ "story hold = inf: the allowed range is named (600)"
bad_cue_case hold inf 600
case_ "story hold = 1e9"
bad_cue_case hold 1e9 600
case_ "story hold = nan"
bad_cue_case hold nan 600
case_ "story hold = -1"
bad_cue_case hold -1 600
case_ "story speed = 1e-300: the allowed range is named (0.01)"
printf '%s[cue]\ndate = 2020-02-02\nuntil = 2020-03-01\nspeed = 1e-300\ncaption = The bad cue.\n' "$story_good" >bad.story
story_run "$dir/bad.story"
story_partial; err_has "$dir/bad.story line 9: speed '1e-300'" "0.01"

case_ "story speed = inf"
printf '%s[cue]\ndate = 2020-02-02\nuntil = 2020-03-01\nspeed = inf\ncaption = The bad cue.\n' "$story_good" >bad.story
story_run "$dir/bad.story"
story_partial; err_has "$dir/bad.story line 9: speed 'inf'"

case_ "story of 1001 cues: 'line N' and the 1000-cue limit, the first 1000 still exported"
{ printf 'title = Many\n'; for ((i = 0; i < 1001; i++)); do printf '[cue]\ndate = 2020-02-01\nhold = 0.1\ncaption = c\n'; done; } >many.story
story_run "$dir/many.story"
story_partial; err_has "$dir/many.story line 4002"; check "the limit of 1000 cues is named" grep -aqE '1000 cues|1,000' "$err"
check "one message, not one per cue ($(grep -c . "$err") lines)" test "$(grep -vc 'frame ' "$err")" -eq 1

case_ "story of 100,000 cues: cut at 1000, whose 4 s holds pass the video limit: exit 2, no hang"
{ printf 'title = Many\n'; for ((i = 0; i < 100000; i++)); do printf '[cue]\ndate=2020-02-01\ncaption=c\n'; done; } >many.story
story_run "$dir/many.story"
rc_is 2; err_has "$dir/many.story line 3002"; check "the limit of 1000 cues is named" grep -aqE '1000 cues|1,000' "$err"
err_has "the limit is"; check "nothing rendered" not grep -aq 'frame 1/' "$err"; nothing_at "$dir/story.mp4"
check "the messages are bounded ($(wc -c <"$err") bytes)" test "$(wc -c <"$err")" -lt 20000

case_ "story with a 100 kB caption line: 'line N' and 'limit', the good cue still exported"
{ printf '%s[cue]\ndate = 2020-02-02\ncaption = ' "$story_good"; head -c 100000 /dev/zero | tr '\0' x; printf '\n'; } >longcap.story
story_run "$dir/longcap.story"
story_partial; err_has "$dir/longcap.story line 8" "limit"
check "the messages are bounded ($(wc -c <"$err") bytes)" test "$(wc -c <"$err")" -lt 20000

case_ "story with a 5 MB caption: named with its limit, memory stays small, no hang"
{ printf '%s[cue]\ndate = 2020-02-02\ncaption = ' "$story_good"; head -c 5000000 /dev/zero | tr '\0' x; printf '\n'; } >bigcap.story
rss_tool=(); [ -x /usr/bin/time ] && rss_tool=(/usr/bin/time -f %M -o "$out/logs/$n.rss")
"${rss_tool[@]}" timeout -s KILL "$limit" "$bin" --export-video "$dir/story.mp4" --story "$dir/bigcap.story" --fps 2 --size 64x64 >"$so" 2>"$err"
rc=$?; sane
rc_is 1; err_has "$dir/bigcap.story"; check "the limit is named" grep -aqE 'limit|at most' "$err"
rss=$(tail -1 "$out/logs/$n.rss" 2>/dev/null); rss=${rss//[!0-9]/}
check "at most 400 MB of memory (${rss:-?} kB)" test "${rss:-0}" -lt 400000
check "the messages are bounded ($(wc -c <"$err") bytes)" test "$(wc -c <"$err")" -lt 20000

case_ "story view out of range: named by line, no mention of --view"
bad_cue_case view 200,95,9 "view"
err_lacks "--view"

case_ "story view of words: named by line, no mention of --view"
bad_cue_case view Idlib "view"
err_lacks "--view"

case_ "story unknown key: named by line"
printf '%s[cue]\ndate = 2020-02-02\ncolour = red\ncaption = The bad cue.\n' "$story_good" >bad.story
story_run "$dir/bad.story"
story_partial; err_has "$dir/bad.story line 8" "unknown key 'colour'"

case_ "a story video too long: 'the limit is', exit 2, before rendering"
{ printf 'title = Long\n'; for ((i = 0; i < 100; i++)); do printf '[cue]\ndate = 2020-02-01\nhold = 500\ncaption = c%d\n' "$i"; done; } >long.story
story_run "$dir/long.story"
rc_is 2; err_has "the limit is"
check "nothing rendered" not grep -aq 'frame 1/' "$err"; nothing_at "$dir/story.mp4"; no_hidden

# --- bad command lines --------------------------------------------------------------------------

case_ "a date-range video too long: 'the limit is', exit 2, before rendering"
run "$bin" --export-video "$dir/v.mp4" --from 2018-01-01 --to 2020-12-31 --days-per-second 0.01 --fps 2 --size 64x64
rc_is 2; err_has "the limit is"; check "nothing rendered" not grep -aq 'frame 1/' "$err"
nothing_at "$dir/v.mp4"; no_hidden

case_ "--days-per-second 1e-300: exit 2"
run "$bin" --export-video "$dir/v.mp4" --from 2020-01-01 --to 2020-01-03 --days-per-second 1e-300 --fps 2 --size 64x64
rc_is 2; err_has "--days-per-second"; nothing_at "$dir/v.mp4"

case_ "--events --from after --to: exit 2"
run "$bin" --events --from 2020-03-01 --to 2020-02-01
rc_is 2; err_has "--from" "2020-03-01"; check "no events printed" not grep -q '^a00' "$so"

case_ "--window -3 with --export: exit 2, nothing written"
run "$bin" --export "$dir/m.png" "${small[@]}" --window -3
rc_is 2; err_has "--window" "-3"; nothing_at "$dir/m.png"

case_ "--window -3 with --at: exit 2"
run "$bin" --at 36.8006,35.8636 --date 2020-02-10 --window -3
rc_is 2; err_has "--window" "-3"

case_ "--size 0x0: exit 2"
run "$bin" --export "$dir/m.png" --size 0x0
rc_is 2; err_has "--size '0x0'"; nothing_at "$dir/m.png"

case_ "--size 100000x100000: exit 2"
run "$bin" --export "$dir/m.png" --size 100000x100000
rc_is 2; err_has "--size '100000x100000'"; nothing_at "$dir/m.png"

case_ "--fps 0: exit 2, the message is the app's own"
run "$bin" --export-video "$dir/v.mp4" --from 2020-01-01 --to 2020-01-03 --fps 0 --size 64x64
rc_is 2; err_has "--fps"; nothing_at "$dir/v.mp4"

case_ "--view 200,95,9 (out of range): exit 2"
run "$bin" --export "$dir/m.png" "${small[@]}" --view 200,95,9
rc_is 2; err_has "--view '200,95,9'"; nothing_at "$dir/m.png"

case_ "--view 36,35,99 (zoom out of range): exit 2"
run "$bin" --export "$dir/m.png" "${small[@]}" --view 36,35,99
rc_is 2; err_has "--view '36,35,99'"; nothing_at "$dir/m.png"

case_ "--view nan,nan,9: exit 2"
run "$bin" --export "$dir/m.png" "${small[@]}" --view nan,nan,9
rc_is 2; err_has "--view 'nan,nan,9'"; nothing_at "$dir/m.png"

case_ "--panels 0: exit 2"
run "$bin" --export-poster "$dir/p.png" --from 2020-01-01 --to 2020-02-01 --panels 0 --size 64x64
rc_is 2; err_has "--panels"; nothing_at "$dir/p.png"

# --- names that a shell would run ---------------------------------------------------------------

pwned() { find "$out" "$PWD" /tmp -maxdepth 3 -name 'pwned*' 2>/dev/null | head -3; }
case_ "a video named x';touch pwned;'.mp4: written under that name, nothing run"
name1="x';touch pwned;'.mp4"
run "$bin" --export-video "$name1" "${video[@]}"
rc_is 0; check "no file pwned anywhere ($(pwned))" test -z "$(pwned)"
check "the video is written under exactly that name" is_video "$dir/$name1"; no_hidden

case_ "a video named with \$(...) and backquotes: written under that name, nothing run"
name2='y$(touch pwned2)`touch pwned3`".gif'
run "$bin" --export-video "$dir/$name2" "${video[@]}"
rc_is 0; check "no file pwned anywhere ($(pwned))" test -z "$(pwned)"
check "the video is written under exactly that name" is_video "$dir/$name2"; no_hidden

case_ "a video named x';cd ..;touch pwned;'.mp4 in a subfolder"
mkdir -p sub
name3="sub/x';cd ..;touch pwned;'.mp4"
run "$bin" --export-video "$name3" "${video[@]}"
rc_is 0; check "no file pwned anywhere ($(pwned))" test -z "$(pwned)"
check "the video is written under exactly that name" is_video "$dir/$name3"

case_ "a video named pipe:1.mp4: a file, not ffmpeg's stdout"
run "$bin" --export-video pipe:1.mp4 "${video[@]}"
rc_is 0; check "the file pipe:1.mp4 is written" is_video "$dir/pipe:1.mp4"
check "no video on stdout ($(wc -c <"$so") bytes)" test "$(wc -c <"$so")" -lt 1000

case_ "a video named ./-v.gif (a leading dash): written, not taken as an option"
run "$bin" --export-video ./-v.gif "${video[@]}"
rc_is 0; check "the file -v.gif is written" is_video "$dir/-v.gif"

case_ "a PNG named ./-x.png (a leading dash): written with its sidecars"
run "$bin" --export ./-x.png "${small[@]}"
rc_is 0; png_written "$dir/-x.png"; check "the world file is written" test -s "$dir/-x.wld"

case_ "a PNG name with spaces and parentheses"
run "$bin" --export "$dir/my map (copy).png" "${small[@]}"
rc_is 0; png_written "$dir/my map (copy).png"; check "the world file is written" test -s "$dir/my map (copy).wld"

case_ "a PNG name with a newline: written under that name"
name4=$'two\nlines.png'
run "$bin" --export "$dir/$name4" "${small[@]}"
rc_is 0; png_written "$dir/$name4"

case_ "a missing layer whose name has a newline: one message line, '\\n' written out"
run "$bin" --export "$dir/m.png" "${small[@]}" --layer "$dir/a"$'\n'"b.geojson"
rc_is 1; err_has "$dir/a\\nb.geojson: file not found"; png_written "$dir/m.png"

case_ "a missing layer whose name holds an ESC sequence: escaped as \\x1b"
run "$bin" --export "$dir/m.png" "${small[@]}" --layer "$dir/"$'\e[31mred\e[0m'".geojson"
rc_is 1; err_has '\x1b[31mred'; png_written "$dir/m.png"

# --- control characters in fields ---------------------------------------------------------------

case_ "an ESC sequence in a bad event_date: escaped in the message"
printf '%s\n%s\n2020\e[2J-01-01,battle,A,,Binnish,35.95,36.71,0,x,test\n' "$header" "$good_row" >esc.csv
run "$bin" --events --event-file "$dir/esc.csv"
rc_is 1; err_has "$dir/esc.csv line 3" '\x1b[2J' "is not a date"; bundled_events

case_ "a newline inside a quoted bad field: the message stays one line"
printf '%s\n%s\n"2020-01\n-01",battle,A,,Binnish,35.95,36.71,0,x,test\n' "$header" "$good_row" >nl.csv
run "$bin" --events --event-file "$dir/nl.csv"
rc_is 1; err_has "$dir/nl.csv line 3" '2020-01\n-01' "is not a date"; bundled_events

case_ "an ESC sequence in an invalid feature's name: escaped"
polygon $'Evil\e]0;title\a' '[36.4,35.7],[36.5,35.8]' >escname.geojson
run "$bin" --export "$dir/m.png" "${small[@]}" --layer "$dir/escname.geojson"
rc_is 1; err_has "$dir/escname.geojson: feature 0" 'Evil\x1b]0;title'; png_written "$dir/m.png"
check "no raw BEL byte on stderr" not grep -aqP '\x07' "$err"

case_ "an ESC sequence in a story's unknown key: escaped"
printf '%s[cue]\ndate = 2020-02-02\n\e[2Jkey = v\ncaption = c\n' "$story_good" >esc.story
story_run "$dir/esc.story"
story_partial; err_has "$dir/esc.story line 8" '\x1b[2J'

# --- spreadsheet formulas in --events --format csv ----------------------------------------------

formula_case() {  # formula_case FIELD-INDEX VALUE EXPECTED
  local row=(2021-06-01 battle "Actor A" "" Binnish 35.95 36.71 0 FORMULAROW test) line="" cell
  row[$1]=$2
  for cell in "${row[@]}"; do line+=${line:+,}\"${cell//\"/\"\"}\"; done
  printf '%s\n%s\n' "$header" "$line" >formula.csv
  run "$bin" --events --event-file "$dir/formula.csv" --format csv
  rc_is 0; bundled_events
  check "the cell comes out as $3 ($(grep -a -F 2021-06-01 "$so" | head -c 200))" grep -aqF -- "$3" "$so"
}
case_ "notes =HYPERLINK(...) comes out as '=HYPERLINK"
formula_case 8 '=HYPERLINK("http://evil.example/","click")' "'=HYPERLINK("
case_ "actor1 +cmd comes out as '+cmd"
formula_case 2 "+cmd|' /C calc'!A0" "'+cmd|"
case_ "location -2+3 comes out as '-2+3"
formula_case 4 "-2+3+cmd" "'-2+3+cmd"
case_ "source @SUM(1+1) comes out as '@SUM"
formula_case 9 "@SUM(1+1)*cmd" "'@SUM(1+1)"
case_ "notes starting with a tab comes out as '<tab>"
formula_case 8 $'\t=1+1' "'"$'\t=1+1'

# --- outputs onto inputs ------------------------------------------------------------------------

case_ "--export data.geojson --layer data.geojson: refused, exit 2, the file unchanged"
polygon Data "$square" >data.geojson && cp data.geojson data.orig
run "$bin" --export "$dir/data.geojson" "${small[@]}" --layer "$dir/data.geojson"
rc_is 2; err_has "$dir/data.geojson"; unchanged data.geojson data.orig
nothing_at "$dir/data.wld"

case_ "--export onto an --event-file ending in .png: 'would overwrite an input'"
printf '%s\n%s\n' "$header" "$good_row" >table.png && cp table.png table.orig
run "$bin" --export "$dir/table.png" "${small[@]}" --event-file "$dir/table.png"
rc_is 2; err_has "would overwrite an input"; unchanged table.png table.orig

case_ "--export whose world file is the --layer: 'would overwrite an input'"
polygon Side "$square" >m.wld && cp m.wld m.orig
run "$bin" --export "$dir/m.png" "${small[@]}" --layer "$dir/m.wld"
rc_is 2; err_has "would overwrite an input"; unchanged m.wld m.orig; nothing_at "$dir/m.png"

case_ "--export whose .png.aux.xml is the --event-file: 'would overwrite an input'"
printf '%s\n%s\n' "$header" "$good_row" >m.png.aux.xml && cp m.png.aux.xml aux.orig
run "$bin" --export "$dir/m.png" "${small[@]}" --event-file "$dir/m.png.aux.xml"
rc_is 2; err_has "would overwrite an input"; unchanged m.png.aux.xml aux.orig; nothing_at "$dir/m.png"

case_ "--export onto a --layer by another path (sub/../): 'would overwrite an input'"
mkdir -p sub && polygon Alias "$square" >alias.png && cp alias.png alias.orig
run "$bin" --export "$dir/sub/../alias.png" "${small[@]}" --layer "$dir/alias.png"
rc_is 2; err_has "would overwrite an input"; unchanged alias.png alias.orig

case_ "--export-video onto its --story: 'would overwrite an input'"
printf '%s' "$story_good" >s.mp4 && cp s.mp4 s.orig
run "$bin" --export-video "$dir/s.mp4" --story "$dir/s.mp4" --fps 2 --size 64x64
rc_is 2; err_has "would overwrite an input"; unchanged s.mp4 s.orig

data=$out/data
case_ "--export-poster onto DATA/geodata/events.csv (a copy, via --data): refused, unchanged"
run "$bin" --data "$data" --export-poster "$data/geodata/events.csv" --from 2020-01-01 --to 2020-02-01 --panels 2 --size 64x64
rc_is 2; err_has "$data/geodata/events.csv"; unchanged "$data/geodata/events.csv" "$src/geodata/events.csv"

case_ "--export-poster into DATA/geodata: 'would overwrite the bundled data'"
run "$bin" --data "$data" --export-poster "$data/geodata/poster.png" --from 2020-01-01 --to 2020-02-01 --panels 2 --size 64x64
rc_is 2; err_has "would overwrite the bundled data"; nothing_at "$data/geodata/poster.png"

case_ "--export into DATA/assets/stories: 'would overwrite the bundled data'"
run "$bin" --data "$data" --export "$data/assets/stories/x.png" "${small[@]}"
rc_is 2; err_has "would overwrite the bundled data"; nothing_at "$data/assets/stories/x.png"

case_ "--export-video into DATA/geodata with IDLIB_ATLAS_DATA: 'would overwrite the bundled data'"
run env IDLIB_ATLAS_DATA="$data" "$bin" --export-video "$data/geodata/v.mp4" "${video[@]}"
rc_is 2; err_has "would overwrite the bundled data"; nothing_at "$data/geodata/v.mp4"
check "no hidden files in the bundled data" test -z "$(find "$data" -name '.?*')"

case_ "--export ./x.png from inside DATA/geodata, relative: 'would overwrite the bundled data'"
(cd "$data/geodata" && timeout -s KILL "$limit" "$bin" --data .. --export ./x.png "${small[@]}" >"$so" 2>"$err")
rc=$?; sane
rc_is 2; err_has "would overwrite the bundled data"; nothing_at "$data/geodata/x.png"
check "the copied data is still the bundled data" diff -r -q "$data/geodata" "$src/geodata"

# --- output names and folders -------------------------------------------------------------------

case_ "--export map.jpg: 'the file name must end in .png', nothing written"
run "$bin" --export "$dir/map.jpg" "${small[@]}"
rc_is 2; err_has "--export '$dir/map.jpg': the file name must end in .png"
nothing_at "$dir/map.jpg"; nothing_at "$dir/map.wld"

case_ "--export without an extension: refused"
run "$bin" --export map "${small[@]}"
rc_is 2; err_has "--export 'map': the file name must end in .png"; nothing_at "$dir/map"

case_ "--export-poster poster.tif: refused"
run "$bin" --export-poster "$dir/poster.tif" --from 2020-01-01 --to 2020-02-01 --panels 2 --size 64x64
rc_is 2; err_has "$dir/poster.tif" "must end in .png"; nothing_at "$dir/poster.tif"

case_ "--export into a folder that does not exist: 'the folder ... does not exist'"
run "$bin" --export "$dir/nope/x.png" "${small[@]}"
rc_is 2; err_has "the folder $dir/nope does not exist"; nothing_at "$dir/nope"

case_ "--export into a missing relative folder: names the user's path"
run "$bin" --export nope2/deeper/x.png "${small[@]}"
rc_is 2; err_has "the folder nope2/deeper does not exist"; nothing_at "$dir/nope2"

case_ "--export-poster into a folder that does not exist"
run "$bin" --export-poster "$dir/nope/p.png" --from 2020-01-01 --to 2020-02-01 --panels 2 --size 64x64
rc_is 2; err_has "the folder $dir/nope does not exist"; nothing_at "$dir/nope"

case_ "--export-video into a folder that does not exist: refused before rendering"
run "$bin" --export-video "$dir/nope/v.mp4" "${video[@]}"
rc_is 2; err_has "the folder $dir/nope does not exist"; check "nothing rendered" not grep -aq 'frame 1/' "$err"
nothing_at "$dir/nope"

# --- ffmpeg failing -----------------------------------------------------------------------------

case_ "no ffmpeg on PATH: exit 1, names the user's path and ffmpeg, no temp file"
mkdir -p nobin
run env PATH="$dir/nobin" "$bin" --export-video "$dir/v.mp4" "${video[@]}"
rc_is 1; err_has "$dir/v.mp4" "ffmpeg"; err_lacks "/.v.mp4"; no_hidden; nothing_at "$dir/v.mp4"

case_ "an ffmpeg that exits at once: exit 1 (not SIGPIPE), names the user's path"
mkdir -p fakebin && printf '#!/bin/sh\nexit 1\n' >fakebin/ffmpeg && chmod +x fakebin/ffmpeg
run env PATH="$dir/fakebin:$PATH" "$bin" --export-video "$dir/v.mp4" "${video[@]}"
rc_is 1; err_has "$dir/v.mp4" "ffmpeg"; err_lacks "/.v"; no_hidden; nothing_at "$dir/v.mp4"

# --- secrets ------------------------------------------------------------------------------------

secret_case() {  # secret_case CONNECTION SECRET
  run "$bin" --export "$dir/m.png" "${small[@]}" --layer "$1"
  rc_is 1; png_written "$dir/m.png"
  check "$2 never appears" not grep -aqF "$2" "$err" "$so"
}
case_ "a PostGIS string with password=: 'password=***', the password never shown"
secret_case 'PG:host=127.0.0.1 port=1 dbname=x user=u password=SECRET123' SECRET123
err_has "password=***"
case_ "a PostGIS string with a quoted password"
secret_case "PG:host=127.0.0.1 port=1 dbname=x user=u password='SECRET 456' sslmode=disable" 'SECRET 456'
check "SECRET never appears" not grep -aqF SECRET "$err"
case_ "a PostgreSQL URI with a password"
secret_case 'PG:postgresql://u:SECRET789@127.0.0.1:1/x' SECRET789

# --- signals ------------------------------------------------------------------------------------

signal_run() {  # signal_run SIGNAL CMD...: start, wait 2 s, signal, time the exit
  local sig=$1
  shift
  env --default-signal=INT,TERM "$@" >"$so" 2>"$err" &
  local pid=$!
  (sleep "$limit"; kill -KILL "$pid") >/dev/null 2>&1 &
  local watchdog=$!
  sleep 2
  check "still running after 2 s (else the case proves nothing)" kill -0 "$pid" 2>/dev/null
  local t0
  t0=$(date +%s%N)
  kill -"$sig" "$pid" 2>/dev/null
  wait "$pid"
  rc=$?
  took=$((($(date +%s%N) - t0) / 1000000))
  kill "$watchdog" 2>/dev/null
  wait "$watchdog" 2>/dev/null
  signal_case=1 sane
  check "ends within ${signal_grace_ms} ms of the signal (took $took ms)" test "$took" -le "$signal_grace_ms"
}
# A workspace loads the big layer whole (an image would keep only what it shows, and be done
# before the signal).
case_ "SIGINT during a long load: exit 130 at once, 'interrupted', no temp files"
signal_run INT "$bin" --save-workspace "$dir/m.workspace.json" --layer "$out/in/big.geojson"
rc_is 130; err_has "interrupted"; no_hidden; nothing_at "$dir/m.workspace.json"

case_ "SIGTERM during a long load: exit 143 at once, no temp files"
signal_run TERM "$bin" --save-workspace "$dir/m.workspace.json" --layer "$out/in/big.geojson"
rc_is 143; err_has "interrupted"; no_hidden; nothing_at "$dir/m.workspace.json"

case_ "SIGTERM during a video export: exit 143, no temp video, no half video"
signal_run TERM "$bin" --export-video "$dir/v.mp4" --from 2018-05-01 --to 2020-03-01 --days-per-second 20 --fps 30 --size 320x180
rc_is 143; err_has "interrupted"; no_hidden; nothing_at "$dir/v.mp4"

case_ "SIGINT during a poster export: exit 130, no temp files"
signal_run INT "$bin" --export-poster "$dir/p.png" --from 2020-01-01 --to 2020-02-01 --panels 2 --size 64x64 --layer "$out/in/big.geojson"
rc_is 130; err_has "interrupted"; no_hidden; nothing_at "$dir/p.png"

# The map window too: Ctrl+C in its terminal closes it, even in the middle of a load.
if command -v Xvfb >/dev/null; then
  Xvfb -displayfd 3 -screen 0 1280x720x24 3>"$out/display" >/dev/null 2>&1 &
  xvfb=$!
  for _ in $(seq 50); do [ -s "$out/display" ] && break; sleep 0.1; done
  screen=":$(cat "$out/display")"
  case_ "SIGINT to the map window: exit 130 at once"
  signal_run INT env DISPLAY="$screen" "$bin"
  rc_is 130; err_has "interrupted"; no_hidden
  case_ "SIGTERM to the map window while it loads a big layer: exit 143 at once"
  signal_run TERM env DISPLAY="$screen" "$bin" --layer "$out/in/big.geojson"
  rc_is 143; err_has "interrupted"; no_hidden
  kill "$xvfb"
  wait "$xvfb" 2>/dev/null
else
  echo "skipped: the map window under a signal (no Xvfb)"
fi

finish_case
cd "$out" || exit 1
rm -f "$out/in/big.geojson"   # 22 MB, made again on each run
echo "$n cases: PASS $passed / FAIL $failed"
test "$failed" -eq 0
