/* SPDX-License-Identifier: MIT */
/* Which events are shown: the -e trace/status/signal filters and -P paths.
 * The syscall set also goes to the back end, which never decodes the rest. */
#include "lib/select.h"

#include <asm/unistd.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "renacer.h"

static int set_err(struct rn_tracer *t, int rc)
{
	if (rc == -ENOMEM)
		snprintf(t->err, sizeof(t->err), "out of memory");
	return rc;
}

static int add_trace_set(struct rn_tracer *t, const char *set)
{
	if (!t->trace_set_given) {
		syscall_set_fill(&t->trace_set, false);
		t->trace_set_given = true;
		t->trace_first = true;
	}
	return set_err(t, filter_parse_trace(&t->trace_set, &t->trace_first, set, t->err,
					     sizeof(t->err)));
}

RN_API int rn_tracer_add_filter(struct rn_tracer *t, const char *expr)
{
	size_t qlen;

	if (t->be) {
		snprintf(t->err, sizeof(t->err), "filters must be set before spawning or attaching");
		return -EBUSY;
	}
	if (!expr || !*expr) {
		snprintf(t->err, sizeof(t->err), "empty filter");
		return -EINVAL;
	}
	/* "qualifier=set", or a bare set meaning trace=set */
	qlen = strspn(expr, "abcdefghijklmnopqrstuvwxyz_");
	if (qlen == 0 || expr[qlen] != '=')
		return add_trace_set(t, expr);
	if (!strncmp(expr, "trace=", 6) || !strncmp(expr, "t=", 2))
		return add_trace_set(t, expr + qlen + 1);
	if (!strncmp(expr, "status=", 7))
		return set_err(t, filter_parse_status(&t->status_mask, expr + qlen + 1, t->err,
						      sizeof(t->err)));
	if (!strncmp(expr, "signal=", 7) || !strncmp(expr, "signals=", 8) ||
	    !strncmp(expr, "s=", 2))
		return set_err(t, filter_parse_signals(&t->signal_mask, expr + qlen + 1, t->err,
						       sizeof(t->err)));
	snprintf(t->err, sizeof(t->err), "invalid filter '%.*s' (trace, status, signal)",
		 (int)qlen, expr);
	return -EINVAL;
}

RN_API int rn_tracer_add_path(struct rn_tracer *t, const char *path)
{
	char **p;

	if (!path || !*path) {
		snprintf(t->err, sizeof(t->err), "empty path");
		return -EINVAL;
	}
	p = realloc(t->paths, (size_t)(t->npaths + 1) * sizeof(*p));
	if (!p)
		return set_err(t, -ENOMEM);
	t->paths = p;
	t->paths[t->npaths] = strdup(path);
	if (!t->paths[t->npaths])
		return set_err(t, -ENOMEM);
	t->npaths++;
	return 0;
}

RN_API int rn_tracer_set_seccomp(struct rn_tracer *t, int mode)
{
	t->seccomp_mode = mode < 0 ? -1 : mode > 0;
	return 0;
}

RN_API bool rn_tracer_seccomp_active(const struct rn_tracer *t)
{
	return t->be && t->be->seccomp_active;
}

RN_API const char *rn_tracer_notice(const struct rn_tracer *t)
{
	if (t->notice[0])
		return t->notice;
	return t->be ? t->be->notice : "";
}

void select_init(struct rn_tracer *t)
{
	t->status_mask = STATUS_ALL;
	t->signal_mask = ~0ull;
	t->seccomp_mode = -1;
}

void select_fini(struct rn_tracer *t)
{
	int i;

	for (i = 0; i < t->npaths; i++)
		free(t->paths[i]);
	free(t->paths);
	free(t->path_fds);
}

/* -P needs the calls that open and close descriptors even when the user's
 * set leaves them out: they are traced but hidden. */
static const char *const path_fd_calls[] = {"open", "openat", "openat2", "creat", "close"};

