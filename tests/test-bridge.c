/* Unit tests of search that bridges spellings (src/search_bridge.c and
 * the view's part): a query that is the whole of a form of a person or
 * organization also finds their mentions in their other forms, as the
 * index finds them, once each, in reading order, whatever the case or
 * width typed and however the query was reached; anything less than a
 * whole form bridges nothing; the view walks, marks and names them. */
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
#include <curses.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

#include "bundled.h"
#include "i18n.h"
#include "view-fixture.h"

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

static size_t
who(const struct dossier *d, enum ds_kind kind, const char *id)
{
	long i = dossier_find(d, kind, id, strlen(id));

	assert_true(i >= 0);
	return (size_t)i;
}

static size_t
bridged(const struct search *s)
{
	size_t n = 0;

	for (size_t i = 0; i < s->nhits; i++)
		n += search_hit_bridged(&s->hits[i]);
	return n;
}

/* Hit i's original bytes: [*off, *off + *len) of its string. */
static void
span(const struct search *s, size_t i, size_t *off, size_t *len)
{
	*off = *len = SIZE_MAX;
	search_hit_span(s, i, off, len);
}

/* Whether hit i overlaps [off, off+len) of string seg. */
static bool
over(const struct search *s, size_t i, size_t seg, size_t off, size_t len)
{
	size_t ho, hl;

	if (s->hits[i].seg != seg)
		return false;
	span(s, i, &ho, &hl);
	return ho < off + len && ho + hl > off;
}

/* Whether a hit of the query's text overlaps [off, off+len) of string
 * seg. */
static bool
text_hit_over(const struct search *s, size_t seg, size_t off, size_t len)
{
	for (size_t i = 0; i < s->nhits; i++)
		if (!search_hit_bridged(&s->hits[i]) && over(s, i, seg, off, len))
			return true;
	return false;
}

static size_t
entity_forms(const struct dossier *d, enum ds_kind kind, size_t w)
{
	return (kind == DS_ORG ? &d->orgs[w] : &d->people[w])->nalias + 2;
}

/* Latin name, Name, Aliases */
static struct ds_str
entity_form(const struct dossier *d, enum ds_kind kind, size_t w, size_t f)
{
	const struct ds_entity *e = kind == DS_ORG ? &d->orgs[w] : &d->people[w];

	return f == 0 ? e->latin : f == 1 ? e->name : e->alias[f - 2];
}

/* s is one of the entity's forms, and it begins with an ASCII letter. */
static bool
is_latin_form(const struct dossier *d, enum ds_kind kind, size_t w, const char *s, size_t n)
{
	bool letter = n > 0 && ((s[0] >= 'A' && s[0] <= 'Z') || (s[0] >= 'a' && s[0] <= 'z'));

	for (size_t f = 0; letter && f < entity_forms(d, kind, w); f++) {
		struct ds_str form = entity_form(d, kind, w, f);
		if (form.n == n && memcmp(form.s, s, n) == 0)
			return true;
	}
	return false;
}

static bool
alnum(char c)
{
	return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}

static bool
word_at(struct ds_str t, size_t off, size_t len)
{
	return !(off > 0 && alnum(t.s[off - 1])) && !(off + len < t.n && alnum(t.s[off + len]));
}

/* Whether paragraph p's text mentions (kind, w). */
static bool
mentions(struct index *ix, size_t p, enum ds_kind kind, size_t w)
{
	size_t nm;
	const struct ds_mention *m = index_mentions(ix, p, &nm);

	for (size_t j = 0; j < nm; j++)
		if (m[j].kind == kind && m[j].who == w)
			return true;
	return false;
}

/* Whether any hit overlaps [off, off+len) of string seg. */
static bool
hit_over(const struct search *s, size_t seg, size_t off, size_t len)
{
	for (size_t i = 0; i < s->nhits; i++)
		if (over(s, i, seg, off, len))
			return true;
	return false;
}

