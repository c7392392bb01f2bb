/* SPDX-License-Identifier: MIT */
/* Passes invalid pointers: the tracer must show the address and EFAULT. */
#include <fcntl.h>
#include <unistd.h>

int main(void)
{
	char *volatile bad = (char *)1; /* volatile: keep the compiler out of it */
	int fd = open("/dev/zero", O_RDONLY);

	if (read(fd, bad, 10) != -1)
		return 1;
	if (write(1, bad, 10) != -1)
		return 1;
	if (open(bad, O_RDONLY) != -1)
		return 1;
	return 0;
}
