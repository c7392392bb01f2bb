/* SPDX-License-Identifier: MIT */
/* The comparison report as text for people (aligned figures, ⚠ on each
 * regression, colours when asked) and as JSON for machines (every metric
 * with before, after, delta and verdict). */
#include "output/report.h"

#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analysis/compare.h"
#include "output/jsonw.h"
#include "util/buf.h"

#define C_RED	 "\033[31m"
#define C_GREEN	 "\033[32m"
#define C_YELLOW "\033[33m"
#define C_BOLD	 "\033[1m"
#define C_DIM	 "\033[2m"
#define C_RESET	 "\033[0m"

#define WARN_MARK   "\xe2\x9a\xa0" /* ⚠ */
#define ARROW	    "\xe2\x86\x92" /* → */
#define DASH	    "\xe2\x80\x94" /* — */
#define TIMES	    "\xc3\x97"	   /* × */
#define VALUE_COL   21		   /* where the values of the lower lines start */
#define MAX_CHANGES 8		   /* per family in text */
#define MAX_ITEMS   10		   /* per list in text */
#define MAX_BLOCKS  5		   /* sequence blocks in text */

/* ---- numbers ------------------------------------------------------------- */

/* 1,234,567 */
static void fmt_count(char *out, size_t len, uint64_t v)
{
	char digits[32];
	size_t n, i, o = 0;

	n = (size_t)snprintf(digits, sizeof(digits), "%llu", (unsigned long long)v);
	for (i = 0; i < n && o + 2 < len; i++) {
		if (i && (n - i) % 3 == 0)
			out[o++] = ',';
		out[o++] = digits[i];
	}
	out[o] = '\0';
}

static void fmt_bytes(char *out, size_t len, uint64_t v)
{
	static const char *const units[] = { "KiB", "MiB", "GiB", "TiB" };
	double x = (double)v;
	int u = -1;

	if (v < 1024) {
		snprintf(out, len, "%llu B", (unsigned long long)v);
		return;
	}
	while (x >= 1024 && u < 3) {
		x /= 1024;
		u++;
	}
	snprintf(out, len, "%.1f %s", x, units[u]);
}

static void fmt_time(char *out, size_t len, uint64_t ns)
{
	if (ns < 1000)
		snprintf(out, len, "%llu ns", (unsigned long long)ns);
	else if (ns < 1000000)
		snprintf(out, len, "%.1f \xc2\xb5s", (double)ns / 1e3);
	else if (ns < 1000000000)
		snprintf(out, len, "%.1f ms", (double)ns / 1e6);
	else
		snprintf(out, len, "%.2f s", (double)ns / 1e9);
}

static void fmt_value(char *out, size_t len, const struct cmp_metric *m, uint64_t v)
{
	if (m->kind == CMP_BYTES)
		fmt_bytes(out, len, v);
	else if (m->kind == CMP_TIME)
		fmt_time(out, len, v);
	else
		fmt_count(out, len, v);
}

/* "+18%", "-7%", "new", "" when equal. */
static void fmt_pct(char *out, size_t len, uint64_t before, uint64_t after)
{
	double pct;

	if (before == after) {
		out[0] = '\0';
		return;
	}
	if (!before) {
		snprintf(out, len, "new");
		return;
	}
	pct = 100.0 * ((double)after - (double)before) / (double)before;
	if (fabs(pct) >= 1)
		snprintf(out, len, "%+.0f%%", pct);
	else if (fabs(pct) >= 0.05)
		snprintf(out, len, "%+.1f%%", pct);
	else
		snprintf(out, len, "%s0%%", pct > 0 ? "+" : "-");
}

/* ---- text ---------------------------------------------------------------- */

struct text {
	struct buf *b;
	bool color;
};

static void color_on(struct text *t, const char *c)
{
	if (t->color)
		buf_puts(t->b, c);
}

