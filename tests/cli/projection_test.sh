#!/usr/bin/env bash
# A projection for every view (issue 12): a world export of Natural Earth's countries lands on a
# world projection (South America is land, the mid-Pacific is sea, nothing is skipped), keeps its
# georeferencing, and the regional export stays on the local plane, unchanged.
# Usage: projection_test.sh PATH/TO/idlib-atlas OUTPUT_DIR   (exit 77: skipped)
set -u
bin=$1
out=$2
rm -rf "$out" && mkdir -p "$out"
. "$(dirname "${BASH_SOURCE[0]}")/expect.sh"

world=/usr/share/qgis/resources/data/world_map.gpkg  # Debian's qgis-common: Natural Earth
if [ ! -r "$world" ]; then
  echo "projection: skipped: $world is absent (apt-get install qgis-common)"
  exit 77
fi
ogr2ogr -f GeoJSON "$out/countries.geojson" "$world" countries || exit 1
rgb() { echo "$(band 1 "$1" "$2" "$3"),$(band 2 "$1" "$2" "$3"),$(band 3 "$1" "$2" "$3")"; }

# The whole world, --projection left to auto: Equal Earth.
run "$bin" --export "$out/world.png" --size 1200x600 --view 0,0,2 --date 2019-06-01 \
  --layer "$out/countries.geojson"
expect "a world export exits 0 ($output)" test "$rc" -eq 0
expect "no country is 'outside the range of its CRS'" test "$(grep -c 'outside the range' <<<"$output")" -eq 0
expect "the world export is on Equal Earth" grep -qF 'Equal Earth' <<<"$(gdalinfo "$out/world.png")"
brazil=$(rgb "$out/world.png" -60 -10)
congo=$(rgb "$out/world.png" 22 -2)
pacific=$(rgb "$out/world.png" -150 0)
indian=$(rgb "$out/world.png" 75 -20)
expect "Brazil (60°W 10°S) is land: the countries' colour, as in Congo ($brazil, $congo)" \
  test "$brazil" = "$congo"
expect "the mid-Pacific (150°W 0°) is sea, as the Indian Ocean ($pacific, $indian)" \
  test "$pacific" = "$indian"
expect "land and sea differ ($brazil, $pacific)" test "$brazil" != "$pacific"

# Web Mercator asked for: the centre pixel of the PNG is the --view's centre.
run "$bin" --export "$out/americas.png" --size 800x600 --view -60,-10,4 --projection webmercator \
  --layer "$out/countries.geojson"
expect "a Web Mercator export exits 0 ($output)" test "$rc" -eq 0
expect "its CRS is Web Mercator" grep -qF 'Pseudo-Mercator' <<<"$(gdalinfo "$out/americas.png")"
centre=$(echo "400 300" | gdaltransform -t_srs EPSG:4326 "$out/americas.png")
read -r lon lat _ <<<"$centre"
expect "the centre pixel maps back to 60°W 10°S ($centre)" \
  awk -v x="$lon" -v y="$lat" 'BEGIN { exit !((x + 60) ^ 2 < 1e-4 && (y + 10) ^ 2 < 1e-4) }'
expect "Brazil is land there too" test "$(rgb "$out/americas.png" -60 -10)" = "$brazil"

# The local plane forced on the world: what lies far from Idlib is clipped, not smeared, and said.
run "$bin" --export "$out/local.png" --size 1200x600 --view 0,0,2 --projection local \
  --layer "$out/countries.geojson"
expect "a local export of the world exits 0 ($output)" test "$rc" -eq 0
expect "nothing is 'outside the range of its CRS' on the local plane either" \
  test "$(grep -c 'outside the range' <<<"$output")" -eq 0
# Ethiopia is within ±30° of Idlib's meridian: land; Spain is beyond: clipped, so sea.
ethiopia=$(rgb "$out/local.png" 39 8)
spain=$(rgb "$out/local.png" -4 40)
expect "on the local plane Ethiopia is land ($ethiopia)" test "$ethiopia" = "$brazil"
expect "and Spain, beyond the local plane's area, is clipped away, not smeared ($spain)" \
  test "$spain" = "$pacific"

# The regional export: auto keeps the local plane, the same picture as --projection local.
run "$bin" --export "$out/idlib-auto.png" --size 640x480 --date 2020-02-20
expect "the regional export exits 0 ($output)" test "$rc" -eq 0
run "$bin" --export "$out/idlib-local.png" --size 640x480 --date 2020-02-20 --projection local
expect "the regional export is the same with --projection local" \
  cmp -s "$out/idlib-auto.png" "$out/idlib-local.png"
expect "its CRS is the local transverse Mercator" \
  grep -qiE 'transverse.mercator' <<<"$(gdalinfo "$out/idlib-auto.png")"

run "$bin" --export "$out/bad.png" --projection mollweide
expect "an unknown --projection exits 2" test "$rc" -eq 2
expect "it names the choices" contains "auto"

finish "projection"
