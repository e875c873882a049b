/* bb-commands.c
 *
 * Copyright 2026 The Brückenbuch authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bb-commands"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "bb-application.h"
#include "bb-commands.h"
#include "bb-core.h"
#include "bb-format.h"
#include "bb-report.h"
#include "bb-report-pdf.h"

#define DEFAULT_SCALE 1.0
#define MAX_SCALE     1000.0
#define DEFAULT_SEED  1

/* A headless command: selected by its option, it gets all options and returns the exit
 * status. Later commands (export, import, report, backup) are one more row each. */
typedef struct
{
  const char *option;
  int       (*run) (GVariantDict *options);
} BbCommand;

static int run_version     (GVariantDict *options);
static int run_create_demo (GVariantDict *options);
static int run_counts      (GVariantDict *options);
static int run_export_ics  (GVariantDict *options);
static int run_import_ics  (GVariantDict *options);
static int run_report      (GVariantDict *options);
static int run_export_person (GVariantDict *options);
static int run_erase_person  (GVariantDict *options);
static int run_delete_old    (GVariantDict *options);
static int run_backup      (GVariantDict *options);
static int run_restore     (GVariantDict *options);

static const BbCommand commands[] = {
  { "version", run_version },
  { "create-demo", run_create_demo },
  { "counts", run_counts },
  { "export-ics", run_export_ics },
  { "import-ics", run_import_ics },
  { "report", run_report },
  { "export-person", run_export_person },
  { "erase-person", run_erase_person },
  { "delete-old-consultations", run_delete_old },
  { "backup", run_backup },
  { "restore", run_restore },
};

/* Options that only change what a command does. */
static const char * const create_demo_options[] = { "scale", "seed" };
static const char * const export_ics_options[] = { "method" };
static const char * const import_ics_options[] = { "dry-run" };
static const char * const period_options[] = { "from", "to", "region" };
static const char * const report_options[] = { "output" };
static const char * const confirm_options[] = { "yes" };

