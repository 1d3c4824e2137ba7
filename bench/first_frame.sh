#!/bin/sh
# Time to the first frame that shows a big layer, in a real window (issue 12, part 2): how long
# after launch the centre of the home view (Idlib) first shows the layer, while it loads.
#
#   Xvfb :76 -screen 0 1920x1080x24 &
#   DISPLAY=:76 bench/first_frame.sh BINARY LAYER [TIMEOUT_S]
#
# Run it from the repository root (the app finds its data there). The app opens with --layer
# LAYER styled opaque magenta (--style colour=#ff00ff,opacity=1), its window is moved to 0,0 and
# sized 1920x1080, the pointer parked over the sea at the left edge; a 400x300 crop of the map's
# centre is grabbed every ~0.3 s (ffmpeg x11grab) and the first grab of which more than 30 % is
# magenta (ImageMagick, 12 % fuzz) is the first frame showing the layer. The layer must cover the
# centre of the Idlib view (the world's countries and bench/make_big_polygon.py's polygon do).
# Prints `first_frame_s=N` (seconds from launch, ±0.3 s), `first_frame_s=>TIMEOUT` when the layer
# never showed, or `first_frame_s=app-exited`. Needs xdotool, ffmpeg and ImageMagick.
set -eu
: "${DISPLAY:?set DISPLAY to an X server, e.g. Xvfb :76 -screen 0 1920x1080x24}"
[ $# -ge 2 ] || { echo "usage: first_frame.sh BINARY LAYER [TIMEOUT_S]" >&2; exit 2; }
binary=$1 layer=$2 limit=${3:-120}
for tool in xdotool ffmpeg convert; do
  command -v "$tool" >/dev/null || { echo "first_frame.sh: needs $tool" >&2; exit 2; }
done
work=$(mktemp -d)
app=""
cleanup() {
  if [ -n "$app" ]; then kill "$app" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT INT TERM

now() { date +%s.%N; }
# Share of magenta pixels in the map's centre, 0..1.
magenta_share() {
  ffmpeg -loglevel error -y -f x11grab -video_size 400x300 -i "$DISPLAY+760,390" -frames:v 1 \
    "$work/now.png" || { echo 0; return; }
  convert "$work/now.png" -fuzz 12% -fill black +opaque "#ff00ff" -fill white -opaque "#ff00ff" \
    -format "%[fx:mean]" info:
}
# Puts the app's window at 0,0, 1920x1080. SDL may map a first window and replace it: retry until
# one takes the move (at most 60 s).
place_window() {
  tries=0
  until window=$(xdotool search --onlyvisible --pid "$app" --name "Idlib Atlas" 2>/dev/null |
    head -n 1) && [ -n "$window" ] &&
    xdotool windowmove "$window" 0 0 windowsize "$window" 1920 1080 2>/dev/null; do
    tries=$((tries + 1))
    [ "$tries" -lt 240 ] || { echo "first_frame.sh: no window from $binary" >&2; exit 1; }
    sleep 0.25
  done
  xdotool mousemove 4 540
}

start=$(now)
XDG_CONFIG_HOME="$work/config" XDG_CACHE_HOME="$work/cache" "$binary" --layer "$layer" \
  --style "colour=#ff00ff,opacity=1" >"$work/app.log" 2>&1 &
app=$!
place_window
result=">$limit"
while :; do
  elapsed=$(awk -v a="$start" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }')
  awk -v e="$elapsed" -v l="$limit" 'BEGIN { exit !(e > l) }' && break
  kill -0 "$app" 2>/dev/null || { result="app-exited"; break; }
  if awk -v m="$(magenta_share)" 'BEGIN { exit !(m > 0.3) }'; then
    result=$elapsed
    break
  fi
  sleep 0.2
done
echo "first_frame_s=$result"
