/* SPDX-License-Identifier: MIT */
/* Handles SIGUSR1 sent to itself: exits 0 only if the handler ran, so a
 * tracer that swallows the signal makes it fail. */
#include <signal.h>
#include <unistd.h>

static volatile sig_atomic_t got;

static void on_usr1(int sig)
{
	(void)sig;
	got = 1;
}

int main(void)
{
	struct sigaction sa = {0};

	sa.sa_handler = on_usr1;
	sigaction(SIGUSR1, &sa, NULL);
	kill(getpid(), SIGUSR1);
	return got ? 0 : 3;
}
