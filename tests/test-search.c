/* Unit tests of the search engine (src/search.c): folding-insensitive
 * matches, reading order, exact highlights (each hit's span, mapped back
 * when asked, against a cluster by cluster reference), incremental
 * narrowing that agrees with a fresh search, and a scan split between two
 * threads that agrees with one. */
#include <config.h>

#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include <unicase.h>
#include <unigbrk.h>
#include <uninorm.h>
#include <unistr.h>

#include "bundled.h"
#include "search.h"

static struct dossier bundled;

static int
setup(void **state)
{
	(void)state;
	return load_bundled(&bundled);
}

static int
teardown(void **state)
{
	(void)state;
	dossier_free(&bundled);
	return 0;
}

static long
run(struct search *s, const char *q)
{
	long n = search_run(s, q, strlen(q));

	assert_true(n >= 0);
	assert_int_equal((size_t)n, s->nhits);
	return n;
}

static int
rank(unsigned kind)
{
	switch (kind) {
	case DS_EVENT: return 0;
	case DS_PERSON: return 1;
	case DS_ORG: return 2;
	case DS_PARAGRAPH: return 3;
	default: fail_msg("unexpected kind %u", kind);
	}
	return 9;
}

/* Hit i's original bytes: [*off, *off + *len) of its string. */
static void
span(const struct search *s, size_t i, size_t *off, size_t *len)
{
	*off = *len = SIZE_MAX;
	search_hit_span(s, i, off, len);
}

static bool
same_hits(const struct search *a, const struct search *b)
{
	if (a->nhits != b->nhits)
		return false;
	for (size_t i = 0; i < a->nhits; i++) {
		const struct search_hit *x = &a->hits[i], *y = &b->hits[i];
		const struct search_seg *sx = search_seg_of(a, x), *sy = search_seg_of(b, y);
		size_t xo, xl, yo, yl;
		span(a, i, &xo, &xl);
		span(b, i, &yo, &yl);
		if (sx->kind != sy->kind || sx->item != sy->item || sx->field != sy->field ||
		    sx->sub != sy->sub || xo != yo || xl != yl)
			return false;
	}
	return true;
}

/* The reference fold map of one string: its grapheme clusters folded one
 * by one with libunistring alone, as fold_append must (see
 * tests/fuzz/fuzz-fold.c), none of fold.c's anchors or fast paths. */
struct cluster {
	size_t ostart, olen;       /* in the original string */
	size_t fstart, flen;       /* in its folding */
	bool same;                 /* folded byte for byte: offsets agree */
};

static size_t
ref_clusters(const char *s, size_t n, struct cluster *cl)
{
	const uint8_t *p = (const uint8_t *)s, *end = p + n;
	size_t ncl = 0, f = 0;

	while (p < end) {
		const uint8_t *bad = u8_check(p, (size_t)(end - p));
		const uint8_t *stop = bad ? bad : end;
		while (p < stop) {
			const uint8_t *next = u8_grapheme_next(p, stop);
			size_t olen = (size_t)(next - p), flen;
			uint8_t *fold = u8_casefold(p, olen, NULL, UNINORM_NFKC, NULL, &flen);
			bool same = flen == olen;
			assert_non_null(fold);
			/* Alike when their characters start at the same
			 * offsets ("ß" and its "ss" are not). */
			for (size_t i = 0; same && i < olen; i++)
				same = ((fold[i] & 0xc0) == 0x80) == ((p[i] & 0xc0) == 0x80);
			cl[ncl++] = (struct cluster){ (size_t)(p - (const uint8_t *)s), olen, f,
			    flen, same };
			f += flen;
			free(fold);
			p = next;
		}
		if (bad)
			p = bad + 1;   /* an invalid byte folds to nothing */
	}
	return ncl;
}

/* The cluster holding folded byte f. */
static const struct cluster *
ref_cluster_at(const struct cluster *cl, size_t ncl, size_t f)
{
	for (size_t i = 0; i < ncl; i++)
		if (f >= cl[i].fstart && f < cl[i].fstart + cl[i].flen)
			return &cl[i];
	fail_msg("folded byte %zu is in no cluster", f);
	return NULL;
}

/* Every hit's span is what the reference maps its folded bytes to: from
 * the byte it starts at, or the start of its first cluster if that one
 * folds into other shapes, to the byte after its last one, or the end of
 * that cluster likewise.  Returns how many hits were checked. */
static size_t
check_spans(const struct search *s, const char *q)
{
	struct cluster *cl = NULL;
	size_t ncl = 0, seg = SIZE_MAX, checked = 0;

	for (size_t i = 0; i < s->nhits; i++) {
		const struct search_hit *h = &s->hits[i];
		const struct search_seg *sg = search_seg_of(s, h);
		const struct cluster *a, *b;
		size_t f, want_off, want_end, off, len;
		if (search_hit_bridged(h))
			continue;
		if (h->seg != seg) {
			free(cl);
			cl = malloc((sg->orig_n + 1) * sizeof *cl);
			assert_non_null(cl);
			ncl = ref_clusters(sg->orig, sg->orig_n, cl);
			seg = h->seg;
		}
		f = h->fpos - sg->fstart;
		a = ref_cluster_at(cl, ncl, f);
		b = ref_cluster_at(cl, ncl, f + s->qlen - 1);
		want_off = a->same ? a->ostart + (f - a->fstart) : a->ostart;
		want_end = b->same ? b->ostart + (f + s->qlen - b->fstart) : b->ostart + b->olen;
		span(s, i, &off, &len);
		if (off != want_off || off + len != want_end)
			fail_msg("'%s' hit %zu: %zu+%zu '%.*s', want %zu+%zu '%.*s' in '%.*s'",
			    q, i, off, len, (int)len, sg->orig + off, want_off,
			    want_end - want_off, (int)(want_end - want_off), sg->orig + want_off,
			    (int)sg->orig_n, sg->orig);
		checked++;
	}
	free(cl);
	return checked;
}

