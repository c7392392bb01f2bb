/* SPDX-License-Identifier: MIT */
/* The JSON writers. "json" streams one document: the header, the "syscalls"
 * array with one record per line as events complete, and the "summary" that
 * end() writes on every way out. "jsonl" writes the same header, records and
 * summary as one object per line. The schema is doc/json-format.md. */
#include "output/json.h"

#include <errno.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

#include "analysis/summary.h"
#include "core/event.h"
#include "output/jsonw.h"
#include "output/render.h"
#include "output/sink.h"
#include "output/table.h"
#include "syscalls/flags.h"
/* Only for RN_VERSION_STRING: the version number lives in the public header. */
#include "renacer.h"

#define JSON_FORMAT  "renacer-json-v1"
#define JSONL_FORMAT "renacer-jsonl-v1"

/* Separators of the document's top-level and summary fields, and the line
 * breaks before the items of the summary's arrays; JSON Lines keeps every
 * object on one line. */
#define DOC_SEP		 ",\n  "
#define DOC_SUM_SEP	 ",\n    "
#define DOC_ITEM_NL	 "\n      "
#define DOC_ITEMS_END_NL "\n    "

struct json_sink {
	struct sink base;
	bool lines; /* JSON Lines */
	const struct output_opts *opts;
	struct output_opts defaults;
	uint64_t start_mono_ns;
	uint64_t records; /* records written so far: the array needs commas */
	struct buf tmp;	  /* one rendered argument or line, reused by every event */
};

static uint64_t rel_ns(const struct json_sink *s, uint64_t ts)
{
	return ts > s->start_mono_ns ? ts - s->start_mono_ns : 0;
}

/* sep, then "name": */
static void field(struct buf *b, const char *sep, const char *name)
{
	buf_puts(b, sep);
	jsonw_key(b, name);
}

static void put_signame(struct buf *b, int sig)
{
	const char *name = signal_name(sig);
	char num[16];

	if (name) {
		jsonw_str(b, name);
	} else {
		snprintf(num, sizeof(num), "%d", sig);
		jsonw_str(b, num);
	}
}

static void put_errno(struct buf *b, int err)
{
	const char *name = errno_name(err);
	char num[16];

	if (name) {
		jsonw_str(b, name);
	} else {
		snprintf(num, sizeof(num), "%d", err);
		jsonw_str(b, num);
	}
}

/* The tmp buffer as a JSON string. */
static void put_tmp(struct json_sink *s, struct buf *b)
{
	jsonw_string(b, s->tmp.data ? s->tmp.data : "", s->tmp.len);
}

/* ,"pid":..,"tid":..,"ts_ns":.. */
static void put_task(struct json_sink *s, struct buf *b, const struct event *ev)
{
	buf_puts(b, ",\"pid\":");
	buf_put_i64(b, ev->pid);
	buf_puts(b, ",\"tid\":");
	buf_put_i64(b, ev->tid);
	buf_puts(b, ",\"ts_ns\":");
	jsonw_u64(b, rel_ns(s, ev->ts_ns));
}

static void put_syscall(struct json_sink *s, struct buf *b, const struct event *ev)
{
	int i;

	buf_puts(b, "{\"type\":\"syscall\",\"name\":");
	if (ev->sc) {
		jsonw_str(b, ev->sc->name);
	} else {
		buf_reset(&s->tmp);
		render_name(&s->tmp, ev);
		put_tmp(s, b);
	}
	buf_puts(b, ",\"nr\":");
	buf_put_i64(b, ev->nr);
	put_task(s, b, ev);
	buf_puts(b, ",\"args\":[");
	for (i = 0; i < ev->nargs; i++) {
		if (i)
			buf_putc(b, ',');
		buf_reset(&s->tmp);
		render_arg(&s->tmp, ev, i, &s->opts->render);
		put_tmp(s, b);
	}
	buf_putc(b, ']');
	if (ev->flags & EV_F_NORETURN) {
		buf_puts(b, ",\"result\":null,\"returned\":false");
	} else {
		buf_puts(b, ",\"result\":");
		jsonw_i64(b, ev->err ? -1 : ev->ret);
		if (ev->err) {
			buf_puts(b, ",\"errno\":");
			put_errno(b, ev->err);
		}
		buf_puts(b, ",\"duration_ns\":");
		jsonw_u64(b, ev->ts_exit_ns > ev->ts_ns ? ev->ts_exit_ns - ev->ts_ns : 0);
	}
	if (ev->flags & EV_F_CPU) {
		buf_puts(b, ",\"cpu_ns\":");
		jsonw_u64(b, ev->cpu_ns);
	}
	/*
	 * SOURCE: -s (source-aware tracing) is not implemented yet. When it is,
	 * the innermost frame of the traced program goes here, only when known:
	 * ,"source":{"file":"src/main.c","line":42,"function":"main"}
	 * (doc/json-format.md and the schema already describe it).
	 */
	buf_putc(b, '}');
}