static const GOptionEntry option_entries[] = {
  { "version", 'v', 0, G_OPTION_ARG_NONE, NULL,
    N_("Print the version and exit"), NULL },
  { "database", 'd', 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Use the database at PATH instead of the usual one"), N_("PATH") },
  { "create-demo", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Create a new database with fictional demo data at PATH and exit"), N_("PATH") },
  /* Strings, because GApplication leaves a number 0 out of the options, as if not given. */
  { "scale", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Size of the demo data; 1 is about the real size of the BfE (default: 1)"), N_("FACTOR") },
  { "seed", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Seed of the demo data; the same seed gives the same data (default: 1)"), N_("N") },
  { "counts", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Print the number of rows of every table of the database and exit"), NULL },
  { "export-ics", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Write the calendar as iCalendar to FILE and exit (with --region, --from, --to, --method)"),
    N_("FILE") },
  { "method", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("“publish” (default) or “request” for invitations with attendees"), N_("METHOD") },
  { "import-ics", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Import the events of an iCalendar FILE, printing what is added, updated or skipped"),
    N_("FILE") },
  { "dry-run", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("With --import-ics: only print the plan, write nothing"), NULL },
  { "report", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Write the activity report for --from … --to [--region] as “csv” or “pdf” to --output "
       "and exit"), N_("FORMAT") },
  { "output", 'o', 0, G_OPTION_ARG_FILENAME, NULL,
    N_("With --report or --export-person: the file to write"), N_("FILE") },
  { "export-person", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Write everything stored about the person with this id (Auskunft, Art. 15 GDPR) to "
       "--output and exit"), N_("ID") },
  { "erase-person", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Erase the person with this id everywhere (Art. 17 GDPR) with --yes; without it, only "
       "list the consultation notes that mention them"), N_("ID") },
  { "delete-old-consultations", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Delete the consultations older than YEARS years with --yes; without it, only count "
       "them"), N_("YEARS") },
  { "yes", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("With --erase-person or --delete-old-consultations: really delete, for good"), NULL },
  { "from", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("First day of the period"), N_("YYYY-MM-DD") },
  { "to", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Last day of the period"), N_("YYYY-MM-DD") },
  { "region", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Only this region (default: all regions)"), N_("NAME") },
  { "backup", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Write a copy of the database to FILE and exit"), N_("FILE") },
  { "restore", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Replace the content of the database with the backup FILE and exit; a safety copy of "
       "the database is kept in the folder “backups” beside it"), N_("FILE") },
  G_OPTION_ENTRY_NULL
};

void
bb_commands_add_options (GApplication *app)
{
  g_return_if_fail (G_IS_APPLICATION (app));

  g_application_add_main_option_entries (app, option_entries);
}

char *
bb_commands_dup_database_path (GVariantDict *options)
{
  const char *path = NULL;

  g_return_val_if_fail (options != NULL, NULL);

  if (!g_variant_dict_lookup (options, "database", "^&ay", &path) || path == NULL || *path == '\0')
    return NULL;

  return g_strdup (path);
}

static void
print_error (const char *message)
{
  g_printerr ("%s: %s\n", g_get_prgname () != NULL ? g_get_prgname () : "brueckenbuch", message);
}

static void
print_store_error (const GError *error,
                   const char   *path)
{
  g_autofree char *message = bb_application_describe_store_error (error, path);

  print_error (message);
}

/* The first of names given in options, unless command is one of the commands (run or
 * also_run) that the names belong to; NULL if all is well. */
static const char *
stray_option (GVariantDict           *options,
              const char * const     *names,
              gsize                   n_names,
              const BbCommand        *command,
              int                   (*run) (GVariantDict *options),
              int                   (*also_run) (GVariantDict *options))
{
  if (command != NULL && (command->run == run || (also_run != NULL && command->run == also_run)))
    return NULL;

  for (gsize i = 0; i < n_names; i++)
    if (g_variant_dict_contains (options, names[i]))
      return names[i];

  return NULL;
}

/* The first option whose value looks like an option of its own: "--create-demo --seed=1" gives
 * --create-demo the path "--seed=1" (GOption takes the next argument as the value), which would
 * create a database of that name. NULL if none; *value is that value. */
static const char *
option_without_value (GVariantDict  *options,
                      const char   **value)
{
  for (const GOptionEntry *entry = option_entries; entry->long_name != NULL; entry++)
    {
      const char *text = NULL;

      if (entry->arg == G_OPTION_ARG_FILENAME)
        g_variant_dict_lookup (options, entry->long_name, "^&ay", &text);
      else if (entry->arg == G_OPTION_ARG_STRING)
        g_variant_dict_lookup (options, entry->long_name, "&s", &text);

      if (text != NULL && g_str_has_prefix (text, "--"))
        {
          *value = text;
          return entry->long_name;
        }
    }

  return NULL;
}

/* Prints message (and frees it) as the reason the command line was refused. */
static int
refuse (char *message)
{
  print_error (message);
  g_free (message);

  return 1;
}

int
bb_commands_run (GApplication *app,
                 GVariantDict *options)
{
  const BbCommand *command = NULL;
  const char *stray;
  const char *value = NULL;

  g_return_val_if_fail (G_IS_APPLICATION (app), 1);
  g_return_val_if_fail (options != NULL, 1);

  if ((stray = option_without_value (options, &value)) != NULL)
    {
      g_autofree char *shown = g_utf8_make_valid (value, -1);

      /* Translators: the first and last %s are an option ("create-demo"), the second what
       * followed it ("--seed=1") */
      return refuse (g_strdup_printf (_("--%s needs a value, but “%s” follows it. Write "
                                        "--%s=VALUE."), stray, shown, stray));
    }

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      if (!g_variant_dict_contains (options, commands[i].option))
        continue;

      if (command != NULL)
        {
          g_autofree char *message =
            g_strdup_printf (_("--%s and --%s cannot be used together. Give one command at a time."),
                             command->option, commands[i].option);

          print_error (message);
          return 1;
        }

      command = &commands[i];
    }

  /* Options that only change what one command does are refused on their own. */
  if ((stray = stray_option (options, create_demo_options, G_N_ELEMENTS (create_demo_options),
                             command, run_create_demo, NULL)) != NULL)
    return refuse (g_strdup_printf (_("--%s only works together with --create-demo."), stray));

  if ((stray = stray_option (options, export_ics_options, G_N_ELEMENTS (export_ics_options),
                             command, run_export_ics, NULL)) != NULL)
    return refuse (g_strdup_printf (_("--%s only works together with --export-ics."), stray));

  if ((stray = stray_option (options, import_ics_options, G_N_ELEMENTS (import_ics_options),
                             command, run_import_ics, NULL)) != NULL)
    return refuse (g_strdup_printf (_("--%s only works together with --import-ics."), stray));

  if ((stray = stray_option (options, period_options, G_N_ELEMENTS (period_options),
                             command, run_export_ics, run_report)) != NULL)
    return refuse (g_strdup_printf (_("--%s only works together with --export-ics or --report."),
                                    stray));

  if ((stray = stray_option (options, report_options, G_N_ELEMENTS (report_options),
                             command, run_report, run_export_person)) != NULL)
    return refuse (g_strdup_printf (_("--%s only works together with --report or "
                                      "--export-person."), stray));

  if ((stray = stray_option (options, confirm_options, G_N_ELEMENTS (confirm_options),
                             command, run_erase_person, run_delete_old)) != NULL)
    return refuse (g_strdup_printf (_("--%s only works together with --erase-person or "
                                      "--delete-old-consultations."), stray));

  if (command == NULL)
    return -1;

  return command->run (options);
}

/* --version */

static int
run_version (GVariantDict *options)
{
  g_print ("brueckenbuch %s\n", PACKAGE_VERSION);

  return 0;
}

/* --create-demo */

static void
print_progress (double   fraction,
                gpointer user_data)
{
  int *last_percent = user_data;
  int percent = (int) (fraction * 100);

  if (percent == *last_percent)
    return;

  *last_percent = percent;
  g_printerr ("\r%s %3d %%", _("Creating demo data…"), percent);
  if (percent >= 100)
    g_printerr ("\n");
}

static void
remove_database_files (const char *path)
{
  static const char * const suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);

      g_remove (file);
    }
}

