/* SPDX-License-Identifier: MIT */
/* The renacer command end to end: trace lines as strace prints them, exit
 * codes, -f/-p/-o/-q, signals, group-stop, attach and detach. */
#include <criterion/criterion.h>

#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <regex.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "integration/harness.h"

#define PROGS	    RN_TEST_BUILD_DIR "/progs"
#define GOLDEN_DEMO RN_TEST_SRC_DIR "/tests/golden/demo.txt"

/* Run renacer in build/progs, after checking that ptrace works here. */
static int cli(struct cli_result *r, const char *const *argv)
{
	require_ptrace();
	return run_cli(r, PROGS, argv);
}

/* True when text has a line exactly equal to line. */
static bool has_line(const char *text, const char *line)
{
	size_t n = strlen(line);
	const char *p = text;

	while (p && *p) {
		if (!strncmp(p, line, n) && (p[n] == '\n' || p[n] == '\0'))
			return true;
		p = strchr(p, '\n');
		if (p)
			p++;
	}
	return false;
}

/* The line of text containing sub (owned, without its newline), or NULL. */
static char *line_with(const char *text, const char *sub)
{
	const char *hit = strstr(text, sub), *s, *e;

	if (!hit)
		return NULL;
	for (s = hit; s > text && s[-1] != '\n'; s--)
		;
	e = strchr(hit, '\n');
	return strndup(s, e ? (size_t)(e - s) : strlen(s));
}

/* Owned copy of text from the start of the first line containing sub. */
static char *from_line_with(const char *text, const char *sub)
{
	const char *hit = strstr(text, sub);

	if (!hit)
		return NULL;
	while (hit > text && hit[-1] != '\n')
		hit--;
	return strdup(hit);
}

/* Owned copy of the last non-empty line of text. */
static char *last_line(const char *text)
{
	size_t n = strlen(text);
	const char *s;

	while (n && text[n - 1] == '\n')
		n--;
	for (s = text + n; s > text && s[-1] != '\n'; s--)
		;
	return strndup(s, (size_t)(text + n - s));
}

static int count_of(const char *text, const char *sub)
{
	int n = 0;

	for (; (text = strstr(text, sub)); text += strlen(sub))
		n++;
	return n;
}

/* The N of a "[pid N] " prefix at the start of line, or -1. */
static int pid_prefix(const char *line)
{
	int pid;

	return line && sscanf(line, "[pid %d] ", &pid) == 1 ? pid : -1;
}

static int temp_file(char *path)
{
	int fd = mkstemp(path);

	cr_assert(fd >= 0, "mkstemp: %s", strerror(errno));
	return fd;
}

/* The first child of pid (from /proc), or -1 after ms without one. */
static pid_t child_of(pid_t pid, long ms)
{
	char path[64];

	snprintf(path, sizeof(path), "/proc/%d/task/%d/children", pid, pid);
	for (; ms > 0; ms -= 10) {
		char *s = read_file(path);
		int c = -1;

		if (s && sscanf(s, "%d", &c) != 1)
			c = -1;
		free(s);
		if (c > 0)
			return c;
		sleep_ms(10);
	}
	return -1;
}

/* Wait until pid runs a program whose path ends in suffix. */
static bool wait_exec(pid_t pid, const char *suffix, long ms)
{
	char link[64], exe[4096];

	snprintf(link, sizeof(link), "/proc/%d/exe", pid);
	for (; ms > 0; ms -= 10) {
		ssize_t n = readlink(link, exe, sizeof(exe) - 1);
		size_t sl = strlen(suffix);

		if (n >= (ssize_t)sl) {
			exe[n] = '\0';
			if (!strcmp(exe + n - sl, suffix))
				return true;
		}
		sleep_ms(10);
	}
	return false;
}

/* The state letter of /proc/pid/stat, or '?'. */
static char proc_state(pid_t pid)
{
	char path[64], *s, *paren, st = '?';

	snprintf(path, sizeof(path), "/proc/%d/stat", pid);
	s = read_file(path);
	paren = s ? strrchr(s, ')') : NULL;
	if (paren && paren[1] == ' ')
		st = paren[2];
	free(s);
	return st;
}

/* A pid that no process has: one of our children, already reaped. */
static pid_t free_pid(void)
{
	int st;
	pid_t pid = fork();

	cr_assert(pid >= 0);
	if (pid == 0)
		_exit(0);
	waitpid(pid, &st, 0);
	return pid;
}

/* ptrace(2): PTRACE_ATTACH to a non-child needs Yama's blessing. */
static void require_attach(void)
{
	char *s = read_file("/proc/sys/kernel/yama/ptrace_scope");
	int scope = s ? atoi(s) : 0;

	free(s);
	require_ptrace();
	if (scope >= 3 || (scope >= 1 && geteuid() != 0))
		cr_skip_test("Yama ptrace_scope=%d forbids attaching here", scope);
}

