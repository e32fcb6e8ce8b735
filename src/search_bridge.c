/* Search that bridges spellings: a query that is the whole of a form of a
 * person or organization (Name, Latin name or an Alias, folded) also finds
 * their mentions in their other forms, where the article marks them: in
 * paragraph text, as the index finds them, and in the English of those
 * paragraphs, their Latin forms as words.  The forms the query names are
 * among its hits already (a hit covering a whole name string), and the
 * index knows each one's paragraphs, so the work is the hits' and those
 * paragraphs', never a scan of the text. */
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

/* Room in array *v (cap elements of size each) for element n. */
static int
grow(void **v, size_t *cap, size_t n, size_t size)
{
	size_t ncap = *cap ? *cap * 2 : 16;
	void *nv;

	if (n < *cap)
		return 0;
	if (!(nv = realloc(*v, ncap * size)))
		return -1;
	*v = nv;
	*cap = ncap;
	return 0;
}

static bool
is_form(enum search_field f)
{
	return f == SF_NAME || f == SF_LATIN || f == SF_ALIAS;
}

/* Whether the entity whose form is string seg has a form whose folded
 * text does not hold the query: a mention in one that does is a hit of
 * the text already, so without one nothing is to be bridged (every form
 * of OpenAI-7 holds openai), and nothing need be looked at. */
static bool
has_other_form(const struct search *s, size_t seg)
{
	const struct search_seg *sg = &s->segs[seg], *at = sg;

	while (at > s->segs && at[-1].kind == sg->kind && at[-1].item == sg->item)
		at--;
	for (; at < s->segs + s->nsegs && at->kind == sg->kind && at->item == sg->item; at++)
		if (is_form((enum search_field)at->field) &&
		    !memmem(s->corpus.s + at->fstart, at->flen, s->query, s->qlen))
			return true;
	return false;
}

/* The people and organizations with a form that is the whole query and
 * another that does not hold it: the hits on a name string that start at
 * its start and are as long. */
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
		if (known || !has_other_form(s, hi->seg))
			continue;
		if (grow((void **)&s->bridges, &s->bridgecap, s->nbridges, sizeof *s->bridges) < 0)
			return -1;
		s->bridges[s->nbridges++] = (struct search_bridge){ hi->seg, sg->item, sg->kind };
	}
	return 0;
}

/* The string of paragraph p's text at or after string i, or nsegs:
 * paragraphs come last in the corpus, in order, each with its text
 * first.  Asked in increasing order of p, the search gallops on from the
 * last answer. */
static size_t
text_seg_from(const struct search *s, size_t i, size_t p)
{
	size_t step = 1, hi;

#define BEFORE(k) (s->segs[k].kind != DS_PARAGRAPH || s->segs[k].item < p)
	if (i >= s->nsegs || !BEFORE(i))
		hi = i;         /* nothing to skip */
	else {
		while (i + step < s->nsegs && BEFORE(i + step)) {
			i += step;
			step *= 2;
		}
		/* segs[i] is before p; the answer is in (i, hi]. */
		hi = i + step < s->nsegs ? i + step : s->nsegs;
		i++;
	}
	while (i < hi) {        /* the first of [i, hi) not before p */
		size_t mid = (i + hi) / 2;
		if (BEFORE(mid))
			i = mid + 1;
		else
			hi = mid;
	}
#undef BEFORE
	if (i < s->nsegs && s->segs[i].kind == DS_PARAGRAPH && s->segs[i].item == p &&
	    s->segs[i].field == SF_TEXT)
		return i;
	return s->nsegs;
}

/* A mention to be bridged: string seg's bytes [off, off + len). */
struct mention {
	uint32_t seg, off, len;
};

struct cands {
	struct mention *v;
	size_t n, cap;
};

static int
push(struct cands *c, struct mention h)
{
	if (grow((void **)&c->v, &c->cap, c->n, sizeof *c->v) < 0)
		return -1;
	c->v[c->n++] = h;
	return 0;
}

static int
by_number(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;

	return x < y ? -1 : x > y;
}

/* The paragraphs mentioning one of the bridged, in order, once each: one
 * entity's list as it is, several sorted together. */
