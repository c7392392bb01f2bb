/* SPDX-License-Identifier: MIT */
/* One side of a comparison: what compare keeps of a trace read as a
 * stream. The sequence is a compact array of syscall numbers per task;
 * the rest is aggregates (the trace's summary, distinct opened paths,
 * failures by errno). */
#ifndef RN_ANALYSIS_COMPARE_SIDE_H
#define RN_ANALYSIS_COMPARE_SIDE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "analysis/trace_read.h"
#include "util/buf.h"
#include "util/strmap.h"

#define CMP_TOK_FAILED 0x8000u /* token bit: the call failed */
#define CMP_TOK_NR     0x7fffu /* token bits: the syscall number (0x7fff: out of range) */

/* A thread's calls in order. */
struct cmp_task {
	int tid, pid;
	uint16_t *seq; /* owned: syscall number | CMP_TOK_FAILED */
	uint32_t *src; /* owned, once any record has a source: source id + 1, 0 for none */
	size_t n, cap;
};

/* Per interned string (path, failure): how often, and where first. */
struct cmp_count {
	uint64_t count;
	uint32_t src; /* source id + 1, 0 for none */
	uint16_t nr;  /* the first call's syscall number */
};

struct cmp_side {
	const char *path; /* borrowed */
	bool calls;	  /* the trace has records (not -c) */
	bool lines;	  /* JSON Lines */
	struct trace_totals tot;
	struct cmp_task *tasks; /* owned, in order of appearance */
	size_t ntasks, tasks_cap;
	uint32_t *tid_slots; /* owned: open addressing, task index + 1 */
	size_t tid_nslots;
	size_t nsyscalls;	  /* syscall records */
	struct strmap errnos;	  /* "ENOENT" */
	uint64_t *errno_n;	  /* owned, per errnos id */
	struct strmap fails;	  /* "openat\0ENOENT" */
	struct cmp_count *fail_c; /* owned, per fails id */
	struct strmap paths;	  /* normalised paths opened successfully */
	struct cmp_count *path_c; /* owned, per paths id */
	size_t errno_cap, fail_cap, path_cap;
	struct strmap srcs;		   /* "file:line" */
	uint32_t first_src[SUMMARY_SLOTS]; /* per syscall number: source id + 1 */
	bool has_src;
	struct buf tmp, tmp2;
};

/* Read the trace at path into s (initialised here; cmp_side_fini() always
 * after). Returns 0 or a negative errno with the reason in err. */
int cmp_side_load(struct cmp_side *s, const char *path, char *err, size_t errlen);
void cmp_side_fini(struct cmp_side *s);
/* Borrowed: "file:line" of a source id + 1, or NULL for 0. */
const char *cmp_side_source(const struct cmp_side *s, uint32_t src);

/*
 * Append path normalised for comparison across runs: /proc/1234/... becomes
 * /proc/PID/...; under /tmp/, /var/tmp/ and /dev/shm/, runs of letters and
 * digits that look random (six or more mixing two of lower case, upper case
 * and digits, as mkstemp's XXXXXX) become XXXXXX and other digit runs N.
 * Returns 0 or -ENOMEM.
 */
int cmp_normalise_path(const char *path, size_t len, struct buf *out);

#endif
