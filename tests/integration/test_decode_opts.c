/* SPDX-License-Identifier: MIT */
/* strace's presentation options on real calls (tests/progs/decode_opts): -y/-yy
 * descriptor paths and socket endpoints, -v structures, -x hex strings, -X constant
 * styles, and the result decorations select and rt_sigreturn get. */
#include <criterion/criterion.h>

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <stdio.h>
#include <unistd.h>

#include "integration/harness.h"

#define PROGS RN_TEST_BUILD_DIR "/progs"

/* The trace of decode_opts under renacer -f with extra options, padding removed:
 * owned. */
/* The directory of the last trace_with() run (static storage). */
static char dir[64];

static char *trace_with(const char *const *opts)
{
	const char *argv[16];
	struct cli_result r;
	char *text;
	int n = 0;

	require_ptrace();
	argv[n++] = "-f";
	while (opts && *opts && n < 12)
		argv[n++] = *opts++;
	argv[n++] = "--";
	argv[n++] = PROGS "/decode_opts";
	argv[n] = NULL;
	/* tests run in parallel: each program gets its own directory for the
	 * file it creates, truncates and stats */
	strcpy(dir, "/tmp/rn-decode-XXXXXX");
	cr_assert_not_null(mkdtemp(dir));
	cr_assert_eq(run_cli(&r, dir, argv), 0);
	rmdir(dir);
	cr_assert_eq(r.code, 0, "renacer exited with %d: %s", r.code, r.err);
	text = strdup(r.err);
	cli_result_fini(&r);
	return text;
}

/* The line of text containing sub (owned), or NULL. */
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

static void assert_has(const char *text, const char *sub)
{
	cr_assert(strstr(text, sub), "no \"%s\" in the trace:\n%s", sub, text);
}

Test(decode_opts, y_shows_the_path_behind_descriptors, .timeout = 30)
{
	const char *opts[] = { "-y", NULL };
	char *t = trace_with(opts), *line, want[256];

	/* descriptor numbers depend on what the test runner leaves open: not checked */
	line = line_with(t, "/rn-decode.txt>, \"caf\\303\\251\\n\", 16)");
	cr_assert_not_null(line, "%s", t);
	cr_assert(!strncmp(line, "read(", 5), "%s", line);
	cr_assert(strstr(line, "/rn-decode.txt>, \"caf\\303\\251\\n\", 16) = 6"), "%s", line);
	cr_assert(strstr(line, dir), "%s", line);
	free(line);
	/* the result of open, the working directory of AT_FDCWD, a pipe pair */
	snprintf(want, sizeof(want), "openat(AT_FDCWD<%s>, \"rn-decode.txt\"", dir);
	assert_has(t, want);
	snprintf(want, sizeof(want), "<%s/rn-decode.txt>\n", dir);
	assert_has(t, want);
	assert_has(t, "pipe2([");
	assert_has(t, "<pipe:[");
	/* -y alone: a socket is its inode */
	assert_has(t, "<socket:[");
	free(t);
}

Test(decode_opts, yy_shows_tcp_endpoints_and_device_numbers, .timeout = 30)
{
	const char *opts[] = { "-yy", NULL };
	char *t = trace_with(opts), *line;

	line = line_with(t, "accept(");
	cr_assert_not_null(line, "%s", t);
	cr_assert(strstr(line, "<TCP:[127.0.0.1:") && strstr(line, "->127.0.0.1:"), "%s", line);
	free(line);
	line = line_with(t, "listen(");
	cr_assert_not_null(line, "%s", t);
	cr_assert(strstr(line, "<TCP:[127.0.0.1:") && !strstr(line, "->"), "%s", line);
	free(line);
	assert_has(t, "</dev/null<char 1:3>>\n");
	free(t);
}

Test(decode_opts, v_shows_whole_stat_structures, .timeout = 30)
{
	const char *opts[] = { "-v", NULL };
	char *t = trace_with(opts), *line;

	line = line_with(t, "st_mode=S_IFREG|0600");
	cr_assert_not_null(line, "%s", t);
	cr_assert(strstr(line, ", st_mode=S_IFREG|0600, st_nlink=1, st_uid="), "%s", line);
	cr_assert(strstr(line, ", st_size=6, st_atime="), "%s", line);
	cr_assert(strstr(line, "st_ctime_nsec="), "%s", line);
	cr_assert_null(strstr(line, "..."), "%s", line);
	free(line);
	free(t);
}

