/* SPDX-License-Identifier: MIT */
/* renacer: trace the system calls of a program and assert on what it does.
 * Public API. Opaque handles; C99; every function says who owns pointers. */
#ifndef RENACER_H
#define RENACER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define RN_VERSION_MAJOR 0
#define RN_VERSION_MINOR 1
#define RN_VERSION_PATCH 0
#define RN_VERSION_STRING "0.1.0"

#if defined(__GNUC__) && defined(RN_BUILDING_LIBRARY)
#define RN_API __attribute__((visibility("default")))
#else
#define RN_API
#endif

struct rn_tracer;
struct rn_event;
struct rn_trace;

/* What an event is. */
enum rn_event_type {
	RN_EV_SYSCALL_ENTER = 1, /* only from rn_tracer_next(): a call has started */
	RN_EV_SYSCALL = 2,	 /* a completed call (entry + exit) */
	RN_EV_SIGNAL = 3,	 /* a signal was delivered */
	RN_EV_EXIT = 4,		 /* a task exited or was killed */
	RN_EV_DETACH = 5,	 /* a task was detached */
	RN_EV_SUPERSEDED = 6,	 /* a thread group leader replaced by execve in a thread */
};

/* Flags of rn_tracer_add_output(). */
#define RN_OUT_CLOSE 0x1   /* takes the fd: closed by rn_tracer_free() */
#define RN_OUT_LINEBUF 0x2 /* flush after each line (for terminals and stderr) */
#define RN_OUT_FILE 0x4    /* a file the user named (-o): strace's "PID " line prefix */

/* ---- Tracer ------------------------------------------------------------ */

/* Returns owned (free with rn_tracer_free()), or NULL with errno set. */
RN_API struct rn_tracer *rn_tracer_new(void);
/* rn_tracer_free(NULL) is a no-op. Kills spawned tracees still running. */
RN_API void rn_tracer_free(struct rn_tracer *t);
/* Borrowed: the last error's message, valid until the next call on t. */
RN_API const char *rn_tracer_errmsg(const struct rn_tracer *t);

/* Options; call before rn_tracer_spawn()/rn_tracer_attach(). Return 0 or -errno. */
RN_API int rn_tracer_set_follow_forks(struct rn_tracer *t, bool on);	   /* -f */
RN_API int rn_tracer_set_string_limit(struct rn_tracer *t, unsigned n);   /* default 32 */
RN_API int rn_tracer_set_quiet(struct rn_tracer *t, int level);	   /* -q: 1, -qq: 2 */
/* -y: show what descriptors refer to. 0: off (default); 1: paths, "3</etc/hosts>",
 * pipes and sockets as "pipe:[123]"; 2 (-yy): also socket addresses
 * ("TCP:[127.0.0.1:80->127.0.0.1:5555]") and device numbers ("/dev/null<char 1:3>"). */
RN_API int rn_tracer_set_decode_fds(struct rn_tracer *t, int level);
/* strace -v: structures in full (stat, statx, uname, getrusage), getdents64's
 * entries, execve's environment as strings, arrays without the element limit. */
RN_API int rn_tracer_set_verbose_structs(struct rn_tracer *t, bool on);
/* strace -x: 1 shows strings holding a non-printable byte in \x hex, 2 (-xx) all
 * strings; 0 (default) escapes as C does. */
RN_API int rn_tracer_set_strings_in_hex(struct rn_tracer *t, int level);
/* strace -X: named constants and flags as names (default), numbers, or both. */
enum rn_const_style { RN_CONST_ABBREV = 0, RN_CONST_RAW = 1, RN_CONST_VERBOSE = 2 };
RN_API int rn_tracer_set_const_style(struct rn_tracer *t, enum rn_const_style style);
/* Keep every completed event in memory; get them with rn_tracer_detach_trace(). */
RN_API int rn_tracer_set_record(struct rn_tracer *t, bool on);