/* Every hit lies inside its string, and the highlighted original bytes
 * fold to exactly the folded query. */
static void
check_highlights(const struct search *s, const char *q)
{
	size_t qn;
	char *fq = fold_string(q, strlen(q), &qn);

	assert_non_null(fq);
	for (size_t i = 0; i < s->nhits; i++) {
		const struct search_seg *sg = search_seg_of(s, &s->hits[i]);
		size_t n, off, len;
		char *f;
		span(s, i, &off, &len);
		assert_true(off + len <= sg->orig_n);
		f = fold_string(sg->orig + off, len, &n);
		assert_non_null(f);
		if (n != qn || memcmp(f, fq, n) != 0)
			fail_msg("'%s': hit %zu highlights '%.*s'", q, i, (int)len,
			    sg->orig + off);
		free(f);
	}
	free(fq);
}

/* Hits come in reading order: timeline (in date order), people, orgs,
 * article; within a string, left to right. */
static void
check_order(const struct search *s)
{
	for (size_t i = 1; i < s->nhits; i++) {
		const struct search_seg *a = search_seg_of(s, &s->hits[i - 1]);
		const struct search_seg *b = search_seg_of(s, &s->hits[i]);
		int ra = rank(a->kind), rb = rank(b->kind);
		assert_true(ra <= rb);
		if (ra == rb)
			assert_true(a->item <= b->item);
		if (a == b) {
			size_t ao, al, bo, bl;
			span(s, i - 1, &ao, &al);
			span(s, i, &bo, &bl);
			assert_true(s->hits[i - 1].fpos < s->hits[i].fpos);
			assert_true(ao <= bo);
		}
		if (a->kind == DS_EVENT && b->kind == DS_EVENT)
			assert_true(date_cmp(&bundled.events[a->item].sort,
			    &bundled.events[b->item].sort) <= 0);
	}
}

static void
test_case_and_width(void **state)
{
	struct search a, b, c;
	long n;

	(void)state;
	search_init(&a, &bundled);
	search_init(&b, &bundled);
	search_init(&c, &bundled);
	n = run(&a, "llama");
	assert_true(n >= 20);
	assert_int_equal(run(&b, "LLAMA"), n);
	assert_int_equal(run(&c, "ＬＬＡＭＡ"), n);
	assert_true(same_hits(&a, &b));
	assert_true(same_hits(&a, &c));
	check_highlights(&a, "llama");
	check_highlights(&c, "ＬＬＡＭＡ");
	check_order(&a);
	assert_int_equal(run(&b, "LlAmA"), n);
	assert_true(same_hits(&a, &b));
	search_free(&a);
	search_free(&b);
	search_free(&c);
}

/* ASCII case-insensitive occurrences of q in s (q is ASCII). */
static size_t
ascii_count(struct ds_str s, const char *q)
{
	size_t qn = strlen(q), c = 0;

	for (size_t i = 0; i + qn <= s.n; i++) {
		size_t k = 0;
		while (k < qn) {
			char x = s.s[i + k], y = q[k];
			if (x >= 'A' && x <= 'Z')
				x = (char)(x + 32);
			if (y >= 'A' && y <= 'Z')
				y = (char)(y + 32);
			if (x != y)
				break;
			k++;
		}
		c += k == qn;
	}
	return c;
}

/* Occurrences of q in every searchable string of the dossier, by a direct
 * scan: event Date and Title; Name, Latin, Alias, Role or Kind, Note of
 * people and orgs; paragraph Text and Gloss; note Text. */
static size_t
naive_total(const struct dossier *d, const char *q)
{
	size_t c = 0;

	for (size_t i = 0; i < d->nevents; i++)
		c += ascii_count(d->events[i].date_text, q) +
		    ascii_count(d->events[i].title, q);
	for (int k = 0; k < 2; k++) {
		const struct ds_entity *e = k ? d->orgs : d->people;
		size_t n = k ? d->norgs : d->npeople;
		for (size_t i = 0; i < n; i++) {
			c += ascii_count(e[i].name, q) + ascii_count(e[i].role, q) +
			    ascii_count(e[i].note, q);
			/* The Latin name, where it is not the Name again. */
			if (e[i].latin.n != e[i].name.n ||
			    memcmp(e[i].latin.s, e[i].name.s, e[i].name.n) != 0)
				c += ascii_count(e[i].latin, q);
			for (size_t a = 0; a < e[i].nalias; a++)
				c += ascii_count(e[i].alias[a], q);
		}
	}
	for (size_t i = 0; i < d->nparas; i++)
		c += ascii_count(d->paras[i].text, q) + ascii_count(d->paras[i].gloss, q);
	for (size_t i = 0; i < d->nnotes; i++)
		c += ascii_count(d->notes[i].text, q);
	return c;
}