static int
run_create_demo (GVariantDict *options)
{
  const char *path = NULL;
  const char *text = NULL;
  g_autofree char *display = NULL;
  g_autofree char *summary = NULL;
  g_autoptr(BbStore) store = NULL;
  g_autoptr(GError) error = NULL;
  double scale = DEFAULT_SCALE;
  gint64 seed = DEFAULT_SEED;
  GStatBuf buf;
  int last_percent = -1;
  gboolean existed;
  gint64 started;
  gint64 shelters, people, organisations, consultations, events;

  if (!g_variant_dict_lookup (options, "create-demo", "^&ay", &path) || path == NULL || *path == '\0')
    {
      print_error (_("--create-demo needs the path of the new database."));
      return 1;
    }
  display = g_filename_display_name (path);

  if (g_variant_dict_lookup (options, "scale", "&s", &text))
    {
      char *end = NULL;

      scale = g_ascii_strtod (text, &end);
      if (end == text || *end != '\0')
        scale = -1;
    }

  if (g_variant_dict_lookup (options, "seed", "&s", &text))
    {
      guint64 value = 0;

      if (g_ascii_string_to_unsigned (text, 10, 0, G_MAXUINT32, &value, NULL))
        seed = (gint64) value;
      else
        seed = -1;
    }

  if (!(scale > 0 && scale <= MAX_SCALE))
    {
      g_autofree char *message = g_strdup_printf (_("--scale must be greater than 0 and at most %g."),
                                                  MAX_SCALE);

      print_error (message);
      return 1;
    }

  if (seed < 0 || seed > G_MAXUINT32)
    {
      g_autofree char *message = g_strdup_printf (_("--seed must be a whole number from 0 to %u."),
                                                  G_MAXUINT32);

      print_error (message);
      return 1;
    }

  /* Demo data never goes into a database that is in use, not even an empty one of ours. */
  existed = g_stat (path, &buf) == 0;
  if (existed && buf.st_size > 0)
    {
      g_autofree char *message =
        g_strdup_printf (_("“%s” already exists. Choose a new file for the demo database."), display);

      print_error (message);
      return 1;
    }

  store = bb_store_open (path, &error);
  if (store == NULL)
    {
      print_store_error (error, path);
      if (!existed)
        remove_database_files (path);
      return 1;
    }

  started = g_get_monotonic_time ();
  if (!bb_demo_generate (store, scale, (guint32) seed, NULL,
                         isatty (STDERR_FILENO) ? print_progress : NULL, &last_percent,
                         &error))
    {
      if (last_percent >= 0 && last_percent < 100)
        g_printerr ("\n");
      print_store_error (error, path);
      g_clear_object (&store);
      if (!existed)
        remove_database_files (path);
      return 1;
    }

  shelters = bb_store_count (store, BB_TYPE_SHELTER);
  people = bb_store_count (store, BB_TYPE_PERSON);
  organisations = bb_store_count (store, BB_TYPE_ORGANISATION);
  consultations = bb_store_count (store, BB_TYPE_CONSULTATION);
  events = bb_store_count (store, BB_TYPE_EVENT);
  g_clear_object (&store);

  {
    g_autofree char *shelters_text =
      g_strdup_printf (ngettext ("%lu shelter", "%lu shelters", (gulong) shelters),
                       (gulong) shelters);
    g_autofree char *people_text =
      g_strdup_printf (ngettext ("%lu person", "%lu people", (gulong) people),
                       (gulong) people);
    g_autofree char *organisations_text =
      g_strdup_printf (ngettext ("%lu organisation", "%lu organisations", (gulong) organisations),
                       (gulong) organisations);
    g_autofree char *consultations_text =
      g_strdup_printf (ngettext ("%lu consultation", "%lu consultations", (gulong) consultations),
                       (gulong) consultations);
    g_autofree char *events_text =
      g_strdup_printf (ngettext ("%lu event", "%lu events", (gulong) events),
                       (gulong) events);

    /* Translators: the path, then the counts of records, then the seconds taken. */
    summary = g_strdup_printf (_("Created demo database “%s”: %s, %s, %s, %s, %s in %.1f s"),
                               display, shelters_text, people_text, organisations_text,
                               consultations_text, events_text,
                               (g_get_monotonic_time () - started) / (double) G_USEC_PER_SEC);
  }

  g_print ("%s\n", summary);

  return 0;
}

