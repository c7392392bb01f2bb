/* SPDX-License-Identifier: MIT */
/* --format json, jsonl and csv end to end: each trace is read back by
 * python3's json and csv modules (tests/tools/check_trace.py), checked
 * against doc/renacer-trace.schema.json and against what the traced program
 * is known to do; traces cut short (killed tracee, Ctrl-C, detach, tracer
 * freed early) still close their document, with "complete": false. */
#include <criterion/criterion.h>

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "integration/harness.h"
#include "util/buf.h"

#define PROGS	RN_TEST_BUILD_DIR "/progs"
#define CHECKER RN_TEST_SRC_DIR "/tests/tools/check_trace.py"

static void require_python(void)
{
	static int ok = -1;

	if (ok < 0)
		ok = system("python3 -c 'import json, csv' >/dev/null 2>&1") == 0;
	if (!ok)
		cr_skip_test("python3 is not available");
}

static void require_attach(void)
{
	char *s = read_file("/proc/sys/kernel/yama/ptrace_scope");
	int scope = s ? atoi(s) : 0;

	free(s);
	require_ptrace();
	if (scope >= 3 || (scope >= 1 && geteuid() != 0))
		cr_skip_test("Yama ptrace_scope=%d forbids attaching here", scope);
}

/* A fresh temporary file name (the file exists, empty). Owned. */
static char *temp_name(void)
{
	char *path = strdup("/tmp/rn-fmt-XXXXXX");
	int fd = mkstemp(path);

	cr_assert(fd >= 0, "mkstemp: %s", strerror(errno));
	close(fd);
	return path;
}

/* Run check_trace.py kind file opts; assert that it finds nothing. */
static void check(const char *kind, const char *file, const char *opts)
{
	struct buf cmd = BUF_INIT, out = BUF_INIT;
	char tmp[4096];
	size_t n;
	FILE *p;
	int st;

	buf_printf(&cmd, "python3 %s %s %s %s 2>&1", CHECKER, kind, file, opts);
	p = popen(cmd.data, "r");
	cr_assert_not_null(p);
	while ((n = fread(tmp, 1, sizeof(tmp), p)) > 0)
		buf_append(&out, tmp, n);
	st = pclose(p);
	cr_assert(WIFEXITED(st) && WEXITSTATUS(st) == 0, "%s found:\n%s", cmd.data,
		  out.data ? out.data : "(nothing printed)");
	buf_fini(&cmd);
	buf_fini(&out);
}

/* renacer [pre...] --format fmt -o out -- PROGS/prog [args...]. Returns
 * renacer's exit code; r is filled. */
static int trace_to(struct cli_result *r, const char *fmt, const char *out, const char *const *pre,
		    const char *prog, const char *const *args)
{
	const char *argv[32];
	int i = 0;

	require_ptrace();
	require_python();
	while (pre && *pre)
		argv[i++] = *pre++;
	argv[i++] = "--format";
	argv[i++] = fmt;
	argv[i++] = "-o";
	argv[i++] = out;
	argv[i++] = "--";
	argv[i++] = prog_path(prog);
	while (args && *args && i < 31)
		argv[i++] = *args++;
	argv[i] = NULL;
	return run_cli(r, PROGS, argv);
}

/* Trace prog with each structured format and check it with opts. */
static void each_format(const char *const *pre, const char *prog, int want_code, const char *opts)
{
	static const char *const fmts[] = { "json", "jsonl", "csv" };
	size_t i;

	for (i = 0; i < sizeof(fmts) / sizeof(fmts[0]); i++) {
		struct cli_result r;
		char *out = temp_name();

		cr_assert_eq(trace_to(&r, fmts[i], out, pre, prog, NULL), want_code,
			     "%s: stderr:\n%s", fmts[i], r.err);
		cr_assert_str_eq(r.err, "", "%s: stderr has: %s", fmts[i], r.err);
		check(fmts[i], out, opts);
		cli_result_fini(&r);
		unlink(out);
		free(out);
	}
}

Test(formats, special_paths_round_trip_in_every_format, .timeout = 60)
{
	each_format(NULL, "paths", 0, "--prog paths --complete yes --calls yes");
}

Test(formats, killed_tracee_is_complete_false_with_signal_records, .timeout = 60)
{
	each_format(NULL, "segv", 128 + SIGSEGV,
		    "--prog segv --complete no --reason 'command killed by SIGSEGV'");
}

