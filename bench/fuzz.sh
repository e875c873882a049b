#!/bin/sh
# bench/fuzz.sh SECONDS: builds the libFuzzer harnesses of tests/fuzz with clang, AddressSanitizer
# and UndefinedBehaviorSanitizer (coverage on the whole program) in a build folder of its own,
# and runs each harness for SECONDS (default 60). A crash, leak, sanitizer report, timeout or
# out-of-memory is saved as BUILD/artifacts/<harness>-<kind>-<hash>; copy it to
# tests/fuzz/regressions/<harness>/, fix the cause, and the replay tests keep it fixed.
# Exit status: 0 if no harness found anything.
#
# Environment: BB_FUZZ_BUILDDIR (default build-libfuzzer), BB_FUZZ_JOBS (parallel runs per
# harness, default 1), BB_FUZZ_HARNESSES (default "ical text").
set -eu

seconds=${1:-60}
top=$(cd "$(dirname "$0")/.." && pwd)
build=${BB_FUZZ_BUILDDIR:-$top/build-libfuzzer}
harnesses=${BB_FUZZ_HARNESSES:-ical text}
jobs=${BB_FUZZ_JOBS:-1}

case $build in
  /*) ;;
  *) build=$top/$build ;;
esac

if [ ! -f "$build/build.ninja" ]; then
  CC=clang meson setup "$build" "$top" \
    -Dfuzzing=true -Dbuildtype=debugoptimized -Dwerror=false \
    -Db_sanitize=address,undefined -Db_lundef=false \
    -Dc_args='-fsanitize=fuzzer-no-link -fno-sanitize-recover=undefined -fno-omit-frame-pointer' >/dev/null
fi
targets=
for h in $harnesses; do
  targets="$targets tests/fuzz/fuzz-$h"
done
# shellcheck disable=SC2086
meson compile -C "$build" $targets >/dev/null

export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1:symbolize=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
export LANGUAGE= LC_ALL=C.UTF-8 G_DEBUG=fatal-criticals
mkdir -p "$build/artifacts"
status=0

for h in $harnesses; do
  corpus="$build/corpus-$h"
  mkdir -p "$corpus"
  case $h in
    ical) seeds="$top/tests/fuzz/corpus/ical $top/tests/ical $top/tests/fuzz/regressions/ical"
          options="-max_len=65536 -dict=$top/tests/fuzz/ical.dict" ;;
    *)    seeds="$top/tests/fuzz/corpus/$h $top/tests/fuzz/regressions/$h"
          options="-max_len=512 -dict=$top/tests/fuzz/$h.dict" ;;
  esac
  log="$build/fuzz-$h.log"
  parallel=
  if [ "$jobs" -gt 1 ]; then
    parallel="-jobs=$jobs -workers=$jobs"
  fi
  before=$(ls "$build/artifacts" | wc -l)
  # New inputs go to the first folder (the build's corpus), never into the source tree.
  # shellcheck disable=SC2086
  # Parallel jobs write fuzz-N.log into the working folder: the build's.
  if (cd "$build" && rm -f fuzz-[0-9]*.log &&
      "$build/tests/fuzz/fuzz-$h" $options $parallel -max_total_time="$seconds" -timeout=10 \
        -rss_limit_mb=2048 -malloc_limit_mb=1024 \
        -artifact_prefix="$build/artifacts/$h-" -print_final_stats=1 \
        "$corpus" $seeds >"$log" 2>&1); then
    result=ok
  else
    result=FAILED
    status=1
  fi
  after=$(ls "$build/artifacts" | wc -l)
  runs=$(cat "$log" "$build"/fuzz-[0-9]*.log 2>/dev/null | grep 'stat::number_of_executed_units'  2>/dev/null | awk '{n += $2} END {print n + 0}')
  cov=$(cat "$log" "$build"/fuzz-[0-9]*.log 2>/dev/null | grep -o 'cov: [0-9]*'  | tail -1 | cut -d' ' -f2)
  printf '%-6s %-7s %6ss %10s runs  cov %-6s corpus %5s  new artifacts %s\n' "$h" "$result" "$seconds" \
    "$runs" "${cov:-?}" "$(ls "$corpus" | wc -l)" $((after - before))
  if [ "$result" != ok ]; then
    tail -40 "$log" >&2
  fi
done

exit $status