static uint32_t *
paragraphs(struct search *s, struct index *ix, size_t *np)
{
	size_t n = 0, k = 0;
	uint32_t *v;

	for (size_t b = 0; b < s->nbridges; b++) {
		const struct ds_refs *ps = index_paragraphs_of(ix, s->bridges[b].kind,
		    s->bridges[b].who);
		if (!ps || ix->oom)
			return NULL;
		n += ps->n;
	}
	if (!(v = malloc((n ? n : 1) * sizeof *v)))
		return NULL;
	for (size_t b = 0; b < s->nbridges; b++) {
		const struct ds_refs *ps = index_paragraphs_of(ix, s->bridges[b].kind,
		    s->bridges[b].who);
		if (ps->n)
			memcpy(v + k, ps->v, ps->n * sizeof *v);
		k += ps->n;
	}
	if (s->nbridges > 1) {
		qsort(v, n, sizeof *v, by_number);
		k = 0;
		for (size_t i = 0; i < n; i++)
			if (k == 0 || v[k - 1] != v[i])
				v[k++] = v[i];
		n = k;
	}
	*np = n;
	return v;
}

/* Whose mentions are bridged: a bit per person, then per organization. */
static unsigned char *
bridged_set(const struct search *s)
{
	size_t np = s->d->npeople, n = np + s->d->norgs;
	unsigned char *set = calloc(n / 8 + 1, 1);

	for (size_t b = 0; set && b < s->nbridges; b++) {
		size_t i = (s->bridges[b].kind == DS_ORG ? np : 0) + s->bridges[b].who;
		set[i / 8] |= (unsigned char)(1u << (i % 8));
	}
	return set;
}

static const struct ds_entity *
entity(const struct dossier *d, enum ds_kind kind, size_t who)
{
	return kind == DS_ORG ? &d->orgs[who] : &d->people[who];
}

/* Form i of e: its Latin name, its Name, then its Aliases. */
static struct ds_str
form_of(const struct ds_entity *e, size_t i)
{
	return i == 0 ? e->latin : i == 1 ? e->name : e->alias[i - 2];
}

static int
by_start(const void *a, const void *b)
{
	const struct mention *x = a, *y = b;

	if (x->off != y->off)
		return x->off < y->off ? -1 : 1;
	return x->len > y->len ? -1 : x->len < y->len;
}

/* In string g, the English of a paragraph whose mentions are m, the
 * Latin forms of the bridged it mentions, where the article marks them
 * there: the longest of overlapping ones, in order. */
static int
gloss_mentions(struct search *s, size_t g, const struct ds_mention *m, size_t nm,
    const unsigned char *set, struct cands *c)
{
	struct ds_str text = search_seg_str(&s->segs[g]);
	size_t first = c->n, kept = c->n, people = s->d->npeople;
	uint32_t end = 0;

	for (size_t j = 0; j < nm; j++) {
		size_t e = (m[j].kind == DS_ORG ? people : 0) + m[j].who;
		const struct ds_entity *en = entity(s->d, m[j].kind, m[j].who);
		bool seen = false;
		if (!(set[e / 8] & (1u << (e % 8))))
			continue;
		for (size_t k = 0; k < j && !seen; k++)
			seen = m[k].kind == m[j].kind && m[k].who == m[j].who;
		for (size_t f = 0; !seen && f < en->nalias + 2; f++) {
			struct ds_str form = form_of(en, f);
			for (size_t i = index_latin_at(text, form, 0); i < text.n;
			    i = index_latin_at(text, form, i + 1))
				if (push(c, (struct mention){ (uint32_t)g, (uint32_t)i,
				    (uint32_t)form.n }) < 0)
					return -1;
		}
	}
	qsort(c->v + first, c->n - first, sizeof *c->v, by_start);
	for (size_t i = first; i < c->n; i++)
		if (kept == first || c->v[i].off >= end) {
			end = c->v[i].off + c->v[i].len;
			c->v[kept++] = c->v[i];
		}
	c->n = kept;
	return 0;
}

/* Every mention of the bridged people and organizations, as hits in
 * reading order: their paragraphs in order, each one's mentions in text
 * order, then their Latin forms in its English. */
static int
mentions_of(struct search *s, struct index *ix, struct cands *c)
{
	size_t np = 0, seg = 0, people = s->d->npeople;
	uint32_t *ps = paragraphs(s, ix, &np);
	unsigned char *set = ps ? bridged_set(s) : NULL;
	int rc = set ? 0 : -1;

	for (size_t i = 0; rc == 0 && i < np; i++) {
		size_t nm, at = text_seg_from(s, seg, ps[i]);
		const struct ds_mention *m = index_mentions(ix, ps[i], &nm);
		if (at == s->nsegs)
			continue;
		seg = at;
		for (size_t j = 0; j < nm && rc == 0; j++) {
			size_t e = (m[j].kind == DS_ORG ? people : 0) + m[j].who;
			if (set[e / 8] & (1u << (e % 8)))
				rc = push(c, (struct mention){ (uint32_t)seg, m[j].off, m[j].len });
		}
		/* The gloss is the string after the text. */
		if (rc == 0 && seg + 1 < s->nsegs && s->segs[seg + 1].field == SF_GLOSS &&
		    s->segs[seg + 1].kind == DS_PARAGRAPH && s->segs[seg + 1].item == ps[i])
			rc = gloss_mentions(s, seg + 1, m, nm, set, c);
	}
	free(set);
	free(ps);
	return rc;
}

