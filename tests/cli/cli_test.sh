#!/usr/bin/env bash
# The command line as a user types it: exit codes, messages, and an export that GDAL tools read.
# Usage: cli_test.sh PATH/TO/idlib-atlas OUTPUT_DIR
set -u
bin=$1
out=$2
rm -rf "$out" && mkdir -p "$out"
. "$(dirname "${BASH_SOURCE[0]}")/expect.sh"

# A georeferenced export that gdalinfo and gdallocationinfo understand.
run "$bin" --export "$out/map.png" --size 800x600
expect "export exits 0" test "$rc" -eq 0
expect "export writes the PNG, world file and CRS" test -s "$out/map.png" -a -s "$out/map.wld" -a -s "$out/map.png.aux.xml"
info=$(gdalinfo "$out/map.png")
expect "gdalinfo reports the map's CRS" grep -q 'Transverse Mercator' <<<"$info"
expect "gdalinfo reports the size" grep -q 'Size is 800, 600' <<<"$info"
# The Saraqib town marker is dark; open country in Idlib governorate is the opposition's area at
# the date the map opens on. Areas are opaque, the legend's colour over any governorate (issue 10):
# rgb(144,206,181), the Okabe-Ito green at 105/255 over Syria's pale ground, no longer the Idlib
# fill showing through it (red 142 before, and 144 outside the governorate).
red=$(gdallocationinfo -valonly -b 1 -wgs84 "$out/map.png" 36.80591 35.86447)
expect "gdallocationinfo reads Saraqib's marker (red=$red)" test "${red:-255}" -lt 90
red=$(gdallocationinfo -valonly -b 1 -wgs84 "$out/map.png" 36.45 35.75)
expect "gdallocationinfo reads the opposition's area colour (red=$red)" test "${red:-0}" -eq 144

# --high-contrast changes the map itself (issue 10): the opposition's area is the projector
# palette's #1a9850 (red 26), not the desk's tint.
run "$bin" --export "$out/projector.png" --size 800x600 --high-contrast
expect "--high-contrast export exits 0" test "$rc" -eq 0
red=$(gdallocationinfo -valonly -b 1 -wgs84 "$out/projector.png" 36.45 35.75)
expect "--high-contrast draws the projector palette (red=$red)" test "${red:-0}" -eq 26

# A view given on the command line.
run "$bin" --export "$out/saraqib.png" --size 400x300 --view 36.8006,35.8636,12
expect "--view export exits 0" test "$rc" -eq 0
red=$(gdallocationinfo -valonly -b 1 -wgs84 "$out/saraqib.png" 36.80591 35.86447)
expect "--view centres the map on Saraqib (red=$red)" test "${red:-255}" -lt 90

# Bad values: a clear message and a non-zero exit.
run "$bin" --export "$out/x.png" --size 1920
expect "bad --size exits 2" test "$rc" -eq 2
expect "bad --size says what was expected" contains "--size '1920': expected WIDTHxHEIGHT in pixels"
run "$bin" --export "$out/x.png" --view Idlib
expect "bad --view exits 2" test "$rc" -eq 2
expect "bad --view says what was expected" contains "--view 'Idlib': expected LON,LAT,ZOOM"
run "$bin" --presenter-display 99
expect "bad --presenter-display exits 2" test "$rc" -eq 2
expect "bad --presenter-display names the option" contains "--presenter-display"
run "$bin" --frobnicate
expect "unknown option exits 2" test "$rc" -eq 2

# A missing layer is named; the map is still written with everything else; the exit code says so.
run "$bin" --export "$out/with-missing.png" --size 320x240 --layer "$out/nowhere.gpkg"
expect "missing --layer exits 1" test "$rc" -eq 1
expect "missing --layer is named" contains "$out/nowhere.gpkg: file not found"
expect "the map is still written" test -s "$out/with-missing.png"

