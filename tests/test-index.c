/* Unit tests of the mention index (src/index.c): longest surface form wins,
 * exact byte offsets, Latin forms only as whole words, paragraphs of each
 * person and organization. */
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

#include "bundled.h"
#include "index.h"

/* Paragraph texts, built from pieces so that offsets are the lengths of
 * the pieces before them. */
#define ZUCK_LONG  "马克·扎克伯格"
#define ZUCK_SHORT "扎克伯格"
#define P0_A "据报道,"
#define P0_B "说,"
#define P0_C "Metaverse不是"
#define P0_D "。"
#define P0 P0_A ZUCK_LONG P0_B P0_C "Meta" P0_D ZUCK_SHORT "。"

#define P1_A "苹"            /* 苹果 + 果园大厦: the longer one starts later */
#define P1_B "果园大厦在"
#define P1_C "旁边,"
#define P1 P1_A P1_B P1_C "苹果公司" "和" "苹果" "。"

#define P2 "AMeta, Meta2, 2Meta, MetaMeta, (Meta), Meta."

#define P3 "没有任何人。"

#define P4 "Facebook AI Research的Yann LeCun与LeCun"

static const char text[] =
    "%rec: Dossier\n\nTitle: T\n\n"
    "%rec: Paragraph\n\n"
    "Id: p0\nText: " P0 "\n\n"
    "Id: p1\nText: " P1 "\n\n"
    "Id: p2\nText: " P2 "\n\n"
    "Id: p3\nText: " P3 "\n\n"
    "Id: p4\nText: " P4 "\n\n"
    "%rec: Person\n\n"
    "Id: zuck\nName: " ZUCK_LONG "\nAlias: " ZUCK_SHORT "\n\n"
    "Id: lecun\nName: 杨立昆\nAlias: Yann LeCun\nAlias: LeCun\n\n"
    "%rec: Org\n\n"
    "Id: meta\nName: Meta\n\n"
    "Id: apple\nName: 苹果\nAlias: 苹果公司\n\n"
    "Id: hq\nName: 果园大厦\n\n"
    "Id: fb\nName: Facebook\n\n"
    "Id: fair\nName: FAIR\nAlias: Facebook AI Research\n\n"
    "Id: nobody\nName: 不存在\n";

enum { ZUCK, LECUN };
enum { META, APPLE, HQ, FB, FAIR, NOBODY };

struct fixture {
	struct dossier d;
	struct index ix;
};

static int
setup(void **state)
{
	struct fixture *f = calloc(1, sizeof *f);
	struct diag dg;

	if (!f)
		return -1;
	diag_init(&dg, "index.rec");
	if (dossier_load_buffer(&f->d, "index.rec", text, strlen(text), &dg)) {
		for (size_t i = 0; i < dg.count && i < DIAG_MAX; i++)
			fprintf(stderr, "%s\n", dg.msg[i]);
		diag_free(&dg);
		free(f);
		return -1;
	}
	diag_free(&dg);
	if (index_init(&f->ix, &f->d) < 0) {
		dossier_free(&f->d);
		free(f);
		return -1;
	}
	*state = f;
	return 0;
}

static int
teardown(void **state)
{
	struct fixture *f = *state;

	index_free(&f->ix);
	dossier_free(&f->d);
	free(f);
	return 0;
}

struct want {
	size_t off, len;
	unsigned kind, who;
};

static void
mentions_are(struct fixture *f, size_t p, const struct want *w, size_t nw)
{
	size_t n;
	const struct ds_mention *m = index_mentions(&f->ix, p, &n);
	const char *t = f->d.paras[p].text.s;

	if (n != nw) {
		for (size_t i = 0; i < n; i++)
			print_message("# got %u+%u '%.*s'\n", m[i].off, m[i].len,
			    (int)m[i].len, t + m[i].off);
		fail_msg("paragraph %zu: %zu mentions, want %zu", p, n, nw);
	}
	for (size_t i = 0; i < n; i++) {
		if (m[i].off != w[i].off || m[i].len != w[i].len)
			fail_msg("mention %zu: %u+%u '%.*s', want %zu+%zu '%.*s'", i,
			    m[i].off, m[i].len, (int)m[i].len, t + m[i].off,
			    w[i].off, w[i].len, (int)w[i].len, t + w[i].off);
		assert_int_equal(m[i].kind, w[i].kind);
		assert_int_equal(m[i].who, w[i].who);
	}
}