static void put_signal(struct json_sink *s, struct buf *b, const struct event *ev)
{
	buf_puts(b, "{\"type\":\"signal\"");
	put_task(s, b, ev);
	buf_puts(b, ",\"signal\":");
	put_signame(b, ev->si.si_signo);
	if (ev->flags & EV_F_GROUP_STOP)
		buf_puts(b, ",\"group_stop\":true");
	buf_puts(b, ",\"text\":");
	buf_reset(&s->tmp);
	render_signal(&s->tmp, ev, &s->opts->render);
	put_tmp(s, b);
	buf_putc(b, '}');
}

/* "exit_code":0 or "exit_code":null,"signal":"SIGSEGV"[,"core_dumped":true] */
static void put_status(struct buf *b, bool exited, int st)
{
	buf_puts(b, "\"exit_code\":");
	if (exited && WIFEXITED(st)) {
		buf_put_i64(b, WEXITSTATUS(st));
		return;
	}
	jsonw_null(b);
	if (exited && WIFSIGNALED(st)) {
		buf_puts(b, ",\"signal\":");
		put_signame(b, WTERMSIG(st));
		if (WCOREDUMP(st))
			buf_puts(b, ",\"core_dumped\":true");
	}
}

static void put_exit(struct json_sink *s, struct buf *b, const struct event *ev)
{
	if (ev->type == EV_SUPERSEDED) {
		buf_puts(b, "{\"type\":\"superseded\"");
		put_task(s, b, ev);
		buf_puts(b, ",\"by_tid\":");
		buf_put_i64(b, ev->status);
	} else {
		buf_puts(b, "{\"type\":\"exit\"");
		put_task(s, b, ev);
		buf_putc(b, ',');
		put_status(b, true, ev->status);
	}
	buf_puts(b, ",\"text\":");
	buf_reset(&s->tmp);
	render_exit(&s->tmp, ev);
	put_tmp(s, b);
	buf_putc(b, '}');
}

static bool record_wanted(const struct json_sink *s, const struct event *ev)
{
	if (!s->opts->calls)
		return false; /* -c: the summary only */
	switch (ev->type) {
	case EV_SYSCALL_EXIT:
	case EV_SIGNAL:
	case EV_EXIT:
	case EV_SUPERSEDED:
	case EV_DETACH: return true;
	default: return false; /* EV_SYSCALL_ENTER: the call is written once, at exit */
	}
}

static void put_record(struct json_sink *s, struct buf *b, const struct event *ev)
{
	switch (ev->type) {
	case EV_SYSCALL_EXIT: put_syscall(s, b, ev); break;
	case EV_SIGNAL: put_signal(s, b, ev); break;
	case EV_EXIT:
	case EV_SUPERSEDED: put_exit(s, b, ev); break;
	case EV_DETACH:
		buf_puts(b, "{\"type\":\"detach\"");
		put_task(s, b, ev);
		buf_putc(b, '}');
		break;
	default: break;
	}
}

static int json_event(struct sink *sk, const struct event *ev)
{
	struct json_sink *s = (struct json_sink *)sk;
	struct buf *b = &sk->out.buf;

	if (!record_wanted(s, ev))
		return 0;
	if (s->lines) {
		put_record(s, b, ev);
		buf_putc(b, '\n');
	} else {
		buf_puts(b, s->records ? ",\n    " : "\n    ");
		put_record(s, b, ev);
	}
	s->records++;
	return out_commit(&sk->out);
}

