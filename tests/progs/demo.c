/* SPDX-License-Identifier: MIT */
/* The demo program of `make demo`: a few calls of every common kind. */
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

int main(void)
{
	static const char data[] = "id,name\n1,a\n";
	char buf[4096];
	void *p;
	int fd, status;
	pid_t pid;

	fd = open("data.csv", O_WRONLY | O_CREAT | O_TRUNC, 0644);
	if (fd < 0 || write(fd, data, strlen(data)) < 0)
		return 1;
	close(fd);
	fd = open("data.csv", O_RDONLY | O_CLOEXEC);
	if (fd < 0 || read(fd, buf, sizeof(buf)) < 0)
		return 1;
	close(fd);
	open("/nope", O_RDONLY);
	p = mmap(NULL, 1 << 20, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (p == MAP_FAILED)
		return 1;
	munmap(p, 1 << 20);
	if (write(1, "Processing...\n", 14) < 0)
		return 1;
	pid = fork();
	if (pid == 0)
		_exit(0);
	waitpid(pid, &status, 0);
	unlink("data.csv");
	return 0;
}
