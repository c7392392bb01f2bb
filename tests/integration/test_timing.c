/* SPDX-License-Identifier: MIT */
/* Time on the command line: -T durations, -t/-tt/-ttt/-r/--timestamps
 * prefixes, the -c table and its memory and I/O lines (exact figures for
 * memops' own calls), -w and --stats-extended. Lower bounds only: no test
 * depends on the machine's speed. */
#include <criterion/criterion.h>

#include <errno.h>
#include <math.h>
#include <regex.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "integration/harness.h"

#define PROGS	 RN_TEST_BUILD_DIR "/progs"
#define COUNT(a) (sizeof(a) / sizeof((a)[0]))
#define MAX_ARGS 16
#define KIB	 1024ull
#define MIB	 (1024ull * 1024)

#define TABLE_HEADER "% time     seconds  usecs/call     calls    errors syscall"
#define TABLE_DASHES "------ ----------- ----------- --------- --------- ----------------"

/* Run renacer in build/progs, after checking that ptrace works here. */
static int cli(struct cli_result *r, const char *const *argv)
{
	require_ptrace();
	return run_cli(r, PROGS, argv);
}


static bool matches(const char *re, const char *s)
{
	regex_t rx;
	bool hit;

	cr_assert_eq(regcomp(&rx, re, REG_EXTENDED | REG_NOSUB), 0, "bad test regex %s", re);
	hit = regexec(&rx, s, 0, NULL, 0) == 0;
	regfree(&rx);
	return hit;
}

/* The line of text that starts with prefix (owned), or NULL. */
static char *line_starting(const char *text, const char *prefix)
{
	char **lines = split_lines(text, NULL), *hit = NULL;
	int i;

	for (i = 0; lines[i] && !hit; i++)
		if (!strncmp(lines[i], prefix, strlen(prefix)))
			hit = strdup(lines[i]);
	free_lines(lines);
	return hit;
}

/* ---- -T ------------------------------------------------------------------- */

/* The <secs> at the end of line, or -1 when there is none. */
static double duration_of(const char *line)
{
	size_t n = strlen(line);
	const char *lt = strrchr(line, '<');
	char *end;
	double v;

	if (!n || line[n - 1] != '>' || !lt)
		return -1;
	if (!matches("<[0-9]+\\.[0-9]{6}>$", line))
		return -1;
	v = strtod(lt + 1, &end);
	return *end == '>' ? v : -1;
}

Test(timing, syscall_times_cover_the_sleep_and_are_positive, .timeout = 30)
{
	static const char *const argv[] = { "-T", "./sleep50", NULL };
	struct cli_result r;
	char **lines;
	int i, timed = 0, sleeps = 0;

	cr_assert_eq(cli(&r, argv), 0, "%s", r.err);
	lines = split_lines(r.err, NULL);
	for (i = 0; lines[i]; i++) {
		const char *l = lines[i];
		double d;

		if (!strncmp(l, "+++", 3) || !strncmp(l, "---", 3))
			continue;
		d = duration_of(l);
		if (strstr(l, ") = ?")) {
			cr_expect_lt(d, 0, "a call that never returned has a time: %s", l);
			continue;
		}
		cr_expect_gt(d, 0, "no positive <secs> on: %s", l);
		timed++;
		if (!strncmp(l, "nanosleep(", 10) || !strncmp(l, "clock_nanosleep(", 16)) {
			sleeps++;
			cr_expect_geq(d, 0.05, "the 50 ms sleep took %f s: %s", d, l);
		}
	}
	cr_expect_eq(sleeps, 1, "no sleep line in:\n%s", r.err);
	cr_expect_gt(timed, 3);
	free_lines(lines);
	cli_result_fini(&r);
}

/* ---- timestamps ------------------------------------------------------------- */

struct ts_case {
	const char *args[4];
	const char *re; /* every line starts so */
};