/* ---- header -------------------------------------------------------------- */

static void put_header(struct json_sink *s, struct buf *b, const struct trace_info *info,
		       const char *sep)
{
	int i;

	jsonw_key(b, "version");
	jsonw_str(b, RN_VERSION_STRING);
	field(b, sep, "format");
	jsonw_str(b, s->lines ? JSONL_FORMAT : JSON_FORMAT);
	field(b, sep, "binary");
	jsonw_str(b, info->path);
	field(b, sep, "argv");
	buf_putc(b, '[');
	for (i = 0; info->argv && info->argv[i]; i++) {
		if (i)
			buf_putc(b, ',');
		jsonw_str(b, info->argv[i]);
	}
	buf_putc(b, ']');
	if (info->nattached) {
		field(b, sep, "attached_pids");
		buf_putc(b, '[');
		for (i = 0; i < info->nattached; i++) {
			if (i)
				buf_putc(b, ',');
			buf_put_i64(b, info->attached_pids[i]);
		}
		buf_putc(b, ']');
	}
	field(b, sep, "start_time");
	jsonw_utc_time(b, info->start_wall_ns);
	field(b, sep, "follow_forks");
	jsonw_bool(b, info->follow_forks);
	field(b, sep, "calls");
	jsonw_bool(b, s->opts->calls);
}

static int json_begin(struct sink *sk, const struct trace_info *info)
{
	struct json_sink *s = (struct json_sink *)sk;
	struct buf *b = &sk->out.buf;

	if (info->opts)
		s->opts = info->opts;
	s->start_mono_ns = info->start_mono_ns;
	if (s->lines) {
		buf_puts(b, "{\"type\":\"header\",");
		put_header(s, b, info, ",");
		buf_puts(b, "}\n");
	} else {
		buf_puts(b, "{\n  ");
		put_header(s, b, info, DOC_SEP);
		buf_puts(b, DOC_SEP "\"syscalls\":[");
	}
	/* Written at once: a reader sees that the trace has started. */
	return out_flush(&sk->out);
}

/* ---- summary ------------------------------------------------------------- */

static void put_memory(struct buf *b, const struct mem_stats *m)
{
	static const struct {
		const char *name;
		size_t off;
	} fields[] = {
#define MEM_FIELD(f) { #f, offsetof(struct mem_stats, f) }
		MEM_FIELD(mmap_calls),		MEM_FIELD(munmap_calls),
		MEM_FIELD(mremap_calls),	MEM_FIELD(brk_calls),
		MEM_FIELD(mmap_anon_bytes),	MEM_FIELD(mmap_file_bytes),
		MEM_FIELD(munmap_bytes),	MEM_FIELD(mremap_grow_bytes),
		MEM_FIELD(mremap_shrink_bytes), MEM_FIELD(brk_growth_bytes),
		MEM_FIELD(brk_shrink_bytes),	MEM_FIELD(allocated_bytes),
		MEM_FIELD(peak_mapped_bytes),
#undef MEM_FIELD
	};
	size_t i;

	buf_putc(b, '{');
	for (i = 0; i < sizeof(fields) / sizeof(fields[0]); i++) {
		uint64_t v;

		memcpy(&v, (const char *)m + fields[i].off, sizeof(v));
		field(b, i ? "," : "", fields[i].name);
		jsonw_u64(b, v);
	}
	buf_putc(b, '}');
}

static void put_by_class(struct buf *b, const uint64_t *by)
{
	static const char *const names[FDC_COUNT] = {
		[FDC_OTHER] = "other",	 [FDC_FILE] = "file", [FDC_PIPE] = "pipe",
		[FDC_SOCKET] = "socket", [FDC_TTY] = "tty",
	};
	int i;

	buf_putc(b, '{');
	for (i = 0; i < FDC_COUNT; i++) {
		field(b, i ? "," : "", names[i]);
		jsonw_u64(b, by[i]);
	}
	buf_putc(b, '}');
}

