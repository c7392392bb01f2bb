/* SPDX-License-Identifier: MIT */
/* A streaming JSON tokenizer (RFC 8259) with grammar checking and positions.
 * Strings decode \uXXXX escapes and surrogate pairs to UTF-8; a lone
 * \udc80..\udcff gives back byte XX, the inverse of output/jsonw.c's
 * "surrogateescape" rule, so names with invalid UTF-8 read back exactly.
 * Columns count bytes from 1. */
#include "util/json_read.h"

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

enum jr_state {
	ST_TOP,	      /* a top-level value, or the end */
	ST_AFTER_TOP, /* after a top-level value: the end (or another with multi) */
	ST_OBJ_FIRST, /* after '{': a key or '}' */
	ST_OBJ_NEXT,  /* after a member: ',' or '}' */
	ST_ARR_FIRST, /* after '[': a value or ']' */
	ST_ARR_NEXT,  /* after an element: ',' or ']' */
	ST_VALUE,     /* after a key and its ':' */
};

#define REPLACEMENT_CHAR 0xfffdu

static void reset(struct json_reader *r)
{
	memset(r, 0, sizeof(*r));
	r->fd = -1;
	r->line = 1;
	r->state = ST_TOP;
	buf_init(&r->str);
}

void json_reader_init(struct json_reader *r, const char *data, size_t len)
{
	reset(r);
	r->start = r->p = data;
	r->end = data + len;
	r->eof = true;
}

int json_reader_open(struct json_reader *r, const char *path)
{
	reset(r);
	r->fd = open(path, O_RDONLY | O_CLOEXEC);
	if (r->fd < 0)
		return -errno;
	r->chunk = malloc(JR_READ_CHUNK);
	if (!r->chunk) {
		close(r->fd);
		r->fd = -1;
		return -ENOMEM;
	}
	r->start = r->p = r->end = r->chunk;
	return 0;
}

void json_reader_fini(struct json_reader *r)
{
	buf_fini(&r->str);
	free(r->chunk);
	r->chunk = NULL;
}

void json_reader_close(struct json_reader *r)
{
	if (r->fd >= 0)
		close(r->fd);
	r->fd = -1;
	json_reader_fini(r);
}

void json_reader_set_multi(struct json_reader *r, bool on)
{
	r->multi = on;
}

const char *json_reader_errmsg(const struct json_reader *r)
{
	return r->err;
}

/* Column of the byte at q, which must be in hand. */
static unsigned long col_at(const struct json_reader *r, const char *q)
{
	return (unsigned long)(r->base + (uint64_t)(q - r->start) - r->line_start + 1);
}

static int vfail_at(struct json_reader *r, unsigned long line, unsigned long col, const char *fmt,
		    va_list ap)
{
	int n;

	if (r->failed)
		return -EINVAL;
	r->failed = true;
	n = snprintf(r->err, sizeof(r->err), "%lu:%lu: ", line, col);
	if (n > 0 && (size_t)n < sizeof(r->err))
		vsnprintf(r->err + n, sizeof(r->err) - (size_t)n, fmt, ap);
	return -EINVAL;
}

static int fail_at(struct json_reader *r, unsigned long line, unsigned long col, const char *fmt,
		   ...) __attribute__((format(printf, 4, 5)));
static int fail_at(struct json_reader *r, unsigned long line, unsigned long col, const char *fmt,
		   ...)
{
	va_list ap;
	int rc;

	va_start(ap, fmt);
	rc = vfail_at(r, line, col, fmt, ap);
	va_end(ap);
	return rc;
}

