/* SPDX-License-Identifier: MIT */
/* Filters end to end: -e trace/status/signal, --filter, -z/-Z, -P, through
 * the renacer command and the library, with and without the seccomp-bpf
 * fast path, and the errors of bad expressions. */
#include <criterion/criterion.h>

#include <errno.h>
#include <limits.h>
#include <regex.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/wait.h>

#include "integration/harness.h"

#define PROGS	 RN_TEST_BUILD_DIR "/progs"
#define COUNT(a) (sizeof(a) / sizeof((a)[0]))
#define MAX_ARGS 16

/* Run renacer in build/progs, after checking that ptrace works here. */
static int cli(struct cli_result *r, const char *const *argv)
{
	require_ptrace();
	return run_cli(r, PROGS, argv);
}


/* The line without its task prefix, "[pid  N] " (strace on a terminal) or
 * "N   " (in a file); *tid gets N, or -1 without one. */
static const char *strip_pid(const char *line, int *tid)
{
	int n = 0, t = -1;
	const char *s = line;

	if (sscanf(line, "[pid %d] %n", &t, &n) == 1 && n > 0) {
		s = line + n;
	} else if (sscanf(line, "%d %n", &t, &n) == 1 && n > 0 && line[0] >= '0' &&
		   line[0] <= '9' && line[n - 1] == ' ') {
		s = line + n;
	} else {
		t = -1;
	}
	if (tid)
		*tid = t;
	return s;
}

/* True for a syscall line (not "--- signal ---", "+++ exit +++" or a message). */
static bool is_call_line(const char *line)
{
	const char *s = strip_pid(line, NULL);

	return *s && strncmp(s, "---", 3) && strncmp(s, "+++", 3) && strncmp(s, "renacer:", 8) &&
	       strchr(s, '(');
}

/* True when line is a call of name: "name(" after the optional prefix. */
static bool is_call_of(const char *line, const char *name)
{
	const char *s = strip_pid(line, NULL);
	size_t n = strlen(name);

	return !strncmp(s, name, n) && s[n] == '(';
}

/* Lines with a task prefix. */
static int prefixed_lines(const char *text)
{
	char **lines = split_lines(text, NULL);
	int i, n = 0, tid;

	for (i = 0; lines[i]; i++) {
		strip_pid(lines[i], &tid);
		n += tid >= 0;
	}
	free_lines(lines);
	return n;
}

static int count_calls(const char *text, const char *name)
{
	char **lines = split_lines(text, NULL);
	int i, n = 0;

	for (i = 0; lines[i]; i++)
		n += is_call_of(lines[i], name);
	free_lines(lines);
	return n;
}

/* The lines of calls of name whose text contains sub, written to out. */
static int calls_with(const char *text, const char *name, const char *sub, char **out, int max)
{
	char **lines = split_lines(text, NULL);
	int i, n = 0;

	for (i = 0; lines[i]; i++) {
		if (is_call_of(lines[i], name) && strstr(lines[i], sub)) {
			if (n < max)
				out[n] = strdup(lines[i]);
			n++;
		}
	}
	free_lines(lines);
	return n;
}

/* The return value of a call line "... = N", or LLONG_MIN. */
static long long line_retval(const char *line)
{
	const char *eq = strstr(line, ") = ");

	return eq ? strtoll(eq + 4, NULL, 10) : LLONG_MIN;
}

/* ---- seccomp_mix: three tasks, one selected call each -------------------- */

static void expect_three_dev_null_opens(const char *text)
{
	char *got[8] = { 0 };
	int n = calls_with(text, "openat", "\"/dev/null\"", got, 8), i, k;
	int tids[3];

	cr_expect_eq(n, 3, "%d openat lines of /dev/null in:\n%s", n, text);
	for (i = 0; i < n && i < 3; i++) {
		cr_expect_geq(line_retval(got[i]), 3, "line: %s", got[i]);
		strip_pid(got[i], &tids[i]);
		for (k = 0; k < i; k++)
			cr_expect_neq(tids[i], tids[k], "two opens from one task:\n%s", text);
	}
	for (i = 0; i < n && i < 8; i++)
		free(got[i]);
	cr_expect_eq(count_calls(text, "getppid"), 0, "unselected getppid shown:\n%s", text);
	cr_expect_eq(count_calls(text, "read"), 0, "unselected read shown:\n%s", text);
	cr_expect_eq(count_calls(text, "close"), 0, "unselected close shown:\n%s", text);
}

