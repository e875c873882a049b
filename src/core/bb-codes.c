/* bb-codes.c
 *
 * Copyright 2026 The Brückenbuch authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bb-codes"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "bb-codes.h"

typedef struct
{
  const char *codes[10];
  const char *labels[10];
  const char *context;   /* translation context of the labels, or NULL */
} CodeSet;

/* Must match the CHECK constraints of data/migrations. */
static const CodeSet sets[BB_CODES_N_SETS] = {
  [BB_CODES_ORGANISATION_KIND] = {
    { "operator", "alliance", "self-organisation", "project", "administration",
      "district-office", "volunteer-agency", "other", NULL },
    { N_("Operator"), N_("Alliance"), N_("Migrant self-organisation"), N_("Project"),
      N_("Administration"), N_("District office"), N_("Volunteer agency"), N_("Other") },
  },
  [BB_CODES_SHELTER_TYPE] = {
    { "community", "reception", "emergency", "muf", "tempohome", "other", NULL },
    { N_("Community shelter"), N_("Reception centre"), N_("Emergency shelter"),
      N_("Modular shelter (MUF)"), N_("Tempohome"), N_("Other") },
  },
  [BB_CODES_SHELTER_STATUS] = {
    { "planned", "open", "closed", NULL },
    /* A shelter that is running ("In Betrieb"), not an open question. */
    { NC_("shelter status", "Planned"), NC_("shelter status", "Open"),
      NC_("shelter status", "Closed") },
    "shelter status",
  },
  [BB_CODES_ROLE] = {
    { "volunteer-coordination", "management", "social-work", "other", NULL },
    { N_("Volunteer coordination"), N_("Management"), N_("Social work"), N_("Other") },
  },
  [BB_CODES_RELATION_TYPE] = {
    { "cooperates", "member-of", "works-for", "refers-to", "funds", "advises", "other", NULL },
    { N_("cooperates with"), N_("member of"), N_("works for"), N_("refers to"), N_("funds"),
      N_("advises"), N_("other link") },
  },
  [BB_CODES_CONSULTATION_FORMAT] = {
    { "on-site", "phone", "video", "email", NULL },
    { N_("On site"), N_("Phone"), N_("Video"), N_("E-mail") },
  },
  [BB_CODES_EVENT_KIND] = {
    { "jour-fixe", "workshop", "network-meeting", "training-basic", "training-advanced",
      "other", NULL },
    { N_("Jour fixe"), N_("Workshop"), N_("Network meeting"), N_("BfE – Basis"),
      N_("BfE – Aufbau"), N_("Other") },
  },
  [BB_CODES_EVENT_STATUS] = {
    { "confirmed", "tentative", "cancelled", NULL },
    { N_("Confirmed"), N_("Tentative"), N_("Cancelled") },
  },
  [BB_CODES_ATTENDANCE] = {
    { "attended", "excused", "absent", NULL },
    { N_("Attended"), N_("Excused"), N_("Absent") },
  },
};

const char * const *
bb_codes_list (BbCodeSet set)
{
  g_return_val_if_fail (set < BB_CODES_N_SETS, NULL);

  return sets[set].codes;
}

guint
bb_codes_count (BbCodeSet set)
{
  g_return_val_if_fail (set < BB_CODES_N_SETS, 0);

  return g_strv_length ((char **)sets[set].codes);
}

int
bb_codes_index (BbCodeSet   set,
                const char *code)
{
  g_return_val_if_fail (set < BB_CODES_N_SETS, -1);

  for (int i = 0; code != NULL && sets[set].codes[i] != NULL; i++)
    if (g_str_equal (sets[set].codes[i], code))
      return i;

  return -1;
}

const char *
bb_codes_label (BbCodeSet   set,
                const char *code)
{
  int i = bb_codes_index (set, code);

  if (i < 0)
    return code;

  if (sets[set].context != NULL)
    return g_dpgettext2 (GETTEXT_PACKAGE, sets[set].context, sets[set].labels[i]);

  return g_dgettext (GETTEXT_PACKAGE, sets[set].labels[i]);
}