# A user's layer in another format is drawn.
cat >"$out/zone.geojson" <<'JSON'
{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"name":"Zone"},
 "geometry":{"type":"Polygon","coordinates":[[[36.40,35.70],[36.50,35.70],[36.50,35.80],[36.40,35.80],[36.40,35.70]]]}}]}
JSON
run "$bin" --export "$out/with-zone.png" --size 800x600 --layer "$out/zone.geojson"
expect "--layer export exits 0" test "$rc" -eq 0
red=$(gdallocationinfo -valonly -b 1 -wgs84 "$out/with-zone.png" 36.45 35.75)
expect "the user's layer is drawn over the areas of control (red=$red)" test "${red:-242}" -lt 200

# A CSV with latitude/longitude columns is a point layer in WGS 84, without a warning.
printf 'name,latitude,longitude\nSaraqib,35.8636,36.8006\n' >"$out/points.csv"
run "$bin" --export "$out/with-csv.png" --size 400x300 --layer "$out/points.csv"
expect "a lat/lon CSV layer loads cleanly" test "$rc" -eq 0 -a -z "$(grep -F points.csv <<<"$output")"
expect "it is drawn (5 layers: 4 bundled + the CSV)" contains "5 layers"

# A layer with date fields moves with the timeline (issue 11): A from 2019-01-01 until
# 2019-06-01 (west), B from 2019-06-01 on (east), overlapping in the middle; C's start is no date.
cat >"$out/dated.geojson" <<'JSON'
{"type":"FeatureCollection","features":[
 {"type":"Feature","properties":{"name":"A","valid_from":"2019-01-01","valid_to":"2019-06-01"},
  "geometry":{"type":"Polygon","coordinates":[[[36.40,35.70],[36.50,35.70],[36.50,35.80],[36.40,35.80],[36.40,35.70]]]}},
 {"type":"Feature","properties":{"name":"B","valid_from":"2019-06-01","valid_to":null},
  "geometry":{"type":"Polygon","coordinates":[[[36.45,35.70],[36.55,35.70],[36.55,35.80],[36.45,35.80],[36.45,35.70]]]}},
 {"type":"Feature","properties":{"name":"C","valid_from":"spring 2019","valid_to":"2019-07-01"},
  "geometry":{"type":"Polygon","coordinates":[[[36.30,35.60],[36.35,35.60],[36.35,35.65],[36.30,35.65],[36.30,35.60]]]}}]}
JSON
for d in 2019-03-01 2019-07-01; do
  run "$bin" --export "$out/dated-$d.png" --size 800x600 --view 36.45,35.72,11 --layer "$out/dated.geojson" --date "$d"
  expect "dated --layer export at $d exits 0 (a bad date is a warning)" test "$rc" -eq 0
done
expect "a bad date value is named with its file, feature and field" \
  contains "dated.geojson: feature 2 'C': valid_from 'spring 2019' is not a date"
expect "... and the feature is counted as undated" contains "counts as undated and is not shown on the timeline"
colour() { gdallocationinfo -valonly -b 1 -wgs84 "$1" "$2" 35.75; }
a_mar=$(colour "$out/dated-2019-03-01.png" 36.42) b_mar=$(colour "$out/dated-2019-03-01.png" 36.53)
a_jul=$(colour "$out/dated-2019-07-01.png" 36.42) b_jul=$(colour "$out/dated-2019-07-01.png" 36.53)
mid_mar=$(colour "$out/dated-2019-03-01.png" 36.47) mid_jul=$(colour "$out/dated-2019-07-01.png" 36.47)
expect "1 March 2019: A is drawn, B is not (red $a_mar / $b_mar)" test "${a_mar:-255}" -lt "$((${b_mar:-0} - 30))"
expect "1 July 2019: B is drawn, A is not (red $a_jul / $b_jul)" test "${b_jul:-255}" -lt "$((${a_jul:-0} - 30))"
expect "where they overlap, the layer shows at both dates (red $mid_mar, $mid_jul)" test "${mid_mar:-0}" -eq "${a_mar:-1}" -a "${mid_jul:-0}" -eq "${b_jul:-1}"
run "$bin" --export "$out/undated-2019-03-01.png" --size 800x600 --view 36.45,35.72,11 --date 2019-03-01
c=$(gdallocationinfo -valonly -b 1 -wgs84 "$out/dated-2019-03-01.png" 36.32 35.62)
ground=$(gdallocationinfo -valonly -b 1 -wgs84 "$out/undated-2019-03-01.png" 36.32 35.62)
expect "the undated feature is not drawn (red $c, the map without the layer $ground)" test "${c:-0}" -eq "${ground:-1}"

