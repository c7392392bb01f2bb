/* SPDX-License-Identifier: MIT */
/* Exercises memory-mapping syscalls for the strace differential test. */
#include <linux/membarrier.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>

int main(void)
{
	char *p = mmap(NULL, 65536, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	char *q;

	mprotect(p, 4096, PROT_READ);
	mprotect(p, 4096, PROT_NONE);
	madvise(p, 8192, MADV_DONTNEED);
	madvise(p, 8192, MADV_WILLNEED);
	mlock(p + 8192, 4096);
	munlock(p + 8192, 4096);
	msync(p, 4096, MS_ASYNC);
	q = mremap(p, 65536, 131072, MREMAP_MAYMOVE);
	mlockall(MCL_CURRENT | MCL_FUTURE);
	munlockall();
	syscall(SYS_membarrier, MEMBARRIER_CMD_QUERY, 0, 0);
	munmap(q, 131072);
	mmap(NULL, 4096, PROT_READ, MAP_SHARED | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
	mmap((void *)0x10000, 4096, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE,
	     -1, 0);
	sbrk(0);
	return 0;
}
