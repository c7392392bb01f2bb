/* SPDX-License-Identifier: MIT */
/* Buffered output to a file descriptor. */
#include "output/out.h"

#include <errno.h>
#include <unistd.h>

void out_init(struct out *o, int fd, bool close_fd, bool linebuf)
{
	o->fd = fd;
	o->close_fd = close_fd;
	o->linebuf = linebuf;
	o->err = 0;
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
