/* bb-privacy.c
 *
 * Copyright 2026 The Brückenbuch authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bb-privacy"

#include "config.h"

#include <stdio.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "bb-codes.h"
#include "bb-consultation.h"
#include "bb-draft.h"
#include "bb-organisation.h"
#include "bb-person.h"
#include "bb-privacy.h"
#include "bb-store-private.h"

/* Dates as people read them, with the same translatable formats as the window's. */
static char *
format_date (const char *iso)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) dt = NULL;
  g_autofree char *text = NULL;
  gboolean has_time;

  if (iso == NULL || strlen (iso) < 10)
    return NULL;

  has_time = strlen (iso) >= 16 && iso[10] == 'T';
  text = has_time ? g_strdup_printf ("%.16s:00", iso) : g_strdup_printf ("%.10sT00:00:00", iso);
  dt = g_date_time_new_from_iso8601 (text, utc);
  if (dt == NULL)
    return g_strdup (iso);

  if (!has_time)
    /* Translators: a date, in the syntax of g_date_time_format(): "25.11.2026" */
    return g_date_time_format (dt, _("%d.%m.%Y"));

  /* Translators: a date and time, in the syntax of g_date_time_format(): "25.11.2026, 10:00" */
  return g_date_time_format (dt, _("%d.%m.%Y, %H:%M"));
}

static const char *
column_text (sqlite3_stmt *stmt,
             int           column)
{
  return (const char *) sqlite3_column_text (stmt, column);
}

static gboolean
step_error (BbStore       *store,
            int            rc,
            const char    *what,
            GError       **error)
{
  if (rc == SQLITE_DONE)
    return TRUE;

  _bb_store_set_error (store, error, rc, what);
  return FALSE;
}

/* Mentions ---------------------------------------------------------------------------------- */

void
bb_privacy_mention_free (BbPrivacyMention *mention)
{
  if (mention == NULL)
    return;

  g_free (mention->started_at);
  g_free (mention->shelter);
  g_free (mention);
}

static gboolean
has_word (const char *name)
{
  for (const char *p = name; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_isalnum (g_utf8_get_char (p)))
      return TRUE;

  return FALSE;
}

/* Each name as an FTS5 string: the tokenizer makes a phrase of its words ("Anna-Lena" matches
 * "anna lena"), without prefixes, so that "Anna" does not find "Annabell". Only the notes
 * column: a consultation's title is its shelter. */
static char *
mention_query (const char *given_name,
               const char *family_name)
{
  const char *names[] = { given_name, family_name };
  g_autoptr(GString) query = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *valid = NULL;
      g_autofree char *quoted = NULL;
      g_auto(GStrv) parts = NULL;

      if (names[i] == NULL || !has_word (names[i]))
        continue;

      valid = g_utf8_make_valid (names[i], -1);
      parts = g_strsplit (valid, "\"", -1);
      quoted = g_strjoinv ("\"\"", parts);
      g_string_append_printf (query, "%s\"%s\"", query->len > 0 ? " OR " : "", quoted);
    }

  if (query->len == 0)
    return NULL;

  g_string_prepend (query, "body : (");
  g_string_append_c (query, ')');

  return g_string_free (g_steal_pointer (&query), FALSE);
}

static BbPerson *
get_person (BbStore  *store,
            gint64    person_id,
            GError  **error)
{
  return bb_store_get (store, BB_TYPE_PERSON, person_id, error);
}

