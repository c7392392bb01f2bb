/* SPDX-License-Identifier: MIT */
/* A chunked bump allocator: pointers stay valid until arena_fini(). */
#ifndef RN_UTIL_ARENA_H
#define RN_UTIL_ARENA_H

#include <stddef.h>

struct arena_chunk;

struct arena {
	struct arena_chunk *head;
	size_t chunk_size;
};

void arena_init(struct arena *a, size_t chunk_size);
void arena_fini(struct arena *a);
/* Borrowed until arena_fini(); NULL on -ENOMEM. Aligned to 8 bytes. */
void *arena_alloc(struct arena *a, size_t n);
/* Copy of n bytes plus a NUL; borrowed until arena_fini(). */
char *arena_strndup(struct arena *a, const char *s, size_t n);

#endif
