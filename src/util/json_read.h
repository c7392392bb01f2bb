/* SPDX-License-Identifier: MIT */
/* A streaming (pull) JSON reader: one token at a time from a file or a
 * memory block, with the grammar checked as it goes and line:column on
 * every error. Nothing but the current token is kept, whatever the size. */
#ifndef RN_UTIL_JSON_READ_H
#define RN_UTIL_JSON_READ_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "util/buf.h"

enum jr_token {
	JR_ERROR = -1, /* message in json_reader_errmsg() */
	JR_EOF = 0,    /* end of input after complete values (or before any) */
	JR_OBJ_BEGIN,
	JR_OBJ_END,
	JR_ARR_BEGIN,
	JR_ARR_END,
	JR_KEY,	   /* an object member's name, in str/len; its value follows */
	JR_STRING, /* str/len (may hold NUL bytes) */
	JR_NUMBER, /* see num_is_int, num_overflow, i64, dbl */
	JR_TRUE,
	JR_FALSE,
	JR_NULL,
};

#define JR_MAX_DEPTH  64
#define JR_MAX_STRING (16u << 20) /* longer strings are an error, not an allocation */
#define JR_MAX_NUMBER 350	  /* characters in one number literal */
#define JR_READ_CHUNK (256u << 10)

struct json_reader {
	/* input */
	int fd;		   /* -1 for memory input */
	char *chunk;	   /* owned read buffer (file input) */
	const char *start; /* first byte in hand: chunk, or the memory input */
	const char *p;	   /* next byte */
	const char *end;   /* end of the bytes in hand */
	uint64_t base;	   /* offset in the input of the bytes in hand */
	bool eof;
	/* position: line of p, and offset where that line starts */
	unsigned long line;
	uint64_t line_start;
	unsigned long tok_line, tok_col; /* where the last token began (1-based) */
	/* grammar */
	bool multi; /* several top-level values (JSON Lines) */
	int state;
	int depth;
	char stack[JR_MAX_DEPTH]; /* '{' or '[' */
	unsigned long top_values; /* complete top-level values so far */
	/* the last token */
	struct buf str;	   /* JR_KEY, JR_STRING: decoded bytes, NUL-terminated */
	size_t len;	   /* of str */
	bool num_is_int;   /* no fraction, no exponent */
	bool num_overflow; /* an integer beyond int64_t: i64 is clamped, dbl is exact-ish */
	int64_t i64;
	double dbl;
	char num[JR_MAX_NUMBER + 1];
	/* error */
	bool failed;
	char err[256]; /* "LINE:COL: message" */
};

/* Read from the file at path. Returns 0 or -errno (the reader is then
 * already closed). json_reader_close() releases it. */
int json_reader_open(struct json_reader *r, const char *path);
void json_reader_close(struct json_reader *r);
/* Read from data[0..len) (borrowed until json_reader_fini()). */
void json_reader_init(struct json_reader *r, const char *data, size_t len);
void json_reader_fini(struct json_reader *r);

/* Accept several whitespace-separated top-level values (JSON Lines). */
void json_reader_set_multi(struct json_reader *r, bool on);

/* The next token. After JR_ERROR every call returns JR_ERROR again. */
enum jr_token json_reader_next(struct json_reader *r);
/* Skip the rest of the value whose first token was tok (for an object or
 * array, up to its matching end). Returns 0 or -EINVAL. */
int json_reader_skip(struct json_reader *r, enum jr_token tok);

/* Set the error (once; later calls keep the first) at the last token's
 * position. Returns -EINVAL. */
int json_reader_errf(struct json_reader *r, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* The same at a given position (where an object began, say). */
int json_reader_errf_at(struct json_reader *r, unsigned long line, unsigned long col,
			const char *fmt, ...) __attribute__((format(printf, 4, 5)));
/* Borrowed: "LINE:COL: message", or "" when there was no error. */
const char *json_reader_errmsg(const struct json_reader *r);
/* Describe a token for messages: "a string", "an object", "end of input". */
const char *json_token_desc(enum jr_token tok);

#endif