Test(filtering, follow_forks_shows_the_selected_call_of_every_task, .timeout = 30)
{
	static const char *const variants[][MAX_ARGS] = {
		{ "-f", "-e", "trace=openat", "--", "./seccomp_mix", NULL },
		{ "-f", "--no-seccomp-bpf", "-e", "trace=openat", "--", "./seccomp_mix", NULL },
		{ "-f", "--seccomp-bpf", "-e", "trace=openat", "--", "./seccomp_mix", NULL },
	};
	size_t i;

	for (i = 0; i < COUNT(variants); i++) {
		struct cli_result r;

		cr_expect_eq(cli(&r, variants[i]), 0, "variant %zu exit %d:\n%s", i, r.code, r.err);
		expect_three_dev_null_opens(r.err);
		cli_result_fini(&r);
	}
}

/* The call lines of text, normalized, in order (owned). */
static char *call_lines(const char *text)
{
	char **lines = split_lines(text, NULL), *norm;
	size_t len = 0;
	char *all = calloc(1, 1);
	int i;

	cr_assert_not_null(all);
	for (i = 0; lines[i]; i++) {
		if (!is_call_line(lines[i]))
			continue;
		all = realloc(all, len + strlen(lines[i]) + 2);
		cr_assert_not_null(all);
		len += (size_t)sprintf(all + len, "%s\n", lines[i]);
	}
	free_lines(lines);
	norm = normalize_trace(all);
	free(all);
	return norm;
}

Test(filtering, seccomp_and_fallback_paths_show_the_same_calls, .timeout = 30)
{
	static const char *const runs[2][MAX_ARGS] = {
		{ "-f", "-e", "trace=openat", "./seccomp_mix", NULL },
		{ "-f", "--no-seccomp-bpf", "-e", "trace=openat", "./seccomp_mix", NULL },
	};
	struct cli_result a, b;
	char *na, *nb;

	cr_assert_eq(cli(&a, runs[0]), 0, "%s", a.err);
	cr_assert_eq(cli(&b, runs[1]), 0, "%s", b.err);
	na = call_lines(a.err);
	nb = call_lines(b.err);
	cr_expect_str_eq(na, nb, "seccomp:\n%s\nfallback:\n%s", na, nb);
	free(na);
	free(nb);
	cli_result_fini(&a);
	cli_result_fini(&b);
}

Test(filtering, without_follow_only_the_main_thread_is_traced_and_children_still_work,
     .timeout = 30)
{
	static const char *const variants[][MAX_ARGS] = {
		{ "-e", "trace=openat", "--", "./seccomp_mix", NULL },
		/* forcing seccomp without -f must not break untraced tasks */
		{ "--seccomp-bpf", "-e", "trace=openat", "--", "./seccomp_mix", NULL },
	};
	size_t i;

	for (i = 0; i < COUNT(variants); i++) {
		struct cli_result r;
		char *got[4] = { 0 };
		int n, k;

		cr_expect_eq(cli(&r, variants[i]), 0,
			     "variant %zu: exit %d (an untraced task's open failed?):\n%s", i,
			     r.code, r.err);
		n = calls_with(r.err, "openat", "\"/dev/null\"", got, 4);
		cr_expect_eq(n, 1, "variant %zu: %d opens of /dev/null:\n%s", i, n, r.err);
		if (n >= 1)
			cr_expect_geq(line_retval(got[0]), 3, "%s", got[0]);
		cr_expect_eq(prefixed_lines(r.err), 0, "another task was traced:\n%s", r.err);
		for (k = 0; k < n && k < 4; k++)
			free(got[k]);
		cli_result_fini(&r);
	}
}

