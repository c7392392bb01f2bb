/* SPDX-License-Identifier: MIT */
/* A second thread calls execve: the tracer must follow the exec'd program,
 * which runs under the thread group leader's pid. */
#include <pthread.h>
#include <unistd.h>

static void *worker(void *arg)
{
	char *const argv[] = {(char *)arg, "42", NULL};

	execv(arg, argv);
	return NULL;
}

int main(int argc, char **argv)
{
	pthread_t t;

	if (argc < 2)
		return 2;
	pthread_create(&t, NULL, worker, argv[1]);
	pthread_join(t, NULL);
	return 1; /* only reached when execv failed */
}
