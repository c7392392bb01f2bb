/* SPDX-License-Identifier: MIT */
/* Golden-trace comparison: metrics against thresholds, what appears in one
 * trace only, and the alignment of the call sequences (doc/compare.md). */
#include "analysis/compare.h"

#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analysis/compare_side.h"
#include "analysis/seqdiff.h"
#include "syscalls/table.h"
#include "util/buf.h"

static const struct {
	const char *name, *label;
	enum cmp_kind kind;
} main_metrics[] = {
	{ "syscalls", "Syscall count", CMP_COUNT },
	{ "reads", "Read operations", CMP_COUNT },
	{ "read_bytes", "Bytes read", CMP_BYTES },
	{ "writes", "Write operations", CMP_COUNT },
	{ "written_bytes", "Bytes written", CMP_BYTES },
	{ "allocs", "Memory allocations", CMP_COUNT },
	{ "alloc_bytes", "Allocated bytes", CMP_BYTES },
	{ "files_opened", "Files opened", CMP_FILES },
	{ "failed", "Failed syscalls", CMP_FAILED },
	{ "processes", "Processes", CMP_COUNT },
	{ "threads", "Threads", CMP_COUNT },
	{ "syscall_time", "Syscall time", CMP_TIME },
	{ "wall_time", "Wall time", CMP_TIME },
};

#define N_MAIN (sizeof(main_metrics) / sizeof(main_metrics[0]))

/* strace's class names (-e trace=%file...). */
static const struct {
	unsigned bit;
	const char *name;
} classes[] = {
	{ CLASS_FILE, "file" },	    { CLASS_DESC, "desc" },	  { CLASS_PROCESS, "process" },
	{ CLASS_MEMORY, "memory" }, { CLASS_NETWORK, "network" }, { CLASS_SIGNAL, "signal" },
	{ CLASS_IPC, "ipc" },	    { CLASS_TIME, "clock" },	  { CLASS_CREDS, "creds" },
};

#define N_CLASSES (sizeof(classes) / sizeof(classes[0]))

/* ---- options and thresholds ---------------------------------------------- */

void cmp_opts_init(struct cmp_opts *o)
{
	memset(o, 0, sizeof(*o));
}

void cmp_opts_fini(struct cmp_opts *o)
{
	free(o->over);
	memset(o, 0, sizeof(*o));
}

struct cmp_threshold cmp_default_threshold(enum cmp_kind kind)
{
	struct cmp_threshold th = { 10.0, 5, true };

	switch (kind) {
	case CMP_BYTES: th.min = 64 * 1024; break;
	case CMP_TIME:
		th.pct = 25.0;
		th.min = 1000000;
		break;
	case CMP_FAILED: th.min = 3; break;
	case CMP_FILES:
		th.pct = 0.0;
		th.min = 1;
		th.gate = false;
		break;
	default: break;
	}
	return th;
}

const char *cmp_kind_name(enum cmp_kind k)
{
	static const char *const names[CMP_KIND_COUNT] = { "count", "bytes", "time", "failed",
							   "files" };

	return k < CMP_KIND_COUNT ? names[k] : "count";
}

const char *cmp_verdict_name(enum cmp_verdict v)
{
	switch (v) {
	case CMP_SAME: return "same";
	case CMP_IMPROVED: return "improved";
	case CMP_INCREASED: return "increased";
	case CMP_REGRESSED: return "regressed";
	case CMP_IGNORED: return "ignored";
	default: return "n/a";
	}
}

static bool is_errno_name(const char *s)
{
	if (s[0] != 'E' || !s[1])
		return false;
	for (s++; *s; s++)
		if (!((*s >= 'A' && *s <= 'Z') || (*s >= '0' && *s <= '9') || *s == '_'))
			return false;
	return true;
}

static bool is_class_name(const char *s)
{
	size_t i;

	for (i = 0; i < N_CLASSES; i++)
		if (!strcmp(s, classes[i].name))
			return true;
	return false;
}

/* The kind of the metric (or family) called name; -1 for "*" (any);
 * -2 when there is no such metric. */
