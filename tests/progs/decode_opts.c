/* SPDX-License-Identifier: MIT */
/* Calls whose decoding depends on -y/-yy, -v, -x and -X, and the decorations strace
 * adds to some results: a file, a pipe, a TCP connection on 127.0.0.1, a signal
 * handled while SIGINT is blocked, select with a ready descriptor, an unknown ioctl. */
#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/select.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

static void on_usr1(int sig)
{
	(void)sig;
}

int main(void)
{
	struct sockaddr_in sin = { .sin_family = AF_INET };
	socklen_t len = sizeof(sin);
	struct timeval tv = { 5, 0 };
	struct sigaction sa;
	struct stat st;
	sigset_t set;
	fd_set wfds;
	char buf[16];
	int fd, p[2], l, c, a;

	/* a file: read(3</.../rn-decode.txt>, ...) */
	fd = open("rn-decode.txt", O_RDWR | O_CREAT | O_TRUNC, 0600);
	if (fd < 0 || write(fd, "caf\xc3\xa9\n", 6) != 6)
		return 1;
	lseek(fd, 0, SEEK_SET);
	if (read(fd, buf, sizeof(buf)) < 0)
		return 1;
	fstat(fd, &st);
	close(fd);
	unlink("rn-decode.txt");

	/* a pipe, and select with its write end ready */
	if (pipe2(p, O_CLOEXEC) < 0)
		return 1;
	FD_ZERO(&wfds);
	FD_SET(p[1], &wfds);
	select(p[1] + 1, NULL, &wfds, NULL, &tv);
	close(p[0]);
	close(p[1]);

	/* TCP over the loopback: TCP:[127.0.0.1:PORT->127.0.0.1:PORT] under -yy */
	sin.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	l = socket(AF_INET, SOCK_STREAM, 0);
	if (l < 0 || bind(l, (struct sockaddr *)&sin, sizeof(sin)) < 0 || listen(l, 1) < 0 ||
	    getsockname(l, (struct sockaddr *)&sin, &len) < 0)
		return 1;
	c = socket(AF_INET, SOCK_STREAM, 0);
	if (c < 0 || connect(c, (struct sockaddr *)&sin, sizeof(sin)) < 0)
		return 1;
	a = accept(l, NULL, NULL);
	if (a < 0 || write(c, "x", 1) != 1 || read(a, buf, 1) != 1)
		return 1;
	close(a);
	close(c);
	close(l);

	/* an ioctl request no table knows: _IOC(_IOC_READ, 0x54, 0x99, 0x4) */
	fd = open("/dev/null", O_RDONLY);
	ioctl(fd, _IOR('T', 0x99, int), buf);
	close(fd);

	/* the handler runs with SIGINT blocked: rt_sigreturn({mask=[INT]}) */
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_usr1;
	sigaction(SIGUSR1, &sa, NULL);
	sigemptyset(&set);
	sigaddset(&set, SIGINT);
	sigprocmask(SIG_BLOCK, &set, NULL);
	raise(SIGUSR1);
	return 0;
}
