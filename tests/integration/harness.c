/* SPDX-License-Identifier: MIT */
/* Helpers for integration tests. */
#include "integration/harness.h"

#include <criterion/criterion.h>
#include <errno.h>
#include <fcntl.h>
#include <regex.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ptrace.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "util/buf.h"

const char *prog_path(const char *name)
{
	static char path[4096];

	snprintf(path, sizeof(path), "%s/progs/%s", RN_TEST_BUILD_DIR, name);
	return path;
}

const char *renacer_path(void)
{
	return RN_TEST_BUILD_DIR "/renacer";
}

void require_ptrace(void)
{
	static int ok = -1;

	if (ok < 0) {
		pid_t pid = fork();
		int st;

		if (pid == 0) {
			_exit(ptrace(PTRACE_TRACEME, 0, NULL, NULL) < 0 ? 1 : 0);
		}
		waitpid(pid, &st, 0);
		ok = WIFEXITED(st) && WEXITSTATUS(st) == 0;
	}
	if (!ok)
		cr_skip_test("ptrace is not permitted on this machine");
}

struct rn_trace *trace_prog_argv(bool follow, const char *name, const char *const *args)
{
	char *argv[32];
	struct rn_tracer *t;
	struct rn_trace *tr;
	int i = 0;

	require_ptrace();
	argv[i++] = (char *)prog_path(name);
	while (args && *args && i < 31)
		argv[i++] = (char *)*args++;
	argv[i] = NULL;
	t = rn_tracer_new();
	cr_assert_not_null(t);
	rn_tracer_set_follow_forks(t, follow);
	rn_tracer_set_record(t, true);
	cr_assert_geq(rn_tracer_spawn(t, argv), 0, "spawn %s: %s", name, rn_tracer_errmsg(t));
	cr_assert_eq(rn_tracer_run(t), 0, "run: %s", rn_tracer_errmsg(t));
	tr = rn_tracer_detach_trace(t);
	rn_tracer_free(t);
	return tr;
}

struct rn_trace *trace_prog(const char *name)
{
	return trace_prog_argv(false, name, NULL);
}

const struct rn_event *trace_find(const struct rn_trace *t, const char *name, int nth)
{
	size_t i;

	for (i = 0; i < rn_trace_count(t); i++) {
		const struct rn_event *ev = rn_trace_event(t, i);
		const char *n = rn_event_name(ev);

		if (rn_event_type(ev) == RN_EV_SYSCALL && n && !strcmp(n, name) && nth-- == 0)
			return ev;
	}
	return NULL;
}

int trace_count_name(const struct rn_trace *t, const char *name)
{
	size_t i;
	int n = 0;

	for (i = 0; i < rn_trace_count(t); i++) {
		const struct rn_event *ev = rn_trace_event(t, i);
		const char *s = rn_event_name(ev);

		n += rn_event_type(ev) == RN_EV_SYSCALL && s && !strcmp(s, name);
	}
	return n;
}

const char *arg_str(const struct rn_event *ev, int i)
{
	static char b[8192];

	rn_event_arg(ev, i, b, sizeof(b));
	return b;
}

char *read_file(const char *path)
{
	struct buf b = BUF_INIT;
	char tmp[65536];
	ssize_t n;
	int fd = open(path, O_RDONLY);

	if (fd < 0)
		return NULL;
	while ((n = read(fd, tmp, sizeof(tmp))) > 0)
		buf_append(&b, tmp, (size_t)n);
	close(fd);
	return buf_detach(&b);
}

/* strace pads ") = " to column 40; tests match lines without the padding
 * (cli_result.err_raw keeps it, and one test checks the column). */
void unpad_results(char *text)
{
	char *src = text, *dst = text;

	if (!text)
		return;
	while (*src) {
		if (src[0] == ')' && src[1] == ' ' && src[2] == ' ') {
			char *p = src + 1;

			while (*p == ' ')
				p++;
			if (*p == '=') {
				*dst++ = ')';
				*dst++ = ' ';
				src = p;
				continue;
			}
		}
		*dst++ = *src++;
	}
	*dst = '\0';
}

char **split_lines(const char *text, int *n)
{
	char **v = NULL;
	const char *p = text;
	int k = 0;

	while (p && *p) {
		const char *e = strchr(p, '\n');
		size_t len = e ? (size_t)(e - p) : strlen(p);

		v = realloc(v, (size_t)(k + 2) * sizeof(*v));
		cr_assert_not_null(v);
		v[k] = strndup(p, len);
		cr_assert_not_null(v[k]);
		unpad_results(v[k++]);
		p = e ? e + 1 : NULL;
	}
	if (!v)
		v = calloc(1, sizeof(*v));
	cr_assert_not_null(v);
	v[k] = NULL;
	if (n)
		*n = k;
	return v;
}

void free_lines(char **v)
{
	int i;

	for (i = 0; v && v[i]; i++)
		free(v[i]);
	free(v);
}

