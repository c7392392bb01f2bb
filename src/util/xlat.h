/* SPDX-License-Identifier: MIT */
/* Value-to-name tables and the renderers that turn a number into strace's text:
 * a flag set joined by '|', or one enum name with a numeric fallback. */
#ifndef RN_UTIL_XLAT_H
#define RN_UTIL_XLAT_H

#include <stddef.h>
#include <stdint.h>

struct buf;

struct xlat_item {
	uint64_t val;
	const char *name;
};

struct xlat {
	const struct xlat_item *items; /* borrowed; static table */
	size_t count;
	/* Comment for a value with no known name, strace's "PROT_???"; NULL for none. */
	const char *unknown;
};

/* Builds a struct xlat initializer from a static item array. */
#define XLAT(items_, unknown_)                                             \
	{                                                                  \
		(items_), sizeof(items_) / sizeof((items_)[0]), (unknown_) \
	}

/* How xlat_enum() shows a value the table does not know. */
enum xlat_fallback {
	XLAT_DEC, /* signed decimal: -1, 65 */
	XLAT_HEX, /* 0x5, then the table's unknown comment if it has one */
};

/* Borrowed (static table): the name of the first item equal to val, or NULL. */
const char *xlat_name(const struct xlat *x, uint64_t val);

/*
 * Appends the names of the items whose bits are all set in val, joined by '|' in
 * table order; each matched item's bits are cleared before the next is tried, so
 * a multi-bit item listed first wins over its parts. A remainder no item covers
 * is appended as |0x...; alone, it is 0x... followed by the unknown comment.
 * Items of value 0 never match a bit. For val == 0 appends zero if non-NULL,
 * else the name of the table's 0-valued item, else "0". Returns 0 or -ENOMEM.
 */
int xlat_flags(struct buf *b, const struct xlat *x, uint64_t val, const char *zero);

/*
 * Like xlat_flags() for text that continues an already printed prefix (an access
 * mode, a mapping type): every name and the remainder are preceded by '|', and
 * nothing is appended for val == 0. Returns 0 or -ENOMEM.
 */
int xlat_flags_more(struct buf *b, const struct xlat *x, uint64_t val);

/* Appends the name of val, or val in the fallback form. Returns 0 or -ENOMEM. */
int xlat_enum(struct buf *b, const struct xlat *x, uint64_t val, enum xlat_fallback fb);

#endif