/* The hits of q with bridging are those without it, and every mention of
 * (kind, id) in paragraph text (found here paragraph by paragraph, not
 * through the index's list of paragraphs) that no hit of the text
 * overlaps, bridged, and in the English of those paragraphs their Latin
 * forms as words; all in reading order, none twice. */
static void
check_bridge(const struct dossier *d, const char *q, enum ds_kind kind, const char *id,
    const char *form)
{
	struct search plain, br;
	struct index ix;
	size_t w = who(d, kind, id), nb = 0, k = 0, ngloss = 0;

	assert_int_equal(index_init(&ix, d), 0);
	search_init(&plain, d);
	search_init(&br, d);
	search_bridging(&br, &ix);
	run(&plain, q);
	run(&br, q);
	for (size_t i = 0; i < br.nhits; i++) {
		const struct search_hit *h = &br.hits[i];
		const struct search_seg *sg = search_seg_of(&br, h);
		size_t off, len, po, pl;
		span(&br, i, &off, &len);
		if (i > 0) {
			const struct search_hit *p = &br.hits[i - 1];
			span(&br, i - 1, &po, &pl);
			if (!(p->seg < h->seg || (p->seg == h->seg && po < off)))
				fail_msg("'%s': hit %zu is not after hit %zu", q, i, i - 1);
			/* No bridged hit overlaps the one before it. */
			if (search_hit_bridged(h) && p->seg == h->seg)
				assert_true(po + pl <= off);
		}
		if (!search_hit_bridged(h)) {
			/* The hits of the text, all of them, in their order. */
			assert_true(k < plain.nhits);
			assert_int_equal(h->seg, plain.hits[k].seg);
			assert_int_equal(h->fpos, plain.hits[k].fpos);
			span(&plain, k, &po, &pl);
			assert_int_equal(off, po);
			assert_int_equal(len, pl);
			assert_null(search_bridge_of(&br, i));
			k++;
			continue;
		}
		const struct search_bridge *b = search_bridge_of(&br, i);
		assert_non_null(b);
		assert_int_equal(b->kind, kind);
		assert_int_equal(b->who, w);
		assert_int_equal(br.segs[b->seg].orig_n, strlen(form));
		assert_memory_equal(br.segs[b->seg].orig, form, strlen(form));
		assert_int_equal(sg->kind, DS_PARAGRAPH);
		assert_true(sg->field == SF_TEXT || sg->field == SF_GLOSS);
		assert_false(text_hit_over(&br, h->seg, off, len));
		if (sg->field == SF_GLOSS) {
			/* A Latin form of theirs, as a word, in the English of a
			 * paragraph whose text mentions them. */
			assert_true(is_latin_form(d, kind, w, sg->orig + off, len));
			assert_true(word_at(search_seg_str(sg), off, len));
			assert_true(mentions(&ix, sg->item, kind, w));
			ngloss++;
		}
	}
	assert_int_equal(k, plain.nhits);
	/* Every mention not overlapped is there. */
	for (size_t p = 0; p < d->nparas; p++) {
		size_t nm;
		const struct ds_mention *m = index_mentions(&ix, p, &nm);
		for (size_t j = 0; j < nm; j++) {
			bool found = false;
			if (m[j].kind != kind || m[j].who != w)
				continue;
			for (size_t i = 0; i < br.nhits && !found; i++) {
				const struct search_seg *sg = search_seg_of(&br, &br.hits[i]);
				size_t off, len;
				if (!search_hit_bridged(&br.hits[i]))
					continue;
				span(&br, i, &off, &len);
				found = sg->kind == DS_PARAGRAPH && sg->item == p &&
				    sg->field == SF_TEXT && off == m[j].off && len == m[j].len;
			}
			if (!found) {
				const struct search_seg *sg = NULL;
				for (size_t i = 0; i < br.nsegs && !sg; i++)
					if (br.segs[i].kind == DS_PARAGRAPH && br.segs[i].item == p &&
					    br.segs[i].field == SF_TEXT)
						sg = &br.segs[i];
				assert_non_null(sg);
				if (!text_hit_over(&br, (size_t)(sg - br.segs), m[j].off, m[j].len))
					fail_msg("'%s': the mention at %u of paragraph %zu is missing",
					    q, m[j].off, p);
			} else {
				nb++;
			}
		}
	}
	/* And in the English, every Latin form of theirs as a word is in a
	 * hit, where the text mentions them. */
	for (size_t p = 0; p < d->nparas; p++) {
		struct ds_str g = d->paras[p].gloss;
		size_t gseg = br.nsegs;
		if (!g.n || !mentions(&ix, p, kind, w))
			continue;
		for (size_t i = 0; i < br.nsegs && gseg == br.nsegs; i++)
			if (br.segs[i].kind == DS_PARAGRAPH && br.segs[i].item == p &&
			    br.segs[i].field == SF_GLOSS)
				gseg = i;
		assert_true(gseg < br.nsegs);
		for (size_t f = 0; f < entity_forms(d, kind, w); f++) {
			struct ds_str lf = entity_form(d, kind, w, f);
			if (!is_latin_form(d, kind, w, lf.s, lf.n))
				continue;
			for (size_t o = 0; o + lf.n <= g.n; o++)
				if (memcmp(g.s + o, lf.s, lf.n) == 0 && word_at(g, o, lf.n) &&
				    !hit_over(&br, gseg, o, lf.n))
					fail_msg("'%s': %.*s at %zu of the gloss of paragraph %zu "
					    "is not in a hit", q, (int)lf.n, lf.s, o, p);
		}
	}
	assert_int_equal(nb + ngloss, bridged(&br));
	assert_true(nb > 0);
	search_free(&plain);
	search_free(&br);
	index_free(&ix);
}

