/* SPDX-License-Identifier: MIT */
/* The strace-style text writer. A call's line is opened at entry and closed
 * at exit; when another task's line comes between, the open line ends with
 * "<unfinished ...>" and the call later resumes as "<... name resumed>".
 * With -c the per-call lines are left out and the summary table is written
 * at the end; with -C both. */
#include "output/text.h"

#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>

#include "analysis/summary.h"
#include "core/event.h"
#include "output/render.h"
#include "output/sink.h"

struct text_sink {
	struct sink base;
	const struct output_opts *opts;
	struct output_opts defaults;
	uint64_t start_wall_ns, start_mono_ns;
	int open_tid;		/* task whose line is open, or 0 */
	size_t line_off;	/* where the current line starts in the buffer */
	size_t col;		/* columns of the open line already flushed */
	uint64_t last_line_ns;	/* for -r */
	time_t tod_sec;		/* cache of the formatted time of day */
	char tod[16];
};

static void put_frac(struct buf *b, uint64_t ns, int digits)
{
	static const uint64_t div[] = {1000000000, 100000000, 10000000, 1000000, 100000,
				       10000,	   1000,      100,	10,	 1};
	char tmp[16];
	uint64_t v;
	int i;

	if (digits <= 0)
		return;
	if (digits > 9)
		digits = 9;
	v = (ns % 1000000000u) / div[digits];
	for (i = digits - 1; i >= 0; i--) {
		tmp[i] = (char)('0' + v % 10);
		v /= 10;
	}
	buf_putc(b, '.');
	buf_append(b, tmp, (size_t)digits);
}

static void put_timestamp(struct text_sink *s, struct buf *b, uint64_t mono_ns)
{
	const struct output_opts *o = s->opts;
	uint64_t wall = s->start_wall_ns + (mono_ns - s->start_mono_ns);

	if (o->ts_relative) {
		uint64_t d = s->last_line_ns && mono_ns > s->last_line_ns ? mono_ns - s->last_line_ns
									    : 0;

		buf_put_i64_width(b, (long long)(d / 1000000000u), 6);
		put_frac(b, d, o->ts_precision ? o->ts_precision : 6);
		buf_putc(b, ' ');
		s->last_line_ns = mono_ns;
	}
	if (o->ts_format == TS_UNIX) {
		buf_put_u64(b, wall / 1000000000u);
		put_frac(b, wall, o->ts_precision);
		buf_putc(b, ' ');
	} else if (o->ts_format == TS_TIME) {
		time_t sec = (time_t)(wall / 1000000000u);

		if (sec != s->tod_sec || !s->tod[0]) {
			struct tm tm;

			localtime_r(&sec, &tm);
			strftime(s->tod, sizeof(s->tod), "%H:%M:%S", &tm);
			s->tod_sec = sec;
		}
		buf_puts(b, s->tod);
		put_frac(b, wall, o->ts_precision);
		buf_putc(b, ' ');
	}
}

static void line_start(struct text_sink *s, struct buf *b, const struct event *ev, uint64_t ts)
{
	s->line_off = b->len;
	s->col = 0;
	if (ev->ntasks > 1) {
		/* strace: "[pid  123] " on a terminal, "123   " in a file */
		if (s->base.pid_plain) {
			buf_put_i64_width(b, ev->tid, -5);
		} else {
			buf_puts(b, "[pid ");
			buf_put_i64_width(b, ev->tid, 5);
			buf_putc(b, ']');
		}
		buf_putc(b, ' ');
	}
	put_timestamp(s, b, ts);
}

/* strace aligns " = " results at column 40. */
#define RESULT_COLUMN 40

static void put_equals(struct text_sink *s, struct buf *b)
{
	size_t col = s->col + (b->len - s->line_off);

	if (col < RESULT_COLUMN)
		buf_pad(b, ' ', RESULT_COLUMN - col);
	else
		buf_putc(b, ' ');
	buf_puts(b, "= ");
}

/* Another task prints: end the open line. */
static void close_open_line(struct text_sink *s, int tid)
{
	if (s->open_tid && s->open_tid != tid) {
		buf_puts(&s->base.out.buf, " <unfinished ...>\n");
		s->open_tid = 0;
	}
}

static void args_range(struct text_sink *s, struct buf *b, const struct event *ev, int from,
		       int to)
{
	int i;

	for (i = from; i < to; i++) {
		if (i > from)
			buf_puts(b, ", ");
		render_arg(b, ev, i, &s->opts->render);
	}
}

