/* SPDX-License-Identifier: MIT */
/* Exercises file and descriptor syscalls for the strace differential test. */
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/eventfd.h>
#include <sys/file.h>
#include <sys/inotify.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/sendfile.h>
#include <sys/signalfd.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/timerfd.h>
#include <sys/uio.h>
#include <termios.h>
#include <unistd.h>

int main(void)
{
	char buf[256];
	struct iovec iov[2] = { { buf, 5 }, { buf + 5, 7 } };
	struct flock fl = { .l_type = F_RDLCK, .l_whence = SEEK_SET, .l_start = 0, .l_len = 10 };
	struct itimerspec its = { { 0, 0 }, { 100, 0 } };
	struct winsize ws;
	struct termios tio;
	sigset_t ss;
	int fd, fd2, p[2], n = 0;
	off_t off = 0;

	fd = open("f.txt", O_RDWR | O_CREAT | O_TRUNC, 0640);
	if (write(fd, "hello world\n", 12) < 0)
		return 1;
	lseek(fd, 0, SEEK_SET);
	readv(fd, iov, 2);
	lseek(fd, 2, SEEK_CUR);
	lseek(fd, 0, SEEK_END);
	writev(fd, iov, 2);
	pread(fd, buf, 4, 1);
	pwrite(fd, "xy", 2, 3);
	preadv2(fd, iov, 2, 0, 0);
	pwritev2(fd, iov, 1, 0, RWF_SYNC);
	fd2 = dup(fd);
	dup2(fd, 10);
	dup3(fd, 11, O_CLOEXEC);
	fcntl(fd, F_GETFD);
	fcntl(fd, F_SETFD, FD_CLOEXEC);
	fcntl(fd, F_GETFL);
	fcntl(fd, F_SETFL, O_APPEND | O_NONBLOCK);
	fcntl(fd, F_DUPFD, 20);
	fcntl(fd, F_DUPFD_CLOEXEC, 30);
	fcntl(fd, F_SETLK, &fl);
	fcntl(fd, F_GETLK, &fl);
	flock(fd, LOCK_EX | LOCK_NB);
	flock(fd, LOCK_UN);
	fsync(fd);
	fdatasync(fd);
	ftruncate(fd, 100);
	truncate("f.txt", 50);
	ioctl(0, TCGETS, &tio);
	ioctl(1, TIOCGWINSZ, &ws);
	ioctl(fd, FIONREAD, &n);
	ioctl(fd, FIOCLEX);
	ioctl(fd, FIONCLEX);
	n = 1;
	ioctl(fd, FIONBIO, &n);
	pipe(p);
	pipe2(p, O_CLOEXEC | O_NONBLOCK);
	sendfile(p[1], fd, &off, 10);
	copy_file_range(fd, NULL, fd2, NULL, 0, 0);
	splice(fd, NULL, p[1], NULL, 4, SPLICE_F_NONBLOCK);
	close(fd2);
	close_range(20, 40, 0);
	getcwd(buf, sizeof(buf));
	mkdir("d", 0755);
	mkdirat(AT_FDCWD, "d/e", 0700);
	chdir("d");
	chdir("..");
	fd2 = open("d", O_RDONLY | O_DIRECTORY);
	fchdir(fd2);
	chdir("..");
	symlink("f.txt", "s.lnk");
	symlinkat("f.txt", AT_FDCWD, "s2.lnk");
	readlink("s.lnk", buf, sizeof(buf));
	readlinkat(AT_FDCWD, "s2.lnk", buf, 3);
	link("f.txt", "h.txt");
	linkat(AT_FDCWD, "h.txt", AT_FDCWD, "h2.txt", 0);
	rename("h.txt", "h3.txt");
	renameat(AT_FDCWD, "h3.txt", AT_FDCWD, "h4.txt");
	renameat2(AT_FDCWD, "h4.txt", AT_FDCWD, "h5.txt", RENAME_NOREPLACE);
	chmod("f.txt", 0600);
	fchmod(fd, 0644);
	fchmodat(AT_FDCWD, "f.txt", 0640, 0);
	chown("f.txt", -1, -1);
	fchown(fd, getuid(), -1);
	lchown("s.lnk", -1, -1);
	fchownat(AT_FDCWD, "f.txt", -1, -1, AT_SYMLINK_NOFOLLOW);
	access("f.txt", R_OK | W_OK);
	access("nope", F_OK);
	faccessat(AT_FDCWD, "f.txt", X_OK, 0);
	syscall(SYS_faccessat2, AT_FDCWD, "f.txt", R_OK, AT_EACCESS);
	umask(022);
	utimensat(AT_FDCWD, "f.txt", NULL, 0);
	unlink("s.lnk");
	unlinkat(AT_FDCWD, "s2.lnk", 0);
	unlinkat(fd2, "e", AT_REMOVEDIR);
	rmdir("d");
	unlink("h2.txt");
	unlink("h5.txt");
	fd2 = inotify_init1(IN_CLOEXEC);
	n = inotify_add_watch(fd2, ".", IN_CREATE | IN_DELETE);
	inotify_rm_watch(fd2, n);
	close(fd2);
	fd2 = memfd_create("mem", MFD_CLOEXEC);
	close(fd2);
	fd2 = eventfd(3, EFD_CLOEXEC | EFD_NONBLOCK);
	close(fd2);
	fd2 = timerfd_create(CLOCK_MONOTONIC, TFD_CLOEXEC);
	timerfd_settime(fd2, 0, &its, NULL);
	timerfd_gettime(fd2, &its);
	close(fd2);
	sigemptyset(&ss);
	sigaddset(&ss, SIGUSR1);
	fd2 = signalfd(-1, &ss, SFD_CLOEXEC);
	close(fd2);
	fd2 = creat("c.txt", 0600);
	close(fd2);
	fd2 = openat(AT_FDCWD, "nodir/x", O_WRONLY | O_CREAT | O_EXCL, 0600);
	unlink("c.txt");
	unlink("f.txt");
	close(fd);
	return 0;
}