Test(timing, timestamp_options_prefix_every_line, .timeout = 30)
{
	static const struct ts_case cases[] = {
		{ { "-t" }, "^[0-2][0-9]:[0-5][0-9]:[0-6][0-9] [^ ]" },
		{ { "-tt" }, "^[0-2][0-9]:[0-5][0-9]:[0-6][0-9]\\.[0-9]{6} [^ ]" },
		{ { "-ttt" }, "^[0-9]{10,}\\.[0-9]{6} [^ ]" },
		{ { "--timestamps=unix,ns" }, "^[0-9]{10,}\\.[0-9]{9} [^ ]" },
		{ { "--timestamps=time,ms" }, "^[0-2][0-9]:[0-5][0-9]:[0-6][0-9]\\.[0-9]{3} [^ ]" },
		{ { "--timestamps=unix,s" }, "^[0-9]{10,} [^ ]" },
		{ { "-r" }, "^ *[0-9]+\\.[0-9]{6} [^ ]" },
		{ { "-T", "-ttt" },
		  "^[0-9]{10,}\\.[0-9]{6} [^ ].*(<[0-9]+\\.[0-9]{6}>|= \\?|\\+\\+\\+)$" },
	};
	size_t i;
	int k;

	for (i = 0; i < COUNT(cases); i++) {
		const char *argv[MAX_ARGS];
		struct cli_result r;
		char **lines;
		int n = 0, nl;

		for (k = 0; k < 4 && cases[i].args[k]; k++)
			argv[n++] = cases[i].args[k];
		argv[n++] = "./sleep50";
		argv[n] = NULL;
		cr_expect_eq(cli(&r, argv), 0, "%s: %s", cases[i].args[0], r.err);
		lines = split_lines(r.err, &nl);
		cr_expect_gt(nl, 5, "%s:\n%s", cases[i].args[0], r.err);
		for (k = 0; lines[k]; k++)
			cr_expect(matches(cases[i].re, lines[k]),
				  "%s: line %d does not match %s: %s", cases[i].args[0], k,
				  cases[i].re, lines[k]);
		free_lines(lines);
		cli_result_fini(&r);
	}
}

Test(timing, time_of_day_never_goes_backwards, .timeout = 30)
{
	static const char *const argv[] = { "-tt", "./sleep50", NULL };
	struct cli_result r;
	char **lines;
	double prev = -1;
	int i;

	cr_assert_eq(cli(&r, argv), 0, "%s", r.err);
	lines = split_lines(r.err, NULL);
	for (i = 0; lines[i]; i++) {
		int h, m;
		double s, t;

		cr_assert_eq(sscanf(lines[i], "%2d:%2d:%lf ", &h, &m, &s), 3, "%s", lines[i]);
		t = h * 3600 + m * 60 + s;
		/* past midnight the clock restarts */
		if (prev >= 0 && prev - t < 12 * 3600)
			cr_expect_geq(t, prev, "line %d goes back: %s", i, lines[i]);
		prev = t;
	}
	free_lines(lines);
	cli_result_fini(&r);
}

Test(timing, epoch_timestamps_are_now_and_increase, .timeout = 30)
{
	static const char *const argv[] = { "-ttt", "./sleep50", NULL };
	struct cli_result r;
	char **lines;
	double prev = 0, first = -1, last = 0;
	time_t now;
	int i;

	cr_assert_eq(cli(&r, argv), 0, "%s", r.err);
	now = time(NULL);
	lines = split_lines(r.err, NULL);
	for (i = 0; lines[i]; i++) {
		double t = strtod(lines[i], NULL);

		cr_expect_lt(fabs(t - (double)now), 60, "%f is not now (%ld): %s", t, (long)now,
			     lines[i]);
		cr_expect_geq(t, prev, "line %d goes back: %s", i, lines[i]);
		prev = t;
		if (first < 0)
			first = t;
		last = t;
	}
	cr_expect_geq(last - first, 0.05, "the trace spans %f s around a 50 ms sleep",
		      last - first);
	free_lines(lines);
	cli_result_fini(&r);
}

Test(timing, relative_timestamps_are_non_negative_and_show_the_sleep, .timeout = 30)
{
	static const char *const argv[] = { "-r", "./sleep50", NULL };
	struct cli_result r;
	char **lines;
	double max = 0;
	int i;

	cr_assert_eq(cli(&r, argv), 0, "%s", r.err);
	lines = split_lines(r.err, NULL);
	for (i = 0; lines[i]; i++) {
		char *end;
		double d = strtod(lines[i], &end);

		cr_expect(end != lines[i] && *end == ' ', "no relative time: %s", lines[i]);
		cr_expect_geq(d, 0, "%s", lines[i]);
		if (d > max)
			max = d;
	}
	cr_expect_geq(max, 0.05, "no gap of 50 ms in:\n%s", r.err);
	free_lines(lines);
	cli_result_fini(&r);
}

/* ---- -c --------------------------------------------------------------------- */