#define L(s) (sizeof(s) - 1)

static void
test_long_form_wins(void **state)
{
	struct fixture *f = *state;
	const struct want w[] = {
		/* 马克·扎克伯格 once, not 扎克伯格 inside it. */
		{ L(P0_A), L(ZUCK_LONG), DS_PERSON, ZUCK },
		/* Meta, but not the Meta of Metaverse. */
		{ L(P0_A ZUCK_LONG P0_B P0_C), 4, DS_ORG, META },
		{ L(P0_A ZUCK_LONG P0_B P0_C "Meta" P0_D), L(ZUCK_SHORT), DS_PERSON, ZUCK },
	};

	mentions_are(f, 0, w, 3);
	assert_memory_equal(f->d.paras[0].text.s + w[0].off, ZUCK_LONG, w[0].len);
}

static void
test_longer_starts_later(void **state)
{
	struct fixture *f = *state;
	const struct want w[] = {
		/* 苹果园大厦: 苹果 and 果园大厦 overlap; the longer one wins
		 * although it starts later. */
		{ L(P1_A), L("果园大厦"), DS_ORG, HQ },
		/* 苹果公司 (an Alias) over 苹果 (the Name) at the same place. */
		{ L(P1_A P1_B P1_C), L("苹果公司"), DS_ORG, APPLE },
		{ L(P1_A P1_B P1_C "苹果公司" "和"), L("苹果"), DS_ORG, APPLE },
	};

	mentions_are(f, 1, w, 3);
}

static void
test_latin_word_boundaries(void **state)
{
	struct fixture *f = *state;
	/* AMeta, Meta2, 2Meta, MetaMeta: inside Latin words; (Meta) and
	 * Meta. are words of their own. */
	const char *t = f->d.paras[2].text.s;
	size_t n;
	const struct ds_mention *m = index_mentions(&f->ix, 2, &n);
	size_t a = (size_t)(strstr(t, "(Meta)") - t) + 1;
	size_t b = (size_t)(strstr(t, "Meta.") - t);

	assert_int_equal(n, 2);
	assert_int_equal(m[0].off, a);
	assert_int_equal(m[0].len, 4);
	assert_int_equal(m[1].off, b);
	assert_int_equal(m[1].len, 4);
	assert_int_equal(m[1].who, META);
}

static void
test_latin_multiword(void **state)
{
	struct fixture *f = *state;
	const struct want w[] = {
		/* The Alias of FAIR, over the Name of fb inside it. */
		{ 0, L("Facebook AI Research"), DS_ORG, FAIR },
		{ L("Facebook AI Research的"), L("Yann LeCun"), DS_PERSON, LECUN },
		{ L("Facebook AI Research的Yann LeCun与"), L("LeCun"), DS_PERSON, LECUN },
	};

	mentions_are(f, 4, w, 3);
}

static void
test_no_mentions(void **state)
{
	struct fixture *f = *state;
	size_t n = 99;

	index_mentions(&f->ix, 3, &n);
	assert_int_equal(n, 0);
}

static void
refs_are(const struct ds_refs *r, const uint32_t *want, size_t n)
{
	assert_non_null(r);
	assert_int_equal(r->n, n);
	for (size_t i = 0; i < n; i++)
		assert_int_equal(r->v[i], want[i]);
}

