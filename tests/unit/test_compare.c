/* SPDX-License-Identifier: MIT */
/* Golden-trace comparison on hand-written traces (tests/data/compare_*):
 * the sequence diff against a reference LCS, threshold parsing, which
 * metrics regress with which numbers, what is found in one trace only,
 * the text report (tests/golden/compare_report.txt), the JSON report, and
 * malformed inputs with their positions. */
#include <criterion/criterion.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analysis/compare.h"
#include "analysis/compare_side.h"
#include "analysis/seqdiff.h"
#include "analysis/trace_read.h"
#include "output/report.h"
#include "renacer.h"
#include "util/buf.h"
#include "util/json_read.h"

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))
#define DATA(f)	 RN_TEST_SRC_DIR "/tests/data/" f
#define GOLDEN	 DATA("compare_golden.json")
#define CURRENT	 DATA("compare_current.jsonl")
#define SAME	 DATA("compare_same.jsonl")
#define REPORT	 RN_TEST_SRC_DIR "/tests/golden/compare_report.txt"

/* ---- seqdiff ------------------------------------------------------------- */

/* The length of a longest common subsequence, by the O(N·M) table. */
static size_t lcs_dp(const uint16_t *a, size_t n, const uint16_t *b, size_t m)
{
	size_t *row = calloc(m + 1, sizeof(*row)), i, j, best;

	for (i = 1; i <= n; i++) {
		size_t diag = 0;

		for (j = 1; j <= m; j++) {
			size_t up = row[j];

			row[j] = a[i - 1] == b[j - 1] ? diag + 1
						      : (row[j] > row[j - 1] ? row[j] : row[j - 1]);
			diag = up;
		}
	}
	best = row[m];
	free(row);
	return best;
}

struct check {
	const uint16_t *a, *b;
	size_t n, m, next_a, next_b, matched;
	bool ok;
};

/* Runs must be real matches, in order, not overlapping. */
static int check_match(void *ctx, size_t ai, size_t bi, size_t len)
{
	struct check *c = ctx;
	size_t k;

	if (ai < c->next_a || bi < c->next_b || ai + len > c->n || bi + len > c->m || !len)
		c->ok = false;
	for (k = 0; c->ok && k < len; k++)
		if (c->a[ai + k] != c->b[bi + k])
			c->ok = false;
	c->next_a = ai + len;
	c->next_b = bi + len;
	c->matched += len;
	return 0;
}

static size_t diff(const uint16_t *a, size_t n, const uint16_t *b, size_t m,
		   const struct seqdiff_limits *lim, struct seqdiff_result *res)
{
	struct check c = { a, b, n, m, 0, 0, 0, true };

	cr_assert_eq(seqdiff(a, n, b, m, lim, check_match, &c, res), 0);
	cr_assert(c.ok, "the alignment is not valid");
	cr_assert_eq(c.matched, res->lcs);
	return res->lcs;
}

static uint64_t rnd_state = 88172645463325252ull;

static unsigned rnd(unsigned n)
{
	rnd_state ^= rnd_state << 13;
	rnd_state ^= rnd_state >> 7;
	rnd_state ^= rnd_state << 17;
	return (unsigned)(rnd_state % n);
}

Test(seqdiff, finds_the_lcs_of_myers_example)
{
	static const uint16_t a[] = { 'A', 'B', 'C', 'A', 'B', 'B', 'A' };
	static const uint16_t b[] = { 'C', 'B', 'A', 'B', 'A', 'C' };
	struct seqdiff_result res;

	cr_expect_eq(diff(a, COUNT(a), b, COUNT(b), NULL, &res), 4);
	cr_expect(!res.approximate);
}

Test(seqdiff, handles_empty_and_identical_sequences)
{
	static uint16_t a[100000];
	struct seqdiff_result res;
	size_t i;

	for (i = 0; i < COUNT(a); i++)
		a[i] = (uint16_t)(i % 7);
	cr_expect_eq(diff(a, 0, a, 0, NULL, &res), 0);
	cr_expect_eq(diff(a, 10, a, 0, NULL, &res), 0);
	cr_expect_eq(diff(a, 0, a, 10, NULL, &res), 0);
	cr_expect_eq(diff(a, COUNT(a), a, COUNT(a), NULL, &res), COUNT(a));
	cr_expect_lt(res.work, 2 * COUNT(a) + 10, "identical input costs one pass");
}

