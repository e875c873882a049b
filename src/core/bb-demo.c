/* bb-demo.c
 *
 * Copyright 2026 The Brückenbuch authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bb-demo"

#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "bb-core.h"
#include "bb-demo-names.h"
#include "bb-store-private.h"

/* The sizes at scale 1, the BfE's real size. */
#define TARGET_SHELTERS       110
#define TARGET_PEOPLE         1500
#define TARGET_ORGANISATIONS  400
#define TARGET_CONSULTATIONS  4000
#define TARGET_EVENTS         300

#define UID_DOMAIN "brueckenbuch.example"

/* A PRNG of our own (xoshiro256**, seeded by splitmix64) so that the same seed gives the same
 * data on every platform and GLib version; g_random's sequence is not promised to stay. */
typedef struct
{
  guint64 s[4];
} Rng;

static guint64
splitmix64 (guint64 *x)
{
  guint64 z = (*x += G_GUINT64_CONSTANT (0x9e3779b97f4a7c15));

  z = (z ^ (z >> 30)) * G_GUINT64_CONSTANT (0xbf58476d1ce4e5b9);
  z = (z ^ (z >> 27)) * G_GUINT64_CONSTANT (0x94d049bb133111eb);

  return z ^ (z >> 31);
}

static void
rng_init (Rng     *rng,
          guint32  seed)
{
  guint64 x = G_GUINT64_CONSTANT (0x42726fc3bc636b65) ^ seed;

  for (guint i = 0; i < 4; i++)
    rng->s[i] = splitmix64 (&x);
}

static inline guint64
rotl (guint64 x,
      int     k)
{
  return (x << k) | (x >> (64 - k));
}

static guint64
rng_next (Rng *rng)
{
  guint64 *s = rng->s;
  guint64 result = rotl (s[1] * 5, 7) * 9;
  guint64 t = s[1] << 17;

  s[2] ^= s[0];
  s[3] ^= s[1];
  s[1] ^= s[2];
  s[0] ^= s[3];
  s[2] ^= t;
  s[3] = rotl (s[3], 45);

  return result;
}

/* 0 <= result < n */
static guint
rng_int (Rng   *rng,
         guint  n)
{
  g_assert (n > 0);

  return (guint) (((rng_next (rng) >> 32) * (guint64) n) >> 32);
}

/* lo <= result <= hi */
static int
rng_range (Rng *rng,
           int  lo,
           int  hi)
{
  g_assert (hi >= lo);

  return lo + (int) rng_int (rng, (guint) (hi - lo + 1));
}

static double
rng_double (Rng *rng)
{
  return (rng_next (rng) >> 11) * (1.0 / 9007199254740992.0);
}

static gboolean
rng_chance (Rng    *rng,
            double  p)
{
  return rng_double (rng) < p;
}

/* An index chosen by weights. */
static guint
rng_weighted (Rng       *rng,
              const int *weights,
              guint      n)
{
  int total = 0;
  int r;

  for (guint i = 0; i < n; i++)
    total += weights[i];

  r = (int) rng_int (rng, (guint) total);
  for (guint i = 0; i < n; i++)
    {
      if (r < weights[i])
        return i;
      r -= weights[i];
    }

  return n - 1;
}

#define PICK(rng, array) ((array)[rng_int ((rng), G_N_ELEMENTS (array))])

static guint
strv_len (const char * const *strv)
{
  guint n = 0;

  while (strv[n] != NULL)
    n++;

  return n;
}

static const char *
pick_strv (Rng                *rng,
           const char * const *strv)
{
  return strv[rng_int (rng, strv_len (strv))];
}

typedef struct
{
  gint64  id;
  gint64  operator_id;
  guint   district;
  guint   region;
  guint32 opened;         /* Julian day, 0 if unknown */
  guint32 closed;         /* Julian day, 0 if still open */
  gint64  coordination;   /* person ids, 0 if nobody has the role */
  gint64  management;
  gint64  social_work;
} DemoShelter;

typedef struct
{
  gint64 id;
  guint  kind;            /* index into BB_CODES_ORGANISATION_KIND */
  guint  district;
  guint  region;
} DemoOrganisation;

typedef struct
{
  BbStore        *store;
  double          scale;
  Rng             rng;

  guint32         today;  /* the reference date, Julian */
  guint32         first;  /* two years before it */

  guint           n_regions;
  gint64         *region_ids;
  char          **region_names;

  guint           n_districts;
  gint64         *district_ids;
  guint          *district_regions;
  const BbDemoDistrict **district_data;
  int            *district_weights;

  GArray         *organisations;      /* DemoOrganisation */
  GArray         *operators;          /* indices into organisations */
  GArray         *alliances;
  GArray         *shelters;           /* DemoShelter */
  GArray        **region_shelters;    /* per region: indices into shelters */
  GArray        **region_people;      /* per region: person ids other than shelter staff */
  gint64         *coordinators;       /* per region: the BfE's regional coordinator */
  char          **coordinator_names;
  gint64          bfe_id;

  GHashTable     *used_names;         /* shelter and organisation names, e-mail addresses */

  guint           n_shelters;
  guint           n_people;
  guint           n_organisations;
  guint           n_consultations;
  guint           n_events;
  guint           n_people_made;

  BbDemoProgress  progress;
  gpointer        progress_data;
  guint64         work_done;
  guint64         work_total;
  guint64         next_report;
} Gen;

static void
gen_free (Gen *gen)
{
  for (guint r = 0; r < gen->n_regions; r++)
    {
      if (gen->region_shelters != NULL)
        g_clear_pointer (&gen->region_shelters[r], g_array_unref);
      if (gen->region_people != NULL)
        g_clear_pointer (&gen->region_people[r], g_array_unref);
    }
  g_free (gen->region_shelters);
  g_free (gen->region_people);
  g_free (gen->region_ids);
  g_strfreev (gen->region_names);
  g_strfreev (gen->coordinator_names);
  g_free (gen->coordinators);
  g_free (gen->district_ids);
  g_free (gen->district_regions);
  g_free (gen->district_data);
  g_free (gen->district_weights);
  g_clear_pointer (&gen->organisations, g_array_unref);
  g_clear_pointer (&gen->operators, g_array_unref);
  g_clear_pointer (&gen->alliances, g_array_unref);
  g_clear_pointer (&gen->shelters, g_array_unref);
  g_clear_pointer (&gen->used_names, g_hash_table_unref);
  g_free (gen);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Gen, gen_free)

static void
gen_work (Gen     *gen,
          guint64  units)
{
  gen->work_done += units;

  if (gen->progress != NULL && gen->work_done >= gen->next_report)
    {
      gen->progress (MIN (1.0, (double) gen->work_done / (double) gen->work_total),
                     gen->progress_data);
      gen->next_report = gen->work_done + MAX (1, gen->work_total / 200);
    }
}

static guint
scaled (double scale,
        guint  target)
{
  return (guint) MAX (1.0, floor (scale * target + 0.5));
}

/* Dates */

static void
format_date (guint32  julian,
             char     out[11])
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, julian);
  g_snprintf (out, 11, "%04u-%02u-%02u",
              (guint) g_date_get_year (&date), (guint) g_date_get_month (&date),
              (guint) g_date_get_day (&date));
}

static void
format_date_time (guint32  julian,
                  int      hour,
                  int      minute,
                  char     out[17])
{
  char day[11];

  format_date (julian, day);
  g_snprintf (out, 17, "%sT%02d:%02d", day, hour, minute);
}

static gboolean
is_weekend (guint32 julian)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, julian);

  return g_date_get_weekday (&date) >= G_DATE_SATURDAY;
}

/* A working day between first and last (inclusive); a weekend day only if there is none. */
static guint32
random_workday (Gen     *gen,
                guint32  first,
                guint32  last)
{
  guint32 day = first;

  for (guint attempt = 0; attempt < 8; attempt++)
    {
      day = first + rng_int (&gen->rng, last - first + 1);
      if (!is_weekend (day))
        break;
    }

  return day;
}

/* The Julian day of the nth (1-based) weekday of a month. */
static guint32
nth_weekday (GDateYear    year,
             GDateMonth   month,
             guint        n,
             GDateWeekday weekday)
{
  GDate date;
  int offset;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 1, month, year);
  offset = ((int) weekday - (int) g_date_get_weekday (&date) + 7) % 7;

  return g_date_get_julian (&date) + (guint32) offset + 7 * (n - 1);
}

/* Text helpers */

