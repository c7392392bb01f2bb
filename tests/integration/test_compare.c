/* SPDX-License-Identifier: MIT */
/* renacer compare end to end: tests/progs/regress traced by the renacer
 * binary in several versions (leaking mmaps, opening an extra file, writing
 * one byte at a time), compared with "renacer compare" and through the
 * library; identical runs compare as equivalent; malformed traces and bad
 * options exit 2 with a message that says where. Timing is measured on a
 * loaded machine here, so these comparisons pass --ignore-timing; time
 * thresholds are tested on fixed traces in tests/unit/test_compare.c. */
#include <criterion/criterion.h>

#include <errno.h>
#include <regex.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "integration/harness.h"
#include "util/buf.h"
#include "util/json_read.h"

/* A fresh temporary file name with suffix (the file exists, empty). Owned. */
static char *temp_name(const char *suffix)
{
	char *path = malloc(64);
	int fd;

	snprintf(path, 64, "/tmp/rn-cmp-XXXXXX%s", suffix);
	fd = mkstemps(path, (int)strlen(suffix));
	cr_assert(fd >= 0, "mkstemps: %s", strerror(errno));
	close(fd);
	return path;
}

/* Trace regress with flag (NULL: the baseline) into a new file. Owned path. */
static char *trace_regress(const char *format, const char *flag)
{
	char *path = temp_name(strcmp(format, "json") ? ".jsonl" : ".json");
	const char *argv[] = { "--format", format, "-o", path, prog_path("regress"), flag, NULL };
	struct cli_result r;

	require_ptrace();
	run_cli(&r, NULL, argv);
	cr_assert_eq(r.code, 0, "tracing regress %s: %s", flag ? flag : "", r.err);
	cli_result_fini(&r);
	return path;
}

/* renacer compare --ignore-timing [extra] golden current */
static int cli_compare(struct cli_result *r, const char *golden, const char *current,
		       const char *extra)
{
	const char *argv[8];
	int n = 0;

	argv[n++] = "compare";
	argv[n++] = "--ignore-timing";
	if (extra)
		argv[n++] = extra;
	argv[n++] = golden;
	argv[n++] = current;
	argv[n] = NULL;
	return run_cli(r, NULL, argv);
}

static struct rn_report *lib_compare(const char *golden, const char *current)
{
	struct rn_compare_opts *o = rn_compare_opts_new();
	struct rn_report *rep;
	char err[512];

	rn_compare_opts_set_ignore_timing(o, true);
	rep = rn_compare_files(golden, current, o, err, sizeof(err));
	cr_assert_not_null(rep, "%s", err);
	rn_compare_opts_free(o);
	return rep;
}

/* The regressed metrics, space-separated, in report order. Owned. */
static char *regressed(const struct rn_report *rep)
{
	struct buf b = BUF_INIT;
	enum rn_verdict v;
	size_t i;

	for (i = 0; i < rn_report_metric_count(rep); i++) {
		const char *name = rn_report_metric_name(rep, i);

		rn_report_metric(rep, name, NULL, NULL, &v);
		if (v == RN_VERDICT_REGRESSED)
			buf_printf(&b, "%s%s", b.len ? " " : "", name);
	}
	return buf_detach(&b);
}

static int64_t delta(const struct rn_report *rep, const char *name)
{
	uint64_t before = 0, after = 0;

	cr_assert(rn_report_metric(rep, name, &before, &after, NULL), "no metric %s", name);
	return (int64_t)(after - before);
}

static void drop(char *path)
{
	unlink(path);
	free(path);
}

