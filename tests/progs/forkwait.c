/* SPDX-License-Identifier: MIT */
/* Forks a child that writes a marker and exits 7; the parent waits. */
#include <sys/wait.h>
#include <unistd.h>

int main(void)
{
	int status = 0;
	pid_t pid = fork();

	if (pid == 0) {
		if (write(1, "child\n", 6) < 0)
			_exit(1);
		_exit(7);
	}
	waitpid(pid, &status, 0);
	return WIFEXITED(status) && WEXITSTATUS(status) == 7 ? 0 : 1;
}