/* Where a "--- SIGCHLD" line comes between clone and wait4 depends on
 * whether the untraced child exits before the parent enters wait4: both
 * orders are right, so the golden file keeps the one after wait4. */
static void sigchld_after_wait4(char *text)
{
	char *sig = strstr(text, "\n--- SIGCHLD "), *sig_end, *w_end, *tmp;
	size_t slen, wlen;

	if (!sig)
		return;
	sig++;
	sig_end = strchr(sig, '\n');
	if (!sig_end || strncmp(sig_end + 1, "wait4(", 6))
		return;
	w_end = strchr(sig_end + 1, '\n');
	if (!w_end)
		return;
	slen = (size_t)(sig_end + 1 - sig);
	wlen = (size_t)(w_end - sig_end);
	tmp = malloc(slen + wlen);
	cr_assert_not_null(tmp);
	memcpy(tmp, sig_end + 1, wlen);
	memcpy(tmp + wlen, sig, slen);
	memcpy(sig, tmp, slen + wlen);
	free(tmp);
}

static void write_file(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");

	cr_assert_not_null(f, "%s: %s", path, strerror(errno));
	fputs(text, f);
	cr_assert_eq(fclose(f), 0);
}

Test(cli, demo_trace_matches_golden_file, .timeout = 20)
{
	static const char *const argv[] = { "--", "./demo", NULL };
	const char *update = getenv("UPDATE_GOLDEN");
	struct cli_result r;
	char *tail, *got, *want;

	cr_assert_eq(cli(&r, argv), 0, "stderr:\n%s", r.err);
	cr_assert_str_eq(r.out, "Processing...\n");
	tail = from_line_with(r.err, "\"data.csv\"");
	cr_assert_not_null(tail, "no data.csv line in:\n%s", r.err);
	got = normalize_trace(tail);
	sigchld_after_wait4(got);
	if (update && *update && strcmp(update, "0")) {
		write_file(GOLDEN_DEMO, got);
		cr_log_info("rewrote %s", GOLDEN_DEMO);
	}
	want = read_file(GOLDEN_DEMO);
	cr_assert_not_null(want, "%s is missing: run with UPDATE_GOLDEN=1", GOLDEN_DEMO);
	cr_assert_str_eq(got, want, "trace differs from %s; got:\n%s", GOLDEN_DEMO, got);
	free(want);
	free(got);
	free(tail);
	cli_result_fini(&r);
}

Test(cli, failed_call_shows_errno_name_and_message, .timeout = 20)
{
	static const char *const argv[] = { "./open_missing", NULL };
	struct cli_result r;

	cr_assert_eq(cli(&r, argv), 0, "stderr:\n%s", r.err);
	cr_assert(has_line(r.err, "openat(AT_FDCWD, \"/nonexistent/renacer-test\", O_RDONLY) = "
				  "-1 ENOENT (No such file or directory)"),
		  "stderr:\n%s", r.err);
	cli_result_fini(&r);
}

Test(cli, follow_threads_prefixes_lines_with_distinct_tids, .timeout = 20)
{
	static const char *const argv[] = { "-f", "./threads", NULL };
	struct cli_result r;
	char *a, *b;

	cr_assert_eq(cli(&r, argv), 0, "stderr:\n%s", r.err);
	a = line_with(r.err, "write(1, \"thread-a\\n\", 9");
	b = line_with(r.err, "write(1, \"thread-b\\n\", 9");
	cr_assert_not_null(a, "stderr:\n%s", r.err);
	cr_assert_not_null(b, "stderr:\n%s", r.err);
	cr_assert_gt(pid_prefix(a), 0, "no [pid N] prefix: %s", a);
	cr_assert_gt(pid_prefix(b), 0, "no [pid N] prefix: %s", b);
	cr_assert_neq(pid_prefix(a), pid_prefix(b));
	cr_assert(strstr(r.out, "thread-a\n") && strstr(r.out, "thread-b\n"));
	cr_assert(has_line(r.err, "+++ exited with 0 +++"), "stderr:\n%s", r.err);
	free(a);
	free(b);
	cli_result_fini(&r);
}

Test(cli, follow_fork_shows_child_calls_and_wait4_result, .timeout = 20)
{
	static const char *const argv[] = { "-f", "./forkwait", NULL };
	struct cli_result r;
	char *w, want[128];
	int child;

	cr_assert_eq(cli(&r, argv), 0, "stderr:\n%s", r.err);
	w = line_with(r.err, "write(1, \"child\\n\", 6");
	cr_assert_not_null(w, "stderr:\n%s", r.err);
	child = pid_prefix(w);
	cr_assert_gt(child, 0, "no [pid N] prefix: %s", w);
	snprintf(want, sizeof(want), "[pid %5d] +++ exited with 7 +++", child);
	cr_assert(has_line(r.err, want), "no '%s' in:\n%s", want, r.err);
	snprintf(want, sizeof(want), "wait4(%d, ", child);
	cr_assert(strstr(r.err, want), "no '%s' in:\n%s", want, r.err);
	/* wait4 may be split in <unfinished ...> and <... wait4 resumed> halves. */
	snprintf(want, sizeof(want), ", 0, NULL) = %d\n", child);
	cr_assert(strstr(r.err, want), "wait4 did not return %d:\n%s", child, r.err);
	cr_assert_eq(count_of(r.err, "+++ exited with 0 +++"), 1);
	cr_assert_str_eq(r.out, "child\n");
	free(w);
	cli_result_fini(&r);
}

