/* SPDX-License-Identifier: MIT */
/* Exercises socket syscalls for the strace differential test. */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

int main(void)
{
	struct sockaddr_in sin = { .sin_family = AF_INET, .sin_port = htons(1) };
	struct sockaddr_in6 sin6 = { .sin6_family = AF_INET6, .sin6_port = htons(1) };
	struct sockaddr_un sun = { .sun_family = AF_UNIX };
	struct sockaddr_storage ss;
	socklen_t len = sizeof(ss);
	int one = 1, sv[2], s, fd;
	char buf[64], cbuf[CMSG_SPACE(sizeof(int))];
	struct iovec iov = { buf, 5 };
	struct msghdr mh = { .msg_iov = &iov, .msg_iovlen = 1 };
	struct cmsghdr *cm;

	sin.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	sin6.sin6_addr = in6addr_loopback;
	s = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, IPPROTO_TCP);
	setsockopt(s, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
	setsockopt(s, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
	len = sizeof(one);
	getsockopt(s, SOL_SOCKET, SO_TYPE, &one, &len);
	bind(s, (struct sockaddr *)&sin, sizeof(sin));
	connect(s, (struct sockaddr *)&sin, sizeof(sin));
	close(s);
	s = socket(AF_INET6, SOCK_DGRAM, 0);
	connect(s, (struct sockaddr *)&sin6, sizeof(sin6));
	close(s);
	s = socket(AF_UNIX, SOCK_STREAM, 0);
	strcpy(sun.sun_path, "sock");
	bind(s, (struct sockaddr *)&sun, sizeof(sun));
	listen(s, 5);
	len = sizeof(ss);
	getsockname(s, (struct sockaddr *)&ss, &len);
	fd = socket(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK, 0);
	connect(fd, (struct sockaddr *)&sun, sizeof(sun));
	len = sizeof(ss);
	getpeername(fd, (struct sockaddr *)&ss, &len);
	close(fd);
	fd = accept4(s, NULL, NULL, SOCK_CLOEXEC);
	close(fd);
	close(s);
	unlink("sock");
	socketpair(AF_UNIX, SOCK_DGRAM, 0, sv);
	sendto(sv[0], "hello", 5, MSG_DONTWAIT, NULL, 0);
	recvfrom(sv[1], buf, sizeof(buf), 0, NULL, NULL);
	mh.msg_control = cbuf;
	mh.msg_controllen = sizeof(cbuf);
	cm = CMSG_FIRSTHDR(&mh);
	cm->cmsg_level = SOL_SOCKET;
	cm->cmsg_type = SCM_RIGHTS;
	cm->cmsg_len = CMSG_LEN(sizeof(int));
	memcpy(CMSG_DATA(cm), &sv[0], sizeof(int));
	sendmsg(sv[0], &mh, 0);
	iov.iov_len = sizeof(buf);
	mh.msg_controllen = sizeof(cbuf);
	recvmsg(sv[1], &mh, 0);
	shutdown(sv[0], SHUT_RDWR);
	close(sv[0]);
	close(sv[1]);
	s = socket(AF_NETLINK, SOCK_RAW, 0);
	close(s);
	return 0;
}
