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
#include "syscalls/filter.h"
#include "util/arena.h"

#define TRACER_MAX_SINKS 8
#define TRACER_MAX_ATTACHED 64

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
	struct syscall_set trace_set; /* what the back end traces */
	struct syscall_set user_set;  /* what the user asked to see */
	bool trace_set_given, trace_first;
	unsigned status_mask; /* STATUS_* shown */
	uint64_t signal_mask; /* signals shown */
	int seccomp_mode;
	char **paths; /* owned, -P */
	int npaths;
	uint64_t *path_fds; /* (pid << 32 | fd) opened on a -P path */
	size_t npath_fds, path_fds_cap;
	struct backend *be;
	struct sink *sinks[TRACER_MAX_SINKS];
	int nsinks;
	struct trace_info info;
	bool begun, ended, failed;
	volatile sig_atomic_t pending_sig; /* interrupt before the back end exists */
	volatile sig_atomic_t pending_count;
	char *path; /* owned: the resolved program */
	struct rn_trace *trace; /* owned while recording */
	int attached[TRACER_MAX_ATTACHED]; /* pids given to rn_tracer_attach() */
	int nattached;
	char end_reason[96]; /* trace_end.reason when it is built */
	char err[512];
	char notice[256];
};

/* Append a copy of ev (and the data it points to). Returns 0 or -ENOMEM. */
int trace_record(struct rn_trace *tr, const struct event *ev);
struct rn_trace *trace_new(void);

#endif
