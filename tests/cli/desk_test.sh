#!/usr/bin/env bash
# The analyst's desk in a real window (Xvfb, a 3840x2160 screen where llvmpipe draws slowly):
# five quick taps of Right between two frames are five steps, read from the window's title; the
# window opens at most of the display; Play/Pause does not move its neighbours; the panels'
# places are saved atomically in the user's config folder on quitting.
# Usage: desk_test.sh PATH/TO/idlib-atlas OUTPUT_DIR
set -u
bin=$(realpath "$1")
out=$2
rm -rf "$out" && mkdir -p "$out/config"
out=$(cd "$out" && pwd)
for tool in Xvfb xdotool; do
  command -v "$tool" >/dev/null || { echo "skipped: $tool is not installed"; exit 0; }
done
failed=0
check() {  # check WHAT CMD...
  local what=$1
  shift
  if "$@"; then echo "ok   $what"; else echo "FAIL $what"; failed=1; fi
}

Xvfb -displayfd 3 -screen 0 3840x2160x24 3>"$out/display" >/dev/null 2>&1 &
xvfb=$!
for _ in $(seq 50); do [ -s "$out/display" ] && break; sleep 0.1; done
export DISPLAY=":$(cat "$out/display")"
export SDL_VIDEODRIVER=x11  # a real window on that screen, even when the suite runs offscreen
XDG_CONFIG_HOME=$out/config "$bin" --date 2019-05-01 >"$out/stdout" 2>"$out/stderr" &
app=$!

# The title names the date once the data is in (a loaded machine may take minutes: no timing
# is asserted, these are only limits).
wid=""
for _ in $(seq 480); do
  wid=$(xdotool search --name "Idlib Atlas - 1 May 2019" 2>/dev/null | head -1)
  [ -n "$wid" ] && break
  sleep 0.5
done
check "the window shows 1 May 2019 in its title" test -n "$wid"
if [ -z "$wid" ]; then  # what the screen shows instead, for whoever reads the failure
  command -v import >/dev/null && import -window root "$out/no-title.png"
  xdotool search --name "Idlib" getwindowname %@ 2>/dev/null | sed 's/^/  window: /'
fi
if [ -n "$wid" ]; then
  eval "$(xdotool getwindowgeometry --shell "$wid")"
  check "the window opens at most of the 4K display (${WIDTH}x${HEIGHT})" \
    test "$WIDTH" -ge 2800 -a "$WIDTH" -le 3840 -a "$HEIGHT" -ge 1500 -a "$HEIGHT" -le 2160
  xdotool windowfocus --sync "$wid"
  xdotool mousemove --window "$wid" $((WIDTH / 2)) $((HEIGHT / 3))
  sleep 1
  # Five taps within a few milliseconds, far less than one frame of this window.
  xdotool key --delay 2 Right Right Right Right Right
  title=""
  for _ in $(seq 240); do
    title=$(xdotool getwindowname "$wid")
    [ "$title" = "Idlib Atlas - 26 May 2019" ] && break
    sleep 0.25
  done
  # 8 and 26 May: Kafr Nabudah changes hands; 9 May: Qal'at al-Madiq; 19 and 22 May: events.
  check "five quick taps of Right step to 26 May 2019 (title: $title)" \
    test "$title" = "Idlib Atlas - 26 May 2019"
  # Play and Pause take the same room: the controls beside the button do not move. The transport
  # row (UI scale 2 on this screen: 2 x 34 points below the timeline's top) from the ">" button
  # to "Go", paused and then playing, pixel for pixel.
  if command -v import >/dev/null && command -v compare >/dev/null; then
    row="1150x52+300+$((HEIGHT - 428 + 6))" button="180x52+120+$((HEIGHT - 428 + 6))"
    import -window "$wid" -crop "$row" +repage "$out/paused.png"
    import -window "$wid" -crop "$button" +repage "$out/play.png"
    xdotool key space
    for _ in $(seq 120); do  # until a frame shows "Pause"
      sleep 0.5
      import -window "$wid" -crop "$button" +repage "$out/pause.png"
      [ "$(compare -metric AE "$out/play.png" "$out/pause.png" null: 2>&1)" != 0 ] && break
    done
    check "Space turns Play into Pause" \
      test "$(compare -metric AE "$out/play.png" "$out/pause.png" null: 2>&1)" != 0
    import -window "$wid" -crop "$row" +repage "$out/playing.png"
    xdotool key space
    differing=$(compare -metric AE "$out/paused.png" "$out/playing.png" null: 2>&1)
    check "Play/Pause leaves the controls beside it in place ($differing pixels differ)" \
      test "$differing" = 0
    import -window root "$out/desk-4k.png"
  else
    echo "skipped: Play/Pause width (no imagemagick)"
  fi
  xdotool key ctrl+q
fi
for _ in $(seq 600); do kill -0 "$app" 2>/dev/null || break; sleep 0.1; done
kill "$app" 2>/dev/null
wait "$app"
rc=$?
check "Ctrl+Q quits with exit 0 (got $rc)" test "$rc" -eq 0
ini=$out/config/idlib-atlas/desk.ini
check "the panels' places are saved in \$XDG_CONFIG_HOME/idlib-atlas/desk.ini" \
  grep -q '^\[Window\]\[Layers\]' "$ini"
check "no temporary file is left beside it" test "$(ls -A "$out/config/idlib-atlas")" = "desk.ini"
kill "$xvfb"
wait "$xvfb" 2>/dev/null
exit "$failed"