/* LeCun is an Alias of 杨立昆: his mentions as 杨立昆 are found, those
 * as Yann LeCunn are hits of the text already.  And the other way. */
static void
test_bridges_forms(void **state)
{
	(void)state;
	check_bridge(&bundled, "LeCun", DS_PERSON, "lecun", "LeCun");
	check_bridge(&bundled, "杨立昆", DS_PERSON, "lecun", "杨立昆");
	check_bridge(&bundled, "Yann LeCun", DS_PERSON, "lecun", "Yann LeCun");
	/* His mentions are 扎克伯格, alone or in 马克·扎克伯格, but one. */
	check_bridge(&bundled, "扎克伯格", DS_PERSON, "zuckerberg", "扎克伯格");
	check_bridge(&bundled, "Mark Zuckerberg", DS_PERSON, "zuckerberg", "Mark Zuckerberg");
	check_bridge(&bundled, "meta", DS_ORG, "meta", "Meta");
}

/* Folded alike: the same hits, the same bridged ones. */
static void
test_folded_alike(void **state)
{
	static const char *const qs[] = { "LeCun", "lecun", "LECUN", "ＬｅＣｕｎ" };
	struct search a, b;

	(void)state;
	search_init(&a, &bundled);
	search_bridging(&a, NULL);
	run(&a, qs[0]);
	assert_true(bridged(&a) >= 3);
	for (size_t i = 1; i < sizeof qs / sizeof *qs; i++) {
		search_init(&b, &bundled);
		search_bridging(&b, NULL);
		run(&b, qs[i]);
		assert_int_equal(a.nhits, b.nhits);
		for (size_t j = 0; j < a.nhits; j++) {
			size_t ao, al, bo, bl;
			span(&a, j, &ao, &al);
			span(&b, j, &bo, &bl);
			assert_int_equal(a.hits[j].seg, b.hits[j].seg);
			assert_int_equal(ao, bo);
			assert_int_equal(al, bl);
			assert_int_equal(search_hit_bridged(&a.hits[j]),
			    search_hit_bridged(&b.hits[j]));
		}
		search_free(&b);
	}
	search_free(&a);
}

/* Only the whole of a form bridges: not a part of one, nor one with more
 * around it, nor a Role; and without search_bridging nothing does. */