Test(formats, follow_forks_lists_every_process, .timeout = 60)
{
	static const char *const pre[] = { "-f", NULL };

	each_format(pre, "forkwait", 0, "--prog forkwait --complete yes");
}

Test(formats, json_with_c_has_summary_and_no_records, .timeout = 30)
{
	static const char *const pre[] = { "-c", NULL };
	struct cli_result r;
	char *out = temp_name();

	cr_assert_eq(trace_to(&r, "json", out, pre, "paths", NULL), 0, "stderr:\n%s", r.err);
	check("json", out, "--prog paths --complete yes --calls no");
	cli_result_fini(&r);
	unlink(out);
	free(out);
}

Test(formats, csv_with_c_is_the_summary_table, .timeout = 30)
{
	static const char *const pre[] = { "-c", NULL };
	struct cli_result r;
	char *out = temp_name();

	cr_assert_eq(trace_to(&r, "csv", out, pre, "paths", NULL), 0, "stderr:\n%s", r.err);
	check("csv-summary", out, "--prog paths");
	cli_result_fini(&r);
	unlink(out);
	free(out);
}

/* Ctrl-C of renacer while it traces sleeper: the command gets SIGINT (as
 * under strace) and the document still ends with its summary. */
static void interrupt_renacer(const char *fmt, const char *started)
{
	char *out = temp_name();
	char *argv[] = { (char *)renacer_path(),       "--format", (char *)fmt, "-o", out, "--",
			 (char *)prog_path("sleeper"), "50",	   NULL };
	char opts[256];
	pid_t pid;

	require_ptrace();
	require_python();
	pid = spawn_bg(NULL, argv, -1, -1);
	/* The header is written at once; then let some calls happen. */
	cr_assert(wait_file_has(out, (const char *const[]){ started, NULL }, 5000), "no header in %s", out);
	sleep_ms(400);
	kill(pid, SIGINT);
	cr_assert_eq(wait_exit(pid, 10000), 128 + SIGINT);
	snprintf(opts, sizeof(opts),
		 "--prog sleeper --complete no --reason 'interrupted by SIGINT'");
	check(fmt, out, opts);
	unlink(out);
	free(out);
}

Test(formats, sigint_of_renacer_still_closes_json, .timeout = 30)
{
	interrupt_renacer("json", "\"syscalls\":[");
}

Test(formats, sigint_of_renacer_still_closes_jsonl, .timeout = 30)
{
	interrupt_renacer("jsonl", "\"type\":\"header\"");
}

/* -p: data to stdout is allowed (the attached process has its own stdout);
 * Ctrl-C detaches and the summary says so. */
Test(formats, attach_writes_jsonl_to_stdout_and_detach_is_incomplete, .timeout = 30)
{
	char *out = temp_name(), pidbuf[16];
	char *sleeper[] = { (char *)prog_path("sleeper"), "50", NULL };
	char *argv[] = { (char *)renacer_path(), "-q", "--format", "jsonl", "-p", pidbuf, NULL };
	int ofd;
	pid_t spid, rpid;

	require_attach();
	require_python();
	spid = spawn_bg(NULL, sleeper, -1, -1);
	sleep_ms(200);
	snprintf(pidbuf, sizeof(pidbuf), "%d", spid);
	ofd = open(out, O_WRONLY | O_TRUNC);
	cr_assert(ofd >= 0);
	rpid = spawn_bg(NULL, argv, ofd, -1);
	close(ofd);
	cr_assert(wait_file_has(out, (const char *const[]){ "\"type\":\"header\"", NULL }, 5000));
	sleep_ms(400);
	kill(rpid, SIGINT);
	cr_assert_eq(wait_exit(rpid, 10000), 0);
	cr_assert_eq(kill(spid, 0), 0, "the detached sleeper is gone");
	kill(spid, SIGKILL);
	waitpid(spid, NULL, 0);
	check("jsonl", out, "--prog sleeper --attached --complete no --reason detached");
	unlink(out);
	free(out);
}

Test(formats, stdout_shared_with_the_command_is_refused, .timeout = 30)
{
	static const char *const argv[] = { "--format", "json", "--", "./demo", NULL };
	struct cli_result r;

	require_ptrace();
	cr_assert_eq(run_cli(&r, PROGS, argv), 2);
	cr_assert_str_eq(r.out, "");
	cr_assert(strstr(r.err, "--format json writes to stdout, which the traced command also "
				"uses; use -o FILE, or --tracee-stdout=stderr"),
		  "stderr: %s", r.err);
	cli_result_fini(&r);
}