static void put_io(struct buf *b, const struct io_stats *io)
{
	buf_puts(b, "{\"read_calls\":");
	jsonw_u64(b, io->read_calls);
	buf_puts(b, ",\"write_calls\":");
	jsonw_u64(b, io->write_calls);
	buf_puts(b, ",\"read_bytes\":");
	jsonw_u64(b, io->read_bytes);
	buf_puts(b, ",\"written_bytes\":");
	jsonw_u64(b, io->written_bytes);
	buf_puts(b, ",\"read_by_class\":");
	put_by_class(b, io->read_by_class);
	buf_puts(b, ",\"written_by_class\":");
	put_by_class(b, io->written_by_class);
	buf_putc(b, '}');
}

/* {"read":12,"write":113}: calls per syscall, in the order of -S. */
static int put_by_type(struct buf *b, const struct summary_call *calls, enum table_sort sort,
		       int *slots)
{
	char name[32];
	int i, n = table_sorted_slots(calls, sort, slots);

	if (n < 0)
		return n;
	buf_putc(b, '{');
	for (i = 0; i < n; i++) {
		field(b, i ? "," : "", summary_slot_name(slots[i], name, sizeof(name)));
		jsonw_u64(b, calls[slots[i]].calls);
	}
	buf_putc(b, '}');
	return 0;
}

/* [{"name":"read","calls":12,"errors":0,"time_ns":..,"min_ns":..,"max_ns":..}] */
static int put_by_syscall(struct json_sink *s, struct buf *b, const struct summary *sum,
			  enum table_sort sort, int *slots)
{
	static const double q[] = { 0.50, 0.90, 0.99 };
	static const char *const qname[] = { "p50_ns", "p90_ns", "p99_ns" };
	char name[32];
	int i, k, n = table_sorted_slots(sum->calls, sort, slots);

	if (n < 0)
		return n;
	buf_putc(b, '[');
	for (i = 0; i < n; i++) {
		const struct summary_call *c = &sum->calls[slots[i]];

		buf_puts(b, i ? "," : "");
		buf_puts(b, s->lines ? "" : DOC_ITEM_NL);
		buf_puts(b, "{\"name\":");
		jsonw_str(b, summary_slot_name(slots[i], name, sizeof(name)));
		buf_puts(b, ",\"calls\":");
		jsonw_u64(b, c->calls);
		buf_puts(b, ",\"errors\":");
		jsonw_u64(b, c->errors);
		buf_puts(b, ",\"time_ns\":");
		jsonw_u64(b, c->time_ns);
		buf_puts(b, ",\"min_ns\":");
		jsonw_u64(b, c->calls ? c->min_ns : 0);
		buf_puts(b, ",\"max_ns\":");
		jsonw_u64(b, c->max_ns);
		for (k = 0; sum->extended && k < 3; k++) {
			field(b, ",", qname[k]);
			jsonw_u64(b, qsketch_quantile(&c->lat, q[k]));
		}
		buf_putc(b, '}');
	}
	if (n && !s->lines)
		buf_puts(b, DOC_ITEMS_END_NL);
	buf_putc(b, ']');
	return 0;
}

static int put_process(struct buf *b, const struct summary *sum, const struct proc_summary *p,
		       enum table_sort sort, int *slots)
{
	buf_puts(b, "{\"pid\":");
	buf_put_i64(b, p->pid);
	buf_puts(b, ",\"exited\":");
	jsonw_bool(b, p->exited);
	buf_putc(b, ',');
	put_status(b, p->exited, p->status);
	buf_puts(b, ",\"total_syscalls\":");
	jsonw_u64(b, p->total_calls);
	buf_puts(b, ",\"total_errors\":");
	jsonw_u64(b, p->total_errors);
	buf_puts(b, ",\"total_duration_ns\":");
	jsonw_u64(b, p->total_time_ns);
	if (sum->per_process && p->calls) {
		buf_puts(b, ",\"by_type\":");
		if (put_by_type(b, p->calls, sort, slots) < 0)
			return -ENOMEM;
	}
	buf_puts(b, ",\"memory\":");
	put_memory(b, &p->mem);
	buf_puts(b, ",\"io\":");
	put_io(b, &p->io);
	return buf_putc(b, '}');
}

