/* SPDX-License-Identifier: MIT */
/* One growable byte buffer for all text building. */
#ifndef RN_UTIL_BUF_H
#define RN_UTIL_BUF_H

#include <stddef.h>
#include <stdarg.h>

struct buf {
	char *data; /* owned; always NUL-terminated when len > 0 or cap > 0 */
	size_t len;
	size_t cap;
};

#define BUF_INIT {NULL, 0, 0}

void buf_init(struct buf *b);
void buf_fini(struct buf *b);
void buf_reset(struct buf *b);
/* Make room for n more bytes. Returns 0 or -ENOMEM. */
int buf_reserve(struct buf *b, size_t n);
int buf_append(struct buf *b, const void *p, size_t n);
int buf_puts(struct buf *b, const char *s);
int buf_putc(struct buf *b, char c);
int buf_printf(struct buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
int buf_vprintf(struct buf *b, const char *fmt, va_list ap) __attribute__((format(printf, 2, 0)));
/* Decimal and hex without printf, for the hot rendering path. */
int buf_put_i64(struct buf *b, long long v);
int buf_put_u64(struct buf *b, unsigned long long v);
int buf_put_hex(struct buf *b, unsigned long long v); /* 0x... */
int buf_put_oct(struct buf *b, unsigned long long v); /* leading 0 */
/* n copies of c. */
int buf_pad(struct buf *b, char c, size_t n);
/* Decimal padded with spaces to width: right-aligned, or left-aligned when
 * width is negative (printf's "%5lld" and "%-5lld"). */
int buf_put_i64_width(struct buf *b, long long v, int width);
/* Returns owned NUL-terminated string (caller frees); the buffer is left empty. */
char *buf_detach(struct buf *b);

#endif