void select_prepare(struct rn_tracer *t)
{
	size_t i;

	if (t->npaths) {
		/* only calls that can touch a path or a descriptor */
		struct syscall_set touch;

		syscall_set_fill(&touch, false);
		for (i = 0; i < syscall_count(); i++) {
			const struct syscall_desc *sc = syscall_at(i);

			if (sc->classes & (CLASS_FILE | CLASS_DESC))
				touch.bits[sc->nr / 64] |= 1ull << (sc->nr % 64);
		}
		if (!t->trace_set_given) {
			t->trace_set = touch;
			t->trace_set_given = true;
		} else {
			for (i = 0; i < SYSCALL_SET_WORDS; i++)
				t->trace_set.bits[i] &= touch.bits[i];
			t->trace_set.others = false;
		}
		t->user_set = t->trace_set;
		for (i = 0; i < sizeof(path_fd_calls) / sizeof(path_fd_calls[0]); i++) {
			const struct syscall_desc *sc = syscall_by_name(path_fd_calls[i]);

			if (sc)
				t->trace_set.bits[sc->nr / 64] |= 1ull << (sc->nr % 64);
		}
	} else {
		t->user_set = t->trace_set;
	}
	if (t->trace_set_given && !syscall_set_is_full(&t->trace_set)) {
		t->bopts.trace_set = &t->trace_set;
		/* The filter is inherited by every child: without -f an
		 * untraced child's selected calls would fail with ENOSYS
		 * (seccomp(2), SECCOMP_RET_TRACE without a tracer). */
		t->bopts.seccomp = t->seccomp_mode != 0 && t->bopts.follow_forks;
		if (t->seccomp_mode == 1 && !t->bopts.follow_forks)
			snprintf(t->notice, sizeof(t->notice),
				 "--seccomp-bpf needs -f (children inherit the filter); "
				 "tracing without it");
	}
	/* A status filter decides at exit: lines are written whole. */
	t->oopts.whole_lines = t->status_mask != STATUS_ALL;
}

static bool fd_tracked(const struct rn_tracer *t, int pid, uint64_t fd)
{
	uint64_t key = (uint64_t)(uint32_t)pid << 32 | (uint32_t)fd;
	size_t i;

	for (i = 0; i < t->npath_fds; i++)
		if (t->path_fds[i] == key)
			return true;
	return false;
}

static void fd_track(struct rn_tracer *t, int pid, int64_t fd, bool on)
{
	uint64_t key = (uint64_t)(uint32_t)pid << 32 | (uint32_t)fd;
	size_t i;

	for (i = 0; i < t->npath_fds; i++) {
		if (t->path_fds[i] == key) {
			if (!on)
				t->path_fds[i] = t->path_fds[--t->npath_fds];
			return;
		}
	}
	if (!on || fd < 0)
		return;
	if (t->npath_fds == t->path_fds_cap) {
		size_t cap = t->path_fds_cap ? t->path_fds_cap * 2 : 16;
		uint64_t *p = realloc(t->path_fds, cap * sizeof(*p));

		if (!p)
			return;
		t->path_fds = p;
		t->path_fds_cap = cap;
	}
	t->path_fds[t->npath_fds++] = key;
}

static bool touches_path(const struct rn_tracer *t, const struct event *ev)
{
	int i, k;

	for (i = 0; i < ev->nargs; i++) {
		const struct ev_arg *a = &ev->args[i];

		if (a->kind == A_PATH && a->state == ARG_S_DATA) {
			for (k = 0; k < t->npaths; k++)
				if (!strcmp(a->data, t->paths[k]))
					return true;
		} else if ((a->kind == A_FD || a->kind == A_DIRFD) &&
			   fd_tracked(t, ev->pid, a->raw)) {
			return true;
		}
	}
	return false;
}

static unsigned status_of(const struct event *ev)
{
	if (ev->flags & EV_F_NORETURN)
		return STATUS_UNFINISHED | STATUS_UNAVAILABLE;
	return ev->err ? STATUS_FAILED : STATUS_SUCCESSFUL;
}

bool select_event(struct rn_tracer *t, struct event *ev)
{
	switch (ev->type) {
	case EV_SYSCALL_ENTER:
		if (t->npaths && (!touches_path(t, ev) ||
				  !syscall_set_has(&t->user_set, ev->nr)))
			ev->flags |= EV_F_HIDDEN;
		return !(ev->flags & EV_F_HIDDEN) && !t->oopts.whole_lines;
	case EV_SYSCALL_EXIT:
		if (t->npaths && !ev->err && !(ev->flags & EV_F_NORETURN) && ev->sc) {
			switch (ev->nr) {
			case __NR_close:
				fd_track(t, ev->pid, (int64_t)ev->args[0].raw, false);
				break;
			case __NR_open:
			case __NR_openat:
			case __NR_openat2:
			case __NR_creat:
				if (touches_path(t, ev))
					fd_track(t, ev->pid, ev->ret, true);
				break;
			default:
				break;
			}
		}
		if (ev->flags & EV_F_HIDDEN)
			return false;
		return (status_of(ev) & t->status_mask) != 0;
	case EV_SIGNAL:
		return ev->si.si_signo < 1 || ev->si.si_signo > 64 ||
		       ((t->signal_mask >> (ev->si.si_signo - 1)) & 1);
	default:
		return true;
	}
}
