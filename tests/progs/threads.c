/* SPDX-License-Identifier: MIT */
/* Two threads each write a marker and call getppid; the main thread joins. */
#include <pthread.h>
#include <string.h>
#include <unistd.h>

static void *worker(void *arg)
{
	const char *msg = arg;

	if (write(1, msg, strlen(msg)) < 0)
		return NULL;
	getppid();
	return NULL;
}

int main(void)
{
	pthread_t a, b;

	pthread_create(&a, NULL, worker, "thread-a\n");
	pthread_create(&b, NULL, worker, "thread-b\n");
	pthread_join(a, NULL);
	pthread_join(b, NULL);
	return 0;
}