struct table_row {
	double pct, secs;
	unsigned long usecs, calls, errors;
	char name[64];
};

/* Rows of the first table after header in text, checked against strace's
 * column layout; the total row goes to *total. Returns the row count. */
static int parse_table(const char *text, struct table_row *rows, int max, struct table_row *total)
{
	static const char row_re[] = "^[ 0-9]{2}[0-9]\\.[0-9]{2} [ 0-9]{3}[0-9]\\.[0-9]{6} "
				     "[ 0-9]{10}[0-9] [ 0-9]{8}[0-9] ([ 0-9]{8}[0-9]| {9}) "
				     "[a-z0-9_()]+$";
	char **lines = split_lines(text, NULL);
	int i = 0, n = 0, dashes = 0;

	while (lines[i] && strcmp(lines[i], TABLE_HEADER))
		i++;
	cr_assert_not_null(lines[i], "no table header in:\n%s", text);
	cr_assert_str_eq(lines[++i], TABLE_DASHES);
	for (i++; lines[i] && dashes < 2; i++) {
		struct table_row *row = n < max ? &rows[n] : total;
		const char *sp;

		if (!strcmp(lines[i], TABLE_DASHES)) {
			dashes++;
			continue;
		}
		cr_assert(matches(row_re, lines[i]), "bad table line: '%s'", lines[i]);
		memset(row, 0, sizeof(*row));
		cr_assert_geq(sscanf(lines[i], "%lf %lf %lu %lu", &row->pct, &row->secs,
				     &row->usecs, &row->calls),
			      4);
		sp = strrchr(lines[i], ' ');
		snprintf(row->name, sizeof(row->name), "%s", sp + 1);
		/* errors: columns 41..49, blank when none */
		if (lines[i][49] != ' ')
			row->errors = strtoul(lines[i] + 41, NULL, 10);
		if (dashes == 1) {
			if (row != total)
				*total = *row;
			break;
		}
		n++;
	}
	cr_assert_eq(dashes, 1, "no total row in:\n%s", text);
	cr_assert_str_eq(total->name, "total");
	free_lines(lines);
	return n;
}

static const struct table_row *find_row(const struct table_row *rows, int n, const char *name)
{
	int i;

	for (i = 0; i < n; i++)
		if (!strcmp(rows[i].name, name))
			return &rows[i];
	return NULL;
}

Test(timing, summary_of_a_real_program_has_strace_layout_and_accounting, .timeout = 30)
{
	static const char *const argv[] = { "-c", "./sleep50", NULL };
	struct table_row rows[64], total;
	const struct table_row *row;
	unsigned long calls = 0, errors = 0;
	double pct = 0;
	struct cli_result r;
	char *mem, *io;
	int i, n;

	cr_assert_eq(cli(&r, argv), 0, "%s", r.err);
	cr_expect(!strncmp(r.err, "System CPU time spent in syscalls:\n", 35), "%s", r.err);
	n = parse_table(r.err, rows, 64, &total);
	for (i = 0; i < n; i++) {
		calls += rows[i].calls;
		errors += rows[i].errors;
		pct += rows[i].pct;
		if (i)
			cr_expect_leq(rows[i].secs, rows[i - 1].secs, "not sorted by time:\n%s",
				      r.err);
	}
	cr_expect_eq(total.calls, calls, "total calls:\n%s", r.err);
	cr_expect_eq(total.errors, errors, "total errors:\n%s", r.err);
	cr_expect_float_eq(total.pct, 100.0, 1e-9);
	cr_expect_leq(fabs(pct - 100.0), 0.01 * n, "percentages add to %f", pct);
	row = find_row(rows, n, "getppid");
	cr_expect(row && row->calls == 3, "getppid:\n%s", r.err);
	cr_expect_null(find_row(rows, n, "exit_group"), "exit_group never returns:\n%s", r.err);
	cr_expect(find_row(rows, n, "clock_nanosleep") || find_row(rows, n, "nanosleep"), "%s",
		  r.err);
	mem = line_starting(r.err, "memory: ");
	io = line_starting(r.err, "io: ");
	cr_expect(mem && matches("^memory: [0-9]+ mmap \\([0-9.]+ [KMG]?i?B, anon [0-9.]+ "
				 "[KMG]?i?B\\), [0-9]+ munmap \\([0-9.]+ [KMG]?i?B\\), brk \\+",
				 mem),
		  "memory line: %s", mem ? mem : "(none)");
	cr_expect(io && matches("^io: read [0-9.]+ [KMG]?i?B in [0-9]+ calls", io), "io line: %s",
		  io ? io : "(none)");
	cr_expect_str_eq(r.out, "", "the table goes to stderr");
	free(mem);
	free(io);
	cli_result_fini(&r);
}