Test(cli, without_follow_child_calls_are_absent, .timeout = 20)
{
	static const char *const argv[] = { "./forkwait", NULL };
	struct cli_result r;

	cr_assert_eq(cli(&r, argv), 0, "stderr:\n%s", r.err);
	cr_assert_str_eq(r.out, "child\n");
	cr_assert_null(strstr(r.err, "\"child\\n\""), "child traced:\n%s", r.err);
	cr_assert_null(strstr(r.err, "[pid "), "stderr:\n%s", r.err);
	cr_assert_null(strstr(r.err, "exited with 7"), "stderr:\n%s", r.err);
	cr_assert(has_line(r.err, "+++ exited with 0 +++"), "stderr:\n%s", r.err);
	cli_result_fini(&r);
}

Test(cli, signal_is_shown_and_delivered, .timeout = 20)
{
	static const char *const argv[] = { "./sigusr1", NULL };
	struct cli_result r;
	char *norm, want[160], *k;
	int pid = -1;

	/* sigusr1 exits 3 when its handler did not run. */
	cr_assert_eq(cli(&r, argv), 0, "stderr:\n%s", r.err);
	cr_assert(strstr(r.err, "--- SIGUSR1 {si_signo=SIGUSR1, si_code=SI_USER, si_pid="),
		  "stderr:\n%s", r.err);
	k = line_with(r.err, "kill(");
	cr_assert(k && sscanf(k, "kill(%d, SIGUSR1) = 0", &pid) == 1, "kill line: %s", k);
	snprintf(want, sizeof(want),
		 "--- SIGUSR1 {si_signo=SIGUSR1, si_code=SI_USER, si_pid=%d, si_uid=%u} ---", pid,
		 (unsigned)getuid());
	cr_assert(has_line(r.err, want), "no '%s' in:\n%s", want, r.err);
	norm = normalize_trace(r.err);
	cr_assert(strstr(norm, "--- SIGUSR1 {si_signo=SIGUSR1, si_code=SI_USER, si_pid=PID, "));
	free(norm);
	free(k);
	cli_result_fini(&r);
}

Test(cli, group_stop_is_shown_and_process_continues, .timeout = 20)
{
	char trace[] = "/tmp/rn-trace-XXXXXX", outp[] = "/tmp/rn-out-XXXXXX";
	char *argv[] = { (char *)renacer_path(), "-o", trace, "./sleeper", "10", NULL };
	int tfd, ofd, code;
	pid_t rpid, child;
	char state, *s;

	require_ptrace();
	tfd = temp_file(trace);
	ofd = temp_file(outp);
	close(tfd);
	rpid = spawn_bg(PROGS, argv, ofd, -1);
	close(ofd);
	child = child_of(rpid, 5000);
	cr_assert_gt(child, 0, "renacer started no child");
	cr_assert(wait_exec(child, "/sleeper", 5000), "pid %d never ran sleeper", child);
	sleep_ms(50);
	kill(child, SIGSTOP);
	sleep_ms(200);
	state = proc_state(child);
	kill(child, SIGCONT);
	cr_assert(state == 't' || state == 'T', "state of stopped pid %d is '%c'", child, state);
	code = wait_exit(rpid, 10000);
	cr_assert_eq(code, 0, "renacer exit code %d", code);
	s = read_file(outp);
	cr_assert_str_eq(s, "done\n");
	free(s);
	s = read_file(trace);
	cr_assert(has_line(s, "--- stopped by SIGSTOP ---"), "trace:\n%s", s);
	cr_assert(has_line(s, "+++ exited with 0 +++"), "trace:\n%s", s);
	free(s);
	unlink(trace);
	unlink(outp);
}

Test(cli, exit_code_is_propagated, .timeout = 20)
{
	static const char *const argv[] = { "./exitcode", "42", NULL };
	struct cli_result r;
	char *last;

	cr_assert_eq(cli(&r, argv), 42, "stderr:\n%s", r.err);
	cr_assert(has_line(r.err, "exit_group(42) = ?"), "stderr:\n%s", r.err);
	last = last_line(r.err);
	cr_assert_str_eq(last, "+++ exited with 42 +++");
	free(last);
	cli_result_fini(&r);
}