/* Summary (strace -c): RN_SUMMARY_ONLY writes the table instead of the
 * per-call lines, RN_SUMMARY_ALSO after them (-C). */
enum rn_summary_mode { RN_SUMMARY_NONE = 0, RN_SUMMARY_ONLY = 1, RN_SUMMARY_ALSO = 2 };
RN_API int rn_tracer_set_summary(struct rn_tracer *t, enum rn_summary_mode mode);
/* -S: "time" (default), "calls", "errors", "name", "nothing". -EINVAL otherwise. */
RN_API int rn_tracer_set_summary_sort(struct rn_tracer *t, const char *key);
/* -w: summarise wall-clock latency instead of the calls' system CPU time. */
RN_API int rn_tracer_set_summary_wall(struct rn_tracer *t, bool on);
/* One table per process as well as the total. */
RN_API int rn_tracer_set_summary_per_process(struct rn_tracer *t, bool on);
/* Per-syscall min/mean/p50/p90/p99/max latency (streaming sketch, 1% error). */
RN_API int rn_tracer_set_stats_extended(struct rn_tracer *t, bool on);

/* Filters (strace -e). expr is "trace=SET", "status=SET", "signal=SET", or a
 * bare SET (meaning trace=SET): names, %class, /regex, all, none, !negation.
 * Repeated calls accumulate. -EINVAL with the bad token in rn_tracer_errmsg(). */
RN_API int rn_tracer_add_filter(struct rn_tracer *t, const char *expr);
/* Only calls that touch path (by name, or through a descriptor opened on it). */
RN_API int rn_tracer_add_path(struct rn_tracer *t, const char *path);
/* seccomp-bpf fast path for a spawned command with a filter: -1 automatic
 * (default), 0 never, 1 always (falls back with a notice when unavailable). */
RN_API int rn_tracer_set_seccomp(struct rn_tracer *t, int mode);
/* Whether the spawned command runs under the seccomp filter. Known once the
 * command reached its execve, i.e. from the first event on. */
RN_API bool rn_tracer_seccomp_active(const struct rn_tracer *t);
/* Borrowed: a one-line notice for the user (e.g. seccomp fallback), or "". */
RN_API const char *rn_tracer_notice(const struct rn_tracer *t);

/* Timestamps on each line. */
enum rn_ts_format { RN_TS_NONE = 0, RN_TS_TIME = 1, RN_TS_UNIX = 2 };
/* format as strace -t (TIME, 0 digits), -tt (TIME, 6), -ttt (UNIX, 6);
 * digits after the second: 0, 3, 6 or 9. */
RN_API int rn_tracer_set_timestamps(struct rn_tracer *t, enum rn_ts_format format, int digits);
/* -r: time since the previous line. */
RN_API int rn_tracer_set_relative_timestamps(struct rn_tracer *t, bool on);
/* -T: time spent in each call, <0.000123> at the end of the line. */
RN_API int rn_tracer_set_timing(struct rn_tracer *t, bool on);

/* Render events as format to fd. Several outputs may be added. Formats:
 * "text" (strace's lines), "json" (one document), "jsonl" (JSON Lines),
 * "csv" (RFC 4180); doc/json-format.md describes the last three.
 * Returns 0, -EINVAL for an unknown format, -ENOMEM. */
RN_API int rn_tracer_add_output(struct rn_tracer *t, const char *format, int fd, unsigned flags);
/* True when rn_tracer_add_output() knows format. */
RN_API bool rn_output_format_exists(const char *format);
/* The spawned command's stdout becomes a copy of renacer's stderr, so that
 * data written to renacer's stdout never mixes with the command's output.
 * Off by default: the command inherits stdout. */
RN_API int rn_tracer_set_tracee_stdout_to_stderr(struct rn_tracer *t, bool on);

/* Start argv[0] (searched in PATH) stopped, under trace. Returns the pid, or
 * -ENOENT / -EACCES / ... when it cannot be executed (message in errmsg). */
