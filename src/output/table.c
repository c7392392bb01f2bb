/* SPDX-License-Identifier: MIT */
/* The strace -c table (same columns, widths and order), per-process tables,
 * latency quantiles, and memory and I/O accounting lines. */
#include "output/table.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "analysis/summary.h"
#include "util/buf.h"

int table_sort_parse(const char *s, enum table_sort *out)
{
	static const char *const names[] = {"time", "calls", "errors", "name", "nothing"};
	size_t i;

	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		if (!strcmp(s, names[i])) {
			*out = (enum table_sort)i;
			return 0;
		}
	}
	/* strace also accepts these spellings */
	if (!strcmp(s, "count")) {
		*out = SORT_CALLS;
		return 0;
	}
	if (!strcmp(s, "syscall")) {
		*out = SORT_NAME;
		return 0;
	}
	return -EINVAL;
}

struct row {
	int slot;
	const char *name;
	const struct summary_call *c;
	char tmp[32];
};

static int by_name(const struct row *a, const struct row *b)
{
	return strcmp(a->name, b->name);
}

static int cmp_u64_desc(uint64_t a, uint64_t b)
{
	return a < b ? 1 : a > b ? -1 : 0;
}

static int cmp_time(const void *x, const void *y)
{
	const struct row *a = x, *b = y;
	int c = cmp_u64_desc(a->c->time_ns, b->c->time_ns);

	if (!c)
		c = cmp_u64_desc(a->c->calls, b->c->calls);
	return c ? c : by_name(a, b);
}

static int cmp_calls(const void *x, const void *y)
{
	const struct row *a = x, *b = y;
	int c = cmp_u64_desc(a->c->calls, b->c->calls);

	return c ? c : by_name(a, b);
}

static int cmp_errors(const void *x, const void *y)
{
	const struct row *a = x, *b = y;
	int c = cmp_u64_desc(a->c->errors, b->c->errors);

	return c ? c : by_name(a, b);
}

static int cmp_name(const void *x, const void *y)
{
	return by_name(x, y);
}

static int cmp_slot(const void *x, const void *y)
{
	const struct row *a = x, *b = y;

	return a->slot - b->slot;
}

/* Rows of the calls that happened, sorted. Returns owned array or NULL. */
static struct row *rows_sorted(const struct summary_call *calls, enum table_sort sort, int *n)
{
	static int (*const cmp[])(const void *, const void *) = {
		[SORT_TIME] = cmp_time,	    [SORT_CALLS] = cmp_calls, [SORT_ERRORS] = cmp_errors,
		[SORT_NAME] = cmp_name,	    [SORT_NOTHING] = cmp_slot,
	};
	struct row *rows = calloc(SUMMARY_SLOTS, sizeof(*rows));
	int i, k = 0;

	if (!rows)
		return NULL;
	for (i = 0; i < SUMMARY_SLOTS; i++) {
		if (!calls[i].calls)
			continue;
		rows[k].slot = i;
		rows[k].c = &calls[i];
		rows[k].name = summary_slot_name(i, rows[k].tmp, sizeof(rows[k].tmp));
		k++;
	}
	qsort(rows, (size_t)k, sizeof(*rows), cmp[sort]);
	*n = k;
	return rows;
}

int table_sorted_slots(const struct summary_call *calls, enum table_sort sort, int *slots)
{
	struct row *rows;
	int i, n = 0;

	rows = rows_sorted(calls, sort, &n);
	if (!rows)
		return -ENOMEM;
	for (i = 0; i < n; i++)
		slots[i] = rows[i].slot;
	free(rows);
	return n;
}

static const char dashes[] = "------ ----------- ----------- --------- --------- ----------------\n";

int table_render(struct buf *b, const struct summary_call *calls, enum table_sort sort)
{
	uint64_t total_ns = 0, total_calls = 0, total_errors = 0;
	struct row *rows;
	int i, n = 0;

	rows = rows_sorted(calls, sort, &n);
	if (!rows)
		return -ENOMEM;
	for (i = 0; i < n; i++) {
		total_ns += rows[i].c->time_ns;
		total_calls += rows[i].c->calls;
		total_errors += rows[i].c->errors;
	}
	buf_printf(b, "%6.6s %11.11s %11.11s %9.9s %9.9s %s\n", "% time", "seconds", "usecs/call",
		   "calls", "errors", "syscall");
	buf_puts(b, dashes);
	for (i = 0; i < n; i++) {
		const struct summary_call *c = rows[i].c;
		double pct = total_ns ? 100.0 * (double)c->time_ns / (double)total_ns : 0.0;

		buf_printf(b, "%6.2f %11.6f %11llu %9llu ", pct, (double)c->time_ns / 1e9,
			   (unsigned long long)(c->time_ns / 1000 / c->calls),
			   (unsigned long long)c->calls);
		if (c->errors)
			buf_printf(b, "%9llu ", (unsigned long long)c->errors);
		else
			buf_puts(b, "          ");
		buf_puts(b, rows[i].name);
		buf_putc(b, '\n');
	}
	buf_puts(b, dashes);
	buf_printf(b, "%6.6s %11.6f %11llu %9llu ", "100.00", (double)total_ns / 1e9,
		   (unsigned long long)(total_calls ? total_ns / 1000 / total_calls : 0),
		   (unsigned long long)total_calls);
	if (total_errors)
		buf_printf(b, "%9llu ", (unsigned long long)total_errors);
	else
		buf_puts(b, "          ");
	buf_puts(b, "total\n");
	free(rows);
	return 0;
}