GPtrArray *
bb_privacy_list_mentions (BbStore  *store,
                          gint64    person_id,
                          GError  **error)
{
  g_autoptr(GPtrArray) mentions = NULL;
  g_autoptr(BbPerson) person = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *match = NULL;
  int rc;

  g_return_val_if_fail (BB_IS_STORE (store), NULL);

  person = get_person (store, person_id, error);
  if (person == NULL)
    return NULL;

  mentions = g_ptr_array_new_with_free_func ((GDestroyNotify) bb_privacy_mention_free);
  match = mention_query (bb_person_get_given_name (person), bb_person_get_family_name (person));
  if (match == NULL)
    return g_steal_pointer (&mentions);

  stmt = _bb_store_prepare (store,
                            "SELECT c.id, c.started_at, coalesce (s.name, c.former_shelter_name),"
                            "  EXISTS (SELECT 1 FROM consultation_person cp"
                            "           WHERE cp.consultation_id = c.id AND cp.person_id = ?2)"
                            " FROM consultation c LEFT JOIN shelter s ON s.id = c.shelter_id"
                            " WHERE c.id IN (SELECT rowid >> 2 FROM search_index"
                            "                 WHERE search_index MATCH ?1 AND (rowid & 3) = 3)"
                            " ORDER BY c.started_at DESC, c.id DESC",
                            error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, match, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, person_id);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      BbPrivacyMention *mention = g_new0 (BbPrivacyMention, 1);

      mention->consultation_id = sqlite3_column_int64 (stmt, 0);
      mention->started_at = g_strdup (column_text (stmt, 1));
      mention->shelter = g_strdup (column_text (stmt, 2));
      mention->linked = sqlite3_column_int (stmt, 3) != 0;
      g_ptr_array_add (mentions, mention);
    }

  if (!step_error (store, rc, "Cannot search the notes", error))
    return NULL;

  return g_steal_pointer (&mentions);
}

/* Drafts ------------------------------------------------------------------------------------ */

/* TRUE if a draft's content lists person_id among its people; without (optional) receives the
 * content with the person left out. */
static gboolean
draft_names_person (GVariant  *content,
                    gint64     person_id,
                    GVariant **without)
{
  g_autoptr(GVariant) people = NULL;
  g_autoptr(GArray) kept = NULL;
  g_autoptr(GVariantDict) dict = NULL;
  const gint64 *ids;
  gsize n_ids = 0;

  people = g_variant_lookup_value (content, "people", G_VARIANT_TYPE ("ax"));
  if (people == NULL)
    return FALSE;

  ids = g_variant_get_fixed_array (people, &n_ids, sizeof (gint64));
  kept = g_array_sized_new (FALSE, FALSE, sizeof (gint64), n_ids);
  for (gsize i = 0; i < n_ids; i++)
    if (ids[i] != person_id)
      g_array_append_val (kept, ids[i]);

  if (kept->len == n_ids)
    return FALSE;

  if (without != NULL)
    {
      dict = g_variant_dict_new (content);
      g_variant_dict_insert_value (dict, "people",
                                   g_variant_new_fixed_array (G_VARIANT_TYPE_INT64, kept->data,
                                                              kept->len, sizeof (gint64)));
      *without = g_variant_ref_sink (g_variant_dict_end (dict));
    }

  return TRUE;
}

typedef gboolean (*DraftFunc) (BbStore     *store,
                               gint64       draft_id,
                               const char  *kind,
                               gint64       record_id,
                               GVariant    *content,
                               const char  *updated_at,
                               gpointer     user_data,
                               GError     **error);

/* Calls func for every draft that names the person. A draft that cannot be parsed any more is
 * left alone: its editor reports it. */
static gboolean
foreach_draft_naming (BbStore    *store,
                      gint64      person_id,
                      DraftFunc   func,
                      gpointer    user_data,
                      GError    **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = _bb_store_prepare (store,
                            "SELECT id, kind, record_id, content, updated_at FROM draft"
                            " ORDER BY updated_at, id",
                            error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(GVariant) content = NULL;

      content = g_variant_parse (G_VARIANT_TYPE_VARDICT, column_text (stmt, 3), NULL, NULL, NULL);
      if (content == NULL)
        {
          g_debug ("Draft %" G_GINT64_FORMAT " cannot be parsed",
                   (gint64) sqlite3_column_int64 (stmt, 0));
          continue;
        }
      g_variant_ref_sink (content);

      if (!draft_names_person (content, person_id, NULL))
        continue;

      if (!func (store, sqlite3_column_int64 (stmt, 0), column_text (stmt, 1),
                 sqlite3_column_int64 (stmt, 2), content, column_text (stmt, 4), user_data, error))
        return FALSE;
    }

  return step_error (store, rc, "Cannot read drafts", error);
}

