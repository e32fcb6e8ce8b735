/* A set of strings that grows, over idmap, which is made again twice as
 * large when half full. */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "strmap.h"

long
strmap_find(const struct strmap *m, const char *s, size_t n)
{
	return idmap_find(&m->set, m->keys, s, n);
}

static int
grow(struct strmap *m)
{
	size_t cap = m->cap ? m->cap * 2 : 64;
	struct ds_str *keys = realloc(m->keys, cap * sizeof *keys);
	size_t *val;

	if (!keys)
		return -1;
	m->keys = keys;
	if (!(val = realloc(m->val, cap * sizeof *val)))
		return -1;
	m->val = val;
	m->cap = cap;
	idmap_free(&m->set);
	if (idmap_init(&m->set, cap) < 0)
		return -1;
	for (size_t i = 0; i < m->n; i++)
		idmap_insert(&m->set, m->keys, i);
	return 0;
}

long
strmap_add(struct strmap *m, const char *s, size_t n, size_t val)
{
	if ((m->n == m->cap || !m->set.cap) && grow(m) < 0)
		return -1;
	m->keys[m->n] = (struct ds_str){ s, n };
	m->val[m->n] = val;
	idmap_insert(&m->set, m->keys, m->n);
	return (long)m->n++;
}

void
strmap_free(struct strmap *m)
{
	free(m->keys);
	free(m->val);
	idmap_free(&m->set);
	memset(m, 0, sizeof *m);
}
