/* SPDX-License-Identifier: MIT */
/* The strace-style text writer. A call's line is opened at entry and closed
 * at exit; when another task's line comes between, the open line ends with
 * "<unfinished ...>" and the call later resumes as "<... name resumed>". */
#include "output/text.h"

#include <stdlib.h>

#include "core/event.h"
#include "output/render.h"
#include "output/sink.h"

struct text_sink {
	struct sink base;
	int open_tid; /* task whose line is open, or 0 */
	bool quiet_exit; /* -qq: no "+++ exited" lines */
};

static void prefix(struct buf *b, const struct event *ev)
{
	if (ev->ntasks > 1) {
		buf_puts(b, "[pid ");
		buf_put_i64(b, ev->tid);
		buf_puts(b, "] ");
	}
}

/* Another task prints: end the open line. */
static void close_open_line(struct text_sink *s, int tid)
{
	if (s->open_tid && s->open_tid != tid) {
		buf_puts(&s->base.out.buf, " <unfinished ...>\n");
		s->open_tid = 0;
	}
}

static void args_range(struct buf *b, const struct event *ev, int from, int to)
{
	int i;

	for (i = from; i < to; i++) {
		if (i > from)
			buf_puts(b, ", ");
		render_arg(b, ev, i);
	}
}

static int text_event(struct sink *sk, const struct event *ev)
{
	struct text_sink *s = (struct text_sink *)sk;
	struct buf *b = &sk->out.buf;
	int first_exit;

	close_open_line(s, ev->tid);
	switch (ev->type) {
	case EV_SYSCALL_ENTER:
		first_exit = event_first_exit_arg(ev);
		prefix(b, ev);
		render_name(b, ev);
		buf_putc(b, '(');
		args_range(b, ev, 0, first_exit);
		if (first_exit > 0 && first_exit < ev->nargs)
			buf_puts(b, ", ");
		s->open_tid = ev->tid;
		break;
	case EV_SYSCALL_EXIT:
		first_exit = event_first_exit_arg(ev);
		if (s->open_tid != ev->tid) {
			prefix(b, ev);
			buf_puts(b, "<... ");
			render_name(b, ev);
			buf_puts(b, " resumed>");
		}
		args_range(b, ev, first_exit, ev->nargs);
		buf_puts(b, ") = ");
		render_ret(b, ev);
		buf_putc(b, '\n');
		s->open_tid = 0;
		break;
	case EV_SIGNAL:
		prefix(b, ev);
		render_signal(b, ev);
		buf_putc(b, '\n');
		break;
	case EV_EXIT:
	case EV_SUPERSEDED:
		if (s->quiet_exit)
			break;
		prefix(b, ev);
		render_exit(b, ev);
		buf_putc(b, '\n');
		break;
	case EV_DETACH:
		if (s->open_tid == ev->tid) {
			buf_puts(b, " <detached ...>\n");
			s->open_tid = 0;
		}
		break;
	default:
		break;
	}
	return out_commit(&sk->out);
}

static int text_end(struct sink *sk, const struct trace_end *end)
{
	struct text_sink *s = (struct text_sink *)sk;

	(void)end;
	if (s->open_tid) {
		buf_puts(&sk->out.buf, " <unfinished ...>\n");
		s->open_tid = 0;
	}
	return out_flush(&sk->out);
}

static void text_free(struct sink *sk)
{
	free(sk);
}

static const struct sink_ops text_ops = {
	.name = "text",
	.event = text_event,
	.end = text_end,
	.free = text_free,
};

struct sink *text_sink_new(void)
{
	struct text_sink *s = calloc(1, sizeof(*s));

	if (!s)
		return NULL;
	s->base.ops = &text_ops;
	return &s->base;
}

void text_sink_set_quiet_exit(struct sink *sk, bool on)
{
	((struct text_sink *)sk)->quiet_exit = on;
}
