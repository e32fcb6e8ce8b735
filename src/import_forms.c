/* The importer's forms (names and aliases) of the people and
 * organizations a clause may mention, in a trie: a clause is looked
 * through once, each place as far as some form goes, whatever the number
 * of entities, where trying each entity's forms in turn cost the number
 * of entities for every date (the 1000x benchmark's article has thousands
 * of each). */
#include <config.h>

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "import_job.h"

static bool
add(struct imp_forms *f, const char *s, size_t n, size_t ent, bool person)
{
	if (f->n == f->cap) {
		size_t cap = f->cap ? f->cap * 2 : 64;
		struct imp_form *v = realloc(f->v, cap * sizeof *v);
		struct ds_str *str = v ? realloc(f->str, cap * sizeof *str) : NULL;
		if (v)
			f->v = v;
		if (!str)
			return false;
		f->str = str;
		f->cap = cap;
	}
	f->str[f->n] = (struct ds_str){ s, n };
	f->v[f->n++] = (struct imp_form){ ent, person };
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
	return strtrie_init(&f->trie, f->str, f->n);
}

/* Not inside a run of ASCII letters and digits when it begins or ends
 * with one (as the index matches). */
static bool
stands_alone(const char *s, size_t n, size_t at, struct ds_str m)
{
	bool left = at > 0 && imp_alnum((unsigned char)m.s[0]) &&
	    imp_alnum((unsigned char)s[at - 1]);
	bool right = at + m.n < n && imp_alnum((unsigned char)m.s[m.n - 1]) &&
	    imp_alnum((unsigned char)s[at + m.n]);

	return !left && !right;
}

struct find {
	const struct imp_forms *f;
	const char *s;
	size_t n;
	struct imp_hits *h;
};

static bool
found(void *arg, size_t at, size_t i)
{
	struct find *x = arg;
	struct imp_hits *h = x->h;

	if (!stands_alone(x->s, x->n, at, x->f->str[i]))
		return true;
	if (h->n == h->cap) {
		size_t cap = h->cap ? h->cap * 2 : 16;
		struct imp_hit *v = realloc(h->v, cap * sizeof *v);
		if (!v)
			return false;
		h->v = v;
		h->cap = cap;
	}
	h->v[h->n++] = (struct imp_hit){ at, x->f->str[i].n, x->f->v[i].ent, x->f->v[i].person };
	return true;
}

int
imp_forms_find(const struct imp_forms *f, const char *s, size_t n, struct imp_hits *h)
{
	struct find x = { f, s, n, h };

	return strtrie_each(&f->trie, s, n, found, &x) ? 0 : -1;
}

void
imp_forms_free(struct imp_forms *f)
{
	free(f->v);
	free(f->str);
	strtrie_free(&f->trie);
	memset(f, 0, sizeof *f);
}