/* Lower-case ASCII for e-mail addresses and web names: umlauts the German way, the rest by
 * GLib's C-locale transliteration (the same in every locale), anything else becomes sep. */
static char *
ascii_slug (const char *text,
            char        sep)
{
  static const struct { const char *from, *to; } german[] = {
    { "ä", "ae" }, { "ö", "oe" }, { "ü", "ue" }, { "Ä", "Ae" }, { "Ö", "Oe" }, { "Ü", "Ue" },
    { "ß", "ss" },
    /* Letters GLib's transliteration does not know. */
    { "Đ", "D" }, { "đ", "d" }, { "ı", "i" },
  };
  g_autoptr(GString) replaced = g_string_new (text);
  g_autofree char *ascii = NULL;
  GString *slug;
  gboolean pending_sep = FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (german); i++)
    g_string_replace (replaced, german[i].from, german[i].to, 0);

  ascii = g_str_to_ascii (replaced->str, "C");
  slug = g_string_sized_new (strlen (ascii));

  for (const char *p = ascii; *p != '\0'; p++)
    {
      if (g_ascii_isalnum (*p))
        {
          if (pending_sep && slug->len > 0)
            g_string_append_c (slug, sep);
          pending_sep = FALSE;
          g_string_append_c (slug, g_ascii_tolower (*p));
        }
      else
        pending_sep = TRUE;
    }

  return g_string_free (slug, FALSE);
}

/* A host or mailbox name from an organisation's or shelter's name: without the legal form and
 * cut at a word boundary, as people would choose it. */
static char *
name_slug (const char *name)
{
  static const char * const legal_forms[] = { "-e-v", "-ggmbh", "-gmbh", "-gug" };
  char *slug = ascii_slug (name, '-');
  gsize len = strlen (slug);

  for (guint i = 0; i < G_N_ELEMENTS (legal_forms); i++)
    if (g_str_has_suffix (slug, legal_forms[i]))
      {
        len -= strlen (legal_forms[i]);
        slug[len] = '\0';
      }

  while (len > 32)
    {
      char *dash = strrchr (slug, '-');

      if (dash == NULL || dash == slug)
        {
          slug[32] = '\0';
          break;
        }
      *dash = '\0';
      len = (gsize) (dash - slug);
    }

  return slug;
}

/* The word lists hold patterns with one %s; filled by hand so that the compiler need not trust
 * a format string that is not a literal. */
static char *
fill_pattern (const char *pattern,
              const char *value)
{
  GString *filled = g_string_new (pattern);

  g_string_replace (filled, "%s", value, 1);

  return g_string_free (filled, FALSE);
}

/* name itself if no shelter or organisation has it yet, else name with a number. */
static char *
unique_name (Gen        *gen,
             const char *name)
{
  char *candidate = g_strdup (name);

  for (guint n = 2; g_hash_table_contains (gen->used_names, candidate); n++)
    {
      g_free (candidate);
      candidate = g_strdup_printf ("%s %u", name, n);
    }

  g_hash_table_add (gen->used_names, g_strdup (candidate));

  return candidate;
}

static char *
make_phone (Gen *gen)
{
  /* The Bundesnetzagentur keeps 030 23125 000–999 free for fiction. */
  return g_strdup_printf ("030 23125%03u", rng_int (&gen->rng, 1000));
}

static char *
make_house_number (Gen *gen)
{
  int number = rng_range (&gen->rng, 1, 180);

  if (rng_chance (&gen->rng, 0.1))
    return g_strdup_printf ("%d%c", number, 'a' + rng_int (&gen->rng, 3));

  return g_strdup_printf ("%d", number);
}

static char *
make_street (Gen        *gen,
             const char *street)
{
  g_autofree char *number = make_house_number (gen);

  return g_strdup_printf ("%s %s", street, number);
}

static const char *
random_domain (Gen *gen)
{
  static const char * const domains[] = { "example.org", "example.com", "example.net" };

  return PICK (&gen->rng, domains);
}

/* local@domain, numbered if the address is taken. */
static char *
unique_email (Gen        *gen,
              const char *local,
              const char *domain)
{
  char *address = g_strdup_printf ("%s@%s", local, domain);

  for (guint n = 2; g_hash_table_contains (gen->used_names, address); n++)
    {
      g_free (address);
      address = g_strdup_printf ("%s%u@%s", local, n, domain);
    }

  g_hash_table_add (gen->used_names, g_strdup (address));

  return address;
}

static const char *
random_kiez (Gen   *gen,
             guint  district)
{
  return pick_strv (&gen->rng, gen->district_data[district]->kieze);
}

static guint
random_district (Gen *gen)
{
  return rng_weighted (&gen->rng, gen->district_weights, gen->n_districts);
}

static guint
random_district_in_region (Gen   *gen,
                           guint  region)
{
  for (guint attempt = 0; attempt < 32; attempt++)
    {
      guint district = rng_int (&gen->rng, gen->n_districts);

      if (gen->district_regions[district] == region)
        return district;
    }

  return rng_int (&gen->rng, gen->n_districts);
}

/* Regions and districts as the store has them */

static int
compare_records_by_id (gconstpointer a,
                       gconstpointer b)
{
  gint64 id_a = bb_record_get_id (*(BbRecord **) a);
  gint64 id_b = bb_record_get_id (*(BbRecord **) b);

  return (id_a > id_b) - (id_a < id_b);
}

static GPtrArray *
list_sorted (BbStore *store,
             GType    type)
{
  g_autoptr(GListModel) list = bb_store_list (store, type);
  GPtrArray *records = g_ptr_array_new_with_free_func (g_object_unref);
  guint n = list != NULL ? g_list_model_get_n_items (list) : 0;

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (records, g_list_model_get_item (list, i));

  g_ptr_array_sort (records, compare_records_by_id);

  return records;
}

static gboolean
load_places (Gen     *gen,
             GError **error)
{
  g_autoptr(GPtrArray) regions = list_sorted (gen->store, BB_TYPE_REGION);
  g_autoptr(GPtrArray) districts = list_sorted (gen->store, BB_TYPE_DISTRICT);

  if (regions->len == 0 || districts->len == 0)
    {
      g_set_error_literal (error, BB_STORE_ERROR, BB_STORE_ERROR_FAILED,
                           "The database has no regions or districts");
      return FALSE;
    }

  gen->n_regions = regions->len;
  gen->region_ids = g_new0 (gint64, regions->len);
  gen->region_names = g_new0 (char *, regions->len + 1);
  for (guint r = 0; r < regions->len; r++)
    {
      BbRegion *region = g_ptr_array_index (regions, r);

      gen->region_ids[r] = bb_record_get_id (BB_RECORD (region));
      gen->region_names[r] = g_strdup (bb_region_get_name (region));
    }

  gen->n_districts = districts->len;
  gen->district_ids = g_new0 (gint64, districts->len);
  gen->district_regions = g_new0 (guint, districts->len);
  gen->district_data = g_new0 (const BbDemoDistrict *, districts->len);
  gen->district_weights = g_new0 (int, districts->len);
  for (guint d = 0; d < districts->len; d++)
    {
      BbDistrict *district = g_ptr_array_index (districts, d);
      const char *name = bb_district_get_name (district);

      gen->district_ids[d] = bb_record_get_id (BB_RECORD (district));

      for (guint r = 0; r < gen->n_regions; r++)
        if (gen->region_ids[r] == bb_district_get_region_id (district))
          gen->district_regions[d] = r;

      /* A renamed or added district borrows the streets of one of the twelve. */
      gen->district_data[d] = &bb_demo_districts[d % G_N_ELEMENTS (bb_demo_districts)];
      for (guint k = 0; k < G_N_ELEMENTS (bb_demo_districts); k++)
        if (g_strcmp0 (bb_demo_districts[k].name, name) == 0)
          gen->district_data[d] = &bb_demo_districts[k];

      gen->district_weights[d] = gen->district_data[d]->weight;
    }

  gen->region_shelters = g_new0 (GArray *, gen->n_regions);
  gen->region_people = g_new0 (GArray *, gen->n_regions);
  for (guint r = 0; r < gen->n_regions; r++)
    {
      gen->region_shelters[r] = g_array_new (FALSE, FALSE, sizeof (guint));
      gen->region_people[r] = g_array_new (FALSE, FALSE, sizeof (gint64));
    }

  return TRUE;
}

/* Organisations */

