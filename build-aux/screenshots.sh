#!/usr/bin/env bash
# screenshots.sh — screenshots of every view of Brückenbuch on fictional demo data.
#
# Usage:
#   build-aux/screenshots.sh [DIR]        every view at the widths 360, 800 and 1400 in the light,
#                                         dark and high-contrast styles, into DIR (default
#                                         /tmp/brueckenbuch-screenshots) as VIEW-WIDTH-STYLE.png,
#                                         e.g. shelters-360-dark.png (45 pictures, about 3 minutes)
#   build-aux/screenshots.sh --metainfo [DIR]
#                                         the five AppStream screenshots of the metainfo (1400×900,
#                                         light) into DIR (default data/screenshots/), made small
#
# VIEW is shelters, network, consultations, calendar or report; STYLE is light, dark or
# high-contrast. The shelters, network and consultations views show a record's details (opened
# through the global search, as a person would), the calendar a Jour fixe.
#
# It builds into $BB_BUILDDIR (default build/) if needed, creates a fictional demo database in a
# temporary folder and runs the program from the build tree under its own Xvfb (a free display
# of its own) and D-Bus session: in German, rendered by cairo, with GSettings in memory and XDG
# folders in the temporary folder, so nothing of yours is read or changed. Only the window is
# captured (popovers included). Needs Xvfb, xdotool, ImageMagick (import, convert), dbus and
# sqlite3; build-aux/setup.sh installs them.
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
builddir=${BB_BUILDDIR:-$top/build}

metainfo=false
out=
for arg in "$@"; do
  case $arg in
    --metainfo) metainfo=true ;;
    -h|--help) sed -n '2,/^set -euo/{/^set -euo/d;s/^# \{0,1\}//;p}' "$0"; exit 0 ;;
    -*) echo "screenshots.sh: unknown option $arg (see --help)" >&2; exit 2 ;;
    *) out=$arg ;;
  esac
done
if $metainfo; then
  out=${out:-$top/data/screenshots}
else
  out=${out:-/tmp/brueckenbuch-screenshots}
fi

for tool in Xvfb xdotool import convert dbus-run-session sqlite3 meson; do
  if ! command -v "$tool" >/dev/null; then
    echo "screenshots.sh: $tool is missing; build-aux/setup.sh installs it" >&2
    exit 1
  fi
done

if [ ! -f "$builddir/build.ninja" ]; then
  meson setup "$builddir" "$top"
fi
meson compile -C "$builddir" >/dev/null || meson compile -C "$builddir"

tmp=$(mktemp -d -t brueckenbuch-screenshots-XXXXXX)
chmod 700 "$tmp"
xvfb_pid=
app_pid=

stop_app() {
  # The program is a child of dbus-run-session, not of this script: wait until it and its
  # window are gone, so that the next start does not find the old window.
  if [ -n "$app_pid" ] && kill -0 "$app_pid" 2>/dev/null; then
    kill "$app_pid" 2>/dev/null || true
    for _ in $(seq 100); do
      kill -0 "$app_pid" 2>/dev/null || break
      sleep 0.1
    done
  fi
  if [ -n "${window:-}" ]; then
    for _ in $(seq 50); do
      xdotool getwindowname "$window" >/dev/null 2>&1 || break
      sleep 0.1
    done
  fi
  # dbus-run-session ends its bus once the program has ended; killed itself, it would leave the
  # bus running. So its children (the program if still there, and the bus) are ended instead.
  if [ -n "${session_pid:-}" ]; then
    for _ in $(seq 30); do
      kill -0 "$session_pid" 2>/dev/null || break
      sleep 0.1
    done
    pkill -TERM -P "$session_pid" 2>/dev/null || true
    wait "$session_pid" 2>/dev/null || true
  fi
  app_pid=
  session_pid=
  window=
}

cleanup() {
  stop_app
  if [ -n "$xvfb_pid" ]; then
    kill "$xvfb_pid" 2>/dev/null || true
    wait "$xvfb_pid" 2>/dev/null || true
  fi
  rm -rf "$tmp"
}
trap cleanup EXIT

