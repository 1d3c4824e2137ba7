#!/usr/bin/env bash
# Draws the app's icon, idlib-atlas.svg, and renders it at the hicolor theme's sizes (PNG).
# The outline is Idlib governorate from geodata/admin1.geojson (Natural Earth, public domain) in
# UTM zone 37N, simplified by 0.007° (about 700 m); the colours are the desk palette's (app/core/style.hpp):
# the opposition's green, the government's orange, the front line's red. The front line in the
# icon is a symbol, not a date's line. Needs gdal-bin and librsvg2-bin. Run from anywhere.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
geodata=$here/../../geodata

# Idlib governorate's outer ring and Idlib city (GeoNames, geodata/towns.geojson), in metres.
ring=$(ogr2ogr -f CSV /vsistdout/ "$geodata/admin1.geojson" -where "name='Idlib'" -select name \
  -t_srs EPSG:32637 -simplify 0.007 -lco GEOMETRY=AS_WKT | sed -n 2p | grep -o "[0-9.]\+ [0-9.]\+")
city=$(echo "36.63393 35.93062" | gdaltransform -s_srs EPSG:4326 -t_srs EPSG:32637 | cut -d' ' -f1,2)

# Fits the outline into 24..232 of a 256 box (y down) and writes the SVG path and the city.
read -r path cx cy < <(awk -v city="$city" '
  { x[NR] = $1; y[NR] = $2
    if (NR == 1 || $1 < x0) x0 = $1; if (NR == 1 || $1 > x1) x1 = $1
    if (NR == 1 || $2 < y0) y0 = $2; if (NR == 1 || $2 > y1) y1 = $2 }
  END {
    s = 208 / ((x1 - x0 > y1 - y0) ? x1 - x0 : y1 - y0)
    ox = 128 - (x0 + x1) / 2 * s; oy = 128 + (y0 + y1) / 2 * s
    for (i = 1; i < NR; i++) p = p sprintf("%s%.1f,%.1f", i == 1 ? "M" : "L", ox + x[i] * s, oy - y[i] * s)
    split(city, c, " ")
    printf "%sZ %.1f %.1f\n", p, ox + c[1] * s, oy - c[2] * s }' <<<"$ring")

cat >"$here/idlib-atlas.svg" <<SVG
<?xml version="1.0" encoding="UTF-8"?>
<!-- Idlib Atlas's icon, written by assets/icons/make_icons.sh: Idlib governorate (Natural Earth,
     public domain), the desk palette's areas and front line, Idlib city as a dot. -->
<svg xmlns="http://www.w3.org/2000/svg" width="256" height="256" viewBox="0 0 256 256">
  <defs><clipPath id="governorate"><path d="$path"/></clipPath></defs>
  <rect x="4" y="4" width="248" height="248" rx="40" fill="#f4efe4" stroke="#8a8170" stroke-width="4"/>
  <path d="$path" fill="#6fc4a2"/>
  <g clip-path="url(#governorate)">
    <path d="M256,96 C196,112 150,160 116,256 L256,256 Z" fill="#e9a070"/>
    <path d="M256,96 C196,112 150,160 116,256" fill="none" stroke="#c4001d" stroke-width="12"/>
  </g>
  <path d="$path" fill="none" stroke="#3b3b3b" stroke-width="6" stroke-linejoin="round"/>
  <circle cx="$cx" cy="$cy" r="10" fill="#222222"/>
</svg>
SVG

for size in 16 24 32 48 64 128 256; do
  mkdir -p "$here/hicolor/${size}x${size}"
  rsvg-convert -w "$size" -h "$size" "$here/idlib-atlas.svg" -o "$here/hicolor/${size}x${size}/idlib-atlas.png"
done
