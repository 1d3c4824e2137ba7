#!/usr/bin/env bash
# One command: install what is needed, build, and run every test (headless: no display needed):
#   1. the release build and the whole suite;
#   2. the same suite under AddressSanitizer and UndefinedBehaviorSanitizer;
#   3. each libFuzzer target for IDLIB_FUZZ_SECONDS (default 60) seconds (see FUZZING.md).
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/install-deps.sh
jobs=$(nproc)

echo "== release build and tests"
cmake --preset release >/dev/null
cmake --build --preset release -j"$jobs"
SDL_VIDEODRIVER=offscreen ctest --preset release -j"$jobs"

echo "== the same tests under ASan and UBSan"
cmake --preset asan >/dev/null
cmake --build --preset asan -j"$jobs"
SDL_VIDEODRIVER=offscreen ctest --preset asan -j"$jobs"

echo "== fuzzing every parser of user text"
./scripts/fuzz.sh "${IDLIB_FUZZ_SECONDS:-60}"