static int kind_of_name(const char *name)
{
	size_t i;

	if (!strcmp(name, "*"))
		return -1;
	for (i = 0; i < N_MAIN; i++)
		if (!strcmp(name, main_metrics[i].name))
			return (int)main_metrics[i].kind;
	if (!strncmp(name, "syscall:", 8))
		return !strcmp(name + 8, "*") || syscall_by_name(name + 8) ||
			       !strncmp(name + 8, "syscall_0x", 10) || !strcmp(name + 8, "(other)")
			   ? CMP_COUNT
			   : -2;
	if (!strncmp(name, "class:", 6))
		return !strcmp(name + 6, "*") || is_class_name(name + 6) ? CMP_COUNT : -2;
	if (!strncmp(name, "errno:", 6))
		return !strcmp(name + 6, "*") || is_errno_name(name + 6) ? CMP_FAILED : -2;
	return -2;
}

static const struct {
	const char *suffix;
	double mul;
	enum cmp_kind kind;
} units[] = {
	{ "B", 1, CMP_BYTES },
	{ "K", 1024, CMP_BYTES },
	{ "KiB", 1024, CMP_BYTES },
	{ "M", 1024.0 * 1024, CMP_BYTES },
	{ "MiB", 1024.0 * 1024, CMP_BYTES },
	{ "G", 1024.0 * 1024 * 1024, CMP_BYTES },
	{ "GiB", 1024.0 * 1024 * 1024, CMP_BYTES },
	{ "ns", 1, CMP_TIME },
	{ "us", 1e3, CMP_TIME },
	{ "\xc2\xb5s", 1e3, CMP_TIME },
	{ "ms", 1e6, CMP_TIME },
	{ "s", 1e9, CMP_TIME },
};

#define USAGE_TH "expected NAME=+PCT%[,+MIN] (e.g. syscalls=+10%,+5) or NAME=off"

static int bad_th(char *err, size_t errlen, const char *spec, const char *why)
{
	snprintf(err, errlen, "invalid threshold '%s': %s", spec, why);
	return -EINVAL;
}

/* "+10%" then optionally ",+5", ",+64KiB", ",+1ms". */
static int parse_th_value(const char *spec, const char *v, int kind, struct cmp_threshold *th,
			  bool *has_min, char *err, size_t errlen)
{
	char *end;
	double x;
	size_t i;

	if (*v == '-')
		return bad_th(err, errlen, spec,
			      "thresholds are increases; a decrease never fails");
	if (*v == '+')
		v++;
	x = strtod(v, &end);
	if (end == v || *end != '%' || !(x >= 0) || x > 1e9)
		return bad_th(err, errlen, spec, "the first part is a percentage such as +10%");
	th->pct = x;
	v = end + 1;
	if (!*v)
		return 0;
	if (*v != ',')
		return bad_th(err, errlen, spec,
			      "expected ',' and a minimum increase after the "
			      "percentage");
	v++;
	if (*v == '-')
		return bad_th(err, errlen, spec,
			      "thresholds are increases; a decrease never fails");
	if (*v == '+')
		v++;
	x = strtod(v, &end);
	if (end == v || !(x >= 0) || x > 1.8e19)
		return bad_th(err, errlen, spec, "the minimum increase is a number such as +5");
	if (*end) {
		for (i = 0; i < sizeof(units) / sizeof(units[0]); i++)
			if (!strcmp(end, units[i].suffix))
				break;
		if (i == sizeof(units) / sizeof(units[0]))
			return bad_th(err, errlen, spec,
				      "unknown unit (B, KiB, MiB, GiB for bytes; ns, us, ms, s for "
				      "time; none for counts)");
		if (kind >= 0 && (enum cmp_kind)kind != units[i].kind)
			return bad_th(err, errlen, spec,
				      units[i].kind == CMP_BYTES
					  ? "a size unit on a metric that is "
					    "not in bytes"
					  : "a time unit on a metric that is "
					    "not a time");
		x *= units[i].mul;
	}
	th->min = (uint64_t)(x + 0.5);
	*has_min = true;
	return 0;
}