static void
test_paragraphs_of(void **state)
{
	struct fixture *f = *state;
	static const uint32_t zuck[] = { 0 }, lecun[] = { 4 }, meta[] = { 0, 2 },
	    apple[] = { 1 }, hq[] = { 1 };

	refs_are(index_paragraphs_of(&f->ix, DS_PERSON, ZUCK), zuck, 1);
	refs_are(index_paragraphs_of(&f->ix, DS_PERSON, LECUN), lecun, 1);
	refs_are(index_paragraphs_of(&f->ix, DS_ORG, META), meta, 2);
	refs_are(index_paragraphs_of(&f->ix, DS_ORG, APPLE), apple, 1);
	refs_are(index_paragraphs_of(&f->ix, DS_ORG, HQ), hq, 1);
	/* Facebook occurs only inside the longer Facebook AI Research. */
	refs_are(index_paragraphs_of(&f->ix, DS_ORG, FB), NULL, 0);
	refs_are(index_paragraphs_of(&f->ix, DS_ORG, NOBODY), NULL, 0);
}

/* The bundled dossier: every mention is exactly a Name or Alias of its
 * entity, mentions are ordered and disjoint, and every occurrence of a
 * surface form (as a whole word, for Latin ones) lies under a mention at
 * least as long. */
static bool
is_word(unsigned char c)
{
	return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') ||
	    (c >= 'a' && c <= 'z');
}

static bool
is_form_of(const struct ds_entity *e, const char *s, size_t n)
{
	if (e->name.n == n && memcmp(e->name.s, s, n) == 0)
		return true;
	for (size_t a = 0; a < e->nalias; a++)
		if (e->alias[a].n == n && memcmp(e->alias[a].s, s, n) == 0)
			return true;
	return false;
}

static void
check_form(struct ds_str t, const struct ds_mention *m, size_t n, struct ds_str form)
{
	const char *p = t.s, *end = t.s + t.n;

	while (form.n && (p = memmem(p, (size_t)(end - p), form.s, form.n)) != NULL) {
		size_t off = (size_t)(p - t.s), i;
		bool word = !(off > 0 && is_word((unsigned char)t.s[off]) &&
		    is_word((unsigned char)t.s[off - 1])) &&
		    !(off + form.n < t.n && is_word((unsigned char)t.s[off + form.n - 1]) &&
		    is_word((unsigned char)t.s[off + form.n]));
		p++;
		if (!word)
			continue;
		for (i = 0; i < n; i++)
			if (m[i].off < off + form.n && off < m[i].off + m[i].len)
				break;
		if (i == n || m[i].len < form.n)
			fail_msg("'%.*s' at %zu is not under a mention as long",
			    (int)form.n, form.s, off);
	}
}

static void
test_bundled(void **state)
{
	struct dossier d;
	struct index ix;
	size_t total = 0;

	(void)state;
	assert_int_equal(load_bundled(&d), 0);
	assert_int_equal(index_init(&ix, &d), 0);
	for (size_t p = 0; p < d.nparas; p++) {
		struct ds_str t = d.paras[p].text;
		size_t n;
		const struct ds_mention *m = index_mentions(&ix, p, &n);
		total += n;
		for (size_t i = 0; i < n; i++) {
			const struct ds_entity *e = m[i].kind == DS_PERSON ?
			    &d.people[m[i].who] : &d.orgs[m[i].who];
			assert_true(m[i].kind == DS_PERSON || m[i].kind == DS_ORG);
			assert_true(m[i].off + m[i].len <= t.n);
			assert_true(is_form_of(e, t.s + m[i].off, m[i].len));
			if (i > 0)
				assert_true(m[i - 1].off + m[i - 1].len <= m[i].off);
		}
		for (size_t k = 0; k < d.npeople; k++) {
			check_form(t, m, n, d.people[k].name);
			for (size_t a = 0; a < d.people[k].nalias; a++)
				check_form(t, m, n, d.people[k].alias[a]);
		}
		for (size_t k = 0; k < d.norgs; k++) {
			check_form(t, m, n, d.orgs[k].name);
			for (size_t a = 0; a < d.orgs[k].nalias; a++)
				check_form(t, m, n, d.orgs[k].alias[a]);
		}
		/* A second call gives the cached answer. */
		assert_ptr_equal(index_mentions(&ix, p, &n), m);
	}
	assert_true(total > 100);
	/* index_paragraphs_of agrees with the mentions. */
	for (int kind = DS_PERSON; kind <= DS_ORG; kind++) {
		size_t ne = kind == DS_PERSON ? d.npeople : d.norgs;
		for (size_t k = 0; k < ne; k++) {
			const struct ds_refs *r = index_paragraphs_of(&ix, kind, k);
			size_t j = 0;
			assert_non_null(r);
			for (size_t p = 0; p < d.nparas; p++) {
				size_t n;
				const struct ds_mention *m = index_mentions(&ix, p, &n);
				bool has = false;
				for (size_t i = 0; i < n; i++)
					has |= m[i].kind == kind && m[i].who == k;
				if (has) {
					assert_true(j < r->n);
					assert_int_equal(r->v[j], p);
					j++;
				}
			}
			assert_int_equal(j, r->n);
		}
	}
	index_free(&ix);
	dossier_free(&d);
}

