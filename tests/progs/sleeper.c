/* SPDX-License-Identifier: MIT */
/* Sleeps argv[1] times 100 ms (default 20), then writes "done" and exits 0.
 * Used for -p attach/detach and for kill -STOP/-CONT. */
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	int i, n = argc > 1 ? atoi(argv[1]) : 20;
	struct timespec ts = {0, 100 * 1000 * 1000};

	for (i = 0; i < n; i++) {
		nanosleep(&ts, NULL);
		getppid();
	}
	return write(1, "done\n", 5) == 5 ? 0 : 1;
}