/* The Auskunft ------------------------------------------------------------------------------ */

/* A heading underlined with line ('=' for sections, '-' for entries). */
static void
add_underlined (GString    *text,
                const char *heading,
                char        line)
{
  g_string_append_printf (text, "\n%s\n", heading);
  for (glong i = g_utf8_strlen (heading, -1); i > 0; i--)
    g_string_append_c (text, line);
  g_string_append_c (text, '\n');
}

#define add_heading(text, heading) add_underlined ((text), (heading), '=')
#define add_subheading(text, heading) add_underlined ((text), (heading), '-')

/* "Label: value"; the lines of a longer text are indented below the label. Nothing for an
 * empty value. */
static void
add_field (GString    *text,
           const char *label,
           const char *value)
{
  g_auto(GStrv) lines = NULL;

  if (value == NULL || value[0] == '\0')
    return;

  if (strchr (value, '\n') == NULL)
    {
      /* Translators: a line of the personal data export, "Field: value" */
      g_string_append_printf (text, _("%s: %s"), label, value);
      g_string_append_c (text, '\n');
      return;
    }

  g_string_append_printf (text, _("%s:"), label);
  g_string_append_c (text, '\n');
  lines = g_strsplit (value, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    g_string_append_printf (text, "  %s\n", lines[i]);
}

static void
add_date_field (GString    *text,
                const char *label,
                const char *iso)
{
  g_autofree char *date = format_date (iso);

  add_field (text, label, date);
}

static void
add_none (GString *text)
{
  g_string_append (text, _("None."));
  g_string_append_c (text, '\n');
}

static gboolean
report_person (BbStore   *store,
               BbPerson  *person,
               GString   *text)
{
  g_autofree char *organisation = NULL;

  organisation = bb_store_dup_label (store, BB_TYPE_ORGANISATION,
                                     bb_person_get_organisation_id (person));

  add_heading (text, _("Person"));
  add_field (text, _("Given name"), bb_person_get_given_name (person));
  add_field (text, _("Family name"), bb_person_get_family_name (person));
  add_field (text, _("Pronouns"), bb_person_get_pronouns (person));
  add_field (text, _("Function"), bb_person_get_function (person));
  add_field (text, _("Organisation"), organisation);
  add_field (text, _("E-mail"), bb_person_get_email (person));
  add_field (text, _("Phone"), bb_person_get_phone (person));
  add_field (text, _("Languages"), bb_person_get_languages (person));
  add_field (text, _("Notes"), bb_person_get_notes (person));

  return TRUE;
}

/* Writes one row of a section; FALSE with error to stop. */
typedef gboolean (*RowFunc) (BbStore       *store,
                             sqlite3_stmt  *stmt,
                             GString       *text,
                             GError       **error);

/* A section: heading, then one entry per row of sql (whose ?1 is the person), or "None.". */
static gboolean
report_section (BbStore     *store,
                const char  *heading,
                const char  *sql,
                gint64       person_id,
                RowFunc      row,
                GString     *text,
                GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  guint n = 0;
  int rc;

  stmt = _bb_store_prepare (store, sql, error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, person_id);

  add_heading (text, heading);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      if (!row (store, stmt, text, error))
        return FALSE;
      n++;
    }
  if (n == 0)
    add_none (text);

  return step_error (store, rc, "Cannot read the person's data", error);
}

static gboolean
report_role (BbStore       *store,
             sqlite3_stmt  *stmt,
             GString       *text,
             GError       **error)
{
  g_string_append_c (text, '\n');
  add_field (text, _("Shelter"), column_text (stmt, 0));
  add_field (text, _("Role"), bb_codes_label (BB_CODES_ROLE, column_text (stmt, 1)));
  add_date_field (text, _("Since"), column_text (stmt, 2));
  add_date_field (text, _("Until"), column_text (stmt, 3));

  return TRUE;
}

