/* SPDX-License-Identifier: MIT */
/* Opens a file that does not exist: openat = -1 ENOENT. */
#include <fcntl.h>

int main(void)
{
	return open("/nonexistent/renacer-test", O_RDONLY) < 0 ? 0 : 1;
}
