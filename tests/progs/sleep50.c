/* SPDX-License-Identifier: MIT */
/* A few fast calls around one 50 ms nanosleep: -T must show the sleep as
 * lasting at least 0.05 s. */
#include <errno.h>
#include <time.h>
#include <unistd.h>

int main(void)
{
	struct timespec ts = { 0, 50 * 1000 * 1000 };

	getppid();
	getppid();
	while (nanosleep(&ts, &ts) < 0)
		if (errno != EINTR)
			return 1;
	getppid();
	return 0;
}