Test(timing, wall_clock_summary_says_so_and_counts_the_sleep, .timeout = 30)
{
	static const char *const argv[] = { "-c", "-w", "./sleep50", NULL };
	struct table_row rows[64], total;
	struct cli_result r;
	int n;

	cr_assert_eq(cli(&r, argv), 0, "%s", r.err);
	cr_expect(!strncmp(r.err, "Wall-clock", 10), "header:\n%s", r.err);
	n = parse_table(r.err, rows, 64, &total);
	cr_assert_gt(n, 0);
	cr_expect(strstr(rows[0].name, "nanosleep"), "the sleep is not the longest:\n%s", r.err);
	cr_expect_geq(rows[0].secs, 0.05, "%s", r.err);
	cr_expect_geq(rows[0].usecs, 50000, "%s", r.err);
	cr_expect_geq(total.secs, 0.05, "%s", r.err);
	cli_result_fini(&r);
}

struct ext_row {
	char name[64];
	unsigned long calls;
	double min, mean, p50, p90, p99, max;
};

/* The --stats-extended row of name in text. */
static bool ext_row(const char *text, const char *name, struct ext_row *row)
{
	char **lines = split_lines(text, NULL);
	bool found = false, in = false;
	int i;

	for (i = 0; lines[i] && !found; i++) {
		if (matches("^syscall +calls +min +mean +p50 +p90 +p99 +max$", lines[i])) {
			in = true;
			continue;
		}
		if (in &&
		    sscanf(lines[i], "%63s %lu %lf %lf %lf %lf %lf %lf", row->name, &row->calls,
			   &row->min, &row->mean, &row->p50, &row->p90, &row->p99,
			   &row->max) == 8 &&
		    !strcmp(row->name, name))
			found = true;
	}
	free_lines(lines);
	return found;
}

Test(timing, extended_stats_print_percentile_columns_in_order, .timeout = 30)
{
	static const char *const variants[][MAX_ARGS] = {
		{ "-c", "--stats-extended", "./sleep50", NULL },
		{ "-c", "-w", "--stats-extended", "./sleep50", NULL },
	};
	size_t v;

	for (v = 0; v < COUNT(variants); v++) {
		struct cli_result r;
		struct ext_row row;

		cr_assert_eq(cli(&r, variants[v]), 0, "%s", r.err);
		cr_expect(matches("\nsyscall +calls +min +mean +p50 +p90 +p99 +max\n", r.err),
			  "no extended header:\n%s", r.err);
		cr_expect(strstr(r.err, "(microseconds; percentiles within 1%)\n"), "%s", r.err);
		cr_assert(ext_row(r.err, "getppid", &row), "no getppid row:\n%s", r.err);
		cr_expect_eq(row.calls, 3);
		cr_expect(row.min <= row.p50 && row.p50 <= row.p90 && row.p90 <= row.p99 &&
			      row.p99 <= row.max,
			  "not ordered: min %f p50 %f p90 %f p99 %f max %f", row.min, row.p50,
			  row.p90, row.p99, row.max);
		cr_expect(row.min <= row.mean && row.mean <= row.max, "mean %f", row.mean);
		cli_result_fini(&r);
	}
}

/* doc/renacer.1.md: --stats-extended is "latency per syscall", whatever -c's
 * table measures. */
Test(timing, extended_stats_are_latency_even_beside_a_cpu_time_table, .timeout = 30)
{
	static const char *const variants[][MAX_ARGS] = {
		{ "-c", "-w", "--stats-extended", "./sleep50", NULL },
		{ "-c", "--stats-extended", "./sleep50", NULL },
	};
	size_t v;

	for (v = 0; v < COUNT(variants); v++) {
		struct cli_result r;
		struct ext_row row;

		cr_assert_eq(cli(&r, variants[v]), 0, "%s", r.err);
		cr_assert(ext_row(r.err, "clock_nanosleep", &row) ||
			      ext_row(r.err, "nanosleep", &row),
			  "no sleep row:\n%s", r.err);
		cr_expect_geq(row.min, 50000, "%s: the 50 ms sleep's latency is %f us:\n%s",
			      variants[v][1], row.min, r.err);
		cr_expect_geq(row.p50, 49500, "%s: p50 %f us", variants[v][1], row.p50);
		cli_result_fini(&r);
	}
}

