/* SPDX-License-Identifier: MIT */
/* Small helpers shared by the structure renderers (render_struct.c, render_net.c,
 * render_proc.c): unaligned reads of scratch bytes and styled constants. Internal. */
#ifndef RN_OUTPUT_RENDER_UTIL_H
#define RN_OUTPUT_RENDER_UTIL_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "output/render.h"
#include "syscalls/flags_sys.h"
#include "util/buf.h"

static inline uint64_t get64(const void *p, size_t off)
{
	uint64_t v;

	memcpy(&v, (const char *)p + off, 8);
	return v;
}

static inline uint32_t get32(const void *p, size_t off)
{
	uint32_t v;

	memcpy(&v, (const char *)p + off, 4);
	return v;
}

static inline uint16_t get16(const void *p, size_t off)
{
	uint16_t v;

	memcpy(&v, (const char *)p + off, 2);
	return v;
}

static inline void put_ptr(struct buf *b, uint64_t p)
{
	if (p)
		buf_put_hex(b, p);
	else
		buf_puts(b, "NULL");
}

/* strace -X raw prints the number of a table's constant in hex (printxval's
 * default); signals and AT_FDCWD, which are decimal, do not come through here. */
static inline enum render_num table_num(enum flag_table id)
{
	(void)id;
	return RENDER_NUM_HEX;
}

/* Runs a (buf, value) renderer and restyles its text as a -X constant. */
static inline void put_styled(struct buf *b, const struct render_opts *ro,
			      int (*fn)(struct buf *, uint64_t), uint64_t v, uint64_t shown,
			      enum render_num fmt)
{
	size_t mark = b->len;

	fn(b, v);
	render_const(b, ro, mark, shown, fmt);
}

static inline void put_table(struct buf *b, const struct render_opts *ro, enum flag_table id,
			     uint64_t v)
{
	size_t mark = b->len;

	flags_table_put(b, id, v);
	render_const(b, ro, mark, v, table_num(id));
}

/* An int-typed enum: sign-extended so that -1 finds RUSAGE_CHILDREN. */
static inline void put_enum_int(struct buf *b, const struct render_opts *ro, enum flag_table id,
				uint64_t v)
{
	uint64_t s = (uint64_t)(int64_t)(int32_t)v;

	if (flag_table_name(id, s) || table_num(id) == RENDER_NUM_DEC)
		put_table(b, ro, id, s);
	else
		put_table(b, ro, id, (uint32_t)v);
}

/* Appends the date strace shows in a comment after a time, as
 * 1970-01-01T00:00:01.000000002+0000; nothing for 0 or under -X raw. In render_struct.c. */
void render_time_comment(struct buf *b, int64_t sec, uint64_t nsec, const struct render_opts *ro);

#endif
