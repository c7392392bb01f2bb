/* SPDX-License-Identifier: MIT */
/* Exercises the stat family for the strace differential test. */
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <sys/syscall.h>
#include <unistd.h>

int main(void)
{
	struct stat st;
	struct statx stx;
	struct statfs sfs;
	int fd = open("/etc/passwd", O_RDONLY);

	syscall(SYS_stat, "/etc/passwd", &st);
	syscall(SYS_lstat, "/dev/null", &st);
	syscall(SYS_fstat, fd, &st);
	syscall(SYS_stat, "/nonexistent", &st);
	syscall(SYS_newfstatat, AT_FDCWD, "/tmp", &st, 0);
	syscall(SYS_newfstatat, AT_FDCWD, "/dev/null", &st, AT_SYMLINK_NOFOLLOW);
	statx(AT_FDCWD, "/etc/passwd", 0, STATX_BASIC_STATS, &stx);
	statx(fd, "", AT_EMPTY_PATH, STATX_ALL, &stx);
	statfs("/", &sfs);
	fstatfs(fd, &sfs);
	close(fd);
	return 0;
}
