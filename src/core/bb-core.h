/* bb-core.h: everything of the GTK-free core.
 *
 * Copyright 2026 The Brückenbuch authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bb-record.h"
#include "bb-region.h"
#include "bb-district.h"
#include "bb-organisation.h"
#include "bb-shelter.h"
#include "bb-person.h"
#include "bb-person-shelter.h"
#include "bb-relation.h"
#include "bb-consultation.h"
#include "bb-topic.h"
#include "bb-followup.h"
#include "bb-event.h"
#include "bb-event-override.h"
#include "bb-event-invitee.h"
#include "bb-attendance.h"
#include "bb-codes.h"
#include "bb-search-hit.h"
#include "bb-store.h"
#include "bb-store-backup.h"
#include "bb-store-consultations.h"
#include "bb-draft.h"
#include "bb-privacy.h"
#include "bb-store-calendar.h"
#include "bb-recurrence.h"
#include "bb-ical.h"
#include "bb-demo.h"