static void put_duration(struct buf *b, const struct event *ev, int digits)
{
	uint64_t d = ev->ts_exit_ns > ev->ts_ns ? ev->ts_exit_ns - ev->ts_ns : 0;

	buf_puts(b, " <");
	buf_put_u64(b, d / 1000000000u);
	put_frac(b, d, digits ? digits : 6);
	buf_putc(b, '>');
}

static int text_event(struct sink *sk, const struct event *ev)
{
	struct text_sink *s = (struct text_sink *)sk;
	struct buf *b = &sk->out.buf;
	int first_exit;

	if (!s->opts->calls)
		return 0;
	close_open_line(s, ev->tid);
	switch (ev->type) {
	case EV_SYSCALL_ENTER:
		if (s->opts->whole_lines)
			return 0;
		first_exit = event_first_exit_arg(ev);
		line_start(s, b, ev, ev->ts_ns);
		render_name(b, ev);
		buf_putc(b, '(');
		args_range(s, b, ev, 0, first_exit);
		/* an argument with a part shown at exit takes the comma along */
		if (first_exit > 0 && first_exit < ev->nargs &&
		    !arg_kind_has_tail(ev->args[first_exit - 1].kind))
			buf_puts(b, ", ");
		s->open_tid = ev->tid;
		/* the buffer may be flushed before the exit: keep the column */
		s->col = b->len - s->line_off;
		s->line_off = 0;
		if (out_commit(&sk->out) < 0)
			return sk->out.err;
		s->line_off = b->len;
		return 0;
	case EV_SYSCALL_EXIT:
		first_exit = event_first_exit_arg(ev);
		if (s->opts->whole_lines) {
			line_start(s, b, ev, ev->ts_ns);
			render_name(b, ev);
			buf_putc(b, '(');
			if (first_exit > 0) {
				args_range(s, b, ev, 0, first_exit);
				if (first_exit < ev->nargs)
					buf_puts(b, ", ");
			}
			s->open_tid = ev->tid;
		}
		if (s->open_tid != ev->tid) {
			line_start(s, b, ev, ev->ts_exit_ns);
			buf_puts(b, "<... ");
			render_name(b, ev);
			buf_puts(b, " resumed>");
		}
		if (!s->opts->whole_lines && first_exit > 0 &&
		    arg_kind_has_tail(ev->args[first_exit - 1].kind)) {
			render_arg_tail(b, ev, first_exit - 1);
			if (first_exit < ev->nargs)
				buf_puts(b, ", ");
		}
		args_range(s, b, ev, first_exit, ev->nargs);
		buf_putc(b, ')');
		put_equals(s, b);
		render_ret(b, ev, &s->opts->render);
		if (s->opts->timing && !(ev->flags & EV_F_NORETURN))
			put_duration(b, ev, s->opts->ts_precision);
		buf_putc(b, '\n');
		s->open_tid = 0;
		break;
	case EV_SIGNAL:
		line_start(s, b, ev, ev->ts_ns);
		render_signal(b, ev, &s->opts->render);
		buf_putc(b, '\n');
		break;
	case EV_EXIT:
	case EV_SUPERSEDED:
		/* strace -qq hides exit statuses, not deaths by signal */
		if (s->opts->quiet >= 2 && (ev->type == EV_SUPERSEDED || WIFEXITED(ev->status)))
			break;
		line_start(s, b, ev, ev->ts_ns);
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

static int text_begin(struct sink *sk, const struct trace_info *info)
{
	struct text_sink *s = (struct text_sink *)sk;

	if (info->opts)
		s->opts = info->opts;
	s->start_wall_ns = info->start_wall_ns;
	s->start_mono_ns = info->start_mono_ns;
	return 0;
}

static int text_end(struct sink *sk, const struct trace_end *end)
{
	struct text_sink *s = (struct text_sink *)sk;

	if (s->open_tid) {
		buf_puts(&sk->out.buf, " <unfinished ...>\n");
		s->open_tid = 0;
	}
	if (s->opts->summary && end->sum)
		table_render_summary(&sk->out.buf, end->sum, s->opts->sort);
	return out_flush(&sk->out);
}

static void text_free(struct sink *sk)
{
	free(sk);
}

static const struct sink_ops text_ops = {
	.name = "text",
	.begin = text_begin,
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
	s->defaults.calls = true;
	s->opts = &s->defaults;
	return &s->base;
}