static void color_off(struct text *t)
{
	if (t->color)
		buf_puts(t->b, C_RESET);
}

static const char *verdict_color(const struct cmp_metric *m)
{
	switch (m->verdict) {
	case CMP_REGRESSED: return C_RED C_BOLD;
	case CMP_IMPROVED: return C_GREEN;
	case CMP_INCREASED: return C_YELLOW;
	case CMP_IGNORED:
	case CMP_NA: return C_DIM;
	default: return "";
	}
}

/* Width in terminal columns of a UTF-8 string (µ is one column). */
static int columns(const char *s)
{
	int n = 0;

	for (; *s; s++)
		n += ((unsigned char)*s & 0xc0) != 0x80;
	return n;
}

/* "4 → 4,096 (+102300%)  ⚠", the before value right-aligned in width columns. */
static void change(struct text *t, const struct cmp_metric *m, int width)
{
	const char *c = verdict_color(m);
	char before[32], after[32], pct[32];

	fmt_value(before, sizeof(before), m, m->before);
	fmt_value(after, sizeof(after), m, m->after);
	if (m->verdict == CMP_NA) {
		buf_printf(t->b, "%*s", width, "n/a");
		return;
	}
	fmt_pct(pct, sizeof(pct), m->before, m->after);
	if (width > columns(before))
		buf_printf(t->b, "%*s", width - columns(before), "");
	if (*c)
		color_on(t, c);
	buf_printf(t->b, "%s " ARROW " %s", before, after);
	if (pct[0])
		buf_printf(t->b, " (%s)", pct);
	if (m->verdict == CMP_IGNORED)
		buf_puts(t->b, " (ignored)");
	if (*c)
		color_off(t);
	if (m->verdict == CMP_REGRESSED)
		buf_puts(t->b, "  " WARN_MARK);
}

static void main_lines(struct text *t, const struct cmp_report *r)
{
	int lw = 0, bw = 0, w;
	size_t i;
	char tmp[32];

	for (i = 0; i < r->nmetrics; i++) {
		const struct cmp_metric *m = &r->metrics[i];

		if (m->family != CMP_FAM_MAIN)
			continue;
		w = (int)strlen(m->label) + 1;
		lw = w > lw ? w : lw;
		fmt_value(tmp, sizeof(tmp), m, m->before);
		w = columns(tmp);
		bw = w > bw ? w : bw;
	}
	for (i = 0; i < r->nmetrics; i++) {
		const struct cmp_metric *m = &r->metrics[i];

		if (m->family != CMP_FAM_MAIN)
			continue;
		buf_printf(t->b, "  %s:%*s", m->label, lw - (int)strlen(m->label), "");
		change(t, m, bw);
		buf_putc(t->b, '\n');
	}
}

/* "  Heading:" padded to the value column. */
static void heading(struct text *t, const char *h)
{
	buf_printf(t->b, "  %s:%*s", h, VALUE_COL - (int)strlen(h) - 3, "");
}

static void indent(struct text *t, bool first)
{
	if (!first)
		buf_printf(t->b, "%*s", VALUE_COL, "");
}

static int change_order(const void *pa, const void *pb)
{
	const struct cmp_metric *a = *(const struct cmp_metric *const *)pa;
	const struct cmp_metric *b = *(const struct cmp_metric *const *)pb;
	uint64_t da = a->after > a->before ? a->after - a->before : a->before - a->after;
	uint64_t db = b->after > b->before ? b->after - b->before : b->before - b->after;

	if ((a->verdict == CMP_REGRESSED) != (b->verdict == CMP_REGRESSED))
		return a->verdict == CMP_REGRESSED ? -1 : 1;
	if (da != db)
		return da > db ? -1 : 1;
	return strcmp(a->name, b->name);
}

