/* SPDX-License-Identifier: MIT */
/* Tracer core through the library API: spawn tests/progs programs, record
 * the trace, and assert on the events their deliberate calls produce. */
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

/* Like trace_prog_argv(), but also returns the program's wait(2) status and
 * sends its stdout to a temporary file so markers do not clutter the test
 * log (not /dev/null: its write(2) never reads the buffer, so no EFAULT). */
static struct rn_trace *trace_status(bool follow, unsigned string_limit, const char *name,
				     const char *const *args, int *status)
{
	char *argv[32], tmpl[] = "/tmp/rn-stdout-XXXXXX";
	struct rn_tracer *t;
	struct rn_trace *tr;
	int i = 0, saved, tmp, rc;

	require_ptrace();
	argv[i++] = (char *)prog_path(name);
	while (args && *args && i < 31)
		argv[i++] = (char *)*args++;
	argv[i] = NULL;
	t = rn_tracer_new();
	cr_assert_not_null(t);
	cr_assert_eq(rn_tracer_set_follow_forks(t, follow), 0);
	cr_assert_eq(rn_tracer_set_string_limit(t, string_limit), 0);
	cr_assert_eq(rn_tracer_set_record(t, true), 0);
	fflush(stdout);
	saved = dup(1);
	tmp = mkstemp(tmpl);
	cr_assert(saved >= 0 && tmp >= 0);
	unlink(tmpl);
	dup2(tmp, 1);
	rc = rn_tracer_spawn(t, argv);
	dup2(saved, 1);
	close(saved);
	close(tmp);
	cr_assert_gt(rc, 0, "spawn %s: %s", name, rn_tracer_errmsg(t));
	cr_assert_eq(rn_tracer_run(t), 0, "run: %s", rn_tracer_errmsg(t));
	*status = rn_tracer_exit_status(t);
	tr = rn_tracer_detach_trace(t);
	cr_assert_not_null(tr);
	rn_tracer_free(t);
	return tr;
}

/* The first completed call named name whose rendered argument i contains sub. */
static const struct rn_event *find_with_arg(const struct rn_trace *tr, const char *name, int i,
					    const char *sub)
{
	const struct rn_event *ev;
	int n;

	for (n = 0; (ev = trace_find(tr, name, n)); n++)
		if (strstr(arg_str(ev, i), sub))
			return ev;
	return NULL;
}

/* The first completed call named name whose raw argument i is v. */
static const struct rn_event *find_with_raw(const struct rn_trace *tr, const char *name, int i,
					    uint64_t v)
{
	const struct rn_event *ev;
	int n;

	for (n = 0; (ev = trace_find(tr, name, n)); n++)
		if (rn_event_arg_raw(ev, i) == v)
			return ev;
	return NULL;
}

static long index_of(const struct rn_trace *tr, const struct rn_event *ev)
{
	size_t i;

	for (i = 0; i < rn_trace_count(tr); i++)
		if (rn_trace_event(tr, i) == ev)
			return (long)i;
	return -1;
}

/* The first event of a type (and, when pid > 0, of that pid). */
static const struct rn_event *find_type(const struct rn_trace *tr, enum rn_event_type type, int pid)
{
	size_t i;

	for (i = 0; i < rn_trace_count(tr); i++) {
		const struct rn_event *ev = rn_trace_event(tr, i);

		if (rn_event_type(ev) == type && (pid <= 0 || rn_event_pid(ev) == pid))
			return ev;
	}
	return NULL;
}

Test(trace, openat_missing_file_reports_enoent, .timeout = 20)
{
	struct rn_trace *tr = trace_prog("open_missing");
	const struct rn_event *ev = find_with_arg(tr, "openat", 1, "/nonexistent/renacer-test");

	cr_assert_not_null(ev, "no openat of the missing file recorded");
	cr_assert(rn_event_returned(ev));
	cr_assert_eq(rn_event_errno(ev), ENOENT);
	cr_assert_eq(rn_event_retval(ev), -1);
	cr_assert_str_eq(arg_str(ev, 1), "\"/nonexistent/renacer-test\"");
	cr_assert_str_eq(arg_str(ev, 2), "O_RDONLY");
	rn_trace_free(tr);
}

