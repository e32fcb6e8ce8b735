/* Search engine: a folded corpus of every searchable string, scanned with
 * memmem; hits mapped back to original bytes through the fold map. */
#include <config.h>

#include <stdlib.h>
#include <string.h>
#include <time.h>

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
	size_t start, anchor;

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
	anchor = c->na;            /* fold_append anchors the string's start */
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
		(uint8_t)kind, (uint8_t)field, (uint16_t)sub, str, (uint32_t)anchor
	};
}

static void
add_entity(struct search *s, enum ds_kind kind, const struct ds_entity *e, size_t i)
{
	add_seg(s, kind, i, SF_NAME, 0, e->name);
	for (size_t a = 0; a < e->nalias; a++)
		add_seg(s, kind, i, SF_ALIAS, a, e->alias[a]);
	add_seg(s, kind, i, SF_ROLE, 0, e->role);
	add_seg(s, kind, i, SF_NOTE, 0, e->note);
}

/* Adds the strings of item k of the corpus's items in reading order:
 * events, people, organizations, paragraphs. */
static void
add_item(struct search *s, size_t k)
{
	const struct dossier *d = s->d;

	if (k < d->nevents) {
		const struct ds_event *e = &d->events[k];
		add_seg(s, DS_EVENT, k, SF_DATE, 0, e->date_text);
		add_seg(s, DS_EVENT, k, SF_WHEN, 0, e->when);
		add_seg(s, DS_EVENT, k, SF_TITLE, 0, e->title);
		add_seg(s, DS_EVENT, k, SF_TEXT, 0, e->text);
		return;
	}
	k -= d->nevents;
	if (k < d->npeople) {
		add_entity(s, DS_PERSON, &d->people[k], k);
		return;
	}
	k -= d->npeople;
	if (k < d->norgs) {
		add_entity(s, DS_ORG, &d->orgs[k], k);
		return;
	}
	k -= d->norgs;
	add_seg(s, DS_PARAGRAPH, k, SF_TEXT, 0, d->paras[k].text);
}

static double
now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

/* Builds the corpus on from where the last call stopped, for about
 * budget_ms (a negative budget: to the end). */
static int
build(struct search *s, double budget_ms)
{
	const struct dossier *d = s->d;
	size_t items = d->nevents + d->npeople + d->norgs + d->nparas;
	double until = budget_ms >= 0 ? now_ms() + budget_ms : 0;

	while (s->build_next < items && !s->corpus.oom) {
		add_item(s, s->build_next++);
		/* Items are small: look at the clock now and then. */
		if (budget_ms >= 0 && s->build_next % 32 == 0 && now_ms() >= until)
			break;
	}
	s->built = s->build_next == items || s->corpus.oom;
	return s->corpus.oom ? -1 : 0;
}

bool
search_prepare(struct search *s, double budget_ms)
{
	if (!s->built)
		build(s, budget_ms);
	return s->built;
}

/* Segment holding folded offset f, searching forward from segment i
 * (which starts at or before f): scan_all meets its hits in increasing
 * order, and galloping from the last one costs about the segments passed,
 * not a binary search each. */
static size_t
seg_from(const struct search *s, size_t i, size_t f)
{
	size_t step = 1, hi;

	while (i + step < s->nsegs && s->segs[i + step].fstart <= f) {
		i += step;
		step *= 2;
	}
	hi = i + step < s->nsegs ? i + step : s->nsegs;
	while (hi - i > 1) {
		size_t mid = (i + hi) / 2;
		if (s->segs[mid].fstart <= f)
			i = mid;
		else
			hi = mid;
	}
	return i;
}

/* hint: for fold_to_orig_from, hits being pushed in increasing order. */
static int
push_hit(struct search *s, size_t seg, size_t f, size_t *hint)
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
	/* The hit's anchors are among its string's: start there. */
	if (*hint < sg->anchor)
		*hint = sg->anchor;
	fold_to_orig_from(&s->corpus, hint, f, s->qlen, &a, &b);
	s->hits[s->nhits++] = (struct search_hit){
		(uint32_t)seg, (uint32_t)f,
		(uint32_t)(a - sg->orig.s), (uint32_t)(b - a)
	};
	return 0;
}

