/* FNV-1a open-addressing table; duplicates are found by the model before
 * insertion, so every key here is unique. */
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
 * looks at the key itself (elsewhere in memory) only when they agree. */
#define SLOT_INDEX(v) ((uint32_t)(v) - 1)
#define SLOT_TAG(v) ((uint32_t)((v) >> 32))

long
idmap_find(const struct idmap *m, const struct ds_str *keys, const char *s, size_t n)
{
	uint64_t h;

	if (!m->cap)
		return -1;
	h = hash(s, n);
	for (size_t i = h & (m->cap - 1);; i = (i + 1) & (m->cap - 1)) {
		uint64_t v = m->slots[i];
		if (!v)
			return -1;
		if (SLOT_TAG(v) == (uint32_t)(h >> 32) && keys[SLOT_INDEX(v)].n == n &&
		    memcmp(keys[SLOT_INDEX(v)].s, s, n) == 0)
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
	if (!m->slots)
		return -1;
	m->cap = cap;
	return 0;
}

long
idmap_insert(struct idmap *m, const struct ds_str *keys, size_t k)
{
	uint64_t h = hash(keys[k].s, keys[k].n);
	size_t i = h & (m->cap - 1);

	for (; m->slots[i]; i = (i + 1) & (m->cap - 1)) {
		uint64_t v = m->slots[i];
		if (SLOT_TAG(v) == (uint32_t)(h >> 32) && keys[SLOT_INDEX(v)].n == keys[k].n &&
		    memcmp(keys[SLOT_INDEX(v)].s, keys[k].s, keys[k].n) == 0)
			return (long)SLOT_INDEX(v);
	}
	m->slots[i] = (h >> 32 << 32) | ((uint64_t)k + 1);
	return -1;
}

void
idmap_renumber(struct idmap *m, const uint32_t *to)
{
	for (size_t i = 0; i < m->cap; i++)
		if (m->slots[i])
			m->slots[i] = (m->slots[i] >> 32 << 32) |
			    ((uint64_t)to[SLOT_INDEX(m->slots[i])] + 1);
}

void
idmap_free(struct idmap *m)
{
	free(m->slots);
	memset(m, 0, sizeof *m);
}
