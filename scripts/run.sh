#!/usr/bin/env bash
# One command: install what is needed, build, and open the map on the bundled data.
# Extra arguments go to idlib-atlas (e.g. --layer my.gpkg, or --export map.png).
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/install-deps.sh
cmake --preset release >/dev/null
cmake --build --preset release -j"$(nproc)"
exec ./build/app/idlib-atlas "$@"