/* The label of one end of a relation: a person or an organisation. */
static char *
dup_end_label (BbStore      *store,
               sqlite3_stmt *stmt,
               int           person_column)
{
  if (sqlite3_column_type (stmt, person_column) != SQLITE_NULL)
    return bb_store_dup_label (store, BB_TYPE_PERSON, sqlite3_column_int64 (stmt, person_column));

  return bb_store_dup_label (store, BB_TYPE_ORGANISATION,
                             sqlite3_column_int64 (stmt, person_column + 1));
}

static gboolean
report_relation (BbStore       *store,
                 sqlite3_stmt  *stmt,
                 GString       *text,
                 GError       **error)
{
  g_autofree char *from = dup_end_label (store, stmt, 0);
  g_autofree char *to = dup_end_label (store, stmt, 2);
  g_autofree char *link = NULL;

  /* Translators: a link of the network, e.g. "Anna Beispiel – works for – Beispiel e. V." */
  link = g_strdup_printf (_("%s – %s – %s"), from != NULL ? from : "",
                          bb_codes_label (BB_CODES_RELATION_TYPE, column_text (stmt, 4)),
                          to != NULL ? to : "");
  g_string_append_c (text, '\n');
  add_field (text, _("Link"), link);
  add_date_field (text, _("Since"), column_text (stmt, 5));
  add_date_field (text, _("Until"), column_text (stmt, 6));
  add_field (text, _("Note"), column_text (stmt, 7));

  return TRUE;
}

static gboolean
report_followups (BbStore   *store,
                  gint64     consultation_id,
                  GString   *text,
                  GError   **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = _bb_store_prepare (store,
                            "SELECT text, due_on, done_on FROM followup"
                            " WHERE consultation_id = ?1 ORDER BY id",
                            error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, consultation_id);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      add_field (text, _("Follow-up"), column_text (stmt, 0));
      add_date_field (text, _("Due"), column_text (stmt, 1));
      add_date_field (text, _("Done"), column_text (stmt, 2));
    }

  return step_error (store, rc, "Cannot read follow-ups", error);
}

/* One consultation: when, where, how, the topics, notes and follow-ups. The other people
 * consulted and the author are left out: they are other people's data. */
static gboolean
report_consultation (BbStore       *store,
                     sqlite3_stmt  *stmt,
                     gboolean       with_details,
                     GString       *text,
                     GError       **error)
{
  gint64 id = sqlite3_column_int64 (stmt, 0);
  g_autofree char *when = format_date (column_text (stmt, 1));

  add_subheading (text, when != NULL ? when : "");
  add_field (text, _("Shelter"), column_text (stmt, 4));
  if (with_details)
    {
      g_auto(GStrv) topics = bb_store_get_consultation_topics (store, id);
      g_autofree char *topic_list = g_strjoinv (", ", topics);
      g_autofree char *duration = NULL;

      if (sqlite3_column_type (stmt, 2) != SQLITE_NULL)
        /* Translators: the duration of a consultation */
        duration = g_strdup_printf (_("%d min"), sqlite3_column_int (stmt, 2));

      add_field (text, _("Duration"), duration);
      add_field (text, _("Format"), bb_codes_label (BB_CODES_CONSULTATION_FORMAT,
                                                    column_text (stmt, 3)));
      add_field (text, _("Topics"), topic_list);
    }
  add_field (text, _("Notes"), column_text (stmt, 5));

  if (with_details)
    return report_followups (store, id, text, error);

  return TRUE;
}

#define CONSULTATION_COLUMNS \
  "SELECT c.id, c.started_at, c.duration_minutes, c.format," \
  "  coalesce (s.name, c.former_shelter_name), c.notes" \
  " FROM consultation c LEFT JOIN shelter s ON s.id = c.shelter_id"

