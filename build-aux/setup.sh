#!/usr/bin/env bash
# Installs what Brückenbuch needs on Debian 12 (only what is missing), generates the German
# locale and configures the build directory. Safe to run again. Used by run.sh and test.sh.
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
builddir=${BB_BUILDDIR:-$top/build}

packages=(
  # build
  build-essential meson ninja-build pkg-config gettext
  libglib2.0-dev libglib2.0-dev-bin libgtk-4-dev libadwaita-1-dev libsqlite3-dev libical-dev
  # running and testing the window headless
  xvfb xauth dbus dbus-x11 at-spi2-core libglib2.0-bin adwaita-icon-theme librsvg2-common fonts-cantarell
  # names in Arabic and Hebrew script and emoji, as people write them
  fonts-dejavu-core fonts-noto-color-emoji
  python3-pyatspi gir1.2-atspi-2.0
  # checks of the data files and of exports
  desktop-file-utils appstream-util appstream python3-icalendar poppler-utils sqlite3
  # build-aux/screenshots.sh
  imagemagick xdotool
  locales
)

sudo=()
if [ "$(id -u)" -ne 0 ]; then
  sudo=(sudo)
fi

"$top/build-aux/apt-install-missing.sh" "${packages[@]}"

# German under a German locale: a fresh machine has none generated.
if ! locale -a 2>/dev/null | grep -qiE '^de_DE\.utf-?8$'; then
  echo "Generating the locale de_DE.UTF-8"
  "${sudo[@]}" sed -i 's/^# *\(de_DE.UTF-8 UTF-8\)/\1/' /etc/locale.gen
  grep -q '^de_DE.UTF-8 UTF-8' /etc/locale.gen || echo 'de_DE.UTF-8 UTF-8' | "${sudo[@]}" tee -a /etc/locale.gen >/dev/null
  "${sudo[@]}" locale-gen
fi

if [ ! -f "$builddir/build.ninja" ]; then
  meson setup "$builddir" "$top"
fi
meson compile -C "$builddir"