/* --counts */

static int
run_counts (GVariantDict *options)
{
  g_autofree char *path = bb_commands_dup_database_path (options);
  g_autoptr(BbStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) counts = NULL;

  if (path == NULL)
    path = bb_store_default_path ();

  /* Counting must not create an empty database where there was none. */
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_autofree char *display = g_filename_display_name (path);
      g_autofree char *message = g_strdup_printf (_("There is no database at “%s”."), display);

      print_error (message);
      return 1;
    }

  store = bb_store_open (path, &error);
  if (store == NULL)
    {
      print_store_error (error, path);
      return 1;
    }

  counts = bb_store_count_tables (store, &error);
  if (counts == NULL)
    {
      print_store_error (error, path);
      return 1;
    }

  for (guint i = 0; i < counts->len; i++)
    {
      BbTableCount *count = g_ptr_array_index (counts, i);

      g_print ("%s\t%" G_GINT64_FORMAT "\n", count->table, count->count);
    }

  return 0;
}

/* --export-ics, --import-ics */

static gint64
find_region (BbStore    *store,
             const char *name)
{
  g_autoptr(GListModel) regions = bb_store_list (store, BB_TYPE_REGION);

  for (guint i = 0; i < g_list_model_get_n_items (regions); i++)
    {
      g_autoptr(BbRecord) region = g_list_model_get_item (regions, i);
      g_autofree char *label = bb_record_dup_label (region);

      if (label != NULL && g_utf8_collate (label, name) == 0)
        return bb_record_get_id (region);
    }

  return 0;
}

static BbStore *
open_existing_store (GVariantDict *options)
{
  g_autofree char *path = bb_commands_dup_database_path (options);
  g_autoptr(GError) error = NULL;
  BbStore *store;

  if (path == NULL)
    path = bb_store_default_path ();
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_autofree char *display = g_filename_display_name (path);
      g_autofree char *message = g_strdup_printf (_("There is no database at “%s”."), display);

      print_error (message);
      return NULL;
    }
  store = bb_store_open (path, &error);
  if (store == NULL)
    print_store_error (error, path);

  return store;
}