Test(formats, tracee_stdout_to_stderr_keeps_the_data_clean, .timeout = 30)
{
	static const char *const argv[] = { "--format", "jsonl",     "--tracee-stdout=stderr",
					    "--",	"./sleeper", "1",
					    NULL };
	struct cli_result r;
	char *out = temp_name();
	FILE *f;

	require_ptrace();
	require_python();
	cr_assert_eq(run_cli(&r, PROGS, argv), 0, "stderr:\n%s", r.err);
	cr_assert_str_eq(r.err, "done\n");
	f = fopen(out, "w");
	cr_assert_not_null(f);
	fputs(r.out, f);
	fclose(f);
	check("jsonl", out, "--prog sleeper --complete yes");
	cli_result_fini(&r);
	unlink(out);
	free(out);
}

/* Records reach a pipe while the command still runs: the writer streams. */
Test(formats, jsonl_to_a_pipe_streams_records_as_calls_happen, .timeout = 30)
{
	char *argv[] = {
		(char *)renacer_path(),	      "--format", "jsonl", "--tracee-stdout=stderr", "--",
		(char *)prog_path("sleeper"), "30",	  NULL
	};
	struct buf got = BUF_INIT;
	char tmp[4096];
	int fds[2];
	pid_t pid;

	require_ptrace();
	cr_assert_eq(pipe(fds), 0);
	pid = spawn_bg(NULL, argv, fds[1], -1);
	close(fds[1]);
	while (!got.data || !strstr(got.data, "\"name\":\"getppid\"")) {
		ssize_t n = read(fds[0], tmp, sizeof(tmp));

		cr_assert(n > 0, "pipe closed before a getppid record:\n%s", got.data);
		buf_append(&got, tmp, (size_t)n);
	}
	/* sleeper 30 runs for 3 s: it must still be running. */
	cr_assert_eq(waitpid(pid, NULL, WNOHANG), 0, "renacer already ended");
	kill(pid, SIGINT);
	while (read(fds[0], tmp, sizeof(tmp)) > 0)
		;
	close(fds[0]);
	cr_assert_eq(wait_exit(pid, 10000), 128 + SIGINT);
	buf_fini(&got);
}

Test(formats, unknown_format_and_csv_with_C_are_usage_errors, .timeout = 30)
{
	static const char *const bad_fmt[] = {
		"--format", "xml", "-o", "/dev/null", "./demo", NULL
	};
	static const char *const csv_c[] = { "-C",	  "--format", "csv", "-o",
					     "/dev/null", "./demo",   NULL };
	struct cli_result r;

	cr_assert_eq(run_cli(&r, PROGS, bad_fmt), 2);
	cr_assert(strstr(r.err, "unknown --format 'xml' (text, json, jsonl, csv)"), "%s", r.err);
	cli_result_fini(&r);
	cr_assert_eq(run_cli(&r, PROGS, csv_c), 2);
	cr_assert(strstr(r.err, "--format csv holds one table"), "%s", r.err);
	cli_result_fini(&r);
}

/* Through the library: a tracer freed before the end still closes the
 * document, saying why it is incomplete. */
Test(formats, tracer_freed_early_closes_the_document, .timeout = 30)
{
	char *out = temp_name();
	char *argv[] = { (char *)prog_path("sleeper"), "30", NULL };
	struct rn_tracer *t;
	int fd, i;

	require_ptrace();
	require_python();
	fd = open(out, O_WRONLY | O_TRUNC | O_CLOEXEC);
	cr_assert(fd >= 0);
	t = rn_tracer_new();
	cr_assert_not_null(t);
	cr_assert(rn_output_format_exists("json") && !rn_output_format_exists("xml"));
	cr_assert_eq(rn_tracer_add_output(t, "json", fd, RN_OUT_CLOSE), 0);
	cr_assert_eq(rn_tracer_set_tracee_stdout_to_stderr(t, true), 0);
	cr_assert_geq(rn_tracer_spawn(t, argv), 0, "%s", rn_tracer_errmsg(t));
	for (i = 0; i < 200; i++) {
		const struct rn_event *ev = rn_tracer_next(t);

		cr_assert_not_null(ev);
		if (rn_event_type(ev) == RN_EV_SYSCALL && rn_event_name(ev) &&
		    !strcmp(rn_event_name(ev), "getppid"))
			break;
	}
	rn_tracer_free(t);
	check("json", out, "--prog sleeper --complete no --reason 'tracer freed'");
	unlink(out);
	free(out);
}
