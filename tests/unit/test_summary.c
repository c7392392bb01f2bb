/* SPDX-License-Identifier: MIT */
/* The summary on recorded calls with fixed durations: the strace -c table
 * (golden file), sort keys, per-process tables, calls that never return,
 * memory accounting to the byte and I/O by descriptor class. */
#include <criterion/criterion.h>

#include <asm/unistd.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include "analysis/summary.h"
#include "core/event.h"
#include "output/table.h"
#include "util/buf.h"

#define COUNT(a)     (sizeof(a) / sizeof((a)[0]))
#define GOLDEN_TABLE RN_TEST_SRC_DIR "/tests/golden/summary_table.txt"
#define KIB	     1024ull
#define MIB	     (1024ull * 1024)
#define PID_A	     100
#define PID_B	     200

/* Entry times only need to increase; durations are what the tests fix. */
static uint64_t next_ts_ns = 1000000000ull;

/* A completed call of pid: nr, fixed duration, errno (0: success) and return. */
static struct event call_ev(int pid, long nr, uint64_t dur_ns, int err, int64_t ret)
{
	struct event ev;
	int i;

	memset(&ev, 0, sizeof(ev));
	ev.type = EV_SYSCALL_EXIT;
	ev.pid = pid;
	ev.tid = pid;
	ev.nr = (int32_t)nr;
	ev.sc = syscall_by_nr(nr);
	ev.nargs = ev.sc ? ev.sc->nargs : 0;
	for (i = 0; i < ev.nargs; i++)
		ev.args[i].kind = ev.sc->args[i];
	ev.ts_ns = next_ts_ns;
	ev.ts_exit_ns = next_ts_ns + dur_ns;
	next_ts_ns += dur_ns + 1000;
	ev.err = err;
	ev.ret = err ? -err : ret;
	return ev;
}

static void add(struct summary *s, const struct event *ev)
{
	cr_assert_eq(summary_add(s, ev), 0, "summary_add(nr %d)", ev->nr);
}

/* The calls behind tests/golden/summary_table.txt. Every sort key gives a
 * different order: time write>read>openat>close, calls read>close>openat>write,
 * errors close>read>openat>write. Total 1 ms in 14 calls, 6 errors. */
static const struct golden_row {
	long nr;
	const char *name;
	unsigned calls;
	uint64_t each_ns;
	unsigned errors;
	int err;
} golden_rows[] = {
	{ __NR_write, "write", 2, 250000, 0, 0 },
	{ __NR_read, "read", 5, 60000, 2, EAGAIN },
	{ __NR_openat, "openat", 3, 50000, 1, ENOENT },
	{ __NR_close, "close", 4, 12500, 3, EBADF },
};

static void add_golden_calls(struct summary *s, int pid)
{
	size_t i;
	unsigned k;

	for (i = 0; i < COUNT(golden_rows); i++) {
		const struct golden_row *g = &golden_rows[i];

		for (k = 0; k < g->calls; k++) {
			struct event ev =
			    call_ev(pid, g->nr, g->each_ns, k < g->errors ? g->err : 0,
				    g->nr == __NR_openat ? 3 : 0);
			add(s, &ev);
		}
	}
}

static char *render_table(const struct summary_call *calls, enum table_sort sort)
{
	struct buf b = BUF_INIT;

	cr_assert_eq(table_render(&b, calls, sort), 0);
	return buf_detach(&b);
}

/* Names in the rows of a rendered table, between the two dash lines. */
static int table_row_names(const char *text, char names[][32], int max)
{
	const char *p = strstr(text, "\n------");
	int n = 0;

	cr_assert_not_null(p, "no dash line in:\n%s", text);
	p = strchr(p + 1, '\n') + 1;
	while (*p && strncmp(p, "------", 6)) {
		const char *eol = strchr(p, '\n'), *sp;

		cr_assert_not_null(eol);
		for (sp = eol; sp > p && sp[-1] != ' '; sp--)
			;
		cr_assert_lt(n, max);
		snprintf(names[n++], 32, "%.*s", (int)(eol - sp), sp);
		p = eol + 1;
	}
	return n;
}

/* The calls column of the "total" row of the first table in text. */
static unsigned long total_row_calls(const char *text)
{
	const char *p = strstr(text, " total\n");
	unsigned long calls = 0;

	cr_assert_not_null(p, "no total row in:\n%s", text);
	while (p > text && p[-1] != '\n')
		p--;
	cr_assert_eq(sscanf(p, "%*s %*f %*u %lu", &calls), 1);
	return calls;
}

/* Owned contents of a file, or NULL. */
static char *slurp(const char *path)
{
	struct buf b = BUF_INIT;
	char tmp[4096];
	FILE *f = fopen(path, "r");
	size_t n;

	if (!f)
		return NULL;
	while ((n = fread(tmp, 1, sizeof(tmp), f)) > 0)
		buf_append(&b, tmp, n);
	fclose(f);
	return buf_detach(&b);
}