/* A day of --from/--to as a store date; to is inclusive, so the range ends the day after. */
static gboolean
lookup_ics_day (GVariantDict  *options,
                const char    *name,
                gboolean       day_after,
                char         **day)
{
  const char *text = NULL;
  GDate date;

  *day = NULL;
  if (!g_variant_dict_lookup (options, name, "&s", &text))
    return TRUE;
  if (strlen (text) != 10 || !bb_recurrence_parse_time (text, &date, NULL, NULL))
    {
      /* Translators: %s is the option, "--from" or "--to". */
      g_autofree char *message = g_strdup_printf (_("--%s needs a date as YYYY-MM-DD, for example "
                                                    "--%s=2026-01-31."), name, name);

      print_error (message);
      return FALSE;
    }
  if (day_after)
    g_date_add_days (&date, 1);
  *day = g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (&date), g_date_get_month (&date),
                          g_date_get_day (&date));

  return TRUE;
}

static int
run_export_ics (GVariantDict *options)
{
  g_autoptr(BbStore) store = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  const char *output = NULL;
  const char *region = NULL;
  const char *method = NULL;
  BbIcalExportOptions export = { 0 };
  BbIcalExportReport report = { 0 };

  if (!g_variant_dict_lookup (options, "export-ics", "^&ay", &output) || output == NULL || *output == '\0')
    {
      print_error (_("--export-ics needs the path of the .ics file to write."));
      return 1;
    }
  if (g_variant_dict_lookup (options, "method", "&s", &method))
    {
      if (g_strcmp0 (method, "request") == 0)
        export.method = BB_ICAL_METHOD_REQUEST;
      else if (g_strcmp0 (method, "publish") != 0)
        {
          print_error (_("--method must be “publish” or “request”."));
          return 1;
        }
    }
  if (!lookup_ics_day (options, "from", FALSE, &from) || !lookup_ics_day (options, "to", TRUE, &to))
    return 1;

  store = open_existing_store (options);
  if (store == NULL)
    return 1;

  if (g_variant_dict_lookup (options, "region", "&s", &region))
    {
      export.region_id = find_region (store, region);
      if (export.region_id == 0)
        {
          g_autofree char *message = g_strdup_printf (_("There is no region “%s”."), region);

          print_error (message);
          return 1;
        }
    }
  export.from = from;
  export.to = to;

  file = g_file_new_for_commandline_arg (output);
  if (!bb_ical_export_to_file (store, &export, file, &report, &error))
    {
      g_autofree char *message = bb_application_describe_error (error, bb_store_get_path (store));

      print_error (message);
      return 1;
    }

  g_print (ngettext ("Exported %u event", "Exported %u events", report.n_events), report.n_events);
  if (report.n_overrides > 0)
    g_print (ngettext (", %u changed occurrence", ", %u changed occurrences", report.n_overrides),
             report.n_overrides);
  if (export.method == BB_ICAL_METHOD_REQUEST)
    g_print (ngettext (", %u attendee", ", %u attendees", report.n_attendees), report.n_attendees);
  g_print ("\n");
  if (report.n_without_email > 0)
    g_print (ngettext ("%u invited person has no e-mail address and was left out.\n",
                       "%u invited people have no e-mail address and were left out.\n",
                       report.n_without_email),
             report.n_without_email);

  return 0;
}

