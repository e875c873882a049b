#!/usr/bin/env bash
# Builds the Debian package of Brückenbuch (debian/) from a copy of the tree, installs it, checks
# that the files are where GNOME expects them, runs the installed program (--version, and the
# window under Xvfb on a temporary database for a few seconds) and removes the package again.
# Installs with apt-get what is missing (as root, or through sudo). Not part of the test suite
# (it needs apt and takes minutes): run it by hand after changing debian/ or the install rules.
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)

sudo=()
if [ "$(id -u)" -ne 0 ]; then
  sudo=(sudo)
fi

install_missing () {
  "$top/build-aux/apt-install-missing.sh" "$@"
}

fail () {
  echo "check-deb: FAIL: $*" >&2
  exit 1
}

tmp=$(mktemp -d)
installed=no
app_sid=
cleanup () {
  if [ -n "$app_sid" ]; then
    kill -TERM -- "-$app_sid" 2>/dev/null || true
  fi
  if [ "$installed" = yes ]; then
    DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get purge -y -q brueckenbuch >/dev/null || true
  fi
  rm -rf "$tmp"
}
trap cleanup EXIT

# The tools to build a package and to run the window headless.
install_missing dpkg-dev fakeroot debhelper xvfb xauth dbus

# A copy of the tree without build directories, so that the working tree gets no build files.
src=$tmp/brueckenbuch
mkdir -p "$src"
(cd "$top" && git ls-files -z --cached --others --exclude-standard \
   | while IFS= read -r -d '' f; do [ -e "$f" ] && printf '%s\0' "$f"; done \
   | tar --null -T - -cf -) | tar -xf - -C "$src"

# The Build-Depends of debian/control that are not installed yet.
unmet=$(cd "$src" && dpkg-checkbuilddeps 2>&1 >/dev/null \
          | sed -n 's/.*Unmet build dependencies: //p' \
          | sed -E 's/ *\([^)]*\)//g; s/\|[^ ]*//g; s/\bdebhelper-compat\b/debhelper/g') || true
if [ -n "$unmet" ]; then
  # shellcheck disable=SC2086
  install_missing $unmet
fi

echo "Building the package"
(cd "$src" && dpkg-buildpackage -us -uc -b) > "$tmp/build.log" 2>&1 \
  || { tail -n 40 "$tmp/build.log" >&2; fail "dpkg-buildpackage failed"; }
version=$(cd "$src" && dpkg-parsechangelog -S Version)
debs=("$tmp"/brueckenbuch_"$version"_*.deb)
[ -f "${debs[0]}" ] || fail "no brueckenbuch_${version}_*.deb was built"
echo "Built ${debs[0]##*/}"
depends=$(dpkg-deb -f "${debs[0]}" Depends)
echo "Depends: $depends"
for lib in libadwaita-1-0 libgtk-4-1 libsqlite3-0 libical3; do
  grep -qw "$lib" <<< "$depends" || fail "the package does not depend on $lib (\${shlibs:Depends})"
done

echo "Installing it"
if dpkg-query -W -f='${Status}' brueckenbuch 2>/dev/null | grep -q "install ok installed"; then
  fail "brueckenbuch is installed already; remove it first (apt-get purge brueckenbuch)"
fi
installed=yes
(cd "$tmp" && DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -q "./${debs[0]##*/}")

app_id=berlin.beratungsforum.Brueckenbuch
files=$(dpkg -L brueckenbuch)
for f in /usr/bin/brueckenbuch \
         /usr/share/applications/$app_id.desktop \
         /usr/share/metainfo/$app_id.metainfo.xml \
         /usr/share/icons/hicolor/scalable/apps/$app_id.svg \
         /usr/share/icons/hicolor/symbolic/apps/$app_id-symbolic.svg \
         /usr/share/glib-2.0/schemas/$app_id.gschema.xml \
         /usr/share/locale/de/LC_MESSAGES/brueckenbuch.mo; do
  grep -qxF "$f" <<< "$files" || fail "the package does not install $f"
  [ -f "$f" ] || fail "$f is listed but not on disk"
done
echo "The files are in place"

# The schema is compiled by the trigger of libglib2.0-0 after installing.
if command -v gsettings >/dev/null; then
  gsettings list-keys "$app_id" >/dev/null || fail "the installed schema $app_id is not compiled"
fi

out=$(/usr/bin/brueckenbuch --version) || fail "brueckenbuch --version failed"
grep -qF "$version" <<< "$out" || fail "brueckenbuch --version says \"$out\", not $version"
echo "brueckenbuch --version: $out"

# The installed window on a temporary database, away from the user's own files and settings.
mkdir -m 0700 "$tmp/home"
db=$tmp/home/check.sqlite3
setsid env HOME="$tmp/home" XDG_CONFIG_HOME="$tmp/home/config" XDG_DATA_HOME="$tmp/home/data" \
  XDG_CACHE_HOME="$tmp/home/cache" GSETTINGS_BACKEND=memory NO_AT_BRIDGE=1 \
  xvfb-run -a -s "-screen 0 1400x900x24" dbus-run-session -- \
  /usr/bin/brueckenbuch --database="$db" > "$tmp/app.log" 2>&1 &
app_sid=$!
sleep 6
app_pid=$(pgrep -s "$app_sid" -x brueckenbuch || true)
if [ -z "$app_pid" ]; then
  cat "$tmp/app.log" >&2
  fail "the installed app did not keep running under Xvfb"
fi
[ -f "$db" ] || fail "the app did not create its database $db"
mode=$(stat -c %a "$db")
[ "$mode" = 600 ] || fail "the database was created $mode, not 600"
kill -TERM -- "-$app_sid" 2>/dev/null || true
wait "$app_sid" 2>/dev/null || true
app_sid=
echo "The installed app ran under Xvfb and created its database 0600"

echo "Removing the package"
DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get purge -y -q brueckenbuch
installed=no
[ ! -e /usr/bin/brueckenbuch ] || fail "/usr/bin/brueckenbuch is still there after removing"

echo "check-deb: OK"