Test(summary, table_matches_golden_strace_layout)
{
	const char *update = getenv("UPDATE_GOLDEN");
	struct summary s;
	char *got, *want;

	cr_assert_eq(summary_init(&s, false, false, false), 0);
	add_golden_calls(&s, PID_A);
	got = render_table(s.calls, SORT_TIME);
	if (update && *update && strcmp(update, "0")) {
		FILE *f = fopen(GOLDEN_TABLE, "w");

		cr_assert_not_null(f, "cannot write %s", GOLDEN_TABLE);
		fputs(got, f);
		cr_assert_eq(fclose(f), 0);
	}
	want = slurp(GOLDEN_TABLE);
	cr_assert_not_null(want, "%s is missing", GOLDEN_TABLE);
	cr_assert_str_eq(got, want, "table differs from %s; got:\n%s", GOLDEN_TABLE, got);
	free(want);
	free(got);
	summary_fini(&s);
}

/* The golden file's numbers, by arithmetic on the fixed durations. */
Test(summary, counts_time_and_errors_per_syscall_exactly)
{
	uint64_t total_ns = 0, total_calls = 0, total_errors = 0;
	struct summary s;
	size_t i;

	cr_assert_eq(summary_init(&s, false, false, false), 0);
	add_golden_calls(&s, PID_A);
	for (i = 0; i < COUNT(golden_rows); i++) {
		const struct golden_row *g = &golden_rows[i];
		const struct summary_call *c = &s.calls[g->nr];

		cr_expect_eq(c->calls, g->calls, "%s calls", g->name);
		cr_expect_eq(c->errors, g->errors, "%s errors", g->name);
		cr_expect_eq(c->time_ns, g->calls * g->each_ns, "%s time", g->name);
		cr_expect_eq(c->min_ns, g->each_ns, "%s min", g->name);
		cr_expect_eq(c->max_ns, g->each_ns, "%s max", g->name);
		total_ns += g->calls * g->each_ns;
		total_calls += g->calls;
		total_errors += g->errors;
	}
	cr_assert_eq(total_ns, 1000000, "the golden file assumes 1 ms in total");
	cr_expect_eq(s.total_time_ns, total_ns);
	cr_expect_eq(s.total_calls, 14);
	cr_expect_eq(s.total_calls, total_calls);
	cr_expect_eq(s.total_errors, 6);
	cr_expect_eq(s.total_errors, total_errors);
	/* % time, usecs/call of the golden rows */
	cr_expect_eq(100 * s.calls[__NR_write].time_ns / s.total_time_ns, 50);
	cr_expect_eq(100 * s.calls[__NR_close].time_ns / s.total_time_ns, 5);
	cr_expect_eq(s.calls[__NR_close].time_ns / 1000 / s.calls[__NR_close].calls, 12);
	cr_expect_eq(s.total_time_ns / 1000 / s.total_calls, 71);
	summary_fini(&s);
}

Test(summary, min_and_max_follow_the_durations_seen)
{
	static const uint64_t durs[] = { 7000, 3000, 11000, 5000 };
	struct summary s;
	size_t i;

	cr_assert_eq(summary_init(&s, false, false, false), 0);
	for (i = 0; i < COUNT(durs); i++) {
		struct event ev = call_ev(PID_A, __NR_getppid, durs[i], 0, 1);

		add(&s, &ev);
	}
	cr_expect_eq(s.calls[__NR_getppid].min_ns, 3000);
	cr_expect_eq(s.calls[__NR_getppid].max_ns, 11000);
	cr_expect_eq(s.calls[__NR_getppid].time_ns, 26000);
	summary_fini(&s);
}

Test(summary, sort_keys_order_the_rows)
{
	static const struct {
		const char *key;
		const char *want[4];
	} cases[] = {
		{ "time", { "write", "read", "openat", "close" } },
		{ "calls", { "read", "close", "openat", "write" } },
		{ "count", { "read", "close", "openat", "write" } },
		{ "errors", { "close", "read", "openat", "write" } },
		{ "name", { "close", "openat", "read", "write" } },
		{ "syscall", { "close", "openat", "read", "write" } },
		{ "nothing", { "read", "write", "close", "openat" } },
	};
	struct summary s;
	size_t i;
	int k;

	cr_assert_eq(summary_init(&s, false, false, false), 0);
	add_golden_calls(&s, PID_A);
	for (i = 0; i < COUNT(cases); i++) {
		enum table_sort sort;
		char names[8][32];
		int slots[SUMMARY_SLOTS];
		char *text;
		int n;

		cr_assert_eq(table_sort_parse(cases[i].key, &sort), 0, "-S %s", cases[i].key);
		text = render_table(s.calls, sort);
		n = table_row_names(text, names, 8);
		cr_expect_eq(n, 4, "-S %s: %d rows in\n%s", cases[i].key, n, text);
		for (k = 0; k < n && k < 4; k++)
			cr_expect_str_eq(names[k], cases[i].want[k], "-S %s row %d:\n%s",
					 cases[i].key, k, text);
		cr_assert_eq(table_sorted_slots(s.calls, sort, slots), 4);
		for (k = 0; k < 4; k++)
			cr_expect_str_eq(syscall_by_nr(slots[k])->name, cases[i].want[k],
					 "-S %s slot %d", cases[i].key, k);
		free(text);
	}
	summary_fini(&s);
}