Test(seqdiff, equals_the_reference_lcs_on_random_sequences)
{
	uint16_t a[80], b[80];
	struct seqdiff_result res;
	int round;

	for (round = 0; round < 2000; round++) {
		size_t n = rnd(80), m = rnd(80), i;
		unsigned alpha = 2 + rnd(6);

		for (i = 0; i < n; i++)
			a[i] = (uint16_t)rnd(alpha);
		for (i = 0; i < m; i++)
			b[i] = (uint16_t)rnd(alpha);
		/* half of the rounds: b is a mutated copy of a */
		if (round & 1) {
			m = n;
			for (i = 0; i < n; i++)
				b[i] = rnd(8) ? a[i] : (uint16_t)rnd(alpha);
		}
		cr_assert_eq(diff(a, n, b, m, NULL, &res), lcs_dp(a, n, b, m), "round %d", round);
		cr_assert(!res.approximate);
	}
}

Test(seqdiff, stays_valid_when_the_cost_cap_or_budget_runs_out)
{
	static uint16_t a[3000], b[3000];
	struct seqdiff_limits capped = { 4, 0 }, broke = { 0, 1 };
	struct seqdiff_result res;
	size_t i, exact;

	for (i = 0; i < COUNT(a); i++) {
		a[i] = (uint16_t)rnd(4);
		b[i] = (uint16_t)rnd(4);
	}
	exact = lcs_dp(a, COUNT(a), b, COUNT(b));
	cr_expect_leq(diff(a, COUNT(a), b, COUNT(b), &capped, &res), exact);
	cr_expect(res.approximate);
	cr_expect_leq(diff(a, COUNT(a), b, COUNT(b), &broke, &res), exact);
	cr_expect(res.greedy && res.approximate);
	/* random 4-letter strings are the worst case: LCS 0.65 n, greedy about 0.5 n */
	cr_expect_geq(res.lcs, COUNT(a) * 45 / 100, "greedy found %zu of %zu", res.lcs, exact);
}

Test(seqdiff, bounds_its_work_on_long_unrelated_sequences)
{
	size_t n = 400000, i;
	uint16_t *a = malloc(n * sizeof(*a)), *b = malloc(n * sizeof(*b));
	struct seqdiff_result res;

	for (i = 0; i < n; i++) {
		a[i] = (uint16_t)rnd(20);
		b[i] = (uint16_t)rnd(20);
	}
	diff(a, n, b, n, NULL, &res);
	cr_expect_leq(res.work, (uint64_t)SEQDIFF_WORK_PER * 2 * n + SEQDIFF_WORK_FIXED +
				    (uint64_t)SEQDIFF_MAX_COST * SEQDIFF_MAX_COST * 8 + 4 * n);
	cr_expect(res.approximate);
	free(a);
	free(b);
}

/* ---- thresholds ---------------------------------------------------------- */

Test(compare, parses_thresholds)
{
	static const struct {
		const char *spec, *name;
		double pct;
		uint64_t min;
		bool gate, has_min;
	} ok[] = {
		{ "syscalls=+10%,+5", "syscalls", 10, 5, true, true },
		{ "syscalls=25%", "syscalls", 25, 0, true, false },
		{ "alloc_bytes=+20%,+1MiB", "alloc_bytes", 20, 1048576, true, true },
		{ "read_bytes=+0%,+512", "read_bytes", 0, 512, true, true },
		{ "syscall_time=+50%,+2ms", "syscall_time", 50, 2000000, true, true },
		{ "wall_time=+50%,+1.5s", "wall_time", 50, 1500000000, true, true },
		{ "wall_time=off", "wall_time", 0, 0, false, false },
		{ "syscall:*=+50%", "syscall:*", 50, 0, true, false },
		{ "syscall:openat=+0%,+1", "syscall:openat", 0, 1, true, true },
		{ "errno:ENOENT=+0%,+1", "errno:ENOENT", 0, 1, true, true },
		{ "class:file=+5%", "class:file", 5, 0, true, false },
		{ "*=+5%", "*", 5, 0, true, false },
		{ "files_opened=+0%,+1", "files_opened", 0, 1, true, true },
	};
	size_t i;
	char err[256];

	for (i = 0; i < COUNT(ok); i++) {
		struct cmp_opts o;

		cmp_opts_init(&o);
		cr_assert_eq(cmp_opts_threshold(&o, ok[i].spec, err, sizeof(err)), 0, "%s: %s",
			     ok[i].spec, err);
		cr_assert_eq(o.nover, 1);
		cr_expect_str_eq(o.over[0].name, ok[i].name);
		cr_expect_eq(o.over[0].th.gate, ok[i].gate, "%s", ok[i].spec);
		cr_expect_eq(o.over[0].has_min, ok[i].has_min, "%s", ok[i].spec);
		if (ok[i].gate)
			cr_expect_float_eq(o.over[0].th.pct, ok[i].pct, 1e-9, "%s", ok[i].spec);
		if (ok[i].has_min)
			cr_expect_eq(o.over[0].th.min, ok[i].min, "%s", ok[i].spec);
		cmp_opts_fini(&o);
	}
}