/* Prepared a little at a time, with some paragraphs' mentions asked for
 * in between, out of order, as the screen does: the same lists as made
 * at once, and index_paragraphs_of does not redo them. */
static void
test_prepare(void **state)
{
	struct dossier d;
	struct index slow, fast;
	size_t n, calls = 0;

	(void)state;
	assert_int_equal(load_bundled(&d), 0);
	assert_int_equal(index_init(&slow, &d), 0);
	assert_int_equal(index_init(&fast, &d), 0);
	index_mentions(&slow, d.nparas - 1, &n);
	index_mentions(&slow, 3, &n);
	while (!index_prepare(&slow, 0)) {
		assert_true(slow.prepared < d.nparas);
		calls++;
	}
	assert_true(calls > 0);       /* a budget of 0 stops at every look */
	assert_int_equal(slow.prepared, d.nparas);
	assert_true(index_prepare(&slow, 0));
	for (int kind = DS_PERSON; kind <= DS_ORG; kind++)
		for (size_t k = 0; k < (kind == DS_PERSON ? d.npeople : d.norgs); k++) {
			const struct ds_refs *a = index_paragraphs_of(&slow, kind, k);
			const struct ds_refs *b = index_paragraphs_of(&fast, kind, k);
			assert_non_null(a);
			assert_non_null(b);
			assert_int_equal(a->n, b->n);
			for (size_t i = 0; i < a->n; i++)
				assert_int_equal(a->v[i], b->v[i]);
		}
	index_free(&slow);
	index_free(&fast);
	dossier_free(&d);
}

static void
test_empty_dossier(void **state)
{
	static const char empty[] = "%rec: Dossier\n\nTitle: T\n\n"
	    "%rec: Paragraph\n\nId: p1\nText: 没有人\n\nId: p2\nText: x\n";
	struct dossier d;
	struct diag dg;
	struct index ix;
	size_t n = 9;

	(void)state;
	diag_init(&dg, "empty");
	assert_int_equal(dossier_load_buffer(&d, "empty", empty, strlen(empty), &dg), 0);
	diag_free(&dg);
	assert_int_equal(index_init(&ix, &d), 0);
	assert_null(index_mentions(&ix, 0, &n));
	assert_int_equal(n, 0);
	assert_null(index_mentions(&ix, 1, &n));
	assert_int_equal(n, 0);
	index_free(&ix);
	dossier_free(&d);
}


/* The mentions the index must find, the slow plain way: from each
 * character, every form that starts there, the longest one whose end is
 * not inside a Latin word; then overlapping ones settled longest first
 * (ties: the earlier), byte by byte. */