# No display: one line that points at --export.
run env -u DISPLAY -u WAYLAND_DISPLAY -u SDL_VIDEODRIVER "$bin"
expect "no display exits 2" test "$rc" -eq 2
expect "no display points at --export" contains "--export"
expect "no display is one line" test "$(wc -l <<<"$output")" -eq 1

# --date: the export shows the map at that date (Saraqib's area: opposition, then government).
run "$bin" --export "$out/feb.png" --size 400x300 --view 36.75,35.86,11 --date 2020-02-01
expect "--date export exits 0" test "$rc" -eq 0
run "$bin" --export "$out/mar.png" --size 400x300 --view 36.75,35.86,11 --date 2020-03-03
# 1.4 km south-west of the centre, inside Saraqib's own cell (3 km out lies Jubas's, taken 30 Jan).
feb=$(gdallocationinfo -valonly -b 1 -wgs84 "$out/feb.png" 36.79 35.855)
mar=$(gdallocationinfo -valonly -b 1 -wgs84 "$out/mar.png" 36.79 35.855)
expect "the area south-west of Saraqib changes colour (red $feb -> $mar)" test "${mar:-0}" -gt "$((${feb:-0} + 30))"
run "$bin" --export "$out/x.png" --date 2020-02-30
expect "bad --date exits 2" test "$rc" -eq 2
expect "bad --date says what was expected" contains "--date '2020-02-30': expected a date, YYYY-MM-DD"

# --events prints the events, filtered, as CSV or GeoJSON.
run "$bin" --events --from 2020-02-03 --to 2020-02-03
expect "--events exits 0" test "$rc" -eq 0
expect "--events prints ACLED-style columns" contains "event_id,event_date,date_precision,event_type"
expect "--events includes the 3 February shelling near Saraqib" grep -q '^a004-01,2020-02-03,day,shelling/air strike' <<<"$output"
expect "--events says how precise each place is, after its coordinates (as ACLED)" grep -q '^a004-02,2020-02-03,.*,35\.80000,36\.60000,region,' <<<"$output"
expect "--events --to excludes later events" test -z "$(grep -F ',2020-02-24,' <<<"$output")"
run "$bin" --events --type agreement
expect "--type keeps only that type" test "$(grep -c ',agreement,' <<<"$output")" -eq "$(($(wc -l <<<"$output") - 1))"
"$bin" --events --from 2018-09-01 --to 2018-09-30 --format geojson >"$out/events.geojson" 2>/dev/null
expect "--format geojson is read by GDAL" grep -q 'Feature Count: [1-9]' <<<"$(ogrinfo -ro -so -al "$out/events.geojson" 2>&1)"
# How precisely each place is known travels with the event: "Idlib province" is region-wide.
expect "--format geojson says an event's place is region-wide" grep -q '"geo_precision": "region"' "$out/events.geojson"
expect "--format geojson says a town event is at the town" grep -q '"geo_precision": "town"' "$out/events.geojson"
run "$bin" --events --from 2020-13-01
expect "bad --from exits 2" test "$rc" -eq 2

