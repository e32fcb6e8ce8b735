/* Search that bridges spellings: a query that is the whole of a form of a
 * person or organization (Name, Latin name or an Alias, folded) also finds
 * the mentions of them the index finds in paragraph text written in their
 * other forms.  The forms the query names are among its hits already (a
 * hit covering a whole name string), and the index knows each one's
 * paragraphs, so the work is the hits' and those mentions', never a scan
 * of the text. */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "search.h"

void
search_bridging(struct search *s, struct index *ix)
{
	s->bridging = true;
	s->ix = ix;
}

struct index *
search_index(struct search *s)
{
	if (s->ix)
		return s->ix;
	if (!s->own_ix) {
		struct index *ix = malloc(sizeof *ix);
		if (!ix)
			return NULL;
		if (index_init(ix, s->d) < 0) {
			index_free(ix);
			free(ix);
			return NULL;
		}
		s->own_ix = ix;
	}
	return s->own_ix;
}

static bool
is_form(enum search_field f)
{
	return f == SF_NAME || f == SF_LATIN || f == SF_ALIAS;
}

/* The people and organizations with a form that is the whole query: the
 * hits on a name string that start at its start and are as long. */
static int
find_bridges(struct search *s)
{
	size_t h = search_first_at(s, DS_PERSON, 0), end = search_first_at(s, DS_PARAGRAPH, 0);

	for (; h < end; h++) {
		const struct search_hit *hi = &s->hits[h];
		const struct search_seg *sg = &s->segs[hi->seg];
		bool known = false;
		if (!is_form((enum search_field)sg->field) || hi->fpos != sg->fstart ||
		    s->qlen != sg->flen)
			continue;
		/* Two forms of one entity may both be the query (a Latin
		 * name that is also an Alias). */
		for (size_t b = 0; b < s->nbridges && !known; b++)
			known = s->bridges[b].kind == sg->kind && s->bridges[b].who == sg->item;
		if (known)
			continue;
		if (s->nbridges == s->bridgecap) {
			size_t cap = s->bridgecap ? s->bridgecap * 2 : 4;
			struct search_bridge *nb = realloc(s->bridges, cap * sizeof *nb);
			if (!nb)
				return -1;
			s->bridges = nb;
			s->bridgecap = cap;
		}
		s->bridges[s->nbridges++] = (struct search_bridge){ hi->seg, sg->item, sg->kind };
	}
	return 0;
}

/* The string of paragraph p's text, or nsegs: paragraphs come last in
 * the corpus, in order, each with its text first. */
static size_t
text_seg(const struct search *s, size_t p)
{
	size_t lo = 0, hi = s->nsegs;

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		const struct search_seg *sg = &s->segs[mid];
		if (sg->kind != DS_PARAGRAPH || sg->item < p)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo < s->nsegs && s->segs[lo].kind == DS_PARAGRAPH && s->segs[lo].item == p &&
	    s->segs[lo].field == SF_TEXT)
		return lo;
	return s->nsegs;
}

struct cands {
	struct search_hit *v;
	size_t n, cap;
};

static int
push(struct cands *c, struct search_hit h)
{
	if (c->n == c->cap) {
		size_t cap = c->cap ? c->cap * 2 : 64;
		struct search_hit *nv = realloc(c->v, cap * sizeof *nv);
		if (!nv)
			return -1;
		c->v = nv;
		c->cap = cap;
	}
	c->v[c->n++] = h;
	return 0;
}

/* Every mention of the bridged people and organizations, as hits. */
static int
mentions_of(struct search *s, struct index *ix, struct cands *c)
{
	for (size_t b = 0; b < s->nbridges; b++) {
		const struct search_bridge *br = &s->bridges[b];
		const struct ds_refs *ps = index_paragraphs_of(ix, br->kind, br->who);
		if (!ps || ix->oom)
			return -1;
		for (size_t i = 0; i < ps->n; i++) {
			size_t nm, seg = text_seg(s, ps->v[i]);
			const struct ds_mention *m = index_mentions(ix, ps->v[i], &nm);
			for (size_t j = 0; j < nm && seg < s->nsegs; j++)
				if (m[j].kind == br->kind && m[j].who == br->who &&
				    push(c, (struct search_hit){ (uint32_t)seg, SEARCH_BRIDGED,
				    m[j].off, m[j].len }) < 0)
					return -1;
		}
	}
	return 0;
}

static int
by_place(const void *a, const void *b)
{
	const struct search_hit *x = a, *y = b;

	if (x->seg != y->seg)
		return x->seg < y->seg ? -1 : 1;
	return x->off < y->off ? -1 : x->off > y->off;
}

static bool
before(const struct search_hit *a, const struct search_hit *b)
{
	return a->seg < b->seg || (a->seg == b->seg && a->off < b->off);
}

/* The mentions merged into the hits in reading order, but for those a hit
 * of the query's text overlaps (the query is in them: a hit already).
 * Hits of one string come in order, and their ends too, so the last one
 * before a mention and the first after it tell whether one overlaps. */
static int
merge(struct search *s, const struct cands *c)
{
	struct search_hit *out = malloc((s->nhits + c->n) * sizeof *out);
	size_t i = 0, n = 0;
	const struct search_hit *last = NULL;   /* the last hit copied */

	if (!out)
		return -1;
	for (size_t k = 0; k < c->n; k++) {
		const struct search_hit *m = &c->v[k];
		while (i < s->nhits && before(&s->hits[i], m)) {
			last = &s->hits[i];
			out[n++] = s->hits[i++];
		}
		if (last && last->seg == m->seg && last->off + last->len > m->off)
			continue;
		if (i < s->nhits && s->hits[i].seg == m->seg && s->hits[i].off < m->off + m->len)
			continue;
		out[n++] = *m;
	}
	while (i < s->nhits)
		out[n++] = s->hits[i++];
	free(s->hits);
	s->hits = out;
	s->nhits = n;
	s->hitcap = s->nhits + c->n;
	return 0;
}

int
search_add_bridged(struct search *s)
{
	struct cands c = { NULL, 0, 0 };
	struct index *ix;
	int rc = -1;

	s->nbridges = 0;
	if (find_bridges(s) < 0)
		return -1;
	if (s->nbridges == 0)
		return 0;
	if (!(ix = search_index(s)))
		return -1;
	if (mentions_of(s, ix, &c) == 0) {
		/* One entity's mentions come in order; several are sorted. */
		if (s->nbridges > 1)
			qsort(c.v, c.n, sizeof *c.v, by_place);
		rc = c.n ? merge(s, &c) : 0;
	}
	free(c.v);
	return rc;
}

const struct search_bridge *
search_bridge_of(const struct search *s, const struct search_hit *h)
{
	const struct search_seg *sg = &s->segs[h->seg];
	const struct ds_mention *m;
	struct index *ix = s->ix ? s->ix : s->own_ix;
	size_t nm, lo = 0, hi;

	if (!search_hit_bridged(h) || !ix)
		return NULL;
	m = index_mentions(ix, sg->item, &nm);
	hi = nm;
	while (lo < hi) {       /* mentions are in text order */
		size_t mid = (lo + hi) / 2;
		if (m[mid].off < h->off)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo == nm || m[lo].off != h->off)
		return NULL;
	for (size_t b = 0; b < s->nbridges; b++)
		if (s->bridges[b].kind == m[lo].kind && s->bridges[b].who == m[lo].who)
			return &s->bridges[b];
	return NULL;
}
