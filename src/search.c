/* Search engine: a folded corpus of every searchable string, scanned with
 * memmem; a hit mapped back to original bytes through the fold map when
 * asked for. */
#include <config.h>

#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "bigmem.h"
#include "i18n.h"
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
	s->split_min = SEARCH_SPLIT_MIN;
	s->max_corpus = SEARCH_MAX_CORPUS;
}

/* The corpus cannot be made: no search will be made either. */
static void
fail(struct search *s, const char *why)
{
	if (!s->error)
		s->error = why;
	s->corpus.oom = 1;
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
			fail(s, _("out of memory"));
			return;
		}
		s->segs = ns;
		s->segcap = cap;
	}
	start = c->n;
	anchor = c->na;            /* fold_append anchors the string's start */
	fold_append(c, str.s, str.n);
	if (c->oom) {
		fail(s, _("out of memory"));
		return;
	}
	/* Checked after the string, whose offsets may have wrapped: then
	 * none of them is used. */
	if (c->n + 1 > s->max_corpus || c->na > s->max_corpus) {
		fail(s, _("the folded text is too large to search"));
		return;
	}
	/* A NUL between strings: no query can match across it. */
	if (c->n + 1 > c->cap) {
		char *ns = realloc(c->s, c->n + 256);
		if (!ns) {
			fail(s, _("out of memory"));
			return;
		}
		c->s = ns;
		c->cap = c->n + 256;
	}
	c->s[c->n++] = '\0';
	s->segs[s->nsegs++] = (struct search_seg){
		str.s, (uint32_t)str.n, (uint32_t)start, (uint32_t)(c->n - 1 - start),
		(uint32_t)item, (uint32_t)anchor, (uint8_t)kind, (uint8_t)field, (uint16_t)sub
	};
}

_Static_assert(sizeof(struct search_seg) <= 32, "a search segment is 32 bytes at most");

static void
add_entity(struct search *s, enum ds_kind kind, const struct ds_entity *e, size_t i)
{
	add_seg(s, kind, i, SF_NAME, 0, e->name);
	/* The Latin name, where it is more than the Name again. */
	if (e->latin.n != e->name.n || memcmp(e->latin.s, e->name.s, e->name.n) != 0)
		add_seg(s, kind, i, SF_LATIN, 0, e->latin);
	for (size_t a = 0; a < e->nalias; a++)
		add_seg(s, kind, i, SF_ALIAS, a, e->alias[a]);
	add_seg(s, kind, i, SF_ROLE, 0, e->role);
	add_seg(s, kind, i, SF_NOTE, 0, e->note);
}

/* Adds the strings of item k of the corpus's items in reading order:
 * events, people, organizations, paragraphs (each with its notes). */