Test(trace, successful_call_has_zero_errno_and_its_return_value, .timeout = 20)
{
	int st;
	struct rn_trace *tr = trace_status(false, 32, "strings", NULL, &st);
	const struct rn_event *ev = find_with_arg(tr, "write", 1, "0123456789");

	cr_assert_not_null(ev);
	cr_assert_eq(rn_event_errno(ev), 0);
	cr_assert_eq(rn_event_retval(ev), 46);
	cr_assert_eq(rn_event_arg_raw(ev, 2), 46);
	cr_assert(rn_trace_has_syscall(tr, "write", "0123456789"));
	cr_assert_not(rn_trace_has_syscall(tr, "write", "not-written-by-strings"));
	cr_assert(WIFEXITED(st) && WEXITSTATUS(st) == 0);
	rn_trace_free(tr);
}

Test(trace, string_limit_truncates_rendered_buffers, .timeout = 20)
{
	int st;
	struct rn_trace *tr = trace_status(false, 8, "strings", NULL, &st);
	const struct rn_event *ev = find_with_arg(tr, "write", 1, "01234567");

	cr_assert_not_null(ev);
	cr_assert_str_eq(arg_str(ev, 1), "\"01234567\"...");
	ev = find_with_arg(tr, "write", 1, "ELF");
	cr_assert_not_null(ev);
	cr_assert_str_eq(arg_str(ev, 1), "\"\\177ELF\\2\\1\\1\\0\"...");
	rn_trace_free(tr);
}

Test(trace, invalid_pointers_give_efault_and_raw_address, .timeout = 20)
{
	static const char *const calls[][2] = {
		{ "read", "0x1" },
		{ "write", "0x1" },
	};
	const struct rn_event *ev;
	int st, i;
	struct rn_trace *tr = trace_status(false, 32, "efault", NULL, &st);

	for (i = 0; i < 2; i++) {
		ev = find_with_raw(tr, calls[i][0], 1, 1);
		cr_assert_not_null(ev, "no %s with buffer 0x1", calls[i][0]);
		cr_assert_eq(rn_event_errno(ev), EFAULT, "%s errno %d", calls[i][0],
			     rn_event_errno(ev));
		cr_assert_eq(rn_event_retval(ev), -1);
		cr_assert_str_eq(arg_str(ev, 1), calls[i][1]);
	}
	ev = find_with_raw(tr, "openat", 1, 1);
	cr_assert_not_null(ev, "no openat with path 0x1");
	cr_assert_eq(rn_event_errno(ev), EFAULT);
	cr_assert_str_eq(arg_str(ev, 1), "0x1");
	cr_assert(WIFEXITED(st) && WEXITSTATUS(st) == 0, "status %#x", st);
	rn_trace_free(tr);
}

Test(trace, follow_threads_records_each_worker_write, .timeout = 20)
{
	int st;
	struct rn_trace *tr = trace_status(true, 32, "threads", NULL, &st);
	const struct rn_event *a = find_with_arg(tr, "write", 1, "thread-a");
	const struct rn_event *b = find_with_arg(tr, "write", 1, "thread-b");
	const struct rn_event *exec = trace_find(tr, "execve", 0);

	cr_assert_not_null(a, "thread-a's write missing");
	cr_assert_not_null(b, "thread-b's write missing");
	cr_assert_not_null(exec);
	cr_assert_neq(rn_event_tid(a), rn_event_tid(b));
	cr_assert_neq(rn_event_tid(a), rn_event_pid(exec));
	cr_assert_neq(rn_event_tid(b), rn_event_pid(exec));
	cr_assert_eq(rn_event_retval(a), 9);
	cr_assert_eq(rn_event_retval(b), 9);
	cr_assert_eq(trace_count_name(tr, "getppid"), 2);
	cr_assert(WIFEXITED(st) && WEXITSTATUS(st) == 0, "status %#x", st);
	rn_trace_free(tr);
}

