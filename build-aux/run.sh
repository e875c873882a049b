#!/usr/bin/env bash
# Builds Brückenbuch and starts it from the build tree on its default database
# ($XDG_DATA_HOME/brueckenbuch/brueckenbuch.sqlite3). Arguments go to the program,
# e.g. --database PATH or --help.
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
builddir=${BB_BUILDDIR:-$top/build}
"$top/build-aux/setup.sh"

export GSETTINGS_SCHEMA_DIR="$builddir/data"
export BB_LOCALEDIR="$builddir/po"
exec "$builddir/src/brueckenbuch" "$@"
