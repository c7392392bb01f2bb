/* SPDX-License-Identifier: MIT */
/* Event accessors of include/renacer.h: a public rn_event is an internal
 * struct event seen through functions only. */
#include <string.h>
#include <sys/wait.h>

#include "core/event.h"
#include "output/render.h"
#include "renacer.h"
#include "util/buf.h"

static const struct event *E(const struct rn_event *ev)
{
	return (const struct event *)ev;
}

RN_API enum rn_event_type rn_event_type(const struct rn_event *ev)
{
	switch (E(ev)->type) {
	case EV_SYSCALL_ENTER:
		return RN_EV_SYSCALL_ENTER;
	case EV_SYSCALL_EXIT:
		return RN_EV_SYSCALL;
	case EV_SIGNAL:
		return RN_EV_SIGNAL;
	case EV_EXIT:
		return RN_EV_EXIT;
	case EV_DETACH:
		return RN_EV_DETACH;
	default:
		return RN_EV_SUPERSEDED;
	}
}

RN_API const char *rn_event_name(const struct rn_event *ev)
{
	return E(ev)->sc ? E(ev)->sc->name : NULL;
}

RN_API int rn_event_nr(const struct rn_event *ev)
{
	return E(ev)->nr;
}

RN_API int rn_event_pid(const struct rn_event *ev)
{
	return E(ev)->pid;
}

RN_API int rn_event_tid(const struct rn_event *ev)
{
	return E(ev)->tid;
}

RN_API int64_t rn_event_retval(const struct rn_event *ev)
{
	return E(ev)->err ? -1 : E(ev)->ret;
}

RN_API int rn_event_errno(const struct rn_event *ev)
{
	return E(ev)->err;
}

RN_API bool rn_event_returned(const struct rn_event *ev)
{
	return E(ev)->type == EV_SYSCALL_EXIT && !(E(ev)->flags & EV_F_NORETURN);
}

RN_API int rn_event_nargs(const struct rn_event *ev)
{
	return E(ev)->type <= EV_SYSCALL_EXIT ? E(ev)->nargs : 0;
}

RN_API uint64_t rn_event_arg_raw(const struct rn_event *ev, int i)
{
	if (i < 0 || i >= rn_event_nargs(ev))
		return 0;
	return E(ev)->args[i].raw;
}

RN_API size_t rn_event_arg(const struct rn_event *ev, int i, char *out, size_t len)
{
	struct buf b = BUF_INIT;
	size_t n;

	if (i >= 0 && i < rn_event_nargs(ev))
		render_arg(&b, E(ev), i, NULL);
	n = b.len;
	if (len) {
		size_t k = n < len - 1 ? n : len - 1;

		if (k)
			memcpy(out, b.data, k);
		out[k] = '\0';
	}
	buf_fini(&b);
	return n;
}

RN_API int rn_event_signo(const struct rn_event *ev)
{
	if (E(ev)->type == EV_SIGNAL)
		return E(ev)->si.si_signo;
	if (E(ev)->type == EV_EXIT && WIFSIGNALED(E(ev)->status))
		return WTERMSIG(E(ev)->status);
	return 0;
}

RN_API int rn_event_exit_status(const struct rn_event *ev)
{
	return E(ev)->type == EV_EXIT ? E(ev)->status : -1;
}

RN_API uint64_t rn_event_ts_ns(const struct rn_event *ev)
{
	return E(ev)->ts_ns;
}

RN_API uint64_t rn_event_duration_ns(const struct rn_event *ev)
{
	if (E(ev)->type != EV_SYSCALL_EXIT || E(ev)->ts_exit_ns < E(ev)->ts_ns)
		return 0;
	return E(ev)->ts_exit_ns - E(ev)->ts_ns;
}
