/* SPDX-License-Identifier: MIT */
/* Exercises time, futex, poll, select and epoll syscalls for the strace differential test. */
#include <linux/futex.h>
#include <poll.h>
#include <sched.h>
#include <sys/epoll.h>
#include <sys/select.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

int main(void)
{
	struct timespec ts = { 0, 1000000 }, rem;
	struct timeval tv = { 0, 1000 };
	struct pollfd pfd[2];
	struct epoll_event ev = { .events = EPOLLIN | EPOLLOUT, .data.u64 = 7 }, evs[4];
	fd_set rfds, wfds;
	int p[2], ep, fut = 0;

	nanosleep(&ts, &rem);
	clock_nanosleep(CLOCK_MONOTONIC, 0, &ts, NULL);
	syscall(SYS_clock_gettime, CLOCK_REALTIME, &ts);
	syscall(SYS_clock_getres, CLOCK_MONOTONIC, &ts);
	syscall(SYS_gettimeofday, &tv, NULL);
	if (pipe(p) < 0)
		return 1;
	pfd[0].fd = p[0];
	pfd[0].events = POLLIN;
	pfd[1].fd = p[1];
	pfd[1].events = POLLOUT;
	poll(pfd, 2, 0);
	ts.tv_nsec = 1000;
	ppoll(pfd, 1, &ts, NULL);
	FD_ZERO(&rfds);
	FD_ZERO(&wfds);
	FD_SET(p[0], &rfds);
	FD_SET(p[1], &wfds);
	tv.tv_usec = 0;
	select(p[1] + 1, &rfds, &wfds, NULL, &tv);
	ep = epoll_create1(EPOLL_CLOEXEC);
	epoll_ctl(ep, EPOLL_CTL_ADD, p[1], &ev);
	epoll_wait(ep, evs, 4, 0);
	epoll_pwait(ep, evs, 4, 0, NULL);
	epoll_ctl(ep, EPOLL_CTL_DEL, p[1], NULL);
	syscall(SYS_futex, &fut, FUTEX_WAKE_PRIVATE, 1, NULL, NULL, 0);
	syscall(SYS_futex, &fut, FUTEX_WAIT, 1, &ts, NULL, 0);
	sched_yield();
	return 0;
}
