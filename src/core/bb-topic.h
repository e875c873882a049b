/* bb-topic.h
 *
 * Copyright 2026 The Brückenbuch authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bb-record.h"

G_BEGIN_DECLS

#define BB_TYPE_TOPIC (bb_topic_get_type ())

G_DECLARE_FINAL_TYPE (BbTopic, bb_topic, BB, TOPIC, BbRecord)

BbTopic *bb_topic_new (void);

const char * bb_topic_get_name (BbTopic *self);
void         bb_topic_set_name (BbTopic *self,
                                const char *value);

G_END_DECLS
