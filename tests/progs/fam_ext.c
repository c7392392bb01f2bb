/* SPDX-License-Identifier: MIT */
/* Exercises calls with structure arguments beyond the basic families (openat2,
 * utimensat, sched_*, capget/capset, execveat, mq_*, sendmmsg/recvmmsg, fanotify)
 * for the strace differential test. Results do not matter, only the decoding. */
#include <fcntl.h>
#include <linux/capability.h>
#include <linux/openat2.h>
#include <mqueue.h>
#include <sched.h>
#include <string.h>
#include <sys/fanotify.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

int main(void)
{
	struct open_how how = { .flags = O_RDONLY | O_CLOEXEC, .resolve = RESOLVE_NO_SYMLINKS };
	struct timespec ts[2] = { { 1, 2 }, { 0, UTIME_OMIT } };
	struct timespec now[2] = { { 0, UTIME_NOW }, { 0, UTIME_NOW } };
	struct __user_cap_header_struct hdr = { _LINUX_CAPABILITY_VERSION_3, 0 };
	struct __user_cap_data_struct data[2];
	struct sched_param sp = { 0 };
	struct mq_attr attr = { .mq_maxmsg = 4, .mq_msgsize = 16 };
	struct mmsghdr mm[2];
	struct iovec iov[2];
	char m1[] = "one", m2[] = "two", r1[8], r2[8];
	char *argv[] = { "x", NULL }, *envp[] = { NULL };
	struct timespec far = { 4102444800, 0 };
	struct timespec wait = { 1, 0 };
	cpu_set_t set;
	unsigned prio;
	int fd, sv[2];
	mqd_t q;

	fd = (int)syscall(SYS_openat2, AT_FDCWD, "/dev/null", &how, sizeof(how));
	close(fd);
	utimensat(AT_FDCWD, "/tmp", ts, AT_SYMLINK_NOFOLLOW);
	utimensat(AT_FDCWD, "/nonexistent-rn", now, 0);
	utimensat(AT_FDCWD, "/nonexistent-rn", NULL, 0);
	CPU_ZERO(&set);
	sched_getaffinity(0, sizeof(set), &set);
	CPU_ZERO(&set);
	CPU_SET(0, &set);
	sched_setaffinity(0, sizeof(set), &set);
	sched_getparam(0, &sp);
	sched_setscheduler(0, SCHED_OTHER, &sp);
	syscall(SYS_capget, &hdr, data);
	syscall(SYS_capset, &hdr, data);
	syscall(SYS_execveat, AT_FDCWD, "/nonexistent-rn", argv, envp, 0);
	mq_unlink("/rn-fam-ext");
	q = mq_open("/rn-fam-ext", O_RDWR | O_CREAT | O_EXCL, 0600, &attr);
	if (q != (mqd_t)-1) {
		mq_timedsend(q, m1, 3, 1, &far);
		mq_timedreceive(q, r1, sizeof(r1), &prio, &far);
		close(q);
		mq_unlink("/rn-fam-ext");
	}
	socketpair(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0, sv);
	memset(mm, 0, sizeof(mm));
	iov[0] = (struct iovec){ m1, 3 };
	iov[1] = (struct iovec){ m2, 3 };
	mm[0].msg_hdr.msg_iov = &iov[0];
	mm[0].msg_hdr.msg_iovlen = 1;
	mm[1].msg_hdr.msg_iov = &iov[1];
	mm[1].msg_hdr.msg_iovlen = 1;
	sendmmsg(sv[0], mm, 2, 0);
	iov[0] = (struct iovec){ r1, sizeof(r1) };
	iov[1] = (struct iovec){ r2, sizeof(r2) };
	recvmmsg(sv[1], mm, 2, MSG_DONTWAIT, NULL);
	/* one message sent, then received with a timeout: "= 1 (left {...})"; then none */
	iov[0] = (struct iovec){ m1, 3 };
	sendmmsg(sv[0], mm, 1, 0);
	iov[0] = (struct iovec){ r1, sizeof(r1) };
	recvmmsg(sv[1], mm, 2, MSG_DONTWAIT, &wait);
	recvmmsg(sv[1], mm, 2, MSG_DONTWAIT, &wait);
	fd = fanotify_init(FAN_CLASS_NOTIF | FAN_CLOEXEC | FAN_NONBLOCK, O_RDONLY | O_LARGEFILE);
	fanotify_mark(fd, FAN_MARK_ADD, FAN_OPEN | FAN_CLOSE_WRITE, AT_FDCWD, "/tmp");
	return 0;
}