Test(cli, killing_signal_is_propagated, .timeout = 20)
{
	static const char *const argv[] = { "./segv", NULL };
	struct cli_result r;
	char *last;

	cr_assert_eq(cli(&r, argv), 128 + SIGSEGV, "stderr:\n%s", r.err);
	cr_assert(has_line(r.err, "--- SIGSEGV {si_signo=SIGSEGV, si_code=SEGV_MAPERR, "
				  "si_addr=0x8} ---"),
		  "stderr:\n%s", r.err);
	last = last_line(r.err);
	cr_assert(!strcmp(last, "+++ killed by SIGSEGV +++") ||
		      !strcmp(last, "+++ killed by SIGSEGV (core dumped) +++"),
		  "last line: %s", last);
	free(last);
	cli_result_fini(&r);
}

/* renacer -p on a running sleeper, then SIGINT once it traced some calls.
 * The trace goes to -o FILE when to_file, else to stderr. Returns owned
 * stderr and trace; asserts that the sleeper survives and ends normally. */
static void attach_then_interrupt(bool quiet, bool to_file, int *pid_out, char **err_out,
				  char **trace_out)
{
	static const char *const traced[] = { "getppid(", "clock_nanosleep(", NULL };
	char trace[] = "/tmp/rn-trace-XXXXXX", outp[] = "/tmp/rn-out-XXXXXX";
	char errp[] = "/tmp/rn-err-XXXXXX", pidbuf[16], *s;
	char *sleeper[] = { (char *)prog_path("sleeper"), "30", NULL };
	char *argv[8];
	int i = 0, ofd, efd, code;
	pid_t spid, rpid;

	require_attach();
	close(temp_file(trace));
	ofd = temp_file(outp);
	efd = temp_file(errp);
	spid = spawn_bg(NULL, sleeper, ofd, -1);
	close(ofd);
	sleep_ms(300);
	snprintf(pidbuf, sizeof(pidbuf), "%d", spid);
	argv[i++] = (char *)renacer_path();
	if (quiet)
		argv[i++] = "-q";
	argv[i++] = "-p";
	argv[i++] = pidbuf;
	if (to_file) {
		argv[i++] = "-o";
		argv[i++] = trace;
	}
	argv[i] = NULL;
	rpid = spawn_bg(NULL, argv, -1, efd);
	close(efd);
	if (!wait_file_has(to_file ? trace : errp, traced, 3000) || kill(spid, 0) < 0) {
		kill(rpid, SIGKILL);
		kill(spid, SIGKILL);
		wait_exit(rpid, 1000);
		wait_exit(spid, 1000);
		cr_assert_fail("no getppid or clock_nanosleep line in %s within 3 s",
			       to_file ? "the -o file" : "stderr");
	}
	kill(rpid, SIGINT);
	code = wait_exit(rpid, 5000);
	cr_assert_eq(code, 0, "renacer -p exit code %d", code);
	cr_assert_eq(kill(spid, 0), 0, "the detached sleeper is gone");
	cr_assert_eq(waitpid(spid, NULL, WNOHANG), 0, "the sleeper ended under trace");
	code = wait_exit(spid, 10000);
	cr_assert_eq(code, 0, "sleeper exit code %d after detach", code);
	s = read_file(outp);
	cr_assert_str_eq(s, "done\n");
	free(s);
	*pid_out = spid;
	*err_out = read_file(errp);
	*trace_out = read_file(to_file ? trace : errp);
	unpad_results(*trace_out);
	unlink(trace);
	unlink(outp);
	unlink(errp);
}

Test(cli, attach_then_interrupt_detaches_and_process_runs_on, .timeout = 20)
{
	char *err, *trace, want[80];
	int pid;

	attach_then_interrupt(false, true, &pid, &err, &trace);
	snprintf(want, sizeof(want), "renacer: Process %d attached", pid);
	cr_assert(has_line(err, want), "stderr:\n%s", err);
	snprintf(want, sizeof(want), "renacer: Process %d detached", pid);
	cr_assert(has_line(err, want), "stderr:\n%s", err);
	cr_assert(strstr(trace, "getppid() = "), "trace:\n%s", trace);
	cr_assert_null(strstr(trace, "+++ exited"), "trace:\n%s", trace);
	free(err);
	free(trace);
}

Test(cli, quiet_suppresses_attach_and_detach_messages, .timeout = 20)
{
	char *err, *trace;
	int pid;

	attach_then_interrupt(true, false, &pid, &err, &trace);
	/* The trace is on stderr too: its last call may end in " <detached ...>". */
	cr_assert_null(strstr(err, "renacer: Process"), "stderr:\n%s", err);
	cr_assert_null(strstr(err, " attached"), "stderr:\n%s", err);
	cr_assert(strstr(trace, "getppid() = ") || strstr(trace, "clock_nanosleep("));
	cr_assert_null(strstr(trace, "+++ exited"), "trace:\n%s", trace);
	free(err);
	free(trace);
}

