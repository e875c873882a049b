/* bb-fuzz.h: what the fuzz harnesses share.
 *
 * Copyright 2026 The Brückenbuch authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <stddef.h>
#include <stdint.h>

G_BEGIN_DECLS

/* The entry point of each harness (fuzz-ical.c, fuzz-text.c), as libFuzzer calls it. The same
 * function is linked into the fuzzers (clang, -Dfuzzing=true, bench/fuzz.sh) and into the
 * replay tests of the normal suite (fuzz-replay.c), which feed it every file of the corpus and
 * of the regressions. It returns 0; anything wrong aborts: a crash, a sanitizer report, a
 * GLib critical or warning (made fatal by bb_fuzz_init()), or a failed g_assert. */
int   LLVMFuzzerTestOneInput (const uint8_t *data,
                              size_t         size);

/* Makes criticals and warnings fatal: to a fuzzer they are findings, not noise. */
void  bb_fuzz_init           (void);

G_END_DECLS