# --at: what the map shows at a place on a date, with sources.
run "$bin" --at 36.8006,35.8636 --date 2020-02-10
expect "--at exits 0" test "$rc" -eq 0
expect "--at gives the controller" contains '"controller": "government"'
expect "--at names the nearest locality" contains '"name": "Saraqib"'
expect "--at cites the control change's source" contains '"source_row": "control_changes.csv line'
expect "--at lists the posts nearby" contains '"posts_nearby"'
expect "--at lists the events nearby" contains '"event_id": "a004-01"'
run "$bin" --at 36.8006,35.8636 --date 2020-02-28
expect "--at on 28 Feb: opposition-held" contains '"controller": "opposition"'
# East of Aleppo, 56 km from the nearest dated locality: no area of control is claimed there.
run "$bin" --at 38.15,36.05 --date 2020-02-10
expect "--at far from the data exits 0" test "$rc" -eq 0
expect "--at far from the data reports no controller" contains '"area": null'
run "$bin" --at 36.8 --date 2020-02-10
expect "bad --at exits 2" test "$rc" -eq 2

# Video of a date range: 19 days at 10 days a second and 10 fps = 20 frames, 2 seconds.
run "$bin" --export-video "$out/range.mp4" --from 2020-01-01 --to 2020-01-20 --days-per-second 10 --fps 10 --size 320x180
expect "--export-video exits 0" test "$rc" -eq 0
probe=$(ffprobe -v error -count_frames -select_streams v:0 -show_entries stream=nb_read_frames,duration,codec_name -of csv=p=0 "$out/range.mp4")
expect "the MP4 is H.264 with 20 frames lasting 2 s ($probe)" test "$probe" = "h264,2.000000,20"
expect "progress is shown on the terminal" contains "frame 20/20 (100%)"
run "$bin" --export-video "$out/range.gif" --from 2020-01-01 --to 2020-01-20 --days-per-second 10 --fps 10 --size 320x180
frames=$(ffprobe -v error -count_frames -select_streams v:0 -show_entries stream=nb_read_frames -of csv=p=0 "$out/range.gif")
expect "the GIF has 20 frames ($frames)" test "$frames" = "20"
run "$bin" --export-video "$out/x.mp4" --size 320x180
expect "--export-video without dates exits 2" test "$rc" -eq 2
expect "--export-video without dates says what is needed" contains "--export-video needs --from YYYY-MM-DD and --to YYYY-MM-DD"
run "$bin" --export-video "$out/x.avi" --from 2020-01-01 --to 2020-01-02
expect "an unknown video format exits 2" test "$rc" -eq 2
expect "an unknown video format is named" contains "the file name must end in .mp4 or .gif"

# A story with a bad cue: reported with its line; the valid cues are still exported.
cat >"$out/short.story" <<'STORY'
title = Two cues
[cue]
date = 2020-02-01
view = 36.80,35.86,10
hold = 1
caption = Before (test).
[cue]
date = 2020-02-31
caption = a date that does not exist
[cue]
date = 2020-03-03
hold = 1
caption = After (test).
STORY
run "$bin" --export-video "$out/story.mp4" --story "$out/short.story" --fps 5 --size 320x180
expect "a story with a bad cue still exports, with exit 1" test "$rc" -eq 1
expect "the bad cue is reported with file and line" contains "$out/short.story line 8: date '2020-02-31' is not a date"
frames=$(ffprobe -v error -count_frames -select_streams v:0 -show_entries stream=nb_read_frames -of csv=p=0 "$out/story.mp4")
expect "the story video has frames ($frames)" test "${frames:-0}" -gt 10

# A small-multiples poster.
run "$bin" --export-poster "$out/poster.png" --from 2019-05-01 --to 2020-03-06 --panels 4 --size 800x450
expect "--export-poster exits 0" test "$rc" -eq 0
expect "the poster has the requested size" grep -q 'Size is 800, 450' <<<"$(gdalinfo "$out/poster.png")"

