/* SPDX-License-Identifier: MIT */
/* The CSV writer (RFC 4180: CRLF line ends, fields quoted when they hold a
 * comma, a quote or a line break). One row per completed call, signal and
 * exit; with -c the summary table instead. Columns: doc/json-format.md. */
#include "output/csv.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

#include "analysis/summary.h"
#include "core/event.h"
#include "output/render.h"
#include "output/sink.h"
#include "output/table.h"
#include "syscalls/flags.h"

#define CSV_EOL "\r\n"

static const char calls_header[] =
    "ts_ns,pid,tid,name,args,result,errno,duration_ns,source_file,source_line" CSV_EOL;
static const char summary_header[] =
    "syscall,calls,errors,seconds,usecs_per_call,percent_time" CSV_EOL;

struct csv_sink {
	struct sink base;
	const struct output_opts *opts;
	struct output_opts defaults;
	uint64_t start_mono_ns;
	struct buf tmp; /* one rendered field, reused by every event */
};

/* One field, quoted only when needed. */
static void put_field(struct buf *b, const char *s, size_t len)
{
	size_t i;

	if (!s || !len)
		return;
	if (!memchr(s, ',', len) && !memchr(s, '"', len) && !memchr(s, '\n', len) &&
	    !memchr(s, '\r', len)) {
		buf_append(b, s, len);
		return;
	}
	buf_reserve(b, 2 * len + 2);
	buf_putc(b, '"');
	for (i = 0; i < len; i++) {
		if (s[i] == '"')
			buf_putc(b, '"');
		buf_putc(b, s[i]);
	}
	buf_putc(b, '"');
}

static void put_tmp(struct csv_sink *s, struct buf *b)
{
	put_field(b, s->tmp.data, s->tmp.len);
}

/* ts_ns,pid,tid, */
static void put_task(struct csv_sink *s, struct buf *b, const struct event *ev)
{
	buf_put_u64(b, ev->ts_ns > s->start_mono_ns ? ev->ts_ns - s->start_mono_ns : 0);
	buf_putc(b, ',');
	buf_put_i64(b, ev->pid);
	buf_putc(b, ',');
	buf_put_i64(b, ev->tid);
	buf_putc(b, ',');
}

static void put_syscall(struct csv_sink *s, struct buf *b, const struct event *ev)
{
	int i;

	put_task(s, b, ev);
	buf_reset(&s->tmp);
	render_name(&s->tmp, ev);
	put_tmp(s, b);
	buf_putc(b, ',');
	/* The arguments as the text output shows them, in one field. */
	buf_reset(&s->tmp);
	for (i = 0; i < ev->nargs; i++) {
		if (i)
			buf_puts(&s->tmp, ", ");
		render_arg(&s->tmp, ev, i, &s->opts->render);
	}
	put_tmp(s, b);
	buf_putc(b, ',');
	if (!(ev->flags & EV_F_NORETURN)) {
		buf_put_i64(b, ev->err ? -1 : ev->ret);
		buf_putc(b, ',');
		if (ev->err) {
			const char *name = errno_name(ev->err);

			if (name)
				buf_puts(b, name);
			else
				buf_put_i64(b, ev->err);
		}
		buf_putc(b, ',');
		buf_put_u64(b, ev->ts_exit_ns > ev->ts_ns ? ev->ts_exit_ns - ev->ts_ns : 0);
	} else {
		buf_puts(b, ",,");
	}
	/* SOURCE: -s is not implemented yet; source_file and source_line stay
	 * empty until it is (doc/json-format.md). */
	buf_puts(b, ",," CSV_EOL);
}

/* Signals, exits and detaches: the name column holds an upper-case word
 * that no syscall has, args the line the text output shows. */
