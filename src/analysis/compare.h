/* SPDX-License-Identifier: MIT */
/* Golden-trace comparison: two renacer traces read as streams, their
 * metrics compared against thresholds, and their call sequences aligned.
 * The result is a report that output/report.c renders. doc/compare.md. */
#ifndef RN_ANALYSIS_COMPARE_H
#define RN_ANALYSIS_COMPARE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "util/arena.h"

/* What a metric counts; each kind has its default threshold. */
enum cmp_kind {
	CMP_COUNT = 0, /* calls, processes */
	CMP_BYTES,
	CMP_TIME,   /* nanoseconds */
	CMP_FAILED, /* failed calls */
	CMP_FILES,  /* distinct paths opened: listed, gates only when asked */
	CMP_KIND_COUNT
};

enum cmp_family {
	CMP_FAM_MAIN = 0, /* the report's first lines */
	CMP_FAM_SYSCALL,  /* syscall:NAME */
	CMP_FAM_CLASS,	  /* class:NAME */
	CMP_FAM_ERRNO,	  /* errno:NAME */
};

enum cmp_verdict {
	CMP_SAME = 0,
	CMP_IMPROVED,  /* decreased: never fails */
	CMP_INCREASED, /* within the thresholds, or a metric that does not gate */
	CMP_REGRESSED, /* both thresholds exceeded */
	CMP_IGNORED,   /* timing with --ignore-timing, or time bases that differ */
	CMP_NA,	       /* a trace lacks the data (-c traces have no records) */
};

/* A regression is an increase of more than pct percent AND of at least min. */
struct cmp_threshold {
	double pct;
	uint64_t min; /* in the metric's unit: calls, bytes, ns */
	bool gate;    /* false: reported, never a regression */
};

struct cmp_override {
	char name[48]; /* a metric, "syscall:*" (a family) or "*" */
	struct cmp_threshold th;
	bool has_min; /* else the kind's default min */
};

struct cmp_opts {
	struct cmp_override *over; /* owned */
	size_t nover;
	bool ignore_timing;
	bool match_errors; /* sequences also compare each call's success or failure */
};

void cmp_opts_init(struct cmp_opts *o);
void cmp_opts_fini(struct cmp_opts *o);
/* "NAME=+PCT%[,+MIN]" or "NAME=off". Returns 0, -EINVAL with the reason in
 * err, or -ENOMEM. */
int cmp_opts_threshold(struct cmp_opts *o, const char *spec, char *err, size_t errlen);
/* The default threshold of a kind. */
struct cmp_threshold cmp_default_threshold(enum cmp_kind kind);

struct cmp_metric {
	char name[48];	   /* "syscalls", "syscall:openat", "class:file", "errno:ENOENT" */
	const char *label; /* static: "Syscall count"; NULL in families */
	uint8_t kind;	   /* enum cmp_kind */
	uint8_t family;	   /* enum cmp_family */
	uint8_t verdict;   /* enum cmp_verdict */
	uint64_t before, after;
	struct cmp_threshold th; /* the one applied */
};

/* A syscall, path or failure found in one trace only. */
struct cmp_item {
	const char *text;    /* borrowed (report): "getrandom", "/etc/passwd", "openat" */
	const char *err;     /* failures: "ENOENT" */
	const char *syscall; /* paths: the call that opened it first */
	uint64_t count;
	const char *source; /* "src/config.c:88", or NULL */
};

struct cmp_list {
	struct cmp_item *items; /* owned */
	size_t count, cap;
};

#define CMP_BLOCK_CALLS 4  /* calls named per block */
#define CMP_MAX_BLOCKS	32 /* blocks kept for the report (all are counted) */

/* Calls only in the current trace (inserted) or only in the golden one. */
struct cmp_block {
	bool inserted;
	unsigned task; /* task pair, from 0 in order of appearance */
	size_t golden_pos, current_pos, len;
	uint16_t calls[CMP_BLOCK_CALLS]; /* syscall numbers; see cmp_call_name() */
	const char *source;		 /* of the block's first call, or NULL */
};

struct cmp_seq {
	bool available; /* both traces have records */
	size_t golden_calls, current_calls, lcs;
	double equivalence; /* percent: lcs / max(golden_calls, current_calls) */
	size_t inserted_blocks, deleted_blocks, inserted_calls, deleted_calls;
	size_t golden_tasks, current_tasks;
	bool approximate; /* lcs is a lower bound */
	struct cmp_block blocks[CMP_MAX_BLOCKS];
	size_t nblocks;
};

#define CMP_MAX_NOTES 8

struct cmp_report {
	const char *golden, *current; /* borrowed (mem) */
	struct cmp_metric *metrics;   /* owned */
	size_t nmetrics, metrics_cap;
	struct cmp_list new_syscalls, gone_syscalls, new_paths, gone_paths, new_failures;
	struct cmp_seq seq;
	bool regressed;
	bool ignore_timing;
	const char *notes[CMP_MAX_NOTES]; /* borrowed (mem) */
	size_t nnotes;
	struct arena mem;
};

/*
 * Compare the traces at golden and current. Returns owned (free with
 * cmp_report_free()), or NULL with errno set (EINVAL: an input is
 * unreadable, malformed or of another format version; ENOMEM) and the
 * reason in err, starting with the file name and position.
 */
struct cmp_report *cmp_files(const char *golden, const char *current, const struct cmp_opts *o,
			     char *err, size_t errlen);
void cmp_report_free(struct cmp_report *r);
/* Borrowed: the metric called name, or NULL. */
const struct cmp_metric *cmp_report_metric(const struct cmp_report *r, const char *name);
/* Name of a sequence token (a syscall number): static, or written to buf. */
const char *cmp_call_name(uint16_t tok, char *buf, size_t len);
/* "regressed", "improved"... */
const char *cmp_verdict_name(enum cmp_verdict v);
const char *cmp_kind_name(enum cmp_kind k);

#endif
