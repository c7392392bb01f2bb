/* SPDX-License-Identifier: MIT */
/* Dies of SIGSEGV (no core: RLIMIT_CORE is set to 0 first). */
#include <sys/resource.h>

int main(void)
{
	struct rlimit rl = {0, 0};
	volatile int *p = (int *)8;

	setrlimit(RLIMIT_CORE, &rl);
	return *p;
}
