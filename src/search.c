/* Search engine: a folded corpus of every searchable string, scanned with
 * memmem; hits mapped back to original bytes through the fold map. */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "search.h"

/* Reading order of the kinds in the corpus. */
static int
kind_rank(enum ds_kind k)
{
	switch (k) {
	case DS_EVENT: return 0;
	case DS_PERSON: return 1;
	case DS_ORG: return 2;
	case DS_PARAGRAPH: return 3;
	default: return 4;
	}
}

void
search_init(struct search *s, const struct dossier *d)
{
	memset(s, 0, sizeof *s);
	s->d = d;
}

static void
add_seg(struct search *s, enum ds_kind kind, size_t item,
    enum search_field field, size_t sub, struct ds_str str)
{
	struct fold_buf *c = &s->corpus;
	size_t start;

	if (str.n == 0 || c->oom)
		return;
	if (s->nsegs == s->segcap) {
		size_t cap = s->segcap ? s->segcap * 2 : 256;
		struct search_seg *ns = realloc(s->segs, cap * sizeof *ns);
		if (!ns) {
			c->oom = 1;
			return;
		}
		s->segs = ns;
		s->segcap = cap;
	}
	start = c->n;
	fold_append(c, str.s, str.n);
	/* A NUL between strings: no query can match across it. */
	if (c->n + 1 > c->cap) {
		char *ns = realloc(c->s, c->n + 256);
		if (!ns) {
			c->oom = 1;
			return;
		}
		c->s = ns;
		c->cap = c->n + 256;
	}
	c->s[c->n++] = '\0';
	s->segs[s->nsegs++] = (struct search_seg){
		(uint32_t)start, (uint32_t)(c->n - 1 - start), (uint32_t)item,
		(uint8_t)kind, (uint8_t)field, (uint16_t)sub, str
	};
}

static void
add_entities(struct search *s, enum ds_kind kind, const struct ds_entity *e, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		add_seg(s, kind, i, SF_NAME, 0, e[i].name);
		for (size_t a = 0; a < e[i].nalias; a++)
			add_seg(s, kind, i, SF_ALIAS, a, e[i].alias[a]);
		add_seg(s, kind, i, SF_ROLE, 0, e[i].role);
		add_seg(s, kind, i, SF_NOTE, 0, e[i].note);
	}
}

static int
build(struct search *s)
{
	const struct dossier *d = s->d;

	for (size_t i = 0; i < d->nevents; i++) {
		const struct ds_event *e = &d->events[i];
		add_seg(s, DS_EVENT, i, SF_DATE, 0, e->date_text);
		add_seg(s, DS_EVENT, i, SF_WHEN, 0, e->when);
		add_seg(s, DS_EVENT, i, SF_TITLE, 0, e->title);
		add_seg(s, DS_EVENT, i, SF_TEXT, 0, e->text);
	}
	add_entities(s, DS_PERSON, d->people, d->npeople);
	add_entities(s, DS_ORG, d->orgs, d->norgs);
	for (size_t i = 0; i < d->nparas; i++)
		add_seg(s, DS_PARAGRAPH, i, SF_TEXT, 0, d->paras[i].text);
	s->built = true;
	return s->corpus.oom ? -1 : 0;
}

/* Segment holding folded offset f. */
static size_t
seg_at(const struct search *s, size_t f)
{
	size_t lo = 0, hi = s->nsegs;

	while (hi - lo > 1) {
		size_t mid = (lo + hi) / 2;
		if (s->segs[mid].fstart <= f)
			lo = mid;
		else
			hi = mid;
	}
	return lo;
}

static int
push_hit(struct search *s, size_t seg, size_t f)
{
	const struct search_seg *sg = &s->segs[seg];
	const char *a, *b;

	if (s->nhits == s->hitcap) {
		size_t cap = s->hitcap ? s->hitcap * 2 : 64;
		struct search_hit *nh = realloc(s->hits, cap * sizeof *nh);
		if (!nh)
			return -1;
		s->hits = nh;
		s->hitcap = cap;
	}
	fold_to_orig(&s->corpus, f, s->qlen, &a, &b);
	s->hits[s->nhits++] = (struct search_hit){
		(uint32_t)seg, (uint32_t)f,
		(uint32_t)(a - sg->orig.s), (uint32_t)(b - a)
	};
	return 0;
}

static int
scan_all(struct search *s)
{
	const char *c = s->corpus.s, *end = c + s->corpus.n, *p = c;

	s->nhits = 0;
	while ((p = memmem(p, (size_t)(end - p), s->query, s->qlen)) != NULL) {
		size_t f = (size_t)(p - c);
		if (push_hit(s, seg_at(s, f), f) < 0)
			return -1;
		/* Overlapping hits too: then a longer query's hits are
		 * always a subset, which narrow() relies on. */
		p++;
	}
	return 0;
}

/* The query grew: a hit of the longer query starts where a hit of the
 * shorter one did, so only those places are checked. */
static int
narrow(struct search *s)
{
	size_t kept = 0;

	for (size_t i = 0; i < s->nhits; i++) {
		struct search_hit h = s->hits[i];
		const struct search_seg *sg = &s->segs[h.seg];
		const char *a, *b;
		if (h.fpos + s->qlen > sg->fstart + sg->flen ||
		    memcmp(s->corpus.s + h.fpos, s->query, s->qlen) != 0)
			continue;
		fold_to_orig(&s->corpus, h.fpos, s->qlen, &a, &b);
		h.off = (uint32_t)(a - sg->orig.s);
		h.len = (uint32_t)(b - a);
		s->hits[kept++] = h;
	}
	s->nhits = kept;
	return 0;
}

long
search_run(struct search *s, const char *query, size_t n)
{
	size_t qlen;
	char *q;
	bool grows;

	if (!s->built && build(s) < 0)
		return -1;
	q = fold_string(query, n, &qlen);
	if (!q)
		return -1;
	grows = s->query && s->qlen > 0 && qlen >= s->qlen &&
	    memcmp(q, s->query, s->qlen) == 0;
	free(s->query);
	s->query = q;
	s->qlen = qlen;
	if (qlen == 0) {
		s->nhits = 0;
		return 0;
	}
	if ((grows ? narrow(s) : scan_all(s)) < 0)
		return -1;
	return (long)s->nhits;
}

const struct search_seg *
search_seg_of(const struct search *s, const struct search_hit *h)
{
	return &s->segs[h->seg];
}

size_t
search_first_at(const struct search *s, enum ds_kind kind, size_t item)
{
	size_t lo = 0, hi = s->nhits;
	int rank = kind_rank(kind);

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		const struct search_seg *sg = &s->segs[s->hits[mid].seg];
		int r = kind_rank((enum ds_kind)sg->kind);
		if (r < rank || (r == rank && sg->item < item))
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

void
search_free(struct search *s)
{
	fold_free(&s->corpus);
	free(s->segs);
	free(s->query);
	free(s->hits);
	memset(s, 0, sizeof *s);
}