int cmp_opts_threshold(struct cmp_opts *o, const char *spec, char *err, size_t errlen)
{
	struct cmp_override ov;
	const char *eq = strchr(spec, '=');
	size_t i, n;
	int kind;

	memset(&ov, 0, sizeof(ov));
	if (!eq || eq == spec)
		return bad_th(err, errlen, spec, USAGE_TH);
	n = (size_t)(eq - spec);
	if (n >= sizeof(ov.name))
		return bad_th(err, errlen, spec, "metric name too long");
	memcpy(ov.name, spec, n);
	ov.name[n] = '\0';
	kind = kind_of_name(ov.name);
	if (kind == -2) {
		snprintf(
		    err, errlen,
		    "invalid threshold '%s': unknown metric '%s' (syscalls, reads, read_bytes, "
		    "writes, written_bytes, allocs, alloc_bytes, files_opened, failed, "
		    "processes, threads, syscall_time, wall_time, syscall:NAME, class:NAME, "
		    "errno:NAME, syscall:*, class:*, errno:*, *)",
		    spec, ov.name);
		return -EINVAL;
	}
	if (!strcmp(eq + 1, "off")) {
		ov.th.gate = false;
	} else {
		ov.th.gate = true;
		if (parse_th_value(spec, eq + 1, kind, &ov.th, &ov.has_min, err, errlen) < 0)
			return -EINVAL;
	}
	for (i = 0; i < o->nover; i++) {
		if (!strcmp(o->over[i].name, ov.name)) {
			o->over[i] = ov;
			return 0;
		}
	}
	{
		struct cmp_override *p = realloc(o->over, (o->nover + 1) * sizeof(*p));

		if (!p)
			return -ENOMEM;
		o->over = p;
	}
	o->over[o->nover++] = ov;
	return 0;
}

static struct cmp_threshold threshold_for(const struct cmp_opts *o, const char *name,
					  enum cmp_kind kind)
{
	struct cmp_threshold th = cmp_default_threshold(kind);
	const struct cmp_override *best = NULL;
	int best_rank = 0, rank;
	size_t i;

	for (i = 0; i < o->nover; i++) {
		const char *n = o->over[i].name;
		size_t len = strlen(n);

		if (!strcmp(n, name))
			rank = 3;
		else if (len > 2 && !strcmp(n + len - 2, ":*") && !strncmp(n, name, len - 1))
			rank = 2;
		else if (!strcmp(n, "*"))
			rank = 1;
		else
			rank = 0;
		if (rank > best_rank) {
			best_rank = rank;
			best = &o->over[i];
		}
	}
	if (best) {
		th.gate = best->th.gate;
		if (best->th.gate) {
			th.pct = best->th.pct;
			if (best->has_min)
				th.min = best->th.min;
		}
	}
	return th;
}

/* ---- metrics ------------------------------------------------------------- */

/* grow: the increase the thresholds judge (after - before, or for
 * files_opened the paths new in the current trace). */
static enum cmp_verdict judge(const struct cmp_threshold *th, uint64_t before, uint64_t after,
			      uint64_t grow)
{
	double pct;

	if (th->gate && grow) {
		pct = before ? 100.0 * (double)grow / (double)before : INFINITY;
		if (grow >= th->min && pct > th->pct)
			return CMP_REGRESSED;
	}
	if (after == before)
		return CMP_SAME;
	return after < before ? CMP_IMPROVED : CMP_INCREASED;
}

static struct cmp_metric *metric_add(struct cmp_report *r, const struct cmp_opts *o,
				     const char *name, const char *label, enum cmp_kind kind,
				     enum cmp_family fam, uint64_t before, uint64_t after)
{
	struct cmp_metric *m;

	if (r->nmetrics == r->metrics_cap) {
		size_t cap = r->metrics_cap ? r->metrics_cap * 2 : 64;
		struct cmp_metric *p = realloc(r->metrics, cap * sizeof(*p));

		if (!p)
			return NULL;
		r->metrics = p;
		r->metrics_cap = cap;
	}
	m = &r->metrics[r->nmetrics++];
	memset(m, 0, sizeof(*m));
	snprintf(m->name, sizeof(m->name), "%s", name);
	m->label = label;
	m->kind = (uint8_t)kind;
	m->family = (uint8_t)fam;
	m->before = before;
	m->after = after;
	m->th = threshold_for(o, m->name, kind);
	m->verdict = (uint8_t)judge(&m->th, before, after, after > before ? after - before : 0);
	return m;
}

