/* bb-retention.c
 *
 * Copyright 2026 The Brückenbuch authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bb-retention"

#include "config.h"

#include <glib/gi18n.h>

#include "bb-application.h"
#include "bb-core.h"
#include "bb-format.h"
#include "bb-retention.h"
#include "bb-window.h"

static gboolean
count_expired (BbStore     *store,
               guint        years,
               BbRetention *retention,
               GError     **error)
{
  g_autofree char *today = bb_format_today_iso ();

  return bb_privacy_count_expired (store, today, years, retention, error);
}

char *
bb_retention_dup_summary (BbStore *store,
                          guint    years,
                          guint   *n_expired)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *cutoff = NULL;
  BbRetention retention;

  g_return_val_if_fail (BB_IS_STORE (store), NULL);

  if (n_expired != NULL)
    *n_expired = 0;

  if (years == 0)
    return g_strdup (_("Off: consultations are kept without a limit"));

  if (!count_expired (store, years, &retention, &error))
    return bb_application_describe_store_error (error, bb_store_get_path (store));

  if (n_expired != NULL)
    *n_expired = retention.n_consultations;

  cutoff = bb_format_date (retention.cutoff);
  /* Translators: %u is a number of consultations, %s a date */
  return g_strdup_printf (ngettext ("%'u consultation from before %s",
                                    "%'u consultations from before %s",
                                    retention.n_consultations),
                          retention.n_consultations, cutoff);
}

static void
on_delete_response (AdwMessageDialog     *dialog,
                    const char           *response,
                    AdwPreferencesWindow *window)
{
  BbStore *store = g_object_get_data (G_OBJECT (dialog), "bb-store");
  guint years = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (dialog), "bb-years"));
  g_autofree char *today = bb_format_today_iso ();
  g_autofree char *title = NULL;
  g_autoptr(GError) error = NULL;
  BbRetention deleted;

  if (g_strcmp0 (response, "delete") != 0)
    return;

  if (!bb_privacy_delete_expired (store, today, years, &deleted, &error))
    {
      title = bb_application_describe_store_error (error, bb_store_get_path (store));
    }
  else
    {
      /* Translators: a toast after deleting old consultations */
      title = g_strdup_printf (ngettext ("%'u consultation deleted", "%'u consultations deleted",
                                         deleted.n_consultations),
                               deleted.n_consultations);
    }

  adw_preferences_window_add_toast (window, adw_toast_new (title));
}

AdwMessageDialog *
bb_retention_ask_delete (AdwPreferencesWindow *window,
                         BbStore              *store,
                         guint                 years)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *cutoff = NULL;
  g_autofree char *body = NULL;
  g_autofree char *followups = NULL;
  BbRetention retention;
  AdwMessageDialog *dialog;

  g_return_val_if_fail (ADW_IS_PREFERENCES_WINDOW (window), NULL);
  g_return_val_if_fail (BB_IS_STORE (store), NULL);

  if (years == 0 || !count_expired (store, years, &retention, &error)
      || retention.n_consultations == 0)
    {
      g_autofree char *message = NULL;

      if (error != NULL)
        message = bb_application_describe_store_error (error, bb_store_get_path (store));
      else
        message = bb_retention_dup_summary (store, years, NULL);
      adw_preferences_window_add_toast (window, adw_toast_new (message));
      return NULL;
    }

  cutoff = bb_format_date (retention.cutoff);
  /* Translators: %u is a number of follow-ups (agreed tasks) */
  followups = g_strdup_printf (ngettext ("%'u follow-up", "%'u follow-ups", retention.n_followups),
                               retention.n_followups);
  /* Translators: the first %u is a number of consultations, %s a date, the second %s a number
   * of follow-ups ("3 follow-ups") */
  body = g_strdup_printf (ngettext ("%'u consultation from before %s is older than the retention "
                                    "period. It is deleted for good, with its notes, topics, "
                                    "%s and the record of who took part. This cannot be "
                                    "undone.",
                                    "%'u consultations from before %s are older than the retention "
                                    "period. They are deleted for good, with their notes, topics, "
                                    "%s and the record of who took part. This cannot be "
                                    "undone.",
                                    retention.n_consultations),
                          retention.n_consultations, cutoff, followups);

  dialog = bb_destructive_dialog_new (GTK_WINDOW (window), _("Delete Old Consultations?"), body,
                                      "delete", _("_Delete"));
  g_object_set_data_full (G_OBJECT (dialog), "bb-store", g_object_ref (store), g_object_unref);
  g_object_set_data (G_OBJECT (dialog), "bb-years", GUINT_TO_POINTER (years));
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_delete_response), window, 0);
  gtk_window_present (GTK_WINDOW (dialog));

  return dialog;
}