static void
test_counts_agree(void **state)
{
	/* Queries whose folding is themselves (lower-case ASCII, CJK): the
	 * engine finds as many as a direct scan (the data has no full-width
	 * Latin that would add folded matches; if it gets some, the search
	 * may find more, never fewer). */
	static const char *const qs[] = {
		"llama", "meta", "carmack", "2023", "fair", "苹", "扎克伯格", "人才流失",
		"a", "的", "llama 2",
	};
	struct search s;

	(void)state;
	search_init(&s, &bundled);
	for (size_t i = 0; i < sizeof qs / sizeof *qs; i++) {
		size_t want = naive_total(&bundled, qs[i]);
		long n = run(&s, qs[i]);
		if ((size_t)n < want || want == 0)
			fail_msg("'%s': %ld hits, a direct scan finds %zu", qs[i], n, want);
		check_highlights(&s, qs[i]);
		check_order(&s);
	}
	search_free(&s);
}

static long
find_hit(const struct search *s, enum ds_kind kind, const char *id, long from)
{
	long item = dossier_find(s->d, kind, id, strlen(id));

	assert_true(item >= 0);
	for (size_t i = (size_t)from; i < s->nhits; i++) {
		const struct search_seg *sg = search_seg_of(s, &s->hits[i]);
		if (sg->kind == kind && sg->item == (uint32_t)item)
			return (long)i;
	}
	return -1;
}

static void
test_aliases(void **state)
{
	struct search s;
	long i;
	size_t paras = 0;

	(void)state;
	search_init(&s, &bundled);
	run(&s, "LeCun");
	i = find_hit(&s, DS_PERSON, "lecun", 0);
	assert_true(i >= 0);
	/* The Latin name first, then the aliases. */
	assert_int_equal(search_seg_of(&s, &s.hits[i])->field, SF_LATIN);
	i = find_hit(&s, DS_PERSON, "lecun", i + 1);
	assert_true(i >= 0);
	assert_int_equal(search_seg_of(&s, &s.hits[i])->field, SF_ALIAS);
	check_highlights(&s, "LeCun");

	run(&s, "Carmack");
	i = find_hit(&s, DS_PERSON, "carmack", 0);
	assert_true(i >= 0);
	/* And the paragraphs that name him, in their text or their gloss,
	 * each of them. */
	for (size_t p = 0; p < bundled.nparas; p++) {
		bool named = ascii_count(bundled.paras[p].text, "carmack") +
		    ascii_count(bundled.paras[p].gloss, "carmack") > 0;
		bool hit = false;
		for (size_t k = 0; k < s.nhits; k++) {
			const struct search_seg *sg = search_seg_of(&s, &s.hits[k]);
			hit |= sg->kind == DS_PARAGRAPH && sg->item == p &&
			    (sg->field == SF_TEXT || sg->field == SF_GLOSS);
		}
		assert_int_equal(named, hit);
		paras += named;
	}
	assert_true(paras >= 1);
	/* A Chinese Name finds the person too. */
	run(&s, "杨立昆");
	assert_true(find_hit(&s, DS_PERSON, "lecun", 0) >= 0);
	search_free(&s);
}

/* English words find paragraphs through their glosses: every paragraph
 * whose gloss has the word, and the hit is in the gloss, highlighting it. */
static void
test_glosses(void **state)
{
	struct search s;
	size_t want = 0;
	long n;

	(void)state;
	search_init(&s, &bundled);
	n = run(&s, "talent");
	for (size_t p = 0; p < bundled.nparas; p++)
		want += ascii_count(bundled.paras[p].gloss, "talent");
	assert_true(want >= 3);
	assert_int_equal((size_t)n, want);
	for (long k = 0; k < n; k++) {
		const struct search_seg *sg = search_seg_of(&s, &s.hits[k]);
		assert_int_equal(sg->kind, DS_PARAGRAPH);
		assert_int_equal(sg->field, SF_GLOSS);
		assert_ptr_equal(sg->orig, bundled.paras[sg->item].gloss.s);
	}
	check_highlights(&s, "talent");
	/* A Latin name finds the person by it. */
	run(&s, "Joelle Pineau");
	assert_true(find_hit(&s, DS_PERSON, "pineau", 0) >= 0);
	search_free(&s);
}

static void
test_dates(void **state)
{
	struct search s;
	size_t want = 0, got = 0;

	(void)state;
	search_init(&s, &bundled);
	run(&s, "2023-02");
	for (size_t e = 0; e < bundled.nevents; e++) {
		struct ds_str dt = bundled.events[e].date_text;
		bool dated = dt.n >= 7 && memcmp(dt.s, "2023-02", 7) == 0;
		bool hit = false;
		for (size_t k = 0; k < s.nhits; k++) {
			const struct search_seg *sg = search_seg_of(&s, &s.hits[k]);
			hit |= sg->kind == DS_EVENT && sg->item == e && sg->field == SF_DATE;
		}
		assert_int_equal(dated, hit);
		want += dated;
	}
	assert_true(want >= 2);
	/* The date hits come first, in date order. */
	for (size_t k = 0; k < s.nhits; k++)
		got += search_seg_of(&s, &s.hits[k])->field == SF_DATE;
	assert_int_equal(got, want);
	check_order(&s);
	search_free(&s);
}

