/* SPDX-License-Identifier: MIT */
/* LD_PRELOAD probe used by bench/run.sh to measure a tracer's OWN peak RSS.
 *
 * The probe acts only in the process whose /proc/self/exe is $BENCH_RSS_EXE
 * (so a wrapper such as timeout(1) passes the variables through untouched).
 * Constructor: remember $BENCH_RSS_OUT and our pid, then remove BENCH_RSS_OUT,
 * BENCH_RSS_EXE and LD_PRELOAD from the environment, so the tracee the
 * tracer execs later is not preloaded (and sees the same environment size as
 * an untraced run).
 * Destructor (normal exit() / return from main): write VmHWM of this process
 * (the kernel's high-water mark of its resident set, in kB) to that file.
 * Forked children of the tracer that do not exec are ignored (pid check).
 *
 * Why not /usr/bin/time -f %M or getrusage(RUSAGE_CHILDREN)?  Both report
 * max(own, reaped descendants): the tracer reaps its tracee, so they give
 * the larger of tracer and tracee, not the tracer's own figure. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static char out_path[4096];
static pid_t owner;

__attribute__((constructor)) static void rss_probe_init(void)
{
	const char *p = getenv("BENCH_RSS_OUT");
	const char *want = getenv("BENCH_RSS_EXE");
	char self[4096];
	ssize_t n = readlink("/proc/self/exe", self, sizeof self - 1);
	if (p == NULL || want == NULL || n <= 0)
		return;
	self[n] = '\0';
	if (strcmp(self, want) != 0)
		return; /* not the tracer (e.g. timeout): leave the environment alone */
	if (strlen(p) < sizeof out_path) {
		strcpy(out_path, p);
		owner = getpid();
	}
	unsetenv("BENCH_RSS_OUT");
	unsetenv("BENCH_RSS_EXE");
	unsetenv("LD_PRELOAD");
}

__attribute__((destructor)) static void rss_probe_fini(void)
{
	if (out_path[0] == '\0' || getpid() != owner)
		return;
	char buf[8192];
	int fd = open("/proc/self/status", O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return;
	ssize_t n = read(fd, buf, sizeof buf - 1);
	close(fd);
	if (n <= 0)
		return;
	buf[n] = '\0';
	char *h = strstr(buf, "VmHWM:");
	if (h == NULL)
		return;
	long kb = strtol(h + 6, NULL, 10);
	char line[32];
	int len = snprintf(line, sizeof line, "%ld\n", kb);
	fd = open(out_path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
	if (fd < 0)
		return;
	if (write(fd, line, (size_t)len) != len) {
		/* nothing useful to do */
	}
	close(fd);
}