static int
run_import_ics (GVariantDict *options)
{
  g_autoptr(BbStore) store = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(BbIcalPlan) plan = NULL;
  const char *input = NULL;
  GListModel *items;
  gboolean dry_run = g_variant_dict_contains (options, "dry-run");

  if (!g_variant_dict_lookup (options, "import-ics", "^&ay", &input) || input == NULL || *input == '\0')
    {
      print_error (_("--import-ics needs the path of the .ics file to read."));
      return 1;
    }

  store = open_existing_store (options);
  if (store == NULL)
    return 1;

  file = g_file_new_for_commandline_arg (input);
  plan = bb_ical_plan_new_for_file (store, file, NULL, NULL, &error);
  if (plan == NULL)
    {
      g_autofree char *display = g_filename_display_name (input);
      g_autofree char *cause = bb_application_describe_error (error, bb_store_get_path (store));
      g_autofree char *message = g_strdup_printf ("%s: %s", display, cause);

      print_error (message);
      return 1;
    }

  items = bb_ical_plan_get_items (plan);
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(BbIcalPlanItem) item = g_list_model_get_item (items, i);
      const char *action;

      switch (bb_ical_plan_item_get_action (item))
        {
        /* Translators: the column of the import plan; keep them short */
        case BB_ICAL_ACTION_ADD: action = _("add"); break;
        case BB_ICAL_ACTION_UPDATE: action = _("update"); break;
        case BB_ICAL_ACTION_SKIP:
        default: action = _("skip"); break;
        }
      g_print ("%s\t%s\t%s\t%s\n", action,
               bb_ical_plan_item_get_starts_at (item) != NULL ? bb_ical_plan_item_get_starts_at (item) : "",
               bb_ical_plan_item_get_title (item), bb_ical_plan_item_get_reason (item));
    }

  if (dry_run)
    {
      g_print (_("Dry run: nothing was written.\n"));
      return 0;
    }
  if (!bb_ical_plan_apply (plan, &error))
    {
      print_store_error (error, bb_store_get_path (store));
      return 1;
    }
  g_print (_("Added %u, updated %u, skipped %u.\n"), bb_ical_plan_count (plan, BB_ICAL_ACTION_ADD),
           bb_ical_plan_count (plan, BB_ICAL_ACTION_UPDATE), bb_ical_plan_count (plan, BB_ICAL_ACTION_SKIP));

  return 0;
}

/* --report */

static gboolean
lookup_date (GVariantDict *options,
             const char   *name,
             GDate        *date)
{
  const char *text = NULL;

  if (g_variant_dict_lookup (options, name, "&s", &text) && bb_report_parse_date (text, date))
    return TRUE;

  {
    /* Translators: %s is the option, "--from" or "--to". */
    g_autofree char *message = g_strdup_printf (_("--%s needs a date as YYYY-MM-DD, for example "
                                                  "--%s=2026-01-31."), name, name);

    print_error (message);
  }

  return FALSE;
}

static int
run_report (GVariantDict *options)
{
  g_autofree char *path = bb_commands_dup_database_path (options);
  g_autofree char *display = NULL;
  g_autoptr(BbStore) store = NULL;
  g_autoptr(BbReport) report = NULL;
  g_autoptr(GError) error = NULL;
  const char *format = NULL;
  const char *region = NULL;
  const char *output = NULL;
  gint64 region_id = 0;
  gboolean pdf;
  gboolean ok;
  GDate from, to;

  if (!g_variant_dict_lookup (options, "report", "&s", &format)
      || (g_strcmp0 (format, "csv") != 0 && g_strcmp0 (format, "pdf") != 0))
    {
      print_error (_("--report must be “csv” or “pdf”."));
      return 1;
    }
  pdf = g_str_equal (format, "pdf");

  if (!lookup_date (options, "from", &from) || !lookup_date (options, "to", &to))
    return 1;
  if (g_date_compare (&from, &to) > 0)
    {
      print_error (_("The period ends before it starts: --to is before --from."));
      return 1;
    }

  if (!g_variant_dict_lookup (options, "output", "^&ay", &output) || output == NULL || *output == '\0')
    {
      print_error (_("--report needs --output=FILE, the file to write the report to."));
      return 1;
    }

  if (path == NULL)
    path = bb_store_default_path ();
  display = g_filename_display_name (path);

  /* A report must not create an empty database where there was none. */
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_autofree char *message = g_strdup_printf (_("There is no database at “%s”."), display);

      print_error (message);
      return 1;
    }

  store = bb_store_open (path, &error);
  if (store == NULL)
    {
      print_store_error (error, path);
      return 1;
    }

  if (g_variant_dict_lookup (options, "region", "&s", &region))
    {
      region_id = bb_report_find_region (store, region, NULL);
      if (region_id == 0)
        {
          g_autofree char *message =
            g_strdup_printf (_("There is no region “%s” in the database."), region);

          print_error (message);
          return 1;
        }
    }

  report = bb_report_compute (store, &from, &to, region_id, NULL, &error);
  if (report == NULL)
    {
      print_store_error (error, path);
      return 1;
    }

  if (pdf)
    ok = bb_report_write_pdf (report, output, &error);
  else
    ok = bb_report_write_csv (report, output, &error);
  if (!ok)
    {
      g_autofree char *output_display = g_filename_display_name (output);
      g_autofree char *message = g_strdup_printf (_("Cannot write “%s”: %s"), output_display,
                                                  error->message);

      print_error (message);
      return 1;
    }

  {
    g_autofree char *output_display = g_filename_display_name (output);

    g_print (_("Wrote the activity report to “%s”.\n"), output_display);
  }

  return 0;
}