static void
test_one_chinese_char(void **state)
{
	struct search s;
	long n;

	(void)state;
	search_init(&s, &bundled);
	n = run(&s, "苹");
	assert_int_equal((size_t)n, naive_total(&bundled, "苹"));
	assert_true(n > 0);
	for (long i = 0; i < n; i++) {
		const struct search_seg *sg = search_seg_of(&s, &s.hits[i]);
		size_t off, len;
		span(&s, (size_t)i, &off, &len);
		assert_int_equal(len, 3);
		assert_memory_equal(sg->orig + off, "苹", 3);
	}
	search_free(&s);
}

static void
test_invalid_and_empty(void **state)
{
	struct search a, b;
	long n;

	(void)state;
	search_init(&a, &bundled);
	search_init(&b, &bundled);
	assert_int_equal(run(&a, ""), 0);
	n = run(&a, "Llama");
	assert_true(n > 0);
	assert_int_equal(run(&b, "Lla\xffma"), n);
	assert_true(same_hits(&a, &b));
	assert_int_equal(run(&b, "\xe6\x89Llama\xc0\xaf"), n);
	assert_true(same_hits(&a, &b));
	assert_int_equal(run(&b, "\xff"), 0);
	assert_int_equal(run(&b, "\xed\xa0\x80"), 0);
	assert_int_equal(run(&a, ""), 0);
	assert_int_equal(search_run(&a, "x", 0), 0);
	/* After an empty query, a search starts afresh. */
	assert_int_equal(run(&a, "Llama"), n);
	assert_int_equal(run(&a, "no such thing anywhere"), 0);
	search_free(&a);
	search_free(&b);
}

/* Every prefix of each query (byte by byte, so partial characters too),
 * typed into one search, gives what a fresh search gives; so does deleting
 * back down, and then a sequence of edits that change the query in the
 * middle or switch between full-width and ASCII forms. */
static void
test_incremental(void **state)
{
	static const char *const qs[] = {
		"Llama 2", "扎克伯格", "Meta的AI", "ＦＡＩＲ", "2023-0", "Carmack",
		"John Carmack", "Facebook AI Research", "strasse", "ß", "aa",
	};
	static const char *const edits[] = {
		"L", "Ll", "Lla", "Llb", "Ll", "Llama", "Llama 2", "Llama 3", "ＬＬ",
		"ＬＬａ", "ll", "llama 2", "llama 2", "Meta", "Meta的", "Meta的AI",
		"Meta", "M", "", "扎", "扎克", "马克·扎克", "马克·扎克伯格",
	};
	struct search inc, fresh;

	(void)state;
	search_init(&inc, &bundled);
	for (size_t i = 0; i < sizeof qs / sizeof *qs; i++) {
		size_t len = strlen(qs[i]);
		for (int dir = 0; dir < 2; dir++)
			for (size_t k = 0; k <= len; k++) {
				size_t n = dir ? len - k : k;
				long a = search_run(&inc, qs[i], n), b;
				search_init(&fresh, &bundled);
				b = search_run(&fresh, qs[i], n);
				if (a != b || !same_hits(&inc, &fresh))
					fail_msg("'%.*s': incremental %ld hits, fresh %ld",
					    (int)n, qs[i], a, b);
				search_free(&fresh);
			}
	}
	for (size_t i = 0; i < sizeof edits / sizeof *edits; i++) {
		long a = run(&inc, edits[i]), b;
		search_init(&fresh, &bundled);
		b = run(&fresh, edits[i]);
		if (a != b || !same_hits(&inc, &fresh))
			fail_msg("'%s' after '%s': incremental %ld hits, fresh %ld",
			    edits[i], i ? edits[i - 1] : "", a, b);
		search_free(&fresh);
	}
	search_free(&inc);
}

static void
test_first_at(void **state)
{
	struct search s;

	(void)state;
	search_init(&s, &bundled);
	run(&s, "Meta");
	for (int kind = DS_EVENT; kind <= DS_PARAGRAPH; kind++) {
		size_t n = kind == DS_EVENT ? bundled.nevents : kind == DS_PERSON ?
		    bundled.npeople : kind == DS_ORG ? bundled.norgs : bundled.nparas;
		for (size_t item = 0; item <= n; item++) {
			size_t want = 0;
			while (want < s.nhits) {
				const struct search_seg *sg = search_seg_of(&s, &s.hits[want]);
				if (rank(sg->kind) > rank((unsigned)kind) ||
				    (sg->kind == kind && sg->item >= item))
					break;
				want++;
			}
			assert_int_equal(search_first_at(&s, kind, item), want);
		}
	}
	search_free(&s);
}

/* A small dossier where folding changes lengths. */
static const char small[] =
    "%rec: Dossier\n\nTitle: T\n\n"
    "%rec: Paragraph\n\n"
    "Id: p1\nText: 开源的ＬＬＡＭＡ模型\n\n"
    "Id: p2\nText: Die Straße ist lang\n\n"
    "Id: p3\nText: Cafe\xcc\x81 und Café\n\n"
    "%rec: Person\n\n"
    "Id: x\nName: Ｘ先生\nAlias: Straßmann\nRole: ＣＥＯ\n\n"
    "%rec: Org\n\n"
    "Id: o\nName: ＬＬＡＭＡ\nNote: note\n\n"
    "%rec: Event\n\n"
    "Id: e\nDate: 2023-02\nTitle: ＬＬＡＭＡ released\n";

struct want {
	unsigned kind, field;
	size_t off, len;
};

