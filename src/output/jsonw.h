/* SPDX-License-Identifier: MIT */
/* JSON text writing into a struct buf: strings (always valid UTF-8 out,
 * whatever the bytes in), integers safe for IEEE doubles, keys. Shared by
 * the JSON, JSON Lines and CSV writers and by reports. */
#ifndef RN_OUTPUT_JSONW_H
#define RN_OUTPUT_JSONW_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct buf;

/* Largest integer every JSON reader keeps exactly: 2^53 - 1. */
#define JSONW_MAX_SAFE_INT 9007199254740991LL

/*
 * Append the bytes s[0..len) escaped for the inside of a JSON string (no
 * quotes). '"', '\\' and control characters are escaped (\n, \t, \r, \b, \f,
 * else \u00XX; DEL as \u007f); well-formed UTF-8 is copied as is. Each byte
 * that is not part of a well-formed UTF-8 sequence (stray continuation
 * bytes, overlong forms, surrogates, values above U+10FFFF, cut sequences)
 * becomes the lone surrogate \udcXX, XX being the byte: the "surrogateescape"
 * rule of Python (PEP 383), so bytes.decode/str.encode('utf-8',
 * 'surrogateescape') gives the original bytes back. Returns 0 or -ENOMEM.
 */
int jsonw_escape(struct buf *b, const char *s, size_t len);
/* A quoted JSON string of s[0..len). */
int jsonw_string(struct buf *b, const char *s, size_t len);
/* A quoted JSON string of the NUL-terminated s; null when s is NULL. */
int jsonw_str(struct buf *b, const char *s);
/* "key": (the key is escaped too). */
int jsonw_key(struct buf *b, const char *key);
/* A JSON number when |v| <= 2^53 - 1, else a string "0x..." holding the
 * 64-bit two's-complement pattern of v in hex. */
int jsonw_i64(struct buf *b, int64_t v);
/* A JSON number when v <= 2^53 - 1, else a string "0x...". */
int jsonw_u64(struct buf *b, uint64_t v);
int jsonw_bool(struct buf *b, bool v);
int jsonw_null(struct buf *b);
/* UTC time as ISO 8601 with nanoseconds, quoted: "2026-11-28T04:47:47.123456789Z". */
int jsonw_utc_time(struct buf *b, uint64_t ns_since_epoch);

#endif
