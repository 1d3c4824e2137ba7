# The shell tests' checks, sourced by each: `expect NAME CONDITION...` counts a check, `run CMD...`
# keeps a command's exit code in $rc and its stdout and stderr in $output, `contains TEXT` looks in
# that output, `band N FILE LON LAT` reads an exported pixel, and `finish NAME` says the counts and
# exits non-zero if a check failed.
passed=0 failed=0

expect() {  # expect NAME CONDITION...
  local name=$1
  shift
  if "$@"; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAIL: $name"; fi
}
run() {  # run CMD...: sets rc and output
  output=$("$@" 2>&1)
  rc=$?
}
contains() { grep -qF -- "$1" <<<"$output"; }
band() {  # band N FILE LON LAT: the pixel's value in band N
  gdallocationinfo -valonly -b "$1" -wgs84 "$2" "$3" "$4"
}
finish() {  # finish NAME
  echo "$1: $passed passed, $failed failed"
  [ "$failed" -eq 0 ]
  exit
}