Test(filtering, forced_seccomp_without_follow_says_why_it_is_not_used, .timeout = 30)
{
	static const char *const argv[] = { "--seccomp-bpf", "-e", "trace=openat", "./seccomp_mix",
					    NULL };
	struct cli_result r;

	cr_expect_eq(cli(&r, argv), 0, "%s", r.err);
	cr_expect(strstr(r.err, "renacer: --seccomp-bpf needs -f"), "no notice in:\n%s", r.err);
	cli_result_fini(&r);
}

/* ---- trace sets on the command line ------------------------------------ */

struct set_case {
	const char *args[MAX_ARGS];
	const char *const present[4]; /* calls that must be shown */
	const char *const absent[4];  /* calls that must not */
};

Test(filtering, trace_sets_select_and_negate_calls, .timeout = 30)
{
	static const struct set_case cases[] = {
		{ { "-e", "trace=%file,!close", "./seccomp_mix", NULL },
		  { "openat", "execve" },
		  { "close", "read", "getppid", "mmap" } },
		{ { "-e", "trace=!close", "./seccomp_mix", NULL },
		  { "openat", "read", "getppid", "mmap" },
		  { "close" } },
		{ { "-e", "%file", "./seccomp_mix", NULL }, { "openat" }, { "close", "read" } },
		{ { "-e", "trace=getppid", "-e", "trace=close", "./seccomp_mix", NULL },
		  { "getppid", "close" },
		  { "openat", "read" } },
		{ { "--filter", "^(read|getppid)$", "./seccomp_mix", NULL },
		  { "read", "getppid" },
		  { "openat", "close", "pread64" } },
	};
	size_t i, k;

	for (i = 0; i < COUNT(cases); i++) {
		struct cli_result r;

		cr_expect_eq(cli(&r, cases[i].args), 0, "case %zu:\n%s", i, r.err);
		for (k = 0; k < 4 && cases[i].present[k]; k++)
			cr_expect_gt(count_calls(r.err, cases[i].present[k]), 0,
				     "case %zu (%s %s): no %s line:\n%s", i, cases[i].args[0],
				     cases[i].args[1], cases[i].present[k], r.err);
		for (k = 0; k < 4 && cases[i].absent[k]; k++)
			cr_expect_eq(count_calls(r.err, cases[i].absent[k]), 0,
				     "case %zu (%s %s): %s shown:\n%s", i, cases[i].args[0],
				     cases[i].args[1], cases[i].absent[k], r.err);
		cli_result_fini(&r);
	}
}

Test(filtering, filter_regex_with_summary_lists_only_matching_rows, .timeout = 30)
{
	static const char *const argv[] = { "-f", "-c", "--filter", "read|write", "./seccomp_mix",
					    NULL };
	struct cli_result r;
	char **lines;
	int i, rows = 0;
	bool in_table = false, saw_read = false;

	cr_assert_eq(cli(&r, argv), 0, "%s", r.err);
	lines = split_lines(r.err, NULL);
	for (i = 0; lines[i]; i++) {
		const char *name;

		if (!strncmp(lines[i], "------", 6)) {
			in_table = !in_table;
			continue;
		}
		if (!in_table)
			continue;
		name = strrchr(lines[i], ' ');
		cr_assert_not_null(name, "row: %s", lines[i]);
		name++;
		rows++;
		saw_read |= !strcmp(name, "read");
		cr_expect(strstr(name, "read") || strstr(name, "write"), "row %s in:\n%s", name,
			  r.err);
	}
	cr_expect_gt(rows, 0, "no rows:\n%s", r.err);
	cr_expect(saw_read, "no read row:\n%s", r.err);
	cr_expect(strstr(r.err, " total\n"), "no total row:\n%s", r.err);
	free_lines(lines);
	cli_result_fini(&r);
}

/* ---- status -------------------------------------------------------------- */

