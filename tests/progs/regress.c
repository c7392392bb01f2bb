/* SPDX-License-Identifier: MIT */
/* A program in several versions for compare's tests. By default it opens
 * /dev/null, writes 4 KiB to it in four 1 KiB writes, maps and unmaps one
 * anonymous page, closes and exits. --leak-mmap: also maps 16 anonymous
 * 64 KiB regions and never unmaps them; --extra-open: also opens (and
 * closes) /etc/passwd; --byte-writes: writes the 4 KiB one byte at a time.
 * No stdio, no malloc: only these calls differ from the loader's. */
#include <fcntl.h>
#include <stdbool.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#define LEAKS	  16
#define LEAK_SIZE (64 * 1024)

static char data[4096];

int main(int argc, char **argv)
{
	bool leak = false, extra = false, bytes = false;
	size_t i;
	void *p;
	int fd, k;

	for (k = 1; k < argc; k++) {
		if (!strcmp(argv[k], "--leak-mmap"))
			leak = true;
		else if (!strcmp(argv[k], "--extra-open"))
			extra = true;
		else if (!strcmp(argv[k], "--byte-writes"))
			bytes = true;
		else
			return 2;
	}
	fd = open("/dev/null", O_WRONLY);
	if (fd < 0)
		return 1;
	if (extra) {
		int e = open("/etc/passwd", O_RDONLY);

		if (e >= 0)
			close(e);
	}
	if (bytes) {
		for (i = 0; i < sizeof(data); i++)
			if (write(fd, data + i, 1) != 1)
				return 1;
	} else {
		for (i = 0; i < sizeof(data); i += 1024)
			if (write(fd, data + i, 1024) != 1024)
				return 1;
	}
	p = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (p == MAP_FAILED || munmap(p, 4096) < 0)
		return 1;
	for (i = 0; leak && i < LEAKS; i++)
		if (mmap(NULL, LEAK_SIZE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1,
			 0) == MAP_FAILED)
			return 1;
	close(fd);
	return 0;
}