Test(summary, unknown_sort_key_is_rejected)
{
	static const char *const bad[] = { "", "Time", "calls ", "latency" };
	enum table_sort sort = SORT_NAME;
	size_t i;

	for (i = 0; i < COUNT(bad); i++) {
		cr_expect_eq(table_sort_parse(bad[i], &sort), -EINVAL, "'%s'", bad[i]);
		cr_expect_eq(sort, SORT_NAME, "'%s' changed the key", bad[i]);
	}
}

Test(summary, cpu_mode_sums_cpu_time_not_latency)
{
	struct summary s;
	struct event ev;

	cr_assert_eq(summary_init(&s, false, false, true), 0);
	ev = call_ev(PID_A, __NR_read, 1000000000, 0, 1);
	ev.flags |= EV_F_CPU;
	ev.cpu_ns = 7000;
	add(&s, &ev);
	ev = call_ev(PID_A, __NR_read, 500000, 0, 1);
	ev.flags |= EV_F_CPU;
	ev.cpu_ns = 3000;
	add(&s, &ev);
	/* not measured: counted, no time */
	ev = call_ev(PID_A, __NR_read, 900000, 0, 1);
	add(&s, &ev);
	cr_expect_eq(s.calls[__NR_read].calls, 3);
	cr_expect_eq(s.calls[__NR_read].time_ns, 10000);
	cr_expect_eq(s.calls[__NR_read].max_ns, 1000000000);
	cr_expect_eq(s.calls[__NR_read].min_ns, 500000);
	/* min, max and the mean of the extended table stay latency */
	cr_expect_eq(s.calls[__NR_read].lat_sum_ns, 1000000000 + 500000 + 900000);
	cr_expect_eq(s.total_time_ns, 10000);
	summary_fini(&s);
}

Test(summary, wall_mode_ignores_cpu_time)
{
	struct summary s;
	struct event ev;

	cr_assert_eq(summary_init(&s, false, false, false), 0);
	ev = call_ev(PID_A, __NR_read, 40000, 0, 1);
	ev.flags |= EV_F_CPU;
	ev.cpu_ns = 7000;
	add(&s, &ev);
	cr_expect_eq(s.calls[__NR_read].time_ns, 40000);
	summary_fini(&s);
}

Test(summary, extended_summary_keeps_quantiles_per_syscall)
{
	static const struct {
		double p;
		uint64_t exact; /* rank ceil(p * 100) of 1..100 us */
	} cases[] = {
		{ 0.5, 50000 },
		{ 0.9, 90000 },
		{ 0.99, 99000 },
	};
	struct summary s;
	size_t i;
	int k;

	cr_assert_eq(summary_init(&s, false, true, false), 0);
	for (k = 100; k >= 1; k--) {
		struct event ev = call_ev(PID_A, __NR_read, (uint64_t)k * 1000, 0, 1);

		add(&s, &ev);
	}
	cr_expect_eq(s.calls[__NR_read].lat.count, 100);
	for (i = 0; i < COUNT(cases); i++) {
		uint64_t got = qsketch_quantile(&s.calls[__NR_read].lat, cases[i].p);
		double err = (double)got - (double)cases[i].exact;

		cr_expect_leq(err < 0 ? -err : err, QS_REL_ERROR * (double)cases[i].exact + 1,
			      "p%g = %llu, exact %llu", cases[i].p * 100, (unsigned long long)got,
			      (unsigned long long)cases[i].exact);
	}
	cr_expect_eq(qsketch_quantile(&s.calls[__NR_read].lat, 0), 1000);
	cr_expect_eq(qsketch_quantile(&s.calls[__NR_read].lat, 1), 100000);
	summary_fini(&s);
}

Test(summary, plain_summary_keeps_no_quantiles)
{
	struct summary s;
	struct event ev = call_ev(PID_A, __NR_read, 1000, 0, 1);

	cr_assert_eq(summary_init(&s, false, false, false), 0);
	add(&s, &ev);
	cr_expect_eq(s.calls[__NR_read].lat.count, 0);
	cr_expect_null(s.calls[__NR_read].lat.bins, "no sketch memory without --stats-extended");
	summary_fini(&s);
}

Test(summary, extended_table_has_percentile_columns)
{
	struct buf b = BUF_INIT;
	struct summary s;
	char name[32];
	unsigned long calls;
	double v[6];
	const char *row;
	int k;

	cr_assert_eq(summary_init(&s, false, true, false), 0);
	for (k = 1; k <= 4; k++) {
		struct event ev = call_ev(PID_A, __NR_getppid, (uint64_t)k * 1000, 0, 1);

		add(&s, &ev);
	}
	cr_assert_eq(table_render_summary(&b, &s, SORT_TIME), 0);
	cr_expect(strstr(b.data, "\nsyscall              calls         min        mean         "
				 "p50         p90         p99         max\n"),
		  "%s", b.data);
	row = strstr(b.data, "\ngetppid ");
	cr_assert_not_null(row, "%s", b.data);
	cr_assert_eq(sscanf(row + 1, "%31s %lu %lf %lf %lf %lf %lf %lf", name, &calls, &v[0], &v[1],
			    &v[2], &v[3], &v[4], &v[5]),
		     8, "%s", row);
	cr_expect_eq(calls, 4);
	cr_expect_float_eq(v[0], 1.0, 1e-9, "min");
	cr_expect_float_eq(v[1], 2.5, 1e-9, "mean");
	cr_expect_float_eq(v[5], 4.0, 1e-9, "max");
	cr_expect(v[2] >= 1.98 && v[2] <= 2.02, "p50 %f", v[2]);
	cr_expect(v[4] >= 3.96 && v[4] <= 4.0, "p99 %f", v[4]);
	cr_expect(strstr(b.data, "(microseconds; percentiles within 1%)\n"), "%s", b.data);
	buf_fini(&b);
	summary_fini(&s);
}

