/* A trie of byte strings whose edges are in one hash table, by parent
 * node and byte: a node costs no array of 256 children. */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "strtrie.h"

#define NONE UINT32_MAX

/* A key of 0 is an empty slot. */
static uint64_t
edge_key(uint32_t parent, unsigned char b)
{
	return ((uint64_t)parent << 8 | b) + 1;
}

static size_t
slot_of(const struct strtrie *t, uint64_t key)
{
	size_t i = (size_t)((key * UINT64_C(0x9e3779b97f4a7c15)) >> 29) & (t->nslots - 1);

	while (t->key[i] && t->key[i] != key)
		i = (i + 1) & (t->nslots - 1);
	return i;
}

/* The node after node by byte b (the root is 0), or NONE. */
static uint32_t
child(const struct strtrie *t, uint32_t node, unsigned char b)
{
	size_t i;

	if (!t->nslots)
		return NONE;
	i = slot_of(t, edge_key(node, b));
	return t->key[i] ? t->child[i] : NONE;
}

static uint32_t
add_child(struct strtrie *t, uint32_t node, unsigned char b)
{
	uint64_t key = edge_key(node, b);
	size_t i = slot_of(t, key);

	if (t->key[i])
		return t->child[i];
	t->key[i] = key;
	t->child[i] = (uint32_t)t->nnodes;
	t->term[t->nnodes] = SIZE_MAX;
	return (uint32_t)t->nnodes++;
}

int
strtrie_init(struct strtrie *t, const struct ds_str *strs, size_t n)
{
	size_t bytes = 0;

	memset(t, 0, sizeof *t);
	for (size_t i = 0; i < n; i++)
		bytes += strs[i].n;
	if (bytes >= UINT32_MAX / 2)
		return -1;
	/* A node per byte at most, and the root; twice the room for the
	 * edges. */
	t->nslots = 64;
	while (t->nslots < bytes * 2)
		t->nslots *= 2;
	t->key = calloc(t->nslots, sizeof *t->key);
	t->child = malloc(t->nslots * sizeof *t->child);
	t->term = malloc((bytes + 1) * sizeof *t->term);
	t->next = malloc((n ? n : 1) * sizeof *t->next);
	if (!t->key || !t->child || !t->term || !t->next) {
		strtrie_free(t);
		return -1;
	}
	t->term[0] = SIZE_MAX;
	t->nnodes = 1;
	/* From the last string to the first, so that a node lists those
	 * ending there in the order given. */
	for (size_t i = n; i-- > 0;) {
		uint32_t node = 0;
		t->next[i] = SIZE_MAX;
		if (!strs[i].n)
			continue;
		for (size_t k = 0; k < strs[i].n; k++)
			node = add_child(t, node, (unsigned char)strs[i].s[k]);
		t->next[i] = t->term[node];
		t->term[node] = i;
	}
	return 0;
}

bool
strtrie_each(const struct strtrie *t, const char *s, size_t n,
    bool (*each)(void *arg, size_t at, size_t i), void *arg)
{
	for (size_t at = 0; at < n && t->nnodes > 1; at++) {
		uint32_t node = 0;
		for (size_t p = at; p < n; p++) {
			if ((node = child(t, node, (unsigned char)s[p])) == NONE)
				break;
			for (size_t i = t->term[node]; i != SIZE_MAX; i = t->next[i])
				if (!each(arg, at, i))
					return false;
		}
	}
	return true;
}

void
strtrie_free(struct strtrie *t)
{
	free(t->key);
	free(t->child);
	free(t->term);
	free(t->next);
	memset(t, 0, sizeof *t);
}