Test(compare_cli, leaking_mmaps_regresses_memory_by_the_leaked_amount, .timeout = 30)
{
	char *golden = trace_regress("json", NULL),
	     *current = trace_regress("jsonl", "--leak-mmap");
	struct rn_report *rep = lib_compare(golden, current);
	struct cli_result r;
	char *got = regressed(rep);

	cr_expect_str_eq(got, "syscalls allocs alloc_bytes syscall:mmap class:desc class:memory");
	free(got);
	cr_expect_eq(delta(rep, "allocs"), 16);
	cr_expect_eq(delta(rep, "alloc_bytes"), 16 * 65536);
	cr_expect_eq(delta(rep, "syscall:mmap"), 16);
	cr_expect_eq(delta(rep, "syscalls"), 16);
	cr_expect_eq(delta(rep, "writes"), 0);
	cr_expect_eq(delta(rep, "files_opened"), 0);
	cr_expect_eq(rn_report_new_path_count(rep), 0);
	rn_report_free(rep);

	cli_compare(&r, golden, current, NULL);
	cr_expect_eq(r.code, 1, "stderr: %s", r.err);
	cr_expect(
	    strstr(r.out, "REGRESSION DETECTED: memory allocations increased significantly ("),
	    "%s", r.out);
	cr_expect(strstr(r.out, "REGRESSION DETECTED: allocated bytes increased significantly ("),
		  "%s", r.out);
	cr_expect(strstr(r.out, "inserted block"), "%s", r.out);
	cr_expect(!strstr(r.out, "\033["), "no colour when stdout is not a terminal");
	cli_result_fini(&r);
	drop(golden);
	drop(current);
}

Test(compare_cli, byte_writes_regress_write_counts_not_bytes, .timeout = 30)
{
	char *golden = trace_regress("jsonl", NULL),
	     *current = trace_regress("json", "--byte-writes");
	struct rn_report *rep = lib_compare(golden, current);
	struct cli_result r;
	uint64_t before, after;
	enum rn_verdict v;
	char *got = regressed(rep);

	cr_expect_str_eq(got, "syscalls writes syscall:write class:desc");
	free(got);
	cr_expect(rn_report_metric(rep, "writes", &before, &after, &v));
	cr_expect_eq(before, 4);
	cr_expect_eq(after, 4096);
	cr_expect(rn_report_metric(rep, "written_bytes", &before, &after, &v));
	cr_expect_eq(before, 4096);
	cr_expect_eq(after, 4096);
	cr_expect_eq(v, RN_VERDICT_SAME);
	cr_expect_eq(delta(rep, "allocs"), 0);
	rn_report_free(rep);

	cli_compare(&r, golden, current, NULL);
	cr_expect_eq(r.code, 1);
	cr_expect(strstr(r.out, "Write operations:"), "%s", r.out);
	cr_expect(strstr(r.out, "4 \xe2\x86\x92 4,096 (+102300%)  \xe2\x9a\xa0"), "%s", r.out);
	cli_result_fini(&r);
	drop(golden);
	drop(current);
}

Test(compare_cli, an_extra_open_is_listed_and_gates_only_when_asked, .timeout = 30)
{
	char *golden = trace_regress("json", NULL),
	     *current = trace_regress("json", "--extra-open");
	struct rn_report *rep = lib_compare(golden, current);
	struct cli_result r;
	char *got = regressed(rep);

	cr_expect_str_eq(got, "");
	free(got);
	cr_expect_eq(delta(rep, "files_opened"), 1);
	cr_expect_eq(delta(rep, "syscall:openat"), 1);
	cr_expect_eq(delta(rep, "syscall:close"), 1);
	cr_assert_eq(rn_report_new_path_count(rep), 1);
	cr_expect_str_eq(rn_report_new_path(rep, 0), "/etc/passwd");
	rn_report_free(rep);

	cli_compare(&r, golden, current, NULL);
	cr_expect_eq(r.code, 0, "%s", r.out);
	cr_expect(strstr(r.out, "New paths:         openat(\"/etc/passwd\") \xc3\x97"
				"1\n"),
		  "%s", r.out);
	cr_expect(strstr(r.out, "No regression."), "%s", r.out);
	cli_result_fini(&r);

	cli_compare(&r, golden, current, "--threshold=files_opened=+0%,+1");
	cr_expect_eq(r.code, 1, "%s", r.out);
	cr_expect(strstr(r.out, "REGRESSION DETECTED: files opened: 1 path the golden trace did "
				"not open (3 \xe2\x86\x92 4)"),
		  "%s", r.out);
	cli_result_fini(&r);
	drop(golden);
	drop(current);
}