Test(summary, header_line_says_what_time_means)
{
	static const struct {
		bool cpu;
		const char *want;
	} cases[] = {
		{ true, "System CPU time spent in syscalls:\n% time " },
		{ false, "Wall-clock latency of syscalls (entry to exit):\n% time " },
	};
	size_t i;

	for (i = 0; i < COUNT(cases); i++) {
		struct buf b = BUF_INIT;
		struct summary s;
		struct event ev = call_ev(PID_A, __NR_getppid, 1000, 0, 1);

		cr_assert_eq(summary_init(&s, false, false, cases[i].cpu), 0);
		add(&s, &ev);
		cr_assert_eq(table_render_summary(&b, &s, SORT_TIME), 0);
		cr_expect_eq(strncmp(b.data, cases[i].want, strlen(cases[i].want)), 0,
			     "cpu=%d:\n%s", cases[i].cpu, b.data);
		buf_fini(&b);
		summary_fini(&s);
	}
}

Test(summary, per_process_tables_come_before_the_total)
{
	struct buf b = BUF_INIT;
	struct summary s;
	struct event ev;
	const char *a, *bsec, *tot;
	char *sec_a, *sec_b;
	const struct proc_summary *p;

	cr_assert_eq(summary_init(&s, true, false, false), 0);
	ev = call_ev(PID_A, __NR_read, 1000, 0, 1);
	add(&s, &ev);
	ev = call_ev(PID_A, __NR_read, 1000, 0, 1);
	add(&s, &ev);
	ev = call_ev(PID_B, __NR_write, 3000, 0, 1);
	add(&s, &ev);
	ev = call_ev(PID_B, __NR_read, 1000, EBADF, 0);
	add(&s, &ev);
	cr_assert_eq(table_render_summary(&b, &s, SORT_TIME), 0);
	a = strstr(b.data, "Process 100:\n");
	bsec = strstr(b.data, "Process 200:\n");
	tot = strstr(b.data, "Total:\n");
	cr_assert(a && bsec && tot && a < bsec && bsec < tot, "sections out of order:\n%s", b.data);
	sec_a = strndup(a, (size_t)(bsec - a));
	sec_b = strndup(bsec, (size_t)(tot - bsec));
	cr_expect(strstr(sec_a, " read\n") && !strstr(sec_a, " write\n"), "pid 100:\n%s", sec_a);
	cr_expect(strstr(sec_b, " read\n") && strstr(sec_b, " write\n"), "pid 200:\n%s", sec_b);
	cr_expect_eq(total_row_calls(sec_a), 2);
	cr_expect_eq(total_row_calls(sec_b), 2);
	cr_expect_eq(total_row_calls(tot), 4);
	cr_expect(strstr(sec_a, "memory: ") && strstr(sec_a, "\nio: "), "pid 100:\n%s", sec_a);
	p = summary_proc(&s, PID_A);
	cr_assert_not_null(p);
	cr_expect_eq(p->total_calls, 2);
	cr_expect_eq(p->calls[__NR_read].calls, 2);
	cr_expect_eq(p->calls[__NR_write].calls, 0);
	p = summary_proc(&s, PID_B);
	cr_assert_not_null(p);
	cr_expect_eq(p->total_errors, 1);
	cr_expect_eq(p->total_time_ns, 4000);
	cr_expect_null(summary_proc(&s, 300));
	free(sec_a);
	free(sec_b);
	buf_fini(&b);
	summary_fini(&s);
}

Test(summary, calls_that_never_return_are_not_in_the_table)
{
	struct buf b = BUF_INIT;
	struct summary s;
	struct event ev;

	cr_assert_eq(summary_init(&s, false, false, false), 0);
	ev = call_ev(PID_A, __NR_getppid, 2000, 0, 1);
	add(&s, &ev);
	ev = call_ev(PID_A, __NR_exit_group, 5000, 0, 0);
	ev.flags |= EV_F_NORETURN;
	ev.ts_exit_ns = 0;
	add(&s, &ev);
	cr_expect_eq(s.calls[__NR_exit_group].calls, 0);
	cr_expect_eq(s.unfinished_calls, 1);
	cr_expect_eq(s.total_calls, 1);
	cr_expect_eq(s.total_time_ns, 2000);
	cr_assert_eq(table_render(&b, s.calls, SORT_TIME), 0);
	cr_expect_null(strstr(b.data, "exit_group"), "%s", b.data);
	cr_expect_eq(total_row_calls(b.data), 1);
	buf_fini(&b);
	summary_fini(&s);
}