static void
test_whole_forms_only(void **state)
{
	static const char *const qs[] = {
		"LeCu", "eCun", "Yann", "LeCun ", " LeCun", "Yann LeCu", "杨立", "立昆",
		"扎克伯", "French AI scientist", "FAIR成立", "2013",
	};
	struct search s, off;

	(void)state;
	search_init(&s, &bundled);
	search_bridging(&s, NULL);
	for (size_t i = 0; i < sizeof qs / sizeof *qs; i++) {
		run(&s, qs[i]);
		if (bridged(&s))
			fail_msg("'%s' bridged %zu hits", qs[i], bridged(&s));
		assert_int_equal(s.nbridges, 0);
	}
	search_free(&s);
	search_init(&off, &bundled);
	run(&off, "LeCun");
	assert_true(off.nhits > 0);
	assert_int_equal(bridged(&off), 0);
	assert_null(off.own_ix);     /* nor is an index made */
	search_free(&off);
}

/* OpenAI has no form without openai in it: every mention of it is a hit
 * of the text, nothing is bridged, and the index is not even asked. */
static void
test_no_other_form(void **state)
{
	struct search s, plain;

	(void)state;
	search_init(&s, &bundled);
	search_init(&plain, &bundled);
	search_bridging(&s, NULL);
	run(&s, "openai");
	run(&plain, "openai");
	assert_int_equal(s.nbridges, 0);
	assert_int_equal(s.nhits, plain.nhits);
	assert_null(s.own_ix);
	/* While LeCun has 杨立昆. */
	run(&s, "lecun");
	assert_int_equal(s.nbridges, 1);
	assert_non_null(s.own_ix);
	search_free(&s);
	search_free(&plain);
}

/* Typed a key at a time, past the form and back (narrowing, then fresh
 * scans): each step's hits are a fresh search's. */
static void
test_incremental(void **state)
{
	static const char *const steps[] = {
		"l", "le", "lec", "lecu", "lecun", "lecunn", "lecun", "lecu", "lecun",
		"扎", "扎克", "扎克伯", "扎克伯格", "扎克伯格x", "扎克伯格",
	};
	struct search typed, fresh;

	(void)state;
	search_init(&typed, &bundled);
	search_bridging(&typed, NULL);
	for (size_t i = 0; i < sizeof steps / sizeof *steps; i++) {
		search_init(&fresh, &bundled);
		search_bridging(&fresh, NULL);
		run(&typed, steps[i]);
		run(&fresh, steps[i]);
		if (typed.nhits != fresh.nhits)
			fail_msg("'%s': %zu hits typed, %zu fresh", steps[i], typed.nhits,
			    fresh.nhits);
		for (size_t j = 0; j < typed.nhits; j++) {
			size_t to, tl, fo, fl;
			span(&typed, j, &to, &tl);
			span(&fresh, j, &fo, &fl);
			assert_int_equal(typed.hits[j].seg, fresh.hits[j].seg);
			assert_int_equal(to, fo);
			assert_int_equal(tl, fl);
			assert_int_equal(typed.hits[j].fpos, fresh.hits[j].fpos);
		}
		assert_int_equal(typed.nbridges, fresh.nbridges);
		search_free(&fresh);
	}
	run(&typed, "lecun");
	assert_true(bridged(&typed) > 0);
	run(&typed, "");
	assert_int_equal(typed.nhits, 0);
	assert_int_equal(typed.nbridges, 0);
	search_free(&typed);
}

/* Two people sharing a form: both bridged, their mentions merged in
 * reading order; a mention in the queried form itself is a plain hit. */
