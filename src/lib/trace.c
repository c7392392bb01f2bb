/* SPDX-License-Identifier: MIT */
/* Recorded traces: completed events copied out of the tracer, for tests and
 * for programs that assert on what a command did. */
#include "lib/tracer.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "output/render.h"
#include "renacer.h"
#include "util/buf.h"

struct rn_trace *trace_new(void)
{
	struct rn_trace *tr = calloc(1, sizeof(*tr));

	if (tr)
		arena_init(&tr->mem, 65536);
	return tr;
}

int trace_record(struct rn_trace *tr, const struct event *ev)
{
	struct event *copy;
	int i;

	if (ev->type == EV_SYSCALL_ENTER)
		return 0;
	if (tr->count == tr->cap) {
		size_t cap = tr->cap ? tr->cap * 2 : 256;
		struct event *p = realloc(tr->events, cap * sizeof(*p));

		if (!p)
			return -ENOMEM;
		tr->events = p;
		tr->cap = cap;
	}
	copy = &tr->events[tr->count];
	*copy = *ev;
	for (i = 0; i < ev->nargs; i++) {
		struct ev_arg *a = &copy->args[i];

		if (a->state != ARG_S_DATA || !a->data)
			continue;
		a->data = arena_strndup(&tr->mem, ev->args[i].data, ev->args[i].len);
		if (!a->data)
			return -ENOMEM;
	}
	/* -y records */
	for (i = 0; i < ev->nargs; i++) {
		struct ev_arg *a = &copy->args[i];

		if (!a->fdpath)
			continue;
		a->fdpath = arena_strndup(&tr->mem, a->fdpath, a->fdpath_len);
		if (!a->fdpath)
			return -ENOMEM;
	}
	if (copy->ret_fdpath) {
		copy->ret_fdpath = arena_strndup(&tr->mem, ev->ret_fdpath, ev->ret_fdpath_len);
		if (!copy->ret_fdpath)
			return -ENOMEM;
	}
	tr->count++;
	return 0;
}

RN_API void rn_trace_free(struct rn_trace *tr)
{
	if (!tr)
		return;
	free(tr->events);
	arena_fini(&tr->mem);
	free(tr);
}

RN_API size_t rn_trace_count(const struct rn_trace *tr)
{
	return tr ? tr->count : 0;
}

RN_API const struct rn_event *rn_trace_event(const struct rn_trace *tr, size_t i)
{
	if (!tr || i >= tr->count)
		return NULL;
	return (const struct rn_event *)&tr->events[i];
}

RN_API size_t rn_trace_total_syscalls(const struct rn_trace *tr)
{
	size_t i, n = 0;

	for (i = 0; tr && i < tr->count; i++)
		n += tr->events[i].type == EV_SYSCALL_EXIT;
	return n;
}

RN_API bool rn_trace_has_syscall(const struct rn_trace *tr, const char *name,
				 const char *arg_substr)
{
	struct buf b = BUF_INIT;
	bool found = false;
	size_t i;
	int k;

	for (i = 0; tr && i < tr->count && !found; i++) {
		const struct event *ev = &tr->events[i];

		if (ev->type != EV_SYSCALL_EXIT || !ev->sc || strcmp(ev->sc->name, name))
			continue;
		if (!arg_substr) {
			found = true;
			break;
		}
		for (k = 0; k < ev->nargs && !found; k++) {
			buf_reset(&b);
			render_arg(&b, ev, k, NULL);
			found = b.data && strstr(b.data, arg_substr);
		}
	}
	buf_fini(&b);
	return found;
}