static gboolean
report_taken_part (BbStore       *store,
                   sqlite3_stmt  *stmt,
                   GString       *text,
                   GError       **error)
{
  return report_consultation (store, stmt, TRUE, text, error);
}

/* An event: title (column 0), date (column 1) and an attendance status (column 2, or NULL). */
static gboolean
report_event (BbStore       *store,
              sqlite3_stmt  *stmt,
              GString       *text,
              GError       **error)
{
  g_string_append_c (text, '\n');
  add_field (text, _("Event"), column_text (stmt, 0));
  add_date_field (text, _("Date"), column_text (stmt, 1));
  if (sqlite3_column_type (stmt, 2) == SQLITE_TEXT)
    add_field (text, _("Status"), bb_codes_label (BB_CODES_ATTENDANCE, column_text (stmt, 2)));

  return TRUE;
}

static gboolean
report_links (BbStore   *store,
              gint64     person_id,
              GString   *text,
              GError   **error)
{
  return report_section (store, _("Roles in Shelters"),
                         "SELECT s.name, ps.role, ps.since, ps.until FROM person_shelter ps"
                         " JOIN shelter s ON s.id = ps.shelter_id"
                         " WHERE ps.person_id = ?1 ORDER BY s.name, ps.role",
                         person_id, report_role, text, error)
         && report_section (store, _("Links"),
                            "SELECT from_person_id, from_organisation_id, to_person_id,"
                            "  to_organisation_id, kind, since, until, note FROM relation"
                            " WHERE from_person_id = ?1 OR to_person_id = ?1 ORDER BY id",
                            person_id, report_relation, text, error)
         && report_section (store, _("Consultations Taken Part In"),
                            CONSULTATION_COLUMNS
                            " JOIN consultation_person cp ON cp.consultation_id = c.id"
                            " WHERE cp.person_id = ?1 ORDER BY c.started_at, c.id",
                            person_id, report_taken_part, text, error)
         && report_section (store, _("Invitations"),
                            "SELECT e.title, e.starts_at, NULL FROM event_invitee i"
                            " JOIN event e ON e.id = i.event_id"
                            " WHERE i.person_id = ?1 ORDER BY e.starts_at, e.id",
                            person_id, report_event, text, error)
         && report_section (store, _("Attendance"),
                            "SELECT e.title, a.occurrence, a.status FROM attendance a"
                            " JOIN event e ON e.id = a.event_id"
                            " WHERE a.person_id = ?1 ORDER BY a.occurrence, e.id",
                            person_id, report_event, text, error)
         && report_section (store, _("Events Organised"),
                            "SELECT title, starts_at, NULL FROM event"
                            " WHERE organiser_id = ?1 ORDER BY starts_at, id",
                            person_id, report_event, text, error);
}

typedef struct
{
  GString *text;
  guint    n;
} DraftReport;

static gboolean
report_draft (BbStore     *store,
              gint64       draft_id,
              const char  *kind,
              gint64       record_id,
              GVariant    *content,
              const char  *updated_at,
              gpointer     user_data,
              GError     **error)
{
  DraftReport *report = user_data;
  g_autofree char *changed = format_date (updated_at != NULL ? updated_at : "");
  const char *notes = NULL;

  add_subheading (report->text, g_strcmp0 (kind, BB_DRAFT_CONSULTATION) == 0
                                ? _("Unsaved consultation") : _("Unsaved entry"));
  add_field (report->text, _("Last changed"), changed);
  if (g_variant_lookup (content, "notes", "&s", &notes))
    add_field (report->text, _("Notes"), notes);
  report->n++;

  return TRUE;
}

static gboolean
report_drafts (BbStore   *store,
               gint64     person_id,
               GString   *text,
               GError   **error)
{
  DraftReport report = { text, 0 };

  add_heading (text, _("Unsaved Drafts"));
  if (!foreach_draft_naming (store, person_id, report_draft, &report, error))
    return FALSE;
  if (report.n == 0)
    add_none (text);

  return TRUE;
}

