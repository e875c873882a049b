/* main.c
 *
 * Copyright 2026 The Brückenbuch authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bb-main"

#include "config.h"

#include <locale.h>

#include "bb-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(BbApplication) app = NULL;

  setlocale (LC_ALL, "");
  /* Uninstalled, BB_LOCALEDIR points at the build tree's catalogs (build-aux/run.sh). */
  bb_application_bind_textdomain ();

  app = bb_application_new ();

  return g_application_run (G_APPLICATION (app), argc, argv);
}