static void
add_item(struct search *s, size_t k)
{
	const struct dossier *d = s->d;

	if (k < d->nevents) {
		/* What the timeline shows: a hit must be seen where it lands
		 * (When and Text are in the event's details only). */
		const struct ds_event *e = &d->events[k];
		add_seg(s, DS_EVENT, k, SF_DATE, 0, e->date_text);
		add_seg(s, DS_EVENT, k, SF_TITLE, 0, e->title);
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
	add_seg(s, DS_PARAGRAPH, k, SF_GLOSS, 0, d->paras[k].gloss);
	/* The paragraph's notes, drawn with it, in reading order after it. */
	for (size_t i = 0; i < d->paras[k].notes.n; i++)
		add_seg(s, DS_PARAGRAPH, k, SF_NOTE, i, d->notes[d->paras[k].notes.v[i]].text);
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
		if (s->build_next % 32 == 0 && budget_ms >= 0 && now_ms() >= until)
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

/* The hits of one part of the corpus: scan_all runs two at once on a
 * large corpus, each writing only here; search, corpus and strings are
 * only read while they run.  Two of them sit side by side on the stack:
 * a cache line each, or their writes slow both down (by a third,
 * measured). */
struct scan {
	_Alignas(64) const struct search *s;
	size_t from, to;           /* the matches starting in [from, to) */
	size_t k;                  /* the query's byte that candidates come from */
	bool dense;                /* and it is frequent: the masked scan */
	size_t seg, seg_end;       /* the last hit's string; its folded end */
	struct search_hit *hits;
	size_t nhits, hitcap;
	int rc;
};

static int
reserve_hits(struct scan *sc, size_t more)
{
	if (sc->hitcap - sc->nhits < more) {
		size_t cap = sc->hitcap ? sc->hitcap * 2 : 64;
		struct search_hit *nh;
		if (cap < sc->nhits + more)
			cap = sc->nhits + more;
		nh = realloc(sc->hits, cap * sizeof *nh);
		if (!nh)
			return -1;
		sc->hits = nh;
		sc->hitcap = cap;
	}
	return 0;
}

/* A match at folded offset f, after the last one, past its string or
 * with no room left: its string, then the hit. */
static int
found_slow(struct scan *sc, size_t f)
{
	const struct search *s = sc->s;

	if (f >= sc->seg_end) {
		const struct search_seg *sg;
		sc->seg = seg_from(s, sc->seg, f);
		sg = &s->segs[sc->seg];
		sc->seg_end = (size_t)sg->fstart + sg->flen;
	}
	/* A query holding a NUL can match across the separator: such a
	 * match is in no one string (and narrow() drops it too). */
	if (f + s->qlen > sc->seg_end)
		return 0;
	if (reserve_hits(sc, 1) < 0)
		return -1;
	sc->hits[sc->nhits++] = (struct search_hit){ (uint32_t)sc->seg, (uint32_t)f };
	return 0;
}

/* The same, most hits of a frequent byte taking the short way: in the
 * string of the last hit (hits come in increasing order, so at or after
 * its start), with room for it.  Where it is in the original is left
 * for search_hit_span. */
static inline int
found(struct scan *sc, size_t f)
{
	if (f + sc->s->qlen <= sc->seg_end && sc->nhits < sc->hitcap) {
		sc->hits[sc->nhits++] = (struct search_hit){ (uint32_t)sc->seg, (uint32_t)f };
		return 0;
	}
	return found_slow(sc, f);
}

/* The corpus is sampled in SEARCH_SLICES slices of this many bytes, one
 * at the start of each stretch of the corpus. */
#define SLICE 8192

static size_t
stretch(size_t n)
{
	size_t step = (n + SEARCH_SLICES - 1) / SEARCH_SLICES;

	return step > SLICE ? step : SLICE;
}

/* How often each byte occurs in a sample of the corpus, in all and in
 * each slice: scan_all picks the query's rarest byte, and splits the
 * scan where half the work is. */
static int
sample_bytes(struct search *s)
{
	const unsigned char *c = (const unsigned char *)s->corpus.s;
	size_t n = s->corpus.n, step = stretch(n);

	memset(s->freq, 0, sizeof s->freq);
	if (!s->slice_freq &&
	    !(s->slice_freq = calloc(SEARCH_SLICES, sizeof *s->slice_freq)))
		return -1;
	for (size_t j = 0; j * step < n; j++)
		for (size_t i = j * step; i < j * step + SLICE && i < n; i++)
			s->slice_freq[j][c[i]]++;
	for (size_t j = 0; j < SEARCH_SLICES; j++)
		for (size_t b = 0; b < 256; b++)
			s->freq[b] += s->slice_freq[j][b];
	s->sampled = true;
	return 0;
}

/* Where the candidates of a part end: the query's byte k of its last
 * match. */
static size_t
scan_end(const struct scan *sc)
{
	size_t n = sc->s->corpus.n;

	return sc->to + sc->k < n ? sc->to + sc->k : n;
}

#ifdef __SSE2__
/* The candidates of the 16 bytes at c + at, where mask has their bits. */
static inline int
take(struct scan *sc, size_t at, unsigned mask)
{
	const struct search *s = sc->s;

	while (mask) {
		size_t f = at + (size_t)__builtin_ctz(mask) - sc->k;
		mask &= mask - 1;
		if (s->qlen > 1 && memcmp(s->corpus.s + f, s->query, s->qlen) != 0)
			continue;
		if (found(sc, f) < 0)
			return -1;
	}
	return 0;
}

/* The mask of the bytes of the block at c + at, read byte by byte past
 * the corpus's end, those outside [lo, hi) left out. */
static unsigned
edge_mask(const struct search *s, size_t at, size_t lo, size_t hi, char b)
{
	unsigned mask = 0;

	for (size_t i = 0; i < 16 && at + i < s->corpus.n; i++)
		if (at + i >= lo && at + i < hi && s->corpus.s[at + i] == b)
			mask |= 1U << i;
	return mask;
}

/* scan_part for a byte that is frequent in the corpus: 16 bytes compared
 * at a time, each match taken from the mask, which costs less than a
 * memchr call per candidate when candidates are a few dozen bytes apart.
 * The first and last blocks, which may reach past the part or the
 * corpus, are taken apart, so that the others need no bounds. */
static int
scan_dense(struct scan *sc)
{
	const struct search *s = sc->s;
	const char *c = s->corpus.s;
	char b = s->query[sc->k];
	size_t n = s->corpus.n, k = sc->k, lo = sc->from + k, hi = scan_end(sc);
	size_t first, last;
	const __m128i want = _mm_set1_epi8(b);

	/* No match runs past the corpus's end (scan_all: qlen <= n). */
	if (hi > n - s->qlen + k + 1)
		hi = n - s->qlen + k + 1;
	if (lo >= hi)
		return 0;
	first = lo & ~(size_t)15;
	last = (hi - 1) & ~(size_t)15;
	if (take(sc, first, edge_mask(s, first, lo, hi, b)) < 0)
		return -1;
	for (size_t at = first + 16; at < last; at += 16)
		if (take(sc, at, (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(
		    _mm_loadu_si128((const __m128i *)(c + at)), want))) < 0)
			return -1;
	if (last > first && take(sc, last, edge_mask(s, last, lo, hi, b)) < 0)
		return -1;
	return 0;
}
#endif

/* Every match starting in the part, overlapping ones too, in corpus
 * order, from memchr of the query's rare byte k, which on Chinese text,
 * where most bytes are one of a few lead bytes, is several times faster
 * than memmem. */
static int
scan_part(struct scan *sc)
{
	const struct search *s = sc->s;
	const char *c = s->corpus.s, *p;
	size_t n = s->corpus.n, k = sc->k, hi = scan_end(sc);

#ifdef __SSE2__
	if (sc->dense)
		return scan_dense(sc);
#endif
	/* at: where the query's byte k may be; the match starts k before. */
	for (size_t at = sc->from + k; at < hi; at++) {
		p = memchr(c + at, s->query[k], hi - at);
		if (!p)
			break;
		at = (size_t)(p - c);
		if (s->qlen > 1 && (at - k + s->qlen > n || memcmp(p - k, s->query, s->qlen) != 0))
			continue;
		/* Overlapping hits too: then a longer query's hits are
		 * always a subset, which narrow() relies on. */
		if (found(sc, at - k) < 0)
			return -1;
	}
	return 0;
}

static void *
scan_thread(void *arg)
{
	struct scan *sc = arg;

	sc->rc = scan_part(sc);
	return NULL;
}

/* What a stretch of the corpus costs to scan, in bytes: its bytes, and
 * per candidate of the query's byte b in it (as the sample tells) a few
 * dozen more: a memchr call, then found() for a hit or memcmp for
 * another.  The masked scan meets its candidates at less
 * cost.  (Weights measured on the 1000x benchmark dossier.) */
static uint64_t
stretch_cost(const struct search *s, size_t j, unsigned char b, bool dense)
{
	size_t n = s->corpus.n, step = stretch(n), start = j * step;
	size_t len = n - start < step ? n - start : step;
	size_t got = n - start < SLICE ? n - start : SLICE;

	return len + (uint64_t)(dense ? 12 : 48) * s->slice_freq[j][b] * len / got;
}

/* Where the second thread should start for both to finish together:
 * hits can be dense in one half and rare in the other (English event
 * titles, then Chinese paragraphs), so not the middle but the point
 * of half the cost, then the first string there. */
static size_t
split_seg(const struct search *s, unsigned char b, bool dense)
{
	size_t n = s->corpus.n, step = stretch(n), lo = 1, hi = s->nsegs, at = n / 2;
	uint64_t total = 0, acc = 0;

	if (n < s->split_min || s->nsegs < 2)
		return 0;
	for (size_t j = 0; j * step < n; j++)
		total += stretch_cost(s, j, b, dense);
	for (size_t j = 0; j * step < n; j++) {
		uint64_t c = stretch_cost(s, j, b, dense);
		if (2 * (acc + c) >= total) {
			at = j * step + (size_t)((total / 2 - acc) * step / c);
			break;
		}
		acc += c;
	}
	while (lo < hi) {
		size_t m = (lo + hi) / 2;
		if (s->segs[m].fstart < at)
			lo = m + 1;
		else
			hi = m;
	}
	return lo < s->nsegs ? lo : 0;
}

/* Candidates of byte b in [from, to) of the corpus, as the sample
 * tells. */
static size_t
expected(const struct search *s, size_t from, size_t to, unsigned char b)
{
	size_t n = s->corpus.n, step = stretch(n), e = 0;

	for (size_t j = from / step; j * step < to; j++) {
		size_t start = j * step, end = n - start < step ? n : start + step;
		size_t lo = from > start ? from : start, hi = to < end ? to : end;
		size_t got = n - start < SLICE ? n - start : SLICE;
		e += (size_t)((uint64_t)s->slice_freq[j][b] * (hi - lo) / got);
	}
	return e;
}

/* Room at once for the hits of [sc->from, to), as many as its
 * candidates (the sample's guess, and a margin): a query with a million
 * hits would otherwise grow its array a dozen times, each a copy, and
 * the merge of two parts would copy the first once more.  The array
 * holds no hits yet, so nothing is copied; untouched room costs no
 * memory; and without room, the hits grow the array as they come. */
static void
make_room(struct scan *sc, size_t to)
{
	const struct search *s = sc->s;
	unsigned char b = (unsigned char)s->query[sc->k];
	size_t want = expected(s, sc->from, to, b);
	struct search_hit *nh;

	want += want / 8;
	if (sc->nhits > 0 || want <= sc->hitcap)
		return;
	nh = bigmem_alloc(want * sizeof *nh);
	if (!nh)
		return;
	free(sc->hits);
	sc->hits = nh;
	sc->hitcap = want;
}

/* The corpus in two parts, the second on another thread, its hits then
 * put after the first's; -1 when the thread cannot start (the caller
 * then scans the whole alone) or memory ran out (a->rc). */
static int
scan_split(struct scan *a, size_t seg)
{
	struct scan b = *a;
	pthread_t th;

	b.from = a->to = a->s->segs[seg].fstart;
	/* seg_from searches forward from the part's first string. */
	b.seg = seg;
	b.seg_end = 0;
	b.hits = NULL;
	b.nhits = b.hitcap = 0;
	make_room(&b, b.to);
	if (pthread_create(&th, NULL, scan_thread, &b) != 0) {
		free(b.hits);
		a->to = b.to;
		return -1;
	}
	/* The first part's array takes the second's hits too. */
	make_room(a, b.to);
	a->rc = scan_part(a);
	pthread_join(th, NULL);
	if (a->rc == 0 && (b.rc < 0 || reserve_hits(a, b.nhits) < 0))
		a->rc = -1;
	if (a->rc == 0) {
		if (b.nhits)
			memcpy(a->hits + a->nhits, b.hits, b.nhits * sizeof *b.hits);
		a->nhits += b.nhits;
	}
	free(b.hits);
	return 0;
}

/* Every match of the query in corpus order.  The candidates come from
 * the query's rarest byte (in the sample): memchr of it, or a masked
 * scan when it is frequent.  The first key of a search scans the whole
 * corpus, which on a large one takes two threads, a part each, to stay
 * within a frame. */
static int
scan_all(struct search *s)
{
	struct scan sc = { .s = s, .hits = s->hits, .hitcap = s->hitcap };
	size_t sampled = 0, seg;

	s->nhits = 0;
	s->split = 0;
	if (!s->corpus.s || s->qlen > s->corpus.n)   /* no searchable string at all */
		return 0;
	if (!s->sampled && sample_bytes(s) < 0)
		return -1;
	for (size_t i = 1; i < s->qlen; i++)
		if (s->freq[(unsigned char)s->query[i]] < s->freq[(unsigned char)s->query[sc.k]])
			sc.k = i;
	for (size_t i = 0; i < 256; i++)
		sampled += s->freq[i];
	/* More than one candidate in 32 bytes: the masked scan. */
	sc.dense = (size_t)s->freq[(unsigned char)s->query[sc.k]] * 32 > sampled;
	sc.to = s->corpus.n;
	seg = split_seg(s, (unsigned char)s->query[sc.k], sc.dense);
	if (seg && scan_split(&sc, seg) == 0)
		s->split = seg;
	else {
		make_room(&sc, sc.to);
		sc.rc = scan_part(&sc);
	}
	s->hits = sc.hits;
	s->hitcap = sc.hitcap;
	s->nhits = sc.rc == 0 ? sc.nhits : 0;
	return sc.rc;
}

/* The query grew: a hit of the longer query starts where a hit of the
 * shorter one did, so only those places are checked, the new bytes of
 * the query first (most are dropped there, without a look at their
 * string). */
static int
narrow(struct search *s, size_t known)
{
	size_t kept = 0, more = s->qlen - known;
	const char *q = s->query + known;

	for (size_t i = 0; i < s->nhits; i++) {
		struct search_hit h = s->hits[i];
		const struct search_seg *sg;
		const char *at;
		/* Bridged hits are found again for the longer query, if any. */
		if (search_hit_bridged(&h))
			continue;
		at = s->corpus.s + h.fpos + known;
		/* The first known bytes matched already: check the rest.  The
		 * NUL after each string stops a match running past it, unless
		 * the query holds a NUL: hence the check of the string's end. */
		if (more && (h.fpos + s->qlen > s->corpus.n || at[0] != q[0] ||
		    memcmp(at, q, more) != 0))
			continue;
		sg = &s->segs[h.seg];
		if (h.fpos + s->qlen > (size_t)sg->fstart + sg->flen)
			continue;
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

	if (!s->built)
		build(s, -1);
	if (s->corpus.oom) {
		s->nhits = s->qlen = 0;
		return -1;
	}
	q = fold_string(query, n, &qlen);
	if (!q) {
		s->error = _("out of memory");
		s->nhits = 0;
		return -1;
	}
	grows = s->query && s->qlen > 0 && qlen >= s->qlen &&
	    memcmp(q, s->query, s->qlen) == 0;
	known = s->qlen;
	free(s->query);
	s->query = q;
	s->qlen = qlen;
	s->nbridges = s->nspans = 0;
	if (qlen == 0) {
		s->nhits = 0;
		return 0;
	}
	if ((grows ? narrow(s, known) : scan_all(s)) < 0 ||
	    (s->bridging && search_add_bridged(s) < 0)) {
		/* No hits rather than some: the next key scans afresh. */
		s->error = _("out of memory");
		s->nhits = s->qlen = s->nbridges = s->nspans = 0;
		return -1;
	}
	s->error = NULL;
	return (long)s->nhits;
}

const struct search_seg *
search_seg_of(const struct search *s, const struct search_hit *h)
{
	return &s->segs[h->seg];
}

void
search_text_span(const struct search *s, const struct search_hit *h,
    size_t *off, size_t *len)
{
	const struct search_seg *sg = &s->segs[h->seg];
	size_t hint = sg->anchor;  /* the string's first: at or before the hit */
	const char *a, *b;

	fold_to_orig_from(&s->corpus, &hint, h->fpos, s->qlen, &a, &b);
	*off = (size_t)(a - sg->orig);
	*len = (size_t)(b - a);
}

void
search_hit_span(const struct search *s, size_t hit, size_t *off, size_t *len)
{
	size_t lo = 0, hi = s->nspans;

	if (!search_hit_bridged(&s->hits[hit])) {
		search_text_span(s, &s->hits[hit], off, len);
		return;
	}
	while (hi - lo > 1) {      /* spans are in the order of their hits */
		size_t mid = (lo + hi) / 2;
		if (s->spans[mid].hit <= hit)
			lo = mid;
		else
			hi = mid;
	}
	*off = s->spans[lo].off;
	*len = s->spans[lo].len;
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
	free(s->spans);
	free(s->slice_freq);
	free(s->bridges);
	if (s->own_ix) {
		index_free(s->own_ix);
		free(s->own_ix);
	}
	memset(s, 0, sizeof *s);
}