/* At the next byte (the one that is wrong). */
static int fail_here(struct json_reader *r, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
static int fail_here(struct json_reader *r, const char *fmt, ...)
{
	va_list ap;
	int rc;

	va_start(ap, fmt);
	rc = vfail_at(r, r->line, col_at(r, r->p), fmt, ap);
	va_end(ap);
	return rc;
}

int json_reader_errf(struct json_reader *r, const char *fmt, ...)
{
	va_list ap;
	int rc;

	va_start(ap, fmt);
	rc = vfail_at(r, r->tok_line, r->tok_col, fmt, ap);
	va_end(ap);
	return rc;
}

int json_reader_errf_at(struct json_reader *r, unsigned long line, unsigned long col,
			const char *fmt, ...)
{
	va_list ap;
	int rc;

	va_start(ap, fmt);
	rc = vfail_at(r, line, col, fmt, ap);
	va_end(ap);
	return rc;
}

static bool refill(struct json_reader *r)
{
	ssize_t n;

	if (r->eof || r->failed)
		return false;
	do {
		n = read(r->fd, r->chunk, JR_READ_CHUNK);
	} while (n < 0 && errno == EINTR);
	if (n < 0) {
		fail_here(r, "read error: %s", strerror(errno));
		return false;
	}
	r->base += (uint64_t)(r->end - r->start);
	r->start = r->p = r->chunk;
	r->end = r->chunk + n;
	if (n == 0)
		r->eof = true;
	return n > 0;
}

static inline int peekc(struct json_reader *r)
{
	if (r->p == r->end && !refill(r))
		return -1;
	return (unsigned char)*r->p;
}

static inline int getc_jr(struct json_reader *r)
{
	int c = peekc(r);

	if (c >= 0)
		r->p++;
	return c;
}

/* The next byte that is not whitespace (not consumed), or -1 at the end. */
static int skip_ws(struct json_reader *r)
{
	for (;;) {
		const char *p = r->p, *end = r->end;

		while (p < end) {
			char c = *p;

			if (c == ' ' || c == '\t' || c == '\r') {
				p++;
			} else if (c == '\n') {
				p++;
				r->line++;
				r->line_start = r->base + (uint64_t)(p - r->start);
			} else {
				r->p = p;
				return (unsigned char)c;
			}
		}
		r->p = p;
		if (!refill(r))
			return -1;
	}
}

/* "'x'" for a printable byte, else "byte 0xNN", for messages. */
static const char *show_byte(int c, char *tmp, size_t len)
{
	if (c > 0x20 && c < 0x7f)
		snprintf(tmp, len, "'%c'", c);
	else
		snprintf(tmp, len, "byte 0x%02x", (unsigned)c & 0xff);
	return tmp;
}

static int fail_expected(struct json_reader *r, int c, const char *what)
{
	char tmp[16];

	if (c < 0)
		return fail_here(r, "unexpected end of input (truncated?): expected %s", what);
	return fail_here(r, "expected %s, found %s", what, show_byte(c, tmp, sizeof(tmp)));
}

/* ---- strings ------------------------------------------------------------- */

static int put_utf8(struct buf *b, uint32_t cp)
{
	char u[4];
	size_t n;

	if (cp < 0x80) {
		u[0] = (char)cp;
		n = 1;
	} else if (cp < 0x800) {
		u[0] = (char)(0xc0 | (cp >> 6));
		u[1] = (char)(0x80 | (cp & 0x3f));
		n = 2;
	} else if (cp < 0x10000) {
		u[0] = (char)(0xe0 | (cp >> 12));
		u[1] = (char)(0x80 | ((cp >> 6) & 0x3f));
		u[2] = (char)(0x80 | (cp & 0x3f));
		n = 3;
	} else {
		u[0] = (char)(0xf0 | (cp >> 18));
		u[1] = (char)(0x80 | ((cp >> 12) & 0x3f));
		u[2] = (char)(0x80 | ((cp >> 6) & 0x3f));
		u[3] = (char)(0x80 | (cp & 0x3f));
		n = 4;
	}
	return buf_append(b, u, n);
}

static int append_str(struct json_reader *r, const void *s, size_t n)
{
	if (r->str.len + n > JR_MAX_STRING)
		return fail_at(r, r->tok_line, r->tok_col, "string longer than %u bytes",
			       JR_MAX_STRING);
	if (buf_append(&r->str, s, n) < 0)
		return fail_here(r, "out of memory");
	return 0;
}

/* The four hex digits of \uXXXX (the "\u" is consumed). */
static int hex4(struct json_reader *r, unsigned long col, uint32_t *out)
{
	uint32_t v = 0;
	int i, c;

	for (i = 0; i < 4; i++) {
		c = getc_jr(r);
		if (c >= '0' && c <= '9')
			v = v * 16 + (uint32_t)(c - '0');
		else if (c >= 'a' && c <= 'f')
			v = v * 16 + (uint32_t)(c - 'a' + 10);
		else if (c >= 'A' && c <= 'F')
			v = v * 16 + (uint32_t)(c - 'A' + 10);
		else if (c < 0)
			return fail_here(r, "unexpected end of input in a \\u escape (truncated?)");
		else
			return fail_at(r, r->line, col,
				       "invalid \\u escape: 4 hex digits expected");
	}
	*out = v;
	return 0;
}

/* Decodes a code point of \uXXXX; *high holds a pending high surrogate. */
static int put_escaped_cp(struct json_reader *r, uint32_t u, uint32_t *high)
{
	if (*high) {
		uint32_t h = *high;

		*high = 0;
		if (u >= 0xdc00 && u <= 0xdfff)
			return put_utf8(&r->str, 0x10000 + ((h - 0xd800) << 10) + (u - 0xdc00)) < 0
				   ? fail_here(r, "out of memory")
				   : 0;
		if (put_utf8(&r->str, REPLACEMENT_CHAR) < 0)
			return fail_here(r, "out of memory");
	}
	if (u >= 0xd800 && u <= 0xdbff) {
		*high = u;
		return 0;
	}
	if (u >= 0xdc80 && u <= 0xdcff) {
		char byte = (char)(u & 0xff); /* surrogateescape: the original byte */

		return append_str(r, &byte, 1);
	}
	if (u >= 0xdc00 && u <= 0xdfff)
		u = REPLACEMENT_CHAR;
	return put_utf8(&r->str, u) < 0 ? fail_here(r, "out of memory") : 0;
}

static int flush_high(struct json_reader *r, uint32_t *high)
{
	if (!*high)
		return 0;
	*high = 0;
	return put_utf8(&r->str, REPLACEMENT_CHAR) < 0 ? fail_here(r, "out of memory") : 0;
}

/* At the opening quote. */
static int read_string(struct json_reader *r)
{
	uint32_t high = 0, u = 0;
	unsigned long col;
	int c, e;
	char ch;

	buf_reset(&r->str);
	if (buf_reserve(&r->str, 1) < 0)
		return fail_here(r, "out of memory");
	r->str.data[0] = '\0';
	r->p++;
	for (;;) {
		const char *p = r->p, *end = r->end, *s = p;

		while (p < end) {
			unsigned char b = (unsigned char)*p;

			if (b == '"' || b == '\\' || b < 0x20)
				break;
			p++;
		}
		if (p > s && (flush_high(r, &high) < 0 || append_str(r, s, (size_t)(p - s)) < 0))
			return -EINVAL;
		r->p = p;
		if (p == end) {
			if (!refill(r))
				return r->failed ? -EINVAL
						 : fail_here(r, "unexpected end of input inside a "
								"string (truncated?)");
			continue;
		}
		c = (unsigned char)*p;
		if (c == '"') {
			r->p++;
			break;
		}
		if (c < 0x20)
			return fail_here(r,
					 c == '\n' ? "line break inside a string (unterminated?)"
						   : "control character 0x%02x in a string must be "
						     "escaped",
					 (unsigned)c);
		/* a backslash */
		col = col_at(r, r->p);
		r->p++;
		e = getc_jr(r);
		if (e != 'u' && flush_high(r, &high) < 0)
			return -EINVAL;
		switch (e) {
		case '"':
		case '\\':
		case '/': ch = (char)e; break;
		case 'b': ch = '\b'; break;
		case 'f': ch = '\f'; break;
		case 'n': ch = '\n'; break;
		case 'r': ch = '\r'; break;
		case 't': ch = '\t'; break;
		case 'u':
			if (hex4(r, col, &u) < 0 || put_escaped_cp(r, u, &high) < 0)
				return -EINVAL;
			continue;
		case -1:
			return r->failed ? -EINVAL
					 : fail_here(r, "unexpected end of input inside a string "
							"(truncated?)");
		default: {
			char tmp[16];

			return fail_at(r, r->line, col, "invalid escape '\\' followed by %s",
				       show_byte(e, tmp, sizeof(tmp)));
		}
		}
		if (append_str(r, &ch, 1) < 0)
			return -EINVAL;
	}
	if (flush_high(r, &high) < 0)
		return -EINVAL;
	r->len = r->str.len;
	return 0;
}

/* ---- numbers and literals ------------------------------------------------ */

static bool is_delim(int c)
{
	return c < 0 || c == ',' || c == ']' || c == '}' || c == ' ' || c == '\t' || c == '\n' ||
	       c == '\r';
}

static int after_token(struct json_reader *r, const char *what)
{
	int c = peekc(r);
	char tmp[16];

	if (r->failed)
		return -EINVAL;
	if (!is_delim(c))
		return fail_here(r, "unexpected %s after %s", show_byte(c, tmp, sizeof(tmp)), what);
	return 0;
}

#define IS_DIGIT(c) ((c) >= '0' && (c) <= '9')

static int read_number(struct json_reader *r)
{
	uint64_t acc = 0;
	bool neg = false, ovf = false, is_int = true;
	size_t n = 0;
	int c = peekc(r);

#define PUT(ch)                                                                                    \
	do {                                                                                       \
		if (n >= JR_MAX_NUMBER)                                                            \
			return json_reader_errf(r, "number longer than %d characters",             \
						JR_MAX_NUMBER);                                    \
		r->num[n++] = (char)(ch);                                                          \
		r->p++;                                                                            \
		c = peekc(r);                                                                      \
	} while (0)

	if (c == '-') {
		neg = true;
		PUT(c);
	}
	if (c == '0') {
		PUT(c);
		if (IS_DIGIT(c))
			return fail_here(r, "leading zeros are not allowed in numbers");
	} else if (c >= '1' && c <= '9') {
		while (IS_DIGIT(c)) {
			unsigned d = (unsigned)(c - '0');

			if (acc > (UINT64_MAX - d) / 10)
				ovf = true;
			else
				acc = acc * 10 + d;
			PUT(c);
		}
	} else {
		return fail_expected(r, c, "a digit in the number");
	}
	if (c == '.') {
		is_int = false;
		PUT(c);
		if (!IS_DIGIT(c))
			return fail_expected(r, c, "a digit after the decimal point");
		while (IS_DIGIT(c))
			PUT(c);
	}
	if (c == 'e' || c == 'E') {
		is_int = false;
		PUT(c);
		if (c == '+' || c == '-')
			PUT(c);
		if (!IS_DIGIT(c))
			return fail_expected(r, c, "a digit in the exponent");
		while (IS_DIGIT(c))
			PUT(c);
	}
#undef PUT
	if (after_token(r, "a number") < 0)
		return -EINVAL;
	r->num[n] = '\0';
	/* strtod() only when needed: it is most of the cost of an integer */
	r->dbl = is_int && !ovf ? (neg ? -(double)acc : (double)acc) : strtod(r->num, NULL);
	r->num_is_int = is_int;
	if (is_int) {
		if (neg && (ovf || acc > (uint64_t)INT64_MAX + 1)) {
			ovf = true;
			r->i64 = INT64_MIN;
		} else if (neg) {
			r->i64 = acc == (uint64_t)INT64_MAX + 1 ? INT64_MIN : -(int64_t)acc;
		} else if (ovf || acc > (uint64_t)INT64_MAX) {
			ovf = true;
			r->i64 = INT64_MAX;
		} else {
			r->i64 = (int64_t)acc;
		}
	} else {
		ovf = !isfinite(r->dbl);
		r->i64 = 0;
	}
	r->num_overflow = ovf;
	return 0;
}

static int read_literal(struct json_reader *r, const char *word)
{
	size_t i;

	for (i = 0; word[i]; i++)
		if (getc_jr(r) != word[i])
			return r->failed ? -EINVAL
					 : json_reader_errf(
					       r, "invalid literal (true, false or null expected)");
	return after_token(r, word);
}

/* ---- grammar ------------------------------------------------------------- */

static void after_value(struct json_reader *r)
{
	if (r->depth == 0) {
		r->state = ST_AFTER_TOP;
		r->top_values++;
	} else {
		r->state = r->stack[r->depth - 1] == '{' ? ST_OBJ_NEXT : ST_ARR_NEXT;
	}
}

static enum jr_token open_container(struct json_reader *r, char kind)
{
	if (r->depth == JR_MAX_DEPTH) {
		json_reader_errf(r, "nesting deeper than %d levels", JR_MAX_DEPTH);
		return JR_ERROR;
	}
	r->stack[r->depth++] = kind;
	r->p++;
	r->state = kind == '{' ? ST_OBJ_FIRST : ST_ARR_FIRST;
	return kind == '{' ? JR_OBJ_BEGIN : JR_ARR_BEGIN;
}

static enum jr_token close_container(struct json_reader *r, enum jr_token tok)
{
	r->p++;
	r->depth--;
	after_value(r);
	return tok;
}

static enum jr_token value(struct json_reader *r, int c)
{
	enum jr_token tok;
	int rc;

	switch (c) {
	case '{': return open_container(r, '{');
	case '[': return open_container(r, '[');
	case '"':
		rc = read_string(r);
		tok = JR_STRING;
		break;
	case 't':
		rc = read_literal(r, "true");
		tok = JR_TRUE;
		break;
	case 'f':
		rc = read_literal(r, "false");
		tok = JR_FALSE;
		break;
	case 'n':
		rc = read_literal(r, "null");
		tok = JR_NULL;
		break;
	default:
		if (c == '-' || IS_DIGIT(c)) {
			rc = read_number(r);
			tok = JR_NUMBER;
			break;
		}
		fail_expected(r, c, "a value");
		return JR_ERROR;
	}
	if (rc < 0)
		return JR_ERROR;
	after_value(r);
	return tok;
}

static enum jr_token key(struct json_reader *r, int c, bool after_comma)
{
	if (c == '}' && after_comma) {
		fail_here(r, "trailing comma before '}'");
		return JR_ERROR;
	}
	if (c != '"') {
		fail_expected(r, c, "a member name (a string in double quotes)");
		return JR_ERROR;
	}
	if (read_string(r) < 0)
		return JR_ERROR;
	c = skip_ws(r);
	if (c != ':') {
		if (!r->failed)
			fail_expected(r, c, "':' after the member name");
		return JR_ERROR;
	}
	r->p++;
	r->state = ST_VALUE;
	return JR_KEY;
}

static void mark(struct json_reader *r)
{
	r->tok_line = r->line;
	r->tok_col = col_at(r, r->p);
}

enum jr_token json_reader_next(struct json_reader *r)
{
	int c;

	if (r->failed)
		return JR_ERROR;
	c = skip_ws(r);
	if (r->failed)
		return JR_ERROR;
	mark(r);
	switch (r->state) {
	case ST_TOP:
		if (c < 0)
			return JR_EOF;
		return value(r, c);
	case ST_AFTER_TOP:
		if (c < 0)
			return JR_EOF;
		if (!r->multi) {
			json_reader_errf(r, "unexpected data after the end of the JSON document");
			return JR_ERROR;
		}
		return value(r, c);
	case ST_OBJ_FIRST:
		if (c == '}')
			return close_container(r, JR_OBJ_END);
		return key(r, c, false);
	case ST_OBJ_NEXT:
		if (c == '}')
			return close_container(r, JR_OBJ_END);
		if (c != ',') {
			fail_expected(r, c, "',' or '}' after an object member");
			return JR_ERROR;
		}
		r->p++;
		c = skip_ws(r);
		mark(r);
		return key(r, c, true);
	case ST_ARR_FIRST:
		if (c == ']')
			return close_container(r, JR_ARR_END);
		return value(r, c);
	case ST_ARR_NEXT:
		if (c == ']')
			return close_container(r, JR_ARR_END);
		if (c != ',') {
			fail_expected(r, c, "',' or ']' after an array element");
			return JR_ERROR;
		}
		r->p++;
		c = skip_ws(r);
		mark(r);
		if (c == ']') {
			fail_here(r, "trailing comma before ']'");
			return JR_ERROR;
		}
		return value(r, c);
	default: return value(r, c);
	}
}

int json_reader_skip(struct json_reader *r, enum jr_token tok)
{
	int depth;

	if (tok == JR_ERROR)
		return -EINVAL;
	if (tok != JR_OBJ_BEGIN && tok != JR_ARR_BEGIN)
		return 0;
	for (depth = 1; depth > 0;) {
		switch (json_reader_next(r)) {
		case JR_OBJ_BEGIN:
		case JR_ARR_BEGIN: depth++; break;
		case JR_OBJ_END:
		case JR_ARR_END: depth--; break;
		case JR_ERROR:
		case JR_EOF: return -EINVAL;
		default: break;
		}
	}
	return 0;
}

const char *json_token_desc(enum jr_token tok)
{
	switch (tok) {
	case JR_OBJ_BEGIN: return "an object";
	case JR_OBJ_END: return "the end of an object";
	case JR_ARR_BEGIN: return "an array";
	case JR_ARR_END: return "the end of an array";
	case JR_KEY: return "a member name";
	case JR_STRING: return "a string";
	case JR_NUMBER: return "a number";
	case JR_TRUE:
	case JR_FALSE: return "a boolean";
	case JR_NULL: return "null";
	case JR_EOF: return "the end of input";
	default: return "an error";
	}
}
