/* SPDX-License-Identifier: MIT */
/* N iterations of openat + close (2N calls) on a regular file (this
 * program's own binary, argv[0]): path decoding, and the one workload where
 * `-e trace=openat` has something to print.  Usage: work_openat N [TIMEFILE] */
#include "work_common.h"

int main(int argc, char **argv)
{
	long n = work_n(argc, argv, 50000);
	const char *path = argv[0];
	work_start();
	for (long i = 0; i < n; i++) {
		int fd = openat(AT_FDCWD, path, O_RDONLY | O_CLOEXEC);
		if (fd < 0) {
			perror(path);
			return 1;
		}
		close(fd);
	}
	work_stop(argc, argv, 2 * n);
	return 0;
}
