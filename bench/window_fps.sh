#!/bin/sh
# A real window's cost, as a user sees it (issue 12, part 5): CPU while the window sits idle, and
# distinct frames per second while the timeline plays, in a 1920x1080 window on an X server.
#
#   Xvfb :71 -screen 0 1920x1080x24 -noreset &
#   DISPLAY=:71 bench/window_fps.sh /work/baseline/idlib-atlas build/app/idlib-atlas
#
# Run it from the repository root (the app finds its data there). Each binary in turn: open at
# START_DATE (2019-12-20; 2020-02-01 plays the offensive's busiest month), wait for the timeline
# to load (the window's title shows the date), move the window to 0,0, size it 1920x1080 and put
# the pointer at its left edge (each checked; the pointer is put there before the app starts too:
# SDL reads where it is once, at the window's first focus, and an X server's test input does not
# tell it of a move; -noreset keeps the X server from putting it back at the centre whenever its
# last client leaves), measure the process's CPU over 10 s untouched, press Space (play), record the screen for 5 s at
# 60 fps (ffmpeg x11grab, subsampled to 640x360 and hashed frame by frame) and count the frames
# that differ from the one before; CPU during playback too, the app's and the recorder's, and the
# load average. The app is started with IDLIB_FRAME_STATS=1: a binary that knows it prints its
# own presented frames per second and CPU milliseconds per frame, shown as "app's own".
# Needs xdotool and ffmpeg.
set -eu

IDLE_SECONDS=${IDLE_SECONDS:-10}
RECORD_SECONDS=${RECORD_SECONDS:-5}
START_DATE=${START_DATE:-2019-12-20}
LOAD_SECONDS=${LOAD_SECONDS:-180}  # at most, for the timeline to load
: "${DISPLAY:?set DISPLAY to an X server, e.g. Xvfb :71 -screen 0 1920x1080x24 -noreset}"
[ $# -gt 0 ] || set -- build/app/idlib-atlas
for tool in xdotool ffmpeg; do
  command -v "$tool" >/dev/null || { echo "window_fps.sh: needs $tool" >&2; exit 2; }
done

work=$(mktemp -d)
app=""
cleanup() {
  if [ -n "$app" ]; then kill "$app" 2>/dev/null || true; fi
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
# Waits until the timeline is loaded: a window of the app's whose title shows the date (at most
# LOAD_SECONDS). SDL may map a first window and replace it, so the window is looked for again.
wait_loaded() {
  waited=0
  until window=$(xdotool search --onlyvisible --pid "$app" --name "Idlib Atlas - " 2>/dev/null |
    head -n 1) && [ -n "$window" ]; do
    waited=$((waited + 1))
    [ "$waited" -lt $((LOAD_SECONDS * 4)) ] || {
      echo "window_fps.sh: $binary did not load its timeline in ${LOAD_SECONDS} s" >&2
      exit 1
    }
    sleep 0.25
  done
}
# Puts the loaded window at 0,0, 1920x1080, and the pointer over the sea at its left edge (no
# panel, no feature), and checks both took: a window placed before SDL replaced it, or a pointer
# left at the screen's centre, measured a smaller window, or a tooltip, in earlier runs.
place_window() {
  tries=0
  until xdotool windowmove "$window" 0 0 windowsize "$window" 1920 1080 2>/dev/null &&
    sleep 0.25 && xdotool mousemove 4 540 &&
    xdotool getwindowgeometry "$window" 2>/dev/null | grep -q "Position: 0,0 " &&
    xdotool getwindowgeometry "$window" | grep -q "Geometry: 1920x1080" &&
    xdotool getmouselocation | grep -q "^x:4 y:540 "; do
    tries=$((tries + 1))
    [ "$tries" -lt 120 ] || { echo "window_fps.sh: cannot place $binary's window" >&2; exit 1; }
    sleep 0.25
    window=$(xdotool search --onlyvisible --pid "$app" --name "Idlib Atlas - " | head -n 1)
  done
  sleep 2  # the window settles at its new size
}
# Space for the window found last; the same retry, should SDL have replaced it since.
press_play() {
  tries=0
  until xdotool windowfocus --sync "$window" key space 2>/dev/null; do
    tries=$((tries + 1))
    [ "$tries" -lt 40 ] || { echo "window_fps.sh: cannot focus $binary's window" >&2; exit 1; }
    sleep 0.25
    window=$(xdotool search --onlyvisible --pid "$app" --name "Idlib Atlas - " | head -n 1)
  done
}

printf '%-32s %6s %6s %9s %9s %8s %9s %11s %12s\n' binary "idle%" "play%" "distinct" \
  "CPU/frm" "ffmpeg%" "load1" "app's fps" "app's ms/frm"
for binary in "$@"; do
  xdotool mousemove 4 540
  xdotool getmouselocation | grep -q "^x:4 y:540 " || {
    echo "window_fps.sh: the pointer does not stay put: start the X server with -noreset" >&2
    exit 1
  }
  config=$(mktemp -d "$work/config.XXXX")  # the desk's panels as on a first start
  IDLIB_FRAME_STATS=1 XDG_CONFIG_HOME="$config" "$binary" --date "$START_DATE" >"$work/app.log" 2>&1 &
  app=$!
  wait_loaded
  place_window
  idle=$(cpu_percent "$app" "$IDLE_SECONDS")
  press_play
  sleep 1
  : >"$work/app.log"
  ffmpeg -y -loglevel error -f x11grab -framerate 60 -video_size 1920x1080 -i "$DISPLAY+0,0" \
    -t "$RECORD_SECONDS" -vf scale=640:360:flags=neighbor -f framemd5 "$work/frames.md5" &
  recorder=$!
  recorder_before=$(cpu_ticks "$recorder" 2>/dev/null || echo 0)
  playing=$(cpu_percent "$app" "$RECORD_SECONDS")
  recorder_after=$(cpu_ticks "$recorder" 2>/dev/null || echo "$recorder_before")
  wait "$recorder"
  load=$(cut -d' ' -f1 /proc/loadavg)
  recorder_cpu=$(awk -v d=$((recorder_after - recorder_before)) -v s="$RECORD_SECONDS" \
    -v t="$ticks_per_second" 'BEGIN { printf "%.1f", 100 * d / (t * s) }')
  distinct=$(grep -v '^#' "$work/frames.md5" | awk -F, '{ gsub(/ /, "", $6) }
    $6 != last { n++ } { last = $6 } END { print n - 1 }')
  fps=$(awk -v n="$distinct" -v s="$RECORD_SECONDS" 'BEGIN { printf "%.1f", n / s }')
  per_frame=$(awk -v p="$playing" -v f="$fps" \
    'BEGIN { if (f > 0) printf "%.0f ms", 10 * p / f; else print "-" }')
  # The app's own report (IDLIB_FRAME_STATS=1): the mean of its lines while recording.
  own=$(awk '/^frame stats:/ { for (i = 1; i <= NF; ++i) { if ($i == "fps") f += $(i - 1);
      if ($i == "cpu_ms/frame") m += $(i - 1) } n++ }
    END { if (n) printf "%.1f %.1f", f / n, m / n; else print "- -" }' "$work/app.log")
  printf '%-32s %6s %6s %9s %9s %8s %9s %11s %12s\n' "$binary" "$idle" "$playing" "$fps" \
    "$per_frame" "$recorder_cpu" "$load" "${own% *}" "${own#* }"
  kill "$app" 2>/dev/null || true
  wait "$app" 2>/dev/null || true
  app=""
done