static void
test_shared_form(void **state)
{
	static const char rec[] =
	    "%rec: Dossier\n\nTitle: t\n\n"
	    "%rec: Person\n\n"
	    "Id: ma1\nName: 马一\nAlias: Ma\n\n"
	    "Id: ma2\nName: 马二\nAlias: Ma\n\n"
	    "%rec: Paragraph\n\n"
	    "Id: p1\nText: 马二见了马一,又见马二。\n\n"
	    "Id: p2\nText: 马一说Ma来了。\n\n";
	static const char *const want[][2] = {
	    { "p1", "马二" }, { "p1", "马一" }, { "p1", "马二" }, { "p2", "马一" }, { "p2", "Ma" },
	};
	struct dossier d;
	struct diag dg;
	struct search s;

	(void)state;
	diag_init(&dg, "shared");
	assert_int_equal(dossier_load_buffer(&d, "shared", rec, sizeof rec - 1, &dg), 0);
	diag_free(&dg);
	search_init(&s, &d);
	search_bridging(&s, NULL);
	run(&s, "ma");
	assert_int_equal(s.nbridges, 2);
	/* The two aliases, then the paragraphs. */
	assert_int_equal(search_first_at(&s, DS_PARAGRAPH, 0), 2);
	assert_int_equal(s.nhits, 2 + sizeof want / sizeof *want);
	for (size_t i = 0; i < sizeof want / sizeof *want; i++) {
		const struct search_hit *h = &s.hits[2 + i];
		const struct search_seg *sg = search_seg_of(&s, h);
		const struct search_bridge *b = search_bridge_of(&s, 2 + i);
		size_t off, len;
		span(&s, 2 + i, &off, &len);
		assert_int_equal(d.idkeys[DS_PARAGRAPH][sg->item].n, strlen(want[i][0]));
		assert_memory_equal(d.idkeys[DS_PARAGRAPH][sg->item].s, want[i][0], 2);
		assert_int_equal(len, strlen(want[i][1]));
		assert_memory_equal(sg->orig + off, want[i][1], len);
		assert_int_equal(search_hit_bridged(h), i < 4);
		if (i < 4)
			assert_int_equal(b->who, strcmp(want[i][1], "马一") == 0 ? 0 : 1);
		else
			assert_null(b);
	}
	search_free(&s);
	dossier_free(&d);
}

/* The hits' array holds as many as the search says it has room for:
 * the merge once counted the mentions it added twice, and the next fresh
 * scan (杨立昆, then %: 12 hits where 11 fit) wrote past the array. */
static void
room_holds(const struct search *s)
{
#ifdef __GLIBC__
	if (s->hitcap)
		assert_true(malloc_usable_size(s->hits) >= s->hitcap * sizeof *s->hits);
#else
	(void)s;
#endif
}

static void
test_room_after_merge(void **state)
{
	static const char *const named[] = { "杨立昆", "lecun", "扎克伯格", "meta" };
	static const char *const next[] = { "%", "e", "的", "fair", "(", "2023" };
	struct search s, fresh;

	(void)state;
	for (size_t i = 0; i < sizeof named / sizeof *named; i++)
		for (size_t j = 0; j < sizeof next / sizeof *next; j++) {
			search_init(&s, &bundled);
			search_bridging(&s, NULL);
			run(&s, named[i]);
			room_holds(&s);
			search_init(&fresh, &bundled);
			search_bridging(&fresh, NULL);
			assert_int_equal(run(&s, next[j]), run(&fresh, next[j]));
			room_holds(&s);
			search_free(&fresh);
			search_free(&s);
		}
}

/* ---- the view ---- */

static void
search(struct view *v, const char *q)
{
	prompt_open(&v->prompt);
	prompt_insert(&v->prompt, q, strlen(q));
	view_search_update(v);
	v->have_hits = v->search.nhits > 0;
}

/* n walks every hit, bridged ones too, each marked as the current hit
 * where it lands and named in the status's words; N walks back. */