/* ---- memory accounting of memops ------------------------------------------- */

/* A size as the memory line prints it ("1.2 MiB", "17 B") as a byte range. */
static void size_range(const char *s, double *lo, double *hi)
{
	char *end;
	double v = strtod(s, &end), unit = 1;

	cr_assert(end != s, "no size at '%s'", s);
	if (!strncmp(end, " KiB", 4))
		unit = KIB;
	else if (!strncmp(end, " MiB", 4))
		unit = MIB;
	else if (!strncmp(end, " GiB", 4))
		unit = MIB * KIB;
	else
		cr_assert(!strncmp(end, " B", 2), "no unit at '%s'", s);
	*lo = unit == 1 ? v : (v - 0.05) * unit;
	*hi = unit == 1 ? v : (v + 0.05) * unit;
}

struct mem_line {
	unsigned long mmaps, munmaps, mremaps;
	double munmap_lo, munmap_hi, mremap_lo, mremap_hi;
	double brk_lo, brk_hi, alloc_lo, alloc_hi;
};

static void parse_mem_line(const char *text, struct mem_line *m)
{
	char *line = line_starting(text, "memory: ");
	const char *p;

	cr_assert_not_null(line, "no memory line in:\n%s", text);
	memset(m, 0, sizeof(*m));
	m->mmaps = strtoul(line + 8, NULL, 10);
	p = strstr(line, " munmap (");
	cr_assert_not_null(p, "%s", line);
	while (p > line && p[-1] != ' ')
		p--;
	m->munmaps = strtoul(p, NULL, 10);
	size_range(strstr(p, "(") + 1, &m->munmap_lo, &m->munmap_hi);
	p = strstr(line, " mremap (+");
	if (p) {
		const char *q = p;

		while (q > line && q[-1] != ' ')
			q--;
		m->mremaps = strtoul(q, NULL, 10);
		size_range(p + 10, &m->mremap_lo, &m->mremap_hi);
	}
	p = strstr(line, ", brk +");
	cr_assert_not_null(p, "%s", line);
	size_range(p + 7, &m->brk_lo, &m->brk_hi);
	p = strstr(line, ", allocated ");
	cr_assert_not_null(p, "%s", line);
	size_range(p + 12, &m->alloc_lo, &m->alloc_hi);
	free(line);
}

/* want lies in what a - b can be, given the rounding of both. */
static void expect_diff(const char *what, double a_lo, double a_hi, double b_lo, double b_hi,
			double want)
{
	cr_expect(want >= a_lo - b_hi - 0.5 && want <= a_hi - b_lo + 0.5,
		  "%s: the difference lies in [%.0f, %.0f], want %.0f", what, a_lo - b_hi,
		  a_hi - b_lo, want);
}

/* memops' own calls: mmap 1 MiB and 3 pages, munmap 1 page, mremap 1 page
 * to 4, brk +64 KiB; its "none" run has only the loader's. */
#define OWN_ANON   (MIB + 3 * 4096)
#define OWN_MUNMAP 4096
#define OWN_MREMAP (3 * 4096)
#define OWN_BRK	   (64 * KIB)
#define OWN_ALLOC  (OWN_ANON + OWN_MREMAP + OWN_BRK)

Test(timing, memory_line_counts_exactly_the_programs_own_calls, .timeout = 30)
{
	static const char *const ops[] = { "-c", "-e", "trace=mmap,munmap,mremap,brk", "./memops",
					   NULL };
	static const char *const none[] = { "-c",	"-e",	"trace=mmap,munmap,mremap,brk",
					    "./memops", "none", NULL };
	struct cli_result a, b;
	struct mem_line ma, mb;

	cr_assert_eq(cli(&a, ops), 0, "%s", a.err);
	cr_assert_eq(cli(&b, none), 0, "%s", b.err);
	parse_mem_line(a.err, &ma);
	parse_mem_line(b.err, &mb);
	cr_expect_eq(ma.mmaps - mb.mmaps, 2, "mmap calls:\n%s\n%s", a.err, b.err);
	cr_expect_eq(ma.munmaps - mb.munmaps, 1, "munmap calls:\n%s\n%s", a.err, b.err);
	cr_expect_eq(ma.mremaps, 1, "%s", a.err);
	cr_expect_eq(mb.mremaps, 0, "%s", b.err);
	cr_expect(strstr(a.err, ", 1 mremap (+12.0 KiB), "), "%s", a.err);
	expect_diff("munmap bytes", ma.munmap_lo, ma.munmap_hi, mb.munmap_lo, mb.munmap_hi,
		    OWN_MUNMAP);
	expect_diff("mremap growth", ma.mremap_lo, ma.mremap_hi, mb.mremap_lo, mb.mremap_hi,
		    OWN_MREMAP);
	expect_diff("brk growth", ma.brk_lo, ma.brk_hi, mb.brk_lo, mb.brk_hi, OWN_BRK);
	expect_diff("allocated", ma.alloc_lo, ma.alloc_hi, mb.alloc_lo, mb.alloc_hi, OWN_ALLOC);
	cli_result_fini(&a);
	cli_result_fini(&b);
}

