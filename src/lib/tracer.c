/* SPDX-License-Identifier: MIT */
/* rn_tracer: options, outputs, spawning/attaching, and the event pump that
 * feeds the sinks. Implements the tracer half of include/renacer.h. */
#include "lib/tracer.h"

#include <errno.h>
#include <limits.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "lib/select.h"
#include "renacer.h"
#include "syscalls/flags.h"

static void tracer_errf(struct rn_tracer *t, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
static void finish(struct rn_tracer *t, bool abandoned);

static void tracer_errf(struct rn_tracer *t, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(t->err, sizeof(t->err), fmt, ap);
	va_end(ap);
}

RN_API const char *rn_version(void)
{
	return RN_VERSION_STRING;
}

RN_API struct rn_tracer *rn_tracer_new(void)
{
	struct rn_tracer *t = calloc(1, sizeof(*t));

	if (!t)
		return NULL;
	t->bopts.string_limit = 32;
	t->bopts.array_limit = 32;
	t->oopts.calls = true;
	t->oopts.ts_precision = 6;
	select_init(t);
	return t;
}

RN_API void rn_tracer_free(struct rn_tracer *t)
{
	int i;

	if (!t)
		return;
	/* The structured outputs close their document on every way out. */
	if (t->begun)
		finish(t, true);
	if (t->be)
		t->be->ops->free(t->be);
	for (i = 0; i < t->nsinks; i++)
		sink_free(t->sinks[i]);
	rn_trace_free(t->trace);
	if (t->sum) {
		summary_fini(t->sum);
		free(t->sum);
	}
	select_fini(t);
	free(t->path);
	free(t);
}

RN_API const char *rn_tracer_errmsg(const struct rn_tracer *t)
{
	return t->err;
}

RN_API bool rn_tracer_failed(const struct rn_tracer *t)
{
	return t->failed;
}

static int check_configurable(struct rn_tracer *t)
{
	if (t->be) {
		tracer_errf(t, "options must be set before spawning or attaching");
		return -EBUSY;
	}
	return 0;
}

RN_API int rn_tracer_set_follow_forks(struct rn_tracer *t, bool on)
{
	int rc = check_configurable(t);

	if (!rc)
		t->bopts.follow_forks = on;
	return rc;
}

RN_API int rn_tracer_set_string_limit(struct rn_tracer *t, unsigned n)
{
	int rc = check_configurable(t);

	if (rc)
		return rc;
	if (n > 1u << 20) {
		tracer_errf(t, "string limit %u is too large (at most 1048576)", n);
		return -EINVAL;
	}
	t->bopts.string_limit = n;
	return 0;
}

RN_API int rn_tracer_set_quiet(struct rn_tracer *t, int level)
{
	t->oopts.quiet = level;
	return 0;
}

RN_API int rn_tracer_set_summary(struct rn_tracer *t, enum rn_summary_mode mode)
{
	int rc = check_configurable(t);

	if (rc)
		return rc;
	if (mode != RN_SUMMARY_NONE && mode != RN_SUMMARY_ONLY && mode != RN_SUMMARY_ALSO) {
		tracer_errf(t, "invalid summary mode %d", (int)mode);
		return -EINVAL;
	}
	t->oopts.summary = mode != RN_SUMMARY_NONE;
	t->oopts.calls = mode != RN_SUMMARY_ONLY;
	return 0;
}

RN_API int rn_tracer_set_summary_sort(struct rn_tracer *t, const char *key)
{
	if (!key || table_sort_parse(key, &t->oopts.sort) < 0) {
		tracer_errf(t, "invalid sort key '%s' (time, calls, errors, name, nothing)",
			    key ? key : "");
		return -EINVAL;
	}
	return 0;
}

RN_API int rn_tracer_set_summary_wall(struct rn_tracer *t, bool on)
{
	int rc = check_configurable(t);

	if (!rc)
		t->summary_wall = on;
	return rc;
}

RN_API int rn_tracer_set_summary_per_process(struct rn_tracer *t, bool on)
{
	int rc = check_configurable(t);

	if (!rc)
		t->summary_per_process = on;
	return rc;
}

RN_API int rn_tracer_set_stats_extended(struct rn_tracer *t, bool on)
{
	int rc = check_configurable(t);

	if (!rc)
		t->stats_extended = on;
	return rc;
}

RN_API int rn_tracer_set_timestamps(struct rn_tracer *t, enum rn_ts_format format, int digits)
{
	if ((format != RN_TS_NONE && format != RN_TS_TIME && format != RN_TS_UNIX) ||
	    digits < 0 || digits > 9) {
		tracer_errf(t, "invalid timestamp format %d or precision %d", (int)format, digits);
		return -EINVAL;
	}
	t->oopts.ts_format = format == RN_TS_TIME ? TS_TIME : format == RN_TS_UNIX ? TS_UNIX
										    : TS_NONE;
	t->oopts.ts_precision = digits;
	return 0;
}

RN_API int rn_tracer_set_relative_timestamps(struct rn_tracer *t, bool on)
{
	t->oopts.ts_relative = on;
	return 0;
}

RN_API int rn_tracer_set_timing(struct rn_tracer *t, bool on)
{
	t->oopts.timing = on;
	return 0;
}

RN_API int rn_tracer_set_decode_fds(struct rn_tracer *t, int level)
{
	int rc = check_configurable(t);

	if (rc)
		return rc;
	if (level < 0 || level > 2) {
		tracer_errf(t, "invalid descriptor decoding level %d (0, 1, 2)", level);
		return -EINVAL;
	}
	t->bopts.decode_fds = level;
	return 0;
}

RN_API int rn_tracer_set_verbose_structs(struct rn_tracer *t, bool on)
{
	int rc = check_configurable(t);

	if (rc)
		return rc;
	t->bopts.verbose = on;
	/* strace -v lifts the limit of max_strlen elements on arrays */
	t->bopts.array_limit = on ? 1024 : 32;
	t->oopts.render.verbose = on;
	return 0;
}

RN_API int rn_tracer_set_strings_in_hex(struct rn_tracer *t, int level)
{
	if (level < 0 || level > 2) {
		tracer_errf(t, "invalid hex string level %d (0, 1, 2)", level);
		return -EINVAL;
	}
	t->oopts.render.hex = (uint8_t)level;
	return 0;
}

RN_API int rn_tracer_set_const_style(struct rn_tracer *t, enum rn_const_style style)
{
	switch (style) {
	case RN_CONST_ABBREV:
		t->oopts.render.xlat = RENDER_XLAT_ABBREV;
		return 0;
	case RN_CONST_RAW:
		t->oopts.render.xlat = RENDER_XLAT_RAW;
		return 0;
	case RN_CONST_VERBOSE:
		t->oopts.render.xlat = RENDER_XLAT_VERBOSE;
		return 0;
	default:
		tracer_errf(t, "invalid constant style %d", (int)style);
		return -EINVAL;
	}
}

RN_API int rn_tracer_set_record(struct rn_tracer *t, bool on)
{
	if (on && !t->trace) {
		t->trace = trace_new();
		if (!t->trace)
			return -ENOMEM;
	}
	t->record = on;
	return 0;
}

RN_API int rn_tracer_add_output(struct rn_tracer *t, const char *format, int fd, unsigned flags)
{
	struct sink *s;

	if (t->nsinks == TRACER_MAX_SINKS) {
		tracer_errf(t, "too many outputs (at most %d)", TRACER_MAX_SINKS);
		return -EINVAL;
	}
	s = sink_new(format, fd, flags & RN_OUT_CLOSE, flags & RN_OUT_LINEBUF);
	if (!s) {
		int e = errno;

		tracer_errf(t, e == EINVAL ? "unknown output format '%s'" : "output '%s': %s",
			    format, strerror(e));
		return -e;
	}
	s->pid_plain = flags & RN_OUT_FILE;
	t->sinks[t->nsinks++] = s;
	return 0;
}

RN_API bool rn_output_format_exists(const char *format)
{
	return format && sink_format_exists(format);
}

RN_API int rn_tracer_set_tracee_stdout_to_stderr(struct rn_tracer *t, bool on)
{
	int rc = check_configurable(t);

	if (!rc)
		t->bopts.stdout_to_stderr = on;
	return rc;
}

static bool wants_summary(const struct rn_tracer *t)
{
	int i;

	if (t->oopts.summary || t->stats_extended || t->summary_per_process)
		return true;
	for (i = 0; i < t->nsinks; i++)
		if (t->sinks[i]->ops->needs_summary)
			return true;
	return false;
}

static int ensure_backend(struct rn_tracer *t)
{
	if (t->be)
		return 0;
	select_prepare(t);
	if (wants_summary(t)) {
		bool cpu = t->oopts.summary && !t->summary_wall;

		t->sum = malloc(sizeof(*t->sum));
		if (!t->sum || summary_init(t->sum, t->summary_per_process, t->stats_extended,
					    cpu) < 0) {
			free(t->sum);
			t->sum = NULL;
			tracer_errf(t, "out of memory");
			return -ENOMEM;
		}
		t->bopts.cpu_time = cpu;
	}
	t->info.opts = &t->oopts;
	t->be = backend_ptrace_new(&t->bopts);
	if (!t->be) {
		tracer_errf(t, "cannot create the ptrace back end: %s", strerror(errno));
		return -ENOMEM;
	}
	t->be->interrupt_sig = t->pending_sig;
	t->be->interrupt_count = t->pending_count;
	t->info.start_mono_ns = t->be->start_mono_ns;
	t->info.start_wall_ns = t->be->start_wall_ns;
	t->info.follow_forks = t->bopts.follow_forks;
	return 0;
}

/* Find the program as a shell would: a name with a slash is used as is,
 * others are searched in PATH. Returns owned path or NULL with errno. */
static char *resolve_program(const char *name)
{
	const char *path = getenv("PATH");
	int saw_eacces = 0;
	struct stat st;

	if (!*name) {
		errno = ENOENT;
		return NULL;
	}
	if (strchr(name, '/')) {
		if (stat(name, &st) < 0)
			return NULL;
		if (S_ISDIR(st.st_mode) || access(name, X_OK) < 0) {
			errno = EACCES;
			return NULL;
		}
		return strdup(name);
	}
	if (!path)
		path = "/usr/local/bin:/usr/bin:/bin";
	while (*path) {
		const char *end = strchr(path, ':');
		size_t dlen = end ? (size_t)(end - path) : strlen(path);
		char full[PATH_MAX];

		if (snprintf(full, sizeof(full), "%.*s%s%s", (int)dlen, dlen ? path : ".",
			     dlen ? "/" : "", name) < (int)sizeof(full) &&
		    stat(full, &st) == 0 && S_ISREG(st.st_mode)) {
			if (access(full, X_OK) == 0)
				return strdup(full);
			saw_eacces = 1;
		}
		path += dlen + (end ? 1 : 0);
		if (!end)
			break;
	}
	errno = saw_eacces ? EACCES : ENOENT;
	return NULL;
}

RN_API int rn_tracer_spawn(struct rn_tracer *t, char *const argv[])
{
	int rc;

	if (!argv || !argv[0]) {
		tracer_errf(t, "no command to run");
		return -EINVAL;
	}
	free(t->path);
	t->path = resolve_program(argv[0]);
	if (!t->path) {
		rc = -errno;
		tracer_errf(t, "Cannot run '%s': %s", argv[0], strerror(-rc));
		return rc;
	}
	rc = ensure_backend(t);
	if (rc < 0)
		return rc;
	rc = t->be->ops->spawn(t->be, t->path, argv);
	if (rc < 0) {
		tracer_errf(t, "%s", t->be->err);
		return rc;
	}
	t->info.argv = argv;
	t->info.path = t->path;
	return rc;
}

RN_API int rn_tracer_attach(struct rn_tracer *t, int pid)
{
	int rc;

	if (pid <= 0) {
		tracer_errf(t, "invalid pid %d", pid);
		return -EINVAL;
	}
	rc = ensure_backend(t);
	if (rc < 0)
		return rc;
	rc = t->be->ops->attach(t->be, pid);
	if (rc < 0) {
		tracer_errf(t, "%s", t->be->err);
		return rc;
	}
	if (t->nattached < TRACER_MAX_ATTACHED) {
		t->attached[t->nattached++] = pid;
		t->info.attached_pids = t->attached;
		t->info.nattached = t->nattached;
	}
	return rc;
}

RN_API void rn_tracer_interrupt(struct rn_tracer *t, int sig)
{
	/* async-signal-safe: only plain stores */
	if (t->be) {
		t->be->interrupt_sig = sig;
		t->be->interrupt_count++;
	} else {
		t->pending_sig = sig;
		t->pending_count++;
	}
}

RN_API int rn_tracer_exit_status(const struct rn_tracer *t)
{
	return t->be ? t->be->spawned_status : -1;
}

static const char *sig_name(int sig)
{
	const char *name = signal_name(sig);

	return name ? name : "a signal";
}

/* Why the trace is incomplete, or NULL when it is whole. A command killed
 * by a signal counts as cut short: its last call may never have returned. */
static const char *end_reason(struct rn_tracer *t, bool abandoned)
{
	const struct backend *be = t->be;

	if (t->failed)
		return "internal error";
	if (be && be->interrupt_count) {
		snprintf(t->end_reason, sizeof(t->end_reason),
			 be->spawned_pid ? "interrupted by %s" : "detached: interrupted by %s",
			 sig_name(be->interrupt_sig));
		return t->end_reason;
	}
	if (abandoned)
		return "tracer freed before the end of the trace";
	if (be && be->spawned_pid && be->spawned_status >= 0 && WIFSIGNALED(be->spawned_status)) {
		snprintf(t->end_reason, sizeof(t->end_reason), "command killed by %s",
			 sig_name(WTERMSIG(be->spawned_status)));
		return t->end_reason;
	}
	return NULL;
}

/* End every output once: at the end of the trace, or when the tracer is
 * freed before it (abandoned). */
static void finish(struct rn_tracer *t, bool abandoned)
{
	struct trace_end end = {0};
	int i;

	if (t->ended)
		return;
	t->ended = true;
	end.reason = end_reason(t, abandoned);
	end.complete = !end.reason;
	end.sum = t->sum;
	for (i = 0; i < t->nsinks; i++)
		if (t->sinks[i]->ops->end)
			t->sinks[i]->ops->end(t->sinks[i], &end);
}

RN_API const struct rn_event *rn_tracer_next(struct rn_tracer *t)
{
	struct event *ev = NULL;
	int i, rc;

	if (!t->be || t->ended)
		return NULL;
	if (!t->begun) {
		t->begun = true;
		for (i = 0; i < t->nsinks; i++)
			if (t->sinks[i]->ops->begin)
				t->sinks[i]->ops->begin(t->sinks[i], &t->info);
	}
	do {
		rc = t->be->ops->next(t->be, &ev);
		if (rc <= 0) {
			if (rc < 0) {
				t->failed = true;
				tracer_errf(t, "%s", t->be->err);
			}
			finish(t, false);
			return NULL;
		}
	} while (!select_event(t, ev));
	if (t->sum && ev->type != EV_SYSCALL_ENTER)
		summary_add(t->sum, ev);
	for (i = 0; i < t->nsinks; i++)
		t->sinks[i]->ops->event(t->sinks[i], ev);
	if (t->record && trace_record(t->trace, ev) < 0) {
		t->failed = true;
		tracer_errf(t, "recording the trace: %s", strerror(ENOMEM));
	}
	return (const struct rn_event *)ev;
}

RN_API int rn_tracer_run(struct rn_tracer *t)
{
	if (!t->be) {
		tracer_errf(t, "nothing to trace: spawn or attach first");
		return -EINVAL;
	}
	while (rn_tracer_next(t))
		;
	return t->failed ? -EIO : 0;
}

RN_API struct rn_trace *rn_tracer_detach_trace(struct rn_tracer *t)
{
	struct rn_trace *tr = t->trace;

	t->trace = NULL;
	t->record = false;
	return tr;
}
