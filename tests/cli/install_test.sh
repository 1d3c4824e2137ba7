#!/usr/bin/env bash
# Installed like a desktop application (issue 11): `cmake --install` into a temporary prefix puts
# the binary, its data, the .desktop file and the icon where a desktop finds them, and the
# installed binary draws the map from its own data with the source tree hidden (a private mount
# namespace lays an empty folder over it) and no IDLIB_ATLAS_DATA.
# Usage: install_test.sh BUILD_DIR SOURCE_DIR OUTPUT_DIR. Exit 77 (skipped) where the source tree
# cannot be hidden (no unprivileged user namespaces), after every other check has passed.
set -u
build=$1
src=$(cd "$2" && pwd)
out=$3
rm -rf "$out" && mkdir -p "$out"
. "$(dirname "${BASH_SOURCE[0]}")/expect.sh"

# The prefix lies outside the source tree, which holds the build folders, so that it can be hidden.
prefix=$(mktemp -d /tmp/idlib-atlas-install.XXXXXX)
trap 'rm -rf "$prefix"' EXIT
cmake --install "$build" --prefix "$prefix" >"$out/install.log" 2>&1
expect "cmake --install exits 0 (see install.log)" test $? -eq 0

share=$prefix/share
expect "the binary is in bin/" test -x "$prefix/bin/idlib-atlas"
for f in admin1.geojson countries.geojson towns.geojson events.csv control_changes.csv \
  observation_posts.csv displacement_figures.csv displacement_flows.csv SOURCES-time.md; do
  expect "share/idlib-atlas/geodata/$f is installed" test -s "$share/idlib-atlas/geodata/$f"
done
expect "the default story is installed" test -s "$share/idlib-atlas/assets/stories/idlib-2018-2020.story"
expect "the .desktop file is in share/applications" test -s "$share/applications/idlib-atlas.desktop"
expect "the scalable icon is in the hicolor theme" test -s "$share/icons/hicolor/scalable/apps/idlib-atlas.svg"
for size in 16 32 48 256; do
  icon=$share/icons/hicolor/${size}x${size}/apps/idlib-atlas.png
  expect "the ${size}x${size} icon is a ${size}x${size} PNG" \
    grep -q "Size is $size, $size" <<<"$(gdalinfo "$icon" 2>/dev/null)"
done
desktop=$share/applications/idlib-atlas.desktop
expect "the .desktop file starts the installed command" grep -qx 'Exec=idlib-atlas' "$desktop"
expect "the .desktop file names the installed icon" grep -qx 'Icon=idlib-atlas' "$desktop"
if command -v desktop-file-validate >/dev/null; then
  validation=$(desktop-file-validate "$desktop" 2>&1)
  expect "desktop-file-validate accepts the .desktop file: $validation" test -z "$validation"
else
  echo "note: desktop-file-validate not installed (desktop-file-utils); the .desktop file is not validated"
fi

# An export from the installed binary, from a folder of its own, the source tree hidden. Open
# country in Idlib governorate is the opposition's area (cli_test.sh: red 144) and Saraqib's
# marker is dark: the bundled areas, towns and control changes were all read from the prefix.
mkdir -p "$prefix/elsewhere"
hidden_export() {
  cd "$prefix/elsewhere" &&
    env -u IDLIB_ATLAS_DATA unshare --user --map-root-user --mount sh -c '
      mount -t tmpfs none "$1" || exit 90
      test -e "$1/geodata" && exit 91
      exec "$2/bin/idlib-atlas" --export map.png --size 800x600' sh "$src" "$prefix"
}
output=$(hidden_export 2>&1)
rc=$?
if [ "$rc" -eq 90 ] || ! unshare --user --map-root-user --mount true 2>/dev/null; then
  echo "$output"
  echo "install: $passed passed, $failed failed"
  [ "$failed" -eq 0 ] || exit 1
  echo "SKIP: cannot hide the source tree here (unshare --user --mount is not permitted)"
  exit 77
fi
expect "the installed export exits 0 with the source tree hidden (rc=$rc: $output)" test "$rc" -eq 0
cp "$prefix"/elsewhere/map.* "$out"/ 2>/dev/null  # with its world file and CRS
expect "the installed export writes the PNG" test -s "$out/map.png"
red=$(gdallocationinfo -valonly -b 1 -wgs84 "$out/map.png" 36.45 35.75 2>/dev/null)
expect "the installed export draws the opposition's area at Idlib (red=$red)" test "${red:-0}" -eq 144
red=$(gdallocationinfo -valonly -b 1 -wgs84 "$out/map.png" 36.80591 35.86447 2>/dev/null)
expect "the installed export draws Saraqib's marker (red=$red)" test "${red:-255}" -lt 90

finish install