Test(cli, output_file_is_written_while_tracing, .timeout = 20)
{
	static const char *const traced[] = { "clock_nanosleep(", NULL };
	char trace[] = "/tmp/rn-trace-XXXXXX";
	char *argv[] = { (char *)renacer_path(), "-o", trace, "./sleeper", "30", NULL };
	bool seen;
	pid_t rpid;

	require_ptrace();
	close(temp_file(trace));
	rpid = spawn_bg(PROGS, argv, -1, -1);
	/* strace writes each line as it ends: `tail -f` on -o FILE works. */
	seen = wait_file_has(trace, traced, 2000);
	cr_assert_eq(wait_exit(rpid, 5000), 0);
	unlink(trace);
	cr_assert(seen, "the -o file stayed empty for 2 s of a 3 s run");
}

Test(cli, attached_process_that_exits_is_not_reported_detached, .timeout = 20)
{
	static const char *const traced[] = { "getppid(", NULL };
	char errp[] = "/tmp/rn-err-XXXXXX", pidbuf[16], want[64], *err;
	char *sleeper[] = { (char *)prog_path("sleeper"), "10", NULL };
	char *argv[] = { (char *)renacer_path(), "-p", pidbuf, NULL };
	int efd, code;
	pid_t spid, rpid;

	require_attach();
	efd = temp_file(errp);
	spid = spawn_bg(NULL, sleeper, -1, -1);
	snprintf(pidbuf, sizeof(pidbuf), "%d", spid);
	rpid = spawn_bg(NULL, argv, -1, efd);
	close(efd);
	cr_assert(wait_file_has(errp, traced, 3000), "nothing traced");
	/* The sleeper ends under trace; it stays a zombie until we reap it. */
	code = wait_exit(rpid, 5000);
	err = read_file(errp);
	unlink(errp);
	cr_assert_eq(code, 0, "renacer exit code %d, stderr:\n%s", code, err);
	cr_assert_eq(wait_exit(spid, 1000), 0);
	cr_assert(has_line(err, "+++ exited with 0 +++"), "stderr:\n%s", err);
	snprintf(want, sizeof(want), "renacer: Process %d detached", spid);
	cr_assert_null(strstr(err, want), "an exited process reported detached:\n%s", err);
	free(err);
}

Test(cli, attach_to_missing_pid_fails_with_message, .timeout = 20)
{
	char pid[16], want[64];
	const char *argv[] = { "-p", pid, NULL };
	struct cli_result r;

	snprintf(pid, sizeof(pid), "%d", free_pid());
	cr_assert_eq(cli(&r, argv), 1, "stderr:\n%s", r.err);
	snprintf(want, sizeof(want), "pid %s: No such process", pid);
	cr_assert(strstr(r.err, want), "stderr:\n%s", r.err);
	cr_assert(!strncmp(r.err, "renacer: ", 9), "stderr:\n%s", r.err);
	cli_result_fini(&r);
}

Test(cli, attach_without_permission_fails_with_eperm, .timeout = 20)
{
	char *sleeper[] = { (char *)prog_path("sleeper"), "50", NULL };
	char errp[] = "/tmp/rn-err-XXXXXX", pid[16], *err;
	int efd, st;
	pid_t spid, rpid;

	require_ptrace();
	if (geteuid() != 0)
		cr_skip_test("needs root to trace a root process as an unprivileged user");
	efd = temp_file(errp);
	spid = spawn_bg(NULL, sleeper, -1, -1);
	snprintf(pid, sizeof(pid), "%d", spid);
	rpid = fork();
	cr_assert(rpid >= 0);
	if (rpid == 0) {
		char *argv[] = { (char *)renacer_path(), "-p", pid, NULL };

		dup2(efd, 2);
		if (setgroups(0, NULL) < 0 || setgid(65534) < 0 || setuid(65534) < 0)
			_exit(97);
		execv(argv[0], argv);
		_exit(98);
	}
	close(efd);
	waitpid(rpid, &st, 0);
	kill(spid, SIGKILL);
	waitpid(spid, NULL, 0);
	err = read_file(errp);
	unlink(errp);
	if (WIFEXITED(st) && WEXITSTATUS(st) == 97)
		cr_skip_test("cannot drop privileges to uid 65534");
	cr_assert(WIFEXITED(st) && WEXITSTATUS(st) == 1, "status %#x, stderr:\n%s", st, err);
	cr_assert(strstr(err, "Operation not permitted"), "stderr:\n%s", err);
	cr_assert(strstr(err, pid), "stderr:\n%s", err);
	free(err);
}

Test(cli, missing_command_exits_127, .timeout = 20)
{
	static const char *const argv[] = { "./nosuch", NULL };
	struct cli_result r;

	cr_assert_eq(cli(&r, argv), 127, "stderr:\n%s", r.err);
	cr_assert(has_line(r.err, "renacer: Cannot run './nosuch': No such file or directory"),
		  "stderr:\n%s", r.err);
	cli_result_fini(&r);
}

