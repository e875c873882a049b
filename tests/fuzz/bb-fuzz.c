/* bb-fuzz.c
 *
 * Copyright 2026 The Brückenbuch authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdlib.h>

#include "bb-fuzz.h"

/* g_error() and fatal criticals end in a breakpoint trap, which libFuzzer does not catch as a
 * crash (no artifact is saved); an abort it does. */
static GLogWriterOutput
write_fatal (GLogLevelFlags   log_level,
             const GLogField *fields,
             gsize            n_fields,
             gpointer         user_data)
{
  /* Not g_log_writer_default() for these: it would trap on a fatal message itself. */
  if (log_level & (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING))
    {
      g_log_writer_standard_streams (log_level, fields, n_fields, user_data);
      abort ();
    }

  return g_log_writer_default (log_level, fields, n_fields, user_data);
}

void
bb_fuzz_init (void)
{
  if (g_test_initialized ())
    {
      /* The replay tests: GLib's test framework reports the failure itself. */
      g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
      return;
    }
  g_log_set_writer_func (write_fatal, NULL, NULL);
}
