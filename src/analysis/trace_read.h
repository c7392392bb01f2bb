/* SPDX-License-Identifier: MIT */
/* Reading renacer's own traces back (--format json or jsonl, told apart by
 * their content; doc/json-format.md), streamed: each record is handed to a
 * callback and forgotten, so memory does not grow with the trace. */
#ifndef RN_ANALYSIS_TRACE_READ_H
#define RN_ANALYSIS_TRACE_READ_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "analysis/summary.h"

struct buf;

enum trace_rec_type {
	TR_OTHER = 0, /* a type this reader does not know: skipped */
	TR_SYSCALL,
	TR_SIGNAL,
	TR_EXIT,
	TR_SUPERSEDED,
	TR_DETACH,
};

/* Every string is borrowed for the duration of the callback only. */
struct trace_header {
	bool lines; /* JSON Lines */
	const char *format, *version;
	const char *binary; /* NULL when the trace has "binary": null (-p) */
	bool follow_forks;
	bool calls; /* false: -c, the trace has no records */
};

struct trace_rec {
	enum trace_rec_type type;
	unsigned long line, col; /* where the record begins in the file */
	int pid, tid;
	uint64_t ts_ns;
	/* TR_SYSCALL */
	const char *name;
	int nr;
	int nargs;
	const char *args[SYSCALL_MAX_ARGS]; /* rendered, as text output shows them */
	size_t arg_len[SYSCALL_MAX_ARGS];
	bool returned;	      /* false: "result": null, the call never returned */
	int64_t result;	      /* -1 when it failed */
	const char *err_name; /* "ENOENT", or NULL when the call did not fail */
	uint64_t duration_ns;
	bool has_cpu;
	uint64_t cpu_ns;
	const char *src_file; /* "source", NULL when absent */
	const char *src_func;
	unsigned src_line;
	/* TR_SIGNAL; TR_EXIT when killed */
	const char *signal;
	bool group_stop;
	/* TR_EXIT */
	bool has_exit_code;
	int exit_code;
	bool core_dumped;
	/* TR_SUPERSEDED */
	int by_tid;
	const char *text; /* TR_SIGNAL, TR_EXIT, TR_SUPERSEDED: the text line, or NULL */
};

/* The trace's summary. Per-syscall figures are indexed by syscall number
 * (SUMMARY_SLOT_OTHER for names the table does not know). */
struct trace_totals {
	bool complete;
	char reason[96]; /* when !complete */
	bool cpu_time;	 /* time_basis "cpu" */
	uint64_t total_syscalls, total_errors, total_duration_ns, wall_time_ns;
	uint64_t unfinished_calls, signals;
	uint64_t calls[SUMMARY_SLOTS], errors[SUMMARY_SLOTS], time_ns[SUMMARY_SLOTS];
	struct mem_stats mem; /* mapped_now_bytes is not in traces: 0 */
	struct io_stats io;
	uint64_t nprocs;
};

/* Callbacks return 0 to go on, or a negative errno that stops the reading
 * and is returned by trace_read_*(). Any may be NULL. header() comes first,
 * then record() for each record in order, then summary() once. */
struct trace_read_ops {
	int (*header)(void *ctx, const struct trace_header *h);
	int (*record)(void *ctx, const struct trace_rec *rec);
	int (*summary)(void *ctx, const struct trace_totals *t);
};

/*
 * Read the trace at path. Returns 0, or a negative errno with a message in
 * err[0..errlen) that starts with the file name and, for content errors,
 * the line and column: "golden.json:12:34: "pid": expected an integer,
 * found a string". -EINVAL: malformed, not a renacer trace, a format version
 * this reader does not know, or truncated (no summary); -ENOENT, -EACCES...
 * when it cannot be read; -ENOMEM.
 */
int trace_read_file(const char *path, const struct trace_read_ops *ops, void *ctx, char *err,
		    size_t errlen);
/* The same from memory; name is used in messages. */
int trace_read_mem(const char *data, size_t len, const char *name, const struct trace_read_ops *ops,
		   void *ctx, char *err, size_t errlen);

/*
 * Decode an argument written as strace's C string literal ("\"a\\377b\"",
 * maybe followed by "..." when cut) into its bytes, appended to out.
 * Returns 0, 1 when the literal was cut, -EINVAL when arg is not a string
 * literal (NULL, an address), -ENOMEM.
 */
int trace_arg_unquote(const char *arg, size_t len, struct buf *out);

#endif