/* The changed members of a family, the most significant first. */
static int family_lines(struct text *t, const struct cmp_report *r, enum cmp_family fam,
			const char *h)
{
	const struct cmp_metric **sel;
	size_t i, n = 0;

	sel = malloc((r->nmetrics + 1) * sizeof(*sel));
	if (!sel)
		return -ENOMEM;
	for (i = 0; i < r->nmetrics; i++) {
		const struct cmp_metric *m = &r->metrics[i];

		if (m->family == fam && m->verdict != CMP_SAME && m->verdict != CMP_NA)
			sel[n++] = m;
	}
	if (n) {
		qsort(sel, n, sizeof(*sel), change_order);
		heading(t, h);
		for (i = 0; i < n && i < MAX_CHANGES; i++) {
			indent(t, i == 0);
			buf_printf(t->b, "%s ", strchr(sel[i]->name, ':') + 1);
			change(t, sel[i], 0);
			buf_putc(t->b, '\n');
		}
		if (n > MAX_CHANGES) {
			indent(t, false);
			buf_printf(t->b, "... and %zu more (--format json lists every metric)\n",
				   n - MAX_CHANGES);
		}
	}
	free(sel);
	return 0;
}

/* A path as a C string literal, as the trace showed it. */
static void quoted(struct buf *b, const char *s)
{
	buf_putc(b, '"');
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;

		if (c == '"' || c == '\\')
			buf_printf(b, "\\%c", c);
		else if (c >= 0x20 && c < 0x7f)
			buf_putc(b, (char)c);
		else
			buf_printf(b, "\\%o", c);
	}
	buf_putc(b, '"');
}

enum list_kind { L_SYSCALLS, L_PATHS, L_FAILURES };

static void list_lines(struct text *t, const struct cmp_list *l, enum list_kind kind, const char *h)
{
	char n[32];
	size_t i;

	heading(t, h);
	if (!l->count)
		buf_puts(t->b, DASH "\n");
	for (i = 0; i < l->count && i < MAX_ITEMS; i++) {
		const struct cmp_item *it = &l->items[i];

		indent(t, i == 0);
		if (kind == L_PATHS) {
			buf_printf(t->b, "%s(", it->syscall);
			quoted(t->b, it->text);
			buf_putc(t->b, ')');
		} else if (kind == L_FAILURES) {
			buf_printf(t->b, "%s %s", it->text, it->err);
		} else {
			buf_puts(t->b, it->text);
		}
		fmt_count(n, sizeof(n), it->count);
		buf_printf(t->b, " " TIMES "%s", n);
		if (it->source)
			buf_printf(t->b, " (%s)", it->source);
		buf_putc(t->b, '\n');
	}
	if (l->count > MAX_ITEMS) {
		indent(t, false);
		buf_printf(t->b, "... and %zu more\n", l->count - MAX_ITEMS);
	}
}

static void sequence_lines(struct text *t, const struct cmp_report *r)
{
	const struct cmp_seq *q = &r->seq;
	char n[32], name[32], ins[32], del[32];
	size_t i, k;

	heading(t, "Sequence");
	if (!q->available) {
		buf_puts(t->b, "n/a (a trace has no records)\n");
		return;
	}
	fmt_count(n, sizeof(n),
		  q->golden_calls > q->current_calls ? q->golden_calls : q->current_calls);
	fmt_count(ins, sizeof(ins), q->inserted_blocks);
	fmt_count(del, sizeof(del), q->deleted_blocks);
	/* rounded down: 100.0% means identical */
	buf_printf(t->b, "%.1f%% equivalent (LCS over %s calls; %s inserted block%s, %s deleted)",
		   floor(q->equivalence * 10) / 10, n, ins, q->inserted_blocks == 1 ? "" : "s",
		   del);
	if (q->approximate)
		buf_puts(t->b, ", approximate");
	buf_putc(t->b, '\n');
	for (i = 0; i < q->nblocks && i < MAX_BLOCKS; i++) {
		const struct cmp_block *b = &q->blocks[i];

		indent(t, false);
		fmt_count(n, sizeof(n), b->len);
		color_on(t, b->inserted ? C_YELLOW : C_DIM);
		buf_printf(t->b, "%c task %u, call %zu: %s call%s (", b->inserted ? '+' : '-',
			   b->task + 1, (b->inserted ? b->current_pos : b->golden_pos) + 1, n,
			   b->len == 1 ? "" : "s");
		for (k = 0; k < CMP_BLOCK_CALLS && k < b->len; k++)
			buf_printf(t->b, "%s%s", k ? " " : "",
				   cmp_call_name(b->calls[k], name, sizeof(name)));
		buf_puts(t->b, b->len > CMP_BLOCK_CALLS ? " ...)" : ")");
		color_off(t);
		if (b->source)
			buf_printf(t->b, " (%s)", b->source);
		buf_putc(t->b, '\n');
	}
	if (q->inserted_blocks + q->deleted_blocks > MAX_BLOCKS) {
		indent(t, false);
		buf_printf(t->b, "... and %zu more blocks\n",
			   q->inserted_blocks + q->deleted_blocks - MAX_BLOCKS);
	}
}