/* How often each byte occurs in a sample of the corpus (64 slices spread
 * over it), so that scan_all can pick the query's rarest byte. */
static void
sample_bytes(struct search *s)
{
	const unsigned char *c = (const unsigned char *)s->corpus.s;
	size_t n = s->corpus.n, slice = 8192, step = n / 64 > slice ? n / 64 : slice;

	memset(s->freq, 0, sizeof s->freq);
	for (size_t at = 0; at < n; at += step)
		for (size_t i = at; i < at + slice && i < n; i++)
			s->freq[c[i]]++;
	s->sampled = true;
}

/* Every match of the query, overlapping ones too, in corpus order.  The
 * candidates come from memchr of the query's rarest byte (in the sample):
 * on Chinese text, where most bytes are one of a few lead bytes, that is
 * several times faster than memmem. */
static int
scan_all(struct search *s)
{
	const char *c = s->corpus.s, *end = c + s->corpus.n, *p;
	size_t seg = 0, hint = 0, k = 0;

	s->nhits = 0;
	if (!c || s->qlen > s->corpus.n)   /* no searchable string at all */
		return 0;
	if (!s->sampled)
		sample_bytes(s);
	for (size_t i = 1; i < s->qlen; i++)
		if (s->freq[(unsigned char)s->query[i]] < s->freq[(unsigned char)s->query[k]])
			k = i;
	/* p: where the query's byte k may be; the match starts k before. */
	for (p = c + k; (p = memchr(p, s->query[k], (size_t)(end - p))) != NULL; p++) {
		const char *m = p - k;
		size_t f = (size_t)(m - c);
		if (s->qlen > 1 && (m + s->qlen > end || memcmp(m, s->query, s->qlen) != 0))
			continue;
		seg = seg_from(s, seg, f);
		/* A query holding a NUL can match across the separator: such a
		 * match is in no one string (and narrow() drops it too). */
		if (f + s->qlen <= (size_t)s->segs[seg].fstart + s->segs[seg].flen &&
		    push_hit(s, seg, f, &hint) < 0)
			return -1;
		/* Overlapping hits too: then a longer query's hits are
		 * always a subset, which narrow() relies on. */
	}
	return 0;
}

/* The query grew: a hit of the longer query starts where a hit of the
 * shorter one did, so only those places are checked. */
static int
narrow(struct search *s, size_t known)
{
	size_t kept = 0, hint = 0, more = s->qlen - known;
	const char *q = s->query + known;

	for (size_t i = 0; i < s->nhits; i++) {
		struct search_hit h = s->hits[i];
		const struct search_seg *sg = &s->segs[h.seg];
		const char *a, *b, *at = s->corpus.s + h.fpos + known;
		/* The first known bytes matched already: check the rest. */
		if (h.fpos + s->qlen > sg->fstart + sg->flen ||
		    (more && (at[0] != q[0] || memcmp(at, q, more) != 0)))
			continue;
		if (hint < sg->anchor)
			hint = sg->anchor;
		fold_to_orig_from(&s->corpus, &hint, h.fpos, s->qlen, &a, &b);
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
	size_t qlen, known;
	char *q;
	bool grows;

	if (!s->built && build(s, -1) < 0)
		return -1;
	q = fold_string(query, n, &qlen);
	if (!q)
		return -1;
	grows = s->query && s->qlen > 0 && qlen >= s->qlen &&
	    memcmp(q, s->query, s->qlen) == 0;
	known = s->qlen;
	free(s->query);
	s->query = q;
	s->qlen = qlen;
	if (qlen == 0) {
		s->nhits = 0;
		return 0;
	}
	if ((grows ? narrow(s, known) : scan_all(s)) < 0)
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