# An export in ACLED's own layout (its column set and d-Mon-yy dates; the rows are the project's
# own words, not ACLED data) loads every row (issue 11).
cat >"$out/acled.csv" <<'CSV'
event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1,assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,iso,region,country,admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,source_scale,notes,fatalities,tags,timestamp
SYR900001,9-May-20,2020,1,Political violence,Explosions/Remote violence,Shelling/artillery/missile attack,Test actor A,,1,Test actor B,,2,12,,760,Middle East,Syria,Idlib,Ariha,Ariha,Ariha,35.8137,36.6103,1,Test outlet,National,A test row written for this check.,0,,1589500000
SYR900002,28-Feb-20,2020,2,Political violence,Battles,Armed clash,Test actor A,,1,Test actor B,,2,12,,760,Middle East,Syria,Idlib,Idlib,Saraqeb,Saraqib,35.8636,36.8006,2,Test outlet,National,A second test row.,3,,1583000000
CSV
run "$bin" --event-file "$out/acled.csv" --events --from 2020-02-28 --to 2020-05-09 --type 'Battles'
expect "an ACLED export loads without errors (rc=$rc)" test "$rc" -eq 0
expect "ACLED's 28-Feb-20 is read as 2020-02-28, week precision" grep -q '^SYR900002,2020-02-28,week,Battles' <<<"$output"
run "$bin" --event-file "$out/acled.csv" --events --from 2020-05-09 --to 2020-05-09
expect "ACLED's 9-May-20 is read as 2020-05-09" grep -q '^SYR900001,2020-05-09,day,Explosions/Remote violence' <<<"$output"
# ACLED's further columns come out of --events as they went in: notes, fatalities, then after the
# app's own columns the associated actors, admin1..3, iso and timestamp (issue 11).
expect "--events keeps ACLED's notes, fatalities, districts, iso and timestamp" grep -q '^SYR900001,.*,A test row written for this check\.,Test outlet,Test outlet,,,Idlib,Ariha,Ariha,760,1589500000$' <<<"$output"
cat >"$out/acled2000.csv" <<'CSV'
event_id_cnty,event_date,time_precision,event_type,actor1,assoc_actor_1,actor2,assoc_actor_2,iso,admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,notes,fatalities,timestamp
SYR800001,31-Dec-99,1,Battles,Test actor A,Test group A1; Test group A2,Test actor B,Test group B1,760,Idlib,Ariha,Ariha,Ariha,35.8137,36.6103,1,Test outlet,Test row on the last day of 1999.,2,946684800
SYR800002,1-Jan-00,1,Battles,Test actor A,,Test actor B,,760,Idlib,Idlib,Saraqeb,Saraqib,35.8636,36.8006,1,Test outlet,Test row on the first day of 2000.,0,946771200
CSV
run "$bin" --event-file "$out/acled2000.csv" --events --from 1999-12-31 --to 2000-01-01
expect "ACLED's 31-Dec-99 is 1999-12-31 (rc=$rc)" grep -q '^SYR800001,1999-12-31,day,Battles,Test actor A,Test actor B,Ariha,' <<<"$output"
expect "ACLED's 1-Jan-00 is 2000-01-01" grep -q '^SYR800002,2000-01-01,' <<<"$output"
expect "--events keeps the associated actors" grep -q '^SYR800001,.*,Test group A1; Test group A2,Test group B1,Idlib,Ariha,Ariha,760,946684800$' <<<"$output"
"$bin" --event-file "$out/acled2000.csv" --events --from 1999-12-31 --to 1999-12-31 --format geojson >"$out/acled2000.geojson" 2>/dev/null
expect "--format geojson has admin2, assoc_actor_1 and timestamp" test "$(jq -r '.features[0].properties | [.admin2, .assoc_actor_1, .timestamp] | join("|")' "$out/acled2000.geojson")" = "Ariha|Test group A1; Test group A2|946684800"
# A table with ACLED's timestamp and no event_date is dated by it (the day it was recorded).
cat >"$out/timestamps.csv" <<'CSV'
event_id_cnty,timestamp,event_type,latitude,longitude
SYR700001,946684800,Battles,35.8137,36.6103
CSV
run "$bin" --event-file "$out/timestamps.csv" --events --from 2000-01-01 --to 2000-01-01
expect "a timestamp without event_date dates the row (rc=$rc)" grep -q '^SYR700001,2000-01-01,day,Battles' <<<"$output"

