/* FNV-1a open-addressing table.  The keys are copied side by side into an
 * arena: a dossier's ids are scattered over the whole file, between long
 * texts, and a lookup that compared them there would fetch a cache line
 * (and often a page) of the file for each reference resolved. */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "idmap.h"

static uint64_t
hash(const char *s, size_t n)
{
	uint64_t h = 1469598103934665603ULL;

	for (size_t i = 0; i < n; i++)
		h = (h ^ (unsigned char)s[i]) * 1099511628211ULL;
	return h;
}

/* A slot keeps 32 bits of its key's hash beside the index, so a probe
 * looks at the key itself only when they agree. */
#define SLOT_INDEX(v) ((uint32_t)(v) - 1)
#define SLOT_TAG(v) ((uint32_t)((v) >> 32))

static int
same(const struct idmap *m, uint64_t v, uint64_t h, const char *s, size_t n)
{
	const struct idmap_key *k = &m->keys[SLOT_INDEX(v)];

	return SLOT_TAG(v) == (uint32_t)(h >> 32) && k->len == n &&
	    memcmp(m->arena + k->off, s, n) == 0;
}

long
idmap_find(const struct idmap *m, const char *s, size_t n)
{
	uint64_t h;

	if (!m->cap)
		return -1;
	h = hash(s, n);
	for (size_t i = h & (m->cap - 1);; i = (i + 1) & (m->cap - 1)) {
		uint64_t v = m->slots[i];
		if (!v)
			return -1;
		if (same(m, v, h, s, n))
			return (long)SLOT_INDEX(v);
	}
}

int
idmap_init(struct idmap *m, size_t n)
{
	size_t cap = 16;

	while (cap < n * 2)
		cap *= 2;
	memset(m, 0, sizeof *m);
	m->slots = calloc(cap, sizeof *m->slots);
	m->keys = calloc(n ? n : 1, sizeof *m->keys);
	if (!m->slots || !m->keys) {
		idmap_free(m);
		return -1;
	}
	m->cap = cap;
	m->nkeys = n;
	return 0;
}

/* Copies a key into the arena; its offset, or -1. */
static long
store(struct idmap *m, const char *s, size_t n)
{
	size_t at = m->arena_n;

	if (n > UINT32_MAX || at + n > UINT32_MAX)
		return -1;
	if (at + n > m->arena_cap) {
		size_t cap = m->arena_cap ? m->arena_cap * 2 : 4096;
		char *a;
		while (cap < at + n)
			cap *= 2;
		if (!(a = realloc(m->arena, cap)))
			return -1;
		m->arena = a;
		m->arena_cap = cap;
	}
	memcpy(m->arena + at, s, n);
	m->arena_n = at + n;
	return (long)at;
}

long
idmap_insert(struct idmap *m, const char *s, size_t n, size_t k)
{
	uint64_t h = hash(s, n);
	size_t i = h & (m->cap - 1);
	long off;

	for (; m->slots[i]; i = (i + 1) & (m->cap - 1))
		if (same(m, m->slots[i], h, s, n))
			return (long)SLOT_INDEX(m->slots[i]);
	if (k >= m->nkeys || (off = store(m, s, n)) < 0)
		return -2;
	m->keys[k] = (struct idmap_key){ (uint32_t)off, (uint32_t)n };
	m->slots[i] = (h >> 32 << 32) | ((uint64_t)k + 1);
	return -1;
}

int
idmap_renumber(struct idmap *m, const uint32_t *to)
{
	struct idmap_key *keys = malloc((m->nkeys ? m->nkeys : 1) * sizeof *keys);

	if (!keys)
		return -1;
	for (size_t k = 0; k < m->nkeys; k++)
		keys[to[k]] = m->keys[k];
	free(m->keys);
	m->keys = keys;
	for (size_t i = 0; i < m->cap; i++)
		if (m->slots[i])
			m->slots[i] = (m->slots[i] >> 32 << 32) |
			    ((uint64_t)to[SLOT_INDEX(m->slots[i])] + 1);
	return 0;
}

void
idmap_free(struct idmap *m)
{
	free(m->slots);
	free(m->keys);
	free(m->arena);
	memset(m, 0, sizeof *m);
}
