/* SPDX-License-Identifier: MIT */
/* Buffered output to a file descriptor, shared by every sink. */
#ifndef RN_OUTPUT_OUT_H
#define RN_OUTPUT_OUT_H

#include <stdbool.h>

#include "util/buf.h"

#define OUT_FLUSH_AT 65536

struct out {
	int fd;
	bool close_fd; /* owns fd */
	bool linebuf;  /* flush after each event: terminals and stderr */
	int err;       /* first write error (negative errno), then writes stop */
	struct buf buf;
};

void out_init(struct out *o, int fd, bool close_fd, bool linebuf);
/* Flushes, then closes the fd when owned. */
int out_fini(struct out *o);
int out_flush(struct out *o);
/* End of an event: flush when line-buffered or the buffer is large. */
static inline int out_commit(struct out *o)
{
	if (o->linebuf || o->buf.len >= OUT_FLUSH_AT)
		return out_flush(o);
	return 0;
}

#endif
