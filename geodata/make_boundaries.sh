#!/usr/bin/env bash
# Regenerates admin1.geojson and countries.geojson from Natural Earth 1:10m (public domain) as
# shipped in Debian's qgis-common package. Run from anywhere: ./geodata/make_boundaries.sh
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
source=/usr/share/qgis/resources/data/world_map.gpkg
[ -f "$source" ] || { echo "missing $source: apt-get install qgis-common" >&2; exit 1; }

# Syria's 14 governorates (UNDOF zone excluded: it has no FIPS code) and Turkey's provinces
# near the border: Hatay, Kilis, Gaziantep, Şanlıurfa and their neighbours.
rm -f "$here/admin1.geojson"
ogr2ogr -f GeoJSON "$here/admin1.geojson" "$source" -nln admin1 \
  -lco COORDINATE_PRECISION=5 -lco WRITE_NAME=NO \
  -sql "SELECT name, fips, admin, adm0_a3, geom FROM states_provinces
        WHERE (adm0_a3 = 'SYR' AND fips IS NOT NULL)
           OR (adm0_a3 = 'TUR' AND name IN ('Hatay','Kilis','Gaziantep','Sanliurfa','Osmaniye',
               'Adana','K. Maras','Adiyaman','Mardin','Mersin','Sirnak','Diyarbakir','Batman',
               'Malatya'))
        ORDER BY adm0_a3, name"

# Country outlines around Syria: Lebanon, Iraq, Jordan, Israel, Cyprus... and Syria and Turkey
# themselves, whose border the map draws strongly.
rm -f "$here/countries.geojson"
ogr2ogr -f GeoJSON "$here/countries.geojson" "$source" -nln countries \
  -lco COORDINATE_PRECISION=5 -lco WRITE_NAME=NO \
  -sql "SELECT NAME AS name, ISO_A3 AS adm0_a3, geom FROM countries
        WHERE ISO_A3 IN ('SYR','TUR','LBN','IRQ','JOR','ISR','PSE','CYP','IRN','EGY','SAU','GEO','ARM','AZE')
        ORDER BY ISO_A3"
echo "admin1: $(ogrinfo -ro -so -al "$here/admin1.geojson" | grep 'Feature Count')"
echo "countries: $(ogrinfo -ro -so -al "$here/countries.geojson" | grep 'Feature Count')"