Test(filtering, successful_only_hides_failed_calls, .timeout = 30)
{
	static const char *const progs[] = { "./open_missing", "./efault", "./seccomp_mix" };
	size_t i;

	for (i = 0; i < COUNT(progs); i++) {
		const char *argv[] = { "-z", progs[i], NULL };
		struct cli_result r;
		char **lines;
		int k, calls = 0;

		cr_expect_eq(cli(&r, argv), 0, "%s:\n%s", progs[i], r.err);
		lines = split_lines(r.err, NULL);
		for (k = 0; lines[k]; k++) {
			if (!is_call_line(lines[k]))
				continue;
			calls++;
			cr_expect_null(strstr(lines[k], " = -1 "), "%s: failed call shown: %s",
				       progs[i], lines[k]);
		}
		cr_expect_gt(calls, 0, "%s: nothing shown:\n%s", progs[i], r.err);
		cr_expect_gt(count_calls(r.err, "execve"), 0, "%s:\n%s", progs[i], r.err);
		free_lines(lines);
		cli_result_fini(&r);
	}
}

/* True when a call line of text (without its task prefix) matches re. */
static bool has_call_matching(const char *text, const char *re)
{
	char **lines = split_lines(text, NULL);
	regex_t rx;
	bool hit = false;
	int i;

	cr_assert_eq(regcomp(&rx, re, REG_EXTENDED | REG_NOSUB), 0, "bad test regex %s", re);
	for (i = 0; lines[i] && !hit; i++)
		hit = regexec(&rx, strip_pid(lines[i], NULL), 0, NULL, 0) == 0;
	regfree(&rx);
	free_lines(lines);
	return hit;
}

Test(filtering, failed_only_shows_only_failed_calls, .timeout = 30)
{
	static const struct {
		const char *prog;
		const char *want[4]; /* regexes of lines that must be there */
	} cases[] = {
		{ "./open_missing",
		  { "^openat\\(AT_FDCWD, \"/nonexistent/renacer-test\", O_RDONLY\\) = -1 ENOENT "
		    "\\(No such file or directory\\)$" } },
		{ "./efault",
		  { "^read\\([0-9]+, 0x1, 10\\) = -1 EFAULT \\(Bad address\\)$",
		    "^write\\(1, 0x1, 10\\) = -1 EFAULT \\(Bad address\\)$",
		    "^openat\\(AT_FDCWD, 0x1, O_RDONLY\\) = -1 EFAULT \\(Bad address\\)$" } },
	};
	size_t i, k;

	for (i = 0; i < COUNT(cases); i++) {
		const char *argv[] = { "-Z", cases[i].prog, NULL };
		struct cli_result r;
		char **lines;
		int calls = 0;

		cr_expect_eq(cli(&r, argv), 0, "%s:\n%s", cases[i].prog, r.err);
		lines = split_lines(r.err, NULL);
		for (k = 0; lines[k]; k++) {
			if (!is_call_line(lines[k]))
				continue;
			calls++;
			cr_expect(strstr(lines[k], " = -1 "), "%s: successful call shown: %s",
				  cases[i].prog, lines[k]);
		}
		for (k = 0; k < 4 && cases[i].want[k]; k++)
			cr_expect(has_call_matching(r.err, cases[i].want[k]),
				  "%s: no line %s in:\n%s", cases[i].prog, cases[i].want[k], r.err);
		cr_expect_gt(calls, 0);
		cr_expect(strstr(r.err, "+++ exited with 0 +++"), "%s", r.err);
		free_lines(lines);
		cli_result_fini(&r);
	}
}

/* ---- paths ----------------------------------------------------------------- */

