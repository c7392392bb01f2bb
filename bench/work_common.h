/* SPDX-License-Identifier: MIT */
/* Shared by the bench/work_*.c workloads (built by bench/run.sh with gcc -O2).
 *
 * Every workload takes:   work_X N [TIMEFILE]
 * and, when TIMEFILE is given, writes one line "LOOP_SECONDS SYSCALLS" to it
 * after its loop: the wall time of the loop alone (CLOCK_MONOTONIC, process
 * start-up and exit excluded) and the number of system calls the loop made.
 * run.sh turns this into the steady-state added cost per system call.
 */
#ifndef BENCH_WORK_COMMON_H
#define BENCH_WORK_COMMON_H

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static struct timespec work_t0;

static long work_n(int argc, char **argv, long def)
{
	long n = argc > 1 ? strtol(argv[1], NULL, 10) : def;
	return n > 0 ? n : def;
}

static void work_start(void)
{
	clock_gettime(CLOCK_MONOTONIC, &work_t0);
}

/* Stop the clock and report; the report's own syscalls come after the loop. */
static void work_stop(int argc, char **argv, long syscalls)
{
	struct timespec t1;
	clock_gettime(CLOCK_MONOTONIC, &t1);
	double s = (double)(t1.tv_sec - work_t0.tv_sec) + (double)(t1.tv_nsec - work_t0.tv_nsec) / 1e9;
	if (argc < 3 || argv[2][0] == '\0')
		return;
	char buf[64];
	int len = snprintf(buf, sizeof buf, "%.9f %ld\n", s, syscalls);
	int fd = open(argv[2], O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
	if (fd < 0)
		return;
	if (write(fd, buf, (size_t)len) != len)
		perror("write");
	close(fd);
}

#endif