Test(compare, refuses_bad_thresholds_with_a_reason)
{
	static const struct {
		const char *spec, *why;
	} bad[] = {
		{ "syscalls", "expected NAME=+PCT%[,+MIN]" },
		{ "=10%", "expected NAME=+PCT%[,+MIN]" },
		{ "syscalls=10", "a percentage" },
		{ "syscalls=+10", "a percentage" },
		{ "syscalls=-10%", "a decrease never fails" },
		{ "syscalls=+10%,-5", "a decrease never fails" },
		{ "syscalls=+10%;5", "expected ','" },
		{ "syscalls=+10%,", "a number" },
		{ "bogus=+10%", "unknown metric 'bogus'" },
		{ "syscall:nosuchcall=+1%", "unknown metric" },
		{ "class:nope=+1%", "unknown metric" },
		{ "errno:enoent=+1%", "unknown metric" },
		{ "alloc_bytes=+10%,+5ms", "a time unit on a metric that is not a time" },
		{ "syscalls=+10%,+5KiB", "a size unit on a metric that is not in bytes" },
		{ "syscalls=+10%,+5parsecs", "unknown unit" },
	};
	char err[512];
	size_t i;

	for (i = 0; i < COUNT(bad); i++) {
		struct cmp_opts o;

		cmp_opts_init(&o);
		cr_expect_eq(cmp_opts_threshold(&o, bad[i].spec, err, sizeof(err)), -EINVAL, "%s",
			     bad[i].spec);
		cr_expect(strstr(err, bad[i].why) && strstr(err, bad[i].spec), "%s: %s",
			  bad[i].spec, err);
		cmp_opts_fini(&o);
	}
}

/* ---- comparisons --------------------------------------------------------- */

static struct cmp_report *compare(const char *g, const char *c, const char *const *th,
				  bool ignore_timing)
{
	struct cmp_report *r;
	struct cmp_opts o;
	char err[512];

	cmp_opts_init(&o);
	o.ignore_timing = ignore_timing;
	for (; th && *th; th++)
		cr_assert_eq(cmp_opts_threshold(&o, *th, err, sizeof(err)), 0, "%s", err);
	r = cmp_files(g, c, &o, err, sizeof(err));
	cr_assert_not_null(r, "%s", err);
	cmp_opts_fini(&o);
	return r;
}

/* The regressed metrics, space-separated, in report order. */
static char *regressed(const struct cmp_report *r)
{
	struct buf b = BUF_INIT;
	size_t i;

	for (i = 0; i < r->nmetrics; i++)
		if (r->metrics[i].verdict == CMP_REGRESSED)
			buf_printf(&b, "%s%s", b.len ? " " : "", r->metrics[i].name);
	return buf_detach(&b);
}

static void expect_metric(const struct cmp_report *r, const char *name, uint64_t before,
			  uint64_t after, enum cmp_verdict v)
{
	const struct cmp_metric *m = cmp_report_metric(r, name);

	cr_assert_not_null(m, "no metric %s", name);
	cr_expect_eq(m->before, before, "%s before: %llu", name, (unsigned long long)m->before);
	cr_expect_eq(m->after, after, "%s after: %llu", name, (unsigned long long)m->after);
	cr_expect_eq(m->verdict, v, "%s verdict: %s", name,
		     cmp_verdict_name((enum cmp_verdict)m->verdict));
}

