/* SPDX-License-Identifier: MIT */
/* Growable byte buffer. */
#include "util/buf.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void buf_init(struct buf *b)
{
	b->data = NULL;
	b->len = 0;
	b->cap = 0;
}

void buf_fini(struct buf *b)
{
	free(b->data);
	buf_init(b);
}

void buf_reset(struct buf *b)
{
	b->len = 0;
	if (b->data)
		b->data[0] = '\0';
}

int buf_reserve(struct buf *b, size_t n)
{
	size_t want = b->len + n + 1;
	size_t cap;
	char *p;

	if (want <= b->cap)
		return 0;
	cap = b->cap ? b->cap : 256;
	while (cap < want)
		cap *= 2;
	p = realloc(b->data, cap);
	if (!p)
		return -ENOMEM;
	b->data = p;
	b->cap = cap;
	return 0;
}

int buf_append(struct buf *b, const void *p, size_t n)
{
	if (buf_reserve(b, n) < 0)
		return -ENOMEM;
	memcpy(b->data + b->len, p, n);
	b->len += n;
	b->data[b->len] = '\0';
	return 0;
}

int buf_puts(struct buf *b, const char *s)
{
	return buf_append(b, s, strlen(s));
}

int buf_putc(struct buf *b, char c)
{
	if (buf_reserve(b, 1) < 0)
		return -ENOMEM;
	b->data[b->len++] = c;
	b->data[b->len] = '\0';
	return 0;
}

int buf_vprintf(struct buf *b, const char *fmt, va_list ap)
{
	va_list aq;
	int n;

	va_copy(aq, ap);
	n = vsnprintf(NULL, 0, fmt, aq);
	va_end(aq);
	if (n < 0)
		return -EINVAL;
	if (buf_reserve(b, (size_t)n) < 0)
		return -ENOMEM;
	vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
	b->len += (size_t)n;
	return 0;
}

int buf_printf(struct buf *b, const char *fmt, ...)
{
	va_list ap;
	int rc;

	va_start(ap, fmt);
	rc = buf_vprintf(b, fmt, ap);
	va_end(ap);
	return rc;
}

static int put_base(struct buf *b, unsigned long long v, unsigned base, const char *prefix)
{
	char tmp[32];
	size_t i = sizeof(tmp);

	do {
		tmp[--i] = "0123456789abcdef"[v % base];
		v /= base;
	} while (v);
	if (prefix && buf_puts(b, prefix) < 0)
		return -ENOMEM;
	return buf_append(b, tmp + i, sizeof(tmp) - i);
}

int buf_put_u64(struct buf *b, unsigned long long v)
{
	return put_base(b, v, 10, NULL);
}

int buf_put_i64(struct buf *b, long long v)
{
	if (v < 0) {
		if (buf_putc(b, '-') < 0)
			return -ENOMEM;
		return put_base(b, 0ULL - (unsigned long long)v, 10, NULL);
	}
	return put_base(b, (unsigned long long)v, 10, NULL);
}

int buf_put_hex(struct buf *b, unsigned long long v)
{
	return put_base(b, v, 16, "0x");
}

int buf_put_oct(struct buf *b, unsigned long long v)
{
	if (v == 0)
		return buf_putc(b, '0');
	return put_base(b, v, 8, "0");
}

int buf_pad(struct buf *b, char c, size_t n)
{
	if (buf_reserve(b, n) < 0)
		return -ENOMEM;
	memset(b->data + b->len, c, n);
	b->len += n;
	b->data[b->len] = '\0';
	return 0;
}

int buf_put_i64_width(struct buf *b, long long v, int width)
{
	size_t start = b->len, n, w = (size_t)(width < 0 ? -width : width);
	int rc = buf_put_i64(b, v);

	n = b->len - start;
	if (rc < 0 || n >= w)
		return rc;
	if (width < 0)
		return buf_pad(b, ' ', w - n);
	/* right-align: shift the digits up and pad in front */
	if (buf_pad(b, ' ', w - n) < 0)
		return -ENOMEM;
	memmove(b->data + start + (w - n), b->data + start, n);
	memset(b->data + start, ' ', w - n);
	return 0;
}

char *buf_detach(struct buf *b)
{
	char *p = b->data;

	if (!p)
		p = calloc(1, 1);
	buf_init(b);
	return p;
}