static int note(struct cmp_report *r, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static int note(struct cmp_report *r, const char *fmt, ...)
{
	char tmp[256];
	va_list ap;

	if (r->nnotes == CMP_MAX_NOTES)
		return 0;
	va_start(ap, fmt);
	vsnprintf(tmp, sizeof(tmp), fmt, ap);
	va_end(ap);
	r->notes[r->nnotes] = arena_strndup(&r->mem, tmp, strlen(tmp));
	if (!r->notes[r->nnotes])
		return -ENOMEM;
	r->nnotes++;
	return 0;
}

static uint64_t main_value(const struct cmp_side *s, size_t i)
{
	const struct trace_totals *t = &s->tot;
	const char *n = main_metrics[i].name;

	if (!strcmp(n, "syscalls"))
		return t->total_syscalls;
	if (!strcmp(n, "reads"))
		return t->io.read_calls;
	if (!strcmp(n, "read_bytes"))
		return t->io.read_bytes;
	if (!strcmp(n, "writes"))
		return t->io.write_calls;
	if (!strcmp(n, "written_bytes"))
		return t->io.written_bytes;
	if (!strcmp(n, "allocs"))
		return t->mem.mmap_calls + t->mem.mremap_calls + t->mem.brk_calls;
	if (!strcmp(n, "alloc_bytes"))
		return t->mem.allocated_bytes;
	if (!strcmp(n, "files_opened"))
		return s->paths.count;
	if (!strcmp(n, "failed"))
		return t->total_errors;
	if (!strcmp(n, "processes"))
		return t->nprocs;
	if (!strcmp(n, "threads"))
		return s->ntasks;
	if (!strcmp(n, "syscall_time"))
		return t->total_duration_ns;
	return t->wall_time_ns;
}

static size_t new_paths(const struct cmp_side *g, const struct cmp_side *c)
{
	size_t i, n = 0;

	for (i = 0; i < c->paths.count; i++)
		n += strmap_find(&g->paths, strmap_str(&c->paths, i), strmap_len(&c->paths, i)) < 0;
	return n;
}

static int main_metrics_add(struct cmp_report *r, const struct cmp_opts *o,
			    const struct cmp_side *g, const struct cmp_side *c)
{
	bool records = g->calls && c->calls;
	bool timing = !o->ignore_timing && g->tot.cpu_time == c->tot.cpu_time;
	struct cmp_metric *m;
	size_t i;

	for (i = 0; i < N_MAIN; i++) {
		enum cmp_kind kind = main_metrics[i].kind;
		const char *name = main_metrics[i].name;

		m = metric_add(r, o, name, main_metrics[i].label, kind, CMP_FAM_MAIN,
			       main_value(g, i), main_value(c, i));
		if (!m)
			return -ENOMEM;
		if (!records && (!strcmp(name, "files_opened") || !strcmp(name, "threads"))) {
			m->verdict = CMP_NA;
		} else if (kind == CMP_TIME && !timing) {
			m->verdict = CMP_IGNORED;
		} else if (kind == CMP_FILES) {
			/* a path swapped for another is as new as an added one */
			m->verdict = (uint8_t)judge(&m->th, m->before, m->after, new_paths(g, c));
		}
	}
	return 0;
}

static int family_metrics_add(struct cmp_report *r, const struct cmp_opts *o,
			      const struct cmp_side *g, const struct cmp_side *c)
{
	const struct trace_totals *gt = &g->tot, *ct = &c->tot;
	char name[48], tmp[32];
	size_t i, k;
	long id;

	for (i = 0; i < SUMMARY_SLOTS; i++) {
		if (!gt->calls[i] && !ct->calls[i])
			continue;
		snprintf(name, sizeof(name), "syscall:%s",
			 summary_slot_name((int)i, tmp, sizeof(tmp)));
		if (!metric_add(r, o, name, NULL, CMP_COUNT, CMP_FAM_SYSCALL, gt->calls[i],
				ct->calls[i]))
			return -ENOMEM;
	}
	for (k = 0; k < N_CLASSES; k++) {
		uint64_t before = 0, after = 0;

		for (i = 0; i < SYSCALL_NR_LIMIT; i++) {
			const struct syscall_desc *sc = syscall_by_nr((long)i);

			if (sc && (sc->classes & classes[k].bit)) {
				before += gt->calls[i];
				after += ct->calls[i];
			}
		}
		if (!before && !after)
			continue;
		snprintf(name, sizeof(name), "class:%s", classes[k].name);
		if (!metric_add(r, o, name, NULL, CMP_COUNT, CMP_FAM_CLASS, before, after))
			return -ENOMEM;
	}
	if (!g->calls || !c->calls)
		return 0;
	for (i = 0; i < g->errnos.count + c->errnos.count; i++) {
		const struct cmp_side *s = i < g->errnos.count ? g : c;
		size_t sid = i < g->errnos.count ? i : i - g->errnos.count;
		const char *e = strmap_str(&s->errnos, sid);
		size_t len = strmap_len(&s->errnos, sid);
		uint64_t before = 0, after = 0;

		if (s == c && strmap_find(&g->errnos, e, len) >= 0)
			continue; /* counted with the golden ones */
		id = strmap_find(&g->errnos, e, len);
		if (id >= 0)
			before = g->errno_n[id];
		id = strmap_find(&c->errnos, e, len);
		if (id >= 0)
			after = c->errno_n[id];
		snprintf(name, sizeof(name), "errno:%s", e);
		if (!metric_add(r, o, name, NULL, CMP_FAILED, CMP_FAM_ERRNO, before, after))
			return -ENOMEM;
	}
	return 0;
}

const struct cmp_metric *cmp_report_metric(const struct cmp_report *r, const char *name)
{
	size_t i;

	for (i = 0; i < r->nmetrics; i++)
		if (!strcmp(r->metrics[i].name, name))
			return &r->metrics[i];
	return NULL;
}

/* ---- one trace only ------------------------------------------------------ */

static int list_add(struct cmp_report *r, struct cmp_list *l, const char *text, size_t len,
		    const char *err, uint16_t nr, uint64_t count, const char *source)
{
	struct cmp_item *it;
	char tmp[32];

	if (l->count == l->cap) {
		size_t cap = l->cap ? l->cap * 2 : 16;
		struct cmp_item *p = realloc(l->items, cap * sizeof(*p));

		if (!p)
			return -ENOMEM;
		l->items = p;
		l->cap = cap;
	}
	it = &l->items[l->count];
	memset(it, 0, sizeof(*it));
	it->text = arena_strndup(&r->mem, text, len);
	it->err = err ? arena_strndup(&r->mem, err, strlen(err)) : NULL;
	it->syscall = cmp_call_name(nr, tmp, sizeof(tmp));
	if (it->syscall == tmp)
		it->syscall = arena_strndup(&r->mem, tmp, strlen(tmp));
	it->source = source ? arena_strndup(&r->mem, source, strlen(source)) : NULL;
	it->count = count;
	if (!it->text || (err && !it->err) || !it->syscall || (source && !it->source))
		return -ENOMEM;
	l->count++;
	return 0;
}

/* Syscalls called in one trace only (from the summaries). */
static int syscalls_only(struct cmp_report *r, struct cmp_list *l, const struct cmp_side *in,
			 const struct cmp_side *other)
{
	char tmp[32];
	size_t i;

	for (i = 0; i < SUMMARY_SLOTS; i++) {
		const char *name;

		if (!in->tot.calls[i] || other->tot.calls[i])
			continue;
		name = summary_slot_name((int)i, tmp, sizeof(tmp));
		if (list_add(r, l, name, strlen(name), NULL, (uint16_t)i, in->tot.calls[i],
			     cmp_side_source(in, in->first_src[i])) < 0)
			return -ENOMEM;
	}
	return 0;
}

static int paths_only(struct cmp_report *r, struct cmp_list *l, const struct cmp_side *in,
		      const struct cmp_side *other)
{
	size_t i;

	for (i = 0; i < in->paths.count; i++) {
		const struct cmp_count *cc = &in->path_c[i];

		if (strmap_find(&other->paths, strmap_str(&in->paths, i),
				strmap_len(&in->paths, i)) >= 0)
			continue;
		if (list_add(r, l, strmap_str(&in->paths, i), strmap_len(&in->paths, i), NULL,
			     cc->nr, cc->count, cmp_side_source(in, cc->src)) < 0)
			return -ENOMEM;
	}
	return 0;
}

static int failures_new(struct cmp_report *r, const struct cmp_side *g, const struct cmp_side *c)
{
	size_t i;

	for (i = 0; i < c->fails.count; i++) {
		const char *key = strmap_str(&c->fails, i);
		size_t nlen = strlen(key);

		if (strmap_find(&g->fails, key, strmap_len(&c->fails, i)) >= 0)
			continue;
		if (list_add(r, &r->new_failures, key, nlen, key + nlen + 1, c->fail_c[i].nr,
			     c->fail_c[i].count, cmp_side_source(c, c->fail_c[i].src)) < 0)
			return -ENOMEM;
	}
	return 0;
}

/* ---- sequences ----------------------------------------------------------- */

struct seq_ctx {
	struct cmp_report *r;
	const struct cmp_side *g, *c;
	const struct cmp_task *gt, *ct; /* NULL when the other trace has no such task */
	unsigned task;
	size_t pa, pb; /* end of the last match */
};

static int block(struct seq_ctx *x, bool inserted, size_t gpos, size_t cpos, size_t len)
{
	struct cmp_seq *q = &x->r->seq;
	const struct cmp_task *t = inserted ? x->ct : x->gt;
	const struct cmp_side *s = inserted ? x->c : x->g;
	size_t pos = inserted ? cpos : gpos, i;
	struct cmp_block *b;
	const char *src;

	if (inserted) {
		q->inserted_blocks++;
		q->inserted_calls += len;
	} else {
		q->deleted_blocks++;
		q->deleted_calls += len;
	}
	if (q->nblocks == CMP_MAX_BLOCKS)
		return 0;
	b = &q->blocks[q->nblocks++];
	memset(b, 0, sizeof(*b));
	b->inserted = inserted;
	b->task = x->task;
	b->golden_pos = gpos;
	b->current_pos = cpos;
	b->len = len;
	for (i = 0; i < CMP_BLOCK_CALLS && i < len; i++)
		b->calls[i] = t->seq[pos + i] & CMP_TOK_NR;
	src = t->src ? cmp_side_source(s, t->src[pos]) : NULL;
	if (src) {
		b->source = arena_strndup(&x->r->mem, src, strlen(src));
		if (!b->source)
			return -ENOMEM;
	}
	return 0;
}

static int gap(struct seq_ctx *x, size_t ai, size_t bi)
{
	int rc = 0;

	if (ai > x->pa)
		rc = block(x, false, x->pa, x->pb, ai - x->pa);
	if (!rc && bi > x->pb)
		rc = block(x, true, ai, x->pb, bi - x->pb);
	return rc;
}

static int on_match(void *ctx, size_t ai, size_t bi, size_t len)
{
	struct seq_ctx *x = ctx;
	int rc = gap(x, ai, bi);

	x->pa = ai + len;
	x->pb = bi + len;
	return rc;
}

static int sequences(struct cmp_report *r, const struct cmp_opts *o, struct cmp_side *g,
		     struct cmp_side *c)
{
	struct cmp_seq *q = &r->seq;
	size_t i, k, n = g->ntasks > c->ntasks ? g->ntasks : c->ntasks;
	int rc = 0;

	q->available = g->calls && c->calls;
	if (!q->available)
		return 0;
	q->golden_tasks = g->ntasks;
	q->current_tasks = c->ntasks;
	for (i = 0; i < n && !rc; i++) {
		struct cmp_task *gt = i < g->ntasks ? &g->tasks[i] : NULL;
		struct cmp_task *ct = i < c->ntasks ? &c->tasks[i] : NULL;
		struct seq_ctx x = { r, g, c, gt, ct, (unsigned)i, 0, 0 };
		struct seqdiff_result res;

		q->golden_calls += gt ? gt->n : 0;
		q->current_calls += ct ? ct->n : 0;
		if (!gt || !ct) {
			rc = gap(&x, gt ? gt->n : 0, ct ? ct->n : 0);
			continue;
		}
		if (!o->match_errors) {
			for (k = 0; k < gt->n; k++)
				gt->seq[k] &= CMP_TOK_NR;
			for (k = 0; k < ct->n; k++)
				ct->seq[k] &= CMP_TOK_NR;
		}
		rc = seqdiff(gt->seq, gt->n, ct->seq, ct->n, NULL, on_match, &x, &res);
		if (!rc)
			rc = gap(&x, gt->n, ct->n);
		q->lcs += res.lcs;
		q->approximate |= res.approximate;
	}
	n = q->golden_calls > q->current_calls ? q->golden_calls : q->current_calls;
	q->equivalence = n ? 100.0 * (double)q->lcs / (double)n : 100.0;
	if (!rc && q->approximate)
		rc = note(r, "the sequences differ too much for an exact alignment in the time "
			     "allowed: the equivalence is a lower bound");
	return rc;
}

/* ---- the report ---------------------------------------------------------- */

const char *cmp_call_name(uint16_t tok, char *buf, size_t len)
{
	const struct syscall_desc *sc = syscall_by_nr(tok & CMP_TOK_NR);

	if (sc)
		return sc->name;
	snprintf(buf, len, "syscall_%#x", (unsigned)(tok & CMP_TOK_NR));
	return buf;
}

void cmp_report_free(struct cmp_report *r)
{
	if (!r)
		return;
	free(r->metrics);
	free(r->new_syscalls.items);
	free(r->gone_syscalls.items);
	free(r->new_paths.items);
	free(r->gone_paths.items);
	free(r->new_failures.items);
	arena_fini(&r->mem);
	free(r);
}

static int notes_add(struct cmp_report *r, const struct cmp_opts *o, const struct cmp_side *g,
		     const struct cmp_side *c)
{
	const struct cmp_side *sides[2] = { g, c };
	static const char *const which[2] = { "golden", "current" };
	int i, rc = 0;

	for (i = 0; i < 2 && !rc; i++) {
		if (!sides[i]->tot.complete)
			rc = note(r, "the %s trace is incomplete (%s)", which[i],
				  sides[i]->tot.reason[0] ? sides[i]->tot.reason
							  : "no reason given");
		if (!rc && !sides[i]->calls)
			rc = note(r,
				  "the %s trace has no records (-c): sequence, paths, threads and "
				  "errno figures are not compared",
				  which[i]);
	}
	if (!rc && !o->ignore_timing && g->tot.cpu_time != c->tot.cpu_time)
		rc = note(r,
			  "time is measured differently (golden: %s, current: %s): timing is "
			  "not compared",
			  g->tot.cpu_time ? "cpu" : "latency", c->tot.cpu_time ? "cpu" : "latency");
	return rc;
}

static int build(struct cmp_report *r, const struct cmp_opts *o, struct cmp_side *g,
		 struct cmp_side *c)
{
	int rc = notes_add(r, o, g, c);
	size_t i;

	if (!rc)
		rc = main_metrics_add(r, o, g, c);
	if (!rc)
		rc = family_metrics_add(r, o, g, c);
	if (!rc)
		rc = syscalls_only(r, &r->new_syscalls, c, g);
	if (!rc)
		rc = syscalls_only(r, &r->gone_syscalls, g, c);
	if (!rc && g->calls && c->calls) {
		rc = paths_only(r, &r->new_paths, c, g);
		if (!rc)
			rc = paths_only(r, &r->gone_paths, g, c);
		if (!rc)
			rc = failures_new(r, g, c);
	}
	if (!rc)
		rc = sequences(r, o, g, c);
	for (i = 0; i < r->nmetrics; i++)
		if (r->metrics[i].verdict == CMP_REGRESSED)
			r->regressed = true;
	return rc;
}

struct cmp_report *cmp_files(const char *golden, const char *current, const struct cmp_opts *o,
			     char *err, size_t errlen)
{
	struct cmp_opts defaults;
	struct cmp_side *g = calloc(1, sizeof(*g)), *c = calloc(1, sizeof(*c));
	struct cmp_report *r = calloc(1, sizeof(*r));
	int rc = 0;

	cmp_opts_init(&defaults);
	if (!o)
		o = &defaults;
	if (!g || !c || !r) {
		snprintf(err, errlen, "out of memory");
		rc = -ENOMEM;
		goto out;
	}
	arena_init(&r->mem, 16384);
	r->ignore_timing = o->ignore_timing;
	rc = cmp_side_load(g, golden, err, errlen);
	if (!rc)
		rc = cmp_side_load(c, current, err, errlen);
	if (rc)
		goto out;
	r->golden = arena_strndup(&r->mem, golden, strlen(golden));
	r->current = arena_strndup(&r->mem, current, strlen(current));
	rc = r->golden && r->current ? build(r, o, g, c) : -ENOMEM;
	if (rc)
		snprintf(err, errlen, "%s", strerror(-rc));
out:
	if (g)
		cmp_side_fini(g);
	if (c)
		cmp_side_fini(c);
	free(g);
	free(c);
	if (rc) {
		cmp_report_free(r);
		errno = -rc;
		return NULL;
	}
	return r;
}
