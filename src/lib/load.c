/* SPDX-License-Identifier: MIT */
/* rn_trace_load(): a trace renacer wrote, read back into a recorded trace.
 * Arguments keep the text they were written as (ARG_S_TEXT); errno and
 * signal names become numbers again. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analysis/trace_read.h"
#include "lib/tracer.h"
#include "renacer.h"
#include "syscalls/flags.h"

/* errno.def's names with their values, for the way back. */
#define ERRNO(n, m)		{ #n, n },
#define ERRNO_FALLBACK(n, v, m) { #n, v },
#define ERRNO_RESTART(n, v, m)	{ #n, v },
static const struct {
	const char *name;
	int val;
} errno_values[] = {
#include "syscalls/flags/errno.def"
};
#undef ERRNO
#undef ERRNO_FALLBACK
#undef ERRNO_RESTART

/* "ENOENT" or "530" (a number renacer had no name for). */
static int errno_of(const char *name)
{
	size_t i;

	for (i = 0; i < sizeof(errno_values) / sizeof(errno_values[0]); i++)
		if (!strcmp(errno_values[i].name, name))
			return errno_values[i].val;
	i = (size_t)strtoul(name, NULL, 10);
	return i > 0 && i < 4096 ? (int)i : EINVAL;
}

/* "SIGSEGV" or "65". */
static int signal_of(const char *name)
{
	int sig;

	for (sig = 1; sig <= 64; sig++) {
		const char *n = signal_name(sig);

		if (n && !strcmp(n, name))
			return sig;
	}
	sig = atoi(name);
	return sig > 0 && sig < 128 ? sig : 0;
}

static int on_record(void *ctx, const struct trace_rec *rec)
{
	struct rn_trace *tr = ctx;
	struct event ev;
	int i, rc;

	memset(&ev, 0, sizeof(ev));
	ev.pid = rec->pid;
	ev.tid = rec->tid;
	ev.seq = tr->count;
	ev.ts_ns = rec->ts_ns;
	switch (rec->type) {
	case TR_SYSCALL:
		ev.type = EV_SYSCALL_EXIT;
		ev.nr = rec->nr;
		ev.sc = syscall_by_nr(rec->nr);
		if (!ev.sc)
			ev.flags |= EV_F_UNKNOWN;
		ev.nargs = (uint8_t)rec->nargs;
		for (i = 0; i < rec->nargs; i++) {
			/* trace_record() copies ARG_S_DATA; it becomes text below */
			ev.args[i].state = ARG_S_DATA;
			ev.args[i].data = rec->args[i];
			ev.args[i].len = (uint32_t)rec->arg_len[i];
		}
		if (!rec->returned) {
			ev.flags |= EV_F_NORETURN;
		} else {
			ev.ts_exit_ns = rec->ts_ns + rec->duration_ns;
			ev.err = rec->err_name ? errno_of(rec->err_name) : 0;
			ev.ret = ev.err ? -(int64_t)ev.err : rec->result;
		}
		if (rec->has_cpu) {
			ev.flags |= EV_F_CPU;
			ev.cpu_ns = rec->cpu_ns;
		}
		break;
	case TR_SIGNAL:
		ev.type = EV_SIGNAL;
		ev.si.si_signo = rec->signal ? signal_of(rec->signal) : 0;
		if (rec->group_stop)
			ev.flags |= EV_F_GROUP_STOP;
		break;
	case TR_EXIT:
		ev.type = EV_EXIT;
		/* back to a wait(2) status */
		if (rec->has_exit_code)
			ev.status = (rec->exit_code & 0xff) << 8;
		else if (rec->signal)
			ev.status = signal_of(rec->signal) | (rec->core_dumped ? 0x80 : 0);
		break;
	case TR_SUPERSEDED:
		ev.type = EV_SUPERSEDED;
		ev.status = rec->by_tid;
		break;
	case TR_DETACH: ev.type = EV_DETACH; break;
	default: return 0;
	}
	rc = trace_record(tr, &ev);
	if (rc < 0)
		return rc;
	for (i = 0; i < ev.nargs; i++)
		tr->events[tr->count - 1].args[i].state = ARG_S_TEXT;
	return 0;
}

RN_API struct rn_trace *rn_trace_load(const char *path, char *err, size_t errlen)
{
	static const struct trace_read_ops ops = { .record = on_record };
	struct rn_trace *tr = trace_new();
	int rc;

	if (!tr) {
		snprintf(err, errlen, "%s: out of memory", path);
		errno = ENOMEM;
		return NULL;
	}
	rc = trace_read_file(path, &ops, tr, err, errlen);
	if (rc < 0) {
		rn_trace_free(tr);
		errno = -rc;
		return NULL;
	}
	return tr;
}
