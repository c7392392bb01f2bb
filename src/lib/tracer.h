/* SPDX-License-Identifier: MIT */
/* The library's tracer object and recorded traces (internal). */
#ifndef RN_LIB_TRACER_H
#define RN_LIB_TRACER_H

#include <signal.h>
#include <stdbool.h>
#include <stddef.h>

#include "analysis/summary.h"
#include "backend/backend.h"
#include "core/event.h"
#include "output/sink.h"
#include "util/arena.h"

#define TRACER_MAX_SINKS 8

struct rn_trace {
	struct event *events; /* owned array; args' data point into mem */
	size_t count, cap;
	struct arena mem;
};

struct rn_tracer {
	struct backend_opts bopts;
	struct output_opts oopts;
	bool record;
	bool summary_wall, summary_per_process, stats_extended;
	struct summary *sum; /* owned; kept when a summary is wanted */
	struct backend *be;
	struct sink *sinks[TRACER_MAX_SINKS];
	int nsinks;
	struct trace_info info;
	bool begun, ended, failed;
	volatile sig_atomic_t pending_sig; /* interrupt before the back end exists */
	volatile sig_atomic_t pending_count;
	char *path; /* owned: the resolved program */
	struct rn_trace *trace; /* owned while recording */
	char err[512];
};

/* Append a copy of ev (and the data it points to). Returns 0 or -ENOMEM. */
int trace_record(struct rn_trace *tr, const struct event *ev);
struct rn_trace *trace_new(void);

#endif