# Tables in their own columns, read with --columns (issue 11): a newsroom's sheet with day-first
# dates, a GDELT-like TSV, an XLSX with Arabic headers made by ogr2ogr, a GeoPackage's points.
cat >"$out/newsroom.csv" <<'CSV'
No.,Date of incident,Town,Lat,Long,Kind,Killed,Summary
1,09/05/2020,Ariha,35.8137,36.6103,shelling,0,A test row.
2,28/02/2020,Saraqib,35.8636,36.8006,clashes,3,"A second, quoted test row."
CSV
newsroom='date=Date of incident,date_format=d/m/y,lat=Lat,lon=Long,type=Kind,location=Town,fatalities=Killed,notes=Summary'
run "$bin" --event-file "$out/newsroom.csv" --columns "$newsroom" --events --from 2020-02-28 --to 2020-05-09
expect "--columns reads a newsroom's table (rc=$rc)" test "$rc" -eq 0
expect "--columns: 28/02/2020 as d/m/y, its place, type, fatalities and text" grep -q '^,2020-02-28,day,clashes,,,Saraqib,35\.86360,36\.80060,town,3,,,"A second, quoted test row\.",' <<<"$output"
expect "--columns: 09/05/2020 as 9 May" grep -q '^,2020-05-09,day,shelling,,,Ariha,' <<<"$output"
printf 'GLOBALEVENTID\tSQLDATE\tActor1Name\tActor2Name\tEventRootCode\tActionGeo_FullName\tActionGeo_Lat\tActionGeo_Long\n900000001\t20200509\tTEST GROUP A\tTEST GROUP B\t19\tAriha, Idlib, Syria\t35.8137\t36.6103\n' >"$out/gdelt.tsv"
run "$bin" --event-file "$out/gdelt.tsv" --columns 'date=SQLDATE,date_format=yyyymmdd,lat=ActionGeo_Lat,lon=ActionGeo_Long,type=EventRootCode,actor1=Actor1Name,actor2=Actor2Name,location=ActionGeo_FullName' --events --from 2020-05-09 --to 2020-05-09
expect "--columns reads a GDELT-like TSV (rc=$rc)" grep -q '^,2020-05-09,day,19,TEST GROUP A,TEST GROUP B,"Ariha, Idlib, Syria",35\.81370,36\.61030,' <<<"$output"
cat >"$out/arabic.csv" <<'CSV'
التاريخ,المكان,خط العرض,خط الطول,نوع الحادثة
2020-05-09,أريحا,35.8137,36.6103,قصف
CSV
ogr2ogr -f XLSX "$out/arabic.xlsx" "$out/arabic.csv" 2>/dev/null
run "$bin" --event-file "$out/arabic.xlsx" --columns 'date=التاريخ,lat=خط العرض,lon=خط الطول,type=نوع الحادثة,location=المكان' --events --from 2020-05-09 --to 2020-05-09
expect "--columns reads an XLSX with Arabic headers (rc=$rc)" grep -q '^,2020-05-09,day,قصف,,,أريحا,35\.81370,36\.61030,' <<<"$output"
ogr2ogr -f GPKG "$out/points.gpkg" "$out/newsroom.csv" -oo X_POSSIBLE_NAMES=Long -oo Y_POSSIBLE_NAMES=Lat -oo AUTODETECT_TYPE=NO -a_srs EPSG:4326 -sql 'SELECT "Date of incident", Kind FROM newsroom' -nln points 2>/dev/null
run "$bin" --event-file "$out/points.gpkg" --columns 'date=Date of incident,date_format=d/m/y,type=Kind,place=geometry' --events --from 2020-02-28 --to 2020-02-28
expect "--columns place=geometry reads a GeoPackage's points (rc=$rc)" grep -q '^,2020-02-28,day,clashes,.*,35\.86360,36\.80060,' <<<"$output"
# Malformed mappings: a clear message naming the item or the column, and no events from that table.
run "$bin" --event-file "$out/newsroom.csv" --columns 'date=Date of incident,lat' --events
expect "a --columns item without = exits 2" test "$rc" -eq 2
expect "... and names the item" contains "--columns 'lat': expected KEY=COLUMN"
run "$bin" --event-file "$out/newsroom.csv" --columns 'date=Date of incident,latitude=Lat' --events
expect "an unknown --columns key exits 2" test "$rc" -eq 2
expect "... and is named" contains "--columns 'latitude=Lat': unknown key 'latitude'"
run "$bin" --columns 'date=Date' --event-file "$out/newsroom.csv" --events
expect "--columns before any --event-file exits 2" test "$rc" -eq 2
run "$bin" --event-file "$out/newsroom.csv" --columns 'date=Date of incident,date_format=d/m/y,lat=Y,lon=Long' --events --from 2020-02-28 --to 2020-02-28
expect "a mapped column the table lacks exits 1" test "$rc" -eq 1
expect "... naming the column and those found" contains "newsroom.csv: lat=Y: the table has no column 'Y'; found: No., Date of incident, Town, Lat, Long, Kind, Killed, Summary; table skipped"
run "$bin" --event-file "$out/newsroom.csv" --columns 'date=Date of incident,lat=Lat,lon=Long' --events --from 2020-02-28 --to 2020-02-28
expect "dates not in the mapping's format name the column and suggest date_format" contains "newsroom.csv line 3: Date of incident '28/02/2020' is not a date (e.g. 2020-05-09, 9 May 2020, 9-May-20); for another form give date_format=d/m/y"

