/* SPDX-License-Identifier: MIT */
/* 4 child processes, each making N/4 getppid calls (N in all); the loop time
 * covers the first fork to the last wait.  Usage: work_fork N [TIMEFILE] */
#include <sys/syscall.h>
#include <sys/wait.h>
#include "work_common.h"

#define NCHILDREN 4

int main(int argc, char **argv)
{
	long per = work_n(argc, argv, 100000) / NCHILDREN;
	pid_t pids[NCHILDREN];
	work_start();
	for (int i = 0; i < NCHILDREN; i++) {
		pids[i] = fork();
		if (pids[i] < 0)
			return 1;
		if (pids[i] == 0) {
			for (long j = 0; j < per; j++)
				syscall(SYS_getppid);
			_exit(0);
		}
	}
	int bad = 0;
	for (int i = 0; i < NCHILDREN; i++) {
		int st;
		if (waitpid(pids[i], &st, 0) < 0 || !WIFEXITED(st) || WEXITSTATUS(st) != 0)
			bad = 1;
	}
	work_stop(argc, argv, per * NCHILDREN);
	return bad;
}