Test(compare_cli, identical_runs_are_equivalent_despite_pids_and_addresses, .timeout = 30)
{
	char *a = trace_regress("json", NULL), *b = trace_regress("jsonl", NULL);
	struct rn_report *rep = lib_compare(a, b);
	struct cli_result r;
	char *got = regressed(rep), *ta = read_file(a), *tb = read_file(b);

	/* different processes: the pids in the traces differ */
	cr_assert(ta && tb);
	cr_expect(strcmp(strstr(ta, "\"pid\":"), strstr(tb, "\"pid\":")) != 0);
	cr_expect_str_eq(got, "");
	cr_expect_float_eq(rn_report_equivalence(rep), 100.0, 1e-9);
	cr_expect_eq(rn_report_new_path_count(rep), 0);
	free(got);
	free(ta);
	free(tb);
	rn_report_free(rep);

	cli_compare(&r, a, b, NULL);
	cr_expect_eq(r.code, 0, "%s", r.out);
	cr_expect(strstr(r.out, "Sequence:          100.0% equivalent"), "%s", r.out);
	cli_result_fini(&r);
	drop(a);
	drop(b);
}

Test(compare_cli, json_report_for_machines, .timeout = 30)
{
	char *golden = trace_regress("json", NULL), *current = trace_regress("json", "--leak-mmap");
	struct json_reader jr;
	struct cli_result r;
	enum jr_token tok;

	cli_compare(&r, golden, current, "--format=json");
	cr_expect_eq(r.code, 1);
	cr_expect(strstr(r.out, "\"format\":\"renacer-compare-v1\""), "%s", r.out);
	cr_expect(strstr(r.out, "\"regressed\":true"));
	cr_expect(strstr(r.out, "{\"name\":\"allocs\",\"label\":\"Memory allocations\","
				"\"family\":\"main\",\"kind\":\"count\","),
		  "%s", r.out);
	json_reader_init(&jr, r.out, strlen(r.out));
	while ((tok = json_reader_next(&jr)) > JR_EOF)
		;
	cr_expect_eq(tok, JR_EOF, "%s", json_reader_errmsg(&jr));
	json_reader_fini(&jr);
	cli_result_fini(&r);

	cli_compare(&r, golden, current, "--color=always");
	cr_expect(strstr(r.out, "\033[31m"), "%s", r.out);
	cli_result_fini(&r);
	drop(golden);
	drop(current);
}

static void write_text(const char *path, const char *text, size_t len)
{
	FILE *f = fopen(path, "w");

	cr_assert_not_null(f);
	fwrite(text, 1, len, f);
	fclose(f);
}

/* Exit 2, not a crash, and a message on stderr naming the file and,
 * when want_pos, a line:column. */
static void expect_input_error(const char *golden, const char *bad, bool want_pos)
{
	struct cli_result r;
	char pattern[512];
	regex_t re;

	cli_compare(&r, golden, bad, NULL);
	cr_expect(WIFEXITED(r.status), "renacer crashed on %s", bad);
	cr_expect_eq(r.code, 2, "%s: exit %d, stderr %s", bad, r.code, r.err);
	snprintf(pattern, sizeof(pattern), "^renacer compare: %s%s", bad,
		 want_pos ? ":[0-9]+:[0-9]+: " : ": ");
	cr_assert_eq(regcomp(&re, pattern, REG_EXTENDED | REG_NEWLINE), 0);
	cr_expect_eq(regexec(&re, r.err, 0, NULL, 0), 0, "stderr: %s", r.err);
	cr_expect_str_eq(r.out, "", "no report on an input error");
	regfree(&re);
	cli_result_fini(&r);
}

