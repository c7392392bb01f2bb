/* SPDX-License-Identifier: MIT */
/* Exercises signal syscalls for the strace differential test. */
#include <signal.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static void on_usr1(int sig)
{
	(void)sig;
}

int main(void)
{
	struct sigaction sa, old;
	sigset_t set, oldset;
	stack_t ss = { 0 };
	static char stack[16384];
	struct timespec ts = { 0, 1000 };
	siginfo_t info;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_usr1;
	sigemptyset(&sa.sa_mask);
	sigaddset(&sa.sa_mask, SIGINT);
	sa.sa_flags = SA_RESTART | SA_NOCLDSTOP;
	sigaction(SIGUSR1, &sa, &old);
	sa.sa_handler = SIG_IGN;
	sa.sa_flags = 0;
	sigaction(SIGPIPE, &sa, NULL);
	sigaction(SIGTERM, NULL, &old);
	sigemptyset(&set);
	sigaddset(&set, SIGINT);
	sigaddset(&set, SIGTERM);
	sigprocmask(SIG_BLOCK, &set, &oldset);
	sigprocmask(SIG_UNBLOCK, &set, NULL);
	sigprocmask(SIG_SETMASK, &oldset, NULL);
	raise(SIGUSR1);
	ss.ss_sp = stack;
	ss.ss_size = sizeof(stack);
	sigaltstack(&ss, NULL);
	sigaltstack(NULL, &ss);
	sigaddset(&set, SIGUSR2);
	sigprocmask(SIG_BLOCK, &set, NULL);
	sigtimedwait(&set, &info, &ts);
	sigpending(&set);
	return 0;
}