static void
hits_are(struct search *s, const char *q, const struct want *w, size_t nw)
{
	long n = run(s, q);

	if ((size_t)n != nw)
		fail_msg("'%s': %ld hits, want %zu", q, n, nw);
	for (size_t i = 0; i < nw; i++) {
		const struct search_seg *sg = search_seg_of(s, &s->hits[i]);
		size_t off, len;
		span(s, i, &off, &len);
		if (sg->kind != w[i].kind || sg->field != w[i].field ||
		    off != w[i].off || len != w[i].len)
			fail_msg("'%s' hit %zu: kind %u field %u %zu+%zu '%.*s', "
			    "want kind %u field %u %zu+%zu", q, i, sg->kind, sg->field,
			    off, len, (int)len, sg->orig + off,
			    w[i].kind, w[i].field, w[i].off, w[i].len);
	}
	check_spans(s, q);
}

#define HITS(s, q, ...) do { \
	static const struct want w_[] = { __VA_ARGS__ }; \
	hits_are(s, q, w_, sizeof w_ / sizeof *w_); \
} while (0)

static void
test_highlights(void **state)
{
	struct dossier d;
	struct diag dg;
	struct search s;
	const size_t fw = strlen("ＬＬＡＭＡ");

	(void)state;
	diag_init(&dg, "small");
	assert_int_equal(dossier_load_buffer(&d, "small", small, strlen(small), &dg), 0);
	diag_free(&dg);
	search_init(&s, &d);
	HITS(&s, "llama",
	    { DS_EVENT, SF_TITLE, 0, fw },
	    { DS_ORG, SF_NAME, 0, fw },
	    { DS_PARAGRAPH, SF_TEXT, strlen("开源的"), fw });
	HITS(&s, "llama r",
	    { DS_EVENT, SF_TITLE, 0, fw + 2 });
	HITS(&s, "lam",
	    { DS_EVENT, SF_TITLE, strlen("Ｌ"), strlen("ＬＡＭ") },
	    { DS_ORG, SF_NAME, strlen("Ｌ"), strlen("ＬＡＭ") },
	    { DS_PARAGRAPH, SF_TEXT, strlen("开源的Ｌ"), strlen("ＬＡＭ") });
	HITS(&s, "a模",
	    { DS_PARAGRAPH, SF_TEXT, strlen("开源的ＬＬＡＭ"), strlen("Ａ模") });
	HITS(&s, "strasse",
	    { DS_PARAGRAPH, SF_TEXT, strlen("Die "), strlen("Straße") });
	HITS(&s, "strass",
	    { DS_PERSON, SF_ALIAS, 0, strlen("Straß") },
	    { DS_PARAGRAPH, SF_TEXT, strlen("Die "), strlen("Straß") });
	HITS(&s, "stras",
	    { DS_PERSON, SF_ALIAS, 0, strlen("Straß") },
	    { DS_PARAGRAPH, SF_TEXT, strlen("Die "), strlen("Straß") });
	HITS(&s, "ssm",
	    { DS_PERSON, SF_ALIAS, strlen("Stra"), strlen("ßm") });
	/* From the middle of ß's folding: all of ß. */
	HITS(&s, "sm",
	    { DS_PERSON, SF_ALIAS, strlen("Stra"), strlen("ßm") });
	HITS(&s, "se",
	    { DS_EVENT, SF_TITLE, strlen("ＬＬＡＭＡ relea"), 2 },
	    { DS_PARAGRAPH, SF_TEXT, strlen("Die Stra"), strlen("ße") });
	HITS(&s, "caf\xc3\xa9",
	    { DS_PARAGRAPH, SF_TEXT, 0, strlen("Cafe\xcc\x81") },
	    { DS_PARAGRAPH, SF_TEXT, strlen("Cafe\xcc\x81 und "), strlen("Café") });
	HITS(&s, "ceo",
	    { DS_PERSON, SF_ROLE, 0, strlen("ＣＥＯ") });
	HITS(&s, "x先",
	    { DS_PERSON, SF_NAME, 0, strlen("Ｘ先") });
	HITS(&s, "2023-02",
	    { DS_EVENT, SF_DATE, 0, 7 });
	/* Nothing matches across two strings. */
	assert_int_equal(run(&s, "生straß"), 0);
	assert_int_equal(run(&s, "模型die"), 0);
	search_free(&s);
	dossier_free(&d);
}

static void
test_empty_dossier(void **state)
{
	static const char text[] = "%rec: Dossier\n\nTitle: nothing else\n";
	struct dossier d;
	struct diag dg;
	struct search s;

	(void)state;
	diag_init(&dg, "empty");
	assert_int_equal(dossier_load_buffer(&d, "empty", text, strlen(text), &dg), 0);
	diag_free(&dg);
	search_init(&s, &d);
	assert_int_equal(run(&s, "a"), 0);
	assert_int_equal(run(&s, "ab"), 0);
	assert_int_equal(run(&s, ""), 0);
	assert_int_equal(search_first_at(&s, DS_PARAGRAPH, 0), 0);
	search_free(&s);
	dossier_free(&d);
}

/* Every hit of two the same as of one, field by field. */
static void
same_as_serial(const struct search *two, const struct search *one, const char *q)
{
	if (two->nhits != one->nhits)
		fail_msg("'%s': %zu hits in two parts, %zu in one", q, two->nhits, one->nhits);
	for (size_t i = 0; i < one->nhits; i++) {
		const struct search_hit *x = &two->hits[i], *y = &one->hits[i];
		size_t xo, xl, yo, yl;
		span(two, i, &xo, &xl);
		span(one, i, &yo, &yl);
		if (x->seg != y->seg || x->fpos != y->fpos || xo != yo || xl != yl)
			fail_msg("'%s' hit %zu: seg %u at %u, %zu+%zu in two parts; "
			    "seg %u at %u, %zu+%zu in one", q, i, x->seg, x->fpos, xo,
			    xl, y->seg, y->fpos, yo, yl);
	}
}

