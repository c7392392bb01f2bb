/* SPDX-License-Identifier: MIT */
/* getppid loop: N calls of the cheapest real system call; isolates the
 * tracer's per-stop cost.  Usage: work_getppid N [TIMEFILE] */
#include <sys/syscall.h>
#include "work_common.h"

int main(int argc, char **argv)
{
	long n = work_n(argc, argv, 100000);
	work_start();
	for (long i = 0; i < n; i++)
		syscall(SYS_getppid); /* glibc never caches getppid; be explicit */
	work_stop(argc, argv, n);
	return 0;
}