/* --backup, --restore */

/* The FILE of --option, or NULL after saying that it is missing. */
static const char *
lookup_file (GVariantDict *options,
             const char   *option)
{
  const char *path = NULL;

  if (g_variant_dict_lookup (options, option, "^&ay", &path) && path != NULL && *path != '\0')
    return path;

  {
    /* Translators: %s is the option, "--backup" or "--restore". */
    g_autofree char *message = g_strdup_printf (_("--%s needs the path of the backup file."), option);

    print_error (message);
  }

  return NULL;
}

static int
run_backup (GVariantDict *options)
{
  g_autoptr(BbStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *display = NULL;
  g_autofree char *file_display = NULL;
  const char *file = lookup_file (options, "backup");

  if (file == NULL)
    return 1;

  store = open_existing_store (options);
  if (store == NULL)
    return 1;

  if (!bb_store_write_backup (store, file, &error))
    {
      print_store_error (error, file);
      return 1;
    }

  display = g_filename_display_name (bb_store_get_path (store));
  file_display = g_filename_display_name (file);
  g_print (_("Backed up “%s” to “%s”.\n"), display, file_display);

  return 0;
}

static int
run_restore (GVariantDict *options)
{
  g_autofree char *path = bb_commands_dup_database_path (options);
  g_autoptr(BbStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *safety = NULL;
  g_autofree char *display = NULL;
  g_autofree char *file_display = NULL;
  g_autofree char *safety_display = NULL;
  const char *file = lookup_file (options, "restore");
  gboolean existed;

  if (file == NULL)
    return 1;

  /* A lost database can be restored into a new one. */
  if (path == NULL)
    path = bb_store_default_path ();
  existed = g_file_test (path, G_FILE_TEST_EXISTS);

  store = bb_store_open (path, &error);
  if (store == NULL)
    {
      print_store_error (error, path);
      if (!existed)
        remove_database_files (path);
      return 1;
    }

  if (!bb_store_restore (store, file, &safety, &error))
    {
      g_autofree char *message = bb_application_describe_restore_error (error, file, path);

      print_error (message);
      g_clear_object (&store);
      if (!existed)
        remove_database_files (path);
      return 1;
    }

  display = g_filename_display_name (bb_store_get_path (store));
  file_display = g_filename_display_name (file);
  safety_display = g_filename_display_name (safety);
  g_print (_("Restored “%s” from “%s”.\n"), display, file_display);
  g_print (_("The database as it was before is kept in “%s”.\n"), safety_display);

  return 0;
}

/* --export-person, --erase-person, --delete-old-consultations (DSGVO). What they print names
 * ids, dates and shelters, never a person's name: the terminal may be logged. */

static gboolean
lookup_number (GVariantDict *options,
               const char   *name,
               gint64        max,
               gint64       *value)
{
  const char *text = NULL;
  g_autofree char *message = NULL;

  if (g_variant_dict_lookup (options, name, "&s", &text)
      && g_ascii_string_to_signed (text, 10, 1, max, value, NULL))
    return TRUE;

  /* Translators: %s is the option, e.g. "erase-person" */
  message = g_strdup_printf (_("--%s needs a whole number, for example --%s=12."), name, name);
  print_error (message);

  return FALSE;
}

/* Says what failed for a person. */
static void
print_person_error (const GError *error,
                    BbStore      *store,
                    gint64        person_id)
{
  if (g_error_matches (error, BB_STORE_ERROR, BB_STORE_ERROR_NOT_FOUND))
    {
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, person_id);
      g_autofree char *message = g_strdup_printf (_("There is no person with id %s."), id);

      print_error (message);
      return;
    }

  print_store_error (error, bb_store_get_path (store));
}

static int
run_export_person (GVariantDict *options)
{
  g_autoptr(BbStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *today = bb_format_today_iso ();
  g_autofree char *output_display = NULL;
  const char *output = NULL;
  gint64 person_id;

  if (!lookup_number (options, "export-person", G_MAXINT64, &person_id))
    return 1;
  if (!g_variant_dict_lookup (options, "output", "^&ay", &output) || output == NULL || *output == '\0')
    {
      print_error (_("--export-person needs --output=FILE, the file to write the personal data "
                     "to."));
      return 1;
    }

  store = open_existing_store (options);
  if (store == NULL)
    return 1;

  output_display = g_filename_display_name (output);
  if (!bb_privacy_write_person_report (store, person_id, today, output, &error))
    {
      if (error->domain == G_FILE_ERROR)
        {
          g_autofree char *message = g_strdup_printf (_("Cannot write “%s”: %s"), output_display,
                                                      error->message);

          print_error (message);
        }
      else
        {
          print_person_error (error, store, person_id);
        }
      return 1;
    }

  {
    g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, person_id);

    g_print (_("Wrote the personal data of person %s to “%s”.\n"), id, output_display);
  }

  return 0;
}

static int
run_erase_person (GVariantDict *options)
{
  g_autoptr(BbStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) mentions = NULL;
  gint64 person_id;

  if (!lookup_number (options, "erase-person", G_MAXINT64, &person_id))
    return 1;

  store = open_existing_store (options);
  if (store == NULL)
    return 1;

  mentions = bb_privacy_list_mentions (store, person_id, &error);
  if (mentions == NULL)
    {
      print_person_error (error, store, person_id);
      return 1;
    }

  if (mentions->len > 0)
    g_print (ngettext ("The notes of %u consultation mention the person’s name; edit them if "
                       "they should not:\n",
                       "The notes of %u consultations mention the person’s name; edit them if "
                       "they should not:\n", mentions->len),
             mentions->len);
  for (guint i = 0; i < mentions->len; i++)
    {
      BbPrivacyMention *mention = g_ptr_array_index (mentions, i);
      g_autofree char *date = bb_format_date_time (mention->started_at);

      g_print ("%" G_GINT64_FORMAT "\t%s\t%s\n", mention->consultation_id, date != NULL ? date : "",
               mention->shelter != NULL ? mention->shelter : "");
    }

  if (!g_variant_dict_contains (options, "yes"))
    {
      g_print (_("Nothing was erased. Add --yes to erase the person for good.\n"));
      return 0;
    }

  if (!bb_privacy_erase_person (store, person_id, &error))
    {
      print_person_error (error, store, person_id);
      return 1;
    }

  {
    g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, person_id);

    g_print (_("Erased person %s everywhere.\n"), id);
  }

  return 0;
}