/* What the regression line calls a metric: "memory allocations", "write calls". */
static void metric_words(char *out, size_t len, const struct cmp_metric *m)
{
	const char *member = strchr(m->name, ':');
	size_t i;

	switch (m->family) {
	case CMP_FAM_SYSCALL: snprintf(out, len, "%s calls", member + 1); return;
	case CMP_FAM_CLASS: snprintf(out, len, "%s-class calls", member + 1); return;
	case CMP_FAM_ERRNO: snprintf(out, len, "%s failures", member + 1); return;
	default: break;
	}
	snprintf(out, len, "%s", m->label);
	for (i = 0; out[i]; i++)
		out[i] = (char)tolower((unsigned char)out[i]);
}

static void regression_lines(struct text *t, const struct cmp_report *r)
{
	char words[64], before[32], after[32], pct[32];
	size_t i;

	for (i = 0; i < r->nmetrics; i++) {
		const struct cmp_metric *m = &r->metrics[i];

		if (m->verdict != CMP_REGRESSED)
			continue;
		metric_words(words, sizeof(words), m);
		fmt_value(before, sizeof(before), m, m->before);
		fmt_value(after, sizeof(after), m, m->after);
		fmt_pct(pct, sizeof(pct), m->before, m->after);
		color_on(t, C_RED C_BOLD);
		if (m->kind == CMP_FILES)
			buf_printf(t->b,
				   "REGRESSION DETECTED: %s: %zu path%s the golden trace did not "
				   "open (%s " ARROW " %s)",
				   words, r->new_paths.count, r->new_paths.count == 1 ? "" : "s",
				   before, after);
		else
			buf_printf(t->b,
				   "REGRESSION DETECTED: %s increased significantly (%s " ARROW
				   " %s, %s)",
				   words, before, after, pct);
		color_off(t);
		buf_putc(t->b, '\n');
	}
}

int report_render_text(const struct cmp_report *r, bool color, struct buf *out)
{
	struct text t = { out, color };
	size_t i;

	color_on(&t, C_BOLD);
	buf_puts(out, "Comparison Results:");
	color_off(&t);
	buf_putc(out, '\n');
	main_lines(&t, r);
	buf_putc(out, '\n');
	if (family_lines(&t, r, CMP_FAM_SYSCALL, "By syscall") < 0 ||
	    family_lines(&t, r, CMP_FAM_CLASS, "By class") < 0 ||
	    family_lines(&t, r, CMP_FAM_ERRNO, "Failed by errno") < 0)
		return -ENOMEM;
	list_lines(&t, &r->new_syscalls, L_SYSCALLS, "New syscalls");
	list_lines(&t, &r->gone_syscalls, L_SYSCALLS, "Gone syscalls");
	if (r->seq.available) {
		list_lines(&t, &r->new_paths, L_PATHS, "New paths");
		list_lines(&t, &r->gone_paths, L_PATHS, "Gone paths");
		list_lines(&t, &r->new_failures, L_FAILURES, "Newly failing");
	}
	sequence_lines(&t, r);
	for (i = 0; i < r->nnotes; i++)
		buf_printf(out, "%s%s\n", i ? "  " : "\nNote: ", r->notes[i]);
	buf_putc(out, '\n');
	if (r->regressed) {
		regression_lines(&t, r);
	} else {
		color_on(&t, C_GREEN);
		buf_puts(out, "No regression.");
		color_off(&t);
		buf_putc(out, '\n');
	}
	return out->data ? 0 : -ENOMEM;
}