Test(compare, flags_exactly_the_metrics_that_regressed)
{
	struct cmp_report *r = compare(GOLDEN, CURRENT, NULL, false);
	char *got = regressed(r);

	cr_expect_str_eq(got, "syscalls allocs alloc_bytes failed syscall:mmap class:file "
			      "class:desc class:memory errno:ENOENT");
	free(got);
	cr_expect(r->regressed);
	expect_metric(r, "syscalls", 10, 35, CMP_REGRESSED);
	expect_metric(r, "reads", 1, 1, CMP_SAME);
	expect_metric(r, "written_bytes", 6, 6, CMP_SAME);
	expect_metric(r, "allocs", 1, 20, CMP_REGRESSED);
	expect_metric(r, "alloc_bytes", 65536, 20 << 20, CMP_REGRESSED);
	expect_metric(r, "files_opened", 2, 3, CMP_INCREASED); /* listed, not gating */
	expect_metric(r, "failed", 1, 5, CMP_REGRESSED);
	expect_metric(r, "processes", 1, 1, CMP_SAME);
	expect_metric(r, "threads", 2, 2, CMP_SAME);
	expect_metric(r, "syscall_time", 10000000, 11000000, CMP_INCREASED); /* +10% < 25% */
	expect_metric(r, "wall_time", 20000000, 22000000, CMP_INCREASED);
	expect_metric(r, "syscall:openat", 3, 7, CMP_INCREASED); /* +4 < +5 */
	expect_metric(r, "syscall:access", 0, 1, CMP_INCREASED);
	expect_metric(r, "syscall:mmap", 1, 20, CMP_REGRESSED);
	expect_metric(r, "class:process", 2, 2, CMP_SAME);
	expect_metric(r, "errno:ENOENT", 1, 4, CMP_REGRESSED);
	expect_metric(r, "errno:EACCES", 0, 1, CMP_INCREASED); /* +1 < +3 */
	cmp_report_free(r);
}

Test(compare, lists_what_only_one_trace_has)
{
	struct cmp_report *r = compare(GOLDEN, CURRENT, NULL, false);

	cr_assert_eq(r->new_syscalls.count, 1);
	cr_expect_str_eq(r->new_syscalls.items[0].text, "access");
	cr_expect_eq(r->gone_syscalls.count, 0);
	/* the temp directory's random name differs: normalised, not new */
	cr_assert_eq(r->new_paths.count, 1);
	cr_expect_str_eq(r->new_paths.items[0].text, "/etc/passwd");
	cr_expect_str_eq(r->new_paths.items[0].syscall, "openat");
	cr_expect_eq(r->new_paths.items[0].count, 1);
	cr_expect_str_eq(r->new_paths.items[0].source, "src/config.c:88");
	cr_expect_eq(r->gone_paths.count, 0);
	cr_assert_eq(r->new_failures.count, 1);
	cr_expect_str_eq(r->new_failures.items[0].text, "access");
	cr_expect_str_eq(r->new_failures.items[0].err, "EACCES");
	cmp_report_free(r);
}

Test(compare, aligns_the_sequences_per_task)
{
	struct cmp_report *r = compare(GOLDEN, CURRENT, NULL, false);
	const struct cmp_seq *q = &r->seq;

	cr_expect(q->available);
	cr_expect_eq(q->golden_tasks, 2);
	cr_expect_eq(q->current_tasks, 2);
	cr_expect_eq(q->golden_calls, 11); /* exit_group included */
	cr_expect_eq(q->current_calls, 36);
	cr_expect_eq(q->lcs, 11);
	cr_expect_eq(q->inserted_calls, 25);
	cr_expect_eq(q->deleted_calls, 0);
	cr_expect_eq(q->deleted_blocks, 0);
	cr_expect_float_eq(q->equivalence, 100.0 * 11 / 36, 1e-9);
	cr_expect(!q->approximate);
	cmp_report_free(r);
}