Test(summary, signals_and_exits_are_counted_outside_the_table)
{
	struct summary s;
	struct event ev;

	cr_assert_eq(summary_init(&s, false, false, false), 0);
	memset(&ev, 0, sizeof(ev));
	ev.type = EV_SIGNAL;
	ev.pid = ev.tid = PID_A;
	ev.ts_ns = next_ts_ns++;
	ev.si.si_signo = SIGUSR1;
	add(&s, &ev);
	ev.type = EV_EXIT;
	ev.status = 3 << 8;
	add(&s, &ev);
	cr_expect_eq(s.signals, 1);
	cr_expect_eq(s.threads, 1);
	cr_expect_eq(s.total_calls, 0);
	cr_assert_not_null(summary_proc(&s, PID_A));
	cr_expect(summary_proc(&s, PID_A)->exited);
	cr_expect_eq(summary_proc(&s, PID_A)->status, 3 << 8);
	summary_fini(&s);
}

Test(summary, unknown_numbers_get_a_hex_name_or_share_the_other_slot)
{
	char tmp[32];
	struct summary s;
	struct event ev;

	cr_assert_eq(summary_init(&s, false, false, false), 0);
	ev = call_ev(PID_A, 400, 1000, ENOSYS, 0);
	add(&s, &ev);
	ev = call_ev(PID_A, 0x40000000 | 1, 1000, 0, 0);
	add(&s, &ev);
	cr_expect_eq(s.calls[400].calls, 1);
	cr_expect_eq(s.calls[400].errors, 1);
	cr_expect_eq(s.calls[SUMMARY_SLOT_OTHER].calls, 1);
	cr_expect_str_eq(summary_slot_name(400, tmp, sizeof(tmp)), "syscall_0x190");
	cr_expect_str_eq(summary_slot_name(SUMMARY_SLOT_OTHER, tmp, sizeof(tmp)), "(other)");
	cr_expect_str_eq(summary_slot_name(__NR_openat, tmp, sizeof(tmp)), "openat");
	summary_fini(&s);
}

/* ---- memory ------------------------------------------------------------- */

static struct event mmap_ev(int pid, uint64_t len, uint64_t flags, int err)
{
	struct event ev = call_ev(pid, __NR_mmap, 1000, err, 0x7f0000000000ll);

	ev.args[1].raw = len;
	ev.args[2].raw = PROT_READ | PROT_WRITE;
	ev.args[3].raw = flags;
	ev.args[4].raw = (flags & MAP_ANONYMOUS) ? (uint64_t)-1 : 3;
	return ev;
}

static struct event munmap_ev(int pid, uint64_t len)
{
	struct event ev = call_ev(pid, __NR_munmap, 1000, 0, 0);

	ev.args[0].raw = 0x7f0000000000ull;
	ev.args[1].raw = len;
	return ev;
}

static struct event mremap_ev(int pid, uint64_t oldl, uint64_t newl)
{
	struct event ev = call_ev(pid, __NR_mremap, 1000, 0, 0x7f0000100000ll);

	ev.args[1].raw = oldl;
	ev.args[2].raw = newl;
	ev.args[3].raw = 1; /* MREMAP_MAYMOVE */
	return ev;
}

static struct event brk_ev(int pid, uint64_t req, uint64_t ret)
{
	struct event ev = call_ev(pid, __NR_brk, 1000, 0, (int64_t)ret);

	ev.args[0].raw = req;
	return ev;
}

struct u64_case {
	const char *what;
	uint64_t got, want;
};

static void expect_u64s(const struct u64_case *c, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		cr_expect_eq(c[i].got, c[i].want, "%s: got %llu, want %llu", c[i].what,
			     (unsigned long long)c[i].got, (unsigned long long)c[i].want);
}