Test(filtering, trace_path_shows_calls_on_the_path_and_its_descriptor, .timeout = 30)
{
	static const char *const argv[] = { "-P", "/dev/null", "./seccomp_mix", NULL };
	struct cli_result r;
	char want[3][128];
	char **lines;
	size_t n = 0;
	long long fd = -1;
	int i;

	cr_assert_eq(cli(&r, argv), 0, "%s", r.err);
	lines = split_lines(r.err, NULL);
	/* the loader used the same descriptor number before: only the calls
	 * on /dev/null's count */
	for (i = 0; lines[i]; i++) {
		if (!is_call_line(lines[i]))
			continue;
		if (n == 0) {
			fd = line_retval(lines[i]);
			cr_expect_geq(fd, 3, "%s", lines[i]);
			snprintf(want[0], sizeof(want[0]),
				 "openat(AT_FDCWD, \"/dev/null\", O_RDONLY) = %lld", fd);
			snprintf(want[1], sizeof(want[1]), "read(%lld, \"\", 1) = 0", fd);
			snprintf(want[2], sizeof(want[2]), "close(%lld) = 0", fd);
		}
		cr_expect_lt(n, 3, "extra line: %s\nin:\n%s", lines[i], r.err);
		if (n < 3)
			cr_expect_str_eq(lines[i], want[n], "line %zu in:\n%s", n, r.err);
		n++;
	}
	cr_expect_eq(n, 3, "%zu call lines in:\n%s", n, r.err);
	free_lines(lines);
	cli_result_fini(&r);
}

Test(filtering, trace_path_follows_descriptors_per_process, .timeout = 30)
{
	static const char *const argv[] = { "-f", "-P", "/dev/null", "./seccomp_mix", NULL };
	static const char *const names[] = { "openat", "read", "close" };
	struct cli_result r;
	char **lines;
	size_t k;
	int i, calls = 0;

	cr_assert_eq(cli(&r, argv), 0, "%s", r.err);
	for (k = 0; k < COUNT(names); k++)
		cr_expect_eq(count_calls(r.err, names[k]), 3, "%s in:\n%s", names[k], r.err);
	lines = split_lines(r.err, NULL);
	for (i = 0; lines[i]; i++)
		calls += is_call_line(lines[i]);
	cr_expect_eq(calls, 9, "other calls shown:\n%s", r.err);
	free_lines(lines);
	cli_result_fini(&r);
}

/* ---- signals --------------------------------------------------------------- */

Test(filtering, signal_sets_hide_lines_but_never_the_delivery, .timeout = 30)
{
	static const struct {
		const char *prog;
		const char *expr;
		const char *shown;  /* or NULL */
		const char *hidden; /* or NULL */
	} cases[] = {
		{ "./sigusr1", "signal=none", NULL, "--- SIGUSR1" },
		{ "./sigusr1", "signal=SIGCHLD", NULL, "--- SIGUSR1" },
		{ "./sigusr1", "signal=!SIGUSR1", NULL, "--- SIGUSR1" },
		{ "./sigusr1", "signal=USR1", "--- SIGUSR1", NULL },
		{ "./sigusr1", "signal=10", "--- SIGUSR1", NULL },
		{ "./forkwait", "signal=SIGCHLD", "--- SIGCHLD", NULL },
		{ "./forkwait", "signal=SIGUSR1", NULL, "--- SIGCHLD" },
	};
	size_t i;

	for (i = 0; i < COUNT(cases); i++) {
		const char *argv[] = { "-e", cases[i].expr, cases[i].prog, NULL };
		struct cli_result r;

		/* sigusr1 exits 3 when its handler did not run */
		cr_expect_eq(cli(&r, argv), 0, "%s -e %s: exit %d:\n%s", cases[i].prog,
			     cases[i].expr, r.code, r.err);
		if (cases[i].shown)
			cr_expect(strstr(r.err, cases[i].shown), "%s -e %s: no %s in:\n%s",
				  cases[i].prog, cases[i].expr, cases[i].shown, r.err);
		if (cases[i].hidden)
			cr_expect_null(strstr(r.err, cases[i].hidden), "%s -e %s: %s shown:\n%s",
				       cases[i].prog, cases[i].expr, cases[i].hidden, r.err);
		cr_expect(strstr(r.err, "+++ exited with 0 +++"), "%s", r.err);
		cli_result_fini(&r);
	}
}