enum {
  ORG_OPERATOR,
  ORG_ALLIANCE,
  ORG_SELF_ORGANISATION,
  ORG_PROJECT,
  ORG_ADMINISTRATION,
  ORG_DISTRICT_OFFICE,
  ORG_VOLUNTEER_AGENCY,
  ORG_OTHER,
  N_ORG_KINDS
};

/* How many of each kind at scale 1; they add up to TARGET_ORGANISATIONS. */
static const guint org_kind_targets[N_ORG_KINDS] = { 40, 60, 70, 100, 20, 24, 26, 60 };

static char *
make_organisation_name (Gen   *gen,
                        guint  kind,
                        guint  district,
                        guint  index)
{
  Rng *rng = &gen->rng;
  const char *kiez = random_kiez (gen, district);

  switch (kind)
    {
    case ORG_OPERATOR:
      return g_strdup_printf ("%s %s %s", PICK (rng, bb_demo_operator_words),
                              PICK (rng, bb_demo_operator_places), PICK (rng, bb_demo_legal_forms));

    case ORG_ALLIANCE:
      return fill_pattern (PICK (rng, bb_demo_alliance_patterns), kiez);

    case ORG_SELF_ORGANISATION:
      return g_strdup_printf ("%s %s %s e. V.", PICK (rng, bb_demo_selforg_adjectives),
                              PICK (rng, bb_demo_selforg_nouns), kiez);

    case ORG_PROJECT:
      return fill_pattern (PICK (rng, bb_demo_project_patterns), kiez);

    case ORG_ADMINISTRATION:
      return g_strdup_printf ("%s – %s", PICK (rng, bb_demo_admin_units),
                              PICK (rng, bb_demo_admin_sections));

    case ORG_DISTRICT_OFFICE:
      return g_strdup_printf ("Bezirksamt %s – %s", gen->district_data[district]->name,
                              bb_demo_district_office_units[(index / gen->n_districts)
                                                            % G_N_ELEMENTS (bb_demo_district_office_units)]);

    case ORG_VOLUNTEER_AGENCY:
      return fill_pattern (PICK (rng, bb_demo_agency_patterns), kiez);

    case ORG_OTHER:
    default:
      return fill_pattern (PICK (rng, bb_demo_other_patterns), kiez);
    }
}

static gboolean
insert_organisation (Gen         *gen,
                     guint        kind,
                     guint        district,
                     const char  *name,
                     GError     **error)
{
  g_autoptr(BbOrganisation) org = bb_organisation_new ();
  const BbDemoDistrict *data = gen->district_data[district];
  g_autofree char *slug = name_slug (name);
  g_autofree char *street = make_street (gen, pick_strv (&gen->rng, data->streets));
  g_autofree char *phone = make_phone (gen);
  g_autofree char *host = NULL;
  g_autofree char *email = NULL;
  g_autofree char *web = NULL;
  DemoOrganisation demo = { 0, };
  guint index;

  host = g_strdup_printf ("%s.%s", slug, random_domain (gen));
  email = unique_email (gen, "kontakt", host);
  web = g_strdup_printf ("https://%s", host);

  bb_organisation_set_name (org, name);
  bb_organisation_set_kind (org, bb_codes_list (BB_CODES_ORGANISATION_KIND)[kind]);
  bb_organisation_set_street (org, street);
  bb_organisation_set_postcode (org, pick_strv (&gen->rng, data->postcodes));
  bb_organisation_set_city (org, "Berlin");
  bb_organisation_set_district_id (org, gen->district_ids[district]);
  if (rng_chance (&gen->rng, 0.8))
    bb_organisation_set_phone (org, phone);
  if (rng_chance (&gen->rng, 0.9))
    bb_organisation_set_email (org, email);
  if (rng_chance (&gen->rng, 0.6))
    bb_organisation_set_web (org, web);
  if (rng_chance (&gen->rng, 0.15))
    bb_organisation_set_notes (org, PICK (&gen->rng, bb_demo_org_notes));

  if (!bb_store_insert (gen->store, BB_RECORD (org), error))
    return FALSE;

  demo.id = bb_record_get_id (BB_RECORD (org));
  demo.kind = kind;
  demo.district = district;
  demo.region = gen->district_regions[district];
  g_array_append_val (gen->organisations, demo);

  index = gen->organisations->len - 1;
  if (kind == ORG_OPERATOR)
    g_array_append_val (gen->operators, index);
  else if (kind == ORG_ALLIANCE)
    g_array_append_val (gen->alliances, index);

  gen_work (gen, 1);

  return TRUE;
}

static gboolean
generate_organisations (Gen     *gen,
                        double   scale,
                        GError **error)
{
  g_autoptr(BbOrganisation) bfe = bb_organisation_new ();
  guint counts[N_ORG_KINDS];
  guint total = 1;

  /* The advisers' own office; its people write the consultations. */
  bb_organisation_set_name (bfe, "Beratungsforum Engagement (BfE)");
  bb_organisation_set_kind (bfe, "other");
  bb_organisation_set_city (bfe, "Berlin");
  bb_organisation_set_email (bfe, "kontakt@bfe.example.org");
  bb_organisation_set_web (bfe, "https://bfe.example.org");
  if (!bb_store_insert (gen->store, BB_RECORD (bfe), error))
    return FALSE;
  gen->bfe_id = bb_record_get_id (BB_RECORD (bfe));
  g_hash_table_add (gen->used_names, g_strdup ("Beratungsforum Engagement (BfE)"));

  for (guint k = 0; k < N_ORG_KINDS; k++)
    {
      counts[k] = scaled (scale, org_kind_targets[k]);
      total += counts[k];
    }

  /* The BfE counts as one of the "other" organisations, and small scales round up. */
  while (total > gen->n_organisations && counts[ORG_OTHER] > 0)
    {
      counts[ORG_OTHER]--;
      total--;
    }
  for (guint k = N_ORG_KINDS; total > gen->n_organisations && k > 0; k--)
    while (total > gen->n_organisations && counts[k - 1] > 0)
      {
        counts[k - 1]--;
        total--;
      }
  counts[ORG_PROJECT] += gen->n_organisations > total ? gen->n_organisations - total : 0;

  for (guint k = 0; k < N_ORG_KINDS; k++)
    for (guint i = 0; i < counts[k]; i++)
      {
        guint district = k == ORG_DISTRICT_OFFICE ? i % gen->n_districts : random_district (gen);
        g_autofree char *base = make_organisation_name (gen, k, district, i);
        g_autofree char *name = NULL;

        /* A second draw usually finds a free name before numbering. */
        if (g_hash_table_contains (gen->used_names, base) && k != ORG_DISTRICT_OFFICE)
          {
            g_free (base);
            base = make_organisation_name (gen, k, district, i);
          }
        name = unique_name (gen, base);

        if (!insert_organisation (gen, k, district, name, error))
          return FALSE;
      }

  return TRUE;
}

/* Shelters */

static const int shelter_kind_weights[] = { 55, 8, 10, 20, 10, 7 };
static const int shelter_capacity[][2] = {
  { 150, 600 }, { 300, 1000 }, { 50, 400 }, { 200, 450 }, { 150, 400 }, { 20, 120 },
};

