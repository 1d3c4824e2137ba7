#!/usr/bin/env bash
# Installs everything Idlib Atlas needs to build, run, test and regenerate its data, from Debian 12's
# packages only. Safe to run again.
set -euo pipefail

packages=(
  # toolchain
  build-essential cmake pkg-config git clang-format
  # fuzzing (scripts/fuzz.sh): clang and its libFuzzer runtime
  clang libclang-rt-14-dev
  # window, GL and UI
  libsdl2-dev libimgui-dev libstb-dev libepoxy-dev libegl-dev libgl-dev
  libegl-mesa0 libgl1-mesa-dri xvfb
  # geodata stack
  libgdal-dev gdal-bin libproj-dev proj-bin libgeos-dev libpq-dev
  # text, formats, command line
  libfontconfig-dev fonts-dejavu-core libicu-dev nlohmann-json3-dev libcli11-dev libfmt-dev
  # tests and benchmarks
  libgtest-dev libgmock-dev libbenchmark-dev
  # the install test validates the .desktop file; assets/icons/make_icons.sh renders the icon
  desktop-file-utils librsvg2-bin
  # the PostGIS test (tests/cli/postgis_test.sh) starts its own server
  postgresql-15 postgresql-15-postgis-3
  # video export and its checks
  ffmpeg
  # Natural Earth boundaries (world_map.gpkg), read by geodata/ scripts and the benchmark
  qgis-common
)

sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing: ${missing[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