struct form {
	const char *s;
	size_t n;
	uint32_t who;
	uint8_t kind;
};

static bool
word_byte(char c)
{
	return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

static size_t
reference(const struct form *f, size_t nf, const char *t, size_t n,
    struct ds_mention *out)
{
	struct ds_mention *c = calloc(n + 1, sizeof *c);
	bool *taken = calloc(n + 1, 1);
	size_t nc = 0, kept = 0;

	assert_non_null(c);
	assert_non_null(taken);
	for (size_t i = 0; i < n; i++) {
		size_t best = 0, who = 0;
		if (((unsigned char)t[i] & 0xc0) == 0x80 ||
		    (i > 0 && word_byte(t[i]) && word_byte(t[i - 1])))
			continue;
		for (size_t k = 0; k < nf; k++) {
			size_t e = i + f[k].n;
			if (f[k].n <= best || e > n || memcmp(t + i, f[k].s, f[k].n) != 0 ||
			    (e < n && word_byte(t[e - 1]) && word_byte(t[e])))
				continue;
			best = f[k].n;
			who = k;
		}
		if (best)
			c[nc++] = (struct ds_mention){ (uint32_t)i, (uint32_t)best,
			    f[who].who, f[who].kind };
	}
	/* Longest first, then by offset. */
	for (size_t len = n; len > 0; len--)
		for (size_t i = 0; i < nc; i++) {
			bool free_span = true;
			if (c[i].len != len)
				continue;
			for (size_t k = c[i].off; k < c[i].off + len; k++)
				free_span = free_span && !taken[k];
			if (!free_span)
				continue;
			memset(taken + c[i].off, 1, len);
			out[kept++] = c[i];
		}
	free(c);
	free(taken);
	return kept;
}

static int
by_off(const void *a, const void *b)
{
	const struct ds_mention *x = a, *y = b;

	return x->off < y->off ? -1 : x->off > y->off;
}

/* Random forms made of a few pieces (Latin, Chinese, blanks), many of
 * them prefixes and suffixes of others, and random paragraphs of the same
 * pieces: the index finds what the plain way finds. */
static void
test_same_as_plain(void **state)
{
	static const char *const pieces[] = { "a", "b", "ab", " ", "中", "文", "-", "Meta" };
	char text_buf[65536], forms[64][64];
	size_t flen[64];
	struct form f[64];
	unsigned seed = 12345;

	(void)state;
	for (int round = 0; round < 200; round++) {
		size_t nforms = 1 + (size_t)(rand_r(&seed) % 12), n = 0, nm, nr;
		char *src = text_buf;
		n += (size_t)sprintf(src + n, "%%rec: Dossier\n\nTitle: T\n\n%%rec: Paragraph\n\nId: p\nText: ");
		size_t tstart = n;
		for (int k = 0; k < 60; k++)
			n += (size_t)sprintf(src + n, "%s", pieces[rand_r(&seed) % 8]);
		size_t tlen = n - tstart;
		while (src[tstart + tlen - 1] == ' ')   /* a value ends without blanks */
			tlen--;
		n = tstart + tlen;
		while (src[tstart] == ' ')
			src[tstart] = '-';
		n += (size_t)sprintf(src + n, "\n\n");
		for (size_t k = 0; k < nforms; k++) {
			size_t pn = 1 + (size_t)(rand_r(&seed) % 4);
			flen[k] = 0;
			forms[k][0] = '\0';
			for (size_t j = 0; j < pn; j++)
				flen[k] += (size_t)sprintf(forms[k] + flen[k], "%s",
				    pieces[rand_r(&seed) % 8]);
			if (forms[k][0] == ' ')
				forms[k][0] = '-';
			while (forms[k][flen[k] - 1] == ' ')
				forms[k][--flen[k]] = '\0';
		}
		/* Each form its own person (the first to claim a form keeps it). */
		n += (size_t)sprintf(src + n, "%%rec: Person\n\n");
		for (size_t k = 0; k < nforms; k++)
			n += (size_t)sprintf(src + n, "Id: x%zu\nName: %s\n\n", k, forms[k]);
		struct dossier d;
		struct diag dg;
		struct index ix;
		diag_init(&dg, "r.rec");
		assert_int_equal(dossier_load_buffer(&d, "r.rec", src, n, &dg), 0);
		diag_free(&dg);
		assert_int_equal(index_init(&ix, &d), 0);
		{
			size_t m = 0;
			for (size_t k = 0; k < nforms; k++) {
				bool dup = false;
				for (size_t j = 0; j < k; j++)
					dup = dup || (flen[j] == flen[k] && !memcmp(forms[j], forms[k], flen[k]));
				if (!dup)
					f[m++] = (struct form){ forms[k], flen[k], (uint32_t)k, DS_PERSON };
			}
			nforms = m;
		}
		struct ds_mention want[512];
		const struct ds_mention *got = index_mentions(&ix, 0, &nm);
		nr = reference(f, nforms, d.paras[0].text.s, d.paras[0].text.n, want);
		qsort(want, nr, sizeof *want, by_off);
		if (nm != nr)
			fail_msg("round %d: %zu mentions, want %zu in '%.*s'", round, nm, nr,
			    (int)d.paras[0].text.n, d.paras[0].text.s);
		for (size_t i = 0; i < nr; i++) {
			assert_int_equal(got[i].off, want[i].off);
			assert_int_equal(got[i].len, want[i].len);
			assert_int_equal(got[i].who, want[i].who);
			assert_int_equal(got[i].kind, DS_PERSON);
		}
		index_free(&ix);
		dossier_free(&d);
	}
}

/* A name of 20 000 characters, all alike, in a paragraph of 100 000 of
 * them: from every character the name matches for up to its whole
 * length.  The index finds the mentions one after the other, the same
 * as the plain way, without walking the name from each character (that
 * took 7 s for this; the suite's time limit catches a return of it). */
static void
test_long_name(void **state)
{
	size_t name = 20000, para = 100000;
	size_t cap = 3 * (name + para) + 256, n = 0;
	char *src = malloc(cap);
	struct dossier d;
	struct diag dg;
	struct index ix;
	size_t nm;

	(void)state;
	assert_non_null(src);
	n += (size_t)sprintf(src, "%%rec: Dossier\n\nTitle: T\n\n%%rec: Paragraph\n\nId: p\nText: ");
	for (size_t i = 0; i < para; i++, n += 3)
		memcpy(src + n, "中", 3);
	n += (size_t)sprintf(src + n, "\n\n%%rec: Person\n\nId: x\nName: ");
	for (size_t i = 0; i < name; i++, n += 3)
		memcpy(src + n, "中", 3);
	src[n++] = '\n';
	diag_init(&dg, "long.rec");
	assert_int_equal(dossier_load_buffer(&d, "long.rec", src, n, &dg), 0);
	assert_int_equal(index_init(&ix, &d), 0);
	const struct ds_mention *m = index_mentions(&ix, 0, &nm);
	assert_int_equal(nm, para / name);
	for (size_t i = 0; i < nm; i++) {
		assert_int_equal(m[i].off, 3 * name * i);
		assert_int_equal(m[i].len, 3 * name);
	}
	index_free(&ix);
	dossier_free(&d);
	free(src);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_long_form_wins),
		cmocka_unit_test(test_longer_starts_later),
		cmocka_unit_test(test_latin_word_boundaries),
		cmocka_unit_test(test_latin_multiword),
		cmocka_unit_test(test_no_mentions),
		cmocka_unit_test(test_paragraphs_of),
		cmocka_unit_test(test_bundled),
		cmocka_unit_test(test_prepare),
		cmocka_unit_test(test_empty_dossier),
		cmocka_unit_test(test_same_as_plain),
		cmocka_unit_test(test_long_name),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