static gboolean
generate_shelters (Gen     *gen,
                   GError **error)
{
  Rng *rng = &gen->rng;

  for (guint i = 0; i < gen->n_shelters; i++)
    {
      g_autoptr(BbShelter) shelter = bb_shelter_new ();
      guint kind = rng_weighted (rng, shelter_kind_weights, G_N_ELEMENTS (shelter_kind_weights));
      guint district = random_district (gen);
      const BbDemoDistrict *data = gen->district_data[district];
      const char *street = pick_strv (rng, data->streets);
      const char *place = rng_chance (rng, 0.7) ? street : random_kiez (gen, district);
      g_autofree char *base = g_strdup_printf ("%s %s", bb_demo_shelter_prefixes[kind][rng_int (rng, 3)],
                                               place);
      g_autofree char *name = unique_name (gen, base);
      g_autofree char *address = make_street (gen, street);
      g_autofree char *phone = make_phone (gen);
      g_autofree char *slug = name_slug (name);
      g_autofree char *email = NULL;
      char opened[11], closed[11];
      DemoShelter demo = { 0, };
      int capacity;
      double status = rng_double (rng);

      email = unique_email (gen, slug, "example.net");

      capacity = rng_range (rng, shelter_capacity[kind][0], shelter_capacity[kind][1]) / 10 * 10;

      bb_shelter_set_name (shelter, name);
      bb_shelter_set_kind (shelter, bb_codes_list (BB_CODES_SHELTER_TYPE)[kind]);
      if (gen->operators->len > 0 && rng_chance (rng, 0.97))
        {
          guint op = g_array_index (gen->operators, guint, rng_int (rng, gen->operators->len));

          demo.operator_id = g_array_index (gen->organisations, DemoOrganisation, op).id;
          bb_shelter_set_operator_id (shelter, demo.operator_id);
        }
      bb_shelter_set_street (shelter, address);
      bb_shelter_set_postcode (shelter, pick_strv (rng, data->postcodes));
      bb_shelter_set_district_id (shelter, gen->district_ids[district]);
      bb_shelter_set_capacity (shelter, capacity);

      if (status < 0.06)
        {
          demo.opened = gen->today + rng_range (rng, 30, 365);
          bb_shelter_set_status (shelter, "planned");
          bb_shelter_set_residents (shelter, 0);
        }
      else if (status < 0.14)
        {
          demo.opened = gen->today - rng_range (rng, 1500, 3650);
          demo.closed = gen->today - rng_range (rng, 30, 700);
          bb_shelter_set_status (shelter, "closed");
          bb_shelter_set_residents (shelter, 0);
          format_date (demo.closed, closed);
          bb_shelter_set_closed_on (shelter, closed);
        }
      else
        {
          demo.opened = gen->today - rng_range (rng, 60, 3650);
          bb_shelter_set_status (shelter, "open");
          bb_shelter_set_residents (shelter, (int) (capacity * (0.55 + 0.45 * rng_double (rng))));
        }
      format_date (demo.opened, opened);
      bb_shelter_set_opened_on (shelter, opened);

      if (rng_chance (rng, 0.9))
        bb_shelter_set_phone (shelter, phone);
      if (rng_chance (rng, 0.9))
        bb_shelter_set_email (shelter, email);
      if (rng_chance (rng, 0.3))
        bb_shelter_set_notes (shelter, PICK (rng, bb_demo_shelter_notes));

      if (!bb_store_insert (gen->store, BB_RECORD (shelter), error))
        return FALSE;

      demo.id = bb_record_get_id (BB_RECORD (shelter));
      demo.district = district;
      demo.region = gen->district_regions[district];
      g_array_append_val (gen->shelters, demo);
      g_array_append_val (gen->region_shelters[demo.region], i);

      gen_work (gen, 1);
    }

  return TRUE;
}

/* People */

typedef enum
{
  PERSON_COORDINATOR,
  PERSON_STAFF,
  PERSON_CONTACT,
  PERSON_VOLUNTEER,
} PersonSort;

static gboolean
insert_person (Gen         *gen,
               PersonSort   sort,
               const char  *function,
               gint64       organisation_id,
               char       **full_name,
               gint64      *id,
               GError     **error)
{
  Rng *rng = &gen->rng;
  g_autoptr(BbPerson) person = bb_person_new ();
  const BbDemoGivenName *given = &PICK (rng, bb_demo_given_names);
  const char *family = PICK (rng, bb_demo_family_names);
  g_autofree char *given_slug = ascii_slug (given->name, '-');
  g_autofree char *family_slug = ascii_slug (family, '-');
  g_autofree char *local = g_strdup_printf ("%s.%s", given_slug, family_slug);
  g_autofree char *email = NULL;
  g_autofree char *phone = make_phone (gen);
  double email_chance = sort == PERSON_VOLUNTEER ? 0.8 : 0.95;
  double phone_chance = sort == PERSON_VOLUNTEER ? 0.5 : 0.8;

  bb_person_set_given_name (person, given->name);
  bb_person_set_family_name (person, family);

  if (rng_chance (rng, 0.15))
    {
      if (given->gender == 'f')
        bb_person_set_pronouns (person, PICK (rng, bb_demo_pronouns_f));
      else if (given->gender == 'm')
        bb_person_set_pronouns (person, PICK (rng, bb_demo_pronouns_m));
      else
        bb_person_set_pronouns (person, PICK (rng, bb_demo_pronouns_n));
    }

  bb_person_set_function (person, function);
  bb_person_set_organisation_id (person, organisation_id);

  if (sort == PERSON_COORDINATOR)
    email = unique_email (gen, local, "bfe.example.org");
  else
    email = unique_email (gen, local, random_domain (gen));
  if (sort == PERSON_COORDINATOR || rng_chance (rng, email_chance))
    bb_person_set_email (person, email);
  if (sort == PERSON_COORDINATOR || rng_chance (rng, phone_chance))
    bb_person_set_phone (person, phone);

  if (rng_chance (rng, 0.7))
    {
      g_autoptr(GString) languages = g_string_new ("Deutsch");
      guint n = rng_int (rng, 4);
      guint first = rng_int (rng, G_N_ELEMENTS (bb_demo_languages));

      /* Consecutive entries of the list are distinct and still varied enough. */
      for (guint i = 0; i < n; i++)
        g_string_append_printf (languages, ", %s",
                                bb_demo_languages[(first + i * 3) % G_N_ELEMENTS (bb_demo_languages)]);
      bb_person_set_languages (person, languages->str);
    }

  if (!bb_store_insert (gen->store, BB_RECORD (person), error))
    return FALSE;

  *id = bb_record_get_id (BB_RECORD (person));
  if (full_name != NULL)
    *full_name = g_strdup_printf ("%s %s", given->name, family);
  gen->n_people_made++;
  gen_work (gen, 1);

  return TRUE;
}

static gboolean
insert_role (Gen         *gen,
             gint64       person_id,
             DemoShelter *shelter,
             const char  *role,
             GError     **error)
{
  g_autoptr(BbPersonShelter) link = bb_person_shelter_new ();
  guint32 since = MAX (shelter->opened, gen->today - 2500) + rng_int (&gen->rng, 400);
  char date[11];

  bb_person_shelter_set_person_id (link, person_id);
  bb_person_shelter_set_shelter_id (link, shelter->id);
  bb_person_shelter_set_role (link, role);

  if (shelter->closed != 0 && since > shelter->closed)
    since = shelter->closed;
  if (since <= gen->today || shelter->opened > gen->today)
    {
      format_date (since, date);
      bb_person_shelter_set_since (link, date);
    }
  if (shelter->closed != 0)
    {
      format_date (shelter->closed, date);
      bb_person_shelter_set_until (link, date);
    }

  return bb_store_insert (gen->store, BB_RECORD (link), error);
}

