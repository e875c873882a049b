#!/bin/sh
# bench/crash.sh SECONDS: the crash test of tests/test-durability.c run long. A writer (the test
# program again) saves consultations, shelter updates and event series through the store as
# the app does and is killed with SIGKILL at random moments, again and again for SECONDS
# (default 600); after every kill the database must pass integrity_check and foreign_key_check
# and hold every record whose commit had returned, complete. Prints the number of kills and of
# records checked; exit status 0 if the database was sound after every kill.
#
# Environment: BB_CRASH_BUILDDIR (default build-bench-release if it exists, else build).
#
# Copyright 2026 The Brückenbuch authors
#
# SPDX-License-Identifier: GPL-3.0-or-later
set -eu

seconds=${1:-600}
top=$(cd "$(dirname "$0")/.." && pwd)
if [ -n "${BB_CRASH_BUILDDIR:-}" ]; then
  build=$BB_CRASH_BUILDDIR
elif [ -f "$top/build-bench-release/build.ninja" ]; then
  build=$top/build-bench-release
else
  build=$top/build
fi

case $build in
  /*) ;;
  *) build=$top/$build ;;
esac

if [ ! -f "$build/build.ninja" ]; then
  meson setup "$build" "$top" >/dev/null
fi
meson compile -C "$build" tests/test-durability >/dev/null

export LANGUAGE= LC_ALL=C.UTF-8 G_DEBUG=fatal-criticals
BB_CRASH_SECONDS=$seconds "$build/tests/test-durability" -q -p /durability/crash