Test(cli, non_executable_command_exits_126, .timeout = 20)
{
	static const char *const argv[] = { "/etc/passwd", NULL };
	struct cli_result r;

	cr_assert_eq(cli(&r, argv), 126, "stderr:\n%s", r.err);
	cr_assert(has_line(r.err, "renacer: Cannot run '/etc/passwd': Permission denied"),
		  "stderr:\n%s", r.err);
	cli_result_fini(&r);
}

Test(cli, invalid_pointers_show_address_and_efault, .timeout = 20)
{
	static const char *const argv[] = { "./efault", NULL };
	static const char *const want[] = {
		"read(3, 0x1, 10) = -1 EFAULT (Bad address)",
		"write(1, 0x1, 10) = -1 EFAULT (Bad address)",
		"openat(AT_FDCWD, 0x1, O_RDONLY) = -1 EFAULT (Bad address)",
	};
	struct cli_result r;
	size_t i;

	cr_assert_eq(cli(&r, argv), 0, "stderr:\n%s", r.err);
	for (i = 0; i < sizeof(want) / sizeof(want[0]); i++)
		cr_assert(has_line(r.err, want[i]), "no '%s' in:\n%s", want[i], r.err);
	cli_result_fini(&r);
}

/* The write( lines of a trace, with strace's padding before " = " removed. */
static char *write_lines(const char *text)
{
	size_t n = strlen(text) + 1, len = 0;
	char *out = calloc(1, n);
	const char *p = text;

	cr_assert_not_null(out);
	while (*p) {
		const char *e = strchr(p, '\n');
		size_t l = e ? (size_t)(e - p) : strlen(p);

		if (!strncmp(p, "write(", 6)) {
			const char *eq = NULL, *q;
			size_t keep;

			for (q = p; q + 3 <= p + l; q++)
				if (!strncmp(q, " = ", 3))
					eq = q;
			keep = eq ? (size_t)(eq - p) : l;
			while (eq && keep && p[keep - 1] == ' ')
				keep--;
			memcpy(out + len, p, keep);
			len += keep;
			if (eq) {
				memcpy(out + len, eq, (size_t)(p + l - eq));
				len += (size_t)(p + l - eq);
			}
			out[len++] = '\n';
		}
		p += l + (e ? 1 : 0);
	}
	out[len] = '\0';
	return out;
}

static const struct {
	const char *limit;
	const char *bin, *longs;
} strings_cases[] = {
	{ NULL, "write(3, \"\\177ELF\\2\\1\\1\\0\\0\\0012\\t\\n\\\"\\\\\", 15) = 15",
	  "write(3, \"0123456789abcdefghijklmnopqrstuv\"..., 46) = 46" },
	{ "8", "write(3, \"\\177ELF\\2\\1\\1\\0\"..., 15) = 15",
	  "write(3, \"01234567\"..., 46) = 46" },
};

static char *renacer_writes(const char *limit)
{
	const char *argv[] = { "--string-limit", limit, "./strings", NULL };
	struct cli_result r;
	char *w;

	cr_assert_eq(cli(&r, limit ? argv : argv + 2), 0, "stderr:\n%s", r.err);
	w = write_lines(r.err);
	cli_result_fini(&r);
	return w;
}

Test(cli, strings_are_escaped_and_truncated, .timeout = 20)
{
	size_t i;

	for (i = 0; i < sizeof(strings_cases) / sizeof(strings_cases[0]); i++) {
		char *w = renacer_writes(strings_cases[i].limit);

		cr_assert(has_line(w, strings_cases[i].bin), "limit %s: want %s, got:\n%s",
			  strings_cases[i].limit, strings_cases[i].bin, w);
		cr_assert(has_line(w, strings_cases[i].longs), "limit %s: want %s, got:\n%s",
			  strings_cases[i].limit, strings_cases[i].longs, w);
		cr_assert_eq(count_of(w, "\n"), 2, "writes:\n%s", w);
		free(w);
	}
}

/* The write lines strace prints for ./strings, or NULL without strace. */
static char *strace_writes(const char *limit)
{
	char outp[] = "/tmp/rn-strace-XXXXXX", *argv[10], *s, *w;
	int i = 0, fd = temp_file(outp), code;

	close(fd);
	argv[i++] = "/usr/bin/strace";
	if (access(argv[0], X_OK) < 0)
		argv[0] = "/bin/strace";
	if (access(argv[0], X_OK) < 0) {
		unlink(outp);
		return NULL;
	}
	argv[i++] = "-e";
	argv[i++] = "trace=write";
	argv[i++] = "-o";
	argv[i++] = outp;
	if (limit) {
		argv[i++] = "-s";
		argv[i++] = (char *)limit;
	}
	argv[i++] = "./strings";
	argv[i] = NULL;
	code = wait_exit(spawn_bg(PROGS, argv, -1, -1), 10000);
	cr_assert_eq(code, 0, "strace exit code %d", code);
	s = read_file(outp);
	unlink(outp);
	cr_assert_not_null(s);
	w = write_lines(s);
	free(s);
	return w;
}