static gboolean
generate_people (Gen     *gen,
                 GError **error)
{
  Rng *rng = &gen->rng;
  guint contacts, volunteers, remaining;
  guint n_orgs = gen->organisations->len;

  g_autofree char *first_staff_name = NULL;

  gen->coordinators = g_new0 (gint64, gen->n_regions);
  gen->coordinator_names = g_new0 (char *, gen->n_regions + 1);
  for (guint r = 0; r < gen->n_regions; r++)
    {
      g_autofree char *function = g_strdup_printf ("Regionalkoordination %s", gen->region_names[r]);

      /* Tiny scales leave too few people for every region: the first coordinator (or the
       * first shelter's coordination, below) helps out, since every shelter needs its own. */
      if (gen->n_people_made + gen->n_shelters >= gen->n_people)
        {
          if (r > 0)
            {
              gen->coordinators[r] = gen->coordinators[0];
              gen->coordinator_names[r] = g_strdup (gen->coordinator_names[0]);
            }
          continue;
        }

      if (!insert_person (gen, PERSON_COORDINATOR, function, gen->bfe_id,
                          &gen->coordinator_names[r], &gen->coordinators[r], error))
        return FALSE;
    }

  for (guint i = 0; i < gen->shelters->len; i++)
    {
      DemoShelter *shelter = &g_array_index (gen->shelters, DemoShelter, i);
      guint left_after = gen->shelters->len - i - 1;
      gint64 operator_id = shelter->operator_id;

      if (!insert_person (gen, PERSON_STAFF, "Ehrenamtskoordination", operator_id,
                          i == 0 ? &first_staff_name : NULL, &shelter->coordination, error) ||
          !insert_role (gen, shelter->coordination, shelter, "volunteer-coordination", error))
        return FALSE;

      if (rng_chance (rng, 0.8) && gen->n_people_made + left_after < gen->n_people)
        {
          if (!insert_person (gen, PERSON_STAFF, "Einrichtungsleitung", operator_id, NULL,
                              &shelter->management, error) ||
              !insert_role (gen, shelter->management, shelter, "management", error))
            return FALSE;
        }

      if (rng_chance (rng, 0.4) && gen->n_people_made + left_after < gen->n_people)
        {
          if (!insert_person (gen, PERSON_STAFF, "Sozialarbeit", operator_id, NULL,
                              &shelter->social_work, error) ||
              !insert_role (gen, shelter->social_work, shelter, "social-work", error))
            return FALSE;
        }
    }

  if (gen->coordinators[0] == 0)
    for (guint r = 0; r < gen->n_regions; r++)
      {
        gen->coordinators[r] = g_array_index (gen->shelters, DemoShelter, 0).coordination;
        g_free (gen->coordinator_names[r]);
        gen->coordinator_names[r] = g_strdup (first_staff_name);
      }

  remaining = gen->n_people > gen->n_people_made ? gen->n_people - gen->n_people_made : 0;
  contacts = (guint) (remaining * 0.45);
  volunteers = remaining - contacts;

  /* Every organisation gets one contact first, then the rest go to organisations at random. */
  for (guint i = 0; i < contacts && n_orgs > 0; i++)
    {
      guint index = i < n_orgs ? i : rng_int (rng, n_orgs);
      DemoOrganisation *org = &g_array_index (gen->organisations, DemoOrganisation, index);
      gint64 id;

      if (!insert_person (gen, PERSON_CONTACT, PICK (rng, bb_demo_org_functions), org->id, NULL,
                          &id, error))
        return FALSE;

      g_array_append_val (gen->region_people[org->region], id);
    }

  for (guint i = 0; i < volunteers; i++)
    {
      gint64 org_id = 0;
      guint region;
      gint64 id;
      DemoShelter *shelter = NULL;

      if (gen->alliances->len > 0 && rng_chance (rng, 0.4))
        {
          guint a = g_array_index (gen->alliances, guint, rng_int (rng, gen->alliances->len));

          org_id = g_array_index (gen->organisations, DemoOrganisation, a).id;
          region = g_array_index (gen->organisations, DemoOrganisation, a).region;
        }
      else
        region = rng_int (rng, gen->n_regions);

      if (!insert_person (gen, PERSON_VOLUNTEER, PICK (rng, bb_demo_volunteer_functions),
                          org_id, NULL, &id, error))
        return FALSE;

      if (gen->region_shelters[region]->len > 0 && rng_chance (rng, 0.35))
        {
          GArray *in_region = gen->region_shelters[region];

          shelter = &g_array_index (gen->shelters, DemoShelter,
                                    g_array_index (in_region, guint, rng_int (rng, in_region->len)));
          if (!insert_role (gen, id, shelter, "other", error))
            return FALSE;
        }

      g_array_append_val (gen->region_people[region], id);
    }

  return TRUE;
}

/* Relations */

static const char * const relation_notes[] = {
  "Kontakt über den Jour fixe", "gemeinsame Projektförderung", "regelmäßiger Austausch",
  "Vermittlung von Ehrenamtlichen", "gemeinsames Sommerfest", "Kooperationsvereinbarung",
};

static gint64
random_person (Gen *gen)
{
  GArray *pool = gen->region_people[rng_int (&gen->rng, gen->n_regions)];

  if (pool->len == 0)
    return gen->coordinators[0];

  return g_array_index (pool, gint64, rng_int (&gen->rng, pool->len));
}

static const DemoOrganisation *
random_organisation_of (Gen    *gen,
                        GArray *indices)
{
  if (indices != NULL && indices->len > 0)
    return &g_array_index (gen->organisations, DemoOrganisation,
                           g_array_index (indices, guint, rng_int (&gen->rng, indices->len)));

  return &g_array_index (gen->organisations, DemoOrganisation,
                         rng_int (&gen->rng, gen->organisations->len));
}

static gboolean
generate_relations (Gen     *gen,
                    GError **error)
{
  static const int kind_weights[] = { 37, 15, 10, 15, 8, 10, 5 };
  Rng *rng = &gen->rng;
  guint n = (guint) floor (gen->organisations->len * 1.2 + gen->n_people * 0.25 + 0.5);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BbRelation) relation = bb_relation_new ();
      guint kind = rng_weighted (rng, kind_weights, G_N_ELEMENTS (kind_weights));
      const DemoOrganisation *to_org = random_organisation_of (gen, NULL);
      gint64 from_person = 0, from_org = 0, to_person = 0;
      guint32 since = gen->today - rng_range (rng, 30, 2200);
      char date[11];

      switch (kind)
        {
        case 1: /* member-of */
          from_person = random_person (gen);
          to_org = random_organisation_of (gen, gen->alliances);
          break;
        case 2: /* works-for */
          from_person = random_person (gen);
          break;
        case 5: /* advises */
          from_person = rng_chance (rng, 0.5) ? gen->coordinators[rng_int (rng, gen->n_regions)]
                                              : random_person (gen);
          to_org = random_organisation_of (gen, gen->operators);
          break;
        default:
          {
            const DemoOrganisation *from = random_organisation_of (gen, NULL);

            if (kind == 6 && rng_chance (rng, 0.5))
              {
                from_person = random_person (gen);
                to_person = random_person (gen);
                if (from_person == to_person)
                  to_person = gen->coordinators[0];
                if (from_person == to_person)
                  continue;
                break;
              }
            if (from->id == to_org->id)
              continue;
            from_org = from->id;
          }
          break;
        }

      bb_relation_set_from_person_id (relation, from_person);
      bb_relation_set_from_organisation_id (relation, from_org);
      if (to_person != 0)
        bb_relation_set_to_person_id (relation, to_person);
      else
        bb_relation_set_to_organisation_id (relation, to_org->id);
      bb_relation_set_kind (relation, bb_codes_list (BB_CODES_RELATION_TYPE)[kind]);

      format_date (since, date);
      bb_relation_set_since (relation, date);
      if (rng_chance (rng, 0.1))
        {
          format_date (since + rng_int (rng, gen->today - since + 1), date);
          bb_relation_set_until (relation, date);
        }
      if (rng_chance (rng, 0.2))
        bb_relation_set_note (relation, PICK (rng, relation_notes));

      if (!bb_store_insert (gen->store, BB_RECORD (relation), error))
        return FALSE;

      gen_work (gen, 1);
    }

  return TRUE;
}

/* Consultations */

static const int format_weights[] = { 50, 30, 12, 8 };
static const int n_topic_weights[] = { 35, 35, 20, 10 };

static DemoShelter *
shelter_open_on (Gen     *gen,
                 guint32  day)
{
  for (guint attempt = 0; attempt < 8; attempt++)
    {
      DemoShelter *shelter = &g_array_index (gen->shelters, DemoShelter,
                                             rng_int (&gen->rng, gen->shelters->len));

      if (shelter->opened <= day && (shelter->closed == 0 || day <= shelter->closed))
        return shelter;
    }

  return NULL;
}

static void
add_unique_id (GArray *ids,
               gint64  id)
{
  if (id == 0)
    return;

  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == id)
      return;

  g_array_append_val (ids, id);
}