/* The value of "name": in the summary's "memory" object of a JSON document. */
static uint64_t json_mem(const char *doc, const char *name)
{
	const char *sum = strstr(doc, "\"summary\":");
	const char *mem, *end, *p;
	char key[64];

	cr_assert_not_null(sum, "no summary in:\n%s", doc);
	mem = strstr(sum, "\"memory\":{");
	cr_assert_not_null(mem, "no memory in the summary");
	end = strchr(mem, '}');
	snprintf(key, sizeof(key), "\"%s\":", name);
	p = strstr(mem, key);
	cr_assert(p && p < end, "no %s in the summary's memory", name);
	return strtoull(p + strlen(key), NULL, 10);
}

static char *json_of_memops(const char *arg)
{
	char path[] = "/tmp/rn-memops-XXXXXX";
	const char *argv[] = { "--format", "json", "-o", path, "-e", "trace=mmap,munmap,mremap,brk",
			       "./memops", arg,	   NULL };
	struct cli_result r;
	char *doc;
	int fd = mkstemp(path);

	cr_assert_geq(fd, 0, "mkstemp: %s", strerror(errno));
	close(fd);
	cr_assert_eq(cli(&r, argv), 0, "%s", r.err);
	doc = read_file(path);
	unlink(path);
	cr_assert_not_null(doc);
	cli_result_fini(&r);
	return doc;
}

Test(timing, json_memory_figures_are_exact_for_the_programs_own_calls, .timeout = 30)
{
	static const struct {
		const char *field;
		uint64_t want; /* run with the calls minus run without */
	} cases[] = {
		{ "mmap_calls", 2 },
		{ "munmap_calls", 1 },
		{ "mremap_calls", 1 },
		{ "mmap_anon_bytes", OWN_ANON },
		{ "mmap_file_bytes", 0 },
		{ "munmap_bytes", OWN_MUNMAP },
		{ "mremap_grow_bytes", OWN_MREMAP },
		{ "mremap_shrink_bytes", 0 },
		{ "brk_growth_bytes", OWN_BRK },
		{ "brk_shrink_bytes", 0 },
		{ "allocated_bytes", OWN_ALLOC },
	};
	char *ops, *none;
	uint64_t peak_a, peak_b;
	size_t i;

	require_ptrace();
	if (!rn_output_format_exists("json"))
		cr_skip_test("no json output format yet");
	ops = json_of_memops("ops");
	none = json_of_memops("none");
	for (i = 0; i < COUNT(cases); i++) {
		uint64_t a = json_mem(ops, cases[i].field), b = json_mem(none, cases[i].field);

		cr_expect_eq(a - b, cases[i].want, "%s: %llu - %llu, want a difference of %llu",
			     cases[i].field, (unsigned long long)a, (unsigned long long)b,
			     (unsigned long long)cases[i].want);
	}
	cr_expect_geq(json_mem(ops, "brk_calls"), json_mem(none, "brk_calls") + 1);
	/* the peak: at least the loader's end state plus the program's net growth,
	 * at most the loader's peak plus every increase the program made */
	peak_a = json_mem(ops, "peak_mapped_bytes");
	peak_b = json_mem(none, "peak_mapped_bytes");
	cr_expect_geq(peak_a, peak_b - json_mem(none, "munmap_bytes") + OWN_ANON - OWN_MUNMAP +
				  OWN_MREMAP + OWN_BRK);
	cr_expect_leq(peak_a, peak_b + OWN_ANON + OWN_MREMAP + OWN_BRK);
	free(ops);
	free(none);
}
