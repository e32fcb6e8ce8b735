/* The importer's table of the forms (names and aliases) of the people
 * and organizations a clause may mention, by their first bytes: a clause
 * is looked through once, whatever the number of entities, where trying
 * each entity's forms in turn cost the number of entities for every date
 * (the 1000x benchmark's article has thousands of each). */
#include <config.h>

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "import_job.h"

/* The key of a form: its first bytes, up to HEAD of them, and how many. */
#define HEAD 3

static uint32_t
head_key(const char *s, size_t h)
{
	uint32_t k = (uint32_t)h;

	for (size_t i = 0; i < h; i++)
		k = k << 8 | (unsigned char)s[i];
	return k;
}

static size_t
bucket_of(const struct imp_forms *f, uint32_t key)
{
	return (size_t)(((uint64_t)key * UINT64_C(0x9e3779b97f4a7c15)) >> 32) & (f->nbuckets - 1);
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
	memset(f, 0, sizeof *f);
	for (size_t e = 0; e < j->nents; e++)
		if (!add_entity(f, &j->ents[e], e))
			return -1;
	f->nbuckets = 64;
	while (f->nbuckets < f->n * 2)
		f->nbuckets *= 2;
	f->bucket = malloc(f->nbuckets * sizeof *f->bucket);
	if (!f->bucket)
		return -1;
	for (size_t b = 0; b < f->nbuckets; b++)
		f->bucket[b] = SIZE_MAX;
	/* Chained from the last form to the first, so that a chain lists
	 * them in the order added. */
	for (size_t i = f->n; i-- > 0;) {
		struct imp_form *m = &f->v[i];
		size_t h = m->n < HEAD ? m->n : HEAD, b = bucket_of(f, head_key(m->s, h));
		m->next = f->bucket[b];
		f->bucket[b] = i;
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
	for (size_t at = 0; at < n; at++)
		for (size_t hl = 1; hl <= HEAD && hl <= n - at; hl++) {
			uint32_t key = head_key(s + at, hl);
			for (size_t i = f->bucket[bucket_of(f, key)]; i != SIZE_MAX; i = f->v[i].next) {
				const struct imp_form *m = &f->v[i];
				if ((m->n < HEAD ? m->n : HEAD) != hl || m->n > n - at ||
				    memcmp(s + at, m->s, m->n) != 0 || !stands_alone(s, n, at, m))
					continue;
				if (!push(h, at, m))
					return -1;
			}
		}
	return 0;
}

void
imp_forms_free(struct imp_forms *f)
{
	free(f->v);
	free(f->bucket);
	memset(f, 0, sizeof *f);
}