Test(summary, memory_accounting_is_exact_to_the_byte)
{
	struct summary s;
	struct event ev;
	const struct proc_summary *p;

	cr_assert_eq(summary_init(&s, false, false, false), 0);
	ev = mmap_ev(PID_A, MIB, MAP_PRIVATE | MAP_ANONYMOUS, 0);
	add(&s, &ev);
	ev = mmap_ev(PID_A, 8192, MAP_PRIVATE, 0);
	add(&s, &ev);
	ev = munmap_ev(PID_A, 4096);
	add(&s, &ev);
	ev = mremap_ev(PID_A, 4096, 16384);
	add(&s, &ev);
	ev = brk_ev(PID_A, 0, 0x1000000);
	add(&s, &ev);
	ev = brk_ev(PID_A, 0x1021000, 0x1021000);
	add(&s, &ev);
	/* a failed mmap is a call, not bytes */
	ev = mmap_ev(PID_A, 1024 * MIB, MAP_PRIVATE | MAP_ANONYMOUS, ENOMEM);
	add(&s, &ev);
	/* shrinking the heap lowers what is mapped, not the peak */
	ev = brk_ev(PID_A, 0x1011000, 0x1011000);
	add(&s, &ev);
	p = summary_proc(&s, PID_A);
	cr_assert_not_null(p);
	{
		const struct u64_case cases[] = {
			{ "mmap_calls", s.mem.mmap_calls, 3 },
			{ "munmap_calls", s.mem.munmap_calls, 1 },
			{ "mremap_calls", s.mem.mremap_calls, 1 },
			{ "brk_calls", s.mem.brk_calls, 3 },
			{ "mmap_anon_bytes", s.mem.mmap_anon_bytes, MIB },
			{ "mmap_file_bytes", s.mem.mmap_file_bytes, 8192 },
			{ "munmap_bytes", s.mem.munmap_bytes, 4096 },
			{ "mremap_grow_bytes", s.mem.mremap_grow_bytes, 12288 },
			{ "mremap_shrink_bytes", s.mem.mremap_shrink_bytes, 0 },
			{ "brk_growth_bytes", s.mem.brk_growth_bytes, 0x21000 },
			{ "brk_shrink_bytes", s.mem.brk_shrink_bytes, 0x10000 },
			/* anon + mremap growth + brk growth */
			{ "allocated_bytes", s.mem.allocated_bytes, MIB + 12288 + 0x21000 },
			{ "peak_mapped_bytes", s.mem.peak_mapped_bytes,
			  MIB + 8192 - 4096 + 12288 + 0x21000 },
			{ "mapped_now_bytes", s.mem.mapped_now_bytes,
			  MIB + 8192 - 4096 + 12288 + 0x21000 - 0x10000 },
			{ "process allocated_bytes", p->mem.allocated_bytes,
			  MIB + 12288 + 0x21000 },
			{ "process peak", p->mem.peak_mapped_bytes,
			  MIB + 8192 - 4096 + 12288 + 0x21000 },
			{ "process brk_cur", p->brk_cur, 0x1011000 },
		};

		expect_u64s(cases, COUNT(cases));
	}
	summary_fini(&s);
}

Test(summary, sizes_are_rounded_up_to_pages)
{
	struct summary s;
	struct event ev;

	cr_assert_eq(summary_init(&s, false, false, false), 0);
	ev = mmap_ev(PID_A, 100, MAP_PRIVATE | MAP_ANONYMOUS, 0);
	add(&s, &ev);
	ev = mmap_ev(PID_A, 42915, MAP_PRIVATE, 0);
	add(&s, &ev);
	ev = munmap_ev(PID_A, 42915);
	add(&s, &ev);
	ev = mremap_ev(PID_A, 1, 4097);
	add(&s, &ev);
	{
		const struct u64_case cases[] = {
			{ "mmap_anon_bytes", s.mem.mmap_anon_bytes, 4096 },
			{ "mmap_file_bytes", s.mem.mmap_file_bytes, 45056 },
			{ "munmap_bytes", s.mem.munmap_bytes, 45056 },
			{ "mremap_grow_bytes", s.mem.mremap_grow_bytes, 4096 },
			{ "allocated_bytes", s.mem.allocated_bytes, 8192 },
		};

		expect_u64s(cases, COUNT(cases));
	}
	summary_fini(&s);
}

Test(summary, mremap_shrink_is_not_allocation)
{
	struct summary s;
	struct event ev;

	cr_assert_eq(summary_init(&s, false, false, false), 0);
	ev = mmap_ev(PID_A, 16384, MAP_PRIVATE | MAP_ANONYMOUS, 0);
	add(&s, &ev);
	ev = mremap_ev(PID_A, 16384, 4096);
	add(&s, &ev);
	cr_expect_eq(s.mem.mremap_shrink_bytes, 12288);
	cr_expect_eq(s.mem.mremap_grow_bytes, 0);
	cr_expect_eq(s.mem.allocated_bytes, 16384);
	cr_expect_eq(s.mem.mapped_now_bytes, 4096);
	cr_expect_eq(s.mem.peak_mapped_bytes, 16384);
	summary_fini(&s);
}

Test(summary, execve_releases_the_process_mappings_and_heap)
{
	struct summary s;
	struct event ev;
	const struct proc_summary *p;

	cr_assert_eq(summary_init(&s, false, false, false), 0);
	ev = mmap_ev(PID_A, MIB, MAP_PRIVATE | MAP_ANONYMOUS, 0);
	add(&s, &ev);
	ev = brk_ev(PID_A, 0, 0x1000000);
	add(&s, &ev);
	ev = call_ev(PID_A, __NR_execve, 1000, 0, 0);
	add(&s, &ev);
	p = summary_proc(&s, PID_A);
	cr_assert_not_null(p);
	cr_expect_eq(p->mem.mapped_now_bytes, 0);
	cr_expect_eq(s.mem.mapped_now_bytes, 0);
	cr_expect_eq(p->brk_cur, 0);
	/* the new program's first brk only establishes its break */
	ev = brk_ev(PID_A, 0, 0x2000000);
	add(&s, &ev);
	ev = brk_ev(PID_A, 0x2001000, 0x2001000);
	add(&s, &ev);
	ev = mmap_ev(PID_A, 4096, MAP_PRIVATE | MAP_ANONYMOUS, 0);
	add(&s, &ev);
	cr_expect_eq(s.mem.brk_growth_bytes, 4096);
	cr_expect_eq(s.mem.allocated_bytes, MIB + 4096 + 4096);
	cr_expect_eq(s.mem.mapped_now_bytes, 8192);
	cr_expect_eq(s.mem.peak_mapped_bytes, MIB);
	summary_fini(&s);
}

