/* SPDX-License-Identifier: MIT */
/* String interning with open addressing (FNV-1a, linear probing). */
#include "util/strmap.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

static uint64_t hash_bytes(const char *s, size_t len)
{
	uint64_t h = 0xcbf29ce484222325ull;
	size_t i;

	for (i = 0; i < len; i++) {
		h ^= (unsigned char)s[i];
		h *= 0x100000001b3ull;
	}
	return h;
}

void strmap_init(struct strmap *m)
{
	memset(m, 0, sizeof(*m));
	arena_init(&m->mem, 16384);
}

void strmap_fini(struct strmap *m)
{
	free(m->slots);
	free(m->keys);
	arena_fini(&m->mem);
	memset(m, 0, sizeof(*m));
}

static size_t probe(const struct strmap *m, const char *s, size_t len, uint64_t h)
{
	size_t mask = m->nslots - 1, i = (size_t)h & mask;

	for (;; i = (i + 1) & mask) {
		uint32_t id = m->slots[i];
		const struct strmap_key *k;

		if (!id)
			return i;
		k = &m->keys[id - 1];
		if (k->hash == h && k->len == len && !memcmp(k->s, s, len))
			return i;
	}
}

static int grow(struct strmap *m)
{
	size_t n = m->nslots ? m->nslots * 2 : 64, i;
	uint32_t *slots = calloc(n, sizeof(*slots));

	if (!slots)
		return -ENOMEM;
	for (i = 0; i < m->count; i++) {
		size_t j = (size_t)m->keys[i].hash & (n - 1);

		while (slots[j])
			j = (j + 1) & (n - 1);
		slots[j] = (uint32_t)(i + 1);
	}
	free(m->slots);
	m->slots = slots;
	m->nslots = n;
	return 0;
}

long strmap_find(const struct strmap *m, const char *s, size_t len)
{
	uint64_t h = hash_bytes(s, len);
	size_t i;

	if (!m->nslots)
		return -ENOENT;
	i = probe(m, s, len, h);
	return m->slots[i] ? (long)m->slots[i] - 1 : -ENOENT;
}

long strmap_intern(struct strmap *m, const char *s, size_t len, bool *added)
{
	uint64_t h = hash_bytes(s, len);
	struct strmap_key *k;
	size_t i;

	if (added)
		*added = false;
	if (m->nslots) {
		i = probe(m, s, len, h);
		if (m->slots[i])
			return (long)m->slots[i] - 1;
	}
	if (m->count >= UINT32_MAX - 1)
		return -ENOMEM;
	if ((m->count + 1) * 4 > m->nslots * 3 && grow(m) < 0)
		return -ENOMEM;
	if (m->count == m->cap) {
		size_t cap = m->cap ? m->cap * 2 : 32;
		struct strmap_key *keys = realloc(m->keys, cap * sizeof(*keys));

		if (!keys)
			return -ENOMEM;
		m->keys = keys;
		m->cap = cap;
	}
	k = &m->keys[m->count];
	k->s = arena_strndup(&m->mem, s, len);
	if (!k->s)
		return -ENOMEM;
	k->len = len;
	k->hash = h;
	i = probe(m, s, len, h);
	m->slots[i] = (uint32_t)(m->count + 1);
	if (added)
		*added = true;
	return (long)m->count++;
}