/* The summary's fields: the first after first, the others after sep. */
static int put_summary(struct json_sink *s, struct buf *b, const struct trace_end *end,
		       const char *first, const char *sep)
{
	const struct summary *sum = end->sum;
	enum table_sort sort = s->opts->sort;
	int *slots = NULL, i, rc = 0;

	field(b, first, "complete");
	jsonw_bool(b, end->complete);
	if (!end->complete) {
		field(b, sep, "reason");
		jsonw_str(b, end->reason ? end->reason : "unknown");
	}
	if (!sum)
		return 0;
	slots = malloc(SUMMARY_SLOTS * sizeof(*slots));
	if (!slots)
		return -ENOMEM;
	field(b, sep, "total_syscalls");
	jsonw_u64(b, sum->total_calls);
	field(b, sep, "total_errors");
	jsonw_u64(b, sum->total_errors);
	field(b, sep, "total_duration_ns");
	jsonw_u64(b, sum->total_time_ns);
	field(b, sep, "wall_time_ns");
	jsonw_u64(b, sum->last_ts_ns > sum->first_ts_ns ? sum->last_ts_ns - sum->first_ts_ns : 0);
	field(b, sep, "time_basis");
	jsonw_str(b, sum->cpu_time ? "cpu" : "latency");
	field(b, sep, "unfinished_calls");
	jsonw_u64(b, sum->unfinished_calls);
	field(b, sep, "signals");
	jsonw_u64(b, sum->signals);
	field(b, sep, "by_type");
	rc = put_by_type(b, sum->calls, sort, slots);
	if (rc < 0)
		goto out;
	field(b, sep, "by_syscall");
	rc = put_by_syscall(s, b, sum, sort, slots);
	if (rc < 0)
		goto out;
	field(b, sep, "memory");
	put_memory(b, &sum->mem);
	field(b, sep, "io");
	put_io(b, &sum->io);
	field(b, sep, "processes");
	buf_putc(b, '[');
	for (i = 0; i < sum->nprocs; i++) {
		buf_puts(b, i ? "," : "");
		buf_puts(b, s->lines ? "" : DOC_ITEM_NL);
		rc = put_process(b, sum, &sum->procs[i], sort, slots);
		if (rc < 0)
			goto out;
	}
	if (sum->nprocs && !s->lines)
		buf_puts(b, DOC_ITEMS_END_NL);
	buf_putc(b, ']');
out:
	free(slots);
	return rc;
}

static int json_end(struct sink *sk, const struct trace_end *end)
{
	struct json_sink *s = (struct json_sink *)sk;
	struct buf *b = &sk->out.buf;
	int rc;

	if (s->lines) {
		buf_puts(b, "{\"type\":\"summary\"");
		rc = put_summary(s, b, end, ",", ",");
		buf_puts(b, "}\n");
	} else {
		buf_puts(b, s->records ? "\n  ]," : "],");
		buf_puts(b, "\n  \"summary\":{");
		rc = put_summary(s, b, end, "\n    ", DOC_SUM_SEP);
		buf_puts(b, "\n  }\n}\n");
	}
	if (out_flush(&sk->out) < 0 && !rc)
		rc = sk->out.err;
	return rc;
}

static void json_free(struct sink *sk)
{
	struct json_sink *s = (struct json_sink *)sk;

	buf_fini(&s->tmp);
	free(s);
}

static const struct sink_ops json_ops = {
	.name = "json",
	.needs_summary = true,
	.begin = json_begin,
	.event = json_event,
	.end = json_end,
	.free = json_free,
};

static const struct sink_ops jsonl_ops = {
	.name = "jsonl",
	.needs_summary = true,
	.begin = json_begin,
	.event = json_event,
	.end = json_end,
	.free = json_free,
};

static struct sink *new_sink(bool lines)
{
	struct json_sink *s = calloc(1, sizeof(*s));

	if (!s)
		return NULL;
	s->base.ops = lines ? &jsonl_ops : &json_ops;
	s->lines = lines;
	s->defaults.calls = true;
	s->opts = &s->defaults;
	buf_init(&s->tmp);
	return &s->base;
}

struct sink *json_sink_new(void)
{
	return new_sink(false);
}

struct sink *jsonl_sink_new(void)
{
	return new_sink(true);
}