static gboolean
insert_followups (Gen     *gen,
                  gint64   consultation_id,
                  guint32  day,
                  GError **error)
{
  Rng *rng = &gen->rng;
  guint n = rng_chance (rng, 0.7) ? 1 : 2;
  guint first_text = rng_int (rng, G_N_ELEMENTS (bb_demo_followups));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BbFollowup) followup = bb_followup_new ();
      guint32 due = day + rng_range (rng, 7, 42);
      char date[11];

      bb_followup_set_consultation_id (followup, consultation_id);
      bb_followup_set_text (followup,
                            bb_demo_followups[(first_text + i * 5) % G_N_ELEMENTS (bb_demo_followups)]);
      format_date (due, date);
      bb_followup_set_due_on (followup, date);

      /* Most of the old ones are done, some are overdue; recent ones are mostly still open. */
      if (day < gen->today && rng_chance (rng, due < gen->today ? 0.75 : 0.2))
        {
          guint32 last = MIN (due + 14, gen->today);

          format_date (day + 1 + rng_int (rng, last - day), date);
          bb_followup_set_done_on (followup, date);
        }

      if (!bb_store_insert (gen->store, BB_RECORD (followup), error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
generate_consultations (Gen     *gen,
                        GError **error)
{
  static const int durations[] = { 30, 45, 60, 60, 90, 120 };
  static const int phone_durations[] = { 15, 20, 30, 45 };
  Rng *rng = &gen->rng;
  g_autoptr(GArray) people = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GString) notes = g_string_new (NULL);
  guint topic_order[G_N_ELEMENTS (bb_demo_topics)];

  for (guint c = 0; c < gen->n_consultations; c++)
    {
      g_autoptr(BbConsultation) consultation = bb_consultation_new ();
      guint32 day = random_workday (gen, gen->first, gen->today - 1);
      DemoShelter *shelter = rng_chance (rng, 0.88) ? shelter_open_on (gen, day) : NULL;
      guint region = shelter != NULL ? shelter->region : rng_int (rng, gen->n_regions);
      guint format = rng_weighted (rng, format_weights, G_N_ELEMENTS (format_weights));
      guint n_topics = 1 + rng_weighted (rng, n_topic_weights, G_N_ELEMENTS (n_topic_weights));
      guint n_people = 1 + rng_int (rng, 3);
      const char *topics[5] = { NULL, };
      GArray *pool = gen->region_people[region];
      char started[17];
      gint64 id;

      format_date_time (day, rng_range (rng, 8, 17), 15 * rng_int (rng, 4), started);
      bb_consultation_set_started_at (consultation, started);
      bb_consultation_set_format (consultation, bb_codes_list (BB_CODES_CONSULTATION_FORMAT)[format]);
      if (format == 1)
        bb_consultation_set_duration_minutes (consultation, PICK (rng, phone_durations));
      else if (format != 3)
        bb_consultation_set_duration_minutes (consultation, PICK (rng, durations));
      else if (rng_chance (rng, 0.5))
        bb_consultation_set_duration_minutes (consultation, 15);
      bb_consultation_set_region_id (consultation, gen->region_ids[region]);
      if (shelter != NULL)
        bb_consultation_set_shelter_id (consultation, shelter->id);
      bb_consultation_set_author (consultation, gen->coordinator_names[region]);

      /* Topics: a partial shuffle picks distinct ones. */
      for (guint t = 0; t < G_N_ELEMENTS (topic_order); t++)
        topic_order[t] = t;
      for (guint t = 0; t < n_topics; t++)
        {
          guint other = t + rng_int (rng, G_N_ELEMENTS (topic_order) - t);
          guint swap = topic_order[t];

          topic_order[t] = topic_order[other];
          topic_order[other] = swap;
          topics[t] = bb_demo_topics[topic_order[t]];
        }

      g_string_assign (notes, bb_demo_note_openings[format][rng_int (rng, 3)]);
      for (guint t = 0; t < n_topics; t++)
        {
          g_string_append_c (notes, ' ');
          g_string_append (notes, bb_demo_topic_sentences[topic_order[t]][rng_int (rng, 3)]);
        }
      if (rng_chance (rng, 0.6))
        {
          g_string_append_c (notes, ' ');
          g_string_append (notes, PICK (rng, bb_demo_note_closings));
        }
      bb_consultation_set_notes (consultation, notes->str);

      if (!bb_store_insert (gen->store, BB_RECORD (consultation), error))
        return FALSE;
      id = bb_record_get_id (BB_RECORD (consultation));

      g_array_set_size (people, 0);
      if (shelter != NULL)
        {
          add_unique_id (people, rng_chance (rng, 0.75) ? shelter->coordination
                                                        : shelter->management);
          if (n_people > 1)
            add_unique_id (people, rng_chance (rng, 0.5) ? shelter->social_work
                                                         : shelter->management);
        }
      for (guint attempt = 0; people->len < n_people && attempt < 6; attempt++)
        {
          if (pool->len > 0)
            add_unique_id (people, g_array_index (pool, gint64, rng_int (rng, pool->len)));
          else if (shelter != NULL)
            add_unique_id (people, shelter->coordination);
        }
      if (people->len == 0)
        add_unique_id (people, random_person (gen));

      if (!bb_store_set_consultation_people (gen->store, id, (const gint64 *) (gpointer) people->data,
                                             people->len, error) ||
          !bb_store_set_consultation_topics (gen->store, id, topics, error))
        return FALSE;

      if (rng_chance (rng, 0.3) && !insert_followups (gen, id, day, error))
        return FALSE;

      gen_work (gen, 3);
    }

  return TRUE;
}

/* Events */

static char *
make_uid (Gen *gen)
{
  guint64 a = rng_next (&gen->rng);
  guint64 b = rng_next (&gen->rng);

  return g_strdup_printf ("%016" G_GINT64_MODIFIER "x%016" G_GINT64_MODIFIER "x@" UID_DOMAIN,
                          a, b);
}

static char *
make_location (Gen   *gen,
               guint  region)
{
  guint district = random_district_in_region (gen, region);
  const BbDemoDistrict *data = gen->district_data[district];
  g_autofree char *place = fill_pattern (PICK (&gen->rng, bb_demo_venue_patterns),
                                            pick_strv (&gen->rng, data->kieze));
  g_autofree char *street = make_street (gen, pick_strv (&gen->rng, data->streets));

  return g_strdup_printf ("%s, %s", place, street);
}

static gboolean
insert_invitee (Gen     *gen,
                gint64   event_id,
                gint64   person_id,
                gint64   shelter_id,
                GError **error)
{
  g_autoptr(BbEventInvitee) invitee = bb_event_invitee_new ();

  bb_event_invitee_set_event_id (invitee, event_id);
  bb_event_invitee_set_person_id (invitee, person_id);
  bb_event_invitee_set_shelter_id (invitee, shelter_id);

  return bb_store_insert (gen->store, BB_RECORD (invitee), error);
}

static gboolean
insert_attendance (Gen        *gen,
                   gint64      event_id,
                   const char *occurrence,
                   GArray     *people,
                   GError    **error)
{
  static const int weights[] = { 60, 15, 10, 15 };

  for (guint i = 0; i < people->len; i++)
    {
      g_autoptr(BbAttendance) attendance = NULL;
      guint status = rng_weighted (&gen->rng, weights, G_N_ELEMENTS (weights));

      /* The last weight stands for no record at all. */
      if (status == 3)
        continue;

      attendance = bb_attendance_new ();
      bb_attendance_set_event_id (attendance, event_id);
      bb_attendance_set_occurrence (attendance, occurrence);
      bb_attendance_set_person_id (attendance, g_array_index (people, gint64, i));
      bb_attendance_set_status (attendance, bb_codes_list (BB_CODES_ATTENDANCE)[status]);

      if (!bb_store_insert (gen->store, BB_RECORD (attendance), error))
        return FALSE;
    }

  return TRUE;
}

static void
add_pool_people (Gen    *gen,
                 GArray *people,
                 guint   region,
                 guint   n)
{
  GArray *pool = gen->region_people[region];

  for (guint attempt = 0; attempt < n * 2 && pool->len > 0 && n > 0; attempt++)
    {
      add_unique_id (people, g_array_index (pool, gint64, rng_int (&gen->rng, pool->len)));
      if (--n == 0)
        break;
    }
}

static gboolean
generate_series (Gen     *gen,
                 guint    region,
                 guint    index,
                 guint    per_region,
                 GError **error)
{
  static const struct { const char *byday; guint n; GDateWeekday weekday; } days[] = {
    { "2TU", 2, G_DATE_TUESDAY }, { "3WE", 3, G_DATE_WEDNESDAY }, { "1TH", 1, G_DATE_THURSDAY },
    { "4TU", 4, G_DATE_TUESDAY }, { "2TH", 2, G_DATE_THURSDAY }, { "3MO", 3, G_DATE_MONDAY },
  };
  Rng *rng = &gen->rng;
  guint d = (region * 2 + index) % G_N_ELEMENTS (days);
  g_autoptr(BbEvent) event = bb_event_new ();
  g_autoptr(GArray) people = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GString) exdates = g_string_new (NULL);
  g_autofree char *uid = make_uid (gen);
  g_autofree char *rrule = g_strdup_printf ("FREQ=MONTHLY;BYDAY=%s", days[d].byday);
  g_autofree char *title = NULL;
  g_autofree char *location = make_location (gen, region);
  g_autofree char *region_slug = ascii_slug (gen->region_names[region], '-');
  g_autofree char *url = g_strdup_printf ("https://meet.example.org/jf-%s-%u", region_slug, index + 1);
  GArray *in_region = gen->region_shelters[region];
  GDate date;
  guint32 occurrence;
  guint32 last = gen->today + 365;
  guint n_past = 0;
  guint moved;
  char start[17], end[17];
  gint64 id;

  if (per_region > 1)
    title = g_strdup_printf ("Jour fixe %s %u", gen->region_names[region], index + 1);
  else
    title = g_strdup_printf ("Jour fixe %s", gen->region_names[region]);

  g_date_clear (&date, 1);
  g_date_set_julian (&date, gen->first);
  occurrence = nth_weekday (g_date_get_year (&date), g_date_get_month (&date),
                            days[d].n, days[d].weekday);
  if (occurrence < gen->first)
    {
      g_date_add_months (&date, 1);
      occurrence = nth_weekday (g_date_get_year (&date), g_date_get_month (&date),
                                days[d].n, days[d].weekday);
    }

  format_date_time (occurrence, 10, 0, start);
  format_date_time (occurrence, 12, 0, end);
  bb_event_set_uid (event, uid);
  bb_event_set_sequence (event, rng_int (rng, 3));
  bb_event_set_kind (event, "jour-fixe");
  bb_event_set_region_id (event, gen->region_ids[region]);
  bb_event_set_title (event, title);
  bb_event_set_starts_at (event, start);
  bb_event_set_ends_at (event, end);
  bb_event_set_location (event, location);
  if (rng_chance (rng, 0.5))
    bb_event_set_online_url (event, url);
  bb_event_set_description (event, PICK (rng, bb_demo_event_descriptions));
  bb_event_set_status (event, "confirmed");
  bb_event_set_organiser_id (event, gen->coordinators[region]);
  bb_event_set_rrule (event, rrule);

  /* Summer break: the August meetings are cancelled. */
  for (GDateYear year = g_date_get_year (&date); ; year++)
    {
      guint32 august = nth_weekday (year, G_DATE_AUGUST, days[d].n, days[d].weekday);
      char cancelled[17];

      if (august > last)
        break;
      if (august < occurrence)
        continue;
      format_date_time (august, 10, 0, cancelled);
      if (exdates->len > 0)
        g_string_append_c (exdates, ',');
      g_string_append (exdates, cancelled);
    }
  if (exdates->len > 0)
    bb_event_set_exdates (event, exdates->str);

  if (!bb_store_insert (gen->store, BB_RECORD (event), error))
    return FALSE;
  id = bb_record_get_id (BB_RECORD (event));

  /* Shelters of the region share out among its series, each with its coordination. */
  for (guint i = index; i < in_region->len; i += per_region)
    {
      DemoShelter *shelter = &g_array_index (gen->shelters, DemoShelter,
                                             g_array_index (in_region, guint, i));

      if (shelter->closed != 0 && shelter->closed < gen->first)
        continue;
      if (!insert_invitee (gen, id, 0, shelter->id, error))
        return FALSE;
      add_unique_id (people, shelter->coordination);
    }
  add_pool_people (gen, people, region, 8);
  for (guint i = 0; i < people->len; i++)
    if (!insert_invitee (gen, id, g_array_index (people, gint64, i), 0, error))
      return FALSE;

  for (guint32 day = occurrence; day < gen->today; )
    {
      format_date_time (day, 10, 0, start);
      if (strstr (exdates->str, start) == NULL)
        {
          if (!insert_attendance (gen, id, start, people, error))
            return FALSE;
          /* Minutes for two meetings in three, chosen without the random generator so that
           * the rest of the demo stays the same. */
          if ((n_past + index) % 3 != 2 &&
              !bb_store_set_occurrence_minutes (gen->store, id, start,
                                                bb_demo_event_minutes[(n_past + region) % G_N_ELEMENTS (bb_demo_event_minutes)],
                                                error))
            return FALSE;
          n_past++;
        }

      g_date_set_julian (&date, day);
      g_date_set_day (&date, 1);
      g_date_add_months (&date, 1);
      day = nth_weekday (g_date_get_year (&date), g_date_get_month (&date),
                         days[d].n, days[d].weekday);
    }

  /* One meeting moved to the afternoon of the next day. */
  moved = n_past > 2 ? 1 + rng_int (rng, n_past - 1) : 0;
  if (moved > 0)
    {
      g_autoptr(BbEventOverride) override = bb_event_override_new ();
      guint32 day = occurrence;

      for (guint i = 0; i < moved; i++)
        {
          g_date_set_julian (&date, day);
          g_date_set_day (&date, 1);
          g_date_add_months (&date, 1);
          day = nth_weekday (g_date_get_year (&date), g_date_get_month (&date),
                             days[d].n, days[d].weekday);
        }

      g_date_set_julian (&date, day);
      if (day < gen->today && g_date_get_month (&date) != G_DATE_AUGUST)
        {
          format_date_time (day, 10, 0, start);
          bb_event_override_set_event_id (override, id);
          bb_event_override_set_recurrence_id (override, start);
          format_date_time (day + 1, 14, 0, start);
          format_date_time (day + 1, 16, 0, end);
          bb_event_override_set_starts_at (override, start);
          bb_event_override_set_ends_at (override, end);
          bb_event_override_set_status (override, "confirmed");
          if (!bb_store_insert (gen->store, BB_RECORD (override), error))
            return FALSE;
        }
    }

  gen_work (gen, 10);

  return TRUE;
}