/* ---- errors ---------------------------------------------------------------- */

Test(filtering, bad_expressions_exit_2_naming_the_token, .timeout = 30)
{
	static const struct {
		const char *opt, *arg;
		const char *want;
	} cases[] = {
		{ "-e", "trace=opn", "renacer: invalid system call 'opn'" },
		{ "-e", "opn", "renacer: invalid system call 'opn'" },
		{ "-e", "trace=read,opn", "renacer: invalid system call 'opn'" },
		{ "-e", "trace=/[", "renacer: invalid regular expression '/['" },
		{ "--filter", "[", "renacer: invalid regular expression '/['" },
		{ "-e", "trace=%nosuchclass", "renacer: invalid syscall class '%nosuchclass'" },
		{ "-e", "status=bogus", "renacer: invalid status 'bogus'" },
		{ "-e", "signal=SIGNOPE", "renacer: invalid signal 'SIGNOPE'" },
		{ "-e", "foo=bar", "renacer: invalid filter 'foo'" },
	};
	size_t i;

	for (i = 0; i < COUNT(cases); i++) {
		/* forkwait's child writes to stdout: nothing there means it never ran */
		const char *argv[] = { cases[i].opt, cases[i].arg, "./forkwait", NULL };
		struct cli_result r;

		cr_expect_eq(cli(&r, argv), 2, "%s %s: exit %d", cases[i].opt, cases[i].arg,
			     r.code);
		cr_expect(!strncmp(r.err, cases[i].want, strlen(cases[i].want)),
			  "%s %s: stderr:\n%s", cases[i].opt, cases[i].arg, r.err);
		cr_expect_str_eq(r.out, "", "%s %s: the command ran", cases[i].opt, cases[i].arg);
		cli_result_fini(&r);
	}
}

/* ---- library ----------------------------------------------------------------- */

/* Skip when the kernel has no seccomp at all. */
static void require_seccomp(void)
{
	if (prctl(PR_GET_SECCOMP, 0, 0, 0, 0) < 0)
		cr_skip_test("seccomp is not available: %s", strerror(errno));
}

struct lib_run {
	bool active_at_first_event, active_after_run;
	char notice[256];
	int status;
	int dev_null_opens, getppids;
};

/* Trace seccomp_mix through the library: follow, seccomp mode (-1, 0, 1)
 * and one filter expression (NULL: none). */
static void lib_trace(struct lib_run *out, bool follow, int seccomp, const char *expr)
{
	char *argv[] = { (char *)prog_path("seccomp_mix"), NULL };
	struct rn_tracer *t;
	struct rn_trace *tr;
	size_t i;

	require_ptrace();
	memset(out, 0, sizeof(*out));
	t = rn_tracer_new();
	cr_assert_not_null(t);
	cr_assert_eq(rn_tracer_set_follow_forks(t, follow), 0);
	cr_assert_eq(rn_tracer_set_record(t, true), 0);
	cr_assert_eq(rn_tracer_set_seccomp(t, seccomp), 0);
	if (expr)
		cr_assert_eq(rn_tracer_add_filter(t, expr), 0, "%s: %s", expr, rn_tracer_errmsg(t));
	cr_assert_geq(rn_tracer_spawn(t, argv), 0, "spawn: %s", rn_tracer_errmsg(t));
	/* the child installs the filter just before execve: known from the
	 * first event on */
	cr_assert_not_null(rn_tracer_next(t), "no event: %s", rn_tracer_errmsg(t));
	out->active_at_first_event = rn_tracer_seccomp_active(t);
	while (rn_tracer_next(t))
		;
	cr_assert(!rn_tracer_failed(t), "run: %s", rn_tracer_errmsg(t));
	out->active_after_run = rn_tracer_seccomp_active(t);
	snprintf(out->notice, sizeof(out->notice), "%s", rn_tracer_notice(t));
	out->status = rn_tracer_exit_status(t);
	tr = rn_tracer_detach_trace(t);
	cr_assert_not_null(tr);
	for (i = 0; i < rn_trace_count(tr); i++) {
		const struct rn_event *ev = rn_trace_event(tr, i);
		const char *name = rn_event_name(ev);

		if (rn_event_type(ev) != RN_EV_SYSCALL || !name)
			continue;
		if (!strcmp(name, "openat") && strstr(arg_str(ev, 1), "/dev/null")) {
			out->dev_null_opens++;
			cr_expect_geq(rn_event_retval(ev), 3);
		}
		out->getppids += !strcmp(name, "getppid");
	}
	rn_trace_free(tr);
	rn_tracer_free(t);
}

