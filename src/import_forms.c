/* The importer's trie of the forms (names and aliases) of the people and
 * organizations a clause may mention: a clause is looked through once,
 * each place as far as some form goes, whatever the number of entities,
 * where trying each entity's forms in turn cost the number of entities
 * for every date (the 1000x benchmark's article has thousands of each),
 * and a table by first bytes the number of forms that share them (Chinese
 * names share their surname). */
#include <config.h>

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "import_job.h"

/* The trie's edges, in a table by parent node and byte: a key of 0 is
 * an empty slot. */
static uint64_t
edge_key(uint32_t parent, unsigned char b)
{
	return ((uint64_t)parent << 8 | b) + 1;
}

static size_t
slot_of(const struct imp_forms *f, uint64_t key)
{
	size_t i = (size_t)((key * UINT64_C(0x9e3779b97f4a7c15)) >> 29) & (f->nslots - 1);

	while (f->key[i] && f->key[i] != key)
		i = (i + 1) & (f->nslots - 1);
	return i;
}

/* The child of node parent by byte b; UINT32_MAX when there is none. */
static uint32_t
child(const struct imp_forms *f, uint32_t parent, unsigned char b)
{
	size_t i = slot_of(f, edge_key(parent, b));

	return f->key[i] ? f->child[i] : UINT32_MAX;
}

static uint32_t
add_child(struct imp_forms *f, uint32_t parent, unsigned char b)
{
	uint64_t key = edge_key(parent, b);
	size_t i = slot_of(f, key);

	if (f->key[i])
		return f->child[i];
	f->key[i] = key;
	f->child[i] = (uint32_t)f->nnodes;
	f->term[f->nnodes] = SIZE_MAX;
	return (uint32_t)f->nnodes++;
}

static bool
add(struct imp_forms *f, const char *s, size_t n, size_t ent, bool person)
{
	if (!n)
		return true;
	if (f->n == f->cap) {
		size_t cap = f->cap ? f->cap * 2 : 64;
		struct imp_form *v = realloc(f->v, cap * sizeof *v);
		if (!v)
			return false;
		f->v = v;
		f->cap = cap;
	}
	f->v[f->n++] = (struct imp_form){ s, n, ent, person, 0 };
	return true;
}

static bool
add_entity(struct imp_forms *f, const struct ent *e, size_t k)
{
	bool ok = true;

	if (e->cand) {
		ok &= add(f, e->cand->name, strlen(e->cand->name), k, e->person);
		for (size_t a = 0; a < e->cand->nalias; a++)
			ok &= add(f, e->cand->alias[a], strlen(e->cand->alias[a]), k, e->person);
	}
	if (e->old) {
		ok &= add(f, e->old->name.s, e->old->name.n, k, e->person);
		for (size_t a = 0; a < e->old->nalias; a++)
			ok &= add(f, e->old->alias[a].s, e->old->alias[a].n, k, e->person);
	}
	return ok;
}

int
imp_forms_init(struct imp_forms *f, const struct job *j)
{
	size_t bytes = 0;

	memset(f, 0, sizeof *f);
	for (size_t e = 0; e < j->nents; e++)
		if (!add_entity(f, &j->ents[e], e))
			return -1;
	for (size_t i = 0; i < f->n; i++)
		bytes += f->v[i].n;
	if (bytes >= UINT32_MAX / 2)
		return -1;
	/* A node per byte at most, the root, and twice the room in the
	 * table of edges. */
	f->nslots = 64;
	while (f->nslots < bytes * 2)
		f->nslots *= 2;
	f->key = calloc(f->nslots, sizeof *f->key);
	f->child = malloc(f->nslots * sizeof *f->child);
	f->term = malloc((bytes + 1) * sizeof *f->term);
	if (!f->key || !f->child || !f->term)
		return -1;
	f->term[0] = SIZE_MAX;
	f->nnodes = 1;
	/* Chained from the last form to the first, so that a node lists
	 * the forms ending there in the order added. */
	for (size_t i = f->n; i-- > 0;) {
		struct imp_form *m = &f->v[i];
		uint32_t node = 0;
		for (size_t k = 0; k < m->n; k++)
			node = add_child(f, node, (unsigned char)m->s[k]);
		m->next = f->term[node];
		f->term[node] = i;
	}
	return 0;
}

static bool
ascii_alnum(unsigned char c)
{
	return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
}

/* Not inside a run of ASCII letters and digits when it begins or ends
 * with one (as the index matches). */
static bool
stands_alone(const char *s, size_t n, size_t at, const struct imp_form *m)
{
	bool left = at > 0 && ascii_alnum((unsigned char)m->s[0]) &&
	    ascii_alnum((unsigned char)s[at - 1]);
	bool right = at + m->n < n && ascii_alnum((unsigned char)m->s[m->n - 1]) &&
	    ascii_alnum((unsigned char)s[at + m->n]);

	return !left && !right;
}

static bool
push(struct imp_hits *h, size_t off, const struct imp_form *m)
{
	if (h->n == h->cap) {
		size_t cap = h->cap ? h->cap * 2 : 16;
		struct imp_hit *v = realloc(h->v, cap * sizeof *v);
		if (!v)
			return false;
		h->v = v;
		h->cap = cap;
	}
	h->v[h->n++] = (struct imp_hit){ off, m->n, m->ent, m->person };
	return true;
}

int
imp_forms_find(const struct imp_forms *f, const char *s, size_t n, struct imp_hits *h)
{
	if (!f->n)
		return 0;
	for (size_t at = 0; at < n; at++) {
		uint32_t node = 0;
		for (size_t p = at; p < n; p++) {
			node = child(f, node, (unsigned char)s[p]);
			if (node == UINT32_MAX)
				break;
			for (size_t i = f->term[node]; i != SIZE_MAX; i = f->v[i].next)
				if (stands_alone(s, n, at, &f->v[i]) && !push(h, at, &f->v[i]))
					return -1;
		}
	}
	return 0;
}

void
imp_forms_free(struct imp_forms *f)
{
	free(f->v);
	free(f->key);
	free(f->child);
	free(f->term);
	memset(f, 0, sizeof *f);
}