Test(summary, failed_execve_keeps_the_mappings)
{
	struct summary s;
	struct event ev;

	cr_assert_eq(summary_init(&s, false, false, false), 0);
	ev = mmap_ev(PID_A, 8192, MAP_PRIVATE | MAP_ANONYMOUS, 0);
	add(&s, &ev);
	ev = call_ev(PID_A, __NR_execve, 1000, ENOENT, 0);
	add(&s, &ev);
	cr_expect_eq(s.mem.mapped_now_bytes, 8192);
	summary_fini(&s);
}

Test(summary, leader_exit_releases_the_process_mappings)
{
	struct summary s;
	struct event ev;

	cr_assert_eq(summary_init(&s, false, false, false), 0);
	ev = mmap_ev(PID_A, 8192, MAP_PRIVATE | MAP_ANONYMOUS, 0);
	add(&s, &ev);
	ev = mmap_ev(PID_B, 4096, MAP_PRIVATE | MAP_ANONYMOUS, 0);
	add(&s, &ev);
	memset(&ev, 0, sizeof(ev));
	ev.type = EV_EXIT;
	ev.pid = ev.tid = PID_A;
	ev.ts_ns = next_ts_ns++;
	add(&s, &ev);
	cr_expect_eq(s.mem.mapped_now_bytes, 4096);
	cr_expect_eq(summary_proc(&s, PID_A)->mem.mapped_now_bytes, 0);
	cr_expect_eq(s.mem.peak_mapped_bytes, 12288);
	summary_fini(&s);
}

Test(summary, memory_line_shows_calls_and_sizes)
{
	struct buf b = BUF_INIT;
	struct summary s;
	struct event ev;

	cr_assert_eq(summary_init(&s, false, false, false), 0);
	ev = mmap_ev(PID_A, MIB, MAP_PRIVATE | MAP_ANONYMOUS, 0);
	add(&s, &ev);
	ev = mmap_ev(PID_A, 8192, MAP_PRIVATE, 0);
	add(&s, &ev);
	ev = munmap_ev(PID_A, 4096);
	add(&s, &ev);
	ev = mremap_ev(PID_A, 4096, 16384);
	add(&s, &ev);
	ev = brk_ev(PID_A, 0, 0x1000000);
	add(&s, &ev);
	ev = brk_ev(PID_A, 0x1021000, 0x1021000);
	add(&s, &ev);
	cr_assert_eq(table_render_memio(&b, &s, 0), 0);
	/* 1 MiB + 8 KiB = 1.0 MiB; allocated 1 MiB + 12 KiB + 132 KiB = 1.1 MiB;
	 * peak 1 MiB + 8 KiB - 4 KiB + 12 KiB + 132 KiB = 1.1 MiB */
	cr_expect_str_eq(b.data,
			 "memory: 2 mmap (1.0 MiB, anon 1.0 MiB), 1 munmap (4.0 KiB), "
			 "1 mremap (+12.0 KiB), brk +132.0 KiB, allocated 1.1 MiB, peak 1.1 MiB\n"
			 "io: read 0 B in 0 calls, written 0 B in 0 calls\n");
	buf_fini(&b);
	summary_fini(&s);
}

Test(summary, byte_sizes_use_binary_units)
{
	static const struct {
		unsigned long long n;
		const char *want;
	} cases[] = {
		{ 0, "0 B" },
		{ 17, "17 B" },
		{ 1023, "1023 B" },
		{ 1024, "1.0 KiB" },
		{ 135168, "132.0 KiB" },
		{ MIB, "1.0 MiB" },
		{ 13002342, "12.4 MiB" },
		{ 3 * 1024 * MIB, "3.0 GiB" },
	};
	size_t i;

	for (i = 0; i < COUNT(cases); i++) {
		struct buf b = BUF_INIT;

		table_put_bytes(&b, cases[i].n);
		cr_expect_str_eq(b.data, cases[i].want, "%llu", cases[i].n);
		buf_fini(&b);
	}
}

/* ---- I/O ---------------------------------------------------------------- */

static struct event openat_ev(int pid, const char *path, int fd)
{
	struct event ev = call_ev(pid, __NR_openat, 1000, 0, fd);

	ev.args[0].raw = (uint64_t)-100; /* AT_FDCWD */
	ev.args[1].raw = 0x1000;
	ev.args[1].state = ARG_S_DATA;
	ev.args[1].data = path;
	ev.args[1].len = (uint32_t)strlen(path);
	return ev;
}

static struct event fd_ev(int pid, long nr, int fd, int64_t ret, int err)
{
	struct event ev = call_ev(pid, nr, 1000, err, ret);

	ev.args[0].raw = (uint64_t)fd;
	ev.args[2].raw = ret > 0 ? (uint64_t)ret : 4096;
	return ev;
}