Test(filtering, library_uses_seccomp_with_follow_and_a_filter, .timeout = 30)
{
	struct lib_run r;

	require_seccomp();
	lib_trace(&r, true, -1, "trace=openat");
	cr_expect(r.active_at_first_event, "seccomp not active; notice: %s", r.notice);
	cr_expect(r.active_after_run);
	cr_expect_str_eq(r.notice, "");
	cr_expect(WIFEXITED(r.status) && WEXITSTATUS(r.status) == 0, "status %#x", r.status);
	cr_expect_eq(r.dev_null_opens, 3);
	cr_expect_eq(r.getppids, 0);
}

Test(filtering, library_does_not_use_seccomp_without_follow, .timeout = 30)
{
	static const struct {
		bool follow;
		int seccomp;
		const char *expr;
		int opens;
	} cases[] = {
		{ false, -1, "trace=openat", 1 },
		{ true, 0, "trace=openat", 3 },
		{ true, -1, NULL, 3 },
		{ true, -1, "all", 3 },
	};
	size_t i;

	for (i = 0; i < COUNT(cases); i++) {
		struct lib_run r;

		lib_trace(&r, cases[i].follow, cases[i].seccomp, cases[i].expr);
		cr_expect(!r.active_at_first_event && !r.active_after_run,
			  "case %zu: seccomp active", i);
		cr_expect(WIFEXITED(r.status) && WEXITSTATUS(r.status) == 0, "case %zu: status %#x",
			  i, r.status);
		cr_expect_eq(r.dev_null_opens, cases[i].opens, "case %zu", i);
		cr_expect_eq(r.getppids,
			     cases[i].expr && strcmp(cases[i].expr, "all") ? 0 : cases[i].opens,
			     "case %zu", i);
	}
}

Test(filtering, library_gives_a_notice_when_forced_seccomp_cannot_apply, .timeout = 30)
{
	struct lib_run r;

	lib_trace(&r, false, 1, "trace=openat");
	cr_expect(!r.active_at_first_event && !r.active_after_run);
	cr_expect_neq(r.notice[0], '\0', "no notice");
	cr_expect(strstr(r.notice, "-f"), "notice: %s", r.notice);
	cr_expect(WIFEXITED(r.status) && WEXITSTATUS(r.status) == 0, "status %#x", r.status);
	cr_expect_eq(r.dev_null_opens, 1);
}

Test(filtering, library_rejects_bad_expressions_naming_the_token)
{
	static const struct {
		const char *expr;
		const char *want;
	} cases[] = {
		{ "trace=opn", "invalid system call 'opn'" },
		{ "trace=%nosuchclass", "invalid syscall class '%nosuchclass'" },
		{ "status=bogus", "invalid status 'bogus'" },
		{ "foo=bar", "invalid filter 'foo'" },
		{ "", "empty filter" },
	};
	size_t i;

	for (i = 0; i < COUNT(cases); i++) {
		struct rn_tracer *t = rn_tracer_new();

		cr_assert_not_null(t);
		cr_expect_eq(rn_tracer_add_filter(t, cases[i].expr), -EINVAL, "'%s'",
			     cases[i].expr);
		cr_expect(!strncmp(rn_tracer_errmsg(t), cases[i].want, strlen(cases[i].want)),
			  "'%s': %s", cases[i].expr, rn_tracer_errmsg(t));
		rn_tracer_free(t);
	}
}
