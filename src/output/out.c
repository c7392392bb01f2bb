/* SPDX-License-Identifier: MIT */
/* Buffered output to a file descriptor. */
#include "output/out.h"

#include <errno.h>
#include <time.h>
#include <unistd.h>

uint64_t out_clock_ns(void)
{
	struct timespec ts;

	/* the coarse clock is enough for a 50 ms deadline and costs less */
	clock_gettime(CLOCK_MONOTONIC_COARSE, &ts);
	return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

void out_init(struct out *o, int fd, bool close_fd, bool linebuf)
{
	o->fd = fd;
	o->close_fd = close_fd;
	o->linebuf = linebuf;
	o->err = 0;
	o->last_flush_ns = out_clock_ns();
	buf_init(&o->buf);
}

int out_flush(struct out *o)
{
	size_t off = 0;

	while (off < o->buf.len && !o->err) {
		ssize_t n = write(o->fd, o->buf.data + off, o->buf.len - off);

		if (n < 0) {
			if (errno == EINTR)
				continue;
			o->err = -errno;
			break;
		}
		off += (size_t)n;
	}
	buf_reset(&o->buf);
	if (!o->linebuf)
		o->last_flush_ns = out_clock_ns();
	return o->err;
}

int out_fini(struct out *o)
{
	int rc = out_flush(o);

	if (o->close_fd && o->fd >= 0 && close(o->fd) < 0 && !rc)
		rc = -errno;
	buf_fini(&o->buf);
	o->fd = -1;
	return rc;
}