enum {
  EVENT_WORKSHOP,
  EVENT_NETWORK,
  EVENT_TRAINING_BASIC,
  EVENT_TRAINING_ADVANCED,
  EVENT_OTHER,
};

static gboolean
generate_single_event (Gen     *gen,
                       GError **error)
{
  static const int kind_weights[] = { 35, 30, 15, 10, 10 };
  static const char * const kind_codes[] = {
    "workshop", "network-meeting", "training-basic", "training-advanced", "other",
  };
  static const int status_weights_future[] = { 70, 25, 5 };
  Rng *rng = &gen->rng;
  g_autoptr(BbEvent) event = bb_event_new ();
  g_autoptr(GArray) people = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *uid = make_uid (gen);
  g_autofree char *title = NULL;
  g_autofree char *location = NULL;
  guint kind = rng_weighted (rng, kind_weights, G_N_ELEMENTS (kind_weights));
  guint region = rng_int (rng, gen->n_regions);
  gboolean regional;
  gboolean all_day = FALSE;
  guint32 day = random_workday (gen, gen->first, gen->today + 180);
  int start_hour, start_minute, length_minutes;
  const char *status = "confirmed";
  const char *minutes = NULL;
  char start[17], end[17];
  GArray *in_region = gen->region_shelters[region];
  guint n_shelters = 0;
  gint64 id;

  switch (kind)
    {
    case EVENT_WORKSHOP:
      title = g_strdup (PICK (rng, bb_demo_workshop_titles));
      regional = rng_chance (rng, 0.8);
      start_hour = rng_chance (rng, 0.5) ? 17 : 10;
      start_minute = 0;
      length_minutes = start_hour == 17 ? 150 : 180;
      add_pool_people (gen, people, region, rng_range (rng, 8, 20));
      n_shelters = rng_int (rng, 5);
      break;

    case EVENT_NETWORK:
      title = g_strdup_printf ("Netzwerktreffen %s",
                               random_kiez (gen, random_district_in_region (gen, region)));
      regional = TRUE;
      start_hour = rng_chance (rng, 0.5) ? 14 : 18;
      start_minute = 0;
      length_minutes = 120;
      add_pool_people (gen, people, region, rng_range (rng, 10, 25));
      n_shelters = rng_range (rng, 2, 6);
      break;

    case EVENT_TRAINING_BASIC:
    case EVENT_TRAINING_ADVANCED:
      title = g_strdup (kind == EVENT_TRAINING_BASIC ? PICK (rng, bb_demo_training_basic_titles)
                                                     : PICK (rng, bb_demo_training_advanced_titles));
      regional = rng_chance (rng, 0.5);
      start_hour = 9;
      start_minute = 30;
      length_minutes = 390;
      for (guint i = rng_range (rng, 8, 16); i > 0 && in_region->len > 0; i--)
        add_unique_id (people, g_array_index (gen->shelters, DemoShelter,
                                              g_array_index (in_region, guint,
                                                             rng_int (rng, in_region->len))).coordination);
      break;

    case EVENT_OTHER:
    default:
      title = g_strdup (PICK (rng, bb_demo_other_event_titles));
      regional = rng_chance (rng, 0.4);
      all_day = rng_chance (rng, 0.4);
      start_hour = 16;
      start_minute = 0;
      length_minutes = 180;
      add_pool_people (gen, people, region, rng_range (rng, 10, 30));
      break;
    }

  if (day < gen->today)
    {
      if (rng_chance (rng, 0.05))
        status = "cancelled";
    }
  else
    status = bb_codes_list (BB_CODES_EVENT_STATUS)[rng_weighted (rng, status_weights_future, 3)];

  if (all_day)
    {
      format_date (day, start);
      format_date (day + 1, end);
    }
  else
    {
      int end_minutes = start_hour * 60 + start_minute + length_minutes;

      format_date_time (day, start_hour, start_minute, start);
      format_date_time (day, end_minutes / 60, end_minutes % 60, end);
    }

  bb_event_set_uid (event, uid);
  bb_event_set_sequence (event, rng_int (rng, 2));
  bb_event_set_kind (event, kind_codes[kind]);
  if (regional)
    bb_event_set_region_id (event, gen->region_ids[region]);
  bb_event_set_title (event, title);
  bb_event_set_starts_at (event, start);
  bb_event_set_ends_at (event, end);
  bb_event_set_all_day (event, all_day);
  if (rng_chance (rng, 0.2))
    {
      g_autofree char *url = g_strdup_printf ("https://meet.example.org/%.12s", uid);

      bb_event_set_location (event, "Online");
      bb_event_set_online_url (event, url);
    }
  else
    {
      location = make_location (gen, region);
      bb_event_set_location (event, location);
    }
  bb_event_set_description (event, PICK (rng, bb_demo_event_descriptions));
  if (day < gen->today && g_strcmp0 (status, "cancelled") != 0 && rng_chance (rng, 0.5))
    minutes = PICK (rng, bb_demo_event_minutes);
  bb_event_set_status (event, status);
  bb_event_set_organiser_id (event, gen->coordinators[regional ? region
                                                                : rng_int (rng, gen->n_regions)]);

  if (!bb_store_insert (gen->store, BB_RECORD (event), error))
    return FALSE;
  id = bb_record_get_id (BB_RECORD (event));
  if (minutes != NULL && !bb_store_set_occurrence_minutes (gen->store, id, start, minutes, error))
    return FALSE;

  for (guint i = 0; i < people->len; i++)
    if (!insert_invitee (gen, id, g_array_index (people, gint64, i), 0, error))
      return FALSE;

  if (n_shelters > 0 && in_region->len > 0)
    {
      g_autoptr(GArray) shelters = g_array_new (FALSE, FALSE, sizeof (gint64));

      for (guint i = 0; i < n_shelters; i++)
        add_unique_id (shelters, g_array_index (gen->shelters, DemoShelter,
                                                g_array_index (in_region, guint,
                                                               rng_int (rng, in_region->len))).id);
      for (guint i = 0; i < shelters->len; i++)
        if (!insert_invitee (gen, id, 0, g_array_index (shelters, gint64, i), error))
          return FALSE;
    }

  if (day < gen->today && g_strcmp0 (status, "cancelled") != 0 &&
      !insert_attendance (gen, id, start, people, error))
    return FALSE;

  gen_work (gen, 10);

  return TRUE;
}