RN_API int rn_tracer_spawn(struct rn_tracer *t, char *const argv[]);
/* Attach to a running process and all its threads. Returns the number of
 * threads attached, or -errno (-EPERM: not allowed, -ESRCH: no such process). */
RN_API int rn_tracer_attach(struct rn_tracer *t, int pid);

/* Trace until every tracee has exited or detached, writing to the outputs.
 * Returns 0 or -errno on an internal error. */
RN_API int rn_tracer_run(struct rn_tracer *t);
/* Alternative to rn_tracer_run(): the next event, or NULL at the end (check
 * rn_tracer_errmsg() when rn_tracer_failed()). Borrowed: valid until the next
 * call. Outputs are still written. */
RN_API const struct rn_event *rn_tracer_next(struct rn_tracer *t);
RN_API bool rn_tracer_failed(const struct rn_tracer *t);

/* Async-signal-safe: ask the tracer to stop. Attached processes are detached
 * and keep running; spawned ones receive sig (SIGINT, SIGTERM...) as strace does. */
RN_API void rn_tracer_interrupt(struct rn_tracer *t, int sig);

/* wait(2) status of the spawned command once it ended, or -1. */
RN_API int rn_tracer_exit_status(const struct rn_tracer *t);

/* Returns owned (free with rn_trace_free()): what was recorded so far. */
RN_API struct rn_trace *rn_tracer_detach_trace(struct rn_tracer *t);

/* ---- Events ------------------------------------------------------------ */

RN_API enum rn_event_type rn_event_type(const struct rn_event *ev);
/* Borrowed static string; "syscall_0x1c8"-style names are not returned: NULL
 * for a number the table does not know. */
RN_API const char *rn_event_name(const struct rn_event *ev);
RN_API int rn_event_nr(const struct rn_event *ev);
RN_API int rn_event_pid(const struct rn_event *ev);
RN_API int rn_event_tid(const struct rn_event *ev);
RN_API int64_t rn_event_retval(const struct rn_event *ev); /* -1 on failure, as libc */
RN_API int rn_event_errno(const struct rn_event *ev);	  /* 0 when it succeeded */
RN_API bool rn_event_returned(const struct rn_event *ev); /* false: task vanished inside */
RN_API int rn_event_nargs(const struct rn_event *ev);
RN_API uint64_t rn_event_arg_raw(const struct rn_event *ev, int i);
/* Render argument i as the text output shows it into buf (always
 * NUL-terminated when len > 0), with -y paths when they were asked for but in
 * the default style otherwise (no -v, -x or -X). Returns the full length, like
 * snprintf. */
RN_API size_t rn_event_arg(const struct rn_event *ev, int i, char *buf, size_t len);
RN_API int rn_event_signo(const struct rn_event *ev);	 /* RN_EV_SIGNAL, RN_EV_EXIT */
RN_API int rn_event_exit_status(const struct rn_event *ev); /* RN_EV_EXIT: wait(2) status */
RN_API uint64_t rn_event_ts_ns(const struct rn_event *ev); /* monotonic, at entry */
RN_API uint64_t rn_event_duration_ns(const struct rn_event *ev);

/* ---- Recorded traces ------------------------------------------------------ */

RN_API void rn_trace_free(struct rn_trace *tr);
RN_API size_t rn_trace_count(const struct rn_trace *tr);
/* Borrowed: valid until rn_trace_free(). */
RN_API const struct rn_event *rn_trace_event(const struct rn_trace *tr, size_t i);
RN_API size_t rn_trace_total_syscalls(const struct rn_trace *tr);
/* True when a call named name was recorded whose rendered arguments contain
 * arg_substr (NULL: any call of that name). */
RN_API bool rn_trace_has_syscall(const struct rn_trace *tr, const char *name,
				 const char *arg_substr);