static void put_other(struct csv_sink *s, struct buf *b, const struct event *ev)
{
	const char *name = "DETACH";

	buf_reset(&s->tmp);
	switch (ev->type) {
	case EV_SIGNAL:
		name = "SIGNAL";
		render_signal(&s->tmp, ev, &s->opts->render);
		break;
	case EV_EXIT:
		name = "EXIT";
		render_exit(&s->tmp, ev);
		break;
	case EV_SUPERSEDED:
		name = "SUPERSEDED";
		render_exit(&s->tmp, ev);
		break;
	default: break;
	}
	put_task(s, b, ev);
	buf_puts(b, name);
	buf_putc(b, ',');
	put_tmp(s, b);
	buf_putc(b, ',');
	if (ev->type == EV_EXIT && WIFEXITED(ev->status))
		buf_put_i64(b, WEXITSTATUS(ev->status));
	buf_puts(b, ",,,," CSV_EOL);
}

static int csv_event(struct sink *sk, const struct event *ev)
{
	struct csv_sink *s = (struct csv_sink *)sk;
	struct buf *b = &sk->out.buf;

	if (!s->opts->calls)
		return 0;
	switch (ev->type) {
	case EV_SYSCALL_EXIT: put_syscall(s, b, ev); break;
	case EV_SIGNAL:
	case EV_EXIT:
	case EV_SUPERSEDED:
	case EV_DETACH: put_other(s, b, ev); break;
	default: return 0; /* EV_SYSCALL_ENTER: the row is written at exit */
	}
	return out_commit(&sk->out);
}

static int csv_begin(struct sink *sk, const struct trace_info *info)
{
	struct csv_sink *s = (struct csv_sink *)sk;

	if (info->opts)
		s->opts = info->opts;
	s->start_mono_ns = info->start_mono_ns;
	buf_puts(&sk->out.buf, s->opts->calls ? calls_header : summary_header);
	return out_flush(&sk->out);
}

/* The -c table: one row per syscall in the order of -S, no total row. */
static int put_summary(struct csv_sink *s, struct buf *b, const struct summary *sum)
{
	char name[32];
	int *slots = malloc(SUMMARY_SLOTS * sizeof(*slots));
	int i, n;

	if (!slots)
		return -ENOMEM;
	n = table_sorted_slots(sum->calls, s->opts->sort, slots);
	for (i = 0; i < n; i++) {
		const struct summary_call *c = &sum->calls[slots[i]];
		double pct = sum->total_time_ns
				 ? 100.0 * (double)c->time_ns / (double)sum->total_time_ns
				 : 0.0;

		buf_puts(b, summary_slot_name(slots[i], name, sizeof(name)));
		buf_printf(b, ",%llu,%llu,%.6f,%llu,%.2f" CSV_EOL, (unsigned long long)c->calls,
			   (unsigned long long)c->errors, (double)c->time_ns / 1e9,
			   (unsigned long long)(c->time_ns / 1000 / c->calls), pct);
	}
	free(slots);
	return n < 0 ? n : 0;
}

static int csv_end(struct sink *sk, const struct trace_end *end)
{
	struct csv_sink *s = (struct csv_sink *)sk;
	int rc = 0;

	/* With -C (calls and table) only the rows are written: one CSV file
	 * holds one table. */
	if (!s->opts->calls && end->sum)
		rc = put_summary(s, &sk->out.buf, end->sum);
	if (out_flush(&sk->out) < 0 && !rc)
		rc = sk->out.err;
	return rc;
}

static void csv_free(struct sink *sk)
{
	struct csv_sink *s = (struct csv_sink *)sk;

	buf_fini(&s->tmp);
	free(s);
}

static const struct sink_ops csv_ops = {
	.name = "csv",
	.needs_summary = true,
	.begin = csv_begin,
	.event = csv_event,
	.end = csv_end,
	.free = csv_free,
};

struct sink *csv_sink_new(void)
{
	struct csv_sink *s = calloc(1, sizeof(*s));

	if (!s)
		return NULL;
	s->base.ops = &csv_ops;
	s->defaults.calls = true;
	s->opts = &s->defaults;
	buf_init(&s->tmp);
	return &s->base;
}
