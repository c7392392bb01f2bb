/* SPDX-License-Identifier: MIT */
/* String interning: byte strings to dense ids 0, 1, 2... in order of first
 * appearance. Callers keep per-string data in arrays indexed by id. */
#ifndef RN_UTIL_STRMAP_H
#define RN_UTIL_STRMAP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "util/arena.h"

struct strmap_key {
	const char *s; /* borrowed until strmap_fini(); NUL-terminated copy */
	size_t len;
	uint64_t hash;
};

struct strmap {
	uint32_t *slots; /* owned: id + 1, 0 for empty; a power of two */
	size_t nslots;
	struct strmap_key *keys; /* owned, indexed by id */
	size_t count, cap;
	struct arena mem;
};

void strmap_init(struct strmap *m);
void strmap_fini(struct strmap *m);
/* The id of s[0..len), added when new (*added tells). Returns the id or -ENOMEM. */
long strmap_intern(struct strmap *m, const char *s, size_t len, bool *added);
/* The id of s[0..len), or -ENOENT. */
long strmap_find(const struct strmap *m, const char *s, size_t len);
/* Borrowed until strmap_fini(). */
static inline const char *strmap_str(const struct strmap *m, size_t id)
{
	return m->keys[id].s;
}
static inline size_t strmap_len(const struct strmap *m, size_t id)
{
	return m->keys[id].len;
}

#endif
