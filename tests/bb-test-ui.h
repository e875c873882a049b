/* bb-test-ui.h: what the tests of the window share — waiting on the main loop, a window on a
 * fresh (demo) database, and finding widgets.
 *
 * Copyright 2026 The Brückenbuch authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "bb-application.h"
#include "bb-core.h"
#include "bb-window.h"

G_BEGIN_DECLS

#define BB_TEST_WAIT_TIMEOUT_S 60
#define BB_TEST_DEMO_SCALE 0.1

gboolean bb_test_wake_up (gpointer user_data);

/* Iterates the main context until cond holds; fails the test with what after the timeout. */
#define WAIT_UNTIL(cond, what)                                                            \
  G_STMT_START {                                                                          \
    gint64 wait_deadline = g_get_monotonic_time () + BB_TEST_WAIT_TIMEOUT_S * G_USEC_PER_SEC; \
    guint wait_tick = g_timeout_add (10, bb_test_wake_up, NULL);                          \
    while (!(cond))                                                                       \
      {                                                                                   \
        if (g_get_monotonic_time () > wait_deadline)                                      \
          g_error ("Timed out after %d s waiting for %s", BB_TEST_WAIT_TIMEOUT_S, (what)); \
        g_main_context_iteration (NULL, TRUE);                                            \
      }                                                                                   \
    g_source_remove (wait_tick);                                                          \
  } G_STMT_END

typedef struct
{
  char          *dir;
  char          *path;
  BbStore       *store;
  BbApplication *app;
  BbWindow      *window;
} Fixture;

/* Sets XDG_DATA_HOME to a folder of the tests' own, the locale and text domain, and
 * initialises GTK and libadwaita for tests. Call first in main(). */
void           bb_test_ui_init            (int           *argc,
                                           char        ***argv);
/* Runs the tests, then cleans up what bb_test_ui_init made. */
int            bb_test_ui_run             (void);

/* Lets pending idles and redraws run, e.g. after a list changed. */
void           settle                     (void);
/* The fixed "today" of the demo data in the tests: 25 November 2026. */
void           reference_date             (GDate         *date);
/* One application for the whole process, as in the program; registered once. */
BbApplication *get_app                    (void);
void           fixture_open_app           (Fixture       *fixture);
void           fixture_open_window        (Fixture       *fixture);
/* A window on a new, empty database. */
void           fixture_set_up_empty       (Fixture       *fixture,
                                           gconstpointer  data);
/* A window on demo data of BB_TEST_DEMO_SCALE, generated for reference_date(). */
void           fixture_set_up_demo        (Fixture       *fixture,
                                           gconstpointer  data);
void           fixture_tear_down          (Fixture       *fixture,
                                           gconstpointer  data);
void           remove_dir                 (const char    *path);

/* The template child name of widget (of type), asserted to exist. */
gpointer       template_child             (gpointer       widget,
                                           GType          type,
                                           const char    *name);
/* Chooses a record in a BbRecordPicker as a person does: types search into its search and
 * activates the one row it finds, which must be expected_id. */
void           pick_record                (gpointer       picker,
                                           GType          type,
                                           const char    *search,
                                           gint64         expected_id);
/* The mapped label showing text below widget (a list row, a detail), or NULL. */
GtkWidget     *find_mapped_label          (GtkWidget     *widget,
                                           const char    *text);
/* The mapped "title-1" label showing text below widget, or NULL. */
GtkWidget     *find_title_label           (GtkWidget     *widget,
                                           const char    *text);
/* The mapped AdwStatusPage with this title below widget, or NULL. */
GtkWidget     *find_status_page           (GtkWidget     *widget,
                                           const char    *title);
/* A toplevel of type (of app, or of no application), or NULL. */
gpointer       find_window_of_type        (GtkApplication *app,
                                           GType           type);

/* Whether the German catalog is built in the build tree's po/. */
gboolean       german_catalog_built       (void);
/* In a subprocess, the program's own set-up under LANGUAGE=de, as brueckenbuch does it. */
void           use_german                 (void);
/* Runs test on a window set up by set_up, in a subprocess under the program's German (see
 * use_german); a failure there fails the calling test. Skips if the catalog is not built. */
void           run_in_german              (void         (*set_up) (Fixture *, gconstpointer),
                                           void         (*test)   (Fixture *, gconstpointer));

G_END_DECLS