static gboolean
report_mentions (BbStore   *store,
                 gint64     person_id,
                 GString   *text,
                 GError   **error)
{
  g_autoptr(GPtrArray) mentions = NULL;
  guint n = 0;

  mentions = bb_privacy_list_mentions (store, person_id, error);
  if (mentions == NULL)
    return FALSE;

  add_heading (text, _("Other Consultations Whose Notes Mention the Name"));
  g_string_append (text, _("The person did not take part in these consultations, but the notes "
                           "contain their given or family name. Check them before passing this "
                           "on: they may be about someone else of the same name."));
  g_string_append_c (text, '\n');

  /* Oldest first, as the consultations above. */
  for (guint i = mentions->len; i > 0; i--)
    {
      BbPrivacyMention *mention = g_ptr_array_index (mentions, i - 1);
      g_autoptr(sqlite3_stmt) stmt = NULL;
      int rc;

      if (mention->linked)
        continue;

      stmt = _bb_store_prepare (store, CONSULTATION_COLUMNS " WHERE c.id = ?1", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, mention->consultation_id);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          if (!report_consultation (store, stmt, FALSE, text, error))
            return FALSE;
          n++;
        }
      else if (!step_error (store, rc, "Cannot read consultations", error))
        {
          return FALSE;
        }
    }
  if (n == 0)
    add_none (text);

  return TRUE;
}

char *
bb_privacy_dup_person_report (BbStore     *store,
                              gint64       person_id,
                              const char  *today,
                              GError     **error)
{
  g_autoptr(BbPerson) person = NULL;
  g_autoptr(GString) text = NULL;
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;
  g_autofree char *date = NULL;

  g_return_val_if_fail (BB_IS_STORE (store), NULL);
  g_return_val_if_fail (today != NULL, NULL);

  person = get_person (store, person_id, error);
  if (person == NULL)
    return NULL;

  name = bb_record_dup_label (BB_RECORD (person));
  date = format_date (today);
  text = g_string_new (NULL);

  /* Translators: the title of the personal data export; %s is the person's name */
  title = g_strdup_printf (_("Personal data stored about %s"), name != NULL ? name : "");
  g_string_append_printf (text, "%s\n", title);
  g_string_append (text, _("Information under Art. 15 GDPR from the Brückenbuch database of the "
                           "Beratungsforum Engagement"));
  g_string_append_c (text, '\n');
  add_field (text, _("Date of export"), date);

  if (!report_person (store, person, text)
      || !report_links (store, person_id, text, error)
      || !report_drafts (store, person_id, text, error)
      || !report_mentions (store, person_id, text, error))
    return NULL;

  return g_string_free (g_steal_pointer (&text), FALSE);
}

gboolean
bb_privacy_write_person_report (BbStore     *store,
                                gint64       person_id,
                                const char  *today,
                                const char  *path,
                                GError     **error)
{
  g_autofree char *text = NULL;

  g_return_val_if_fail (path != NULL, FALSE);

  text = bb_privacy_dup_person_report (store, person_id, today, error);
  if (text == NULL)
    return FALSE;

  return g_file_set_contents_full (path, text, -1, G_FILE_SET_CONTENTS_CONSISTENT, 0600, error);
}

/* Erasing ----------------------------------------------------------------------------------- */

