/* SPDX-License-Identifier: MIT */
/* The main thread, a second thread and a forked child each call getppid,
 * then open, read and close /dev/null. Exits 0 only when every open worked
 * everywhere, so a seccomp filter that makes an untraced task's selected
 * calls fail (ENOSYS) shows up in the exit status; the child exits 3. */
#include <fcntl.h>
#include <pthread.h>
#include <sys/wait.h>
#include <unistd.h>

/* The descriptor /dev/null was opened on, or -1. */
static int probe(void)
{
	char c;
	int fd;

	getppid();
	fd = open("/dev/null", O_RDONLY);
	if (fd < 0)
		return -1;
	if (read(fd, &c, 1) != 0) {
		close(fd);
		return -1;
	}
	close(fd);
	return fd;
}

static void *worker(void *arg)
{
	int *fd = arg;

	*fd = probe();
	return NULL;
}

int main(void)
{
	int thread_fd = -1, status = 0;
	pthread_t th;
	pid_t pid;

	if (probe() < 0)
		return 1;
	if (pthread_create(&th, NULL, worker, &thread_fd) || pthread_join(th, NULL))
		return 1;
	if (thread_fd < 0)
		return 1;
	pid = fork();
	if (pid == 0)
		_exit(probe() >= 0 ? 3 : 4);
	if (pid < 0 || waitpid(pid, &status, 0) != pid)
		return 1;
	return WIFEXITED(status) && WEXITSTATUS(status) == 3 ? 0 : 1;
}