Test(trace, follow_fork_records_child_and_wait4_returns_its_pid, .timeout = 20)
{
	int st, parent, child;
	struct rn_trace *tr = trace_status(true, 32, "forkwait", NULL, &st);
	const struct rn_event *w = find_with_arg(tr, "write", 1, "child\\n");
	const struct rn_event *wait = trace_find(tr, "wait4", 0);
	const struct rn_event *cexit;

	cr_assert_not_null(w, "child's write missing");
	cr_assert_not_null(wait, "parent's wait4 missing");
	parent = rn_event_pid(wait);
	child = rn_event_pid(w);
	cr_assert_neq(child, parent);
	cr_assert_eq(rn_event_retval(wait), child, "wait4 returned %lld, child is %d",
		     (long long)rn_event_retval(wait), child);
	cexit = find_type(tr, RN_EV_EXIT, child);
	cr_assert_not_null(cexit, "no exit event for the child");
	cr_assert(WIFEXITED(rn_event_exit_status(cexit)));
	cr_assert_eq(WEXITSTATUS(rn_event_exit_status(cexit)), 7);
	cr_assert(WIFEXITED(st) && WEXITSTATUS(st) == 0, "status %#x", st);
	rn_trace_free(tr);
}

Test(trace, without_follow_child_calls_are_absent, .timeout = 20)
{
	int st;
	struct rn_trace *tr = trace_status(false, 32, "forkwait", NULL, &st);
	const struct rn_event *wait = trace_find(tr, "wait4", 0);
	size_t i;

	cr_assert_null(find_with_arg(tr, "write", 1, "child"));
	cr_assert_not_null(wait);
	cr_assert_gt(rn_event_retval(wait), 0);
	for (i = 0; i < rn_trace_count(tr); i++) {
		const struct rn_event *ev = rn_trace_event(tr, i);

		if (rn_event_type(ev) != RN_EV_SIGNAL)
			cr_assert_eq(rn_event_pid(ev), rn_event_pid(wait), "event %zu from pid %d",
				     i, rn_event_pid(ev));
	}
	cr_assert(WIFEXITED(st) && WEXITSTATUS(st) == 0, "status %#x", st);
	rn_trace_free(tr);
}

Test(trace, signal_is_reported_and_reinjected, .timeout = 20)
{
	int st;
	struct rn_trace *tr = trace_status(false, 32, "sigusr1", NULL, &st);
	const struct rn_event *kill_ev = find_with_arg(tr, "kill", 1, "SIGUSR1");
	const struct rn_event *sig = find_type(tr, RN_EV_SIGNAL, 0);

	/* sigusr1 exits 3 when its handler did not run. */
	cr_assert(WIFEXITED(st) && WEXITSTATUS(st) == 0, "status %#x", st);
	cr_assert_not_null(kill_ev);
	cr_assert_not_null(sig, "no signal event");
	cr_assert_eq(rn_event_signo(sig), SIGUSR1);
	cr_assert_gt(index_of(tr, sig), index_of(tr, kill_ev));
	cr_assert_not_null(trace_find(tr, "rt_sigreturn", 0), "handler did not return");
	rn_trace_free(tr);
}

Test(trace, exit_code_is_the_programs, .timeout = 20)
{
	static const char *const args[] = { "42", NULL };
	int st;
	struct rn_trace *tr = trace_status(false, 32, "exitcode", args, &st);
	const struct rn_event *ex = find_type(tr, RN_EV_EXIT, 0);

	cr_assert(WIFEXITED(st) && WEXITSTATUS(st) == 42, "status %#x", st);
	cr_assert_not_null(ex);
	cr_assert_eq(rn_event_exit_status(ex), st);
	cr_assert_eq(rn_event_signo(ex), 0);
	cr_assert_eq(rn_event_arg_raw(trace_find(tr, "exit_group", 0), 0), 42);
	rn_trace_free(tr);
}

Test(trace, killing_signal_is_reported, .timeout = 20)
{
	int st;
	struct rn_trace *tr = trace_status(false, 32, "segv", NULL, &st);
	const struct rn_event *sig = find_type(tr, RN_EV_SIGNAL, 0);
	const struct rn_event *ex = find_type(tr, RN_EV_EXIT, 0);

	cr_assert(WIFSIGNALED(st) && WTERMSIG(st) == SIGSEGV, "status %#x", st);
	cr_assert_not_null(sig);
	cr_assert_eq(rn_event_signo(sig), SIGSEGV);
	cr_assert_not_null(ex);
	cr_assert_eq(rn_event_signo(ex), SIGSEGV);
	rn_trace_free(tr);
}

