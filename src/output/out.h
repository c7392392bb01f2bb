/* SPDX-License-Identifier: MIT */
/* Buffered output to a file descriptor, shared by every sink. */
#ifndef RN_OUTPUT_OUT_H
#define RN_OUTPUT_OUT_H

#include <stdbool.h>
#include <stdint.h>

#include "util/buf.h"

#define OUT_FLUSH_AT 65536
#define OUT_FLUSH_NS 50000000u /* a file is never more than 50 ms behind */

struct out {
	int fd;
	bool close_fd; /* owns fd */
	bool linebuf;  /* flush after each event: terminals and stderr */
	int err;       /* first write error (negative errno), then writes stop */
	uint64_t last_flush_ns;
	struct buf buf;
};

uint64_t out_clock_ns(void);

void out_init(struct out *o, int fd, bool close_fd, bool linebuf);
/* Flushes, then closes the fd when owned. */
int out_fini(struct out *o);
int out_flush(struct out *o);
/* End of an event: flush when line-buffered or the buffer is large. */
static inline int out_commit(struct out *o)
{
	if (o->linebuf || o->buf.len >= OUT_FLUSH_AT ||
	    (o->buf.len && out_clock_ns() - o->last_flush_ns >= OUT_FLUSH_NS))
		return out_flush(o);
	return 0;
}

#endif
