/* SPDX-License-Identifier: MIT */
/* N iterations of a 1-byte write to /dev/null and a 1-byte read from
 * /dev/zero (2N calls): calls with buffers the tracer may decode.
 * Usage: work_rw N [TIMEFILE] */
#include "work_common.h"

int main(int argc, char **argv)
{
	long n = work_n(argc, argv, 50000);
	int wfd = open("/dev/null", O_WRONLY | O_CLOEXEC);
	int rfd = open("/dev/zero", O_RDONLY | O_CLOEXEC);
	if (wfd < 0 || rfd < 0) {
		perror("open");
		return 1;
	}
	char c = 'x';
	work_start();
	for (long i = 0; i < n; i++) {
		if (write(wfd, &c, 1) != 1 || read(rfd, &c, 1) != 1)
			return 1;
		c = 'x';
	}
	work_stop(argc, argv, 2 * n);
	close(wfd);
	close(rfd);
	return 0;
}
