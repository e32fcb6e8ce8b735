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

long
idmap_find(const struct idmap *m, const struct ds_str *keys, const char *s, size_t n)
{
	if (!m->cap)
		return -1;
	for (size_t i = hash(s, n) & (m->cap - 1);; i = (i + 1) & (m->cap - 1)) {
		uint32_t v = m->slots[i];
		if (!v)
			return -1;
		if (keys[v - 1].n == n && memcmp(keys[v - 1].s, s, n) == 0)
			return (long)v - 1;
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
	size_t i = hash(keys[k].s, keys[k].n) & (m->cap - 1);

	for (; m->slots[i]; i = (i + 1) & (m->cap - 1)) {
		uint32_t v = m->slots[i];
		if (keys[v - 1].n == keys[k].n &&
		    memcmp(keys[v - 1].s, keys[k].s, keys[k].n) == 0)
			return (long)v - 1;
	}
	m->slots[i] = (uint32_t)k + 1;
	return -1;
}

void
idmap_free(struct idmap *m)
{
	free(m->slots);
	memset(m, 0, sizeof *m);
}