/* Runs sql (no parameters) to its end. */
static gboolean
exec_sql (BbStore     *store,
          const char  *sql,
          const char  *what,
          GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = _bb_store_prepare (store, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    ;

  return step_error (store, rc, what, error);
}

/* FTS5 marks deleted rows and keeps their words in older segments until those are merged:
 * merging all of them into one drops the words of the deleted rows for good. */
static gboolean
purge_search_index (BbStore  *store,
                    GError  **error)
{
  return exec_sql (store, "INSERT INTO search_index (search_index) VALUES ('optimize')",
                   "Cannot rewrite the search index", error);
}

/* After a commit: moves the log into the database and empties it, so that the pages with the
 * deleted data are not kept in the -wal file. Readers may hold it back; that is no error. */
static void
truncate_log (BbStore *store)
{
  g_autoptr(GError) error = NULL;

  if (!exec_sql (store, "PRAGMA wal_checkpoint (TRUNCATE)", "Cannot checkpoint", &error))
    g_debug ("%s", error->message);
}

static gboolean
remove_from_draft (BbStore     *store,
                   gint64       draft_id,
                   const char  *kind,
                   gint64       record_id,
                   GVariant    *content,
                   const char  *updated_at,
                   gpointer     user_data,
                   GError     **error)
{
  gint64 person_id = *(gint64 *) user_data;
  g_autoptr(GVariant) without = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *text = NULL;

  if (!draft_names_person (content, person_id, &without))
    return TRUE;

  text = g_variant_print (without, TRUE);
  stmt = _bb_store_prepare (store, "UPDATE draft SET content = ?2 WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, draft_id);
  sqlite3_bind_text (stmt, 2, text, -1, SQLITE_STATIC);

  return step_error (store, sqlite3_step (stmt), "Cannot change draft", error);
}

gboolean
bb_privacy_erase_person (BbStore  *store,
                         gint64    person_id,
                         GError  **error)
{
  g_return_val_if_fail (BB_IS_STORE (store), FALSE);

  if (!bb_store_begin (store, error))
    return FALSE;

  /* The schema's cascades remove roles, links, participations, invitations and attendance;
   * an event keeps its place but loses its organiser. The drafts are ours to clean. */
  if (!foreach_draft_naming (store, person_id, remove_from_draft, &person_id, error)
      || !bb_store_delete (store, BB_TYPE_PERSON, person_id, error)
      || !purge_search_index (store, error))
    {
      bb_store_rollback (store);
      return FALSE;
    }

  if (!bb_store_commit (store, error))
    return FALSE;

  g_debug ("Erased person %" G_GINT64_FORMAT, person_id);
  truncate_log (store);

  return TRUE;
}

/* Retention --------------------------------------------------------------------------------- */

gboolean
bb_privacy_retention_cutoff (const char *today,
                             guint       years,
                             char        cutoff[11])
{
  GDate date;
  int year, month, day;

  g_return_val_if_fail (cutoff != NULL, FALSE);

  cutoff[0] = '\0';
  if (today == NULL || years == 0 || strlen (today) < 10)
    return FALSE;

  if (sscanf (today, "%4d-%2d-%2d", &year, &month, &day) != 3
      || !g_date_valid_dmy (day, month, year) || year <= (int) years)
    return FALSE;
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, day, month, year);

  /* GLib moves 29 February to 28 February of a year without it. */
  g_date_subtract_years (&date, years);
  g_snprintf (cutoff, 11, "%04d-%02d-%02d", g_date_get_year (&date), g_date_get_month (&date),
              g_date_get_day (&date));

  return TRUE;
}

#define EXPIRED "(SELECT id FROM consultation WHERE started_at < ?1)"

static gboolean
count_expired (BbStore     *store,
               const char  *cutoff,
               BbRetention *retention,
               GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = _bb_store_prepare (store,
                            "SELECT (SELECT count(*) FROM consultation WHERE started_at < ?1),"
                            "  (SELECT count(*) FROM followup WHERE consultation_id IN " EXPIRED "),"
                            "  (SELECT count(*) FROM consultation_person"
                            "    WHERE consultation_id IN " EXPIRED "),"
                            "  (SELECT count(*) FROM consultation_topic"
                            "    WHERE consultation_id IN " EXPIRED "),"
                            "  (SELECT count(*) FROM draft WHERE kind = ?2 AND record_id > 0"
                            "    AND record_id IN " EXPIRED ")",
                            error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, cutoff, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, BB_DRAFT_CONSULTATION, -1, SQLITE_STATIC);

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      _bb_store_set_error (store, error, rc, "Cannot count old consultations");
      return FALSE;
    }

  retention->n_consultations = (guint) sqlite3_column_int64 (stmt, 0);
  retention->n_followups = (guint) sqlite3_column_int64 (stmt, 1);
  retention->n_people = (guint) sqlite3_column_int64 (stmt, 2);
  retention->n_topics = (guint) sqlite3_column_int64 (stmt, 3);
  retention->n_drafts = (guint) sqlite3_column_int64 (stmt, 4);

  return TRUE;
}