Test(compare, same_program_with_other_pids_addresses_and_timings_is_equivalent)
{
	struct cmp_report *r = compare(GOLDEN, SAME, NULL, false);
	char *got = regressed(r);

	cr_expect_str_eq(got, "");
	free(got);
	cr_expect(!r->regressed);
	cr_expect_float_eq(r->seq.equivalence, 100.0, 1e-9);
	cr_expect_eq(r->new_paths.count + r->gone_paths.count + r->new_failures.count, 0);
	expect_metric(r, "syscall_time", 10000000, 12000000, CMP_INCREASED); /* +20% < 25% */
	expect_metric(r, "wall_time", 20000000, 24000000, CMP_INCREASED);
	cmp_report_free(r);
}

Test(compare, thresholds_decide_and_ignore_timing_wins)
{
	static const char *const tight[] = { "syscall_time=+10%,+1ms", NULL };
	static const char *const files[] = { "files_opened=+0%,+1", NULL };
	static const char *const all_off[] = { "*=off", NULL };
	static const char *const no_family[] = { "syscall:*=off", "class:*=off", "errno:*=off",
						 NULL };
	static const char *const big_min[] = { "syscall_time=+10%,+3ms", NULL };
	struct cmp_report *r;
	char *got;

	r = compare(GOLDEN, SAME, tight, false);
	got = regressed(r);
	cr_expect_str_eq(got, "syscall_time");
	free(got);
	cmp_report_free(r);

	/* +2 ms is not the +3 ms asked for: both thresholds must be exceeded */
	r = compare(GOLDEN, SAME, big_min, false);
	cr_expect(!r->regressed);
	cmp_report_free(r);

	r = compare(GOLDEN, SAME, tight, true);
	cr_expect(!r->regressed);
	expect_metric(r, "syscall_time", 10000000, 12000000, CMP_IGNORED);
	cmp_report_free(r);

	r = compare(GOLDEN, CURRENT, files, false);
	expect_metric(r, "files_opened", 2, 3, CMP_REGRESSED);
	cmp_report_free(r);

	r = compare(GOLDEN, CURRENT, all_off, false);
	cr_expect(!r->regressed);
	cmp_report_free(r);

	r = compare(GOLDEN, CURRENT, no_family, false);
	got = regressed(r);
	cr_expect_str_eq(got, "syscalls allocs alloc_bytes failed");
	free(got);
	cmp_report_free(r);
}

Test(compare, improvements_never_fail)
{
	struct cmp_report *r = compare(CURRENT, GOLDEN, NULL, false);

	cr_expect(!r->regressed);
	expect_metric(r, "allocs", 20, 1, CMP_IMPROVED);
	expect_metric(r, "failed", 5, 1, CMP_IMPROVED);
	cr_expect_eq(r->gone_paths.count, 1);
	cmp_report_free(r);
}

Test(compare, summary_only_traces_compare_their_summaries)
{
	struct cmp_report *r = compare(DATA("compare_summary_only.json"), CURRENT, NULL, false);

	cr_expect(!r->seq.available);
	expect_metric(r, "allocs", 1, 20, CMP_REGRESSED);
	cr_expect_eq(cmp_report_metric(r, "threads")->verdict, CMP_NA);
	cr_expect_eq(cmp_report_metric(r, "files_opened")->verdict, CMP_NA);
	cr_expect_null(cmp_report_metric(r, "errno:ENOENT"));
	cr_assert_eq(r->nnotes, 1);
	cr_expect(strstr(r->notes[0], "golden trace has no records"), "%s", r->notes[0]);
	cmp_report_free(r);
}

Test(compare, text_report_matches_the_golden_file)
{
	struct cmp_report *r = compare(GOLDEN, CURRENT, NULL, false);
	struct buf b = BUF_INIT;
	char *want;

	cr_assert_eq(report_render_text(r, false, &b), 0);
	if (getenv("UPDATE_GOLDEN")) {
		FILE *f = fopen(REPORT, "w");

		cr_assert_not_null(f);
		fputs(b.data, f);
		fclose(f);
	}
	want = NULL;
	{
		FILE *f = fopen(REPORT, "r");
		struct buf w = BUF_INIT;
		char tmp[4096];
		size_t n;

		cr_assert_not_null(f, "%s is missing: UPDATE_GOLDEN=1 writes it", REPORT);
		while ((n = fread(tmp, 1, sizeof(tmp), f)) > 0)
			buf_append(&w, tmp, n);
		fclose(f);
		want = buf_detach(&w);
	}
	cr_expect_str_eq(b.data, want);
	free(want);
	buf_fini(&b);
	cmp_report_free(r);
}

