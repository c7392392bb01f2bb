/* SPDX-License-Identifier: MIT */
/* Writes strings that need escaping and truncation to /dev/null. */
#include <fcntl.h>
#include <unistd.h>

int main(void)
{
	static const char bin[] = "\x7f" "ELF\x02\x01\x01\0\0\x01" "2\t\n\"\\";
	static const char longs[] = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJ";
	int fd = open("/dev/null", O_WRONLY);

	if (write(fd, bin, sizeof(bin) - 1) < 0 || write(fd, longs, sizeof(longs) - 1) < 0)
		return 1;
	return 0;
}