Test(decode_opts, x_and_xx_show_strings_in_hex, .timeout = 30)
{
	const char *x[] = { "-x", NULL }, *xx[] = { "-xx", NULL };
	char *t = trace_with(x);

	/* -x: only strings with a non-printable byte */
	assert_has(t, ", \"\\x63\\x61\\x66\\xc3\\xa9\\x0a\", 6) = 6");
	assert_has(t, "unlink(\"rn-decode.txt\")");
	free(t);
	t = trace_with(xx);
	assert_has(t, "unlink(\"\\x72\\x6e\\x2d");
	free(t);
}

Test(decode_opts, X_raw_and_verbose_style_constants, .timeout = 30)
{
	const char *raw[] = { "-X", "raw", NULL }, *verbose[] = { "-X", "verbose", NULL };
	char *t = trace_with(raw);

	assert_has(t, "openat(-100, \"rn-decode.txt\", 0x242, 0600) = ");
	assert_has(t, ", 0, 0) = 0\n"); /* lseek(fd, 0, SEEK_SET) */
	assert_has(t, "rt_sigprocmask(0, [2], NULL, 8) = 0");
	free(t);
	t = trace_with(verbose);
	assert_has(t, "openat(-100 /* AT_FDCWD */, \"rn-decode.txt\", 0x242 /* "
		      "O_RDWR|O_CREAT|O_TRUNC */, 0600)");
	assert_has(t, "rt_sigprocmask(0 /* SIG_BLOCK */, [2 /* INT */], NULL, 8) = 0");
	assert_has(t, "0x80045499 /* _IOC(_IOC_READ, 0x54, 0x99, 0x4) */");
	free(t);
}

Test(decode_opts, results_and_frames_are_decorated_as_strace_does, .timeout = 30)
{
	char *t = trace_with(NULL);

	assert_has(t, "rt_sigreturn({mask=[INT]}) = 0");
	assert_has(t, "], NULL, {tv_sec=5, tv_nsec=0}, NULL) = 1 (out [");
	assert_has(t, "], left {tv_sec=");
	assert_has(t, ", _IOC(_IOC_READ, 0x54, 0x99, 0x4), 0x");
	free(t);
}

Test(decode_opts, library_records_descriptor_paths, .timeout = 30)
{
	char *argv[] = { (char *)prog_path("decode_opts"), NULL };
	struct rn_tracer *t;
	struct rn_trace *tr;

	require_ptrace();
	/* a directory of its own for the file the program creates (each test
	 * runs in its own process, so chdir is private) */
	strcpy(dir, "/tmp/rn-decode-XXXXXX");
	cr_assert_not_null(mkdtemp(dir));
	cr_assert_eq(chdir(dir), 0);
	t = rn_tracer_new();
	cr_assert_not_null(t);
	cr_assert_eq(rn_tracer_set_decode_fds(t, 3), -EINVAL);
	cr_assert_eq(rn_tracer_set_strings_in_hex(t, 3), -EINVAL);
	cr_assert_eq(rn_tracer_set_const_style(t, (enum rn_const_style)7), -EINVAL);
	cr_assert_eq(rn_tracer_set_decode_fds(t, 2), 0);
	cr_assert_eq(rn_tracer_set_verbose_structs(t, true), 0);
	cr_assert_eq(rn_tracer_set_strings_in_hex(t, 1), 0);
	cr_assert_eq(rn_tracer_set_const_style(t, RN_CONST_RAW), 0);
	rn_tracer_set_record(t, true);
	cr_assert_geq(rn_tracer_spawn(t, argv), 0, "%s", rn_tracer_errmsg(t));
	cr_assert_eq(rn_tracer_set_decode_fds(t, 1), -EBUSY);
	cr_assert_eq(rn_tracer_run(t), 0, "%s", rn_tracer_errmsg(t));
	tr = rn_tracer_detach_trace(t);
	rn_tracer_free(t);
	/* recorded events keep their records after the task's scratch is reused */
	cr_assert(rn_trace_has_syscall(tr, "read", "rn-decode.txt>"));
	cr_assert(rn_trace_has_syscall(tr, "close", "<TCP:[127.0.0.1:"));
	cr_assert(rn_trace_has_syscall(tr, "ioctl", "</dev/null<char 1:3>>"));
	rn_trace_free(tr);
	rmdir(dir);
}