int table_put_bytes(struct buf *b, unsigned long long n)
{
	if (n < 1024)
		return buf_printf(b, "%llu B", n);
	if (n < 1024 * 1024)
		return buf_printf(b, "%.1f KiB", (double)n / 1024);
	if (n < 1024ull * 1024 * 1024)
		return buf_printf(b, "%.1f MiB", (double)n / (1024 * 1024));
	return buf_printf(b, "%.1f GiB", (double)n / (1024.0 * 1024 * 1024));
}

static void put_by_class(struct buf *b, const uint64_t *by)
{
	static const char *const names[FDC_COUNT] = {
		[FDC_OTHER] = "other", [FDC_FILE] = "file", [FDC_PIPE] = "pipe",
		[FDC_SOCKET] = "socket", [FDC_TTY] = "tty",
	};
	int i, first = 1;

	for (i = 0; i < FDC_COUNT; i++) {
		if (!by[i])
			continue;
		buf_puts(b, first ? " (" : ", ");
		buf_puts(b, names[i]);
		buf_putc(b, ' ');
		table_put_bytes(b, by[i]);
		first = 0;
	}
	if (!first)
		buf_putc(b, ')');
}

int table_render_memio(struct buf *b, const struct summary *s, int pid)
{
	const struct mem_stats *m = &s->mem;
	const struct io_stats *io = &s->io;
	const struct proc_summary *p = pid ? summary_proc(s, pid) : NULL;

	if (p) {
		m = &p->mem;
		io = &p->io;
	}
	buf_printf(b, "memory: %llu mmap (", (unsigned long long)m->mmap_calls);
	table_put_bytes(b, m->mmap_anon_bytes + m->mmap_file_bytes);
	buf_puts(b, ", anon ");
	table_put_bytes(b, m->mmap_anon_bytes);
	buf_printf(b, "), %llu munmap (", (unsigned long long)m->munmap_calls);
	table_put_bytes(b, m->munmap_bytes);
	buf_puts(b, ")");
	if (m->mremap_calls) {
		buf_printf(b, ", %llu mremap (+", (unsigned long long)m->mremap_calls);
		table_put_bytes(b, m->mremap_grow_bytes);
		buf_puts(b, ")");
	}
	buf_puts(b, ", brk +");
	table_put_bytes(b, m->brk_growth_bytes);
	buf_puts(b, ", allocated ");
	table_put_bytes(b, m->allocated_bytes);
	buf_puts(b, ", peak ");
	table_put_bytes(b, m->peak_mapped_bytes);
	buf_puts(b, "\nio: read ");
	table_put_bytes(b, io->read_bytes);
	buf_printf(b, " in %llu calls", (unsigned long long)io->read_calls);
	put_by_class(b, io->read_by_class);
	buf_puts(b, ", written ");
	table_put_bytes(b, io->written_bytes);
	buf_printf(b, " in %llu calls", (unsigned long long)io->write_calls);
	put_by_class(b, io->written_by_class);
	return buf_putc(b, '\n');
}

int table_render_extended(struct buf *b, const struct summary_call *calls, enum table_sort sort)
{
	struct row *rows;
	int i, n = 0;

	rows = rows_sorted(calls, sort, &n);
	if (!rows)
		return -ENOMEM;
	buf_printf(b, "%-16s %9s %11s %11s %11s %11s %11s %11s\n", "syscall", "calls", "min",
		   "mean", "p50", "p90", "p99", "max");
	for (i = 0; i < n; i++) {
		const struct summary_call *c = rows[i].c;

		buf_printf(b, "%-16s %9llu %11.3f %11.3f %11.3f %11.3f %11.3f %11.3f\n", rows[i].name,
			   (unsigned long long)c->calls, (double)c->min_ns / 1e3,
			   (double)c->lat_sum_ns / 1e3 / (double)c->calls,
			   (double)qsketch_quantile(&c->lat, 0.50) / 1e3,
			   (double)qsketch_quantile(&c->lat, 0.90) / 1e3,
			   (double)qsketch_quantile(&c->lat, 0.99) / 1e3, (double)c->max_ns / 1e3);
	}
	buf_puts(b, "(microseconds; percentiles within 1%)\n");
	free(rows);
	return 0;
}

int table_render_summary(struct buf *b, const struct summary *s, enum table_sort sort)
{
	int i, rc;

	buf_puts(b, s->cpu_time ? "System CPU time spent in syscalls:\n"
				: "Wall-clock latency of syscalls (entry to exit):\n");
	if (s->per_process) {
		for (i = 0; i < s->nprocs; i++) {
			buf_printf(b, "Process %d:\n", s->procs[i].pid);
			rc = table_render(b, s->procs[i].calls, sort);
			if (rc < 0)
				return rc;
			table_render_memio(b, s, s->procs[i].pid);
			buf_putc(b, '\n');
		}
		buf_puts(b, "Total:\n");
	}
	rc = table_render(b, s->calls, sort);
	if (rc < 0)
		return rc;
	if (s->extended) {
		buf_putc(b, '\n');
		rc = table_render_extended(b, s->calls, sort);
		if (rc < 0)
			return rc;
	}
	return table_render_memio(b, s, 0);
}
