/* SPDX-License-Identifier: MIT */
/* Exercises process syscalls for the strace differential test. */
#include <sched.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/personality.h>
#include <sys/prctl.h>
#include <sys/random.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/sysinfo.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <unistd.h>

int main(void)
{
	struct rlimit rl;
	struct rusage ru;
	struct utsname un;
	struct sysinfo si;
	char rnd[8];
	siginfo_t info;
	pid_t pid;
	int st;

	getpid();
	getppid();
	syscall(SYS_gettid);
	getuid();
	geteuid();
	getgid();
	getegid();
	getpgrp();
	getrlimit(RLIMIT_NOFILE, &rl);
	setrlimit(RLIMIT_NOFILE, &rl);
	prlimit(0, RLIMIT_CORE, NULL, &rl);
	getrusage(RUSAGE_SELF, &ru);
	uname(&un);
	sysinfo(&si);
	getrandom(rnd, sizeof(rnd), GRND_NONBLOCK);
	prctl(PR_SET_NAME, "famproc");
	prctl(PR_GET_DUMPABLE);
	prctl(PR_SET_PDEATHSIG, SIGTERM);
	personality(0xffffffff);
	sched_yield();
	sched_getscheduler(0);
	setuid(getuid());
	setgid(getgid());
	pid = fork();
	if (pid == 0)
		_exit(3);
	wait4(pid, &st, 0, NULL);
	pid = fork();
	if (pid == 0) {
		pause();
		_exit(0);
	}
	kill(pid, SIGTERM);
	waitid(P_PID, pid, &info, WEXITED);
	pid = vfork();
	if (pid == 0)
		_exit(0);
	waitpid(-1, &st, WNOHANG);
	tgkill(getpid(), syscall(SYS_gettid), 0);
	kill(getpid(), 0);
	return 0;
}
