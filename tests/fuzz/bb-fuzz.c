/* bb-fuzz.c
 *
 * Copyright 2026 The Brückenbuch authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "bb-fuzz.h"

void
bb_fuzz_init (void)
{
  g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  /* The harnesses' own messages are the findings; keep the rest of the output quiet. */
  g_setenv ("G_MESSAGES_DEBUG", "", TRUE);
}