Test(compare, json_report_is_valid_json_with_every_metric)
{
	struct cmp_report *r = compare(GOLDEN, CURRENT, NULL, false);
	struct json_reader jr;
	struct buf b = BUF_INIT;
	enum jr_token tok;
	size_t verdicts = 0;
	bool key_verdict = false;

	cr_assert_eq(report_render_json(r, &b), 0);
	cr_expect(strstr(b.data, "\"format\":\"renacer-compare-v1\""));
	cr_expect(strstr(b.data, "{\"name\":\"allocs\",\"label\":\"Memory allocations\","
				 "\"family\":\"main\",\"kind\":\"count\",\"before\":1,\"after\":20,"
				 "\"delta\":19,\"delta_pct\":1900.00,\"verdict\":\"regressed\","
				 "\"threshold\":{\"pct\":10,\"min\":5,\"gate\":true}}"),
		  "%s", b.data);
	cr_expect(strstr(b.data, "{\"path\":\"/etc/passwd\",\"syscall\":\"openat\",\"count\":1,"
				 "\"source\":\"src/config.c:88\"}"));
	json_reader_init(&jr, b.data, b.len);
	while ((tok = json_reader_next(&jr)) > JR_EOF) {
		if (tok == JR_KEY)
			key_verdict = !strcmp(jr.str.data, "verdict");
		else if (tok == JR_STRING && key_verdict)
			verdicts++;
	}
	cr_expect_eq(tok, JR_EOF, "%s", json_reader_errmsg(&jr));
	cr_expect_eq(verdicts, r->nmetrics);
	json_reader_fini(&jr);
	buf_fini(&b);
	cmp_report_free(r);
}

Test(compare, malformed_inputs_are_errors_with_their_position)
{
	static const struct {
		const char *file, *want;
		int err;
	} cases[] = {
		{ DATA("compare_truncated.json"),
		  "compare_truncated.json:18:53: unexpected end of input (truncated?)", EINVAL },
		{ DATA("compare_wrong_type.jsonl"),
		  "compare_wrong_type.jsonl:3:50: \"pid\": expected an integer, found a string",
		  EINVAL },
		{ DATA("compare_huge.jsonl"),
		  "compare_huge.jsonl:4:69: \"ts_ns\": 123456789012345678901234567890 is out of "
		  "range",
		  EINVAL },
		{ DATA("compare_empty.json"), "compare_empty.json:1:1: empty file", EINVAL },
		{ DATA("compare_future.json"),
		  "compare_future.json:1:1: trace format \"renacer-json-v2\" is not one this "
		  "renacer "
		  "reads",
		  EINVAL },
		{ DATA("compare_nonexistent.json"), "compare_nonexistent.json: No such file",
		  ENOENT },
	};
	char err[512];
	size_t i;

	for (i = 0; i < COUNT(cases); i++) {
		struct cmp_report *r;

		err[0] = '\0';
		errno = 0;
		r = cmp_files(GOLDEN, cases[i].file, NULL, err, sizeof(err));
		cr_expect_null(r, "%s", cases[i].file);
		cr_expect_eq(errno, cases[i].err, "%s: errno %d", cases[i].file, errno);
		cr_expect(strstr(err, cases[i].want), "%s: got '%s'", cases[i].file, err);
		cmp_report_free(r);
	}
}