void sleep_ms(long ms)
{
	struct timespec ts = { ms / 1000, (ms % 1000) * 1000000L };

	while (nanosleep(&ts, &ts) < 0 && errno == EINTR)
		;
}

pid_t spawn_bg(const char *cwd, char *const argv[], int out, int err)
{
	pid_t pid = fork();

	cr_assert(pid >= 0);
	if (pid == 0) {
		int nul = open("/dev/null", O_RDWR);

		dup2(nul, 0);
		dup2(out >= 0 ? out : nul, 1);
		dup2(err >= 0 ? err : nul, 2);
		/* the traced programs must see only 0, 1 and 2 */
		if (nul > 2)
			close(nul);
		if (out > 2)
			close(out);
		if (err > 2)
			close(err);
		if (cwd && chdir(cwd) < 0)
			_exit(99);
		execv(argv[0], argv);
		_exit(98);
	}
	return pid;
}

int wait_exit(pid_t pid, long ms)
{
	int st;

	for (; ms > 0; ms -= 10) {
		pid_t r = waitpid(pid, &st, WNOHANG);

		if (r == pid)
			return WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
		if (r < 0)
			return -2;
		sleep_ms(10);
	}
	kill(pid, SIGKILL);
	waitpid(pid, &st, 0);
	return -1;
}

bool wait_file_has(const char *path, const char *const *subs, long ms)
{
	for (; ms > 0; ms -= 20) {
		char *s = read_file(path);
		const char *const *p;
		bool hit = false;

		for (p = subs; s && *p && !hit; p++)
			hit = strstr(s, *p) != NULL;
		free(s);
		if (hit)
			return true;
		sleep_ms(20);
	}
	return false;
}

int run_cli(struct cli_result *r, const char *cwd, const char *const *argv)
{
	char outp[] = "/tmp/rn-out-XXXXXX", errp[] = "/tmp/rn-err-XXXXXX";
	int ofd = mkstemp(outp), efd = mkstemp(errp);
	char *args[64];
	pid_t pid;
	int i = 0;

	cr_assert(ofd >= 0 && efd >= 0);
	args[i++] = (char *)renacer_path();
	while (*argv && i < 63)
		args[i++] = (char *)*argv++;
	args[i] = NULL;
	pid = spawn_bg(cwd, args, ofd, efd);
	close(ofd);
	close(efd);
	waitpid(pid, &r->status, 0);
	r->code = WIFEXITED(r->status) ? WEXITSTATUS(r->status) : 128 + WTERMSIG(r->status);
	r->out = read_file(outp);
	r->err = read_file(errp);
	r->err_raw = r->err ? strdup(r->err) : NULL;
	unpad_results(r->err);
	unlink(outp);
	unlink(errp);
	return r->code;
}

void cli_result_fini(struct cli_result *r)
{
	free(r->out);
	free(r->err);
	free(r->err_raw);
	r->out = r->err = r->err_raw = NULL;
}

/* Each pattern's matches are replaced by its stand-in, in order. */
static const struct {
	const char *re, *with;
} volatile_parts[] = {
	{"\\[pid +[0-9]+\\]", "[pid PID]"},
	{"0x[0-9a-f]{6,}", "0xADDR"},
	{"si_pid=[0-9]+", "si_pid=PID"},
	{"si_uid=[0-9]+", "si_uid=UID"},
	{"si_utime=[0-9]+, si_stime=[0-9]+", "si_utime=T, si_stime=T"},
	{"/\\* [0-9]+ vars \\*/", "/* N vars */"},
	{"wait4\\([0-9]+,", "wait4(PID,"},
	{"(clone|fork|vfork|wait4|clone3)\\((.*)\\) = [0-9]+$", "\\1(\\2) = PID"},
};

static char *replace_all(const char *text, const char *re, const char *with)
{
	struct buf b = BUF_INIT;
	regex_t rx;
	regmatch_t m[3];
	const char *p = text;

	if (regcomp(&rx, re, REG_EXTENDED | REG_NEWLINE))
		return strdup(text);
	while (*p && regexec(&rx, p, 3, m, p == text ? 0 : REG_NOTBOL) == 0) {
		const char *w;

		buf_append(&b, p, (size_t)m[0].rm_so);
		for (w = with; *w; w++) {
			if (w[0] == '\\' && (w[1] == '1' || w[1] == '2')) {
				int g = w[1] - '0';

				buf_append(&b, p + m[g].rm_so, (size_t)(m[g].rm_eo - m[g].rm_so));
				w++;
			} else {
				buf_putc(&b, *w);
			}
		}
		p += m[0].rm_eo ? m[0].rm_eo : 1;
	}
	buf_puts(&b, p);
	regfree(&rx);
	return buf_detach(&b);
}

char *normalize_trace(const char *text)
{
	char *cur = strdup(text ? text : "");

	unpad_results(cur);
	size_t i;

	for (i = 0; i < sizeof(volatile_parts) / sizeof(volatile_parts[0]); i++) {
		char *next = replace_all(cur, volatile_parts[i].re, volatile_parts[i].with);

		free(cur);
		cur = next;
	}
	return cur;
}