# Citations for people (issue 10): the citation a reader sees names an article and its date, an
# outlet or a title; never an article's hash-named file, a path, or this build's folder.
no_file_names() {  # no_file_names TEXT: true when TEXT names no seed file, hash or absolute path
  ! grep -qE 'seeds/|[0-9a-f]{16}|\.txt|"/|/work/|/tmp/|/home/' <<<"$1"
}
"$bin" --events --format geojson >"$out/all_events.geojson" 2>/dev/null
citations=$(jq -r '.features[].properties.citation' "$out/all_events.geojson")
expect "every event has a citation" test "$(grep -c . <<<"$citations")" -eq "$(jq '.features | length' "$out/all_events.geojson")"
expect "--events cites article 004 by number and date" grep -qF 'Article 004 (3 February 2020)' <<<"$citations"
expect "--events citations name no file" no_file_names "$citations"
run "$bin" --events --from 2020-02-03 --to 2020-02-03
expect "--events CSV has a citation column after the source" grep -q '^event_id,.*,source,citation\(,\|$\)' <<<"$output"
run "$bin" --at 36.8006,35.8636 --date 2020-02-10
expect "--at cites for people" no_file_names "$(jq -r '.. | .citation? // empty' <<<"$output")"
expect "--at keeps the analyst's source row" contains '"source_row": "'
# Exports carry no file name or folder of this machine: not in the PNG, its sidecars, a poster, a video.
# The PNGs say what they show and whose data it is, as the map's attribution does.
info=$(gdalinfo "$out/map.png")
expect "the PNG's title names the atlas and its date" grep -q '^  Title=Idlib Atlas, [0-9]\{1,2\} [A-Z][a-z]* 20[0-9][0-9]$' <<<"$info"
expect "the PNG's copyright is the map's attribution" grep -qF 'Copyright=Boundaries © Natural Earth (public domain)' <<<"$info"
expect "the poster's title names its dates" grep -qF 'Title=Idlib Atlas, 4 dates from 1 May 2019 to 6 March 2020' <<<"$(gdalinfo "$out/poster.png")"
for f in "$out/map.png" "$out/map.png.aux.xml" "$out/poster.png" "$out/range.mp4"; do
  expect "$(basename "$f") holds no seed file or folder name" \
    bash -c '! grep -qaE "seeds/|/work/|/tmp/|/home/|build-" "$1"' _ "$f"
done

finish "cli"