/* Inline inputs: the reader's checks beyond the tokenizer's. */
Test(compare, trace_reader_checks_structure)
{
	static const struct {
		const char *in, *want;
	} cases[] = {
		{ "[1]", "t:1:1: not a renacer trace: expected an object, found an array" },
		{ "{\"version\":\"0.1.0\"}",
		  "t:1:1: not a renacer trace: the header has no \"format\"" },
		{ "{\"type\":\"syscall\",\"pid\":1}\n",
		  "t:1:1: not a renacer trace: the first line is a \"syscall\" record" },
		{ "{\"type\":\"header\",\"format\":\"renacer-json-v1\"}\n",
		  "t:1:1: \"format\" is \"renacer-json-v1\" but the file is JSON Lines" },
		{ "{\"type\":\"header\",\"format\":\"renacer-jsonl-v1\"}\n"
		  "{\"type\":\"syscall\",\"name\":\"read\",\"nr\":0,\"tid\":1,\"result\":0}\n",
		  "t:2:1: syscall record without \"pid\"" },
		{ "{\"type\":\"header\",\"format\":\"renacer-jsonl-v1\"}\n"
		  "{\"type\":\"syscall\",\"name\":\"read\",\"nr\":0,\"pid\":1,\"tid\":1,"
		  "\"result\":0.5}\n",
		  "t:2:65: \"result\": expected an integer, found 0.5" },
		{ "{\"type\":\"header\",\"format\":\"renacer-jsonl-v1\"}\n"
		  "{\"type\":\"syscall\",\"name\":\"read\",\"nr\":0,\"pid\":1,\"tid\":1,"
		  "\"args\":[\"1\",\"2\",\"3\",\"4\",\"5\",\"6\",\"7\"],\"result\":0}\n",
		  "t:2:88: \"args\": more than 6 arguments" },
		{ "{\"type\":\"header\",\"format\":\"renacer-jsonl-v1\"}\n"
		  "{\"type\":\"summary\",\"complete\":true}\n",
		  "t:2:1: the summary has no \"total_syscalls\"" },
		{ "{\"type\":\"header\",\"format\":\"renacer-jsonl-v1\"}\n\n",
		  "t:3:1: no summary line at the end: the trace is truncated" },
		{ "{\"format\":\"renacer-json-v1\",\"syscalls\":[]}",
		  "t:1:42: the document has no \"summary\"" },
	};
	char err[256];
	size_t i;

	for (i = 0; i < COUNT(cases); i++) {
		err[0] = '\0';
		cr_expect_eq(trace_read_mem(cases[i].in, strlen(cases[i].in), "t", NULL, NULL, err,
					    sizeof(err)),
			     -EINVAL, "%s", cases[i].in);
		cr_expect(strstr(err, cases[i].want), "input %s: got '%s', want '%s'", cases[i].in,
			  err, cases[i].want);
	}
}

/* ---- helpers ------------------------------------------------------------- */

Test(compare, normalises_paths_that_change_between_runs)
{
	static const struct {
		const char *in, *want;
	} cases[] = {
		{ "/proc/1234/status", "/proc/PID/status" },
		{ "/proc/1234", "/proc/PID" },
		{ "/proc/self/maps", "/proc/self/maps" },
		{ "/proc/12ab/x", "/proc/12ab/x" },
		{ "/tmp/rn-fmt-a3Fz9Q", "/tmp/rn-fmt-XXXXXX" },
		{ "/tmp/session.12345/out", "/tmp/session.N/out" },
		{ "/var/tmp/tmpab12CD99.txt", "/var/tmp/XXXXXX.txt" },
		{ "/dev/shm/sem.42", "/dev/shm/sem.N" },
		{ "/tmp/config.toml", "/tmp/config.toml" },
		{ "/etc/passwd", "/etc/passwd" },
		{ "/home/u/a1B2c3", "/home/u/a1B2c3" },
	};
	size_t i;

	for (i = 0; i < COUNT(cases); i++) {
		struct buf b = BUF_INIT;

		cr_assert_eq(cmp_normalise_path(cases[i].in, strlen(cases[i].in), &b), 0);
		cr_expect_str_eq(b.data, cases[i].want);
		buf_fini(&b);
	}
}

