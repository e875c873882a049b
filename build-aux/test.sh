#!/usr/bin/env bash
# Builds Brückenbuch and runs every test: the core, the data files and the translations, and the
# window under Xvfb in its own D-Bus session. Ends with "N passed, N failed".
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
builddir=${BB_BUILDDIR:-$top/build}
"$top/build-aux/setup.sh"

status=0
xvfb-run -a -s "-screen 0 1400x900x24" \
  dbus-run-session -- meson test -C "$builddir" --print-errorlogs --num-processes 2 "$@" || status=$?

# One closing line that any CI reads, from meson's own record of this run.
python3 - "$builddir/meson-logs/testlog.json" <<'PY' || true
import json, sys
passed = failed = skipped = 0
for line in open(sys.argv[1], encoding="utf-8"):
    result = json.loads(line)["result"]
    if result in ("OK", "EXPECTEDFAIL"):
        passed += 1
    elif result == "SKIP":
        skipped += 1
    else:
        failed += 1
print(f"{passed} passed, {failed} failed" + (f", {skipped} skipped" if skipped else ""))
PY
exit $status