/* A hit of the query's text, with its original bytes once they are
 * needed: only hits in a string with a mention are mapped back. */
struct text_hit {
	const struct search_hit *h;
	size_t off, len;
	bool mapped;
};

static const struct text_hit *
span_of(const struct search *s, struct text_hit *t)
{
	if (!t->mapped) {
		search_text_span(s, t->h, &t->off, &t->len);
		t->mapped = true;
	}
	return t;
}

/* Whether text hit t comes before mention m in reading order. */
static bool
before(const struct search *s, struct text_hit *t, const struct mention *m)
{
	return t->h->seg < m->seg || (t->h->seg == m->seg && span_of(s, t)->off < m->off);
}

/* Whether text hit t and mention m overlap. */
static bool
overlap(const struct search *s, struct text_hit *t, const struct mention *m)
{
	return t->h->seg == m->seg && span_of(s, t)->off < m->off + m->len &&
	    t->off + t->len > m->off;
}

/* The mentions merged into the hits in reading order, but for those a hit
 * of the query's text overlaps (the query is in them: a hit already),
 * their bytes put in s->spans.  Hits of one string come in order, and
 * their ends too, so the last one before a mention and the first after
 * it tell whether one overlaps. */
static int
merge(struct search *s, const struct cands *c)
{
	struct search_hit *out = malloc((s->nhits + c->n) * sizeof *out);
	struct search_span *spans = malloc(c->n * sizeof *spans);
	size_t i = 0, n = 0, ns = 0;
	struct text_hit last = { NULL, 0, 0, false }, next = { NULL, 0, 0, false };

	if (!out || !spans) {
		free(out);
		free(spans);
		return -1;
	}
	for (size_t k = 0; k < c->n; k++) {
		const struct mention *m = &c->v[k];
		for (; i < s->nhits; i++) {
			if (next.h != &s->hits[i])
				next = (struct text_hit){ &s->hits[i], 0, 0, false };
			if (!before(s, &next, m))
				break;
			last = next;
			out[n++] = s->hits[i];
		}
		if (last.h && overlap(s, &last, m))
			continue;
		if (i < s->nhits && overlap(s, &next, m))
			continue;
		spans[ns++] = (struct search_span){ (uint32_t)n, m->off, m->len };
		out[n++] = (struct search_hit){ m->seg, SEARCH_BRIDGED };
	}
	while (i < s->nhits)
		out[n++] = s->hits[i++];
	free(s->hits);
	s->hits = out;
	s->hitcap = s->nhits + c->n;   /* what out holds, not the hits kept */
	s->nhits = n;
	free(s->spans);
	s->spans = spans;
	s->nspans = ns;
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
	if (mentions_of(s, ix, &c) == 0)
		rc = c.n ? merge(s, &c) : 0;
	free(c.v);
	return rc;
}

const struct search_bridge *
search_bridge_of(const struct search *s, size_t hit)
{
	const struct search_seg *sg = &s->segs[s->hits[hit].seg];
	const struct ds_mention *m;
	struct index *ix = s->ix ? s->ix : s->own_ix;
	size_t nm, lo = 0, hi, off, len;

	if (!search_hit_bridged(&s->hits[hit]) || !ix)
		return NULL;
	search_hit_span(s, hit, &off, &len);
	if (sg->field == SF_GLOSS) {    /* whose Latin form it is */
		for (size_t b = 0; b < s->nbridges; b++) {
			const struct ds_entity *en = entity(s->d, s->bridges[b].kind,
			    s->bridges[b].who);
			for (size_t f = 0; f < en->nalias + 2; f++)
				if (form_of(en, f).n == len &&
				    memcmp(form_of(en, f).s, sg->orig + off, len) == 0)
					return &s->bridges[b];
		}
		return NULL;
	}
	m = index_mentions(ix, sg->item, &nm);
	hi = nm;
	while (lo < hi) {       /* mentions are in text order */
		size_t mid = (lo + hi) / 2;
		if (m[mid].off < off)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo == nm || m[lo].off != off)
		return NULL;
	for (size_t b = 0; b < s->nbridges; b++)
		if (s->bridges[b].kind == m[lo].kind && s->bridges[b].who == m[lo].who)
			return &s->bridges[b];
	return NULL;
}