Test(compare, decodes_c_string_literal_arguments)
{
	static const struct {
		const char *in, *want;
		size_t want_len;
		int rc;
	} cases[] = {
		{ "\"/etc/hosts\"", "/etc/hosts", 10, 0 },
		{ "\"a\\377b\"", "a\377b", 3, 0 },
		{ "\"\\0\\0012\"", "\0\0012", 3, 0 },
		{ "\"\\t\\n\\\"\\\\\"", "\t\n\"\\", 4, 0 },
		{ "\"\\x41\\x7a\"", "Az", 2, 0 },
		{ "\"abc\"...", "abc", 3, 1 },
		{ "NULL", "", 0, -EINVAL },
		{ "0x7ffd3c2e8a10", "", 0, -EINVAL },
		{ "\"unterminated", "", 0, -EINVAL },
	};
	size_t i;

	for (i = 0; i < COUNT(cases); i++) {
		struct buf b = BUF_INIT;
		int rc = trace_arg_unquote(cases[i].in, strlen(cases[i].in), &b);

		cr_expect_eq(rc, cases[i].rc, "%s", cases[i].in);
		if (rc >= 0) {
			cr_expect_eq(b.len, cases[i].want_len, "%s", cases[i].in);
			cr_expect(!memcmp(b.data, cases[i].want, b.len), "%s", cases[i].in);
		}
		buf_fini(&b);
	}
}

/* ---- the public API ------------------------------------------------------ */

Test(compare, public_api_reports_metrics)
{
	struct rn_compare_opts *o = rn_compare_opts_new();
	struct rn_report *r;
	enum rn_verdict v;
	uint64_t before, after;
	char err[256], *text = NULL;

	cr_assert_eq(rn_compare_opts_set_threshold(o, "allocs=off", err, sizeof(err)), 0);
	cr_assert_eq(rn_compare_opts_set_threshold(o, "allocs=x", err, sizeof(err)), -EINVAL);
	r = rn_compare_files(GOLDEN, CURRENT, o, err, sizeof(err));
	cr_assert_not_null(r, "%s", err);
	cr_expect(rn_report_regressed(r));
	cr_expect(rn_report_metric(r, "allocs", &before, &after, &v));
	cr_expect_eq(before, 1);
	cr_expect_eq(after, 20);
	cr_expect_eq(v, RN_VERDICT_INCREASED);
	cr_expect(!rn_report_metric(r, "no-such-metric", NULL, NULL, NULL));
	cr_expect_str_eq(rn_report_metric_name(r, 0), "syscalls");
	cr_expect_null(rn_report_metric_name(r, rn_report_metric_count(r)));
	cr_expect_eq(rn_report_new_path_count(r), 1);
	cr_expect_str_eq(rn_report_new_path(r, 0), "/etc/passwd");
	cr_expect_float_eq(rn_report_equivalence(r), 100.0 * 11 / 36, 1e-9);
	cr_assert_eq(rn_report_render_text(r, true, &text), 0);
	cr_expect(strstr(text, "\033[31m"));
	free(text);
	rn_report_free(r);
	rn_compare_opts_free(o);
	cr_expect_null(
	    rn_compare_files(GOLDEN, DATA("compare_empty.json"), NULL, err, sizeof(err)));
	cr_expect_eq(errno, EINVAL);
}

Test(compare, loads_a_trace_for_the_event_accessors)
{
	char err[256], arg[64];
	struct rn_trace *t = rn_trace_load(GOLDEN, err, sizeof(err));
	const struct rn_event *ev;

	cr_assert_not_null(t, "%s", err);
	cr_expect_eq(rn_trace_count(t), 12);
	cr_expect_eq(rn_trace_total_syscalls(t), 11);
	ev = rn_trace_event(t, 6);
	cr_expect_str_eq(rn_event_name(ev), "openat");
	cr_expect_eq(rn_event_errno(ev), ENOENT);
	cr_expect_eq(rn_event_retval(ev), -1);
	cr_expect_eq(rn_event_duration_ns(ev), 1000000);
	rn_event_arg(ev, 1, arg, sizeof(arg));
	cr_expect_str_eq(arg, "\"/nope\"");
	cr_expect(rn_trace_has_syscall(t, "openat", "/tmp/app-"));
	cr_expect(!rn_event_returned(rn_trace_event(t, 10)));
	ev = rn_trace_event(t, 11);
	cr_expect_eq(rn_event_type(ev), RN_EV_EXIT);
	cr_expect_eq(rn_event_exit_status(ev), 0);
	rn_trace_free(t);
	cr_expect_null(rn_trace_load(DATA("compare_truncated.json"), err, sizeof(err)));
	cr_expect(strstr(err, ":18:53:"), "%s", err);
}