/* ---- JSON ---------------------------------------------------------------- */

static const char *family_name(enum cmp_family f)
{
	switch (f) {
	case CMP_FAM_SYSCALL: return "syscall";
	case CMP_FAM_CLASS: return "class";
	case CMP_FAM_ERRNO: return "errno";
	default: return "main";
	}
}

static void json_metric(struct buf *b, const struct cmp_metric *m)
{
	buf_puts(b, "{\"name\":");
	jsonw_str(b, m->name);
	if (m->label) {
		buf_puts(b, ",\"label\":");
		jsonw_str(b, m->label);
	}
	buf_puts(b, ",\"family\":");
	jsonw_str(b, family_name((enum cmp_family)m->family));
	buf_puts(b, ",\"kind\":");
	jsonw_str(b, cmp_kind_name((enum cmp_kind)m->kind));
	buf_puts(b, ",\"before\":");
	jsonw_u64(b, m->before);
	buf_puts(b, ",\"after\":");
	jsonw_u64(b, m->after);
	buf_puts(b, ",\"delta\":");
	jsonw_i64(b, (int64_t)(m->after - m->before));
	buf_puts(b, ",\"delta_pct\":");
	if (m->before)
		buf_printf(b, "%.2f",
			   100.0 * ((double)m->after - (double)m->before) / (double)m->before);
	else if (m->after)
		jsonw_null(b);
	else
		buf_puts(b, "0");
	buf_puts(b, ",\"verdict\":");
	jsonw_str(b, cmp_verdict_name((enum cmp_verdict)m->verdict));
	buf_printf(b, ",\"threshold\":{\"pct\":%g,\"min\":", m->th.pct);
	jsonw_u64(b, m->th.min);
	buf_puts(b, ",\"gate\":");
	jsonw_bool(b, m->th.gate);
	buf_puts(b, "}}");
}

static void json_list(struct buf *b, const char *key, const struct cmp_list *l, enum list_kind kind)
{
	size_t i;

	buf_puts(b, ",\n  ");
	jsonw_key(b, key);
	buf_putc(b, '[');
	for (i = 0; i < l->count; i++) {
		const struct cmp_item *it = &l->items[i];

		buf_puts(b, i ? ",\n    " : "\n    ");
		if (kind == L_PATHS) {
			buf_puts(b, "{\"path\":");
			jsonw_str(b, it->text);
			buf_puts(b, ",\"syscall\":");
			jsonw_str(b, it->syscall);
		} else if (kind == L_FAILURES) {
			buf_puts(b, "{\"syscall\":");
			jsonw_str(b, it->text);
			buf_puts(b, ",\"errno\":");
			jsonw_str(b, it->err);
		} else {
			buf_puts(b, "{\"name\":");
			jsonw_str(b, it->text);
		}
		buf_puts(b, ",\"count\":");
		jsonw_u64(b, it->count);
		buf_puts(b, ",\"source\":");
		jsonw_str(b, it->source);
		buf_putc(b, '}');
	}
	buf_puts(b, l->count ? "\n  ]" : "]");
}

