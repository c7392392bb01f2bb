/* SPDX-License-Identifier: MIT */
/* 4 threads, each making N/4 getppid calls (N in all); the loop time covers
 * thread creation to the last join.  Usage: work_threads N [TIMEFILE] */
#include <pthread.h>
#include <sys/syscall.h>
#include "work_common.h"

#define NTHREADS 4

static void *worker(void *arg)
{
	long n = *(long *)arg;
	for (long i = 0; i < n; i++)
		syscall(SYS_getppid);
	return NULL;
}

int main(int argc, char **argv)
{
	long per = work_n(argc, argv, 100000) / NTHREADS;
	pthread_t t[NTHREADS];
	work_start();
	for (int i = 0; i < NTHREADS; i++)
		if (pthread_create(&t[i], NULL, worker, &per) != 0)
			return 1;
	for (int i = 0; i < NTHREADS; i++)
		pthread_join(t[i], NULL);
	work_stop(argc, argv, per * NTHREADS);
	return 0;
}