Test(summary, io_bytes_are_split_by_descriptor_class)
{
	static const int pipe_fds[2] = { 4, 5 };
	struct summary s;
	struct event ev;
	size_t i;

	cr_assert_eq(summary_init(&s, false, false, false), 0);
	ev = openat_ev(PID_A, "/tmp/x", 3);
	add(&s, &ev);
	ev = call_ev(PID_A, __NR_pipe2, 1000, 0, 0);
	ev.args[0].state = ARG_S_DATA;
	ev.args[0].data = (const char *)pipe_fds;
	ev.args[0].len = sizeof(pipe_fds);
	add(&s, &ev);
	ev = call_ev(PID_A, __NR_socket, 1000, 0, 6);
	add(&s, &ev);
	ev = openat_ev(PID_A, "/dev/tty", 7);
	add(&s, &ev);
	ev = fd_ev(PID_A, __NR_dup, 4, 8, 0);
	add(&s, &ev);
	{
		static const struct {
			long nr;
			int fd;
			int64_t ret;
			int err;
		} calls[] = {
			{ __NR_read, 3, 100, 0 },   /* file */
			{ __NR_pread64, 3, 20, 0 }, /* file */
			{ __NR_write, 5, 10, 0 },   /* pipe */
			{ __NR_read, 4, 10, 0 },    /* pipe */
			{ __NR_read, 8, 1, 0 },	    /* pipe, through dup */
			{ __NR_write, 6, 50, 0 },   /* socket */
			{ __NR_sendto, 6, 5, 0 },   /* socket */
			{ __NR_read, 6, 0, 0 },	    /* socket, end of stream */
			{ __NR_write, 7, 14, 0 },   /* tty */
			{ __NR_write, 1, 2, 0 },    /* inherited: other */
			{ __NR_read, 9, 0, EBADF }, /* failed: a call, no bytes */
			{ __NR_close, 3, 0, 0 },
			{ __NR_read, 3, 7, 0 },	    /* closed: no longer a file */
			{ __NR_getppid, 3, 99, 0 }, /* not I/O */
		};

		for (i = 0; i < COUNT(calls); i++) {
			ev = fd_ev(PID_A, calls[i].nr, calls[i].fd, calls[i].ret, calls[i].err);
			add(&s, &ev);
		}
	}
	{
		const struct u64_case cases[] = {
			{ "read_calls", s.io.read_calls, 7 },
			{ "write_calls", s.io.write_calls, 5 },
			{ "read_bytes", s.io.read_bytes, 100 + 20 + 10 + 1 + 7 },
			{ "written_bytes", s.io.written_bytes, 10 + 50 + 5 + 14 + 2 },
			{ "read file", s.io.read_by_class[FDC_FILE], 120 },
			{ "read pipe", s.io.read_by_class[FDC_PIPE], 11 },
			{ "read socket", s.io.read_by_class[FDC_SOCKET], 0 },
			{ "read other", s.io.read_by_class[FDC_OTHER], 7 },
			{ "written pipe", s.io.written_by_class[FDC_PIPE], 10 },
			{ "written socket", s.io.written_by_class[FDC_SOCKET], 55 },
			{ "written tty", s.io.written_by_class[FDC_TTY], 14 },
			{ "written other", s.io.written_by_class[FDC_OTHER], 2 },
			{ "written file", s.io.written_by_class[FDC_FILE], 0 },
		};

		expect_u64s(cases, COUNT(cases));
	}
	summary_fini(&s);
}

Test(summary, io_line_lists_classes_with_bytes)
{
	struct buf b = BUF_INIT;
	struct summary s;
	struct event ev;
	const char *io;

	cr_assert_eq(summary_init(&s, false, false, false), 0);
	ev = openat_ev(PID_A, "data.csv", 3);
	add(&s, &ev);
	ev = fd_ev(PID_A, __NR_read, 3, 2458, 0);
	add(&s, &ev);
	ev = fd_ev(PID_A, __NR_write, 3, 12, 0);
	add(&s, &ev);
	ev = fd_ev(PID_A, __NR_write, 2, 14, 0);
	add(&s, &ev);
	cr_assert_eq(table_render_memio(&b, &s, 0), 0);
	io = strstr(b.data, "\nio: ");
	cr_assert_not_null(io, "%s", b.data);
	cr_expect_str_eq(io + 1,
			 "io: read 2.4 KiB in 1 calls (file 2.4 KiB), written 26 B in 2 calls "
			 "(other 14 B, file 12 B)\n");
	buf_fini(&b);
	summary_fini(&s);
}

Test(summary, descriptor_classes_are_per_process)
{
	struct summary s;
	struct event ev;

	cr_assert_eq(summary_init(&s, false, false, false), 0);
	ev = call_ev(PID_A, __NR_socket, 1000, 0, 6);
	add(&s, &ev);
	ev = fd_ev(PID_B, __NR_write, 6, 10, 0);
	add(&s, &ev);
	ev = fd_ev(PID_A, __NR_write, 6, 20, 0);
	add(&s, &ev);
	cr_expect_eq(s.io.written_by_class[FDC_OTHER], 10);
	cr_expect_eq(s.io.written_by_class[FDC_SOCKET], 20);
	cr_expect_eq(summary_proc(&s, PID_B)->io.written_bytes, 10);
	cr_expect_eq(summary_proc(&s, PID_A)->io.written_by_class[FDC_SOCKET], 20);
	summary_fini(&s);
}