static gboolean
generate_events (Gen     *gen,
                 double   scale,
                 GError **error)
{
  guint per_region = MAX (1, (guint) floor (scale + 0.5));
  guint n_series = MIN (gen->n_regions * per_region, gen->n_events);
  guint made = 0;

  for (guint index = 0; index < per_region; index++)
    for (guint region = 0; region < gen->n_regions && made < n_series; region++, made++)
      if (!generate_series (gen, region, index, per_region, error))
        return FALSE;

  for (; made < gen->n_events; made++)
    if (!generate_single_event (gen, error))
      return FALSE;

  return TRUE;
}

/* SQLite's default page cache of 2 MB is far smaller than the indexes a large generation
 * touches; spilling and re-reading them makes 10x take 25 times as long as 1x. */
static gint64
set_cache_size (BbStore *store,
                gint64   kibibytes)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = g_strdup_printf ("PRAGMA cache_size = %" G_GINT64_FORMAT, -kibibytes);
  sqlite3_stmt *stmt;
  gint64 previous = 0;

  stmt = _bb_store_prepare (store, "PRAGMA cache_size", &error);
  if (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    previous = sqlite3_column_int64 (stmt, 0);
  if (stmt != NULL)
    _bb_store_release (stmt);

  stmt = _bb_store_prepare (store, sql, &error);
  if (stmt != NULL)
    {
      sqlite3_step (stmt);
      _bb_store_release (stmt);
    }
  if (error != NULL)
    g_debug ("Cannot change the page cache: %s", error->message);

  /* cache_size is in pages if positive, in KiB if negative. */
  return previous < 0 ? -previous : previous * 4;
}

static gboolean
generate_all (gpointer   user_data,
              GError   **error)
{
  Gen *gen = user_data;

  return load_places (gen, error) &&
         generate_organisations (gen, gen->scale, error) &&
         generate_shelters (gen, error) &&
         generate_people (gen, error) &&
         generate_relations (gen, error) &&
         generate_consultations (gen, error) &&
         generate_events (gen, gen->scale, error) &&
         bb_store_set_meta (gen->store, "demo", "1", error);
}

gboolean
bb_demo_generate (BbStore         *store,
                  double           scale,
                  guint32          seed,
                  GDate           *reference_date,
                  BbDemoProgress   progress,
                  gpointer         user_data,
                  GError         **error)
{
  g_autoptr(Gen) gen = NULL;
  GDate first;
  gint64 cache_before;
  gboolean ok;

  g_return_val_if_fail (BB_IS_STORE (store), FALSE);
  g_return_val_if_fail (scale > 0 && scale <= 10000, FALSE);
  g_return_val_if_fail (reference_date == NULL || g_date_valid (reference_date), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!bb_store_is_empty (store))
    {
      g_set_error_literal (error, BB_STORE_ERROR, BB_STORE_ERROR_FAILED,
                           "Demo data can only be added to an empty database");
      return FALSE;
    }

  gen = g_new0 (Gen, 1);
  gen->store = store;
  gen->scale = scale;
  rng_init (&gen->rng, seed);
  gen->used_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  gen->organisations = g_array_new (FALSE, FALSE, sizeof (DemoOrganisation));
  gen->operators = g_array_new (FALSE, FALSE, sizeof (guint));
  gen->alliances = g_array_new (FALSE, FALSE, sizeof (guint));
  gen->shelters = g_array_new (FALSE, FALSE, sizeof (DemoShelter));

  if (reference_date != NULL)
    gen->today = g_date_get_julian (reference_date);
  else
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();
      GDate today;

      g_date_clear (&today, 1);
      g_date_set_dmy (&today, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                      g_date_time_get_year (now));
      gen->today = g_date_get_julian (&today);
    }
  g_date_clear (&first, 1);
  g_date_set_julian (&first, gen->today);
  g_date_subtract_years (&first, 2);
  gen->first = g_date_get_julian (&first);

  gen->n_shelters = scaled (scale, TARGET_SHELTERS);
  gen->n_people = scaled (scale, TARGET_PEOPLE);
  gen->n_organisations = scaled (scale, TARGET_ORGANISATIONS);
  gen->n_consultations = scaled (scale, TARGET_CONSULTATIONS);
  gen->n_events = scaled (scale, TARGET_EVENTS);

  gen->progress = progress;
  gen->progress_data = user_data;
  gen->work_total = (guint64) gen->n_organisations + gen->n_shelters + gen->n_people
                    + (guint64) floor (gen->n_organisations * 1.2 + gen->n_people * 0.25 + 0.5)
                    + 3 * (guint64) gen->n_consultations + 10 * (guint64) gen->n_events;

  if (progress != NULL)
    progress (0.0, user_data);

  if (!bb_store_begin (store, error))
    return FALSE;

  /* About 1 KiB per row written, at most 256 MiB. The whole generation is one transaction,
   * so the cache fills with its pages up to the limit: at 100x a limit of 1 GiB held the
   * whole 620 MB file (peak 770-920 MB resident) and was no faster than 256 MiB (peak
   * 340 MB) once the search index is filled in one pass. */
  cache_before = set_cache_size (store, MIN (256 * 1024, MAX (8192, (gint64) (scale * 64 * 1024))));
  ok = _bb_store_bulk_load (store, generate_all, gen, error) && bb_store_commit (store, error);
  if (!ok)
    bb_store_rollback (store);
  set_cache_size (store, cache_before);

  if (!ok)
    return FALSE;

  if (progress != NULL)
    progress (1.0, user_data);

  return TRUE;
}
