#!/usr/bin/env bash
# One command: install what is needed, build, and run every test (headless: no display needed).
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/install-deps.sh
cmake --preset release >/dev/null
cmake --build --preset release -j"$(nproc)"
SDL_VIDEODRIVER=offscreen ctest --preset release -j"$(nproc)"