/* Runs q on two (which splits the scan) and on one (which does not) and
 * compares; true if two had hits in both strings at the split. */
static bool
split_agrees(struct search *two, struct search *one, const char *q)
{
	bool before = false, after = false;

	run(two, q);
	run(one, q);
	assert_int_equal(one->split, 0);
	if (two->split == 0)
		fail_msg("'%s': the scan was not split", q);
	same_as_serial(two, one, q);
	for (size_t i = 0; i < two->nhits; i++) {
		before |= two->hits[i].seg == two->split - 1;
		after |= two->hits[i].seg == two->split;
	}
	return before && after;
}

/* Bytes of the UTF-8 character at s. */
static size_t
char_len(const char *s)
{
	unsigned char c = (unsigned char)*s;

	return c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : c >= 0xc0 ? 2 : 1;
}

/* Whether the character q (UTF-8) is met for the first time. */
static bool
first_time(const char *q)
{
	static uint32_t seen[8192];
	uint32_t key = 0;
	size_t i;

	for (i = 0; q[i]; i++)
		key = key << 8 | (unsigned char)q[i];
	for (i = key * 2654435761u % 8192; seen[i]; i = (i + 1) % 8192)
		if (seen[i] == key)
			return false;
	seen[i] = key;
	return true;
}

/* The scan split in two threads: the same hits, in the same order, as
 * one thread finds, Latin, Chinese and full-width queries alike, and
 * narrowing from them too. */
static void
test_split(void **state)
{
	static const char *const qs[] = {
		"a", "e", "o", "的", "，", "meta", "llama", "ＬＬＡＭＡ", "扎克伯格",
		"人才流失", "2023", "llama 2", "ｍｅｔａ ａｉ",
	};
	static const char typed[] = "llama 2";
	struct search two, one;
	size_t at_split = 0;

	(void)state;
	search_init(&two, &bundled);
	search_init(&one, &bundled);
	two.split_min = 0;
	one.split_min = SIZE_MAX;
	for (size_t i = 0; i < sizeof qs / sizeof *qs; i++)
		split_agrees(&two, &one, qs[i]);
	/* Every character of the folded text as a query: the split falls
	 * elsewhere for each, and some have hits on both sides of it, in
	 * the string just before it and the one it starts with. */
	for (size_t i = 0; i < one.corpus.n; i += char_len(one.corpus.s + i)) {
		char q[5] = { 0 };
		memcpy(q, one.corpus.s + i, char_len(one.corpus.s + i));
		if (q[0] != '\0' && first_time(q))
			at_split += split_agrees(&two, &one, q);
	}
	assert_true(at_split > 0);
	/* Each key typed: a fresh scan, then narrowing of merged hits. */
	for (size_t n = 1; n <= strlen(typed); n++) {
		char q[sizeof typed];
		memcpy(q, typed, n);
		q[n] = '\0';
		assert_int_equal(search_run(&two, q, n), search_run(&one, q, n));
		same_as_serial(&two, &one, q);
	}
	search_free(&two);
	search_free(&one);
}

struct text {
	char *s;
	size_t n, cap;
};

