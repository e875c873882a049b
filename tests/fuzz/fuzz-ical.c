/* fuzz-ical.c: the .ics importer fed arbitrary bytes.
 *
 * Copyright 2026 The Brückenbuch authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Each input is planned against a database holding a weekly series with a moved meeting
 * (UID fuzz-series@brueckenbuch.invalid, SEQUENCE 1) and a single event
 * (fuzz-single@brueckenbuch.invalid), so that inputs reach the updates as well as the adds. A
 * plan that is made is applied; then what the calendar does with the result is done too: the
 * occurrences of a month from each imported start, and an export of everything, which must
 * read back as "already up to date". All of it runs inside a transaction of the harness that is
 * rolled back at the end (the import's own becomes a savepoint in it), so that no input leaves
 * anything for the next; reopening a database for each input would cost twenty times more. The
 * database lives in a temporary folder (under /dev/shm where there is one), removed at exit. */

#include "config.h"

#include <glib/gstdio.h>
#include <libical/ical.h>
#include <stdlib.h>
#include <string.h>

#include "bb-core.h"
#include "bb-fuzz.h"

#define SERIES_UID "fuzz-series@brueckenbuch.invalid"
#define SINGLE_UID "fuzz-single@brueckenbuch.invalid"

static char *folder;
static char *path;
static BbStore *store;

static void
clean_up (void)
{
  static const char * const suffixes[] = { "", "-wal", "-shm", "-journal" };

  g_clear_object (&store);
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);

      g_unlink (file);
    }
  g_rmdir (folder);
}

static BbEvent *
new_event (const char *uid,
           const char *title,
           const char *starts_at,
           const char *ends_at,
           const char *rrule)
{
  BbEvent *event = bb_event_new ();

  bb_event_set_uid (event, uid);
  bb_event_set_title (event, title);
  bb_event_set_kind (event, "jour-fixe");
  bb_event_set_starts_at (event, starts_at);
  bb_event_set_ends_at (event, ends_at);
  bb_event_set_rrule (event, rrule);
  bb_event_set_status (event, "confirmed");
  bb_event_set_sequence (event, 1);

  return event;
}

static void
open_store (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BbEvent) series = NULL;
  g_autoptr(BbEvent) single = NULL;
  g_autoptr(BbEventOverride) moved = NULL;
  const char *base = g_file_test ("/dev/shm", G_FILE_TEST_IS_DIR) ? "/dev/shm" : g_get_tmp_dir ();
  g_autofree char *pattern = g_build_filename (base, "bb-fuzz-ical-XXXXXX", NULL);

  folder = g_mkdtemp_full (g_steal_pointer (&pattern), 0700);
  g_assert_nonnull (folder);
  path = g_build_filename (folder, "fuzz.sqlite3", NULL);
  atexit (clean_up);

  store = bb_store_open (path, &error);
  g_assert_no_error (error);
  series = new_event (SERIES_UID, "Jour fixe", "2026-01-13T10:00", "2026-01-13T11:30",
                      "FREQ=WEEKLY;BYDAY=TU");
  g_assert_true (bb_store_insert (store, BB_RECORD (series), &error));
  single = new_event (SINGLE_UID, "Werkstatt", "2026-03-02", "2026-03-03", NULL);
  bb_event_set_all_day (single, TRUE);
  g_assert_true (bb_store_insert (store, BB_RECORD (single), &error));
  moved = bb_event_override_new ();
  bb_event_override_set_event_id (moved, bb_record_get_id (BB_RECORD (series)));
  bb_event_override_set_recurrence_id (moved, "2026-01-20T10:00");
  bb_event_override_set_starts_at (moved, "2026-01-21T14:00");
  bb_event_override_set_ends_at (moved, "2026-01-21T15:30");
  bb_event_override_set_status (moved, "confirmed");
  g_assert_true (bb_store_insert (store, BB_RECORD (moved), &error));
  g_assert_no_error (error);
}

/* A month of the calendar from each imported start: bounded however the rule runs. */
static void
expand_imported (BbIcalPlan *plan)
{
  GListModel *items = bb_ical_plan_get_items (plan);

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(BbIcalPlanItem) item = g_list_model_get_item (items, i);
      g_autoptr(GPtrArray) occurrences = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *to = NULL;
      g_autofree char *from = NULL;
      const char *starts_at = bb_ical_plan_item_get_starts_at (item);

      if (bb_ical_plan_item_get_action (item) == BB_ICAL_ACTION_SKIP || starts_at == NULL)
        continue;
      from = g_strndup (starts_at, 10);
      to = bb_recurrence_time_add (from, 31);
      if (to == NULL)
        continue;
      occurrences = bb_store_list_occurrences (store, from, to, 0, NULL,
                                               BB_RECURRENCE_EXPAND_WITH_CANCELLED, &error);
      g_assert_no_error (error);
      g_assert_nonnull (occurrences);
    }
}

/* What we write of it reads back, and as what we have. */
static void
export_again (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_utc (2026, 3, 1, 12, 0, 0);
  BbIcalExportOptions options = { .now = now };
  g_autoptr(GError) error = NULL;
  g_autoptr(BbIcalPlan) plan = NULL;
  g_autofree char *text = bb_ical_export (store, &options, NULL, &error);

  g_assert_no_error (error);
  plan = bb_ical_plan_new_for_data (store, text, strlen (text), NULL, &error);
  if (plan == NULL)
    g_error ("The export of an import cannot be read: %s", error->message);
  g_assert_cmpuint (bb_ical_plan_count (plan, BB_ICAL_ACTION_ADD), ==, 0);
  g_assert_cmpuint (bb_ical_plan_count (plan, BB_ICAL_ACTION_UPDATE), ==, 0);
}

static void
import (const uint8_t *data,
        size_t         size)
{
  g_autoptr(BbIcalPlan) plan = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *items;

  plan = bb_ical_plan_new_for_data (store, (const char *) data, size, NULL, &error);
  if (plan == NULL)
    {
      /* Refused: with a message, and nothing written. */
      g_assert_nonnull (error);
      g_assert_true (error->domain == BB_ICAL_ERROR);
      g_assert_true (error->message != NULL && *error->message != '\0');
      g_assert_cmpint (bb_store_count (store, BB_TYPE_EVENT), ==, 2);
      return;
    }
  g_assert_no_error (error);

  items = bb_ical_plan_get_items (plan);
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(BbIcalPlanItem) item = g_list_model_get_item (items, i);

      g_assert_nonnull (bb_ical_plan_item_get_uid (item));
      g_assert_nonnull (bb_ical_plan_item_get_title (item));
      g_assert_nonnull (bb_ical_plan_item_get_reason (item));
      g_assert_true (g_utf8_validate (bb_ical_plan_item_get_title (item), -1, NULL));
    }

  if (!bb_ical_plan_apply (plan, &error))
    g_error ("A plan made cannot be applied: %s", error->message);
  expand_imported (plan);
  export_again ();
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;

  if (store == NULL)
    {
      bb_fuzz_init ();
      open_store ();
    }

  if (!bb_store_begin (store, &error))
    g_error ("%s", error->message);
  import (data, size);
  bb_store_rollback (store);
  /* libical keeps its temporary strings in a ring of buffers; emptied, every allocation of an
   * input is freed by its end, and libFuzzer need not search for leaks after each one. */
  icalmemory_free_ring ();

  return 0;
}
