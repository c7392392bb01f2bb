/* SPDX-License-Identifier: MIT */
/* Which events are shown: filters and -P paths (internal). */
#ifndef RN_LIB_SELECT_H
#define RN_LIB_SELECT_H

#include <stdbool.h>

#include "lib/tracer.h"

void select_init(struct rn_tracer *t);
void select_fini(struct rn_tracer *t);
/* Before the back end starts: hand it the syscall set. */
void select_prepare(struct rn_tracer *t);
/* Whether sinks see ev; may mark the call hidden at its entry. */
bool select_event(struct rn_tracer *t, struct event *ev);

#endif