Test(trace, execve_in_thread_supersedes_leader, .timeout = 20)
{
	const char *args[] = { NULL, NULL };
	char exitcode[4096];
	const struct rn_event *exec, *sup, *ex;
	int st;
	struct rn_trace *tr;

	snprintf(exitcode, sizeof(exitcode), "%s", prog_path("exitcode"));
	args[0] = exitcode;
	tr = trace_status(true, 32, "exec_thread", args, &st);
	cr_assert(WIFEXITED(st) && WEXITSTATUS(st) == 42, "status %#x", st);
	sup = find_type(tr, RN_EV_SUPERSEDED, 0);
	cr_assert_not_null(sup, "no superseded event");
	exec = find_with_arg(tr, "execve", 0, "/exitcode\"");
	cr_assert_not_null(exec, "no execve of exitcode");
	cr_assert(rn_event_returned(exec));
	cr_assert_eq(rn_event_retval(exec), 0);
	/* execve(2): the exec'ing thread takes the thread group leader's pid. */
	cr_assert_eq(rn_event_tid(exec), rn_event_pid(trace_find(tr, "execve", 0)));
	ex = find_type(tr, RN_EV_EXIT, rn_event_pid(exec));
	cr_assert_not_null(ex);
	cr_assert_eq(rn_event_exit_status(ex), st);
	cr_assert_not_null(trace_find(tr, "exit_group", 0));
	rn_trace_free(tr);
}

Test(trace, spawn_errors_are_negative_errno_with_message, .timeout = 20)
{
	static const struct {
		const char *path;
		int err;
	} cases[] = {
		{ "/nonexistent/renacer-prog", -ENOENT },
		{ "renacer-no-such-program-in-path", -ENOENT },
		{ "/etc/passwd", -EACCES },
		{ "/", -EACCES },
	};
	size_t i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		char *argv[] = { (char *)cases[i].path, NULL };
		struct rn_tracer *t = rn_tracer_new();

		cr_assert_not_null(t);
		cr_assert_eq(rn_tracer_spawn(t, argv), cases[i].err, "%s", cases[i].path);
		cr_assert(strstr(rn_tracer_errmsg(t), cases[i].path), "message: %s",
			  rn_tracer_errmsg(t));
		rn_tracer_free(t);
	}
}

Test(trace, attach_to_missing_pid_is_esrch, .timeout = 20)
{
	struct rn_tracer *t;
	pid_t pid;
	int st;

	require_ptrace();
	/* A pid that surely is free: a child we have already reaped. */
	pid = fork();
	if (pid == 0)
		_exit(0);
	waitpid(pid, &st, 0);
	t = rn_tracer_new();
	cr_assert_not_null(t);
	cr_assert_eq(rn_tracer_attach(t, pid), -ESRCH, "%s", rn_tracer_errmsg(t));
	cr_assert_neq(rn_tracer_errmsg(t)[0], '\0');
	rn_tracer_free(t);
}

Test(trace, interrupt_detaches_attached_process_which_keeps_running, .timeout = 20)
{
	static const struct timespec ms300 = { 0, 300 * 1000 * 1000 };
	char *argv[] = { (char *)prog_path("sleeper"), "30", NULL };
	const struct rn_event *ev;
	struct rn_tracer *t;
	int st, nul, seen = 0;
	pid_t pid;

	require_ptrace();
	pid = fork();
	if (pid == 0) {
		nul = open("/dev/null", O_WRONLY);
		dup2(nul, 1);
		execv(argv[0], argv);
		_exit(127);
	}
	nanosleep(&ms300, NULL);
	t = rn_tracer_new();
	cr_assert_not_null(t);
	cr_assert_eq(rn_tracer_set_record(t, true), 0);
	cr_assert_geq(rn_tracer_attach(t, pid), 0, "%s", rn_tracer_errmsg(t));
	while ((ev = rn_tracer_next(t))) {
		const char *n = rn_event_name(ev);

		if (rn_event_type(ev) == RN_EV_SYSCALL && n && !strcmp(n, "getppid") && ++seen == 2)
			rn_tracer_interrupt(t, SIGINT);
	}
	cr_assert_not(rn_tracer_failed(t), "%s", rn_tracer_errmsg(t));
	rn_tracer_free(t);
	cr_assert_geq(seen, 2, "saw %d getppid calls", seen);
	cr_assert_eq(kill(pid, 0), 0, "the detached process is gone");
	cr_assert_eq(waitpid(pid, &st, 0), pid);
	cr_assert(WIFEXITED(st) && WEXITSTATUS(st) == 0, "status %#x", st);
}