static int
run_delete_old (GVariantDict *options)
{
  g_autoptr(BbStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *today = bb_format_today_iso ();
  g_autofree char *cutoff = NULL;
  BbRetention retention;
  gint64 years;

  if (!lookup_number (options, "delete-old-consultations", 100, &years))
    return 1;

  store = open_existing_store (options);
  if (store == NULL)
    return 1;

  if (!bb_privacy_count_expired (store, today, (guint) years, &retention, &error))
    {
      print_store_error (error, bb_store_get_path (store));
      return 1;
    }

  cutoff = bb_format_date (retention.cutoff);
  g_print (ngettext ("%u consultation from before %s is older than the retention period.\n",
                     "%u consultations from before %s are older than the retention period.\n",
                     retention.n_consultations),
           retention.n_consultations, cutoff);

  if (!g_variant_dict_contains (options, "yes"))
    {
      if (retention.n_consultations > 0)
        g_print (_("Nothing was deleted. Add --yes to delete them for good.\n"));
      return 0;
    }

  if (!bb_privacy_delete_expired (store, today, (guint) years, &retention, &error))
    {
      print_store_error (error, bb_store_get_path (store));
      return 1;
    }

  g_print (ngettext ("Deleted %u consultation.\n", "Deleted %u consultations.\n",
                     retention.n_consultations),
           retention.n_consultations);

  return 0;
}