Test(compare_cli, malformed_traces_exit_2_with_the_position, .timeout = 30)
{
	char *golden = trace_regress("json", NULL), *bad = temp_name(".json");
	char *text = read_file(golden), *p;
	size_t len = strlen(text);

	/* truncated in the middle of a record */
	write_text(bad, text, len / 2);
	expect_input_error(golden, bad, true);
	/* a field of the wrong type */
	p = strstr(text, "\"pid\":");
	cr_assert_not_null(p);
	{
		struct buf b = BUF_INIT;

		buf_append(&b, text, (size_t)(p - text) + 6);
		buf_puts(&b, "\"12\"");
		buf_puts(&b, strchr(p + 6, ','));
		write_text(bad, b.data, b.len);
		expect_input_error(golden, bad, true);
		/* a number too big for any field */
		buf_reset(&b);
		buf_append(&b, text, (size_t)(p - text) + 6);
		buf_puts(&b, "123456789012345678901234567890");
		buf_puts(&b, strchr(p + 6, ','));
		write_text(bad, b.data, b.len);
		expect_input_error(golden, bad, true);
		/* a fraction, and an exponent that overflows a double */
		buf_reset(&b);
		buf_append(&b, text, (size_t)(p - text) + 6);
		buf_puts(&b, "1e999");
		buf_puts(&b, strchr(p + 6, ','));
		write_text(bad, b.data, b.len);
		expect_input_error(golden, bad, true);
		buf_fini(&b);
	}
	/* empty */
	write_text(bad, "", 0);
	expect_input_error(golden, bad, true);
	/* not JSON at all */
	write_text(bad,
		   "\x7f"
		   "ELF\2\1\1",
		   7);
	expect_input_error(golden, bad, true);
	/* a newer format */
	p = strstr(text, "renacer-json-v1");
	cr_assert_not_null(p);
	p[strlen("renacer-json-v")] = '9';
	write_text(bad, text, len);
	expect_input_error(golden, bad, true);
	/* missing */
	unlink(bad);
	expect_input_error(golden, bad, false);
	free(text);
	free(bad);
	drop(golden);
}

Test(compare_cli, usage_errors_exit_2, .timeout = 30)
{
	static const struct {
		const char *argv[6];
		const char *msg;
	} cases[] = {
		{ { "compare", NULL }, "needs two traces: GOLDEN CURRENT" },
		{ { "compare", "a.json", NULL }, "needs two traces: GOLDEN CURRENT" },
		{ { "compare", "a", "b", "c", NULL }, "too many arguments" },
		{ { "compare", "--threshold", "bogus=+1%", "a", "b", NULL },
		  "invalid threshold 'bogus=+1%': unknown metric 'bogus'" },
		{ { "compare", "--threshold=syscalls=-5%", "a", "b", NULL },
		  "thresholds are increases" },
		{ { "compare", "--format=yaml", "a", "b", NULL }, "unknown --format 'yaml'" },
		{ { "compare", "--color=sometimes", "a", "b", NULL },
		  "invalid --color 'sometimes'" },
		{ { "compare", "--frobnicate", "a", "b", NULL }, "unknown option '--frobnicate'" },
		{ { "compare", "--threshold", NULL }, "needs an argument" },
	};
	struct cli_result r;
	size_t i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		run_cli(&r, NULL, cases[i].argv);
		cr_expect_eq(r.code, 2, "case %zu: exit %d", i, r.code);
		cr_expect(strstr(r.err, cases[i].msg), "case %zu: %s", i, r.err);
		cli_result_fini(&r);
	}
}

Test(compare_cli, flamegraph_diff_needs_stacks, .timeout = 30)
{
	char *golden = trace_regress("json", NULL);
	const char *argv[] = { "compare", "--flamegraph-diff", "/tmp/rn-never.svg", golden, golden,
			       NULL };
	struct cli_result r;

	run_cli(&r, NULL, argv);
	cr_expect_eq(r.code, 2);
	cr_expect(strstr(r.err, "traces carry no stacks (record with -k)"), "%s", r.err);
	cr_expect_neq(access("/tmp/rn-never.svg", F_OK), 0);
	cli_result_fini(&r);
	drop(golden);
}

Test(compare_cli, help_names_every_option, .timeout = 10)
{
	static const char *const opts[] = { "--threshold",	"--ignore-timing", "--match-errors",
					    "--format",		"--output",	   "--color",
					    "--flamegraph-diff" };
	const char *argv[] = { "compare", "--help", NULL };
	struct cli_result r;
	size_t i;

	run_cli(&r, NULL, argv);
	cr_expect_eq(r.code, 0);
	for (i = 0; i < sizeof(opts) / sizeof(opts[0]); i++)
		cr_expect(strstr(r.out, opts[i]), "%s missing from --help", opts[i]);
	cli_result_fini(&r);
}