static void
test_view_walks_bridged(void **state)
{
	struct view *v = open_view(&bundled, 24, 80);
	size_t n, seen = 0;
	char buf[128];

	(void)state;
	search(v, "lecun");
	n = v->search.nhits;
	assert_true(n > 0);
	for (size_t i = 0; i < n; i++) {
		const struct search_hit *h;
		const struct search_seg *sg;
		struct span sp[64];
		size_t ns, off, len;
		bool cur = false;
		view_step_hit(v, 1);
		h = &v->search.hits[v->cur_hit];
		sg = search_seg_of(&v->search, h);
		span(&v->search, v->cur_hit, &off, &len);
		ns = view_hit_spans(v, (enum ds_kind)sg->kind, sg->item, search_seg_str(sg), sp, 64);
		for (size_t j = 0; j < ns; j++)
			cur |= sp[j].role == R_CUR_HIT && sp[j].off == off && sp[j].len == len;
		assert_true(cur);
		view_hit_bridge(v, v->cur_hit, buf, sizeof buf);
		if (search_hit_bridged(h)) {
			seen++;
			assert_string_equal(buf, "杨立昆 = LeCun");
			assert_int_equal(v->focus, PANE_ARTICLE);
			assert_true(art_row_shown(v, sg->item,
			    art_row_of_offset(v, sg->item, off, art_text_width(v))));
		} else {
			assert_string_equal(buf, "");
		}
	}
	assert_int_equal(seen, 3);
	/* Back and forth: N undoes n, over a bridged hit too. */
	for (size_t i = 0; i < n; i++) {
		size_t at = v->cur_hit;
		view_step_hit(v, 1);
		view_step_hit(v, -1);
		assert_int_equal(v->cur_hit, at);
		view_step_hit(v, 1);
	}
	close_view(v);
}

/* The form named is the data's, however the query was typed; in Chinese
 * the words are the catalogue's. */
static void
test_view_names_form(void **state)
{
	struct view *v = open_view(&bundled, 24, 80);
	char buf[128];
	size_t i;

	(void)state;
	search(v, "ｍａｒｋ ｚｕｃｋｅｒｂｅｒｇ");
	for (i = 0; i < v->search.nhits && !search_hit_bridged(&v->search.hits[i]); i++)
		;
	assert_true(i < v->search.nhits);
	view_hit_bridge(v, i, buf, sizeof buf);
	assert_string_equal(buf, "马克·扎克伯格 = Mark Zuckerberg");
	/* Out of range or a text hit: nothing. */
	view_hit_bridge(v, v->search.nhits, buf, sizeof buf);
	assert_string_equal(buf, "");
	close_view(v);
}

/* A bridged hit in a paragraph's English: the article shows the English
 * with it in sight, and the status names the Latin form found. */
static void
test_view_gloss_hit(void **state)
{
	struct view *v = open_view(&bundled, 24, 80);
	char buf[128];
	size_t i;

	(void)state;
	search(v, "杨立昆");
	for (i = 0; i < v->search.nhits; i++)
		if (search_hit_bridged(&v->search.hits[i]) &&
		    search_seg_of(&v->search, &v->search.hits[i])->field == SF_GLOSS)
			break;
	assert_true(i < v->search.nhits);
	view_goto_hit(v, i);
	const struct search_seg *sg = search_seg_of(&v->search, &v->search.hits[i]);
	size_t off, len;
	span(&v->search, i, &off, &len);
	assert_int_equal(v->focus, PANE_ARTICLE);
	assert_true(art_shows_gloss(v, sg->item));
	assert_true(art_row_shown(v, sg->item, art_row_of_offset(v, sg->item,
	    v->d->paras[sg->item].text.n + off, art_text_width(v))));
	view_hit_bridge(v, i, buf, sizeof buf);
	assert_string_equal(buf, "Yann LeCun = 杨立昆");
	close_view(v);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_bridges_forms),
		cmocka_unit_test(test_folded_alike),
		cmocka_unit_test(test_whole_forms_only),
		cmocka_unit_test(test_no_other_form),
		cmocka_unit_test(test_incremental),
		cmocka_unit_test(test_shared_form),
		cmocka_unit_test(test_room_after_merge),
		cmocka_unit_test(test_view_walks_bridged),
		cmocka_unit_test(test_view_names_form),
		cmocka_unit_test(test_view_gloss_hit),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
