/* SPDX-License-Identifier: MIT */
/* Known memory operations: mmap 1 MiB anonymous, mmap 3 anonymous pages,
 * munmap 1 page, mremap 1 page to 4 pages, sbrk(0) then sbrk(+64 KiB).
 * With the argument "none" it does nothing, so that comparing the two runs
 * isolates these calls from the loader's. No stdio, no malloc. */
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#define PAGE 4096

int main(int argc, char **argv)
{
	char *big, *three, *moved;

	if (argc > 1 && !strcmp(argv[1], "none"))
		return 0;
	big = mmap(NULL, 1 << 20, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (big == MAP_FAILED)
		return 1;
	three = mmap(NULL, 3 * PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (three == MAP_FAILED)
		return 1;
	if (munmap(three + 2 * PAGE, PAGE) < 0)
		return 1;
	moved = mremap(three, PAGE, 4 * PAGE, MREMAP_MAYMOVE);
	if (moved == MAP_FAILED)
		return 1;
	if (sbrk(0) == (void *)-1 || sbrk(64 * 1024) == (void *)-1)
		return 1;
	return 0;
}
