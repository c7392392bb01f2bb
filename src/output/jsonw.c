/* SPDX-License-Identifier: MIT */
/* JSON text writing: escaped strings, double-safe integers, UTC times. */
#include "output/jsonw.h"

#include <errno.h>
#include <string.h>
#include <time.h>

#include "util/buf.h"

static const char hexdig[] = "0123456789abcdef";

/* Length of the well-formed UTF-8 sequence starting at s (Unicode 15,
 * table 3-7), or 0 when the first byte does not begin one. */
static size_t utf8_seq_len(const unsigned char *s, size_t avail)
{
	unsigned char c = s[0];
	unsigned char lo = 0x80, hi = 0xbf;
	size_t n, i;

	if (c >= 0xc2 && c <= 0xdf)
		n = 2;
	else if (c >= 0xe0 && c <= 0xef)
		n = 3;
	else if (c >= 0xf0 && c <= 0xf4)
		n = 4;
	else
		return 0;
	if (c == 0xe0)
		lo = 0xa0; /* overlong */
	else if (c == 0xed)
		hi = 0x9f; /* surrogates */
	else if (c == 0xf0)
		lo = 0x90; /* overlong */
	else if (c == 0xf4)
		hi = 0x8f; /* above U+10FFFF */
	if (avail < n || s[1] < lo || s[1] > hi)
		return 0;
	for (i = 2; i < n; i++)
		if (s[i] < 0x80 || s[i] > 0xbf)
			return 0;
	return n;
}

static void put_u_escape(char *d, unsigned hi, unsigned char c)
{
	d[0] = '\\';
	d[1] = 'u';
	d[2] = hexdig[(hi >> 4) & 0xf];
	d[3] = hexdig[hi & 0xf];
	d[4] = hexdig[c >> 4];
	d[5] = hexdig[c & 0xf];
}

int jsonw_escape(struct buf *b, const char *str, size_t len)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t i = 0;

	/* Worst case 6 bytes out per byte in: reserve once, then write directly. */
	if (len > (SIZE_MAX - 8) / 6 || buf_reserve(b, len * 6) < 0)
		return -ENOMEM;
	while (i < len) {
		char *d = b->data + b->len;
		unsigned char c = s[i];
		size_t run = i, n;

		/* The common case: a run of printable ASCII. */
		while (run < len && s[run] >= 0x20 && s[run] < 0x7f && s[run] != '"' &&
		       s[run] != '\\')
			run++;
		if (run > i) {
			memcpy(d, s + i, run - i);
			b->len += run - i;
			i = run;
			continue;
		}
		if (c >= 0x80) {
			n = utf8_seq_len(s + i, len - i);
			if (n) {
				memcpy(d, s + i, n);
				b->len += n;
				i += n;
			} else {
				put_u_escape(d, 0xdc, c);
				b->len += 6;
				i++;
			}
			continue;
		}
		d[0] = '\\';
		switch (c) {
		case '"': d[1] = '"'; break;
		case '\\': d[1] = '\\'; break;
		case '\n': d[1] = 'n'; break;
		case '\t': d[1] = 't'; break;
		case '\r': d[1] = 'r'; break;
		case '\b': d[1] = 'b'; break;
		case '\f': d[1] = 'f'; break;
		default:
			put_u_escape(d, 0, c);
			b->len += 4; /* 6 in all */
			break;
		}
		b->len += 2;
		i++;
	}
	b->data[b->len] = '\0';
	return 0;
}

int jsonw_string(struct buf *b, const char *s, size_t len)
{
	if (buf_putc(b, '"') < 0 || jsonw_escape(b, s, len) < 0)
		return -ENOMEM;
	return buf_putc(b, '"');
}

int jsonw_str(struct buf *b, const char *s)
{
	if (!s)
		return jsonw_null(b);
	return jsonw_string(b, s, strlen(s));
}

int jsonw_key(struct buf *b, const char *key)
{
	if (jsonw_str(b, key) < 0)
		return -ENOMEM;
	return buf_putc(b, ':');
}

static int put_hex_string(struct buf *b, uint64_t v)
{
	buf_putc(b, '"');
	buf_put_hex(b, v);
	return buf_putc(b, '"');
}

int jsonw_i64(struct buf *b, int64_t v)
{
	if (v > JSONW_MAX_SAFE_INT || v < -JSONW_MAX_SAFE_INT)
		return put_hex_string(b, (uint64_t)v);
	return buf_put_i64(b, v);
}

int jsonw_u64(struct buf *b, uint64_t v)
{
	if (v > (uint64_t)JSONW_MAX_SAFE_INT)
		return put_hex_string(b, v);
	return buf_put_u64(b, v);
}

int jsonw_bool(struct buf *b, bool v)
{
	return buf_puts(b, v ? "true" : "false");
}

int jsonw_null(struct buf *b)
{
	return buf_puts(b, "null");
}

int jsonw_utc_time(struct buf *b, uint64_t ns)
{
	time_t sec = (time_t)(ns / 1000000000u);
	char tmp[64];
	struct tm tm;

	if (!gmtime_r(&sec, &tm) || !strftime(tmp, sizeof(tmp), "%Y-%m-%dT%H:%M:%S", &tm))
		return jsonw_null(b);
	return buf_printf(b, "\"%s.%09uZ\"", tmp, (unsigned)(ns % 1000000000u));
}