# Fictional demo data, and from it the records whose details are shown.
database=$tmp/demo.sqlite3
"$builddir/src/brueckenbuch" --create-demo="$database" --seed=1 >/dev/null
query() { sqlite3 -batch -noheader "$database" "$1"; }
shelter=$(query "SELECT s.name FROM shelter s JOIN consultation c ON c.shelter_id = s.id
                 WHERE s.status = 'open' GROUP BY s.id ORDER BY count(*) DESC, s.id LIMIT 1")
person=$(query "SELECT p.given_name || ' ' || p.family_name FROM person p JOIN relation r
                ON p.id IN (r.from_person_id, r.to_person_id)
                GROUP BY p.id ORDER BY count(*) DESC, p.id LIMIT 1")
# A word only consultation notes contain, so that the search's first hit is a consultation.
consultation_word=Videokonferenz
# A monthly Jour fixe ("FREQ=MONTHLY;BYDAY=2TU"): its entry in this month's grid is clicked.
jour_fixe=$(query "SELECT rrule FROM event WHERE kind = 'jour-fixe' AND rrule LIKE '%BYDAY=%'
                   ORDER BY id LIMIT 1")

# The place of this month's Jour fixe in the month grid (six weeks from the Monday on or before
# the 1st), as "COLUMN ROW".
jour_fixe_cell() {
  local byday=${jour_fixe##*BYDAY=} n weekday first lead day i
  n=${byday%??}
  weekday=${byday: -2}
  first=$(date +%Y-%m-01)
  lead=$(($(date -d "$first" +%u) - 1))
  for ((i = 0; i < 7; i++)); do
    if [ "$(LC_ALL=C date -d "$first + $i days" +%a | cut -c1-2 | tr '[:lower:]' '[:upper:]')" = "$weekday" ]; then
      day=$((i + 7 * (n - 1)))
      echo $(((lead + day) % 7)) $(((lead + day) / 7))
      return
    fi
  done
}

# An X server of our own on a free display; big enough for the widest window.
Xvfb -displayfd 3 -screen 0 1400x900x24 -nolisten tcp 3>"$tmp/display" 2>"$tmp/xvfb.log" &
xvfb_pid=$!
for _ in $(seq 100); do
  [ -s "$tmp/display" ] && break
  sleep 0.1
done
[ -s "$tmp/display" ] || { cat "$tmp/xvfb.log" >&2; echo "screenshots.sh: Xvfb did not start" >&2; exit 1; }
DISPLAY=:$(head -n1 "$tmp/display")
export DISPLAY

window=

# Starts the program in one style: light, dark or high-contrast.
start_app() {
  local style=$1
  local -a env=(
    LANGUAGE=de LANG=de_DE.UTF-8 LC_ALL=de_DE.UTF-8
    BB_LOCALEDIR="$builddir/po" GSETTINGS_SCHEMA_DIR="$builddir/data" GSETTINGS_BACKEND=memory
    GSK_RENDERER=cairo GTK_A11Y=none NO_AT_BRIDGE=1
    XDG_DATA_HOME="$tmp/data" XDG_CONFIG_HOME="$tmp/config" XDG_CACHE_HOME="$tmp/cache"
    XDG_STATE_HOME="$tmp/state"
  )
  case $style in
    light) env+=(ADW_DEBUG_COLOR_SCHEME=prefer-light) ;;
    dark) env+=(ADW_DEBUG_COLOR_SCHEME=prefer-dark) ;;
    high-contrast) env+=(ADW_DEBUG_COLOR_SCHEME=prefer-light ADW_DEBUG_HIGH_CONTRAST=1) ;;
  esac

  env -u ADW_DEBUG_HIGH_CONTRAST -u ADW_DEBUG_COLOR_SCHEME "${env[@]}" \
    dbus-run-session -- "$builddir/src/brueckenbuch" --database="$database" \
    >"$tmp/app-$style.log" 2>&1 &
  session_pid=$!
  window=$(timeout 60 xdotool search --sync --onlyvisible --name 'Brückenbuch' | head -n1) || {
    cat "$tmp/app-$style.log" >&2; echo "screenshots.sh: no window appeared" >&2; exit 1; }
  app_pid=$(xdotool getwindowpid "$window")
  sleep 2
}

# Gives the window this size at the top left of the screen.
resize() {
  xdotool windowsize --sync "$window" "$1" "$2" 2>/dev/null || xdotool windowsize "$window" "$1" "$2"
  xdotool windowmove "$window" 0 0
  sleep 1.5
}

key() {
  xdotool windowfocus --sync "$window" 2>/dev/null || true
  xdotool key --clearmodifiers "$@"
  sleep 0.8
}

# Opens the first hit of the global search for text.
search() {
  key ctrl+f
  xdotool type --delay 20 "$1"
  sleep 1.5
  key Return
  sleep 1
}

# The window as it is on screen, popovers included; optionally made small for publishing.
capture() {
  local file=$1 width height x y WIDTH HEIGHT X Y
  # Sets WIDTH, HEIGHT, X and Y: the size the window took (a window cannot be narrower than
  # its content asks for) and where it is.
  eval "$(xdotool getwindowgeometry --shell "$window" | grep -E '^(WIDTH|HEIGHT|X|Y)=')"
  width=$WIDTH height=$HEIGHT x=$X y=$Y
  import -window root -crop "${width}x${height}+${x}+${y}" +repage "$file.tmp.png"
  if $metainfo; then
    # 256 colours without dithering: a third of the size, and text stays crisp.
    convert "$file.tmp.png" -strip +dither -colors 256 -define png:compression-level=9 "PNG8:$file"
    rm -f "$file.tmp.png"
  else
    mv "$file.tmp.png" "$file"
  fi
  echo "$file (${width}×${height})"
}

# Opens the details shown in the pictures: a shelter, a person, a consultation, a Jour fixe.
# In a 1400×900 window.
open_details() {
  local column row
  search "$shelter"
  search "$person"
  search "$consultation_word"
  key alt+4
  # The first entry of the Jour fixe's day: the grid of a 1400×900 window begins at (11, 197)
  # with cells of 137.7 × 115.5 px and the first entry 34 px below a cell's top. A miss selects
  # the day instead, which shows the day's events.
  read -r column row < <(jour_fixe_cell)
  xdotool mousemove --window "$window" $((11 + column * 1377 / 10 + 68)) \
    $((197 + row * 1155 / 10 + 34)) click 1
  sleep 1
  xdotool mousemove 0 0
}

views=(shelters network consultations calendar report)
mkdir -p "$out"

if $metainfo; then
  start_app light
  resize 1400 900
  open_details
  for i in 1 2 3 4 5; do
    key "alt+$i"
    if [ "$i" = 2 ]; then
      # The network picture lies below the person's details: scrolled into sight.
      xdotool mousemove --window "$window" 860 500 click --repeat 4 --delay 100 5
      sleep 1
      xdotool mousemove 0 0
      sleep 1
    fi
    capture "$out/${views[i - 1]}.png"
  done
  stop_app
  exit 0
fi

for style in light dark high-contrast; do
  start_app "$style"
  resize 1400 900
  open_details
  for size in 1400x900 800x600 360x720; do
    resize "${size%x*}" "${size#*x}"
    for i in 1 2 3 4 5; do
      key "alt+$i"
      capture "$out/${views[i - 1]}-${size%x*}-$style.png"
    done
  done
  stop_app
done