static void json_sequence(struct buf *b, const struct cmp_seq *q)
{
	char name[32];
	size_t i, k;

	buf_puts(b, ",\n  \"sequence\":{\"available\":");
	jsonw_bool(b, q->available);
	if (!q->available) {
		buf_putc(b, '}');
		return;
	}
	buf_puts(b, ",\"golden_calls\":");
	jsonw_u64(b, q->golden_calls);
	buf_puts(b, ",\"current_calls\":");
	jsonw_u64(b, q->current_calls);
	buf_puts(b, ",\"lcs\":");
	jsonw_u64(b, q->lcs);
	buf_printf(b, ",\"equivalence_pct\":%.2f", floor(q->equivalence * 100) / 100);
	buf_puts(b, ",\"approximate\":");
	jsonw_bool(b, q->approximate);
	buf_printf(b, ",\"golden_tasks\":%zu,\"current_tasks\":%zu", q->golden_tasks,
		   q->current_tasks);
	buf_printf(b, ",\"inserted_blocks\":%zu,\"deleted_blocks\":%zu", q->inserted_blocks,
		   q->deleted_blocks);
	buf_printf(b, ",\"inserted_calls\":%zu,\"deleted_calls\":%zu", q->inserted_calls,
		   q->deleted_calls);
	buf_puts(b, ",\"blocks\":[");
	for (i = 0; i < q->nblocks; i++) {
		const struct cmp_block *bl = &q->blocks[i];

		buf_puts(b, i ? ",\n    " : "\n    ");
		buf_printf(b,
			   "{\"kind\":\"%s\",\"task\":%u,\"golden_pos\":%zu,\"current_pos\":%zu,"
			   "\"length\":%zu,\"calls\":[",
			   bl->inserted ? "inserted" : "deleted", bl->task, bl->golden_pos,
			   bl->current_pos, bl->len);
		for (k = 0; k < CMP_BLOCK_CALLS && k < bl->len; k++) {
			if (k)
				buf_putc(b, ',');
			jsonw_str(b, cmp_call_name(bl->calls[k], name, sizeof(name)));
		}
		buf_puts(b, "],\"source\":");
		jsonw_str(b, bl->source);
		buf_putc(b, '}');
	}
	buf_puts(b, q->nblocks ? "\n  ]}" : "]}");
}

int report_render_json(const struct cmp_report *r, struct buf *b)
{
	size_t i;

	buf_puts(b, "{\n  \"format\":\"renacer-compare-v1\",\n  \"golden\":");
	jsonw_str(b, r->golden);
	buf_puts(b, ",\n  \"current\":");
	jsonw_str(b, r->current);
	buf_puts(b, ",\n  \"regressed\":");
	jsonw_bool(b, r->regressed);
	buf_puts(b, ",\n  \"ignore_timing\":");
	jsonw_bool(b, r->ignore_timing);
	buf_puts(b, ",\n  \"metrics\":[");
	for (i = 0; i < r->nmetrics; i++) {
		buf_puts(b, i ? ",\n    " : "\n    ");
		json_metric(b, &r->metrics[i]);
	}
	buf_puts(b, r->nmetrics ? "\n  ]" : "]");
	json_list(b, "new_syscalls", &r->new_syscalls, L_SYSCALLS);
	json_list(b, "gone_syscalls", &r->gone_syscalls, L_SYSCALLS);
	json_list(b, "new_paths", &r->new_paths, L_PATHS);
	json_list(b, "gone_paths", &r->gone_paths, L_PATHS);
	json_list(b, "new_failures", &r->new_failures, L_FAILURES);
	json_sequence(b, &r->seq);
	buf_puts(b, ",\n  \"notes\":[");
	for (i = 0; i < r->nnotes; i++) {
		if (i)
			buf_putc(b, ',');
		jsonw_str(b, r->notes[i]);
	}
	buf_puts(b, "]\n}\n");
	return b->data ? 0 : -ENOMEM;
}