Test(cli, strings_match_strace_output, .timeout = 20)
{
	size_t i;

	require_ptrace();
	for (i = 0; i < sizeof(strings_cases) / sizeof(strings_cases[0]); i++) {
		char *want = strace_writes(strings_cases[i].limit), *got;

		if (!want)
			cr_skip_test("strace is not installed");
		got = renacer_writes(strings_cases[i].limit);
		cr_assert_str_eq(got, want, "limit %s:\nrenacer:\n%sstrace:\n%s",
				 strings_cases[i].limit, got, want);
		free(got);
		free(want);
	}
}

Test(cli, execve_in_thread_supersedes_leader, .timeout = 20)
{
	static const char *const argv[] = { "-f", "./exec_thread", "./exitcode", NULL };
	struct cli_result r;

	cr_assert_eq(cli(&r, argv), 42, "stderr:\n%s", r.err);
	cr_assert(strstr(r.err, "+++ superseded by execve in pid "), "stderr:\n%s", r.err);
	cr_assert(strstr(r.err, "<... execve resumed>) = 0\n"), "stderr:\n%s", r.err);
	cr_assert(strstr(r.err, "execve(\"./exitcode\", [\"./exitcode\", \"42\"], "), "stderr:\n%s",
		  r.err);
	cr_assert(has_line(r.err, "+++ exited with 42 +++"), "stderr:\n%s", r.err);
	cli_result_fini(&r);
}

static const struct {
	const char *argv[4];
	const char *msg;
} usage_errors[] = {
	{ { "--no-such-option", "./exitcode", NULL },
	  "renacer: unknown option '--no-such-option'" },
	{ { "-%", "./exitcode", NULL }, "renacer: unknown option '-%'" },
	{ { "--string-limit", "abc", "./exitcode", NULL },
	  "renacer: invalid --string-limit 'abc'" },
	{ { "--string-limit", "-1", "./exitcode", NULL }, "renacer: invalid --string-limit '-1'" },
	{ { NULL }, "renacer: must have a command to run or -p PID" },
	{ { "-f", NULL }, "renacer: must have a command to run or -p PID" },
	{ { "-p", NULL }, "renacer: option '-p' needs an argument" },
	{ { "-p", "abc", NULL }, "renacer: invalid process id: 'abc'" },
	{ { "-p", "1", "./exitcode", NULL }, "renacer: -p and a command are mutually exclusive" },
};

Test(cli, usage_errors_exit_2_with_message, .timeout = 20)
{
	size_t i;

	for (i = 0; i < sizeof(usage_errors) / sizeof(usage_errors[0]); i++) {
		struct cli_result r;

		cr_assert_eq(run_cli(&r, PROGS, usage_errors[i].argv), 2, "case %zu: stderr:\n%s",
			     i, r.err);
		cr_assert(!strncmp(r.err, usage_errors[i].msg, strlen(usage_errors[i].msg)),
			  "case %zu: want '%s', got:\n%s", i, usage_errors[i].msg, r.err);
		cr_assert(strstr(r.err, "Try 'renacer --help'"), "stderr:\n%s", r.err);
		cr_assert_str_eq(r.out, "");
		cli_result_fini(&r);
	}
}

Test(cli, help_prints_usage_and_exits_0, .timeout = 20)
{
	static const char *const argv[] = { "-h", NULL };
	struct cli_result r;

	cr_assert_eq(run_cli(&r, NULL, argv), 0);
	cr_assert(!strncmp(r.out, "Usage: renacer ", 15), "stdout:\n%s", r.out);
	cr_assert(strstr(r.out, "--string-limit"));
	cr_assert_str_eq(r.err, "");
	cli_result_fini(&r);
}

Test(cli, version_prints_version_and_exits_0, .timeout = 20)
{
	static const char *const argv[] = { "-V", NULL };
	struct cli_result r;

	cr_assert_eq(run_cli(&r, NULL, argv), 0);
	cr_assert_str_eq(r.out, "renacer " RN_VERSION_STRING "\n");
	cli_result_fini(&r);
}

Test(cli, output_file_gets_the_trace_not_stderr, .timeout = 20)
{
	char path[] = "/tmp/rn-trace-XXXXXX", *s;
	const char *argv[] = { "-o", path, "./exitcode", "42", NULL };
	struct cli_result r;

	close(temp_file(path));
	cr_assert_eq(cli(&r, argv), 42, "stderr:\n%s", r.err);
	cr_assert_str_eq(r.err, "");
	s = read_file(path);
	unlink(path);
	cr_assert_not_null(s);
	unpad_results(s);
	cr_assert(!strncmp(s, "execve(\"./exitcode\", [\"./exitcode\", \"42\"], ", 43),
		  "trace:\n%s", s);
	cr_assert(has_line(s, "exit_group(42) = ?"), "trace:\n%s", s);
	cr_assert(has_line(s, "+++ exited with 42 +++"), "trace:\n%s", s);
	free(s);
	cli_result_fini(&r);
}