/* Load a trace renacer wrote (--format json or jsonl, told apart by their
 * content) for the rn_trace_* and rn_event_* accessors; arguments read back
 * as the text they were written as. Every event is kept in memory (some 400
 * bytes each): rn_compare_files() streams instead. Returns owned (free with
 * rn_trace_free()), or NULL with errno set (EINVAL: malformed, not a renacer
 * trace, another format version, truncated; ENOENT, EACCES...; ENOMEM) and
 * the reason in err: "trace.json:12:34: ...". */
RN_API struct rn_trace *rn_trace_load(const char *path, char *err, size_t errlen);

/* ---- Golden-trace comparison (doc/compare.md) ---------------------------- */

struct rn_compare_opts;
struct rn_report;

/* Returns owned (free with rn_compare_opts_free()), or NULL with errno set. */
RN_API struct rn_compare_opts *rn_compare_opts_new(void);
RN_API void rn_compare_opts_free(struct rn_compare_opts *o);
/* --threshold: "NAME=+PCT%[,+MIN]" (syscalls=+10%,+5, alloc_bytes=+10%,+64KiB,
 * syscall_time=+25%,+1ms, syscall:*=+50%) or "NAME=off". Later calls for the
 * same NAME replace earlier ones. Returns 0, -EINVAL with the reason in err,
 * or -ENOMEM. */
RN_API int rn_compare_opts_set_threshold(struct rn_compare_opts *o, const char *spec, char *err,
					 size_t errlen);
/* --ignore-timing: time metrics are shown but never fail. */
RN_API int rn_compare_opts_set_ignore_timing(struct rn_compare_opts *o, bool on);
/* Align sequences on each call's success or failure as well as its name. */
RN_API int rn_compare_opts_set_match_errors(struct rn_compare_opts *o, bool on);

/* Compare two traces renacer wrote (--format json or jsonl); opts may be
 * NULL for the defaults. Returns owned (free with rn_report_free()), or NULL
 * with errno set as rn_trace_load() does and the reason in err. */
RN_API struct rn_report *rn_compare_files(const char *golden, const char *current,
					  const struct rn_compare_opts *opts, char *err,
					  size_t errlen);
RN_API void rn_report_free(struct rn_report *r);
/* True when some metric exceeded both of its thresholds. */
RN_API bool rn_report_regressed(const struct rn_report *r);
/* The report as text (color: ANSI colours) or as JSON. *out is owned
 * (free()). Return 0 or -ENOMEM. */
RN_API int rn_report_render_text(const struct rn_report *r, bool color, char **out);
RN_API int rn_report_render_json(const struct rn_report *r, char **out);

enum rn_verdict {
	RN_VERDICT_SAME = 0,
	RN_VERDICT_IMPROVED,  /* decreased */
	RN_VERDICT_INCREASED, /* within the thresholds, or a metric that does not gate */
	RN_VERDICT_REGRESSED,
	RN_VERDICT_IGNORED, /* timing under rn_compare_opts_set_ignore_timing() */
	RN_VERDICT_NA,	    /* a trace lacks the data (-c traces have no records) */
};
RN_API size_t rn_report_metric_count(const struct rn_report *r);
/* Borrowed until rn_report_free(); NULL past the end. */
RN_API const char *rn_report_metric_name(const struct rn_report *r, size_t i);
/* The metric called name ("syscalls", "syscall:openat", "class:file",
 * "errno:ENOENT"); false when there is none. Out pointers may be NULL. */
RN_API bool rn_report_metric(const struct rn_report *r, const char *name, uint64_t *before,
			     uint64_t *after, enum rn_verdict *verdict);
/* Percent of calls the sequences have in common (LCS / longer length);
 * -1 when a trace has no records. */
RN_API double rn_report_equivalence(const struct rn_report *r);
/* Paths opened by the current trace only. Borrowed until rn_report_free(). */
RN_API size_t rn_report_new_path_count(const struct rn_report *r);
RN_API const char *rn_report_new_path(const struct rn_report *r, size_t i);

/* ---- Misc ------------------------------------------------------------- */

RN_API const char *rn_version(void);

#ifdef __cplusplus
}
#endif

#endif