static void add(struct text *t, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static void
add(struct text *t, const char *fmt, ...)
{
	va_list ap;
	int n;

	if (t->cap - t->n < 1024) {
		t->cap = t->cap ? t->cap * 2 : 1 << 20;
		t->s = realloc(t->s, t->cap);
		assert_non_null(t->s);
	}
	va_start(ap, fmt);
	n = vsnprintf(t->s + t->n, t->cap - t->n, fmt, ap);
	va_end(ap);
	assert_true(n >= 0 && (size_t)n < t->cap - t->n);
	t->n += (size_t)n;
}

/* A dossier whose folded text is larger than SEARCH_SPLIT_MIN: events
 * with English titles, people with full-width names, then paragraphs of
 * Chinese, full-width and decomposed Latin text, which end in Latin
 * letters (a hit in the last bytes before the split). */
static char *
large_dossier(size_t *len)
{
	struct text t = { 0 };
	size_t i;

	add(&t, "%%rec: Dossier\n\nTitle: large\n\n%%rec: Event\n\n");
	for (i = 0; i < 4000; i++)
		add(&t, "Id: e%zu\nDate: 2023-%02zu\nTitle: Meta open-sources LLaMA %zu\n\n",
		    i, i % 12 + 1, i);
	add(&t, "%%rec: Person\n\n");
	for (i = 0; i < 2000; i++)
		add(&t, "Id: x%zu\nName: 扎克伯格%zu\nAlias: Ｍａｒｋ Straße\nRole: ＣＥＯ\n\n", i, i);
	add(&t, "%%rec: Paragraph\n\n");
	for (i = 0; t.n < SEARCH_SPLIT_MIN * 3 / 2; i++)
		add(&t, "Id: p%zu\nText: 开源的ＬＬＡＭＡ模型%zu，Die Straße ist lang; "
		    "Cafe\xcc\x81 und Café. 扎克伯格说：Meta AI 的人才流失。Data\n\n", i, i);
	*len = t.n;
	return t.s;
}

/* Past SEARCH_SPLIT_MIN the scan is split as search_init leaves it. */
static void
test_split_large(void **state)
{
	static const char *const qs[] = {
		"a", "ta", "ａｔａ", "data", "e", "的", "ｌｌａｍａ", "llama 2", "strasse",
		"café", "开源", "扎克伯格1", "ceo", "模型1234", "2023-0",
	};
	struct dossier d;
	struct diag dg;
	struct search two, one;
	size_t len, at_split = 0;
	char *text = large_dossier(&len);

	(void)state;
	diag_init(&dg, "large");
	assert_int_equal(dossier_load_buffer(&d, "large", text, len, &dg), 0);
	diag_free(&dg);
	search_init(&two, &d);
	search_init(&one, &d);
	one.split_min = SIZE_MAX;
	run(&two, "");
	assert_true(two.corpus.n >= SEARCH_SPLIT_MIN);
	for (size_t i = 0; i < sizeof qs / sizeof *qs; i++) {
		at_split += split_agrees(&two, &one, qs[i]);
		check_highlights(&two, qs[i]);
	}
	assert_true(at_split >= 3);
	search_free(&two);
	search_free(&one);
	dossier_free(&d);
	free(text);
}


/* Text where folding changes lengths and shapes in every way: Chinese,
 * full-width Latin, ligatures (ﬁ, ﬂ), an expansion into many words
 * (U+FDFA), ß and ẞ, decomposed and composed accents, Ǆ, İ, final
 * sigma, the Kelvin and Angstrom signs, flags of two characters. */
static const char folding[] =
    "%rec: Dossier\n\nTitle: T\n\n"
    "%rec: Paragraph\n\n"
    "Id: p1\nText: 开源的ＡＢＣ模型和abc，ＡＢＣ的ﬁsh ﬁ ﬂow fish\n\n"
    "Id: p2\nText: Die Straße, STRASSE und \xe1\xba\x9e; Cafe\xcc\x81 caf\xc3\xa9 "
    "\xc7\x84 \xc7\x86\n\n"
    "Id: p3\nText: \xef\xb7\xba x \xef\xb7\xba; \xc4\xb0stanbul; "
    "\xce\xa3\xce\x8a\xce\xa3\xce\xa5\xce\xa6\xce\x9f\xce\xa3 \xcf\x83\xce\xaf\xcf\x83\xcf\x85\xcf\x86\xce\xbf\xcf\x82; "
    "\xe2\x84\xaa \xe2\x84\xab; \xf0\x9f\x87\xab\xf0\x9f\x87\xb7\xf0\x9f\x87\xa9\xf0\x9f\x87\xaa; "
    "e\xcc\x81\xcc\x81 a\xcc\x88\n\n"
    "%rec: Person\n\n"
    "Id: x\nName: Ｘ先生\nAlias: Straßmann\nRole: ＣＥＯ of ﬁrms\n\n"
    "%rec: Event\n\n"
    "Id: e\nDate: 2023-02\nTitle: ＡＢＣ released ﬁles\n";

static void
load_folding(struct dossier *d)
{
	struct diag dg;

	diag_init(&dg, "folding");
	assert_int_equal(dossier_load_buffer(d, "folding", folding, strlen(folding), &dg), 0);
	diag_free(&dg);
}

/* A hit's span is mapped back when asked for: every hit of every piece
 * of the folded text (one to three characters, from each character on)
 * as a query, the same as the reference. */
static void
test_spans(void **state)
{
	struct dossier d;
	struct search s, all;
	size_t checked = 0;

	(void)state;
	load_folding(&d);
	search_init(&all, &d);
	search_init(&s, &d);
	run(&all, "");
	assert_true(all.corpus.n > 0);
	for (size_t i = 0; i < all.corpus.n; i += char_len(all.corpus.s + i)) {
		size_t n = 0;
		for (int k = 0; k < 3 && i + n < all.corpus.n && all.corpus.s[i + n]; k++) {
			n += char_len(all.corpus.s + i + n);
			search_run(&s, all.corpus.s + i, n);
			checked += check_spans(&s, "(a piece of the folded text)");
		}
	}
	assert_true(checked > 1000);
	/* Spot checks of what the reference says. */
	HITS(&s, "abc",
	    { DS_EVENT, SF_TITLE, 0, strlen("ＡＢＣ") },
	    { DS_PARAGRAPH, SF_TEXT, strlen("开源的"), strlen("ＡＢＣ") },
	    { DS_PARAGRAPH, SF_TEXT, strlen("开源的ＡＢＣ模型和"), 3 },
	    { DS_PARAGRAPH, SF_TEXT, strlen("开源的ＡＢＣ模型和abc，"), strlen("ＡＢＣ") });
	/* Half of a ligature's folding highlights all of it; so does the
	 * i of İ's (i and a combining dot). */
	HITS(&s, "i",
	    { DS_EVENT, SF_TITLE, strlen("ＡＢＣ released "), strlen("ﬁ") },
	    { DS_PERSON, SF_ROLE, strlen("ＣＥＯ of "), strlen("ﬁ") },
	    { DS_PARAGRAPH, SF_TEXT, strlen("开源的ＡＢＣ模型和abc，ＡＢＣ的"), strlen("ﬁ") },
	    { DS_PARAGRAPH, SF_TEXT, strlen("开源的ＡＢＣ模型和abc，ＡＢＣ的ﬁsh "), strlen("ﬁ") },
	    { DS_PARAGRAPH, SF_TEXT, strlen("开源的ＡＢＣ模型和abc，ＡＢＣ的ﬁsh ﬁ ﬂow f"), 1 },
	    { DS_PARAGRAPH, SF_TEXT, strlen("D"), 1 },
	    { DS_PARAGRAPH, SF_TEXT, strlen("\xef\xb7\xba x \xef\xb7\xba; "), strlen("\xc4\xb0") });
	/* A word of U+FDFA's expansion: the whole sign, each time. */
	HITS(&s, "\xd8\xa7\xd9\x84\xd9\x84\xd9\x87",
	    { DS_PARAGRAPH, SF_TEXT, 0, 3 },
	    { DS_PARAGRAPH, SF_TEXT, strlen("\xef\xb7\xba x "), 3 });
	HITS(&s, "sse",
	    { DS_PARAGRAPH, SF_TEXT, strlen("Die Stra"), strlen("ße") },
	    { DS_PARAGRAPH, SF_TEXT, strlen("Die Straße, STRA"), 3 });
	HITS(&s, "\xf0\x9f\x87\xb7\xf0\x9f\x87\xa9",
	    { DS_PARAGRAPH, SF_TEXT, strlen("\xef\xb7\xba x \xef\xb7\xba; \xc4\xb0stanbul; "
	      "\xce\xa3\xce\x8a\xce\xa3\xce\xa5\xce\xa6\xce\x9f\xce\xa3 \xcf\x83\xce\xaf\xcf\x83\xcf\x85\xcf\x86\xce\xbf\xcf\x82; "
	      "\xe2\x84\xaa \xe2\x84\xab; \xf0\x9f\x87\xab"), 8 });
	search_free(&s);
	search_free(&all);
	dossier_free(&d);
}

/* Typed a character at a time, the hits narrowed from the last key's
 * have the spans of the longer query, as the reference maps them. */
static void
test_spans_typed(void **state)
{
	static const char *const qs[] = {
		"ＡＢＣ的ﬁsh", "straße, strasse und \xe1\xba\x9e", "\xc7\x84 \xc7\x86",
		"cafe\xcc\x81 caf\xc3\xa9", "\xef\xb7\xba x", "\xc4\xb0stanbul", "ﬁrms",
	};
	struct dossier d;
	struct search s;

	(void)state;
	load_folding(&d);
	search_init(&s, &d);
	for (size_t i = 0; i < sizeof qs / sizeof *qs; i++) {
		size_t checked = 0;
		for (size_t n = 0; n < strlen(qs[i]); ) {
			n += char_len(qs[i] + n);
			assert_true(search_run(&s, qs[i], n) >= 0);
			checked += check_spans(&s, qs[i]);
		}
		assert_true(checked > 0);
	}
	search_free(&s);
	dossier_free(&d);
}

/* On the bundled dossier, frequent and rare queries alike. */
static void
test_spans_bundled(void **state)
{
	static const char *const qs[] = {
		"o", "e", "的", "，", "meta", "ai", "扎克伯格", "lecun", "ﬁ", "ｍｅｔａ",
	};
	struct search s;

	(void)state;
	search_init(&s, &bundled);
	for (size_t i = 0; i < sizeof qs / sizeof *qs; i++) {
		run(&s, qs[i]);
		assert_true(check_spans(&s, qs[i]) > 0);
	}
	search_free(&s);
}

/* Offsets in the folded corpus are 32 bits: a corpus that would pass the
 * limit (lowered here to the size of the bundled dossier's, give or
 * take) is not made, and every search fails saying why, rather than
 * finding some of the hits.  Just under it, all is found. */
static void
test_corpus_limit(void **state)
{
	struct search whole, s;
	long n, all;

	(void)state;
	search_init(&whole, &bundled);
	all = run(&whole, "meta");
	assert_true(all > 0);
	search_init(&s, &bundled);
	s.max_corpus = whole.corpus.n - 1;
	assert_true(search_prepare(&s, -1));
	n = search_run(&s, "meta", 4);
	assert_int_equal(n, -1);
	assert_int_equal(s.nhits, 0);
	assert_non_null(s.error);
	assert_string_equal(s.error, "the folded text is too large to search");
	/* Again (the corpus is not made a second time), and another query. */
	assert_int_equal(search_run(&s, "llama", 5), -1);
	search_free(&s);

	search_init(&s, &bundled);
	s.max_corpus = whole.corpus.n;
	assert_int_equal(run(&s, "meta"), all);
	assert_null(s.error);
	search_free(&s);
	search_free(&whole);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_case_and_width),
		cmocka_unit_test(test_counts_agree),
		cmocka_unit_test(test_aliases),
		cmocka_unit_test(test_glosses),
		cmocka_unit_test(test_dates),
		cmocka_unit_test(test_one_chinese_char),
		cmocka_unit_test(test_invalid_and_empty),
		cmocka_unit_test(test_incremental),
		cmocka_unit_test(test_first_at),
		cmocka_unit_test(test_highlights),
		cmocka_unit_test(test_empty_dossier),
		cmocka_unit_test(test_split),
		cmocka_unit_test(test_split_large),
		cmocka_unit_test(test_corpus_limit),
		cmocka_unit_test(test_spans),
		cmocka_unit_test(test_spans_typed),
		cmocka_unit_test(test_spans_bundled),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
