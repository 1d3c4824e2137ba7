#!/bin/sh
# A real window's cost, as a user sees it (issue 12, part 5): CPU while the window sits idle, and
# distinct frames per second while the timeline plays, in a 1920x1080 window on an X server.
#
#   Xvfb :71 -screen 0 1920x1080x24 &
#   DISPLAY=:71 bench/window_fps.sh /work/baseline/idlib-atlas build/app/idlib-atlas
#
# Run it from the repository root (the app finds its data there). Each binary in turn: open at
# 2019-12-20, move the window to 0,0 and size it 1920x1080, wait for the load, measure the
# process's CPU over 10 s untouched, press Space (play), record the screen for 5 s at 60 fps
# (ffmpeg x11grab, subsampled to 640x360 and hashed frame by frame) and count the frames that
# differ from the one before; CPU during playback too. Needs xdotool and ffmpeg.
set -eu

IDLE_SECONDS=${IDLE_SECONDS:-10}
RECORD_SECONDS=${RECORD_SECONDS:-5}
LOAD_SECONDS=${LOAD_SECONDS:-10}
: "${DISPLAY:?set DISPLAY to an X server, e.g. Xvfb :71 -screen 0 1920x1080x24}"
[ $# -gt 0 ] || set -- build/app/idlib-atlas
for tool in xdotool ffmpeg; do
  command -v "$tool" >/dev/null || { echo "window_fps.sh: needs $tool" >&2; exit 2; }
done

work=$(mktemp -d)
app=""
cleanup() {
  [ -n "$app" ] && kill "$app" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT INT TERM

ticks_per_second=$(getconf CLK_TCK)
# utime + stime of a process, in clock ticks.
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }
# CPU % of one core used by process $1 over $2 seconds.
cpu_percent() {
  before=$(cpu_ticks "$1")
  sleep "$2"
  after=$(cpu_ticks "$1")
  awk -v d=$((after - before)) -v s="$2" -v t="$ticks_per_second" \
    'BEGIN { printf "%.1f", 100 * d / (t * s) }'
}

printf '%-40s %12s %14s %18s\n' binary "idle CPU %" "playback CPU %" "distinct frames/s"
for binary in "$@"; do
  config=$(mktemp -d "$work/config.XXXX")  # the desk's panels as on a first start
  XDG_CONFIG_HOME="$config" "$binary" --date 2019-12-20 >"$work/app.log" 2>&1 &
  app=$!
  window=$(timeout 60 xdotool search --sync --onlyvisible --pid "$app" --name "Idlib Atlas" |
    head -n 1)
  xdotool windowmove "$window" 0 0 windowsize "$window" 1920 1080
  xdotool mousemove 1919 540  # the pointer at the edge, over no panel and no feature
  sleep "$LOAD_SECONDS"
  idle=$(cpu_percent "$app" "$IDLE_SECONDS")
  xdotool windowfocus --sync "$window" key space
  sleep 1
  ffmpeg -y -loglevel error -f x11grab -framerate 60 -video_size 1920x1080 -i "$DISPLAY+0,0" \
    -t "$RECORD_SECONDS" -vf scale=640:360:flags=neighbor -f framemd5 "$work/frames.md5" &
  recorder=$!
  playing=$(cpu_percent "$app" "$RECORD_SECONDS")
  wait "$recorder"
  distinct=$(grep -v '^#' "$work/frames.md5" | awk -F, '{ gsub(/ /, "", $6) }
    $6 != last { n++ } { last = $6 } END { print n - 1 }')
  fps=$(awk -v n="$distinct" -v s="$RECORD_SECONDS" 'BEGIN { printf "%.1f", n / s }')
  printf '%-40s %12s %14s %18s\n' "$binary" "$idle" "$playing" "$fps"
  kill "$app" 2>/dev/null || true
  wait "$app" 2>/dev/null || true
  app=""
done