Test(cli, quiet_levels_control_exit_lines, .timeout = 20)
{
	static const char *const q1[] = { "-q", "./exitcode", "42", NULL };
	static const char *const q2[] = { "-qq", "./exitcode", "42", NULL };
	struct cli_result r;

	cr_assert_eq(cli(&r, q1), 42, "stderr:\n%s", r.err);
	cr_assert(has_line(r.err, "+++ exited with 42 +++"), "-q stderr:\n%s", r.err);
	cli_result_fini(&r);
	cr_assert_eq(cli(&r, q2), 42, "stderr:\n%s", r.err);
	cr_assert(has_line(r.err, "exit_group(42) = ?"), "-qq stderr:\n%s", r.err);
	cr_assert_null(strstr(r.err, "+++"), "-qq stderr:\n%s", r.err);
	cli_result_fini(&r);
}

/* Every trace line is a call, a resumed call, a signal or an exit line. */
static void assert_well_formed(const char *text)
{
	regex_t rx;
	const char *p = text;

	cr_assert_eq(regcomp(&rx,
			     "^(\\[pid +[0-9]+\\] )?([a-z_0-9]+\\(|<\\.\\.\\. [a-z_0-9]+ "
			     "resumed>|--- |\\+\\+\\+ )",
			     REG_EXTENDED | REG_NOSUB),
		     0);
	while (*p) {
		const char *e = strchr(p, '\n');
		char *line = strndup(p, e ? (size_t)(e - p) : strlen(p));

		cr_assert(regexec(&rx, line, 0, NULL, 0) == 0, "malformed line: %s", line);
		free(line);
		p = e ? e + 1 : p + strlen(p);
	}
	regfree(&rx);
}

Test(cli, traces_ls, .timeout = 20)
{
	static const char *const argv[] = { "--", "ls", "-l", "/", NULL };
	struct cli_result r;
	char *last;

	cr_assert_eq(cli(&r, argv), 0, "stderr:\n%s", r.err);
	cr_assert(!strncmp(r.err, "execve(\"", 8), "stderr:\n%s", r.err);
	cr_assert(strstr(r.err, "[\"ls\", \"-l\", \"/\"]"), "stderr:\n%s", r.err);
	cr_assert(strstr(r.err, "\nexit_group(0) = ?\n"), "stderr:\n%s", r.err);
	cr_assert_null(strstr(r.err, "[pid "));
	last = last_line(r.err);
	cr_assert_str_eq(last, "+++ exited with 0 +++");
	assert_well_formed(r.err);
	cr_assert(strstr(r.out, "tmp"), "ls output:\n%s", r.out);
	free(last);
	cli_result_fini(&r);
}

Test(cli, follows_a_shell_pipeline, .timeout = 20)
{
	static const char *const argv[] = { "-f", "--", "sh", "-c", "ls / | wc -l", NULL };
	struct cli_result r;
	char *last;

	cr_assert_eq(cli(&r, argv), 0, "stderr:\n%s", r.err);
	cr_assert(!strncmp(r.err, "execve(\"", 8), "stderr:\n%s", r.err);
	cr_assert(strstr(r.err, "[\"ls\", \"/\"]"), "ls not traced:\n%s", r.err);
	cr_assert(strstr(r.err, "[\"wc\", \"-l\"]"), "wc not traced:\n%s", r.err);
	cr_assert_geq(count_of(r.err, "exit_group("), 3, "stderr:\n%s", r.err);
	cr_assert(strstr(r.err, "[pid "), "stderr:\n%s", r.err);
	last = last_line(r.err);
	cr_assert_str_eq(last, "+++ exited with 0 +++");
	assert_well_formed(r.err);
	cr_assert_gt(atoi(r.out), 0, "wc output: %s", r.out);
	free(last);
	cli_result_fini(&r);
}

Test(cli, results_are_aligned_at_column_40_like_strace, .timeout = 20)
{
	const char *argv[] = { "./exitcode", "42", NULL };
	struct cli_result r;
	char *line;
	int aligned = 0;

	cr_assert_eq(cli(&r, argv), 42);
	for (line = strtok(r.err_raw, "\n"); line; line = strtok(NULL, "\n")) {
		char *eq = strstr(line, ") ");

		if (!eq || line[0] == '-' || line[0] == '+')
			continue;
		eq = strstr(eq, "= ");
		cr_assert_not_null(eq, "line: %s", line);
		if (eq - line < 40) {
			cr_assert_fail("'=' before column 40: %s", line);
		} else if (eq - line == 40) {
			aligned++;
		} else {
			/* longer lines: exactly one space before "=" */
			cr_assert_eq(eq[-1], ' ', "line: %s", line);
			cr_assert_neq(eq[-2], ' ', "line: %s", line);
		}
	}
	cr_assert_gt(aligned, 3, "short lines are padded to column 40");
	cli_result_fini(&r);
}