static gboolean
retention_begin (const char  *today,
                 guint        years,
                 BbRetention *retention,
                 GError     **error)
{
  memset (retention, 0, sizeof *retention);

  if (!bb_privacy_retention_cutoff (today, years, retention->cutoff))
    {
      g_set_error (error, BB_STORE_ERROR, BB_STORE_ERROR_CONSTRAINT,
                   "No retention period: %u years before %s", years, today != NULL ? today : "");
      return FALSE;
    }

  return TRUE;
}

gboolean
bb_privacy_count_expired (BbStore     *store,
                          const char  *today,
                          guint        years,
                          BbRetention *retention,
                          GError     **error)
{
  g_return_val_if_fail (BB_IS_STORE (store), FALSE);
  g_return_val_if_fail (retention != NULL, FALSE);

  return retention_begin (today, years, retention, error)
         && count_expired (store, retention->cutoff, retention, error);
}

static gboolean
delete_expired (BbStore     *store,
                const char  *cutoff,
                GError     **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(sqlite3_stmt) drafts = NULL;

  {
    g_autoptr(sqlite3_stmt) stmt = _bb_store_prepare (store, "SELECT id FROM consultation"
                                                             " WHERE started_at < ?1", error);

    if (stmt == NULL)
      return FALSE;
    sqlite3_bind_text (stmt, 1, cutoff, -1, SQLITE_STATIC);
    if (!_bb_store_collect_ids (store, stmt, ids, "Cannot list old consultations", error))
      return FALSE;
  }

  /* The drafts have no foreign key: a draft of an edit of a deleted consultation would bring
   * its notes back. */
  drafts = _bb_store_prepare (store, "DELETE FROM draft WHERE kind = ?2 AND record_id > 0"
                                     " AND record_id IN " EXPIRED, error);
  if (drafts == NULL)
    return FALSE;
  sqlite3_bind_text (drafts, 1, cutoff, -1, SQLITE_STATIC);
  sqlite3_bind_text (drafts, 2, BB_DRAFT_CONSULTATION, -1, SQLITE_STATIC);
  if (!step_error (store, sqlite3_step (drafts), "Cannot delete drafts", error))
    return FALSE;

  /* One by one through the store, so that every view hears of the links that went too. */
  for (guint i = 0; i < ids->len; i++)
    if (!bb_store_delete (store, BB_TYPE_CONSULTATION, g_array_index (ids, gint64, i), error))
      return FALSE;

  return TRUE;
}

gboolean
bb_privacy_delete_expired (BbStore     *store,
                           const char  *today,
                           guint        years,
                           BbRetention *retention,
                           GError     **error)
{
  BbRetention counted;

  g_return_val_if_fail (BB_IS_STORE (store), FALSE);

  if (!retention_begin (today, years, &counted, error))
    return FALSE;

  if (!bb_store_begin (store, error))
    return FALSE;

  if (!count_expired (store, counted.cutoff, &counted, error)
      || !delete_expired (store, counted.cutoff, error)
      || (counted.n_consultations > 0 && !purge_search_index (store, error)))
    {
      bb_store_rollback (store);
      return FALSE;
    }

  if (!bb_store_commit (store, error))
    return FALSE;

  g_debug ("Deleted %u consultations older than %u years", counted.n_consultations, years);
  if (counted.n_consultations > 0)
    truncate_log (store);

  if (retention != NULL)
    *retention = counted;

  return TRUE;
}
